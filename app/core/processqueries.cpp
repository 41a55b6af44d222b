// SPDX-License-Identifier: GPL-3.0-or-later
#include "processqueries.h"

#include "database.h"
#include "forestlayout.h"
#include "forestscan.h"
#include "querysql.h"

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace Deck::Core {

Cursor processCursor(const ProcessRow &row)
{
    return {row.startTs, row.id};
}

ProcessQueries::ProcessQueries(Database &db)
    : m_db(db)
{
}

Expected<ProcessRow> ProcessQueries::process(qint64 id)
{
    auto q = m_db.query(u"SELECT %1, %2 FROM processes p WHERE p.id = ?"_s.arg(processColumns(), hasChildrenColumn()),
                        {id});
    if (!q)
        return q.error();
    if (!q->next())
        return storeError(StoreReason::NotFound,
                          u"process #%1: no such process in the case %2"_s.arg(id).arg(m_db.name()));
    ProcessRow row = readProcess(*q);
    row.hasChildren = q->value(kProcessColumns).toBool();
    return row;
}

Expected<ProcessRow> ProcessQueries::processByPid(qint64 hostId, qint64 pid, std::optional<qint64> at)
{
    // Uses processes_start (host_id, start_ts) backwards from `at`.
    auto id = m_db.scalar(u"SELECT p.id FROM processes p WHERE p.host_id = ? AND p.pid = ? AND p.start_ts <= ? "
                          u"ORDER BY p.start_ts DESC, p.id DESC LIMIT 1"_s,
                          {hostId, pid, at.value_or(std::numeric_limits<qint64>::max())});
    if (!id)
        return id.error();
    if (id->isNull())
        return storeError(
            StoreReason::NotFound,
            u"pid %1: no such process on host #%2 in the case %3"_s.arg(pid).arg(hostId).arg(m_db.name()));
    return process(id->toLongLong());
}

namespace {

// Roots of the host alive in `range` (started before its end, not exited before its start), on processes `alias`.
QString rootsCondition(const QString &alias, qint64 hostId, const TimeRange &range, QVariantList &params)
{
    QString sql = u"%1.host_id = ? AND %1.parent_id IS NULL"_s.arg(alias);
    params << hostId;
    if (range.to) {
        sql += u" AND %1.start_ts < ?"_s.arg(alias);
        params << *range.to;
    }
    if (range.from) {
        sql += u" AND (%1.exit_ts IS NULL OR %1.exit_ts >= ?)"_s.arg(alias);
        params << *range.from;
    }
    return sql;
}

// A page of processes `p` matching `where`, by start time, with hasChildren.
Expected<Page<ProcessRow>> processPage(Database &db, const QString &where, QVariantList params, const PageRequest &page)
{
    QString sql = u"SELECT %1, %2 FROM processes p WHERE %3"_s.arg(processColumns(), hasChildrenColumn(), where);
    sql += afterCursor(page, u"p.start_ts"_s, u"p.id"_s, params);
    sql += u" ORDER BY p.start_ts, p.id LIMIT %1"_s.arg(pageLimit(page));
    auto q = db.query(sql, params);
    if (!q)
        return q.error();
    return readPage<ProcessRow>(
        *q, page,
        [](const QSqlQuery &row) {
            ProcessRow p = readProcess(row);
            p.hasChildren = row.value(kProcessColumns).toBool();
            return p;
        },
        processCursor);
}

} // namespace

Expected<Page<ProcessRow>> ProcessQueries::roots(qint64 hostId, const TimeRange &range, const PageRequest &page)
{
    // processes_roots (host_id, [SQLite: parent_id,] start_ts) WHERE parent_id IS NULL: the order and the start bound.
    QVariantList params;
    const QString where = rootsCondition(u"p"_s, hostId, range, params);
    return processPage(m_db, where, params, page);
}

Expected<Page<ProcessRow>> ProcessQueries::children(qint64 processId, const PageRequest &page)
{
    // processes_children (parent_id, start_ts, id): a page is read in order from the cursor on, never sorted.
    return processPage(m_db, u"p.parent_id = ?"_s, {processId}, page);
}

// The walks carry the process columns in the recursive CTE itself: joining its result back to processes makes
// PostgreSQL, which cannot estimate a recursive CTE's size, hash the whole table (60 ms at 100k processes).
Expected<QList<ProcessRow>> ProcessQueries::ancestors(qint64 processId)
{
    // One walk up parent_id (primary key lookups), bounded against loops of parent links.
    const QString fields = processFields(u"x"_s);
    auto q = m_db.query(u"WITH RECURSIVE p(%1, depth) AS ("
                        u"SELECT %2, 1 FROM processes x WHERE x.id = (SELECT parent_id FROM processes WHERE id = ?) "
                        u"UNION ALL SELECT %2, p.depth + 1 FROM processes x JOIN p ON x.id = p.parent_id "
                        u"WHERE p.depth < %3) "
                        u"SELECT %4 FROM p ORDER BY p.depth"_s.arg(processFields(QString()), fields)
                            .arg(kMaxDepth)
                            .arg(processColumns()),
                        {processId});
    if (!q)
        return q.error();
    QList<ProcessRow> chain;
    while (q->next())
        chain.append(readProcess(*q));
    return chain;
}

Expected<Descendants> ProcessQueries::walkDown(const QString &start, QVariantList params, int maxDepth, int limit,
                                               bool ordered)
{
    maxDepth = std::clamp(maxDepth, 0, kMaxDepth);
    limit = std::max(1, limit);
    params << maxDepth;
    // Unordered walks ask for children only at the depth limit (CASE evaluates in order, so EXISTS runs there only).
    if (!ordered)
        params << maxDepth;
    const QString fields = processFields(u"x"_s);
    auto q = m_db.query(u"WITH RECURSIVE p(%1, depth) AS (SELECT %2, 0 FROM processes x WHERE %3 "
                        u"UNION ALL SELECT %2, p.depth + 1 FROM processes x JOIN p ON x.parent_id = p.id "
                        u"WHERE p.depth < ?) "
                        u"SELECT %4, p.depth, %5 FROM p %6 LIMIT %7"_s
                            .arg(processFields(QString()), fields, start, processColumns(),
                                 ordered ? hasChildrenColumn()
                                         : u"CASE WHEN p.depth < ? THEN 0 WHEN EXISTS (SELECT 1 FROM processes c "
                                           u"WHERE c.parent_id = p.id) THEN 1 ELSE 0 END"_s,
                                 ordered ? u"ORDER BY p.depth, p.start_ts, p.id"_s : QString())
                            .arg(limit + 1),
                        params, Database::Fetch::AtOnce);
    if (!q)
        return q.error();
    Descendants result;
    while (q->next()) {
        if (result.rows.size() == limit) {
            result.truncated = true;
            break;
        }
        TreeRow row{readProcess(*q), q->value(kProcessColumns).toInt()};
        row.process.hasChildren = q->value(kProcessColumns + 1).toBool();
        if (ordered && row.depth == maxDepth && row.process.hasChildren)
            result.truncated = true;
        result.rows.append(std::move(row));
    }
    return result;
}

Expected<Descendants> ProcessQueries::descendants(qint64 processId, int maxDepth, int limit)
{
    auto result = walkDown(u"x.id = ?"_s, {processId}, maxDepth, limit, true);
    if (result && result->rows.isEmpty())
        return storeError(StoreReason::NotFound,
                          u"process #%1: no such process in the case %2"_s.arg(processId).arg(m_db.name()));
    return result;
}

Expected<Descendants> ProcessQueries::forest(qint64 hostId, const TimeRange &range, int maxDepth, int limit)
{
    maxDepth = std::clamp(maxDepth, 0, kMaxDepth);
    limit = std::max(1, limit);
    QVariantList params;
    if (limit <= kForestWalkLimit) {
        // A bounded answer: the engine walks from the roots and stops at the limit (the CLI's default).
        const QString start = rootsCondition(u"x"_s, hostId, range, params);
        auto walked = walkDown(start, params, maxDepth, limit, false);
        if (!walked)
            return walked;
        Descendants laidOut = layOutForest(std::move(walked->rows), maxDepth, limit);
        laidOut.truncated = laidOut.truncated || walked->truncated;
        return laidOut;
    }
    // Most of the host: one scan of its processes (forestscan.h), the trees built in memory. A recursive walk
    // carries every row through its queue: 0.5 s for 200k bare ids on SQLite, where this scan with every column
    // takes 0.1 s.
    const QString isRoot = rootsCondition(u"p"_s, hostId, range, params);
    auto rows = scanHostProcesses(m_db, hostId, isRoot, params);
    if (!rows)
        return rows.error();
    return layOutForest(std::move(*rows), maxDepth, limit);
}

} // namespace Deck::Core
