// SPDX-License-Identifier: GPL-3.0-or-later
// User and group names per host over time, from the collector's `accounts` check (FORMAT.md §2.4): the importer
// stores every name an id had and when (account_names), and when a full list was taken (account_snapshots); the
// queries resolve an id to the name it had at a time T on that host.
//
// Resolution: the newest row of (host, kind, id) at or before T, provided it is not older than the host's newest
// snapshot at or before T (a snapshot restates every account, so an id it leaves out had no name then: removed while
// the collector was stopped). A removed account is a row without a name. Before a host's first record, or for an id
// the files never named (LDAP, sssd), there is no name: the number alone is shown, never a guess. A snapshot counts
// from the first event of its archive (the collector reads the accounts a few seconds after it starts; a rename in
// those seconds is attributed to the start of the archive).
//
// Thread: the functions use the Database they are given, on its thread; errors name the host and the reason.
#pragma once

#include "event.h"
#include "storeerror.h"

#include <QHash>
#include <QList>

namespace Deck::Core {

class Database;

// Stores the `accounts` state.snapshot and state.change events of one archive of host `hostId`, whose first event is
// at `archiveFirstTs`. Idempotent: the same events stored twice add nothing.
Expected<void> storeAccounts(Database &db, qint64 hostId, qint64 archiveFirstTs,
                             const QList<Flight::Format::Event> &events);

// A correlated scalar subquery: the name (kind 'uid' or 'gid') that the id in `idColumn` had on host `hostColumn` at
// the time `tsColumn` (SQL expressions of the outer query, fixed text), or NULL. No parameters.
QString accountNameAt(QLatin1StringView kind, const QString &hostColumn, const QString &idColumn,
                      const QString &tsColumn);

// The name uid `uid` (or group `gid`) had on host `hostId` at `ts`; an empty string when it had none the case knows.
Expected<QString> userNameAt(Database &db, qint64 hostId, qint64 uid, qint64 ts);
Expected<QString> groupNameAt(Database &db, qint64 hostId, qint64 gid, qint64 ts);

// The names of one kind of id ('uid' or 'gid') on one host over time, read once and resolved in memory, for many
// ids at once (the whole process forest: a subquery per row was half the engine's work). The same answer as
// accountNameAt() and userNameAt() (tst_accountnames compares them); names are shared, not copied per answer.
class AccountNameIndex
{
public:
    static Expected<AccountNameIndex> load(Database &db, QLatin1StringView kind, qint64 hostId);
    // The name `id` had at `ts`; an empty string when it had none the case knows.
    QString nameAt(qint64 id, qint64 ts) const;

private:
    QList<qint64> m_snapshots; // ascending
    QHash<qint64, QList<std::pair<qint64, QString>>> m_names; // by id: (ts, name), ts ascending; no name: removed
};

// "alice (1000)" when the name is known, else "1000"; the name's control characters and non-UTF-8 bytes escaped
// (displayBytes: a name comes from the archive). The same for a group: "staff (50)".
QString userText(qint64 uid, const QString &name);

} // namespace Deck::Core
