// SPDX-License-Identifier: GPL-3.0-or-later
#include "importcomparators.h"

#include "database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlRecord>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace Deck::Bench {

namespace {

double cpuOfChildren()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Runs `program` with `arguments` and `input` on stdin; returns its wall and CPU time, or a wall time of -1 with
// the reason in *error.
ToolTime timeProgram(const QString &program, const QStringList &arguments, const QByteArray &input, QString *error)
{
    const double cpuBefore = cpuOfChildren();
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForStarted()) {
        *error = u"%1 did not start: %2"_s.arg(program, process.errorString());
        return {};
    }
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(-1);
    const ToolTime time{double(timer.nsecsElapsed()) / 1e9, cpuOfChildren() - cpuBefore};
    const QByteArray output = process.readAll().trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0 || !output.isEmpty()) {
        *error = u"%1 failed (exit %2): %3"_s.arg(program)
                     .arg(process.exitCode())
                     .arg(QString::fromLocal8Bit(output.left(500)));
        return {};
    }
    return time;
}

QByteArray csvField(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.metaType().id() == QMetaType::QByteArray)
        return value.toByteArray().toHex();
    if (value.metaType().id() == QMetaType::LongLong || value.metaType().id() == QMetaType::Int)
        return QByteArray::number(value.toLongLong());
    QByteArray text = value.toString().toUtf8();
    text.replace('"', "\"\"");
    return '"' + text + '"';
}

// Runs `statements` in `sqlite3` on `caseFile` with the case's own settings (Database::configure): WAL,
// synchronous=NORMAL, the same page cache and checkpoint size; stops at the first error.
ToolTime runSqlite3(const QString &caseFile, const QByteArray &statements, QString *error)
{
    const QByteArray script = ".bail on\nPRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\n"
                              "PRAGMA cache_size=-262144;\nPRAGMA wal_autocheckpoint=16384;\n"
        + statements;
    // journal_mode prints its result ("wal"); silence it by sending output nowhere.
    return timeProgram(u"sqlite3"_s, {u"-batch"_s, u"-cmd"_s, u".output /dev/null"_s, caseFile}, script, error);
}

} // namespace

QStringList importedTables()
{
    return {u"hosts"_s,       u"host_keys"_s,      u"boots"_s,       u"archives"_s,   u"processes"_s,
            u"paths"_s,       u"process_events"_s, u"file_events"_s, u"net_events"_s, u"state_changes"_s,
            u"host_events"_s, u"losses"_s,         u"alerts"_s,      u"audit_log"_s};
}

QString exportSqliteRows(Core::Database &db, const QString &dir)
{
    for (const QString &table : importedTables()) {
        QFile file(QDir(dir).filePath(table + u".csv"_s));
        if (!file.open(QIODevice::WriteOnly))
            return u"cannot write %1"_s.arg(file.fileName());
        auto query = db.query(u"SELECT * FROM %1 ORDER BY id"_s.arg(table));
        if (!query)
            return query.error().message;
        QByteArray buffer;
        while (query->next()) {
            const int columns = query->record().count();
            for (int i = 0; i < columns; ++i) {
                if (i > 0)
                    buffer.append(',');
                buffer.append(csvField(query->value(i)));
            }
            buffer.append('\n');
            if (buffer.size() > (1 << 20)) {
                file.write(buffer);
                buffer.clear();
            }
        }
        file.write(buffer);
    }
    return {};
}

qint64 countRows(Core::Database &db)
{
    qint64 rows = 0;
    for (const QString &table : importedTables()) {
        auto n = db.scalar(u"SELECT COUNT(*) FROM %1"_s.arg(table));
        if (!n)
            return -1;
        rows += n->toLongLong();
    }
    return rows;
}

QString exportPostgresRows(const QString &url, const QString &dir)
{
    QByteArray script = "\\set ON_ERROR_STOP on\n";
    for (const QString &table : importedTables()) {
        script += u"\\copy (SELECT * FROM %1 ORDER BY id) TO '%2' CSV\n"_s
                      .arg(table, QDir(dir).filePath(table + u".csv"_s))
                      .toUtf8();
    }
    QString error;
    timeProgram(u"psql"_s, {u"-X"_s, u"-q"_s, url}, script, &error);
    return error;
}

ToolTime sqliteImport(const QString &caseFile, const QString &dir, QString *error)
{
    QByteArray statements = "BEGIN;\n";
    for (const QString &table : importedTables())
        statements += u".import --csv '%1' %2\n"_s.arg(QDir(dir).filePath(table + u".csv"_s), table).toUtf8();
    return runSqlite3(caseFile, statements + "COMMIT;\n", error);
}

ToolTime sqliteInsertSelect(const QString &caseFile, const QString &sourceCase, QString *error)
{
    QByteArray statements = u"ATTACH 'file:%1?mode=ro' AS source;\nBEGIN;\n"_s.arg(sourceCase).toUtf8();
    // WHERE true: without a WHERE clause SQLite copies the records of an identical empty table as they are
    // (its transfer optimization), which no importer can do.
    for (const QString &table : importedTables())
        statements += u"INSERT INTO main.%1 SELECT * FROM source.%1 WHERE true ORDER BY id;\n"_s.arg(table).toUtf8();
    return runSqlite3(caseFile, statements + "COMMIT;\n", error);
}

ToolTime psqlCopy(const QString &url, const QString &dir, QString *error)
{
    QByteArray script = "\\set ON_ERROR_STOP on\n";
    for (const QString &table : importedTables())
        script += u"\\copy %1 FROM '%2' CSV\n"_s.arg(table, QDir(dir).filePath(table + u".csv"_s)).toUtf8();
    // -1: one transaction, like the importer's per archive.
    return timeProgram(u"psql"_s, {u"-X"_s, u"-q"_s, u"-1"_s, url}, script, error);
}

} // namespace Deck::Bench
