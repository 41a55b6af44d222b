// SPDX-License-Identifier: GPL-3.0-or-later
// The sock_diag polling fallback. On sockets made up here: what a poll reports for each change of the socket table
// (listen, connect once connected, accept once a process holds the connection, close with the first owner, UDP bind,
// the excluded process's sockets never) and that /proc is read only when something is to be reported. On the live
// kernel: the start-up snapshot names a socket opened before start() with this process as its owner, and a listener
// here with a forked peer holding its connection open across polls gives listen, connect, accept and close with the
// right keys and ends (IPv4 and IPv6); the excluded pid is left out.
#include "collectingsink.h"
#include "loopbackpeers.h"
#include "procfs.h"
#include "skip.h"
#include "sockdiagsource.h"

#include <QElapsedTimer>
#include <QTest>
#include <netinet/tcp.h>
#include <sys/wait.h>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;
using namespace Flight::Format;
using namespace LoopbackPeers;
using namespace std::chrono_literals;

namespace {

std::optional<ProcKey> keyOf(qint64 pid)
{
    const auto stat = readProcStat(pid);
    return stat ? std::optional<ProcKey>(ProcKey{pid, stat->startTicks}) : std::nullopt;
}

QString loopback(int family)
{
    return family == AF_INET6 ? u"::1"_s : u"127.0.0.1"_s;
}

QList<NetEndpoint> bodies(const QList<Event> &events)
{
    QList<NetEndpoint> out;
    for (const Event &e : events)
        out.append(std::get<NetEndpoint>(e.body));
    return out;
}

QByteArray describe(const QList<NetEndpoint> &events)
{
    QStringList lines;
    for (const NetEndpoint &e : events) {
        const QString remote = e.remote ? u"%1 %2"_s.arg(e.remote->addr).arg(e.remote->port) : u"-"_s;
        const QString proc = e.proc ? u"%1/%2"_s.arg(e.proc->pid).arg(e.proc->start) : u"-"_s;
        lines.append(
            u"%1 %2 %3 %4 -> %5 by %6"_s
                .arg(QString::fromLatin1(netOpName(e.op)), QString::fromLatin1(protoName(e.proto)), e.local.addr)
                .arg(e.local.port)
                .arg(remote, proc));
    }
    return lines.join(u"\n"_s).toUtf8();
}

// Waits until the sink holds an event that satisfies `match`, up to five seconds.
bool waitForEvent(const CollectingSink &sink, const std::function<bool(const NetEndpoint &)> &match)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 5000) {
        if (!sink.all<NetEndpoint>(match).isEmpty())
            return true;
        QTest::qWait(10);
    }
    return false;
}

// A forked child that connects when told to (`go`) and holds the connection open until told again (`hold`), so that
// polls see it; async-signal-safe calls only in the child.
struct HoldingPeer
{
    pid_t pid = -1;
    int go = -1, hold = -1;
};

HoldingPeer forkHoldingPeer(int family, quint16 port)
{
    int go[2], hold[2];
    if (::pipe2(go, O_CLOEXEC) != 0 || ::pipe2(hold, O_CLOEXEC) != 0)
        return {};
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(go[1]);
        ::close(hold[1]);
        char byte;
        if (::read(go[0], &byte, 1) != 1)
            ::_exit(10);
        const int s = ::socket(family, SOCK_STREAM, 0);
        sockaddr_storage address;
        const socklen_t size = loopbackAddress(family, port, address);
        if (::connect(s, reinterpret_cast<sockaddr *>(&address), size) != 0)
            ::_exit(11);
        (void)::read(hold[0], &byte, 1);
        ::close(s);
        ::_exit(0);
    }
    ::close(go[0]);
    ::close(hold[0]);
    return {pid, go[1], hold[1]};
}

int waitFor(pid_t pid)
{
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) { }
    return status;
}

DiagSocket tcp(quint64 cookie, int state, Endpoint local, Endpoint remote, quint64 inode)
{
    return {AF_INET, Proto::Tcp, state, std::move(local), std::move(remote), inode, 0, cookie};
}

} // namespace

class TestSockDiagSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        auto diag = SockDiag::open();
        if (!diag)
            FLIGHT_SKIP("NETLINK_SOCK_DIAG cannot be opened here");
        m_self = keyOf(::getpid()).value_or(ProcKey{});
    }

    void backendIsDegradedWithReason()
    {
        SockDiagOptions options;
        options.interval = 250ms;
        SockDiagSource source(u"ebpf: bpf() not permitted"_s, options);
        const Backend backend = source.backend();
        QCOMPARE(backend.source, u"net"_s);
        QCOMPARE(backend.backend, u"sockdiag"_s);
        QVERIFY(backend.degraded);
        QVERIFY2(backend.reason.startsWith(u"ebpf: bpf() not permitted; "_s), qPrintable(backend.reason));
        QVERIFY2(backend.reason.contains(u"every 250 ms: a connection shorter than that is not seen"_s),
                 qPrintable(backend.reason));
    }

    void pollsReportChanges()
    {
        SockDiagSource source(u"test"_s);
        const ProcKey server{100, 10}, client{200, 20};
        const Endpoint any{u"0.0.0.0"_s, 0}, http{u"0.0.0.0"_s, 80}, local80{u"10.0.0.1"_s, 80};
        const Endpoint out{u"10.0.0.1"_s, 40000}, web{u"10.0.0.9"_s, 443};
        const Endpoint peerA{u"10.0.0.7"_s, 5555}, peerB{u"10.0.0.8"_s, 6666};
        const DiagSocket listener = tcp(1, TCP_LISTEN, http, any, 10);
        const DiagSocket connecting = tcp(2, TCP_SYN_SENT, out, web, 11);
        const DiagSocket dns{AF_INET, Proto::Udp, TCP_CLOSE, {u"0.0.0.0"_s, 53}, any, 12, 0, 3};
        const DiagSocket collectors = tcp(4, TCP_LISTEN, {u"0.0.0.0"_s, 9}, any, 13);
        const DiagSocket queued = tcp(5, TCP_ESTABLISHED, local80, peerA, 0);
        int scans = 0;
        const auto owners = [&] {
            ++scans;
            SocketOwnerMap map;
            map.owners = {{10, server}, {11, client}, {12, server}, {14, server}};
            map.excluded = {13};
            return map;
        };

        QList<Event> events;
        source.apply({listener, connecting, dns, collectors, queued}, owners, events);
        QList<NetEndpoint> got = bodies(events);
        QCOMPARE(got.size(), 2);
        QCOMPARE(got[0], (NetEndpoint{server, NetOp::Listen, Proto::Tcp, http, std::nullopt, std::nullopt}));
        QCOMPARE(got[1], (NetEndpoint{server, NetOp::Bind, Proto::Udp, {u"0.0.0.0"_s, 53}, std::nullopt, {}}));
        QCOMPARE(scans, 1);

        // Connected; the queued connection was accepted; another one waits in the queue.
        DiagSocket connected = connecting;
        connected.state = TCP_ESTABLISHED;
        DiagSocket accepted = queued;
        accepted.inode = 14;
        const DiagSocket queuedB = tcp(6, TCP_ESTABLISHED, local80, peerB, 0);
        events.clear();
        source.apply({listener, connected, dns, collectors, accepted, queuedB}, owners, events);
        got = bodies(events);
        QVERIFY2(got.size() == 2, describe(got).constData());
        QCOMPARE(got[0], (NetEndpoint{client, NetOp::Connect, Proto::Tcp, out, web, std::nullopt}));
        QCOMPARE(got[1], (NetEndpoint{server, NetOp::Accept, Proto::Tcp, local80, peerA, std::nullopt}));

        // Nothing new: /proc is not read.
        events.clear();
        source.apply({listener, connected, dns, collectors, accepted, queuedB}, owners, events);
        QVERIFY(events.isEmpty());
        QCOMPARE(scans, 2);

        // Everything but the listener is gone; the second connection was never taken from the queue.
        events.clear();
        source.apply({listener}, owners, events);
        got = bodies(events);
        QVERIFY2(got.size() == 4, describe(got).constData());
        QCOMPARE(got[0], (NetEndpoint{client, NetOp::Close, Proto::Tcp, out, web, std::nullopt}));
        QCOMPARE(got[1], (NetEndpoint{server, NetOp::Close, Proto::Tcp, local80, peerA, std::nullopt}));
        QCOMPARE(got[2], (NetEndpoint{std::nullopt, NetOp::Accept, Proto::Tcp, local80, peerB, std::nullopt}));
        QCOMPARE(got[3], (NetEndpoint{std::nullopt, NetOp::Close, Proto::Tcp, local80, peerB, std::nullopt}));
        QCOMPARE(scans, 2);

        events.clear();
        source.apply({}, owners, events);
        QCOMPARE(bodies(events),
                 (QList<NetEndpoint>{{server, NetOp::Close, Proto::Tcp, http, std::nullopt, std::nullopt}}));
    }

    void startUpSnapshot()
    {
        Listener listener = listenOnLoopback(AF_INET);
        QVERIFY(listener.fd >= 0);
        const int udp = ::socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_storage address;
        socklen_t size = loopbackAddress(AF_INET6, 0, address);
        QCOMPARE(::bind(udp, reinterpret_cast<sockaddr *>(&address), size), 0);
        const quint16 udpPort = localPort(udp);
        const Endpoint tcpEnd{u"127.0.0.1"_s, listener.port}, udpEnd{u"::1"_s, udpPort};

        CollectingSink sink;
        SockDiagSource source(u"test"_s);
        const auto started = source.start(sink);
        QVERIFY2(started, qPrintable(started.error().message));
        // Delivered by start() itself, before any poll.
        const auto listen
            = sink.only<NetEndpoint>([&](const NetEndpoint &e) { return e.proto == Proto::Tcp && e.local == tcpEnd; });
        QVERIFY2(listen, describe(sink.all<NetEndpoint>()).constData());
        QCOMPARE(*listen, (NetEndpoint{m_self, NetOp::Exists, Proto::Tcp, tcpEnd, std::nullopt, std::nullopt}));
        const auto bound
            = sink.only<NetEndpoint>([&](const NetEndpoint &e) { return e.proto == Proto::Udp && e.local == udpEnd; });
        QVERIFY(bound);
        QCOMPARE(*bound, (NetEndpoint{m_self, NetOp::Exists, Proto::Udp, udpEnd, std::nullopt, std::nullopt}));
        QTest::qWait(600); // a poll: what the snapshot named is not reported again
        source.stop();
        QCOMPARE(
            sink.all<NetEndpoint>([&](const NetEndpoint &e) { return e.local == tcpEnd || e.local == udpEnd; }).size(),
            2);

        // The same function the eBPF source calls; the excluded pid's sockets are not in it.
        const auto snapshot = takeSocketSnapshot(0);
        QVERIFY2(snapshot, qPrintable(snapshot.error().message));
        QCOMPARE(std::count_if(snapshot->cbegin(), snapshot->cend(),
                               [&](const Event &e) {
                                   const auto &b = std::get<NetEndpoint>(e.body);
                                   return b.local == tcpEnd && b.proc == m_self && b.op == NetOp::Exists;
                               }),
                 1);
        const auto excluding = takeSocketSnapshot(::getpid());
        QVERIFY2(excluding, qPrintable(excluding.error().message));
        QVERIFY(std::none_of(excluding->cbegin(), excluding->cend(), [&](const Event &e) {
            const auto &b = std::get<NetEndpoint>(e.body);
            return b.local == tcpEnd || b.local == udpEnd;
        }));
        ::close(udp);
        ::close(listener.fd);
    }

    void listenConnectAcceptClose_data()
    {
        QTest::addColumn<int>("family");
        QTest::newRow("ipv4") << AF_INET;
        QTest::newRow("ipv6") << AF_INET6;
    }

    void listenConnectAcceptClose()
    {
        QFETCH(int, family);
        CollectingSink sink;
        SockDiagOptions options;
        options.interval = 100ms;
        SockDiagSource source(u"test"_s, options);
        const auto started = source.start(sink);
        QVERIFY2(started, qPrintable(started.error().message));

        Listener listener = listenOnLoopback(family);
        QVERIFY(listener.fd >= 0);
        const Endpoint server{loopback(family), listener.port};
        QVERIFY2(waitForEvent(sink, [&](const NetEndpoint &e) { return e.op == NetOp::Listen && e.local == server; }),
                 describe(sink.all<NetEndpoint>()).constData());

        HoldingPeer peer = forkHoldingPeer(family, listener.port);
        QVERIFY(peer.pid > 0);
        const auto peerKey = keyOf(peer.pid);
        QVERIFY(peerKey);
        QCOMPARE(::write(peer.go, "g", 1), ssize_t(1));
        const int accepted = ::accept4(listener.fd, nullptr, nullptr, SOCK_CLOEXEC);
        QVERIFY(accepted >= 0);
        const Endpoint client{loopback(family), peerPort(accepted)};
        QVERIFY2(waitForEvent(sink, [&](const NetEndpoint &e) { return e.op == NetOp::Connect && e.local == client; }),
                 describe(sink.all<NetEndpoint>()).constData());
        QVERIFY2(waitForEvent(sink, [&](const NetEndpoint &e) { return e.op == NetOp::Accept && e.remote == client; }),
                 describe(sink.all<NetEndpoint>()).constData());

        QCOMPARE(::write(peer.hold, "c", 1), ssize_t(1));
        QCOMPARE(waitFor(peer.pid), 0);
        ::close(peer.go);
        ::close(peer.hold);
        ::close(accepted);
        ::close(listener.fd);
        const auto closed = [&](const Endpoint &local) {
            return waitForEvent(sink, [&](const NetEndpoint &e) { return e.op == NetOp::Close && e.local == local; });
        };
        QVERIFY2(closed(client), describe(sink.all<NetEndpoint>()).constData());
        QVERIFY2(waitForEvent(sink,
                              [&](const NetEndpoint &e) {
                                  return e.op == NetOp::Close && e.local == server && e.remote == client;
                              }),
                 describe(sink.all<NetEndpoint>()).constData());
        QVERIFY2(
            waitForEvent(sink,
                         [&](const NetEndpoint &e) { return e.op == NetOp::Close && e.local == server && !e.remote; }),
            describe(sink.all<NetEndpoint>()).constData());
        source.stop();

        const auto ours = [&](const NetEndpoint &e) { return e.local == server || e.local == client; };
        const QList<NetEndpoint> events = sink.all<NetEndpoint>(ours);
        const QByteArray all = describe(events);
        QVERIFY2(events.size() == 6, all.constData());
        QVERIFY2(events.contains(NetEndpoint{m_self, NetOp::Listen, Proto::Tcp, server, std::nullopt, std::nullopt}),
                 all.constData());
        QVERIFY2(events.contains(NetEndpoint{peerKey, NetOp::Connect, Proto::Tcp, client, server, std::nullopt}),
                 all.constData());
        QVERIFY2(events.contains(NetEndpoint{m_self, NetOp::Accept, Proto::Tcp, server, client, std::nullopt}),
                 all.constData());
        QVERIFY2(events.contains(NetEndpoint{peerKey, NetOp::Close, Proto::Tcp, client, server, std::nullopt}),
                 all.constData());
        QVERIFY2(events.contains(NetEndpoint{m_self, NetOp::Close, Proto::Tcp, server, client, std::nullopt}),
                 all.constData());
        QVERIFY2(events.contains(NetEndpoint{m_self, NetOp::Close, Proto::Tcp, server, std::nullopt, std::nullopt}),
                 all.constData());
    }

    void excludedProcessIsLeftOut()
    {
        CollectingSink sink;
        SockDiagOptions options;
        options.interval = 50ms;
        options.excludePid = ::getpid();
        SockDiagSource source(u"test"_s, options);
        const auto started = source.start(sink);
        QVERIFY2(started, qPrintable(started.error().message));
        Listener listener = listenOnLoopback(AF_INET);
        QVERIFY(listener.fd >= 0);
        const Endpoint server{u"127.0.0.1"_s, listener.port};
        QTest::qWait(300); // six polls
        ::close(listener.fd);
        QTest::qWait(300);
        source.stop();
        QVERIFY2(sink.all<NetEndpoint>([&](const NetEndpoint &e) { return e.local == server; }).isEmpty(),
                 describe(sink.all<NetEndpoint>()).constData());
    }

private:
    ProcKey m_self;
};

QTEST_GUILESS_MAIN(TestSockDiagSource)
#include "tst_sockdiagsource.moc"
