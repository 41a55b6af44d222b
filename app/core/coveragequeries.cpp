// SPDX-License-Identifier: GPL-3.0-or-later
#include "coveragequeries.h"

#include "database.h"
#include "querysql.h"

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

bool overlaps(const TimeRange &range, qint64 from, qint64 to)
{
    return (!range.to || from < *range.to) && (!range.from || to >= *range.from);
}

} // namespace

CoverageQueries::CoverageQueries(Database &db)
    : m_db(db)
{
}

Expected<QList<HostCoverage>> CoverageQueries::coverage(std::optional<qint64> hostId, const TimeRange &range)
{
    auto hosts = hostId ? m_db.query(u"SELECT id, hostname FROM hosts WHERE id = ?"_s, {*hostId})
                        : m_db.query(u"SELECT id, hostname FROM hosts ORDER BY hostname, id"_s);
    if (!hosts)
        return hosts.error();
    QList<std::pair<qint64, QString>> list;
    while (hosts->next())
        list.append({hosts->value(0).toLongLong(), hosts->value(1).toString()});
    if (hostId && list.isEmpty())
        return storeError(StoreReason::NotFound,
                          u"host #%1: no such host in the case %2"_s.arg(*hostId).arg(m_db.name()));
    QList<HostCoverage> result;
    for (const auto &[id, name] : std::as_const(list)) {
        auto host = hostCoverage(id, name, range);
        if (!host)
            return host.error();
        result.append(std::move(*host));
    }
    return result;
}

Expected<HostCoverage> CoverageQueries::hostCoverage(qint64 hostId, const QString &hostname, const TimeRange &range)
{
    HostCoverage coverage{hostId, hostname, {}, {}, {}};
    auto losses = m_db.query(u"SELECT id, ts, last_ts, source, count, unit, COALESCE(reason, '') FROM losses "
                             u"WHERE host_id = ? ORDER BY ts, id"_s,
                             {hostId});
    if (!losses)
        return losses.error();
    while (losses->next()) {
        LossRow row{losses->value(0).toLongLong(), losses->value(1).toLongLong(), optionalInt(losses->value(2)),
                    losses->value(3).toString(),   losses->value(4).toLongLong(), losses->value(5).toString(),
                    losses->value(6).toString()};
        if (overlaps(range, row.ts, row.lastTs.value_or(row.ts)))
            coverage.losses.append(std::move(row));
    }

    // The archives of each key in sequence order (archives_host): every jump in seq is a hole in the chain. The
    // chain starts at seq 1, so a first archive with a higher seq has a hole before it.
    auto archives = m_db.query(
        u"SELECT key_id, seq, first_ts, last_ts FROM archives WHERE host_id = ? ORDER BY key_id, seq"_s, {hostId});
    if (!archives)
        return archives.error();
    qint64 key = -1, seq = 0;
    std::optional<qint64> lastTs;
    struct Span
    {
        qint64 first, last;
    };
    QList<Span> spans;
    while (archives->next()) {
        const qint64 archiveKey = archives->value(0).toLongLong();
        const qint64 archiveSeq = archives->value(1).toLongLong();
        const qint64 firstTs = archives->value(2).toLongLong();
        if (archiveKey != key) {
            key = archiveKey;
            seq = 0;
            lastTs.reset();
        }
        if (archiveSeq > seq + 1) {
            ChainGap gap{key, seq + 1, archiveSeq - 1, lastTs, firstTs};
            if (overlaps(range, gap.afterTs.value_or(firstTs), firstTs))
                coverage.gaps.append(gap);
        }
        seq = archiveSeq;
        lastTs = archives->value(3).toLongLong();
        spans.append({firstTs, *lastTs});
    }

    // Downtime: rec.stop .. rec.start; a rec.start after another rec.start (no stop between) began after a crash,
    // and the collector was last heard of at the end of the latest archive that ended before that start.
    auto marks = m_db.query(u"SELECT ts, kind FROM host_events WHERE host_id = ? AND kind IN ('rec.start', "
                            u"'rec.stop') ORDER BY ts, id"_s,
                            {hostId});
    if (!marks)
        return marks.error();
    constexpr qint64 kNone = std::numeric_limits<qint64>::min();
    qint64 stoppedAt = kNone; // the rec.stop since the last rec.start
    bool started = false;
    while (marks->next()) {
        const qint64 ts = marks->value(0).toLongLong();
        if (marks->value(1).toString() == "rec.stop"_L1) {
            stoppedAt = ts;
            continue;
        }
        Downtime down{kNone, ts, stoppedAt != kNone};
        if (down.clean) {
            down.from = stoppedAt;
        } else if (started) {
            for (const Span &span : std::as_const(spans)) {
                if (span.last < ts)
                    down.from = std::max(down.from, span.last);
            }
        }
        if (down.from != kNone && overlaps(range, down.from, down.to))
            coverage.downtime.append(down);
        stoppedAt = kNone;
        started = true;
    }
    return coverage;
}

} // namespace Deck::Core
