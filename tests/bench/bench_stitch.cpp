// SPDX-License-Identifier: GPL-3.0-or-later
// bench_stitch [HOSTS (20)] [CONNECTIONS (200000)] [RUNS (5)] [ENGINES (sqlite,postgresql)]: cross-host stitching at
// scale (issue 10). HOSTS monitored hosts (10.2.0.1, ...; host i's clock runs i * 100 ms ahead of true time), each
// with 100 client processes and one server process listening on port 8000; CONNECTIONS TCP connections between
// them, 5 ms of true time apart, connection k from host k % HOSTS to another host, each recorded twice: the
// client's connect and, 1 to 3 ms later, the server's accept (so every connection stitches). Written with the format
// library in archives of 10000 events and imported by the real importer into SQLite and a PostgreSQL cluster started
// in a temporary directory. It times what `flightdeck-cli query links` and `query clocks` run over the whole case,
// the same for one host (--host), and `query follow` from a client process, each twice: "before", computed over the
// whole case (StitchOptions::wholeCase, what every query did before the stored basis), and "after", on the basis
// stored in the case (stitchbasis.h); and what computing and storing that basis costs (the first query after an
// archive arrives). The median of RUNS with its ratio to the comparator measured in the same run on the same engine:
// the network map's first page of 1000 conversations over the whole case (NetworkQueries::conversations), a query
// that also reads every connection; and each "after" to its "before". It checks the links and offsets it got (every
// connection stitched, each pair's offset the known one within 3 ms, the scoped answers the same as the whole
// case's) and says so; nothing else asserts.
#include "casefixture.h"
#include "followchain.h"
#include "importer.h"
#include "networkqueries.h"
#include "pgcluster.h"
#include "querytiming.h"
#include "stitchqueries.h"
#include "truststore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;
using Deck::Bench::medianMs;

namespace {

namespace Test = Flight::TestSupport;

constexpr qint64 kMs = 1'000'000;
constexpr int kClients = 100; // client processes per host
constexpr qint64 kServerPid = 200;
constexpr qint64 kServerPort = 8000;
constexpr int kPerArchive = 10000;

QString addressOf(int host)
{
    return u"10.2.%1.%2"_s.arg(host / 250).arg(host % 250 + 1);
}

qint64 aheadMs(int host)
{
    return host * 100;
}

Event at(int host, qint64 trueMs, EventBody body)
{
    const qint64 ms = trueMs + aheadMs(host);
    return Event{Test::kBaseTs + ms * kMs, Test::kBaseMono + ms * kMs, std::move(body)};
}

ProcKey keyOf(qint64 pid)
{
    return {pid, pid * 10};
}

Event exec(int host, qint64 pid, const QString &comm)
{
    ProcExec e;
    e.proc = keyOf(pid);
    e.parent = keyOf(1);
    e.comm = comm;
    e.exe = "/usr/bin/" + comm.toUtf8();
    e.argv = {comm.toUtf8()};
    return at(host, -1000, e);
}

Event net(int host, qint64 trueMs, qint64 pid, NetOp op, Endpoint local, std::optional<Endpoint> remote)
{
    NetEndpoint n;
    n.proc = keyOf(pid);
    n.op = op;
    n.local = std::move(local);
    n.remote = std::move(remote);
    return at(host, trueMs, n);
}

// Every host's events, in time order.
std::vector<QList<Event>> scenario(int hosts, qint64 connections)
{
    std::vector<QList<Event>> events(static_cast<size_t>(hosts));
    for (int h = 0; h < hosts; ++h) {
        events[size_t(h)].append(exec(h, kServerPid, u"server"_s));
        for (int c = 0; c < kClients; ++c)
            events[size_t(h)].append(exec(h, 1000 + c, u"client"_s));
        events[size_t(h)].append(net(h, -900, kServerPid, NetOp::Listen, {u"0.0.0.0"_s, kServerPort}, std::nullopt));
    }
    for (qint64 k = 0; k < connections; ++k) {
        const int client = int(k % hosts);
        const int server = int((client + 1 + (k / hosts) % (hosts - 1)) % hosts);
        const qint64 port = 10000 + (k / hosts) % 50000;
        const qint64 trueMs = k * 5;
        const Endpoint from{addressOf(client), port};
        const Endpoint to{addressOf(server), kServerPort};
        events[size_t(client)].append(net(client, trueMs, 1000 + (k / hosts) % kClients, NetOp::Connect, from, to));
        events[size_t(server)].append(net(server, trueMs + 1 + k % 3, kServerPid, NetOp::Accept, to, from));
    }
    for (QList<Event> &list : events)
        std::stable_sort(list.begin(), list.end(), [](const Event &a, const Event &b) { return a.ts < b.ts; });
    return events;
}

// Every connection stitched and every pair's offset within 3 ms of the truth.
QString checkStitched(const StitchResult &r, qint64 connections, const QHash<qint64, int> &hostIndex)
{
    if (r.links.size() != connections)
        return u"%1 links for %2 connections"_s.arg(r.links.size()).arg(connections);
    for (const ClockOffset &o : r.offsets) {
        const qint64 truth = (aheadMs(hostIndex.value(o.hostB)) - aheadMs(hostIndex.value(o.hostA))) * kMs;
        if (std::abs(o.offsetNs - truth) > 3 * kMs)
            return u"hosts %1 and %2: offset %3 ns, expected %4 ns"_s.arg(o.hostA)
                .arg(o.hostB)
                .arg(o.offsetNs)
                .arg(truth);
    }
    return {};
}

bool sameLinks(const QList<HostLink> &a, const QList<HostLink> &b)
{
    return a.size() == b.size() && std::equal(a.cbegin(), a.cend(), b.cbegin(), [](const HostLink &x, const HostLink &y) {
               return x.connectEventId == y.connectEventId && x.acceptEventId == y.acceptEventId
                   && x.serverProcessId == y.serverProcessId && x.sessionProcessIds == y.sessionProcessIds;
           });
}

bool measure(const QString &engine, Database &db, qint64 connections, int runs, const QHash<qint64, int> &hostIndex)
{
    const qint64 host = hostIndex.key(0);
    auto client = db.scalar(u"SELECT id FROM processes WHERE host_id = ? AND pid = 1000"_s, {host});
    if (!client || client->isNull()) {
        std::fprintf(stderr, "bench_stitch: %s: no client process\n", qPrintable(engine));
        return false;
    }
    StitchOptions before, oneHost, oneHostBefore;
    before.wholeCase = oneHostBefore.wholeCase = true;
    oneHost.hostId = oneHostBefore.hostId = host;
    StitchResult whole, hostBefore, hostAfter;
    FollowChain chain, chainBefore;
    const auto keep = [](auto &slot, auto result) {
        if (result)
            slot = std::move(*result);
        return result.ok();
    };
    struct Row
    {
        const char *name;
        std::function<bool()> run;
        int before = -1; // the row this one is the "after" of
    };
    const QList<Row> rows{
        {"comparator: conversations, first 1000 of all",
         [&] { return NetworkQueries(db).conversations({}, {}, 1000).ok(); }},
        {"before: query links / clocks (whole case)", [&] { return keep(whole, StitchQueries(db).stitch(before)); }},
        {"basis computed and stored (1st query after import)",
         [&] { return db.execute(u"DELETE FROM stitch_basis"_s).ok() && StitchQueries(db).clockOffsets().ok(); }},
        {"after: query links (whole case, stored basis)", [&] { return StitchQueries(db).stitch().ok(); }, 1},
        {"after: query clocks (stored basis)", [&] { return StitchQueries(db).clockOffsets().ok(); }, 1},
        {"before: query links --host (one host)",
         [&] { return keep(hostBefore, StitchQueries(db).stitch(oneHostBefore)); }},
        {"after: query links --host (one host)", [&] { return keep(hostAfter, StitchQueries(db).stitch(oneHost)); },
         5},
        {"before: query follow (a client process)",
         [&] { return keep(chainBefore, FollowQueries(db).follow(client->toLongLong(), before)); }},
        {"after: query follow (a client process)",
         [&] { return keep(chain, FollowQueries(db).follow(client->toLongLong())); }, 7},
    };
    std::printf("\n%s: median of %d runs, ms (x comparator) [x before]\n", qPrintable(engine), runs);
    QList<double> times;
    for (const Row &row : rows) {
        const double ms = medianMs(runs, row.run);
        if (ms < 0) {
            std::fprintf(stderr, "bench_stitch: %s: %s failed\n", qPrintable(engine), row.name);
            return false;
        }
        times.append(ms);
        std::printf("  %-52s %10.1f (%7.2fx)", row.name, ms, ms / times.constFirst());
        if (row.before >= 0)
            std::printf(" [%.4fx]", ms / times[row.before]);
        std::printf("\n");
    }
    QString wrong = checkStitched(whole, connections, hostIndex);
    if (wrong.isEmpty() && !sameLinks(hostAfter.links, hostBefore.links))
        wrong = u"--host: the scoped links differ from the whole case's"_s;
    if (wrong.isEmpty() && !sameLinks(chain.links, chainBefore.links))
        wrong = u"follow: the scoped chain differs from the whole case's"_s;
    std::printf("  check: %s; %lld host pairs with an offset; --host: %lld links; follow: %lld steps over %lld "
                "links%s\n",
                wrong.isEmpty() ? "every connection stitched, every offset within 3 ms, scoped = whole case"
                                : qPrintable(wrong),
                static_cast<long long>(whole.offsets.size()), static_cast<long long>(hostAfter.links.size()),
                static_cast<long long>(chain.steps.size()), static_cast<long long>(chain.links.size()),
                chain.truncated ? " (truncated)" : "");
    return wrong.isEmpty();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int hosts = args.value(1, u"20"_s).toInt();
    const qint64 connections = args.value(2, u"200000"_s).toLongLong();
    const int runs = std::max(1, args.value(3, u"5"_s).toInt());
    const QStringList only = args.value(4, u"sqlite,postgresql"_s).split(u',');
    QTemporaryDir dir;
    if (!dir.isValid() || hosts < 2 || hosts > 2500 || connections < 1) {
        std::fputs("usage: bench_stitch [HOSTS (20)] [CONNECTIONS (200000)] [RUNS (5)] [ENGINES (sqlite,postgresql)]\n",
                   stderr);
        return 1;
    }
    std::printf("bench_stitch: %d hosts, %lld TCP connections between them (a connect and an accept each), %d runs\n",
                hosts, static_cast<long long>(connections), runs);
    std::vector<std::unique_ptr<ArchiveSeries>> series;
    QStringList files;
    {
        const std::vector<QList<Event>> events = scenario(hosts, connections);
        for (int h = 0; h < hosts; ++h) {
            series.push_back(
                std::make_unique<ArchiveSeries>(dir.path(), u"stitch%1"_s.arg(h, 2, 10, QLatin1Char('0'))));
            const QList<Event> &all = events[size_t(h)];
            for (qsizetype from = 0; from < all.size(); from += kPerArchive)
                files.append(series.back()->next(all.mid(from, kPerArchive)));
        }
    }
    PgCluster pg;
    const QString pgFailure = only.contains(u"postgresql"_s) ? pg.start() : QString();
    for (const QString &engine : {u"sqlite"_s, u"postgresql"_s}) {
        if (!only.contains(engine))
            continue;
        if (engine == "postgresql"_L1 && !pgFailure.isEmpty()) {
            std::fprintf(stderr, "bench_stitch: PostgreSQL not measured: %s\n", qPrintable(pgFailure.left(300)));
            continue;
        }
        const QString location
            = engine == "sqlite"_L1 ? QDir(dir.path()).filePath(u"bench.flightcase"_s) : pg.createDatabase(u"bench"_s);
        auto db = Database::open(location);
        if (!db) {
            std::fprintf(stderr, "bench_stitch: %s: %s\n", qPrintable(engine), qPrintable(db.error().message));
            return 1;
        }
        for (const auto &s : series) {
            if (!TrustStore(**db).trust(s->key.publicKey(), s->host.hostname).ok()) {
                std::fprintf(stderr, "bench_stitch: %s: cannot trust %s\n", qPrintable(engine),
                             qPrintable(s->host.hostname));
                return 1;
            }
        }
        QElapsedTimer timer;
        timer.start();
        Importer importer(**db);
        for (const QString &file : std::as_const(files)) {
            const auto outcome = importer.importFile(file);
            if (outcome.status != ImportStatus::Imported) {
                std::fprintf(stderr, "bench_stitch: %s\n", qPrintable(outcome.message));
                return 1;
            }
        }
        std::printf("\n%s: %lld archives imported in %.1f s\n", qPrintable(engine),
                    static_cast<long long>(files.size()), double(timer.elapsed()) / 1000);
        QHash<qint64, int> hostIndex; // host id -> its number in the scenario
        for (int h = 0; h < hosts; ++h) {
            auto id = (*db)->scalar(u"SELECT id FROM hosts WHERE hostname = ?"_s, {series[size_t(h)]->host.hostname});
            if (!id || id->isNull()) {
                std::fprintf(stderr, "bench_stitch: %s: host %d not in the case\n", qPrintable(engine), h);
                return 1;
            }
            hostIndex.insert(id->toLongLong(), h);
        }
        if (!measure(engine, **db, connections, runs, hostIndex))
            return 1;
    }
    return 0;
}
