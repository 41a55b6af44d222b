// SPDX-License-Identifier: GPL-3.0-or-later
// How flightdeck-cli query shows the query API's rows: one line per row for people (byte strings escaped, see
// bytetext.h), one JSON object per row with --json (byte strings per FORMAT.md §2.3, time stamps as UTC ns in
// strings — they exceed a double's exact range — next to their ISO-8601 form).
#pragma once

#include "activityqueries.h"
#include "coveragequeries.h"
#include "pointintimequeries.h"
#include "querytypes.h"

#include <QHash>
#include <QJsonObject>

namespace Deck::Cli {

// Host names by host id, for the rows that carry only the id.
using HostNames = QHash<qint64, QString>;
Core::Expected<HostNames> hostNames(Core::Database &db);

QJsonObject processJson(const Core::ProcessRow &row, const HostNames &hosts);
QString processLine(const Core::ProcessRow &row, const HostNames &hosts);
QJsonObject fileEventJson(const Core::FileEventRow &row);
QString fileEventLine(const Core::FileEventRow &row);
QJsonObject netEventJson(const Core::NetEventRow &row);
QString netEventLine(const Core::NetEventRow &row);
QJsonObject lossJson(const Core::LossRow &row);
QJsonObject gapJson(const Core::ChainGap &row);
QJsonObject downtimeJson(const Core::Downtime &row);

// "ts" (string ns) and "time" (ISO-8601) members.
void insertTime(QJsonObject &object, const QString &name, qint64 ns);
QString isoOrDash(std::optional<qint64> ns);

// The cursor text of --after and of a page's last line: "TS:ID".
QString cursorText(const Core::Cursor &cursor);
std::optional<Core::Cursor> parseCursor(const QString &text);

} // namespace Deck::Cli
