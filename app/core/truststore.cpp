// SPDX-License-Identifier: GPL-3.0-or-later
#include "truststore.h"

#include "auditlog.h"
#include "database.h"

#include <QHash>

using namespace Qt::StringLiterals;
using Flight::Format::PublicKey;

namespace Deck::Core {

TrustStore::TrustStore(Database &db)
    : m_db(db)
{
}

Expected<QList<HostSummary>> TrustStore::hosts()
{
    auto rows
        = m_db.query(u"SELECT h.id, h.machine_id, h.hostname, h.os, h.kernel, h.last_import_ts, h.last_event_ts, "
                     u"(SELECT COUNT(*) FROM archives a WHERE a.host_id = h.id), "
                     u"(SELECT COALESCE(SUM(a.events), 0) FROM archives a WHERE a.host_id = h.id), "
                     u"(SELECT COALESCE(SUM(g.missing), 0) FROM (SELECT MAX(seq) - MIN(seq) + 1 - COUNT(*) AS missing "
                     u"FROM archives a WHERE a.host_id = h.id GROUP BY a.key_id) g), "
                     u"(SELECT COUNT(*) FROM held_archives f WHERE f.machine_id = h.machine_id AND f.reason = 'fork'), "
                     u"(SELECT COALESCE(SUM(l.count), 0) FROM losses l WHERE l.host_id = h.id AND l.unit = 'events') "
                     u"FROM hosts h ORDER BY h.hostname, h.machine_id"_s);
    if (!rows)
        return rows.error();
    QList<HostSummary> hosts;
    QHash<qint64, qsizetype> index;
    while (rows->next()) {
        HostSummary h;
        h.id = rows->value(0).toLongLong();
        h.machineId = rows->value(1).toString();
        h.hostname = rows->value(2).toString();
        h.os = rows->value(3).toString();
        h.kernel = rows->value(4).toString();
        h.lastImportTs = rows->value(5).toLongLong();
        if (!rows->value(6).isNull())
            h.lastEventTs = rows->value(6).toLongLong();
        h.archives = rows->value(7).toLongLong();
        h.events = rows->value(8).toLongLong();
        h.missingArchives = rows->value(9).toLongLong();
        h.forks = rows->value(10).toLongLong();
        h.losses = rows->value(11).toLongLong();
        index.insert(h.id, hosts.size());
        hosts.append(h);
    }
    auto keys = m_db.query(u"SELECT host_id, public_key, fingerprint, label, trusted_ts, trusted_by, last_seq, "
                           u"last_digest FROM host_keys WHERE host_id IS NOT NULL ORDER BY id"_s);
    if (!keys)
        return keys.error();
    while (keys->next()) {
        const auto at = index.value(keys->value(0).toLongLong(), -1);
        if (at < 0)
            continue;
        TrustedHostKey k{keys->value(1).toString(),   keys->value(2).toString(), keys->value(3).toString(),
                         keys->value(4).toLongLong(), keys->value(5).toString(), std::nullopt,
                         keys->value(7).toString()};
        if (!keys->value(6).isNull())
            k.lastSeq = keys->value(6).toLongLong();
        hosts[at].keys.append(k);
    }
    return hosts;
}

Expected<QList<HeldArchive>> TrustStore::held()
{
    auto rows = m_db.query(u"SELECT id, digest, path, reason, detail, machine_id, hostname, seq, signer, fingerprint, "
                           u"events, held_ts FROM held_archives ORDER BY machine_id, seq, id"_s);
    if (!rows)
        return rows.error();
    QList<HeldArchive> list;
    while (rows->next()) {
        list.append({rows->value(0).toLongLong(), rows->value(1).toString(), rows->value(2).toString(),
                     rows->value(3).toString(), rows->value(4).toString(), rows->value(5).toString(),
                     rows->value(6).toString(), rows->value(7).toLongLong(), rows->value(8).toString(),
                     rows->value(9).toString(), rows->value(10).toLongLong(), rows->value(11).toLongLong()});
    }
    return list;
}

Expected<std::optional<qint64>> TrustStore::findHost(const QString &host)
{
    auto rows = m_db.query(u"SELECT id FROM hosts WHERE hostname = ? OR machine_id = ?"_s, {host, host});
    if (!rows)
        return rows.error();
    std::optional<qint64> found;
    while (rows->next()) {
        if (found)
            return storeError(StoreReason::Conflict,
                              u"host %1: several hosts have this name; give its machine id instead"_s.arg(host));
        found = rows->value(0).toLongLong();
    }
    return found;
}

Expected<TrustResult> TrustStore::trust(const PublicKey &key, const QString &label, const QString &host)
{
    std::optional<qint64> hostId;
    if (!host.isEmpty()) {
        auto found = findHost(host);
        if (!found)
            return found.error();
        if (!*found)
            return storeError(StoreReason::NotFound, u"host %1: no such host in the case %2"_s.arg(host, m_db.name()));
        hostId = *found;
    }
    if (auto begun = m_db.begin(); !begun)
        return begun.error();
    const auto fail = [&](Error error) -> Expected<TrustResult> {
        m_db.rollback();
        return error;
    };
    auto existing = m_db.query(u"SELECT k.id, k.host_id, h.hostname FROM host_keys k LEFT JOIN hosts h "
                               u"ON h.id = k.host_id WHERE k.public_key = ?"_s,
                               {key.toText()});
    if (!existing)
        return fail(existing.error());
    TrustResult result;
    if (existing->next()) {
        const qint64 keyId = existing->value(0).toLongLong();
        const bool bound = !existing->value(1).isNull();
        result.hostname = existing->value(2).toString();
        if (bound && hostId && existing->value(1).toLongLong() != *hostId)
            return fail(storeError(StoreReason::Conflict,
                                   u"key %1 is already trusted for host %2; a key belongs to "
                                   u"one host"_s.arg(key.fingerprint(), result.hostname)));
        if (bound || !hostId) {
            m_db.rollback();
            return result;
        }
        if (auto bind = m_db.execute(u"UPDATE host_keys SET host_id = ? WHERE id = ?"_s, {*hostId, keyId}); !bind)
            return fail(bind.error());
    } else {
        auto inserted = m_db.execute(u"INSERT INTO host_keys (host_id, public_key, fingerprint, label, trusted_ts, "
                                     u"trusted_by) VALUES (?, ?, ?, ?, ?, ?)"_s,
                                     {hostId ? QVariant(*hostId) : QVariant(), key.toText(), key.fingerprint(), label,
                                      Database::nowNs(), currentActor()});
        if (!inserted)
            return fail(inserted.error());
        result.added = true;
    }
    if (hostId) {
        auto name = m_db.scalar(u"SELECT hostname FROM hosts WHERE id = ?"_s, {*hostId});
        if (!name)
            return fail(name.error());
        result.hostname = name->toString();
    }
    const QString detail = result.hostname.isEmpty()
        ? u"trusted %1%2 for the first host whose archives it signs"_s.arg(
            key.toText(), label.isEmpty() ? QString() : u" (%1)"_s.arg(label))
        : u"trusted %1%2 for host %3"_s.arg(key.toText(), label.isEmpty() ? QString() : u" (%1)"_s.arg(label),
                                            result.hostname);
    if (auto logged = appendAudit(m_db, u"trust"_s, key.fingerprint(), detail); !logged)
        return fail(logged.error());
    if (auto committed = m_db.commit(); !committed)
        return committed.error();
    return result;
}

Expected<std::optional<PublicKey>> TrustStore::heldSigner(const QString &fingerprint)
{
    auto signer = m_db.scalar(u"SELECT signer FROM held_archives WHERE fingerprint = ?"_s, {fingerprint});
    if (!signer)
        return signer.error();
    if (signer->isNull())
        return std::optional<PublicKey>();
    auto key = PublicKey::fromText(signer->toString());
    if (!key)
        return key.error();
    return std::optional<PublicKey>(*key);
}

} // namespace Deck::Core
