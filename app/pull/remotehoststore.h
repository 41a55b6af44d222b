// SPDX-License-Identifier: GPL-3.0-or-later
// The hosts the case pulls archives from (the "remote" inventory, schema migration 2) and the record of the files
// pulled from each. Every change of the inventory is written to the audit log in the same transaction.
// Thread: that of the Database. Errors name the remote host and the reason.
#pragma once

#include "storeerror.h"

#include <QHash>
#include <QList>
#include <optional>

namespace Deck::Core {
class Database;
}

namespace Deck::Pull {

using Flight::Error;
using Flight::Expected;

struct RemoteHost
{
    qint64 id = 0;
    QString name; // the analyst's name: unique, plain (letters, digits, . _ -), names the local download folder
    QString address;
    int port = 22;
    QString user;
    QString keyFile; // absolute path of a private key; empty: ssh-agent
    QString outbox; // absolute remote path of the collector's outbox
    QString jumpHost; // name of another remote host to connect through; empty: direct
    qint64 createdTs = 0;
    qint64 updatedTs = 0;
};

struct PulledFile
{
    qint64 size = 0;
    QString status; // Deck::Core::statusName() of the import outcome
    QString digest;
    QString localPath;
    bool removed = false; // deleted from the host after its import
};

class RemoteHostStore
{
public:
    explicit RemoteHostStore(Core::Database &db);

    Expected<QList<RemoteHost>> list();
    Expected<std::optional<RemoteHost>> find(const QString &name);
    // The host called `name`; NotFound ("no such remote host") when there is none.
    Expected<RemoteHost> get(const QString &name);
    Expected<RemoteHost> add(const RemoteHost &host);
    // Replaces every field of the host called `name` (renaming it when host.name differs).
    Expected<RemoteHost> update(const QString &name, const RemoteHost &host);
    Expected<void> remove(const QString &name);

    // Empty when `host` may be stored, else why not (one sentence naming the field).
    static QString validate(const RemoteHost &host);

    // What was pulled from the host, by remote file name.
    Expected<QHash<QString, PulledFile>> pulled(qint64 hostId);
    Expected<void> recordPulled(qint64 hostId, const QString &name, const PulledFile &file);
    Expected<void> recordRemoved(qint64 hostId, const QString &name, const QString &hostName);

private:
    Core::Database &m_db;
};

// True when the case holds the archive an import outcome with this status name refers to (imported, or held in
// quarantine or as a fork): pulling the same file again would change nothing.
bool caseHolds(const QString &status);

} // namespace Deck::Pull
