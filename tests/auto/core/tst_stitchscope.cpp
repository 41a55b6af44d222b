// SPDX-License-Identifier: GPL-3.0-or-later
// Scoped stitching (stitchbasis.h, scopedstitch.h, chainlinks.h) gives the whole case's answer: on a fleet of eight
// monitored hosts with different clocks, written with the format library and imported by the real importer into
// SQLite and a real PostgreSQL cluster, every host's links (`query links --host`), the clock offsets and the chain of
// every process (`query follow`) are compared whole with the same query computed over the whole case
// (StitchOptions::wholeCase, the code path all queries took before the basis). The fleet is made to be hard on
// scoping: two hosts share an address (as behind NAT), client ports are used again within the skew window (several
// connects and accepts compete in one 4-tuple group), ssh sessions hop on to a third and fourth host, some accepts
// and connects were not recorded (ssh-env links, unstitched connections), a server accepts as the listener itself,
// and one host lost events. Then more archives arrive: the stored basis must be computed again, and the answers
// still agree.
#include "followchain.h"
#include "importer.h"
#include "pgcluster.h"
#include "skip.h"
#include "stitchfixture.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <map>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;

namespace {

namespace Test = Flight::TestSupport;

constexpr qint64 kMs = 1'000'000;
constexpr int kHosts = 8;
constexpr qint64 kSshd = 2000;
constexpr qint64 kWeb = 2100;
constexpr qint64 kShell = 1000;

struct FleetHost
{
    FleetHost(const QString &dir, int index)
        : series(dir, u"fleet%1"_s.arg(index))
        , aheadMs(index * 137 - 300)
        , address(u"10.3.0.%1"_s.arg(index + 1))
    {
    }
    ArchiveSeries series;
    qint64 aheadMs;
    QString address;
    QList<Event> events;
    QHash<qint64, qint64> startMs; // true ms, a multiple of the 10 ms clock tick
    qint64 nextPid = 3000;
};

class Fleet
{
public:
    explicit Fleet(const QString &dir)
    {
        for (int i = 0; i < kHosts; ++i)
            m_hosts.push_back(std::make_unique<FleetHost>(dir, i));
        m_hosts[7]->address = u"10.3.1.7"_s; // and 10.3.0.99, which host 6 uses too
        for (auto &h : m_hosts) {
            exec(*h, kShell, 1, u"bash"_s, 0);
            exec(*h, kSshd, 1, u"sshd"_s, -100);
            exec(*h, kWeb, 1, u"web"_s, -50);
            h->events.append(net(*h, -90, kSshd, NetOp::Listen, {u"0.0.0.0"_s, 22}, std::nullopt));
            h->events.append(net(*h, -40, kWeb, NetOp::Listen, {u"0.0.0.0"_s, 80}, std::nullopt));
        }
        for (int k = 0; k < 160; ++k) {
            const int client = int(m_random.bounded(kHosts));
            FleetHost &h = *m_hosts[size_t(client)];
            const qint64 t = 1000 + k * 60;
            const qint64 pid = exec(h, std::nullopt, kShell, u"client"_s, t - 20);
            connection(client, pid, t, 0);
        }
        for (int k = 0; k < 12; ++k) { // accepts of no recorded connect, and connects to unmonitored hosts
            FleetHost &h = *m_hosts[size_t(m_random.bounded(kHosts))];
            h.events.append(net(h, 500 + k * 700, kSshd, NetOp::Accept, {h.address, 22},
                                Endpoint{m_hosts[size_t(k % kHosts)]->address, 45000 + k}));
            const qint64 pid = exec(h, std::nullopt, kShell, u"curl"_s, 600 + k * 700);
            h.events.append(net(h, 610 + k * 700, pid, NetOp::Connect, {h.address, 46000 + k},
                                Endpoint{u"192.0.2.%1"_s.arg(k), 443}));
        }
        RecorderLoss loss;
        loss.source = u"net.ebpf"_s;
        loss.count = 40;
        FleetHost &lossy = *m_hosts[3];
        loss.lastTs = Test::kBaseTs + (lossy.aheadMs + 4000) * kMs;
        loss.lastMono = Test::kBaseMono + (lossy.aheadMs + 4000) * kMs;
        lossy.events.append(at(lossy, 3000, loss));
    }

    // Each host's events in two archives: the first halves, then the second halves.
    QStringList firstArchives() { return archives(0); }
    QStringList laterArchives() { return archives(1); }
    QList<const ArchiveSeries *> series() const
    {
        QList<const ArchiveSeries *> all;
        for (const auto &h : m_hosts)
            all.append(&h->series);
        return all;
    }

private:
    static Event at(const FleetHost &h, qint64 trueMs, EventBody body)
    {
        const qint64 ms = h.aheadMs + trueMs;
        return Event{Test::kBaseTs + ms * kMs, Test::kBaseMono + ms * kMs, std::move(body)};
    }

    static ProcKey key(const FleetHost &h, qint64 pid)
    {
        const HostInfo info = Test::sampleHost();
        const qint64 tickMs = 1000 / info.clkTck;
        return {pid, (Test::kBaseTs - info.bootTs) / kMs / tickMs + (h.aheadMs + h.startMs.value(pid)) / tickMs};
    }

    // A new process (`pid` or the host's next) started at about `trueMs`, with SSH_CONNECTION when given.
    static qint64 exec(FleetHost &h, std::optional<qint64> pid, qint64 ppid, const QString &comm, qint64 trueMs,
                       const QByteArray &sshConnection = {})
    {
        const qint64 id = pid.value_or(h.nextPid++);
        h.startMs.insert(id, trueMs / 10 * 10);
        ProcExec e;
        e.proc = key(h, id);
        e.parent = key(h, ppid);
        e.comm = comm;
        e.exe = "/usr/bin/" + comm.toUtf8();
        e.argv = {comm.toUtf8()};
        e.uid = e.euid = e.gid = e.egid = 1000;
        if (!sshConnection.isEmpty())
            e.env.insert(u"SSH_CONNECTION"_s, sshConnection);
        h.events.append(at(h, trueMs / 10 * 10, e));
        return id;
    }

    static Event net(const FleetHost &h, qint64 trueMs, qint64 pid, NetOp op, Endpoint local,
                     std::optional<Endpoint> remote)
    {
        NetEndpoint n;
        n.proc = key(h, pid);
        n.op = op;
        n.local = std::move(local);
        n.remote = std::move(remote);
        return at(h, trueMs, n);
    }

    // A connection from `pid` on host `client` at true time `t`: to a web server or an ssh server, whose session
    // may connect on to another host.
    void connection(int client, qint64 pid, qint64 t, int hop)
    {
        FleetHost &c = *m_hosts[size_t(client)];
        int server = int(m_random.bounded(kHosts - 1));
        server += server >= client ? 1 : 0;
        FleetHost &s = *m_hosts[size_t(server)];
        const QString from = client == 7 && m_random.bounded(2) ? u"10.3.0.99"_s : c.address;
        const QString to = server == 7 && m_random.bounded(2) ? u"10.3.0.99"_s : s.address;
        const qint64 port = 40000 + m_random.bounded(12); // used again and again: groups of several
        const bool ssh = m_random.bounded(10) < 6;
        const qint64 serverPort = ssh ? 22 : 80;
        c.events.append(net(c, t, pid, NetOp::Connect, {from, port}, Endpoint{to, serverPort}));
        const bool accepted = m_random.bounded(100) < 85;
        const qint64 latency = 1 + m_random.bounded(5);
        if (!ssh) {
            if (accepted)
                s.events.append(net(s, t + latency, kWeb, NetOp::Accept, {to, 80}, Endpoint{from, port}));
            return;
        }
        const qint64 child = exec(s, std::nullopt, kSshd, u"sshd"_s, t);
        if (accepted)
            s.events.append(net(s, t + latency, child, NetOp::Accept, {to, 22}, Endpoint{from, port}));
        const QByteArray env = u"%1 %2 %3 22"_s.arg(from).arg(port).arg(to).toUtf8();
        const qint64 shell = exec(s, std::nullopt, child, u"bash"_s, t + 20, env);
        const qint64 command = exec(s, std::nullopt, shell, u"cmd"_s, t + 30, env);
        if (hop < 3 && m_random.bounded(10) < 4)
            connection(server, command, t + 40, hop + 1);
    }

    QStringList archives(int half)
    {
        QStringList files;
        for (auto &h : m_hosts) {
            std::stable_sort(h->events.begin(), h->events.end(),
                             [](const Event &a, const Event &b) { return a.ts < b.ts; });
            const qsizetype middle = h->events.size() / 2;
            files.append(h->series.next(half == 0 ? h->events.mid(0, middle) : h->events.mid(middle)));
        }
        return files;
    }

    std::vector<std::unique_ptr<FleetHost>> m_hosts;
    QRandomGenerator m_random{20261203};
};

QString optionalText(std::optional<qint64> v)
{
    return v ? QString::number(*v) : u"-"_s;
}

QString ids(const QList<qint64> &list)
{
    QStringList out;
    for (const qint64 id : list)
        out.append(QString::number(id));
    return out.join(u',');
}

QString describe(const HostLink &l)
{
    return u"link %1 %2 %3 %4:%5 -> %6 %7:%8 connect %9@%10 by %11 uid %12 accept %13@%14 by %15 uid %16 "
           u"listener %17 sessions %18"_s.arg(l.evidence, l.proto)
        .arg(l.clientHostId)
        .arg(l.clientAddr)
        .arg(l.clientPort)
        .arg(l.serverHostId)
        .arg(l.serverAddr)
        .arg(l.serverPort)
        .arg(l.connectEventId)
        .arg(l.connectTs)
        .arg(optionalText(l.clientProcessId), optionalText(l.clientUid), optionalText(l.acceptEventId),
             optionalText(l.acceptTs), optionalText(l.serverProcessId), optionalText(l.serverUid))
        .arg(l.acceptedByListener)
        .arg(ids(l.sessionProcessIds));
}

QString describe(const ClockOffset &o)
{
    return u"offset %1 %2: %3 [%4, %5] of %6"_s.arg(o.hostA).arg(o.hostB).arg(o.offsetNs).arg(o.minNs).arg(o.maxNs).arg(
        o.pairs);
}

QString describe(const UnstitchedConnection &u)
{
    return u"unstitched %1 host %2 process %3 event %4@%5 %6:%7 -> %8:%9 peers %10: %11"_s.arg(u.side)
        .arg(u.hostId)
        .arg(optionalText(u.processId))
        .arg(u.eventId)
        .arg(u.ts)
        .arg(u.laddr)
        .arg(u.lport)
        .arg(u.raddr)
        .arg(u.rport)
        .arg(ids(u.peerHostIds), u.reason);
}

template<typename Map>
QString sortedEntries(const Map &map)
{
    QStringList out;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        out.append(u"%1=%2"_s.arg(it.key()).arg(it.value()));
    out.sort();
    return out.join(u' ');
}

// Every field of the answer, one line each.
QString describe(const StitchResult &r)
{
    QStringList lines;
    for (const HostLink &l : r.links)
        lines.append(describe(l));
    for (const ClockOffset &o : r.offsets)
        lines.append(describe(o));
    for (const UnstitchedConnection &u : r.unstitched)
        lines.append(describe(u));
    for (const UnmonitoredPeers &p : r.unmonitored)
        lines.append(u"unmonitored %1 %2: %3 to %4"_s.arg(p.hostId).arg(p.side).arg(p.connections).arg(p.addresses));
    QStringList addresses(r.monitoredAddresses.cbegin(), r.monitoredAddresses.cend());
    addresses.sort();
    lines.append(u"open before capture %1; monitored %2; hosts %3"_s.arg(r.openBeforeCapture)
                     .arg(addresses.join(u' '), sortedEntries(r.hostnames)));
    return lines.join(u'\n');
}

QString describe(const FollowChain &c)
{
    QStringList lines{u"chain of %1 from host %2, %3 unmonitored, truncated %4"_s.arg(c.processId)
                          .arg(c.originHostId)
                          .arg(c.unmonitoredConnections)
                          .arg(c.truncated)};
    for (const FollowStep &s : c.steps)
        lines.append(u"%1 %2 host %3 %4 process %5 link %6 at %7 (%8) accept %9 (%10)"_s.arg(QString(s.depth, u' '))
                         .arg(int(s.kind))
                         .arg(s.hostId)
                         .arg(s.role, s.process ? QString::number(s.process->id) : u"-"_s, optionalText(s.link),
                              QString::number(s.rawTs), optionalText(s.correctedTs), optionalText(s.acceptRawTs),
                              optionalText(s.acceptCorrectedTs)));
    for (const HostLink &l : c.links)
        lines.append(describe(l));
    for (const ClockOffset &o : c.offsets)
        lines.append(describe(o));
    for (const UnstitchedConnection &u : c.unstitched)
        lines.append(describe(u));
    lines.append(u"hosts "_s + sortedEntries(c.hostnames));
    return lines.join(u'\n');
}

} // namespace

class TestStitchScope : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data();
    void initTestCase();
    void scopedEqualsWholeCase();

private:
    void compareEveryAnswer(Database &db, const QString &when);
    qint64 storedStamp(Database &db);

    QTemporaryDir m_dir;
    std::unique_ptr<PgCluster> m_pg;
};

void TestStitchScope::initTestCase_data()
{
    QTest::addColumn<QString>("engine");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgresql") << u"postgresql"_s;
}

void TestStitchScope::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_pg = std::make_unique<PgCluster>();
    if (const QString failure = m_pg->start(); !failure.isEmpty()) {
        m_pg.reset();
        qWarning("PostgreSQL cluster: %s", qPrintable(failure));
    }
}

// The archive count the stored default basis was computed at (-1: none stored).
qint64 TestStitchScope::storedStamp(Database &db)
{
    auto stamp = db.scalar(u"SELECT archives FROM stitch_basis"_s);
    return stamp && !stamp->isNull() ? stamp->toLongLong() : -1;
}

void TestStitchScope::compareEveryAnswer(Database &db, const QString &when)
{
    // The first query computes the basis and stores it; the rest are answered on it.
    auto first = StitchQueries(db).clockOffsets();
    QVERIFY2(first, qPrintable(first.error().message));
    QCOMPARE(storedStamp(db), count(db, u"archives"_s));
    StitchOptions reference;
    reference.wholeCase = true;
    auto whole = StitchQueries(db).stitch(reference);
    QVERIFY2(whole, qPrintable(whole.error().message));
    qInfo("%s: %lld links, %lld unstitched", qPrintable(when), qint64(whole->links.size()),
          qint64(whole->unstitched.size()));
    QVERIFY2(whole->links.size() > 60, qPrintable(when));
    QVERIFY2(!whole->unstitched.isEmpty(), qPrintable(when));
    auto scopedAll = StitchQueries(db).stitch();
    QVERIFY2(scopedAll, qPrintable(scopedAll.error().message));
    QCOMPARE(describe(*scopedAll), describe(*whole));
    auto offsets = StitchQueries(db).clockOffsets();
    QVERIFY(offsets);
    QCOMPARE(offsets->offsets.size(), whole->offsets.size());
    for (qsizetype i = 0; i < whole->offsets.size(); ++i)
        QCOMPARE(describe(offsets->offsets[i]), describe(whole->offsets[i]));
    auto hosts = db.query(u"SELECT id FROM hosts ORDER BY id"_s);
    QVERIFY(hosts);
    QList<qint64> hostIds;
    while (hosts->next())
        hostIds.append(hosts->value(0).toLongLong());
    QCOMPARE(hostIds.size(), kHosts);
    for (const qint64 host : std::as_const(hostIds)) {
        StitchOptions one, oneWhole;
        one.hostId = oneWhole.hostId = host;
        oneWhole.wholeCase = true;
        auto scoped = StitchQueries(db).stitch(one);
        auto expected = StitchQueries(db).stitch(oneWhole);
        QVERIFY(scoped && expected);
        QVERIFY2(!expected->links.isEmpty(), qPrintable(u"%1: host %2"_s.arg(when).arg(host)));
        QCOMPARE(describe(*scoped), describe(*expected));
    }
    auto processes = db.query(u"SELECT id FROM processes ORDER BY id"_s);
    QVERIFY(processes);
    QList<qint64> processIds;
    while (processes->next())
        processIds.append(processes->value(0).toLongLong());
    int hopping = 0;
    for (const qint64 id : std::as_const(processIds)) {
        StitchOptions wholeCase;
        wholeCase.wholeCase = true;
        auto scoped = FollowQueries(db).follow(id);
        auto expected = FollowQueries(db).follow(id, wholeCase);
        QVERIFY2(scoped, qPrintable(scoped.error().message));
        QVERIFY(expected);
        hopping += expected->links.size() >= 3 ? 1 : 0;
        QCOMPARE(describe(*scoped), describe(*expected));
    }
    QVERIFY2(hopping > 10, "the fleet has chains over three hosts and more");
    QCOMPARE(storedStamp(db), count(db, u"archives"_s)); // every answer above was on the stored basis
}

void TestStitchScope::scopedEqualsWholeCase()
{
    QFETCH_GLOBAL(QString, engine);
    if (engine == "postgresql"_L1 && !m_pg)
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    QString location = m_dir.filePath(u"fleet.sqlite"_s);
    if (engine == "postgresql"_L1) {
        QString error;
        location = m_pg->createDatabase(u"fleet"_s, &error);
        QVERIFY2(!location.isEmpty(), qPrintable(error));
    }
    const QString folder = m_dir.filePath(engine);
    QVERIFY(QDir().mkpath(folder));
    Fleet fleet(folder);
    auto db = Database::open(location);
    QVERIFY2(db, qPrintable(db.error().message));
    QCOMPARE(trustAndImport(**db, fleet.series(), fleet.firstArchives()), QString());
    compareEveryAnswer(**db, u"first archives"_s);
    const qint64 before = storedStamp(**db);
    const StitchResult earlier = *StitchQueries(**db).stitch();
    Importer importer(**db);
    for (const QString &archive : fleet.laterArchives()) {
        const ImportOutcome outcome = importer.importFile(archive);
        QVERIFY2(outcome.status == ImportStatus::Imported, qPrintable(outcome.message));
    }
    // A stale basis is not used: the answers change with the new archives and still equal the whole case's.
    compareEveryAnswer(**db, u"all archives"_s);
    QCOMPARE(storedStamp(**db), before + kHosts);
    QVERIFY(describe(*StitchQueries(**db).stitch()) != describe(earlier));
}

QTEST_GUILESS_MAIN(TestStitchScope)
#include "tst_stitchscope.moc"
