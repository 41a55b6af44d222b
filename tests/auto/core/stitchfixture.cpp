// SPDX-License-Identifier: GPL-3.0-or-later
#include "stitchfixture.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace Deck::TestSupport {

namespace {

namespace Test = Flight::TestSupport;

constexpr qint64 kMs = 1'000'000;

Event at(qint64 ms, EventBody body)
{
    return Event{Test::kBaseTs + ms * kMs, Test::kBaseMono + ms * kMs, std::move(body)};
}

// When each process starts, ms of true time (multiples of 10: a clock tick is 10 ms).
qint64 startMs(qint64 pid)
{
    static const QHash<qint64, qint64> starts{{1000, 100},  {1001, 200},  {1002, 390},  {1003, 490},  {1004, 590},
                                              {1006, 1990}, {1005, 8990}, {1010, 990},  {1011, 1090}, {1012, 1190},
                                              {1013, 1290}, {1014, 1390}, {2000, -100}, {2100, -50},  {2001, 300},
                                              {2002, 310},  {2003, 320},  {2004, 610}};
    return starts.value(pid);
}

// The process key whose start time (boot time + start ticks) is the exec's time on the host's clock.
ProcKey key(qint64 aheadMs, qint64 pid)
{
    const HostInfo host = Test::sampleHost();
    const qint64 tickMs = 1000 / host.clkTck;
    return {pid, (Test::kBaseTs - host.bootTs) / kMs / tickMs + (aheadMs + startMs(pid)) / tickMs};
}

// An exec on a host whose clock is `aheadMs` ahead, at the process's start.
Event exec(qint64 aheadMs, qint64 pid, qint64 ppid, const QString &comm, qint64 uid,
           const QByteArray &sshConnection = {})
{
    ProcExec e;
    e.proc = key(aheadMs, pid);
    e.parent = key(aheadMs, ppid);
    e.comm = comm;
    e.exe = "/usr/bin/" + comm.toUtf8();
    e.argv = {comm.toUtf8()};
    e.uid = e.euid = e.gid = e.egid = uid;
    if (!sshConnection.isEmpty())
        e.env.insert(u"SSH_CONNECTION"_s, sshConnection);
    return at(aheadMs + startMs(pid), e);
}

Event net(qint64 aheadMs, qint64 ms, qint64 pid, NetOp op, Endpoint local, std::optional<Endpoint> remote)
{
    NetEndpoint n;
    n.proc = key(aheadMs, pid);
    n.op = op;
    n.local = std::move(local);
    n.remote = std::move(remote);
    return at(aheadMs + ms, n);
}

const QString kAlpha = u"10.1.0.1"_s;
const QString kBeta = u"10.1.0.2"_s;

QList<Event> alphaEvents()
{
    auto connect = [](qint64 ms, qint64 pid, qint64 lport, const QString &raddr, qint64 rport) {
        return net(0, ms, pid, NetOp::Connect, {kAlpha, lport}, Endpoint{raddr, rport});
    };
    QList<Event> events{exec(0, 1000, 1, u"bash"_s, 1000),
                        exec(0, 1001, 1000, u"ssh"_s, 1000),
                        connect(300, 1001, 50001, kBeta, 22),
                        exec(0, 1002, 1000, u"curl"_s, 1000),
                        connect(400, 1002, 50002, u"192.0.2.50"_s, 443),
                        exec(0, 1003, 1000, u"nc"_s, 1000),
                        connect(500, 1003, 50003, kBeta, 8080),
                        exec(0, 1004, 1000, u"ssh"_s, 1000),
                        connect(600, 1004, 50006, kBeta, 22)};
    for (qint64 i = 0; i < 5; ++i) {
        events.append(exec(0, 1010 + i, 1000, u"wget"_s, 1000));
        events.append(connect(1000 + i * 100, 1010 + i, 51010 + i, kBeta, 80));
    }
    events.append(exec(0, 1006, 1000, u"scp"_s, 1000));
    events.append(connect(2000, 1006, 50001, kBeta, 22));
    events.append(exec(0, 1005, 1000, u"ssh"_s, 1000));
    events.append(connect(9000, 1005, 50007, kBeta, 22));
    return events;
}

QList<Event> betaEvents()
{
    constexpr qint64 ahead = StitchScenario::kBetaAheadMs;
    auto accept = [](qint64 ms, qint64 pid, qint64 lport, qint64 rport) {
        return net(ahead, ms, pid, NetOp::Accept, {kBeta, lport}, Endpoint{kAlpha, rport});
    };
    QList<Event> events{exec(ahead, 2000, 1, u"sshd"_s, 0),
                        exec(ahead, 2100, 1, u"nginx"_s, 33),
                        exec(ahead, 2001, 2000, u"sshd"_s, 0),
                        accept(302, 2001, 22, 50001),
                        exec(ahead, 2002, 2001, u"bash"_s, 1000, "10.1.0.1 50001 10.1.0.2 22"),
                        exec(ahead, 2003, 2002, u"id"_s, 1000, "10.1.0.1 50001 10.1.0.2 22"),
                        exec(ahead, 2004, 2000, u"bash"_s, 1000, "10.1.0.1 50006 10.1.0.2 22")};
    events.append(net(ahead, -90, 2000, NetOp::Listen, {u"0.0.0.0"_s, 22}, std::nullopt));
    events.append(net(ahead, -40, 2100, NetOp::Listen, {u"0.0.0.0"_s, 80}, std::nullopt));
    for (qint64 i = 0; i < 5; ++i)
        events.append(accept(1000 + i * 100 + 1 + i, 2100, 80, 51010 + i));
    events.append(accept(2002, 2000, 22, 50001));
    events.append(accept(3000, 2000, 22, 50005));
    RecorderLoss loss;
    loss.source = u"net.ebpf"_s;
    loss.count = 3;
    loss.lastTs = Test::kBaseTs + (ahead + 9010) * kMs;
    loss.lastMono = Test::kBaseMono + (ahead + 9010) * kMs;
    events.append(at(ahead + 8990, loss));
    events.append(accept(7'200'300, 2000, 22, 50001));
    std::stable_sort(events.begin(), events.end(), [](const Event &a, const Event &b) { return a.ts < b.ts; });
    return events;
}

} // namespace

StitchScenario::StitchScenario(const QString &dir, const QString &alphaName, const QString &betaName)
    : alpha(dir, alphaName)
    , beta(dir, betaName)
{
    QList<Event> a = alphaEvents();
    std::stable_sort(a.begin(), a.end(), [](const Event &x, const Event &y) { return x.ts < y.ts; });
    archives << alpha.next(a) << beta.next(betaEvents());
}

qint64 StitchScenario::at(qint64 ms)
{
    return Test::kBaseTs + ms * kMs;
}

Flight::Expected<std::unique_ptr<Core::Database>> openStitchCase(const QString &location, const QString &folder)
{
    QDir().mkpath(folder);
    StitchScenario scenario(folder);
    auto db = Core::Database::open(location);
    if (!db)
        return db.error();
    if (const QString failed = trustAndImport(**db, {&scenario.alpha, &scenario.beta}, scenario.archives);
        !failed.isEmpty())
        return Flight::Error{failed, 0};
    return db;
}

} // namespace Deck::TestSupport
