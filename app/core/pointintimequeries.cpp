// SPDX-License-Identifier: GPL-3.0-or-later
#include "pointintimequeries.h"

#include "database.h"
#include "processqueries.h"
#include "querysql.h"

#include <QHash>
#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace Deck::Core {

QString livenessName(Liveness liveness)
{
    return liveness == Liveness::Running ? u"running"_s : u"alive at last sight"_s;
}

PointInTimeQueries::PointInTimeQueries(Database &db)
    : m_db(db)
{
}

Expected<HostAt> PointInTimeQueries::hostAt(qint64 hostId, qint64 at)
{
    HostAt host{hostId, at, std::nullopt, std::nullopt};
    auto boot = m_db.scalar(
        u"SELECT id FROM boots WHERE host_id = ? AND boot_ts <= ? ORDER BY boot_ts DESC, id DESC LIMIT 1"_s,
        {hostId, at});
    if (!boot)
        return boot.error();
    if (boot->isNull())
        return host;
    host.bootId = boot->toLongLong();
    auto end
        = m_db.scalar(u"SELECT MAX(last_ts) FROM archives WHERE host_id = ? AND boot_id = ?"_s, {hostId, *host.bootId});
    if (!end)
        return end.error();
    host.coverageEnd = optionalInt(*end);
    return host;
}

Expected<Page<RunningProcess>> PointInTimeQueries::runningAt(qint64 hostId, qint64 at, const PageRequest &page)
{
    auto host = hostAt(hostId, at);
    if (!host)
        return host.error();
    if (!host->bootId)
        return Page<RunningProcess>{};
    // processes_start (host_id, start_ts): the processes started before T, those not exited by T kept.
    QVariantList params{hostId, *host->bootId, at, at};
    QString sql = u"SELECT %1 FROM processes p WHERE p.host_id = ? AND p.boot_id = ? AND p.start_ts <= ? "
                  u"AND (p.exit_ts IS NULL OR p.exit_ts > ?)"_s.arg(processColumns());
    sql += afterCursor(page, u"p.start_ts"_s, u"p.id"_s, params);
    sql += u" ORDER BY p.start_ts, p.id LIMIT %1"_s.arg(pageLimit(page));
    auto q = m_db.query(sql, params);
    if (!q)
        return q.error();
    const bool watchedPast = host->coverageEnd && *host->coverageEnd > at;
    return readPage<RunningProcess>(
        *q, page,
        [watchedPast](const QSqlQuery &row) {
            RunningProcess running{readProcess(row), Liveness::Running};
            if (!running.process.exitTs && !watchedPast)
                running.liveness = Liveness::AliveAtLastSight;
            return running;
        },
        [](const RunningProcess &row) { return processCursor(row.process); });
}

Expected<QList<OpenConnection>> PointInTimeQueries::connectionsAt(qint64 hostId, qint64 at)
{
    auto host = hostAt(hostId, at);
    if (!host)
        return host.error();
    if (!host->bootId)
        return QList<OpenConnection>{};
    auto bootTs = m_db.scalar(u"SELECT boot_ts FROM boots WHERE id = ?"_s, {*host->bootId});
    if (!bootTs)
        return bootTs.error();
    // The boot's network events up to T in time order (net_events_time), paired in one pass: a close ends the
    // endpoint with the same protocol and ends. Pairing in SQL would compare every open with every later close.
    auto q = m_db.query(u"SELECT %1, p.exit_ts FROM net_events n LEFT JOIN processes p ON p.id = n.process_id "
                        u"WHERE n.host_id = ? AND n.ts >= ? AND n.ts <= ? ORDER BY n.ts, n.id"_s.arg(netEventColumns()),
                        {hostId, bootTs->toLongLong(), at});
    if (!q)
        return q.error();
    using Ends = QString; // proto, local and remote end: addresses never hold a space
    QHash<Ends, QList<OpenConnection>> open;
    QList<Ends> order;
    const bool watchedPast = host->coverageEnd && *host->coverageEnd > at;
    while (q->next()) {
        const NetEventRow event = readNetEvent(*q);
        const Ends ends = u"%1 %2 %3 %4 %5"_s.arg(event.proto, event.laddr)
                              .arg(event.lport)
                              .arg(event.raddr)
                              .arg(event.rport.value_or(-1));
        if (event.op == "close"_L1) {
            open.remove(ends);
            continue;
        }
        const auto exitTs = optionalInt(q->value(kNetEventColumns));
        if (exitTs && *exitTs <= at)
            continue; // its process ended before T, and the socket with it
        if (!open.contains(ends))
            order.append(ends);
        open[ends].append(
            {event, event.processId, watchedPast || exitTs ? Liveness::Running : Liveness::AliveAtLastSight});
    }
    QList<OpenConnection> result;
    for (const Ends &ends : std::as_const(order)) {
        for (const OpenConnection &connection : open.value(ends))
            result.append(connection);
        open.remove(ends); // an endpoint closed and opened again is listed once, at its place
    }
    std::sort(result.begin(), result.end(), [](const OpenConnection &a, const OpenConnection &b) {
        return std::tie(a.opened.ts, a.opened.id) < std::tie(b.opened.ts, b.opened.id);
    });
    return result;
}

} // namespace Deck::Core
