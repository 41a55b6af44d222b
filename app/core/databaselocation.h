// SPDX-License-Identifier: GPL-3.0-or-later
// What `--db` names: a SQLite case file (any path) or a PostgreSQL server (postgresql:// or postgres:// URL, libpq
// style: postgresql://user:password@host:port/dbname?host=/socket/dir&port=5432&sslmode=require). Pure parsing.
#pragma once

#include "storeerror.h"

#include <QString>
#include <QStringList>

namespace Deck::Core {

enum class Engine { Sqlite, Postgres };

struct DatabaseLocation
{
    Engine engine = Engine::Sqlite;
    QString path; // SQLite: the file
    QString host; // PostgreSQL: host name or socket directory (starts with '/')
    int port = -1;
    QString user;
    QString password;
    QString dbName;
    QStringList options; // further libpq parameters, "key=value"

    static Expected<DatabaseLocation> parse(const QString &text);
    // The location for messages: the file, or the URL without its password.
    QString display() const;
};

} // namespace Deck::Core
