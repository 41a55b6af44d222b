// SPDX-License-Identifier: GPL-3.0-or-later
// The nodes of the file access graph and the network map, made the same way by both sources: their keys, short
// labels and tooltips (translated), and times as people read them in the views (UTC).
// Thread: any (no GUI objects).
#pragma once

#include "casenotes.h"
#include "endpointmarks.h"
#include "graphdocument.h"
#include "querytypes.h"

#include <optional>

namespace Deck::Models {

QString processKey(qint64 processId);
QString fileKey(const QByteArray &path);
QString hostKey(qint64 hostId);
QString remoteKey(const QString &address);

GraphNode processNode(const Core::ProcessRow &process, int column);
// A process to start from: the source fills in its label.
GraphNode processSeed(qint64 processId, qint64 hostId, int column);
// `pathId`: the interned path's row (0 when not known yet: a seed).
GraphNode fileNode(const QByteArray &path, int column, qint64 pathId = 0);
GraphNode hostNode(qint64 hostId, const QString &hostname, int column);
GraphNode remoteNode(const QString &address, int column);

// The case object a bookmark or note on `node` is about: a process, a file (its interned path), a host or a remote
// address (an endpoint, interned when marked); none for a "more" node or a node whose row is not known.
std::optional<Core::MarkTarget> markableObject(const GraphNode &node);

// "2026-12-03 08:17:39.123 UTC"-style text for tables and tooltips: to the millisecond, always UTC.
QString displayTime(qint64 ns);

} // namespace Deck::Models
