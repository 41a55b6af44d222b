// SPDX-License-Identifier: GPL-3.0-or-later
#include "remotehoststore.h"

#include "auditlog.h"
#include "database.h"
#include "importoutcome.h"

using namespace Qt::StringLiterals;
using namespace Deck::Core;

namespace Deck::Pull {

namespace {

const QString kColumns = u"id, name, address, port, username, key_file, outbox, jump_host, created_ts, updated_ts"_s;

RemoteHost hostFrom(const QSqlQuery &row)
{
    return {row.value(0).toLongLong(), row.value(1).toString(),  row.value(2).toString(), row.value(3).toInt(),
            row.value(4).toString(),   row.value(5).toString(),  row.value(6).toString(), row.value(7).toString(),
            row.value(8).toLongLong(), row.value(9).toLongLong()};
}

bool plainName(const QString &text)
{
    if (text.isEmpty() || text.size() > 64 || text.startsWith(u'.') || text.startsWith(u'-'))
        return false;
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'.'
            || c == u'_' || c == u'-';
    });
}

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QString describe(const RemoteHost &h)
{
    return u"%1@%2 port %3, outbox %4, %5%6"_s.arg(h.user, h.address)
        .arg(h.port)
        .arg(h.outbox, h.keyFile.isEmpty() ? u"ssh-agent"_s : u"key %1"_s.arg(h.keyFile),
             h.jumpHost.isEmpty() ? QString() : u", via %1"_s.arg(h.jumpHost));
}

} // namespace

bool caseHolds(const QString &status)
{
    for (ImportStatus s : {ImportStatus::Imported, ImportStatus::AlreadyImported, ImportStatus::Quarantined,
                           ImportStatus::AlreadyHeld, ImportStatus::Fork}) {
        if (status == QLatin1StringView(statusName(s)))
            return true;
    }
    return false;
}

RemoteHostStore::RemoteHostStore(Database &db)
    : m_db(db)
{
}

QString RemoteHostStore::validate(const RemoteHost &h)
{
    if (!plainName(h.name))
        return u"remote host name '%1': use 1 to 64 letters, digits, '.', '_' or '-', not starting with '.' or "
               u"'-'"_s.arg(h.name);
    if (h.address.isEmpty() || h.address.startsWith(u'-')
        || std::any_of(h.address.cbegin(), h.address.cend(), [](QChar c) { return c.isSpace() || c == u'@'; }))
        return u"remote host %1: the address '%2' is not a host name or IP address"_s.arg(h.name, h.address);
    if (h.port < 1 || h.port > 65535)
        return u"remote host %1: the port %2 is not within 1-65535"_s.arg(h.name).arg(h.port);
    if (h.user.isEmpty() || h.user.startsWith(u'-')
        || std::any_of(h.user.cbegin(), h.user.cend(), [](QChar c) { return c.isSpace() || c == u'@'; }))
        return u"remote host %1: the user '%2' is not a user name"_s.arg(h.name, h.user);
    if (!h.outbox.startsWith(u'/'))
        return u"remote host %1: the outbox '%2' is not an absolute path"_s.arg(h.name, h.outbox);
    if (!h.keyFile.isEmpty() && !h.keyFile.startsWith(u'/'))
        return u"remote host %1: the key file '%2' is not an absolute path"_s.arg(h.name, h.keyFile);
    if (!h.jumpHost.isEmpty() && (!plainName(h.jumpHost) || h.jumpHost == h.name))
        return u"remote host %1: the jump host '%2' is not the name of another remote host"_s.arg(h.name, h.jumpHost);
    return {};
}

Expected<QList<RemoteHost>> RemoteHostStore::list()
{
    auto rows = m_db.query(u"SELECT %1 FROM remote_hosts ORDER BY name"_s.arg(kColumns));
    if (!rows)
        return rows.error();
    QList<RemoteHost> hosts;
    while (rows->next())
        hosts.append(hostFrom(*rows));
    return hosts;
}

Expected<std::optional<RemoteHost>> RemoteHostStore::find(const QString &name)
{
    auto rows = m_db.query(u"SELECT %1 FROM remote_hosts WHERE name = ?"_s.arg(kColumns), {name});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return std::optional<RemoteHost>();
    return std::optional<RemoteHost>(hostFrom(*rows));
}

Expected<RemoteHost> RemoteHostStore::get(const QString &name)
{
    auto found = find(name);
    if (!found)
        return found.error();
    if (!*found)
        return storeError(StoreReason::NotFound,
                          u"remote host %1: no such remote host (see 'remote list')"_s.arg(name));
    return **found;
}

Expected<RemoteHost> RemoteHostStore::add(const RemoteHost &host)
{
    if (const QString why = validate(host); !why.isEmpty())
        return storeError(StoreReason::Conflict, why);
    auto existing = find(host.name);
    if (!existing)
        return existing.error();
    if (*existing)
        return storeError(StoreReason::Conflict,
                          u"remote host %1 exists already; change it with 'remote edit %1'"_s.arg(host.name));
    if (auto begun = m_db.begin(); !begun)
        return begun.error();
    RemoteHost added = host;
    added.createdTs = added.updatedTs = Database::nowNs();
    auto id = m_db.scalar(u"INSERT INTO remote_hosts (name, address, port, username, key_file, outbox, jump_host, "
                          u"created_ts, updated_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
                          {host.name, host.address, host.port, host.user, nullIfEmpty(host.keyFile), host.outbox,
                           nullIfEmpty(host.jumpHost), added.createdTs, added.updatedTs});
    auto logged = id ? appendAudit(m_db, u"remote add"_s, host.name, describe(host)) : Expected<void>(id.error());
    if (!logged) {
        m_db.rollback();
        return logged.error();
    }
    if (auto committed = m_db.commit(); !committed)
        return committed.error();
    added.id = id->toLongLong();
    return added;
}

Expected<RemoteHost> RemoteHostStore::update(const QString &name, const RemoteHost &host)
{
    if (const QString why = validate(host); !why.isEmpty())
        return storeError(StoreReason::Conflict, why);
    auto existing = get(name);
    if (!existing)
        return existing.error();
    if (host.name != name) {
        auto clash = find(host.name);
        if (!clash)
            return clash.error();
        if (*clash)
            return storeError(StoreReason::Conflict, u"remote host %1 exists already"_s.arg(host.name));
    }
    RemoteHost updated = host;
    updated.id = existing->id;
    updated.createdTs = existing->createdTs;
    updated.updatedTs = Database::nowNs();
    if (auto begun = m_db.begin(); !begun)
        return begun.error();
    auto changed = m_db.execute(u"UPDATE remote_hosts SET name = ?, address = ?, port = ?, username = ?, "
                                u"key_file = ?, outbox = ?, jump_host = ?, updated_ts = ? WHERE id = ?"_s,
                                {host.name, host.address, host.port, host.user, nullIfEmpty(host.keyFile), host.outbox,
                                 nullIfEmpty(host.jumpHost), updated.updatedTs, updated.id});
    if (changed)
        changed = appendAudit(m_db, u"remote edit"_s, name,
                              u"was %1; now %2%3"_s.arg(describe(*existing),
                                                        host.name == name ? QString() : host.name + u": "_s,
                                                        describe(host)));
    if (!changed) {
        m_db.rollback();
        return changed.error();
    }
    if (auto committed = m_db.commit(); !committed)
        return committed.error();
    return updated;
}

Expected<void> RemoteHostStore::remove(const QString &name)
{
    auto existing = get(name);
    if (!existing)
        return existing.error();
    if (auto begun = m_db.begin(); !begun)
        return begun;
    // The record of pulled files stays: it is part of the chain of custody of archives in the case.
    auto removed = m_db.execute(u"DELETE FROM remote_hosts WHERE id = ?"_s, {existing->id});
    if (removed)
        removed = appendAudit(m_db, u"remote remove"_s, name, describe(*existing));
    if (!removed) {
        m_db.rollback();
        return removed;
    }
    return m_db.commit();
}

Expected<QHash<QString, PulledFile>> RemoteHostStore::pulled(qint64 hostId)
{
    auto rows = m_db.query(u"SELECT name, size, status, digest, local_path, removed_ts FROM pulled_files "
                           u"WHERE remote_host_id = ?"_s,
                           {hostId});
    if (!rows)
        return rows.error();
    QHash<QString, PulledFile> files;
    while (rows->next())
        files.insert(rows->value(0).toString(),
                     {rows->value(1).toLongLong(), rows->value(2).toString(), rows->value(3).toString(),
                      rows->value(4).toString(), !rows->value(5).isNull()});
    return files;
}

Expected<void> RemoteHostStore::recordPulled(qint64 hostId, const QString &name, const PulledFile &file)
{
    auto updated = m_db.query(
        u"UPDATE pulled_files SET size = ?, local_path = ?, status = ?, digest = ?, "
        u"pulled_ts = ?, removed_ts = NULL WHERE remote_host_id = ? AND name = ?"_s,
        {file.size, file.localPath, file.status, nullIfEmpty(file.digest), Database::nowNs(), hostId, name});
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() > 0)
        return {};
    return m_db.execute(
        u"INSERT INTO pulled_files (remote_host_id, name, size, local_path, status, digest, "
        u"pulled_ts) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        {hostId, name, file.size, file.localPath, file.status, nullIfEmpty(file.digest), Database::nowNs()});
}

Expected<void> RemoteHostStore::recordRemoved(qint64 hostId, const QString &name, const QString &hostName)
{
    if (auto begun = m_db.begin(); !begun)
        return begun;
    auto done = m_db.execute(u"UPDATE pulled_files SET removed_ts = ? WHERE remote_host_id = ? AND name = ?"_s,
                             {Database::nowNs(), hostId, name});
    if (done)
        done = appendAudit(m_db, u"remote delete"_s, u"%1:%2"_s.arg(hostName, name),
                           u"removed from the host after its import"_s);
    if (!done) {
        m_db.rollback();
        return done;
    }
    return m_db.commit();
}

} // namespace Deck::Pull
