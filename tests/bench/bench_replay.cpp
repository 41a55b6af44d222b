// SPDX-License-Identifier: GPL-3.0-or-later
// bench_replay [EVENTS (1000000)] [RUNS (9)] [ENGINES (sqlite,postgresql)]: what one move of the Replay page's slider
// costs (issue 10) on ONE host of EVENTS busy-host events (casefixture's generator, archives of 10000 events, each
// starting as the collector's do with a state.snapshot of every check: 2000 packages, 120 modules, 40 BPF programs),
// imported by the real importer into SQLite and a PostgreSQL cluster started in a temporary directory. At 10%, 50%
// and 90% of the recording it times the whole replay (every part) and each part alone, and a step to the next event
// plus its replay; the median of RUNS is printed with its ratio to the comparator measured in the same run on the
// same engine: the existing "running at T" query (PointInTimeQueries::runningAt, one page of 1000). Nothing asserts.
#include "casefixture.h"
#include "importer.h"
#include "pgcluster.h"
#include "querytiming.h"
#include "replayqueries.h"
#include "truststore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;
using Deck::Bench::medianMs;

namespace {

namespace Test = Flight::TestSupport;

// The snapshots that open every archive of a real collector's run.
QList<Event> snapshots(qint64 ts)
{
    QList<StateItem> packages, modules, programs;
    for (int i = 0; i < 2000; ++i)
        packages.append({u"package%1:amd64"_s.arg(i),
                         {{u"name"_s, u"package%1"_s.arg(i)},
                          {u"version"_s, u"1.%1-1"_s.arg(i % 17)},
                          {u"arch"_s, u"amd64"_s},
                          {u"source"_s, u"dpkg"_s}}});
    for (int i = 0; i < 120; ++i)
        modules.append({u"module%1"_s.arg(i), {{u"size"_s, qint64(16384 + i)}, {u"state"_s, u"Live"_s}}});
    for (int i = 0; i < 40; ++i)
        programs.append({QString::number(i + 1), {{u"type"_s, u"kprobe"_s}, {u"name"_s, u"p%1"_s.arg(i)}}});
    const qint64 mono = Test::kBaseMono + (ts - Test::kBaseTs);
    return {Event{ts, mono, StateSnapshot{u"packages"_s, packages}}, Event{ts, mono, StateSnapshot{u"modules"_s, modules}},
            Event{ts, mono, StateSnapshot{u"bpf"_s, programs}}};
}

bool measure(const QString &engine, Database &db, int runs)
{
    const qint64 host = db.scalar(u"SELECT MIN(id) FROM hosts"_s)->toLongLong();
    const qint64 first = db.scalar(u"SELECT MIN(first_ts) FROM archives"_s)->toLongLong();
    const qint64 last = db.scalar(u"SELECT MAX(last_ts) FROM archives"_s)->toLongLong();
    ReplayQueries replay(db);
    PointInTimeQueries pointInTime(db);
    std::printf("\n%s: median ms (x comparator)\n  %-44s %16s %16s %16s\n", qPrintable(engine), "query",
                "at 10%", "at 50%", "at 90%");
    struct Row
    {
        const char *name;
        std::function<bool(qint64)> run;
    };
    HostReplay sizes;
    const QList<Row> rows{
        {"comparator: running at T (page of 1000)", [&](qint64 t) { return pointInTime.runningAt(host, t).ok(); }},
        {"replay, every part", [&](qint64 t) {
             auto r = replay.replay(host, t);
             if (r)
                 sizes = *r;
             return r.ok();
         }},
        {"  processes alive (runningAt, all)",
         [&](qint64 t) { return pointInTime.runningAt(host, t, {20000, std::nullopt}).ok(); }},
        {"  files open for writing", [&](qint64 t) {
             bool truncated = false;
             auto boot = pointInTime.hostAt(host, t);
             return boot && boot->bootId && replay.filesOpenForWriting(host, *boot->bootId, t, 20000, &truncated).ok();
         }},
        {"  connections and listeners", [&](qint64 t) { return pointInTime.connectionsAt(host, t).ok(); }},
        {"  packages (snapshot + changes)", [&](qint64 t) {
             std::optional<qint64> snapshot;
             return replay.stateAt(host, u"packages"_s, t, &snapshot).ok();
         }},
        {"  what is known (coverage)", [&](qint64) { return ReplayKnowledge::load(db, host).ok(); }},
        {"step to the next event + replay", [&](qint64 t) {
             auto next = replay.neighbourEvent(host, t, true);
             return next && replay.replay(host, next->value_or(t)).ok();
         }},
    };
    const double fractions[] = {0.1, 0.5, 0.9};
    double comparator[3] = {0, 0, 0};
    for (const Row &row : rows) {
        std::printf("  %-44s", row.name);
        for (int i = 0; i < 3; ++i) {
            const qint64 t = first + qint64(double(last - first) * fractions[i]);
            const double ms = medianMs(runs, [&] { return row.run(t); });
            if (ms < 0) {
                std::fprintf(stderr, "bench_replay: %s: %s failed\n", qPrintable(engine), row.name);
                return false;
            }
            if (comparator[i] == 0)
                comparator[i] = ms;
            std::printf(" %7.1f (%5.1fx)", ms, ms / comparator[i]);
        }
        std::printf("\n");
    }
    std::printf("  (at 90%%: %lld processes alive, %lld files open for writing, %lld connections and listeners, "
                "%lld packages)\n",
                static_cast<long long>(sizes.processes.size()), static_cast<long long>(sizes.files.size()),
                static_cast<long long>(sizes.connections.size()), static_cast<long long>(sizes.packages.size()));
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 events = args.value(1, u"1000000"_s).toLongLong();
    const int runs = std::max(1, args.value(2, u"9"_s).toInt());
    const QStringList only = args.value(3, u"sqlite,postgresql"_s).split(u',');
    constexpr int kPerArchive = 10000;
    QTemporaryDir dir;
    if (!dir.isValid() || events < kPerArchive) {
        std::fputs("usage: bench_replay [EVENTS (1000000)] [RUNS (9)] [ENGINES (sqlite,postgresql)]\n", stderr);
        return 1;
    }
    std::printf("bench_replay: %lld events on one host, archives of %d events each opening with 3 snapshots, %d runs\n",
                static_cast<long long>(events), kPerArchive, runs);
    ArchiveSeries series(dir.path(), u"replayhost"_s);
    QStringList files;
    qint64 pid = 1000;
    for (qint64 done = 0; done < events; done += kPerArchive) {
        QList<Event> batch = busyHostEvents(kPerArchive, pid, done);
        batch = snapshots(batch.constFirst().ts) + batch;
        files.append(series.next(batch));
        pid += kPerArchive;
    }
    PgCluster pg;
    const QString pgFailure = only.contains(u"postgresql"_s) ? pg.start() : QString();
    for (const QString &engine : {u"sqlite"_s, u"postgresql"_s}) {
        if (!only.contains(engine))
            continue;
        if (engine == "postgresql"_L1 && !pgFailure.isEmpty()) {
            std::fprintf(stderr, "bench_replay: PostgreSQL not measured: %s\n", qPrintable(pgFailure.left(300)));
            continue;
        }
        const QString location
            = engine == "sqlite"_L1 ? QDir(dir.path()).filePath(u"bench.flightcase"_s) : pg.createDatabase(u"bench"_s);
        auto db = Database::open(location);
        if (!db || !TrustStore(**db).trust(series.key.publicKey(), series.host.hostname).ok()) {
            std::fprintf(stderr, "bench_replay: %s: cannot open or trust\n", qPrintable(engine));
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        Importer importer(**db);
        for (const QString &file : std::as_const(files)) {
            const auto outcome = importer.importFile(file);
            if (outcome.status != ImportStatus::Imported) {
                std::fprintf(stderr, "bench_replay: %s\n", qPrintable(outcome.message));
                return 1;
            }
        }
        std::printf("\n%s: imported in %.1f s\n", qPrintable(engine), double(timer.elapsed()) / 1000);
        if (!measure(engine, **db, runs))
            return 1;
    }
    return 0;
}
