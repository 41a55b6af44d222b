// SPDX-License-Identifier: GPL-3.0-or-later
// What the case did not see of a host: the collector's own loss accounts (rec.loss), holes in the hash chain of
// each signing key (archives never imported: missing before the first one received, or between two), and the time
// the collector was not recording (from a rec.stop to the next rec.start, or — when a rec.start follows no rec.stop,
// a crash or power loss — from the end of the last archive before it).
// Thread: the Database's thread. Errors: the store's, naming the database.
#pragma once

#include "querytypes.h"

namespace Deck::Core {

struct LossRow
{
    qint64 id = 0;
    qint64 ts = 0;
    std::optional<qint64> lastTs;
    QString source;
    qint64 count = 0;
    QString unit; // events | archives
    QString reason;
};

struct ChainGap
{
    qint64 keyId = 0;
    qint64 firstMissing = 0; // sequence numbers [firstMissing, lastMissing] are not in the case
    qint64 lastMissing = 0;
    std::optional<qint64> afterTs; // end of the archive before the gap (absent: the gap is at the chain's start)
    qint64 beforeTs = 0; // start of the archive after it
};

struct Downtime
{
    qint64 from = 0;
    qint64 to = 0;
    bool clean = false; // a rec.stop was recorded; otherwise the collector ended without one
};

struct HostCoverage
{
    qint64 hostId = 0;
    QString hostname;
    QList<LossRow> losses;
    QList<ChainGap> gaps;
    QList<Downtime> downtime;
};

class CoverageQueries
{
public:
    explicit CoverageQueries(Database &db);

    // One host, or every host of the case (by hostname) when absent; within `range` when given.
    Expected<QList<HostCoverage>> coverage(std::optional<qint64> hostId = std::nullopt, const TimeRange &range = {});

private:
    Expected<HostCoverage> hostCoverage(qint64 hostId, const QString &hostname, const TimeRange &range);

    Database &m_db;
};

} // namespace Deck::Core
