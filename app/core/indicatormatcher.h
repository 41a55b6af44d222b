// SPDX-License-Identifier: GPL-3.0-or-later
// Matching the indicator lists against a case. Each hit raises an alert through raiseAlert() (source 'indicator',
// rule = the list's name) with its evidence; raising is idempotent, so matching again, or after every import, adds
// only what is new. What is matched against what:
//   - addresses and CIDR ranges: net_events.raddr (remote) and net_events.laddr (local); one alert per list, address,
//     host and process, about that process's first such event (evidence: the net event, the process);
//   - digests: processes.exe_digest, which the collector records as BLAKE2b-256 (FORMAT.md). Only 64-hex-digit
//     indicators whose algorithm is BLAKE2b-256 or left open can match; MD5, SHA-1, SHA-256 and SHA-512 indicators
//     are kept but can never match (evidence: the process);
//   - path patterns: every recorded path (paths: file events, renames' targets, executables); evidence: the first
//     file event of each process on the path with the process and the path, or the process that executed it;
//   - domains: the collector records no DNS queries or answers, so a domain can only be found where the case holds
//     it as text: in process arguments (curl http://evil.example/x) and in paths. A domain matches itself and its
//     subdomains, as a whole name (evil.example does not match notevil.example).
// Thread: the Database's thread; long (it reads every distinct path and argv), so not the GUI thread.
#pragma once

#include "storeerror.h"

#include <QHash>
#include <QString>
#include <atomic>

namespace Deck::Core {

class Database;

struct IndicatorMatchSummary
{
    qint64 indicators = 0; // checked
    qint64 hits = 0; // matches found (each an alert, new or raised before)
    qint64 alertsRaised = 0; // new alerts
    QHash<QString, qint64> raisedPerList;
};

// Matches every list, or only `onlyList`; stops (with an error) when *cancel becomes true.
Expected<IndicatorMatchSummary> matchIndicators(Database &db, const QString &onlyList = {},
                                                const std::atomic<bool> *cancel = nullptr);

} // namespace Deck::Core
