// SPDX-License-Identifier: GPL-3.0-or-later
// A real PostgreSQL server for tests: initdb + pg_ctl (the newest /usr/lib/postgresql/*/bin) in a temporary
// directory, listening only on a Unix socket in that directory (no TCP port to collide on), fsync off. As root the
// server runs as the 'postgres' user through runuser, since postgres refuses to run as root. Stopped (immediate) and
// removed when destroyed.
#pragma once

#include <QString>
#include <QTemporaryDir>

namespace Deck::TestSupport {

class PgCluster
{
public:
    PgCluster();
    ~PgCluster();
    PgCluster(const PgCluster &) = delete;
    PgCluster &operator=(const PgCluster &) = delete;

    // Empty on success, else why the cluster could not start (with the server's log).
    QString start();
    // A new empty database; returns its postgresql:// URL, or an empty string (the reason in *error).
    QString createDatabase(const QString &name, QString *error = nullptr);
    QString url(const QString &database) const;
    QString socketDir() const { return m_dir.path(); }
    static QString binDir(); // empty when PostgreSQL is not installed

private:
    int run(const QString &program, const QStringList &arguments, QString *output = nullptr) const;

    QTemporaryDir m_dir;
    bool m_asPostgres = false;
    bool m_running = false;
};

} // namespace Deck::TestSupport
