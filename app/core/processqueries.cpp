// SPDX-License-Identifier: GPL-3.0-or-later
#include "processqueries.h"

#include "database.h"
#include "querysql.h"

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
        return storeError(StoreReason::NotFound, u"process #%1: no such process in the case %2"_s.arg(id).arg(m_db.name()));
    ProcessRow row = readProcess(*q);
    row.hasChildren = q->value(17).toBool();
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
        return storeError(StoreReason::NotFound,
                          u"pid %1: no such process on host #%2 in the case %3"_s.arg(pid).arg(hostId).arg(m_db.name()));
    return process(id->toLongLong());
}

Expected<Page<ProcessRow>> ProcessQueries::roots(qint64 hostId, const TimeRange &range, const PageRequest &page)
{
    // processes_roots (host_id, start_ts) WHERE parent_id IS NULL serves the order and the start bound.
    QVariantList params{hostId};
    QString sql = u"SELECT %1, %2 FROM processes p WHERE p.host_id = ? AND p.parent_id IS NULL"_s.arg(
        processColumns(), hasChildrenColumn());
    if (range.to) {
        sql += u" AND p.start_ts < ?"_s;
        params << *range.to;
    }
    if (range.from) {
        sql += u" AND (p.exit_ts IS NULL OR p.exit_ts >= ?)"_s;
        params << *range.from;
    }
    sql += afterCursor(page, u"p.start_ts"_s, u"p.id"_s, params);
    sql += u" ORDER BY p.start_ts, p.id LIMIT %1"_s.arg(pageLimit(page));
    auto q = m_db.query(sql, params);
    if (!q)
        return q.error();
    return readPage<ProcessRow>(
        *q, page,
        [](const QSqlQuery &row) {
            ProcessRow p = readProcess(row);
            p.hasChildren = row.value(17).toBool();
            return p;
        },
        processCursor);
}

Expected<Page<ProcessRow>> ProcessQueries::children(qint64 processId, const PageRequest &page)
{
    // processes_parent (parent_id); a parent's children are sorted (a few thousand at worst: a pid 1).
    QVariantList params{processId};
    QString sql = u"SELECT %1, %2 FROM processes p WHERE p.parent_id = ?"_s.arg(processColumns(), hasChildrenColumn());
    sql += afterCursor(page, u"p.start_ts"_s, u"p.id"_s, params);
    sql += u" ORDER BY p.start_ts, p.id LIMIT %1"_s.arg(pageLimit(page));
    auto q = m_db.query(sql, params);
    if (!q)
        return q.error();
    return readPage<ProcessRow>(
        *q, page,
        [](const QSqlQuery &row) {
            ProcessRow p = readProcess(row);
            p.hasChildren = row.value(17).toBool();
            return p;
        },
        processCursor);
}

Expected<QList<ProcessRow>> ProcessQueries::ancestors(qint64 processId)
{
    // One recursive walk up parent_id (primary key lookups), bounded against loops of parent links.
    auto q = m_db.query(u"WITH RECURSIVE up(id, depth) AS ("
                        u"SELECT parent_id, 1 FROM processes WHERE id = ? AND parent_id IS NOT NULL "
                        u"UNION ALL SELECT x.parent_id, up.depth + 1 FROM processes x JOIN up ON x.id = up.id "
                        u"WHERE x.parent_id IS NOT NULL AND up.depth < %1) "
                        u"SELECT %2 FROM up JOIN processes p ON p.id = up.id ORDER BY up.depth"_s.arg(kMaxDepth)
                            .arg(processColumns()),
                        {processId});
    if (!q)
        return q.error();
    QList<ProcessRow> chain;
    while (q->next())
        chain.append(readProcess(*q));
    return chain;
}

Expected<Descendants> ProcessQueries::descendants(qint64 processId, int maxDepth, int limit)
{
    maxDepth = std::clamp(maxDepth, 0, kMaxDepth);
    limit = std::max(1, limit);
    auto q = m_db.query(u"WITH RECURSIVE down(id, depth) AS (SELECT id, 0 FROM processes WHERE id = ? "
                        u"UNION ALL SELECT c.id, down.depth + 1 FROM processes c JOIN down ON c.parent_id = down.id "
                        u"WHERE down.depth < ?) "
                        u"SELECT %1, down.depth, %2 FROM down JOIN processes p ON p.id = down.id "
                        u"ORDER BY down.depth, p.start_ts, p.id LIMIT %3"_s.arg(processColumns(), hasChildrenColumn())
                            .arg(limit + 1),
                        {processId, maxDepth});
    if (!q)
        return q.error();
    Descendants result;
    while (q->next()) {
        if (result.rows.size() == limit) {
            result.truncated = true;
            break;
        }
        TreeRow row{readProcess(*q), q->value(17).toInt()};
        row.process.hasChildren = q->value(18).toBool();
        if (row.depth == maxDepth && row.process.hasChildren)
            result.truncated = true;
        result.rows.append(std::move(row));
    }
    if (result.rows.isEmpty())
        return storeError(StoreReason::NotFound,
                          u"process #%1: no such process in the case %2"_s.arg(processId).arg(m_db.name()));
    return result;
}

} // namespace Deck::Core
