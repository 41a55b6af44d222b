// SPDX-License-Identifier: GPL-3.0-or-later
#include "filegraphqueries.h"

#include "database.h"
#include "digest.h"
#include "processqueries.h"
#include "querysql.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

// "LIMIT n OFFSET m" of the chosen neighbours; both are numbers, never text from outside.
QString window(int limit, int offset)
{
    return u" LIMIT %1 OFFSET %2"_s.arg(std::max(1, limit)).arg(std::max(0, offset));
}

FileLink readLink(const QSqlQuery &q, int first)
{
    FileLink link;
    link.processId = q.value(first).toLongLong();
    link.pathId = q.value(first + 1).toLongLong();
    link.path = q.value(first + 2).toByteArray();
    link.op = q.value(first + 3).toString();
    link.count = q.value(first + 4).toLongLong();
    link.firstTs = q.value(first + 5).toLongLong();
    link.lastTs = q.value(first + 6).toLongLong();
    return link;
}

// The link columns of the aggregate over `t` joined with paths `pa`, in readLink()'s order.
const QString kLinkColumns = u"t.process_id, t.path_id, pa.path, t.op, CAST(SUM(t.n) AS BIGINT), MIN(t.ts), "
                             u"MAX(t.last)"_s;

} // namespace

FileGraphQueries::FileGraphQueries(Database &db)
    : m_db(db)
{
}

Expected<FileLinks> FileGraphQueries::filesOf(qint64 processId, const TimeRange &range, int limit, int offset)
{
    auto process = ProcessQueries(m_db).process(processId);
    if (!process)
        return process.error();
    QVariantList params{processId};
    QString events = u"SELECT f.process_id, f.path_id, f.op, f.count AS n, f.ts, COALESCE(f.last_ts, f.ts) AS last "
                     u"FROM file_events f WHERE f.process_id = ?"_s
        + inRange(u"f.ts"_s, range, params);
    params << processId;
    events += u" UNION ALL SELECT f.process_id, f.to_path_id, 'rename-to', f.count, f.ts, COALESCE(f.last_ts, f.ts) "
              u"FROM file_events f WHERE f.process_id = ? AND f.to_path_id IS NOT NULL"_s
        + inRange(u"f.ts"_s, range, params);
    const QString with = u"WITH t AS (%1) "_s.arg(events);

    FileLinks result;
    result.processes.append(*process);
    auto total = m_db.scalar(with + u"SELECT COUNT(DISTINCT path_id) FROM t"_s, params);
    if (!total)
        return total.error();
    result.neighbours = total->toLongLong();
    auto q = m_db.query(with
                            // Paths touched at the same time in the order of their bytes, as a listing would show them.
                            + u", chosen AS (SELECT t.path_id, MIN(t.ts) AS first, cp.path AS name FROM t "
                              u"JOIN paths cp ON cp.id = t.path_id GROUP BY t.path_id, cp.path "
                              u"ORDER BY first, name%1) "
                              u"SELECT %2 FROM t JOIN chosen c ON c.path_id = t.path_id JOIN paths pa ON pa.id = "
                              u"t.path_id GROUP BY t.process_id, t.path_id, pa.path, t.op, c.first "
                              u"ORDER BY c.first, pa.path, t.op"_s.arg(window(limit, offset), kLinkColumns),
                        params);
    if (!q)
        return q.error();
    while (q->next())
        result.links.append(readLink(*q, 0));
    return result;
}

Expected<FileLinks> FileGraphQueries::processesOf(const QByteArray &path, const TimeRange &range, int limit, int offset)
{
    FileLinks result;
    // The interned path's digest (paths.digest is UNIQUE), then the bytes themselves.
    auto pathId = m_db.scalar(u"SELECT id FROM paths WHERE digest = ? AND path = ?"_s,
                              {Flight::Format::Blake2b256::hash(path).left(16), path});
    if (!pathId)
        return pathId.error();
    if (pathId->isNull())
        return result;
    QVariantList params{pathId->toLongLong()};
    const QString with = u"WITH t AS (SELECT f.process_id, f.path_id, f.op, f.count AS n, f.ts, "
                         u"COALESCE(f.last_ts, f.ts) AS last FROM file_events f WHERE f.path_id = ?%1) "_s.arg(
                             inRange(u"f.ts"_s, range, params));
    auto total = m_db.scalar(with + u"SELECT COUNT(DISTINCT process_id) FROM t"_s, params);
    if (!total)
        return total.error();
    result.neighbours = total->toLongLong();
    auto q = m_db.query(
        with
            + u", chosen AS (SELECT process_id, MIN(ts) AS first FROM t GROUP BY process_id "
              u"ORDER BY first, process_id%1) "
              u"SELECT %2, %3 FROM t JOIN chosen c ON c.process_id = t.process_id "
              u"JOIN paths pa ON pa.id = t.path_id JOIN processes p ON p.id = t.process_id "
              u"GROUP BY t.process_id, t.path_id, pa.path, t.op, c.first, p.id "
              u"ORDER BY c.first, t.process_id, t.op"_s.arg(window(limit, offset), kLinkColumns, processColumns()),
        params);
    if (!q)
        return q.error();
    QSet<qint64> seen;
    while (q->next()) {
        result.links.append(readLink(*q, 0));
        if (!seen.contains(result.links.constLast().processId)) {
            seen.insert(result.links.constLast().processId);
            result.processes.append(readProcess(*q, 7));
        }
    }
    return result;
}

} // namespace Deck::Core
