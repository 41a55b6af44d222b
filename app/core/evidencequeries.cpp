// SPDX-License-Identifier: GPL-3.0-or-later
#include "evidencequeries.h"

#include "database.h"
#include "querysql.h"

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

// " AND column IN (?, ...)" for the scope's hosts (nothing when it names none), and their parameters.
QString inHosts(const QString &column, const CaseScope &scope, QVariantList &params)
{
    if (scope.hostIds.isEmpty())
        return {};
    QStringList marks;
    for (qint64 id : scope.hostIds) {
        marks << u"?"_s;
        params << id;
    }
    return u" AND %1 IN (%2)"_s.arg(column, marks.join(u", "_s));
}

} // namespace

EvidenceQueries::EvidenceQueries(Database &db)
    : m_db(db)
{
}

Expected<QList<EvidenceArchive>> EvidenceQueries::archives(const CaseScope &scope)
{
    QVariantList params;
    QString where = inHosts(u"a.host_id"_s, scope, params);
    // Overlapping [from, to): ends after the start and starts before the end.
    if (scope.range.from) {
        where += u" AND a.last_ts >= ?"_s;
        params << *scope.range.from;
    }
    if (scope.range.to) {
        where += u" AND a.first_ts < ?"_s;
        params << *scope.range.to;
    }
    auto q = m_db.query(u"SELECT a.id, a.host_id, h.hostname, a.key_id, a.seq, a.first_ts, a.last_ts, a.events, "
                        u"a.digest, COALESCE(k.fingerprint, ''), a.chain, a.missing_before, a.encrypted, a.recovered, "
                        u"a.source, a.imported_ts, a.imported_by FROM archives a JOIN hosts h ON h.id = a.host_id "
                        u"LEFT JOIN host_keys k ON k.id = a.key_id WHERE 1 = 1%1 "
                        u"ORDER BY h.hostname, a.host_id, a.key_id, a.seq"_s.arg(where),
                        params, Database::Fetch::AtOnce);
    if (!q)
        return q.error();
    QList<EvidenceArchive> rows;
    while (q->next()) {
        const auto v = [&](int column) { return q->value(column); };
        rows.append({v(0).toLongLong(), v(1).toLongLong(), v(2).toString(), v(3).toLongLong(), v(4).toLongLong(),
                     v(5).toLongLong(), v(6).toLongLong(), v(7).toLongLong(), v(8).toString(), v(9).toString(),
                     v(10).toString(), v(11).toLongLong(), v(12).toLongLong() != 0, v(13).toLongLong() != 0,
                     v(14).toString(), v(15).toLongLong(), v(16).toString()});
    }
    return rows;
}

Expected<QList<AuditEntry>> EvidenceQueries::auditLog()
{
    auto q = m_db.query(u"SELECT id, ts, actor, action, object, detail FROM audit_log ORDER BY ts, id"_s, {},
                        Database::Fetch::AtOnce);
    if (!q)
        return q.error();
    QList<AuditEntry> rows;
    while (q->next())
        rows.append({q->value(0).toLongLong(), q->value(1).toLongLong(), q->value(2).toString(), q->value(3).toString(),
                     q->value(4).toString(), q->value(5).toString()});
    return rows;
}

Expected<QList<AlertRow>> EvidenceQueries::alerts(const CaseScope &scope)
{
    QVariantList params;
    QString where = inHosts(u"a.host_id"_s, scope, params);
    where += inRange(u"a.ts"_s, scope.range, params);
    auto q = m_db.query(u"SELECT a.id, a.host_id, h.hostname, a.ts, a.source, a.severity, a.title, a.triage, "
                        u"COALESCE(a.triage_by, ''), a.triage_ts, COALESCE(a.rule, ''), COALESCE(a.detail, '') "
                        u"FROM alerts a JOIN hosts h ON h.id = a.host_id "
                        u"WHERE 1 = 1%1 ORDER BY a.ts, a.id"_s.arg(where),
                        params, Database::Fetch::AtOnce);
    if (!q)
        return q.error();
    QList<AlertRow> rows;
    while (q->next()) {
        AlertRow row;
        row.id = q->value(0).toLongLong();
        row.hostId = q->value(1).toLongLong();
        row.hostname = q->value(2).toString();
        row.ts = q->value(3).toLongLong();
        row.source = q->value(4).toString();
        row.severity = q->value(5).toString();
        row.title = q->value(6).toString();
        row.triage = q->value(7).toString();
        row.triageBy = q->value(8).toString();
        row.triageTs = optionalInt(q->value(9));
        row.rule = q->value(10).toString();
        row.ruleDetail = q->value(11).toString();
        rows.append(row);
    }
    return rows;
}

Expected<IntegrityChanges> EvidenceQueries::integrityChanges(const CaseScope &scope, int limit)
{
    QVariantList params;
    QString where = inHosts(u"s.host_id"_s, scope, params);
    where += inRange(u"s.ts"_s, scope.range, params);
    params << limit + 1;
    auto q = m_db.query(u"SELECT s.id, s.ts, s.kind, s.check_name, COALESCE(s.severity, ''), s.items, s.host_id, "
                        u"h.hostname FROM state_changes s JOIN hosts h ON h.id = s.host_id "
                        u"WHERE s.kind = 'state.change'%1 ORDER BY s.ts, s.id LIMIT ?"_s.arg(where),
                        params, Database::Fetch::AtOnce);
    if (!q)
        return q.error();
    IntegrityChanges result;
    while (q->next()) {
        if (result.rows.size() == limit) {
            result.truncated = true;
            break;
        }
        StateChangeRow change{q->value(0).toLongLong(), q->value(1).toLongLong(), q->value(2).toString(),
                              q->value(3).toString(),   q->value(4).toString(),   q->value(5).toLongLong()};
        result.rows.append({std::move(change), q->value(6).toLongLong(), q->value(7).toString()});
    }
    return result;
}

} // namespace Deck::Core
