// SPDX-License-Identifier: GPL-3.0-or-later
// bench_forest [PROCESSES (1000000)] [RUNS (5)] [ENGINES (sqlite,postgresql)]: the whole process tree of one host of
// PROCESSES processes (processtreecase.h), as `flightdeck-cli query tree --limit` gets it from
// ProcessQueries::forest on a connection of its own, against the engine's own client reading the same host's process
// rows once, in the same run on the same case: `sqlite3` and `psql` with the rows of `SELECT * FROM processes WHERE
// host_id = ...` sent to /dev/null (what any tree of these processes must at least pay to get the rows out of the
// engine). Also the CLI's default (--limit 10000), which must stay a small part of it. Checks that every process is in
// the tree once, after its parent. Budget (DESIGN.md): the full tree of 1M processes <= 2 s. Prints medians and
// ratios.
#include "database.h"
#include "pgcluster.h"
#include "processqueries.h"
#include "processtreecase.h"
#include "querytiming.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <cstdio>
#include <ctime>

using namespace Qt::StringLiterals;
using namespace Deck;

namespace {

// The engine's client printing every process row of the host to /dev/null; false when it fails.
bool clientReads(const QString &engine, const QString &location, qint64 host)
{
    QProcess client;
    client.setStandardOutputFile(QProcess::nullDevice());
    const QString sql = u"SELECT * FROM processes WHERE host_id = %1"_s.arg(host);
    if (engine == "sqlite"_L1)
        client.start(u"sqlite3"_s, {u"-batch"_s, location, sql});
    else
        client.start(u"psql"_s, {u"-X"_s, u"-q"_s, u"-A"_s, u"-t"_s, u"-c"_s, sql, location});
    return client.waitForFinished(600000) && client.exitStatus() == QProcess::NormalExit && client.exitCode() == 0;
}

// CPU time of this process (every thread) so far.
double cpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// Every process once, each after its parent.
bool wholeTree(const Core::Descendants &tree, qint64 processes)
{
    QSet<qint64> seen;
    seen.reserve(tree.rows.size());
    for (const Core::TreeRow &row : tree.rows) {
        if (row.process.parentId && !seen.contains(*row.process.parentId))
            return false;
        seen.insert(row.process.id);
    }
    return !tree.truncated && seen.size() == processes && tree.rows.size() == processes;
}

bool measure(const QString &engine, const QString &location, qint64 processes, int runs)
{
    auto opened = Core::Database::open(location);
    if (!opened) {
        std::fprintf(stderr, "bench_forest: %s\n", qPrintable(opened.error().message));
        return false;
    }
    Core::Database &db = **opened;
    QElapsedTimer writing;
    writing.start();
    const auto shape = Bench::writeProcessTree(db, processes);
    if (!shape)
        return false;
    std::printf("\n%s: %lld processes on one host written in %.1f s, deepest chain %d\n", qPrintable(engine),
                static_cast<long long>(processes), double(writing.elapsed()) / 1000, shape->depth);
    // Read on a connection of its own, as the CLI's: on PostgreSQL the server process that took a million rows in
    // has its memory grown, which a new one (every `flightdeck-cli query tree`) does not.
    auto reading = Core::Database::open(location);
    if (!reading) {
        std::fprintf(stderr, "bench_forest: %s\n", qPrintable(reading.error().message));
        return false;
    }
    Core::ProcessQueries queries(**reading);
    // Checked once, outside the timed runs (which also warms the cache).
    auto checked = queries.forest(shape->host, {}, Core::ProcessQueries::kMaxDepth, int(processes) + 1);
    const bool whole = checked && wholeTree(*checked, processes);
    checked = Core::Descendants{};
    const double cpuBefore = cpuMs();
    const double forest = Bench::medianMs(runs, [&] {
        return queries.forest(shape->host, {}, Core::ProcessQueries::kMaxDepth, int(processes) + 1).ok();
    });
    const double forestCpu = (cpuMs() - cpuBefore) / runs;
    const double cliDefault = Bench::medianMs(runs, [&] {
        auto tree = queries.forest(shape->host, {}, Core::ProcessQueries::kMaxDepth, 10000);
        return tree && tree->rows.size() == 10000;
    });
    const double client = Bench::medianMs(runs, [&] { return clientReads(engine, location, shape->host); });
    if (forest < 0 || cliDefault < 0 || client < 0) {
        std::fprintf(stderr, "bench_forest: %s: a run failed\n", qPrintable(engine));
        return false;
    }
    std::printf("  full tree (forest)                %9.1f ms   %5.2fx the client   budget <= 2000 ms at 1M%s\n",
                forest, forest / client, whole ? "" : "   WRONG: not every process once after its parent");
    std::printf("    its CPU time in this process    %9.1f ms   (mean of the runs)\n", forestCpu);
    std::printf("  the CLI's default (10000 rows)    %9.1f ms   %5.2fx the client\n", cliDefault, cliDefault / client);
    std::printf("  %s reading the host's rows  %9.1f ms\n", engine == "sqlite"_L1 ? "sqlite3" : "psql   ", client);
    return whole;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 processes = args.value(1, u"1000000"_s).toLongLong();
    const int runs = std::max(1, args.value(2, u"5"_s).toInt());
    const QStringList only = args.value(3, u"sqlite,postgresql"_s).split(u',');
    QTemporaryDir dir;
    if (!dir.isValid() || processes < 3) {
        std::fputs("usage: bench_forest [PROCESSES (1000000)] [RUNS (5)] [ENGINES (sqlite,postgresql)]\n", stderr);
        return 1;
    }
    std::printf("bench_forest: the whole tree of one host of %lld processes, %d runs, medians\n",
                static_cast<long long>(processes), runs);
    TestSupport::PgCluster pg;
    const QString pgFailure = only.contains(u"postgresql"_s) ? pg.start() : QString();
    bool ok = true;
    for (const QString &engine : {u"sqlite"_s, u"postgresql"_s}) {
        if (!only.contains(engine))
            continue;
        if (engine == "postgresql"_L1 && !pgFailure.isEmpty()) {
            std::fprintf(stderr, "bench_forest: PostgreSQL not measured: %s\n", qPrintable(pgFailure.left(300)));
            ok = false;
            continue;
        }
        const QString location = engine == "sqlite"_L1 ? QDir(dir.path()).filePath(u"forest.flightcase"_s)
                                                       : pg.createDatabase(u"forest"_s);
        ok = measure(engine, location, processes, runs) && ok;
    }
    return ok ? 0 : 1;
}
