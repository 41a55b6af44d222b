// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventtablequeries.h"

#include "database.h"
#include "displayfiltersql.h"
#include "querysql.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace Deck::Core {

EventTableQueries::EventTableQueries(Database &db)
    : m_db(db)
{
}

Expected<QList<std::optional<qint64>>> EventTableQueries::hosts(const EventScope &scope)
{
    if (scope.hostId)
        return QList<std::optional<qint64>>{scope.hostId};
    auto ids = m_db.keptQuery(u"SELECT id FROM hosts ORDER BY id"_s, {});
    if (!ids)
        return ids.error();
    QList<std::optional<qint64>> hosts;
    while ((*ids)->next())
        hosts << (*ids)->value(0).toLongLong();
    return hosts;
}

Expected<std::optional<qint64>> EventTableQueries::lastTime(const EventScope &scope)
{
    auto scopeHosts = hosts(scope);
    if (!scopeHosts)
        return scopeHosts.error();
    // One max per table and host: the end of its (host_id, ts) index (or of the range), a few pages read each.
    QVariantList params;
    QStringList maxima;
    for (int branch = 0; branch < kEventBranches; ++branch) {
        for (const auto &host : std::as_const(*scopeHosts)) {
            params << *host;
            const QString range = inRange(u"x.ts"_s, scope.range, params);
            maxima << u"SELECT (SELECT max(x.ts) FROM %1 WHERE x.host_id = ?%2) AS m"_s.arg(
                eventBranchFrom(branch, false, false), range);
        }
    }
    if (maxima.isEmpty())
        return std::optional<qint64>();
    auto last = m_db.scalar(u"SELECT max(m) FROM (%1) AS maxima"_s.arg(maxima.join(u" UNION ALL "_s)), params);
    if (!last)
        return last.error();
    return last->isNull() ? std::optional<qint64>() : std::optional<qint64>(last->toLongLong());
}

Expected<QString> EventTableQueries::stream(const EventScope &scope, const std::optional<EventKey> &cursor, Bound bound,
                                            bool whole, int limit, QVariantList &params)
{
    limit = std::max(1, limit);
    auto scopeHosts = hosts(scope);
    if (!scopeHosts)
        return scopeHosts.error();
    QList<std::optional<qint64>> hosts = *scopeHosts;
    if (hosts.size() > kMaxMergedHosts)
        hosts = {std::nullopt};
    const auto conditions = compileDisplayFilter(scope.filter, m_db.engine());
    QStringList arms;
    for (int branch = 0; branch < kEventBranches; ++branch) {
        const BranchCondition &condition = conditions[branch];
        if (condition.state == BranchCondition::State::Never)
            continue;
        for (const auto &host : std::as_const(hosts)) {
            QString arm = whole ? eventBranchSelect(branch, m_db.engine())
                                : u"SELECT x.ts, %1, x.id FROM %2"_s.arg(branch).arg(
                                    eventBranchFrom(branch, condition.process, condition.path));
            arm += u" WHERE 1 = 1"_s;
            if (host) {
                arm += u" AND x.host_id = ?"_s;
                params << *host;
            }
            arm += inRange(u"x.ts"_s, scope.range, params);
            if (cursor) {
                // (ts, id, branch) after (or from) the cursor; branch is a constant of the arm. The same text for
                // every cursor (x.id >= n is written x.id > n - 1), so that the statement is prepared once.
                const bool sameIdFollows = bound == Bound::After ? branch > cursor->branch : branch >= cursor->branch;
                arm += u" AND x.ts >= ? AND (x.ts > ? OR x.id > ?)"_s;
                params << cursor->ts << cursor->ts << (sameIdFollows ? cursor->id - 1 : cursor->id);
            }
            if (condition.state == BranchCondition::State::Sql) {
                arm += u" AND "_s + condition.sql;
                params += condition.params;
            }
            if (m_db.engine() == Engine::Postgres) {
                // PostgreSQL does not merge the arms' (ts, id) index orders under a sort that ends in the arm's
                // constant branch: it read every event after the cursor and sorted them (7 s for a page deep in a
                // 1M-event case). Each arm is cut to `limit` rows in its index order first.
                arm = u"SELECT * FROM ("_s + arm + u" ORDER BY x.ts, x.id LIMIT ?) AS arm"_s
                    + QString::number(arms.size());
                params << limit;
            }
            arms << arm;
        }
    }
    if (arms.isEmpty())
        return QString();
    params << limit;
    // Ordered by result column numbers: each arm reads its index in (ts, id) order, the branch being constant.
    return arms.join(u" UNION ALL "_s) + u" ORDER BY 1, 3, 2 LIMIT ?"_s;
}

Expected<EventKeySlice> EventTableQueries::walk(const EventScope &scope, const std::optional<EventKey> &after,
                                                qint64 firstIndex, int limit, int stride)
{
    QVariantList params;
    auto sql = stream(scope, after, Bound::After, false, limit, params);
    if (!sql)
        return sql.error();
    EventKeySlice slice;
    if (sql->isEmpty())
        return slice;
    auto q = m_db.query(*sql, params, Database::Fetch::AtOnce);
    if (!q)
        return q.error();
    stride = std::max(1, stride);
    while (q->next()) {
        const EventKey key{q->value(0).toLongLong(), q->value(2).toLongLong(), q->value(1).toInt()};
        if ((firstIndex + slice.rows) % stride == 0)
            slice.anchors.append(key);
        slice.last = key;
        ++slice.rows;
    }
    return slice;
}

Expected<QList<EventTableRow>> EventTableQueries::rows(const EventScope &scope, const EventKey &from, int limit,
                                                       Statement statement)
{
    QVariantList params;
    auto sql = stream(scope, from, Bound::From, true, limit, params);
    if (!sql)
        return sql.error();
    QList<EventTableRow> rows;
    if (sql->isEmpty())
        return rows;
    auto names = m_db.keptQuery(u"SELECT id, hostname FROM hosts"_s, {});
    if (!names)
        return names.error();
    QHash<qint64, QString> hostNames;
    while ((*names)->next())
        hostNames.insert((*names)->value(0).toLongLong(), (*names)->value(1).toString());
    // The union alone: wrapped in a CTE to join the host names, it costs ten times as much to prepare on SQLite. Kept
    // prepared: every page of a scope has the same text (planning the union of up to 6 x hosts arms cost SQLite
    // about as much as reading a page of 256 rows).
    std::optional<QSqlQuery> fresh;
    QSqlQuery *q = nullptr;
    if (statement == Statement::Fresh) {
        auto prepared = m_db.query(*sql, params, Database::Fetch::AtOnce);
        if (!prepared)
            return prepared.error();
        q = &fresh.emplace(std::move(*prepared));
    } else {
        auto kept = m_db.keptQuery(*sql, params, Database::Fetch::AtOnce);
        if (!kept)
            return kept.error();
        q = *kept;
    }
    while (q->next()) {
        EventTableRow row;
        const auto text = [&](int c) { return q->value(c).toString(); };
        const auto number = [&](int c) { return optionalInt(q->value(c)); };
        row.key = {q->value(0).toLongLong(), q->value(2).toLongLong(), q->value(1).toInt()};
        row.hostId = q->value(3).toLongLong();
        row.kind = text(4);
        row.pid = number(5);
        row.comm = text(7);
        row.exe = q->value(8).toByteArray();
        row.op = text(9);
        row.path = q->value(10).toByteArray();
        row.toPath = q->value(11).toByteArray();
        row.proto = text(12);
        row.laddr = text(13);
        row.lport = number(14);
        row.raddr = text(15);
        row.rport = number(16);
        row.count = q->value(17).toLongLong();
        row.detail = text(18);
        row.processId = number(19);
        row.uid = number(20);
        row.argv = q->value(21).toByteArray();
        row.userName = text(22);
        row.host = hostNames.value(row.hostId);
        rows.append(row);
    }
    return rows;
}

} // namespace Deck::Core
