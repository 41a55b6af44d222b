// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostarchivequeries.h"

#include "database.h"

using namespace Qt::StringLiterals;

namespace Deck::Core {

HostArchiveQueries::HostArchiveQueries(Database &db)
    : m_db(db)
{
}

Expected<QList<ArchiveRow>> HostArchiveQueries::archives(qint64 hostId)
{
    auto rows = m_db.query(u"SELECT a.id, a.key_id, a.seq, a.first_ts, a.last_ts, a.events, a.digest, a.prev_digest, "
                           u"COALESCE(k.fingerprint, ''), a.chain, a.missing_before, a.encrypted, a.recovered, "
                           u"a.collector_version, a.source, a.imported_ts, a.imported_by FROM archives a "
                           u"LEFT JOIN host_keys k ON k.id = a.key_id WHERE a.host_id = ? ORDER BY a.key_id, a.seq"_s,
                           {hostId}, Database::Fetch::AtOnce);
    if (!rows)
        return rows.error();
    QList<ArchiveRow> list;
    while (rows->next()) {
        ArchiveRow row;
        int c = 0;
        row.id = rows->value(c++).toLongLong();
        row.keyId = rows->value(c++).toLongLong();
        row.seq = rows->value(c++).toLongLong();
        row.firstTs = rows->value(c++).toLongLong();
        row.lastTs = rows->value(c++).toLongLong();
        row.events = rows->value(c++).toLongLong();
        row.digest = rows->value(c++).toString();
        row.prevDigest = rows->value(c++).toString();
        row.signerFingerprint = rows->value(c++).toString();
        row.chain = rows->value(c++).toString();
        row.missingBefore = rows->value(c++).toLongLong();
        row.encrypted = rows->value(c++).toLongLong() != 0;
        row.recovered = rows->value(c++).toLongLong() != 0;
        row.collectorVersion = rows->value(c++).toString();
        row.source = rows->value(c++).toString();
        row.importedTs = rows->value(c++).toLongLong();
        row.importedBy = rows->value(c++).toString();
        list.append(std::move(row));
    }
    return list;
}

Expected<QList<HostSpan>> HostArchiveQueries::spans()
{
    auto rows
        = m_db.query(u"SELECT host_id, MIN(first_ts), MAX(last_ts) FROM archives GROUP BY host_id ORDER BY host_id"_s);
    if (!rows)
        return rows.error();
    QList<HostSpan> list;
    while (rows->next())
        list.append({rows->value(0).toLongLong(), rows->value(1).toLongLong(), rows->value(2).toLongLong()});
    return list;
}

Expected<QList<AuditEntry>> HostArchiveQueries::audit(const QString &action, int limit)
{
    auto rows = m_db.query(u"SELECT id, ts, actor, action, object, detail FROM audit_log WHERE action = ? "
                           u"ORDER BY ts DESC, id DESC LIMIT ?"_s,
                           {action, std::max(1, limit)});
    if (!rows)
        return rows.error();
    QList<AuditEntry> list;
    while (rows->next()) {
        list.append({rows->value(0).toLongLong(), rows->value(1).toLongLong(), rows->value(2).toString(),
                     rows->value(3).toString(), rows->value(4).toString(), rows->value(5).toString()});
    }
    return list;
}

} // namespace Deck::Core
