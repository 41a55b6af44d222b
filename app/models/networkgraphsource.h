// SPDX-License-Identifier: GPL-3.0-or-later
// The network map's GraphSource: hosts (column 0), their processes (1) and the remote addresses they talked to
// (2). A host expands to its processes' links, a process to its remote addresses, a remote address to the processes
// (and their hosts) that talked to it (NetworkQueries::links). A process -> address edge carries the protocols and
// ports with the number of events.
// Thread: the worker's (it runs as a CaseWorker job).
#pragma once

#include "graphcontroller.h"

namespace Deck::Models {

inline constexpr int kNetworkProcessColumn = 1;

Core::Expected<GraphPiece> networkGraphPiece(Core::Database &db, const GraphNode &node, const Core::TimeRange &range,
                                             int limit, int offset);
GraphNode hostSeed(qint64 hostId);
// Every host of the case at once (the map before anything is selected): its links, no node of its own.
GraphNode overviewSeed();
GraphNode remoteSeed(const QString &address);

} // namespace Deck::Models
