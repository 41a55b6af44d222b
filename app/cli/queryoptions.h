// SPDX-License-Identifier: GPL-3.0-or-later
// Turning flightdeck-cli query/export arguments into query values; each prints its one-line error and returns
// nullopt when the argument is wrong (the command then exits 2).
#pragma once

#include "clicommon.h"
#include "querytypes.h"

namespace Deck::Cli {

// ns or ISO-8601 UTC; `what` names the option in the error ("--from").
std::optional<qint64> timeArgument(const QString &command, const QString &what, const QString &text);
// A duration: a number with an optional unit ns, ms, s (default), m, h; at least 1 ns.
std::optional<qint64> durationArgument(const QString &command, const QString &what, const QString &text);
std::optional<qint64> numberArgument(const QString &command, const QString &what, const QString &text,
                                     qint64 minimum = 0);
// The bytes a person typed: the escapes the listings print (\\ \n \t \r \xNN) turned back into bytes, so a shown
// path can be pasted back; any other backslash is kept (glob patterns escape their wildcards with it).
QByteArray bytesArgument(const QString &text);
// The row id the listings show ("#17" or "17"), or HOST/PID (the latest process with that pid on the host).
std::optional<qint64> processArgument(Core::Database &db, const QString &command, const QString &text);
// --host: a hostname, machine id or host row id.
std::optional<qint64> hostArgument(Core::Database &db, const QString &command, const QString &text);

} // namespace Deck::Cli
