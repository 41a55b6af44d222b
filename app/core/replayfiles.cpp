// SPDX-License-Identifier: GPL-3.0-or-later
// Files open for writing at T (the contract is in replayqueries.h).
#include "database.h"
#include "querysql.h"
#include "replayqueries.h"

using namespace Qt::StringLiterals;

namespace Deck::Core {

Expected<QList<OpenFileAt>> ReplayQueries::filesOpenForWriting(qint64 hostId, qint64 bootId, qint64 at, int limit,
                                                               bool *truncated)
{
    // Per (process alive at T, path): the latest open at or before T (an aggregated run that started before T counts
    // from its first), the first open after T, the first close after writing whose run reaches T, and the latest
    // close after writing before T. The processes alive at T come from processes_start (aliveAt); their events from
    // file_events_process, a list of them at a time, so the cost follows the alive processes' file events, not the
    // host's.
    *truncated = false;
    auto alive = PointInTimeQueries(m_db).aliveAt(hostId, bootId, at);
    if (!alive)
        return alive.error();
    const QString last = u"COALESCE(f.last_ts, f.ts)"_s;
    const QString sql = u"SELECT f.process_id, f.path_id, pa.path, "
                        u"MAX(CASE WHEN f.op = 'open' AND f.ts <= ? THEN CASE WHEN %1 <= ? THEN %1 ELSE f.ts END END), "
                        u"MIN(CASE WHEN f.op = 'open' AND f.ts > ? THEN f.ts END), "
                        u"MIN(CASE WHEN f.op = 'write' AND %1 >= ? THEN f.ts END), "
                        u"MAX(CASE WHEN f.op = 'write' AND %1 < ? THEN %1 END) "
                        u"FROM file_events f JOIN paths pa ON pa.id = f.path_id "
                        u"WHERE f.process_id IN (%2) AND f.op IN ('open', 'write') "
                        u"GROUP BY f.process_id, f.path_id, pa.path ORDER BY f.process_id, f.path_id"_s;
    QList<OpenFileAt> files;
    for (qsizetype from = 0; from < alive->size() && !*truncated; from += PointInTimeQueries::kInListMax) {
        const qsizetype count = std::min(PointInTimeQueries::kInListMax, alive->size() - from);
        QVariantList params{at, at, at, at, at};
        for (qsizetype i = from; i < from + count; ++i)
            params.append(alive->at(i).id);
        auto q = m_db.query(sql.arg(last, PointInTimeQueries::inList(count)), params);
        if (!q)
            return q.error();
        while (q->next()) {
            const auto closed = optionalInt(q->value(5));
            if (!closed)
                continue; // not closed after writing at or after T: not known to be open for writing
            OpenFileAt file{q->value(0).toLongLong(),
                            q->value(1).toLongLong(),
                            q->value(2).toByteArray(),
                            optionalInt(q->value(3)),
                            *closed,
                            OpenFileAt::Evidence::OpenBeforeClosedAfter};
            const auto nextOpen = optionalInt(q->value(4));
            const auto closedBefore = optionalInt(q->value(6));
            if (*closed < at) {
                file.evidence = OpenFileAt::Evidence::WithinRepeatedWrites;
            } else if (nextOpen && *nextOpen <= *closed) {
                continue; // the close after T most likely ends a descriptor opened after T
            } else if (!file.openedTs || (closedBefore && *closedBefore >= *file.openedTs)) {
                file.evidence = OpenFileAt::Evidence::OpenNotSeen;
                if (file.openedTs && closedBefore && *closedBefore >= *file.openedTs)
                    file.openedTs.reset(); // that open's descriptor was closed before T
            }
            if (files.size() == limit) {
                *truncated = true;
                break;
            }
            files.append(std::move(file));
        }
    }
    return files;
}

} // namespace Deck::Core
