// SPDX-License-Identifier: GPL-3.0-or-later
#include "networkqueries.h"

#include "accountnames.h"
#include "database.h"
#include "querysql.h"

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

QString conditions(const NetworkFilter &filter, QVariantList &params)
{
    QString sql = u"n.raddr IS NOT NULL AND n.raddr <> ''"_s;
    if (filter.hostId) {
        sql += u" AND n.host_id = ?"_s;
        params << *filter.hostId;
    }
    if (filter.processId) {
        sql += u" AND n.process_id = ?"_s;
        params << *filter.processId;
    }
    if (!filter.remoteAddress.isEmpty()) {
        sql += u" AND n.raddr = ?"_s;
        params << filter.remoteAddress;
    }
    return sql + inRange(u"n.ts"_s, filter.range, params);
}

// The distinct values of `expr` as one comma-separated text, when there are at most kListedAtMost of them.
QString listedValues(Engine engine, const QString &expr)
{
    const QString list = engine == Engine::Sqlite ? u"group_concat(DISTINCT %1)"_s.arg(expr)
                                                  : u"string_agg(DISTINCT CAST(%1 AS TEXT), ',')"_s.arg(expr);
    return u"CASE WHEN COUNT(DISTINCT %1) <= %2 THEN %3 END"_s.arg(expr).arg(kListedAtMost).arg(list);
}

QList<qint64> numbers(const QVariant &list)
{
    QList<qint64> out;
    for (const QString &part : list.toString().split(u',', Qt::SkipEmptyParts))
        out.append(part.toLongLong());
    std::sort(out.begin(), out.end());
    return out;
}

QStringList texts(const QVariant &list)
{
    QStringList out = list.toString().split(u',', Qt::SkipEmptyParts);
    out.sort();
    return out;
}

QString direction(Sorting sorting)
{
    return sorting.descending ? u" DESC"_s : u" ASC"_s;
}

QString window(int limit, int offset)
{
    return u" LIMIT %1 OFFSET %2"_s.arg(std::max(1, limit)).arg(std::max(0, offset));
}

// On the names the conversations' SELECT gives its columns, so that the page is ordered the same way inside (before
// LIMIT) and outside (after the account names are resolved for the page's rows only).
QString conversationOrder(Sorting sorting)
{
    static const QList<QStringList> keys{
        {u"first"_s}, {u"last"_s}, {u"events"_s}, {u"hostname"_s}, {u"laddr"_s, u"lport"_s}, {u"raddr"_s, u"rport"_s},
        {u"proto"_s}, {u"comm"_s}, {u"uid"_s},    {u"gid"_s}};
    const QString dir = direction(sorting);
    return keys.value(sorting.column, keys[0]).join(dir + u", "_s) + dir
        + u", host_id, raddr, rport, laddr, lport, proto, process_id"_s;
}

QString endpointOrder(Sorting sorting)
{
    static const QStringList keys{u"n.raddr"_s,       u"port_count"_s, u"events"_s, u"conversations"_s,
                                  u"process_count"_s, u"host_count"_s, u"first"_s,  u"last"_s};
    return keys.value(sorting.column, keys[0]) + direction(sorting) + u", n.raddr"_s;
}

} // namespace

NetworkQueries::NetworkQueries(Database &db)
    : m_db(db)
{
}

Expected<CountedRows<ConversationRow>> NetworkQueries::conversations(const NetworkFilter &filter, Sorting sorting,
                                                                     int limit, int offset)
{
    QVariantList params;
    // The process's columns depend on p.id, its primary key, which is grouped on.
    const QString from = u" FROM net_events n JOIN hosts h ON h.id = n.host_id "
                         u"LEFT JOIN processes p ON p.id = n.process_id WHERE "_s
        + conditions(filter, params)
        + u" GROUP BY n.host_id, h.hostname, n.proto, n.laddr, n.lport, n.raddr, n.rport, n.process_id, p.id"_s;
    CountedRows<ConversationRow> result;
    auto total = m_db.scalar(u"SELECT COUNT(*) FROM (SELECT 1 AS one"_s + from + u") x"_s, params);
    if (!total)
        return total.error();
    result.total = total->toLongLong();
    // The user's and group's names as of the process's latest ids (as ProcessRow::userName), resolved for the rows
    // of the page only: the page is cut first, in the inner query.
    static const QString asOf = u"c.ids_at"_s;
    static const QString names = accountNameAt("uid"_L1, u"c.host_id"_s, u"c.uid"_s, asOf) + u", "_s
        + accountNameAt("gid"_L1, u"c.host_id"_s, u"c.gid"_s, asOf);
    const QString order = u" ORDER BY "_s + conversationOrder(sorting);
    auto q = m_db.query(u"SELECT c.host_id, c.hostname, c.proto, c.laddr, c.lport, c.raddr, c.rport, c.events, "
                        u"c.first, c.last, c.process_id, c.pid, c.comm, c.uid, c.gid, "_s
                            + names
                            + u" FROM (SELECT n.host_id AS host_id, h.hostname AS hostname, n.proto AS proto, "
                              u"n.laddr AS laddr, n.lport AS lport, n.raddr AS raddr, n.rport AS rport, "
                              u"CAST(SUM(n.count) AS BIGINT) AS events, MIN(n.ts) AS first, "
                              u"MAX(COALESCE(n.last_ts, n.ts)) AS last, n.process_id AS process_id, p.pid AS pid, "
                              u"p.comm AS comm, p.uid AS uid, p.gid AS gid, COALESCE(p.ids_ts, p.start_ts) AS ids_at"_s
                            + from + order + window(limit, offset) + u") c"_s + order,
                        params);
    if (!q)
        return q.error();
    while (q->next()) {
        ConversationRow row;
        row.hostId = q->value(0).toLongLong();
        row.hostname = q->value(1).toString();
        row.proto = q->value(2).toString();
        row.laddr = q->value(3).toString();
        row.lport = q->value(4).toLongLong();
        row.raddr = q->value(5).toString();
        row.rport = optionalInt(q->value(6));
        row.events = q->value(7).toLongLong();
        row.firstTs = q->value(8).toLongLong();
        row.lastTs = q->value(9).toLongLong();
        row.processId = optionalInt(q->value(10));
        row.pid = optionalInt(q->value(11));
        row.comm = q->value(12).toString(); // NULL (no process): empty
        row.uid = optionalInt(q->value(13));
        row.gid = optionalInt(q->value(14));
        row.userName = q->value(15).toString();
        row.groupName = q->value(16).toString();
        result.rows.append(row);
    }
    return result;
}

Expected<CountedRows<EndpointRow>> NetworkQueries::endpoints(const NetworkFilter &filter, Sorting sorting, int limit,
                                                             int offset)
{
    QVariantList params;
    const QString from = u" FROM net_events n LEFT JOIN processes p ON p.id = n.process_id WHERE "_s
        + conditions(filter, params) + u" GROUP BY n.raddr"_s;
    CountedRows<EndpointRow> result;
    auto total = m_db.scalar(u"SELECT COUNT(*) FROM (SELECT 1 AS one"_s + from + u") x"_s, params);
    if (!total)
        return total.error();
    result.total = total->toLongLong();
    const Engine engine = m_db.engine();
    // A conversation as conversations() counts them: the distinct (host, proto, ends, process) of the address.
    const QString conversation = engine == Engine::Sqlite
        ? u"n.host_id || '/' || n.proto || '/' || n.laddr || '/' || n.lport || '/' || COALESCE(n.rport, -1) || '/' "
          u"|| COALESCE(n.process_id, -1)"_s
        : u"(n.host_id, n.proto, n.laddr, n.lport, n.rport, n.process_id)"_s;
    auto q = m_db.query(u"SELECT n.raddr, %1, COUNT(DISTINCT n.rport) AS port_count, CAST(SUM(n.count) AS BIGINT) "
                        u"AS events, COUNT(DISTINCT %2) AS conversations, MIN(n.ts) AS first, "
                        u"MAX(COALESCE(n.last_ts, n.ts)) AS last, %3, COUNT(DISTINCT n.process_id) AS "
                        u"process_count, COUNT(DISTINCT n.host_id) AS host_count"_s.arg(
                            listedValues(engine, u"n.rport"_s), conversation, listedValues(engine, u"p.comm"_s))
                            + from + u" ORDER BY "_s + endpointOrder(sorting) + window(limit, offset),
                        params);
    if (!q)
        return q.error();
    while (q->next()) {
        EndpointRow row;
        row.address = q->value(0).toString();
        row.ports = numbers(q->value(1));
        row.portCount = q->value(2).toLongLong();
        row.events = q->value(3).toLongLong();
        row.conversations = q->value(4).toLongLong();
        row.firstTs = q->value(5).toLongLong();
        row.lastTs = q->value(6).toLongLong();
        row.processes = texts(q->value(7));
        row.processCount = q->value(8).toLongLong();
        row.hostCount = q->value(9).toLongLong();
        result.rows.append(row);
    }
    return result;
}

Expected<CountedRows<LinkRow>> NetworkQueries::links(const NetworkFilter &filter, int limit, int offset)
{
    QVariantList params;
    const QString from = u" FROM net_events n JOIN hosts h ON h.id = n.host_id "
                         u"LEFT JOIN processes p ON p.id = n.process_id WHERE "_s
        + conditions(filter, params) + u" GROUP BY n.host_id, h.hostname, n.process_id, p.id, n.raddr"_s;
    CountedRows<LinkRow> result;
    auto total = m_db.scalar(u"SELECT COUNT(*) FROM (SELECT 1 AS one"_s + from + u") x"_s, params);
    if (!total)
        return total.error();
    result.total = total->toLongLong();
    // The process's columns depend on p.id, its primary key, which is grouped on.
    const Engine engine = m_db.engine();
    auto q = m_db.query(u"SELECT n.host_id, h.hostname, n.raddr, %1, COUNT(DISTINCT n.rport), %2, "
                        u"CAST(SUM(n.count) AS BIGINT), MIN(n.ts) AS first, MAX(COALESCE(n.last_ts, n.ts)), "
                        u"n.process_id, %3, ROW_NUMBER() OVER (PARTITION BY n.host_id ORDER BY MIN(n.ts), "
                        u"n.process_id, n.raddr) AS host_rank"_s.arg(
                            listedValues(engine, u"n.rport"_s), listedValues(engine, u"n.proto"_s), processColumns())
                            + from + u" ORDER BY host_rank, first, n.host_id, n.process_id, n.raddr"_s
                            + window(limit, offset),
                        params);
    if (!q)
        return q.error();
    while (q->next()) {
        LinkRow row;
        row.hostId = q->value(0).toLongLong();
        row.hostname = q->value(1).toString();
        row.raddr = q->value(2).toString();
        row.ports = numbers(q->value(3));
        row.portCount = q->value(4).toLongLong();
        row.protos = texts(q->value(5));
        row.events = q->value(6).toLongLong();
        row.firstTs = q->value(7).toLongLong();
        row.lastTs = q->value(8).toLongLong();
        if (!q->value(9).isNull())
            row.process = readProcess(*q, 10);
        result.rows.append(row);
    }
    return result;
}

} // namespace Deck::Core
