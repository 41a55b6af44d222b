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

Expected<QString> EventTableQueries::stream(const EventScope &scope, const std::optional<EventKey> &cursor, Bound bound,
                                            bool whole, QVariantList &params)
{
    QList<std::optional<qint64>> hosts;
    if (scope.hostId) {
        hosts << scope.hostId;
    } else {
        auto ids = m_db.query(u"SELECT id FROM hosts ORDER BY id"_s);
        if (!ids)
            return ids.error();
        while (ids->next())
            hosts << ids->value(0).toLongLong();
        if (hosts.size() > kMaxMergedHosts)
            hosts = {std::nullopt};
    }
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
                // (ts, id, branch) after (or from) the cursor; branch is a constant of the arm.
                const bool sameIdFollows = bound == Bound::After ? branch > cursor->branch : branch >= cursor->branch;
                arm += u" AND x.ts >= ? AND (x.ts > ? OR x.id %1 ?)"_s.arg(sameIdFollows ? u">="_s : u">"_s);
                params << cursor->ts << cursor->ts << cursor->id;
            }
            if (condition.state == BranchCondition::State::Sql) {
                arm += u" AND "_s + condition.sql;
                params += condition.params;
            }
            arms << arm;
        }
    }
    // Ordered by result column numbers: each arm reads its index in (ts, id) order, the branch being constant.
    return arms.isEmpty() ? QString() : arms.join(u" UNION ALL "_s) + u" ORDER BY 1, 3, 2 LIMIT ?"_s;
}

Expected<EventKeySlice> EventTableQueries::walk(const EventScope &scope, const std::optional<EventKey> &after,
                                                qint64 firstIndex, int limit, int stride)
{
    QVariantList params;
    auto sql = stream(scope, after, Bound::After, false, params);
    if (!sql)
        return sql.error();
    EventKeySlice slice;
    if (sql->isEmpty())
        return slice;
    params << std::max(1, limit);
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

Expected<QList<EventTableRow>> EventTableQueries::rows(const EventScope &scope, const EventKey &from, int limit)
{
    QVariantList params;
    auto sql = stream(scope, from, Bound::From, true, params);
    if (!sql)
        return sql.error();
    QList<EventTableRow> rows;
    if (sql->isEmpty())
        return rows;
    params << std::max(1, limit);
    // The union alone: wrapped in a CTE to join the host names, it costs ten times as much to prepare on SQLite.
    auto q = m_db.query(*sql, params, Database::Fetch::AtOnce);
    if (!q)
        return q.error();
    auto names = m_db.query(u"SELECT id, hostname FROM hosts"_s);
    if (!names)
        return names.error();
    QHash<qint64, QString> hostNames;
    while (names->next())
        hostNames.insert(names->value(0).toLongLong(), names->value(1).toString());
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
        row.host = hostNames.value(row.hostId);
        rows.append(row);
    }
    return rows;
}

} // namespace Deck::Core
