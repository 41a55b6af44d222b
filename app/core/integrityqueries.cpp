// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrityqueries.h"

#include "database.h"
#include "querysql.h"

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

QString hostCondition(const QString &column, const std::optional<qint64> &hostId, QVariantList &params)
{
    if (!hostId)
        return {};
    params << *hostId;
    return u" AND %1 = ?"_s.arg(column);
}

// Reads up to `limit` rows and says whether more followed (the query asked for limit + 1).
template <typename Row, typename Read>
Expected<BoundedList<Row>> readBounded(Expected<QSqlQuery> rows, int limit, Read read)
{
    if (!rows)
        return rows.error();
    BoundedList<Row> list;
    while (rows->next()) {
        if (list.rows.size() == limit) {
            list.truncated = true;
            break;
        }
        list.rows.append(read(*rows));
    }
    return list;
}

} // namespace

IntegrityQueries::IntegrityQueries(Database &db)
    : m_db(db)
{
}

Expected<BoundedList<IntegrityRow>> IntegrityQueries::changes(const IntegrityFilter &filter)
{
    const int limit = std::max(1, filter.limit);
    QVariantList params;
    QString sql = u"SELECT 0 AS src, s.id AS row_id, s.host_id, h.hostname, s.ts AS row_ts, s.check_name, "
                  u"COALESCE(s.severity, ''), s.items, s.detail, a.id AS alert_id, a.triage "
                  u"FROM state_changes s JOIN hosts h ON h.id = s.host_id "
                  u"LEFT JOIN alerts a ON a.state_change_id = s.id WHERE s.kind = 'state.change'"_s
        + hostCondition(u"s.host_id"_s, filter.hostId, params) + inRange(u"s.ts"_s, filter.range, params);
    if (filter.kernelLog) {
        sql += u" UNION ALL SELECT 1, e.id, e.host_id, h.hostname, e.ts, 'kmsg', '', 1, "
               u"e.detail, NULL, NULL FROM host_events e JOIN hosts h ON h.id = e.host_id "
               u"WHERE e.kind = 'host.kmsg'"_s
            + hostCondition(u"e.host_id"_s, filter.hostId, params) + inRange(u"e.ts"_s, filter.range, params);
    }
    sql += u" ORDER BY row_ts, src, row_id LIMIT ?"_s;
    params << limit + 1;
    return readBounded<IntegrityRow>(m_db.query(sql, params, Database::Fetch::AtOnce), limit, [](const QSqlQuery &q) {
        IntegrityRow row;
        row.source = q.value(0).toInt() == 0 ? IntegrityRow::Source::StateChange : IntegrityRow::Source::KernelLog;
        row.id = q.value(1).toLongLong();
        row.hostId = q.value(2).toLongLong();
        row.hostname = q.value(3).toString();
        row.ts = q.value(4).toLongLong();
        row.check = q.value(5).toString();
        row.severity = q.value(6).toString();
        row.items = q.value(7).toLongLong();
        row.detail = q.value(8).toString().toUtf8();
        row.alertId = optionalInt(q.value(9));
        row.triage = q.value(10).toString();
        return row;
    });
}

Expected<BoundedList<AlertRow>> IntegrityQueries::alerts(const AlertFilter &filter)
{
    const int limit = std::max(1, filter.limit);
    QVariantList params;
    QString sql = u"SELECT a.id, a.host_id, h.hostname, a.ts, a.source, a.state_change_id, a.severity, a.title, "
                  u"a.triage, COALESCE(a.triage_by, ''), a.triage_ts, COALESCE(s.check_name, ''), s.detail, "
                  u"COALESCE(a.rule, ''), COALESCE(a.detail, '') "
                  u"FROM alerts a JOIN hosts h ON h.id = a.host_id "
                  u"LEFT JOIN state_changes s ON s.id = a.state_change_id WHERE 1 = 1"_s
        + hostCondition(u"a.host_id"_s, filter.hostId, params) + inRange(u"a.ts"_s, filter.range, params);
    if (!filter.triage.isEmpty()) {
        QStringList marks;
        for (const QString &state : filter.triage) {
            marks << u"?"_s;
            params << state;
        }
        sql += u" AND a.triage IN (%1)"_s.arg(marks.join(u", "_s));
    }
    sql += u" ORDER BY a.ts, a.id LIMIT ?"_s;
    params << limit + 1;
    return readBounded<AlertRow>(m_db.query(sql, params, Database::Fetch::AtOnce), limit, [](const QSqlQuery &q) {
        AlertRow row;
        row.id = q.value(0).toLongLong();
        row.hostId = q.value(1).toLongLong();
        row.hostname = q.value(2).toString();
        row.ts = q.value(3).toLongLong();
        row.source = q.value(4).toString();
        row.stateChangeId = optionalInt(q.value(5));
        row.severity = q.value(6).toString();
        row.title = q.value(7).toString();
        row.triage = q.value(8).toString();
        row.triageBy = q.value(9).toString();
        row.triageTs = optionalInt(q.value(10));
        row.check = q.value(11).toString();
        row.detail = q.value(12).toString().toUtf8();
        row.rule = q.value(13).toString();
        row.ruleDetail = q.value(14).toString();
        return row;
    });
}

Expected<QList<HostName>> IntegrityQueries::hosts()
{
    auto rows = m_db.query(u"SELECT id, hostname FROM hosts ORDER BY hostname, id"_s);
    if (!rows)
        return rows.error();
    QList<HostName> list;
    while (rows->next())
        list.append({rows->value(0).toLongLong(), rows->value(1).toString()});
    return list;
}

} // namespace Deck::Core
