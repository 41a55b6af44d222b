// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinequeries.h"

#include "database.h"
#include "eventseconds.h"
#include "querysql.h"

#include <QSqlQuery>
#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

// Each event table and the expression of its kind (eventseconds.h names the constant ones).
struct KindSource
{
    const char *table;
    const char *kind;
};

constexpr KindSource kSources[] = {
    {"process_events", "kind"}, {"file_events", "'file.access'"}, {"net_events", "'net.endpoint'"},
    {"state_changes", "kind"},  {"host_events", "kind"},          {"losses", "'rec.loss'"},
};

void appendCounts(QSqlQuery &q, qint64 from, qint64 bucket, QList<TimelineBucket> &buckets)
{
    while (q.next())
        buckets.append({from + q.value(0).toLongLong() * bucket, q.value(1).toString(), q.value(2).toLongLong()});
}

// The host asked for, or every host of the case: named, so that a time range reads each host's part of the
// (host_id, ...) index instead of the whole table.
QString hostCondition(const TimelineRequest &request, QVariantList &params)
{
    if (!request.hostId)
        return u" AND host_id IN (SELECT id FROM hosts)"_s;
    params << *request.hostId;
    return u" AND host_id = ?"_s;
}

} // namespace

TimelineQueries::TimelineQueries(Database &db)
    : m_db(db)
{
}

Expected<QList<TimelineBucket>> TimelineQueries::counts(const TimelineRequest &request)
{
    const qint64 bucket = std::max<qint64>(1, request.bucket);
    QList<TimelineBucket> buckets;
    // Buckets of whole seconds that start on a second: the seconds before the one `to` falls in come from
    // event_seconds; the events of that last second (or of the whole range, for other buckets) are counted.
    qint64 countFrom = request.from;
    if (!request.recount && bucket % kNsPerSecond == 0 && request.from % kNsPerSecond == 0
        && secondOf(request.to) > secondOf(request.from)) {
        countFrom = secondOf(request.to) * kNsPerSecond;
        if (auto summed = summedSeconds(request, bucket, buckets); !summed)
            return summed.error();
    }
    if (auto counted = countedEvents(request, countFrom, bucket, buckets); !counted)
        return counted.error();
    // The last second's counts join the summed ones of their bucket.
    std::sort(buckets.begin(), buckets.end(), [](const TimelineBucket &a, const TimelineBucket &b) {
        return std::tie(a.start, a.kind) < std::tie(b.start, b.kind);
    });
    QList<TimelineBucket> merged;
    for (const TimelineBucket &b : std::as_const(buckets)) {
        if (!merged.isEmpty() && merged.last().start == b.start && merged.last().kind == b.kind)
            merged.last().events += b.events;
        else
            merged.append(b);
    }
    return merged;
}

Expected<void> TimelineQueries::summedSeconds(const TimelineRequest &request, qint64 bucket,
                                              QList<TimelineBucket> &buckets)
{
    const qint64 firstSecond = request.from / kNsPerSecond;
    const qint64 secondsPerBucket = bucket / kNsPerSecond;
    QVariantList params{firstSecond, secondsPerBucket, firstSecond, secondOf(request.to)};
    QString sql = u"SELECT (epoch_second - ?) / ?, kind, CAST(SUM(events) AS BIGINT) FROM event_seconds "
                  u"WHERE epoch_second >= ? AND epoch_second < ?"_s;
    auto q = m_db.query(sql + hostCondition(request, params) + u" GROUP BY 1, 2"_s, params);
    if (!q)
        return q.error();
    appendCounts(*q, request.from, bucket, buckets);
    return {};
}

Expected<void> TimelineQueries::countedEvents(const TimelineRequest &request, qint64 from, qint64 bucket,
                                              QList<TimelineBucket> &buckets)
{
    if (from >= request.to)
        return {};
    for (const KindSource &source : kSources) {
        // Integer division on both engines (BIGINT / BIGINT); ts >= request.from, so the bucket number is never
        // negative.
        QVariantList params{request.from, bucket};
        QString sql = u"SELECT (ts - ?) / ?, %1, COUNT(*) FROM %2 WHERE ts >= ? AND ts < ?"_s.arg(
            QLatin1StringView(source.kind), QLatin1StringView(source.table));
        params << from << request.to;
        auto q = m_db.query(sql + hostCondition(request, params) + u" GROUP BY 1, 2"_s, params);
        if (!q)
            return q.error();
        appendCounts(*q, request.from, bucket, buckets);
    }
    return {};
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
