// SPDX-License-Identifier: GPL-3.0-or-later
// bench_queries [EVENTS (1000000)] [HOSTS (4)] [RUNS (15)] [ENGINES (sqlite,postgresql)]: latencies of the case-store
// queries (issue 6) on a case of EVENTS busy-host events (casefixture's generator: signed archives of 10000 events,
// imported by the real importer) in SQLite and in a PostgreSQL cluster started in a temporary directory.
// bench_queries --case LOCATION [RUNS (15)]: the same queries on a case built before (a file or a postgresql:// URL),
// e.g. bench_events' 10M-event case, which takes most of an hour to import. Each query
// runs RUNS times on a warm cache; the median is printed with its ratio to the comparator measured in the same run on
// the same engine: one process row fetched by its primary key (the floor of any query). The budgets of DESIGN.md are
// printed next to the figures; nothing asserts on them.
#include "activityqueries.h"
#include "casefixture.h"
#include "coveragequeries.h"
#include "importer.h"
#include "pgcluster.h"
#include "pointintimequeries.h"
#include "processqueries.h"
#include "querytiming.h"
#include "searchqueries.h"
#include "timelinequeries.h"
#include "truststore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <cstdio>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;
using Deck::Bench::medianMs;

namespace {

struct Subjects
{
    qint64 host = 0;
    qint64 root = 0; // the root with the most descendants
    qint64 parent = 0; // the process with the most children
    qint64 leaf = 0; // a process with the longest chain of ancestors
    qint64 busy = 0; // a process with file and network events
    qint64 middle = 0; // a time in the middle of the host's recording
    QByteArray path; // a path opened by many processes
    QString address; // a remote address contacted by many processes
};

std::optional<Subjects> pickSubjects(Database &db)
{
    Subjects s;
    const auto one = [&](const QString &sql, const QVariantList &params = {}) {
        auto v = db.scalar(sql, params);
        return v ? *v : QVariant();
    };
    s.host = one(u"SELECT MIN(id) FROM hosts"_s).toLongLong();
    s.parent = one(u"SELECT parent_id FROM processes WHERE host_id = ? AND parent_id IS NOT NULL GROUP BY parent_id "
                   u"ORDER BY COUNT(*) DESC, parent_id LIMIT 1"_s,
                   {s.host})
                   .toLongLong();
    s.root = s.parent;
    for (int i = 0; i < ProcessQueries::kMaxDepth; ++i) {
        const QVariant up = one(u"SELECT parent_id FROM processes WHERE id = ?"_s, {s.root});
        if (up.isNull())
            break;
        s.root = up.toLongLong();
    }
    s.leaf = one(u"SELECT MAX(id) FROM processes WHERE parent_id = ?"_s, {s.parent}).toLongLong();
    s.busy = one(u"SELECT process_id FROM net_events WHERE host_id = ? ORDER BY id LIMIT 1"_s, {s.host}).toLongLong();
    const qint64 first = one(u"SELECT MIN(first_ts) FROM archives WHERE host_id = ?"_s, {s.host}).toLongLong();
    const qint64 last = one(u"SELECT MAX(last_ts) FROM archives WHERE host_id = ?"_s, {s.host}).toLongLong();
    s.middle = first + (last - first) / 2;
    s.path = one(u"SELECT pa.path FROM paths pa WHERE pa.id = (SELECT path_id FROM file_events WHERE host_id = ? "
                 u"ORDER BY id LIMIT 1)"_s,
                 {s.host})
                 .toByteArray();
    s.address
        = one(u"SELECT raddr FROM net_events WHERE host_id = ? AND raddr IS NOT NULL ORDER BY id LIMIT 1"_s, {s.host})
              .toString();
    if (!s.parent || !s.busy || s.path.isEmpty() || s.address.isEmpty())
        return std::nullopt;
    return s;
}

// The host's (or the case's) whole recording in buckets of `seconds`, the range aligned to them.
bool timeline(Database &db, std::optional<qint64> host, qint64 seconds, bool recount)
{
    auto extent = TimelineQueries(db).extent(host);
    if (!extent || !extent->has_value())
        return false;
    const qint64 bucket = seconds * 1000000000;
    TimelineRequest request{host, *(*extent)->from / bucket * bucket, *(*extent)->to, bucket};
    request.recount = recount;
    return TimelineQueries(db).counts(request).ok();
}

bool measure(const QString &engine, Database &db, int runs)
{
    const auto subjects = pickSubjects(db);
    if (!subjects) {
        std::fprintf(stderr, "bench_queries: %s: the case lacks the processes and events to query\n",
                     qPrintable(engine));
        return false;
    }
    const Subjects &s = *subjects;
    const double floor = medianMs(runs, [&] {
        auto q = db.query(u"SELECT * FROM processes WHERE id = ?"_s, {s.leaf});
        return q && q->next();
    });
    ProcessQueries processes(db);
    ActivityQueries activity(db);
    qint64 treeRows = 0;
    struct Row
    {
        const char *name;
        const char *budget;
        std::function<bool()> run;
    };
    const QList<Row> rows{
        {"ancestors (to the root)", "<= 1 ms", [&] { return processes.ancestors(s.leaf).ok(); }},
        {"children (page of 1000)", "<= 10 ms", [&] { return processes.children(s.parent).ok(); }},
        {"roots of a host (page of 1000)", "", [&] { return processes.roots(s.host).ok(); }},
        {"descendants of the biggest root", "", [&] { return processes.descendants(s.root).ok(); }},
        {"full tree (forest), every host", "<= 2 s",
         [&] {
             treeRows = 0;
             auto hosts = db.query(u"SELECT id FROM hosts"_s);
             if (!hosts)
                 return false;
             QList<qint64> ids;
             while (hosts->next())
                 ids.append(hosts->value(0).toLongLong());
             for (const qint64 host : ids) {
                 auto trees = processes.forest(host, {}, ProcessQueries::kMaxDepth, 10000000);
                 if (!trees)
                     return false;
                 treeRows += trees->rows.size();
             }
             return true;
         }},
        {"did (one process)", "", [&] { return activity.did(s.busy).ok(); }},
        {"who-touched exact", "", [&] { return activity.whoTouched(s.path, PathMatch::Exact).ok(); }},
        {"who-touched prefix /usr/lib/x86_64-linux-gnu/lib12", "",
         [&] { return activity.whoTouched("/usr/lib/x86_64-linux-gnu/lib12", PathMatch::Prefix).ok(); }},
        {"who-touched glob /tmp/tmp.*.3", "",
         [&] { return activity.whoTouched("/tmp/tmp.*.3", PathMatch::Glob).ok(); }},
        {"who-connected address:443", "", [&] { return activity.whoConnected(s.address, 443, Side::Either).ok(); }},
        {"running at T", "", [&] { return PointInTimeQueries(db).runningAt(s.host, s.middle).ok(); }},
        {"connections open at T", "", [&] { return PointInTimeQueries(db).connectionsAt(s.host, s.middle).ok(); }},
        // Aligned to the bucket as the timeline view asks: the per-second counts serve; "recount" counts the rows.
        {"timeline, host, 1 s buckets", "", [&] { return timeline(db, s.host, 1, false); }},
        {"timeline, host, 1 s buckets, recount", "", [&] { return timeline(db, s.host, 1, true); }},
        {"timeline, every host, 60 s buckets", "", [&] { return timeline(db, std::nullopt, 60, false); }},
        {"timeline, every host, 60 s buckets, recount", "", [&] { return timeline(db, std::nullopt, 60, true); }},
        {"search 'value42' (argv) and paths", "", [&] { return SearchQueries(db).search("value42").ok(); }},
        {"losses and gaps, every host", "", [&] { return CoverageQueries(db).coverage().ok(); }},
    };
    std::printf("\n%s: comparator (one process row by primary key): %.3f ms\n", qPrintable(engine), floor);
    std::printf("  %-52s %10s %10s  %s\n", "query", "median ms", "x row", "budget");
    for (const Row &row : rows) {
        const double ms = medianMs(
            row.name == std::string_view("full tree (forest), every host") ? std::max(3, runs / 5) : runs, row.run);
        if (ms < 0) {
            std::fprintf(stderr, "bench_queries: %s: %s failed\n", qPrintable(engine), row.name);
            return false;
        }
        std::printf("  %-52s %10.3f %10.1f  %s\n", row.name, ms, ms / floor, row.budget);
    }
    std::printf("  (full tree: %lld process rows)\n", static_cast<long long>(treeRows));
    return true;
}

int measureExisting(const QString &location, int runs)
{
    auto db = Database::open(location);
    if (!db) {
        std::fprintf(stderr, "bench_queries: %s\n", qPrintable(db.error().message));
        return 1;
    }
    std::printf("bench_queries: the case %s, %d runs per query\n", qPrintable(location), runs);
    return measure(location.startsWith("postgresql:"_L1) ? u"postgresql"_s : u"sqlite"_s, **db, runs) ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.value(1) == "--case"_L1)
        return measureExisting(args.value(2), std::max(1, args.value(3, u"15"_s).toInt()));
    const qint64 events = args.value(1, u"1000000"_s).toLongLong();
    const int hosts = std::max(1, args.value(2, u"4"_s).toInt());
    const int runs = std::max(1, args.value(3, u"15"_s).toInt());
    const QStringList only = args.value(4, u"sqlite,postgresql"_s).split(u',');
    constexpr int kPerArchive = 10000;
    QTemporaryDir dir;
    if (!dir.isValid() || events < hosts) {
        std::fputs("usage: bench_queries [EVENTS (1000000)] [HOSTS (4)] [RUNS (15)] [ENGINES (sqlite,postgresql)]\n",
                   stderr);
        return 1;
    }
    std::printf("bench_queries: %lld events on %d hosts, archives of %d events, %d runs per query\n",
                static_cast<long long>(events), hosts, kPerArchive, runs);
    std::vector<std::unique_ptr<ArchiveSeries>> series;
    QStringList files;
    for (int h = 0; h < hosts; ++h) {
        series.push_back(std::make_unique<ArchiveSeries>(dir.path(), u"host%1"_s.arg(h)));
        qint64 pid = 1000;
        for (qint64 done = 0; done < events / hosts; done += kPerArchive) {
            const int n = int(std::min<qint64>(kPerArchive, events / hosts - done));
            files.append(series.back()->next(busyHostEvents(n, pid, done)));
            pid += n;
        }
    }
    PgCluster pg;
    const QString pgFailure = pg.start();
    QStringList engines;
    if (only.contains(u"sqlite"_s))
        engines.append(u"sqlite"_s);
    if (only.contains(u"postgresql"_s) && pgFailure.isEmpty())
        engines.append(u"postgresql"_s);
    else if (only.contains(u"postgresql"_s))
        std::fprintf(stderr, "bench_queries: PostgreSQL not measured: %s\n", qPrintable(pgFailure.left(300)));
    for (const QString &engine : std::as_const(engines)) {
        const QString location
            = engine == "sqlite"_L1 ? QDir(dir.path()).filePath(u"bench.flightcase"_s) : pg.createDatabase(u"bench"_s);
        auto db = Database::open(location);
        if (!db) {
            std::fprintf(stderr, "bench_queries: %s\n", qPrintable(db.error().message));
            return 1;
        }
        for (const auto &s : std::as_const(series)) {
            if (!TrustStore(**db).trust(s->key.publicKey(), s->host.hostname).ok())
                return 1;
        }
        QElapsedTimer timer;
        timer.start();
        Importer importer(**db);
        for (const QString &file : std::as_const(files)) {
            const auto outcome = importer.importFile(file);
            if (outcome.status != ImportStatus::Imported) {
                std::fprintf(stderr, "bench_queries: %s\n", qPrintable(outcome.message));
                return 1;
            }
        }
        std::printf("\n%s: imported in %.1f s\n", qPrintable(engine), double(timer.elapsed()) / 1000);
        if (!measure(engine, **db, runs))
            return 1;
    }
    return 0;
}
