// SPDX-License-Identifier: GPL-3.0-or-later
#include "alertwriter.h"

#include "database.h"

using namespace Qt::StringLiterals;

namespace Deck::Core {

Expected<std::optional<qint64>> raiseAlert(Database &db, const NewAlert &alert)
{
    if (alert.evidence.isEmpty())
        return storeError(StoreReason::Conflict, u"alert \u201c%1\u201d names no evidence"_s.arg(alert.title));
    static const QStringList severities{u"low"_s, u"medium"_s, u"high"_s};
    if (!severities.contains(alert.severity))
        return storeError(StoreReason::Conflict,
                          u"alert \u201c%1\u201d: unknown severity \u201c%2\u201d"_s.arg(alert.title, alert.severity));
    const ObjectRef &about = alert.evidence.constFirst();
    auto existing = db.scalar(u"SELECT a.id FROM alerts a JOIN alert_evidence e ON e.alert_id = a.id AND e.ordinal = 0 "
                              u"WHERE a.source = ? AND a.rule = ? AND e.object_type = ? AND e.object_id = ?"_s,
                              {alert.source, alert.rule, objectTypeName(about.type), about.id});
    if (!existing)
        return existing.error();
    if (!existing->isNull())
        return std::optional<qint64>();
    auto id = db.scalar(u"INSERT INTO alerts (host_id, ts, source, severity, title, triage, rule, detail) "
                        u"VALUES (?, ?, ?, ?, ?, 'new', ?, ?) RETURNING id"_s,
                        {alert.hostId, alert.ts, alert.source, alert.severity, alert.title, alert.rule, alert.detail});
    if (!id)
        return id.error();
    const qint64 alertId = id->toLongLong();
    for (qsizetype i = 0; i < alert.evidence.size(); ++i) {
        const ObjectRef &object = alert.evidence.at(i);
        auto added = db.execute(u"INSERT INTO alert_evidence (alert_id, ordinal, object_type, object_id) "
                                u"VALUES (?, ?, ?, ?)"_s,
                                {alertId, int(i), objectTypeName(object.type), object.id});
        if (!added)
            return added.error();
    }
    return std::optional<qint64>(alertId);
}

Expected<QList<AlertEvidenceRow>> alertEvidence(Database &db, qint64 alertId)
{
    auto q = db.query(u"SELECT ordinal, object_type, object_id FROM alert_evidence WHERE alert_id = ? "
                      u"ORDER BY ordinal"_s,
                      {alertId});
    if (!q)
        return q.error();
    QList<AlertEvidenceRow> rows;
    while (q->next()) {
        const auto type = objectTypeFromName(q->value(1).toString());
        if (!type)
            continue; // a type this build does not know: not shown rather than misnamed
        rows.append({q->value(0).toInt(), {*type, q->value(2).toLongLong()}});
    }
    return rows;
}

} // namespace Deck::Core
