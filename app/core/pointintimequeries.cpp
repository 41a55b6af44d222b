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

Expected<QList<AliveProcess>> PointInTimeQueries::aliveAt(qint64 hostId, qint64 bootId, qint64 at)
{
    // processes_start (host_id, start_ts): the processes started before T, those not exited by T kept.
    auto q = m_db.query(u"SELECT p.id, p.exit_ts FROM processes p WHERE p.host_id = ? AND p.boot_id = ? "
                        u"AND p.start_ts <= ? AND (p.exit_ts IS NULL OR p.exit_ts > ?)"_s,
                        {hostId, bootId, at, at});
    if (!q)
        return q.error();
    QList<AliveProcess> alive;
    while (q->next())
        alive.append({q->value(0).toLongLong(), optionalInt(q->value(1))});
    std::sort(alive.begin(), alive.end(), [](const AliveProcess &a, const AliveProcess &b) { return a.id < b.id; });
    return alive;
}

QString PointInTimeQueries::inList(qsizetype count)
{
    QString list;
    list.reserve(count * 3);
    for (qsizetype i = 0; i < count; ++i)
        list += i ? u", ?"_s : u"?"_s;
    return list;
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
    auto alive = aliveAt(hostId, *host->bootId, at);
    if (!alive)
        return alive.error();
    // An endpoint's events of the boot up to T that no close of the same protocol and ends followed by T (in (ts, id)
    // order): those of the processes alive at T (net_events_process) and those of no process (net_events_unowned);
    // a close is looked up by its ends (net_events_closes). So the cost follows what is alive at T, not every event
    // of the boot before it (read in one pass, that was 0.38 s late in a boot of 1M events).
    const QString select
        = u"SELECT %1 FROM net_events n WHERE n.host_id = ? AND n.ts >= ? AND n.ts <= ? AND n.op <> 'close' "
          u"AND NOT EXISTS (SELECT 1 FROM net_events c WHERE c.host_id = n.host_id AND c.op = 'close' "
          u"AND c.lport = n.lport AND COALESCE(c.raddr, '') = COALESCE(n.raddr, '') "
          u"AND COALESCE(c.rport, -1) = COALESCE(n.rport, -1) AND c.ts >= n.ts AND c.ts <= ? "
          u"AND (c.ts > n.ts OR c.id > n.id) AND c.proto = n.proto AND c.laddr = n.laddr) AND "_s.arg(
              netEventColumns());
    const bool watchedPast = host->coverageEnd && *host->coverageEnd > at;
    QHash<qint64, std::optional<qint64>> exitOf;
    for (const AliveProcess &p : std::as_const(*alive))
        exitOf.insert(p.id, p.exitTs);
    QList<OpenConnection> result;
    const auto read = [&](const QString &owner, const QVariantList &ownerParams) -> Expected<void> {
        auto q = m_db.query(select + owner, QVariantList{hostId, bootTs->toLongLong(), at, at} + ownerParams);
        if (!q)
            return q.error();
        while (q->next()) {
            const NetEventRow event = readNetEvent(*q);
            const auto exitTs = event.processId ? exitOf.value(*event.processId) : std::nullopt;
            result.append(
                {event, event.processId, watchedPast || exitTs ? Liveness::Running : Liveness::AliveAtLastSight});
        }
        return {};
    };
    if (auto unowned = read(u"n.process_id IS NULL"_s, {}); !unowned)
        return unowned.error();
    for (qsizetype from = 0; from < alive->size(); from += kInListMax) {
        const qsizetype count = std::min(kInListMax, alive->size() - from);
        QVariantList ids;
        for (qsizetype i = from; i < from + count; ++i)
            ids.append(alive->at(i).id);
        if (auto owned = read(u"n.process_id IN (%1)"_s.arg(inList(count)), ids); !owned)
            return owned.error();
    }
    std::sort(result.begin(), result.end(), [](const OpenConnection &a, const OpenConnection &b) {
        return std::tie(a.opened.ts, a.opened.id) < std::tie(b.opened.ts, b.opened.id);
    });
    return result;
}

} // namespace Deck::Core
