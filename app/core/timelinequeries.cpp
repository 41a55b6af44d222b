// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinequeries.h"

#include "database.h"
#include "querysql.h"

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

// Each event table and the expression of its kind.
struct KindSource
{
    const char *table;
    const char *kind;
};

constexpr KindSource kSources[] = {
    {"process_events", "kind"}, {"file_events", "'file.access'"}, {"net_events", "'net.endpoint'"},
    {"state_changes", "kind"},  {"host_events", "kind"},          {"losses", "'rec.loss'"},
};

} // namespace

TimelineQueries::TimelineQueries(Database &db)
    : m_db(db)
{
}

Expected<QList<TimelineBucket>> TimelineQueries::counts(const TimelineRequest &request)
{
    const qint64 bucket = std::max<qint64>(1, request.bucket);
    QList<TimelineBucket> buckets;
    for (const KindSource &source : kSources) {
        // Integer division on both engines (BIGINT / BIGINT); ts >= from, so the bucket number is never negative.
        QVariantList params{request.from, bucket};
        QString sql = u"SELECT (ts - ?) / ?, %1, COUNT(*) FROM %2 WHERE ts >= ? AND ts < ?"_s.arg(
            QLatin1StringView(source.kind), QLatin1StringView(source.table));
        params << request.from << request.to;
        if (request.hostId) {
            sql += u" AND host_id = ?"_s;
            params << *request.hostId;
        }
        sql += u" GROUP BY 1, 2"_s;
        auto q = m_db.query(sql, params);
        if (!q)
            return q.error();
        while (q->next())
            buckets.append(
                {request.from + q->value(0).toLongLong() * bucket, q->value(1).toString(), q->value(2).toLongLong()});
    }
    std::sort(buckets.begin(), buckets.end(), [](const TimelineBucket &a, const TimelineBucket &b) {
        return std::tie(a.start, a.kind) < std::tie(b.start, b.kind);
    });
    return buckets;
}

Expected<std::optional<TimeRange>> TimelineQueries::extent(std::optional<qint64> hostId)
{
    auto q = hostId ? m_db.query(u"SELECT MIN(first_ts), MAX(last_ts) FROM archives WHERE host_id = ?"_s, {*hostId})
                    : m_db.query(u"SELECT MIN(first_ts), MAX(last_ts) FROM archives"_s);
    if (!q)
        return q.error();
    if (!q->next() || q->value(0).isNull())
        return std::optional<TimeRange>{};
    return std::optional<TimeRange>{TimeRange{q->value(0).toLongLong(), q->value(1).toLongLong() + 1}};
}

} // namespace Deck::Core
