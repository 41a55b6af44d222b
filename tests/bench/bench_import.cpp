// SPDX-License-Identifier: GPL-3.0-or-later
// Import speed (issue 6), as ratios against comparators measured in the same run on the same rows:
//   SQLite:     Importer (verify, decode, intern, resolve processes, bulk insert) vs `sqlite3 .import --csv` of the
//               rows it wrote, into an empty case of the same schema and indexes, and vs `sqlite3` copying those rows
//               from the imported case by INSERT ... SELECT (typed, no parsing: what SQLite itself does at best);
//   PostgreSQL: Importer (COPY through libpq) vs `psql \copy ... CSV` of the rows it wrote, likewise.
// The archives are realistic signed hash chains (ImportWorkload, a real Ed25519 key per host), generated first or
// read from --archives DIR (with DIR/trust.txt, as flightdeck-makearchives writes it). PostgreSQL is a real server
// started in a temporary directory (PgCluster). Prints events/s, rows/s and the ratios; asserts nothing about time.
#include "casefixture.h"
#include "importcomparators.h"
#include "importer.h"
#include "pgcluster.h"
#include "workloadarchives.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace Deck;

namespace {

struct Measured
{
    double importSeconds = -1;
    double importCpu = -1;
    Bench::ToolTime tool;
    Bench::ToolTime copy; // SQLite: INSERT ... SELECT of the same rows
    qint64 rows = 0;
};

double cpuSeconds(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// The importer under test: this process's (Importer, in-process) or an external flightdeck-cli's, such as an older
// build for a before/after comparison on the same archives.
QString g_cli;

// Trusts the hosts' keys in `location`, imports every archive (timed), and returns the error text or nothing.
QString importAll(const QString &location, const Bench::WorkloadArchives &archives, Measured &measured,
                  std::unique_ptr<Core::Database> &db)
{
    auto opened = Core::Database::open(location);
    if (!opened)
        return opened.error().message;
    db = std::move(*opened);
    if (QString error = Bench::trustWorkloadKeys(*db, archives); !error.isEmpty())
        return error;
    QElapsedTimer timer;
    if (!g_cli.isEmpty()) {
        db.reset();
        QProcess cli;
        cli.setProcessChannelMode(QProcess::MergedChannels);
        const double cpuBefore = cpuSeconds(RUSAGE_CHILDREN);
        timer.start();
        cli.start(g_cli, {u"--db"_s, location, u"import"_s, archives.dir});
        cli.waitForFinished(-1);
        measured.importSeconds = double(timer.nsecsElapsed()) / 1e9;
        measured.importCpu = cpuSeconds(RUSAGE_CHILDREN) - cpuBefore;
        if (cli.exitStatus() != QProcess::NormalExit || cli.exitCode() != 0)
            return u"%1 import failed: %2"_s.arg(g_cli, QString::fromLocal8Bit(cli.readAll().right(500)));
        auto reopened = Core::Database::open(location);
        if (!reopened)
            return reopened.error().message;
        db = std::move(*reopened);
    } else {
        Core::Importer importer(*db);
        const double cpuBefore = cpuSeconds(RUSAGE_SELF);
        timer.start();
        const auto outcomes = importer.importPaths({archives.dir});
        measured.importSeconds = double(timer.nsecsElapsed()) / 1e9;
        measured.importCpu = cpuSeconds(RUSAGE_SELF) - cpuBefore;
        for (const Core::ImportOutcome &outcome : outcomes) {
            if (outcome.status != Core::ImportStatus::Imported)
                return outcome.message;
        }
    }
    measured.rows = Bench::countRows(*db);
    return {};
}

QString runSqlite(const Bench::WorkloadArchives &archives, const QString &work, int run, Measured &measured)
{
    const QString caseFile = QDir(work).filePath(u"import-%1.case"_s.arg(run));
    const QString copyFile = QDir(work).filePath(u"copy-%1.case"_s.arg(run));
    const QString selectFile = QDir(work).filePath(u"select-%1.case"_s.arg(run));
    const QString csv = QDir(work).filePath(u"csv-sqlite-%1"_s.arg(run));
    QDir().mkpath(csv);
    std::unique_ptr<Core::Database> db;
    if (QString error = importAll(caseFile, archives, measured, db); !error.isEmpty())
        return error;
    if (QString error = Bench::exportSqliteRows(*db, csv); !error.isEmpty())
        return error;
    db.reset();
    for (const QString &file : {copyFile, selectFile}) {
        if (auto empty = Core::Database::open(file); !empty)
            return empty.error().message;
    }
    QString error;
    measured.tool = Bench::sqliteImport(copyFile, csv, &error);
    if (error.isEmpty())
        measured.copy = Bench::sqliteInsertSelect(selectFile, caseFile, &error);
    for (const QString &file : {caseFile, copyFile, selectFile}) {
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QFile::remove(file + suffix);
    }
    QDir(csv).removeRecursively();
    return error;
}

QString runPostgres(const Bench::WorkloadArchives &archives, TestSupport::PgCluster &cluster, const QString &work,
                    int run, Measured &measured)
{
    QString error;
    const QString importUrl = cluster.createDatabase(u"import%1"_s.arg(run), &error);
    const QString copyUrl = importUrl.isEmpty() ? QString() : cluster.createDatabase(u"copy%1"_s.arg(run), &error);
    if (copyUrl.isEmpty())
        return u"cannot create a database: %1"_s.arg(error);
    const QString csv = QDir(work).filePath(u"csv-pg-%1"_s.arg(run));
    QDir().mkpath(csv);
    std::unique_ptr<Core::Database> db;
    if (error = importAll(importUrl, archives, measured, db); !error.isEmpty())
        return error;
    db.reset();
    if (error = Bench::exportPostgresRows(importUrl, csv); !error.isEmpty())
        return error;
    if (auto empty = Core::Database::open(copyUrl); !empty)
        return empty.error().message;
    measured.tool = Bench::psqlCopy(copyUrl, csv, &error);
    QDir(csv).removeRecursively();
    return error;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? -1 : values[values.size() / 2];
}

// `cpuRatio`: the tool's own process does the work (sqlite3), so CPU times compare too; psql only sends the rows.
void report(const char *engine, const char *tool, qint64 events, const QList<Measured> &runs, bool cpuRatio)
{
    QList<double> ratios, cpuRatios, importRates, toolRates, copyRatios;
    for (const Measured &m : runs) {
        std::printf("  %-8s import %6.2f s (CPU %6.2f s) %7.0f events/s %7.0f rows/s | %s %6.2f s (CPU %6.2f s) "
                    "%7.0f rows/s | ratio %.2f",
                    engine, m.importSeconds, m.importCpu, double(events) / m.importSeconds,
                    double(m.rows) / m.importSeconds, tool, m.tool.wall, m.tool.cpu, double(m.rows) / m.tool.wall,
                    m.tool.wall / m.importSeconds);
        if (cpuRatio)
            std::printf(", CPU ratio %.2f", m.tool.cpu / m.importCpu);
        if (m.copy.wall > 0) {
            std::printf(" | INSERT...SELECT %6.2f s (CPU %6.2f s) %7.0f rows/s | ratio %.2f", m.copy.wall, m.copy.cpu,
                        double(m.rows) / m.copy.wall, m.copy.wall / m.importSeconds);
            copyRatios.append(m.copy.wall / m.importSeconds);
        }
        std::printf("\n");
        ratios.append(m.tool.wall / m.importSeconds);
        cpuRatios.append(m.tool.cpu / m.importCpu);
        importRates.append(double(events) / m.importSeconds);
        toolRates.append(double(m.rows) / m.tool.wall);
    }
    std::printf("%s: median %.0f events/s (%lld rows per run); %s median %.0f rows/s; import speed / %s speed: median "
                "%.2f (range %.2f-%.2f)",
                engine, median(importRates), static_cast<long long>(runs.value(0).rows), tool, median(toolRates), tool,
                median(ratios), *std::min_element(ratios.begin(), ratios.end()),
                *std::max_element(ratios.begin(), ratios.end()));
    if (cpuRatio)
        std::printf("; by CPU time: median %.2f", median(cpuRatios));
    if (!copyRatios.isEmpty())
        std::printf("; import speed / INSERT...SELECT speed: median %.2f", median(copyRatios));
    std::printf("\n");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Import speed into SQLite and PostgreSQL vs sqlite3 .import and psql \\copy"_s);
    parser.addHelpOption();
    const QCommandLineOption hostsOption(u"hosts"_s, u"Monitored hosts (4)."_s, u"N"_s, u"4"_s);
    const QCommandLineOption eventsOption(u"events"_s, u"Events per host (100000)."_s, u"N"_s, u"100000"_s);
    const QCommandLineOption perArchiveOption(u"archive-events"_s, u"Events per archive (20000)."_s, u"N"_s,
                                              u"20000"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Runs per engine (3)."_s, u"N"_s, u"3"_s);
    const QCommandLineOption archivesOption(u"archives"_s, u"Import these archives (with DIR/trust.txt) instead."_s,
                                            u"DIR"_s);
    const QCommandLineOption keepOption(u"keep"_s, u"Write the generated archives to DIR and keep them."_s, u"DIR"_s);
    const QCommandLineOption cliOption(u"cli"_s, u"Import with this flightdeck-cli (e.g. an older build) instead."_s,
                                       u"PATH"_s);
    const QCommandLineOption engineOption(u"engine"_s, u"sqlite, postgres or both (both)."_s, u"ENGINE"_s, u"both"_s);
    parser.addOptions(
        {hostsOption, eventsOption, perArchiveOption, runsOption, archivesOption, keepOption, cliOption, engineOption});
    parser.process(app);
    const QString engine = parser.value(engineOption);
    const int runs = std::max(1, parser.value(runsOption).toInt());
    g_cli = parser.value(cliOption);

    QTemporaryDir work;
    Bench::WorkloadArchives archives;
    QElapsedTimer timer;
    timer.start();
    if (parser.isSet(archivesOption)) {
        archives.dir = parser.value(archivesOption);
        if (!Bench::readWorkloadArchives(archives)) {
            std::fprintf(stderr, "bench_import: %s: no readable archives and trust.txt\n", qPrintable(archives.dir));
            return 1;
        }
    } else {
        archives.dir = parser.isSet(keepOption) ? parser.value(keepOption) : work.filePath(u"archives"_s);
        QDir().mkpath(archives.dir);
        if (!Bench::writeWorkloadArchives(archives, parser.value(hostsOption).toInt(),
                                          parser.value(eventsOption).toLongLong(),
                                          parser.value(perArchiveOption).toInt())) {
            std::fprintf(stderr, "bench_import: cannot write the archives into %s\n", qPrintable(archives.dir));
            return 1;
        }
    }
    const qint64 files = Core::Importer::findArchives({archives.dir}).size();
    std::printf("archives: %lld events from %lld hosts in %lld archives (%s, %.1f s)\n",
                static_cast<long long>(archives.events), static_cast<long long>(archives.keys.size()),
                static_cast<long long>(files), parser.isSet(archivesOption) ? "read" : "generated",
                double(timer.nsecsElapsed()) / 1e9);
    std::printf("importer: %s\n", g_cli.isEmpty() ? "in-process (this build's flightdeck_core)" : qPrintable(g_cli));
    std::printf("ratio = comparator time / import time (1.00: as fast as the comparator; budget >= 0.80)\n");
    std::fflush(stdout);

    bool measuredAll = true;
    if (engine == "sqlite"_L1 || engine == "both"_L1) {
        QList<Measured> results;
        for (int run = 0; run < runs; ++run) {
            Measured m;
            if (QString error = runSqlite(archives, work.path(), run, m); !error.isEmpty()) {
                std::fprintf(stderr, "bench_import: sqlite: %s\n", qPrintable(error));
                measuredAll = false;
                break;
            }
            results.append(m);
        }
        if (!results.isEmpty())
            report("sqlite", "sqlite3 .import", archives.events, results, true);
        std::fflush(stdout);
    }
    if (engine == "postgres"_L1 || engine == "both"_L1) {
        TestSupport::PgCluster cluster;
        if (const QString problem = cluster.start(); !problem.isEmpty()) {
            std::fprintf(stderr, "bench_import: postgres: %s\n", qPrintable(problem));
            return 1;
        }
        QList<Measured> results;
        for (int run = 0; run < runs; ++run) {
            Measured m;
            if (QString error = runPostgres(archives, cluster, work.path(), run, m); !error.isEmpty()) {
                std::fprintf(stderr, "bench_import: postgres: %s\n", qPrintable(error));
                measuredAll = false;
                break;
            }
            results.append(m);
        }
        if (!results.isEmpty())
            report("postgres", "psql \\copy", archives.events, results, false);
    }
    return measuredAll ? 0 : 1;
}
