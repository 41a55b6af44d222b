// SPDX-License-Identifier: GPL-3.0-or-later
#include "pgcluster.h"

#include <QCollator>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Deck::TestSupport {

namespace {
constexpr int kPort = 5432; // the socket lives in our own directory, so the number cannot collide
}

PgCluster::PgCluster()
    : m_asPostgres(::geteuid() == 0)
{
}

PgCluster::~PgCluster()
{
    if (m_running)
        run(binDir() + u"/pg_ctl"_s, {u"-D"_s, m_dir.filePath(u"data"_s), u"-m"_s, u"immediate"_s, u"-w"_s, u"stop"_s});
}

QString PgCluster::binDir()
{
    QStringList versions = QDir(u"/usr/lib/postgresql"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCollator collator;
    collator.setNumericMode(true);
    std::sort(versions.begin(), versions.end(), collator);
    for (auto it = versions.crbegin(); it != versions.crend(); ++it) {
        const QString bin = u"/usr/lib/postgresql/%1/bin"_s.arg(*it);
        if (QFile::exists(bin + u"/initdb"_s) && QFile::exists(bin + u"/pg_ctl"_s))
            return bin;
    }
    return {};
}

int PgCluster::run(const QString &program, const QStringList &arguments, QString *output) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (m_asPostgres)
        process.start(u"runuser"_s, QStringList{u"-u"_s, u"postgres"_s, u"--"_s, program} + arguments);
    else
        process.start(program, arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
    }
    if (output)
        *output = QString::fromLocal8Bit(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

QString PgCluster::start()
{
    const QString bin = binDir();
    if (bin.isEmpty())
        return u"PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb)"_s;
    if (!m_dir.isValid())
        return u"cannot create a temporary directory"_s;
    if (m_asPostgres) {
        const passwd *pg = ::getpwnam("postgres");
        if (!pg)
            return u"running as root, but there is no 'postgres' user to run the server as"_s;
        if (::chown(QFile::encodeName(m_dir.path()).constData(), pg->pw_uid, pg->pw_gid) != 0)
            return u"cannot hand %1 to the postgres user"_s.arg(m_dir.path());
    }
    const QString data = m_dir.filePath(u"data"_s);
    QString output;
    if (run(bin + u"/initdb"_s,
            {u"-D"_s, data, u"-U"_s, u"postgres"_s, u"--auth=trust"_s, u"-E"_s, u"UTF8"_s, u"--locale=C"_s,
             u"--no-sync"_s},
            &output)
        != 0)
        return u"initdb failed: %1"_s.arg(output.trimmed());
    const QString options = u"-k %1 -p %2 -c listen_addresses='' -c fsync=off -c full_page_writes=off "
                            u"-c synchronous_commit=off"_s.arg(m_dir.path())
                                .arg(kPort);
    if (run(bin + u"/pg_ctl"_s,
            {u"-D"_s, data, u"-o"_s, options, u"-l"_s, m_dir.filePath(u"server.log"_s), u"-w"_s, u"-t"_s, u"60"_s,
             u"start"_s},
            &output)
        != 0) {
        QFile log(m_dir.filePath(u"server.log"_s));
        log.open(QIODevice::ReadOnly);
        return u"pg_ctl start failed: %1 %2"_s.arg(output.trimmed(), QString::fromLocal8Bit(log.readAll()).trimmed());
    }
    m_running = true;
    return {};
}

QString PgCluster::url(const QString &database) const
{
    return u"postgresql://postgres@/%1?host=%2&port=%3"_s.arg(database, m_dir.path()).arg(kPort);
}

QString PgCluster::createDatabase(const QString &name, QString *error)
{
    QString message;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, u"pgcluster-admin"_s);
        db.setHostName(m_dir.path());
        db.setPort(kPort);
        db.setUserName(u"postgres"_s);
        db.setDatabaseName(u"postgres"_s);
        if (!db.open()) {
            message = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.exec(u"CREATE DATABASE \"%1\""_s.arg(name)))
                message = query.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"pgcluster-admin"_s);
    if (!message.isEmpty()) {
        if (error)
            *error = message;
        return {};
    }
    return url(name);
}

} // namespace Deck::TestSupport
