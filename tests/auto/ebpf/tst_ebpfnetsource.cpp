// SPDX-License-Identifier: GPL-3.0-or-later
// The eBPF network source on the live kernel: TCP listen, connect, accept and close (IPv4 and IPv6, and a connection
// that lives less than 5 ms), UDP bind and first send per destination (unconnected and connected), each with the key
// of the process that did it; the start-up snapshot names a listener opened before start(); the collector's own
// sockets are left out. Peers are forked children that wait on a pipe, so their keys are read from /proc before they
// act.
#include "collectingsink.h"
#include "ebpfnetsource.h"
#include "livetest.h"
#include "loopbackpeers.h"

#include <QElapsedTimer>
#include <QTest>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;
using namespace Flight::Format;
using namespace SpawnHelpers;
using namespace LoopbackPeers;

namespace {

// Waits until the sink holds an event that satisfies `match`, up to two seconds.
bool waitForEvent(const CollectingSink &sink, const std::function<bool(const NetEndpoint &)> &match)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 2000) {
        if (!sink.all<NetEndpoint>(match).isEmpty())
            return true;
        QTest::qWait(10);
    }
    return false;
}

// Every network event of the sink, one per line, for failure messages.
QByteArray describe(const CollectingSink &sink)
{
    QStringList lines;
    for (const NetEndpoint &e : sink.all<NetEndpoint>()) {
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

QString loopback(int family)
{
    return family == AF_INET6 ? u"::1"_s : u"127.0.0.1"_s;
}

} // namespace

class TestEbpfNetSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            FLIGHT_SKIP("not root: loading BPF programs needs CAP_BPF and CAP_PERFMON");
        m_self = selfKey();
    }

    void backendIsComplete()
    {
        CollectingSink sink;
        EbpfNetSource source;
        START_OR_SKIP(source, sink);
        source.stop();
        QCOMPARE(source.backend().backend, u"ebpf"_s);
        QVERIFY2(!source.backend().degraded, qPrintable(source.backend().reason));
    }

    void tcpListenConnectAcceptClose_data()
    {
        QTest::addColumn<int>("family");
        QTest::addColumn<bool>("serverReads");
        QTest::newRow("ipv4, server reads") << AF_INET << true;
        QTest::newRow("ipv6, server reads") << AF_INET6 << true;
        QTest::newRow("ipv4, closed within 5 ms, server never reads") << AF_INET << false;
    }

    void tcpListenConnectAcceptClose()
    {
        QFETCH(int, family);
        QFETCH(bool, serverReads);
        CollectingSink sink;
        EbpfNetSource source;
        START_OR_SKIP(source, sink);

        Listener listener = listenOnLoopback(family);
        QVERIFY(listener.fd >= 0);
        Peer peer = forkConnectingPeer(family, listener.port, serverReads);
        QVERIFY(peer.pid > 0);
        const auto peerKey = keyOf(peer.pid);
        QVERIFY(peerKey);
        QElapsedTimer lifetime;
        lifetime.start();
        QVERIFY(release(peer));
        const int accepted = ::accept4(listener.fd, nullptr, nullptr, SOCK_CLOEXEC);
        QVERIFY(accepted >= 0);
        const quint16 clientPort = peerPort(accepted);
        if (serverReads) {
            char byte;
            QCOMPARE(::read(accepted, &byte, 1), ssize_t(1));
        }
        ::close(accepted);
        QCOMPARE(waitFor(peer.pid), 0);
        if (!serverReads)
            QVERIFY2(lifetime.elapsed() < 50, "the short connection took too long to be a test of one");
        ::close(listener.fd);

        const QString addr = loopback(family);
        const Endpoint server{addr, listener.port}, client{addr, clientPort};
        const auto closes
            = [&](const NetEndpoint &e) { return e.op == NetOp::Close && e.local == server && e.remote == client; };
        QVERIFY2(waitForEvent(sink, closes), describe(sink).constData());
        QVERIFY(waitForEvent(sink, [&](const NetEndpoint &e) { return e.op == NetOp::Close && e.local == client; }));
        source.stop();

        const auto listen = sink.only<NetEndpoint>(
            [&](const NetEndpoint &e) { return e.op == NetOp::Listen && e.local.port == listener.port; });
        QVERIFY(listen);
        QCOMPARE(listen->proc, std::optional<ProcKey>(m_self));
        QCOMPARE(listen->local, server);
        QCOMPARE(listen->proto, Proto::Tcp);

        const auto connect = sink.only<NetEndpoint>(
            [&](const NetEndpoint &e) { return e.op == NetOp::Connect && e.remote == server; });
        QVERIFY(connect);
        QCOMPARE(connect->proc, peerKey);
        QCOMPARE(connect->local, client);

        const auto accept
            = sink.only<NetEndpoint>([&](const NetEndpoint &e) { return e.op == NetOp::Accept && e.local == server; });
        QVERIFY(accept);
        QCOMPARE(accept->proc, std::optional<ProcKey>(m_self));
        QCOMPARE(accept->remote, std::optional<Endpoint>(client));

        const auto serverClose = sink.only<NetEndpoint>(closes);
        QVERIFY(serverClose);
        QCOMPARE(serverClose->proc, std::optional<ProcKey>(m_self));
        const auto clientClose
            = sink.only<NetEndpoint>([&](const NetEndpoint &e) { return e.op == NetOp::Close && e.local == client; });
        QVERIFY(clientClose);
        QCOMPARE(clientClose->proc, peerKey);
        QCOMPARE(clientClose->remote, std::optional<Endpoint>(server));
    }

    void udpBindAndFirstSendPerDestination()
    {
        CollectingSink sink;
        EbpfNetSource source;
        START_OR_SKIP(source, sink);

        const int receiver = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::bind(receiver, reinterpret_cast<sockaddr *>(&to), sizeof(to)), 0);
        const quint16 receiverPort = localPort(receiver);
        to.sin_port = htons(receiverPort);

        const int sender = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(::sendto(sender, "d", 1, 0, reinterpret_cast<sockaddr *>(&to), sizeof(to)), ssize_t(1));
        const quint16 senderPort = localPort(sender);

        const int connected = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        QCOMPARE(::connect(connected, reinterpret_cast<sockaddr *>(&to), sizeof(to)), 0);
        QCOMPARE(::send(connected, "c", 1, 0), ssize_t(1));
        QCOMPARE(::send(connected, "c", 1, 0), ssize_t(1));
        const quint16 connectedPort = localPort(connected);
        for (int fd : {receiver, sender, connected})
            ::close(fd);

        const Endpoint destination{u"127.0.0.1"_s, receiverPort};
        QVERIFY(waitForEvent(
            sink, [&](const NetEndpoint &e) { return e.op == NetOp::Send && e.local.port == connectedPort; }));
        source.stop();

        const auto bind = sink.only<NetEndpoint>(
            [&](const NetEndpoint &e) { return e.op == NetOp::Bind && e.local.port == receiverPort; });
        QVERIFY(bind);
        QCOMPARE(bind->proto, Proto::Udp);
        QCOMPARE(bind->proc, std::optional<ProcKey>(m_self));
        QCOMPARE(bind->local, destination);

        const auto sends = sink.all<NetEndpoint>(
            [&](const NetEndpoint &e) { return e.op == NetOp::Send && e.local.port == senderPort; });
        QCOMPARE(sends.size(), 1); // three datagrams to one destination: one first send
        QCOMPARE(sends.first().remote, std::optional<Endpoint>(destination));
        QCOMPARE(sends.first().proc, std::optional<ProcKey>(m_self));
        QCOMPARE(sends.first().proto, Proto::Udp);

        const auto connectedSend = sink.only<NetEndpoint>(
            [&](const NetEndpoint &e) { return e.op == NetOp::Send && e.local.port == connectedPort; });
        QVERIFY(connectedSend);
        QCOMPARE(connectedSend->remote, std::optional<Endpoint>(destination));
        QCOMPARE(connectedSend->local, (Endpoint{u"127.0.0.1"_s, connectedPort}));
    }

    void startUpSnapshotNamesOpenListener()
    {
        Listener listener = listenOnLoopback(AF_INET6);
        QVERIFY(listener.fd >= 0);
        CollectingSink sink;
        EbpfNetSource source;
        START_OR_SKIP(source, sink);
        QVERIFY2(!source.backend().degraded, qPrintable(source.backend().reason));
        const Endpoint server{u"::1"_s, listener.port};
        // Delivered by start() itself.
        const auto exists = sink.only<NetEndpoint>([&](const NetEndpoint &e) { return e.local == server; });
        QVERIFY2(exists, describe(sink).constData());
        QCOMPARE(*exists, (NetEndpoint{m_self, NetOp::Exists, Proto::Tcp, server, std::nullopt, std::nullopt}));
        source.stop();

        CollectingSink excludingSink;
        EbpfNetOptions options;
        options.excludePid = ::getpid();
        EbpfNetSource excluding(options);
        START_OR_SKIP(excluding, excludingSink);
        excluding.stop();
        QVERIFY(excludingSink.all<NetEndpoint>([&](const NetEndpoint &e) { return e.local == server; }).isEmpty());
        ::close(listener.fd);
    }

    void excludedProcessIsLeftOut()
    {
        CollectingSink sink;
        EbpfNetOptions options;
        options.excludePid = ::getpid();
        EbpfNetSource source(options);
        START_OR_SKIP(source, sink);
        Listener listener = listenOnLoopback(AF_INET);
        QVERIFY(listener.fd >= 0);
        const int udp = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        to.sin_port = htons(listener.port);
        QCOMPARE(::sendto(udp, "d", 1, 0, reinterpret_cast<sockaddr *>(&to), sizeof(to)), ssize_t(1));
        ::close(udp);
        ::close(listener.fd);
        QTest::qWait(100);
        source.stop();
        QVERIFY(sink.all<NetEndpoint>([&](const NetEndpoint &e) {
                        return e.local.port == listener.port || e.remote == Endpoint{u"127.0.0.1"_s, listener.port};
                    })
                    .isEmpty());
    }

private:
    ProcKey m_self;
};

QTEST_GUILESS_MAIN(TestEbpfNetSource)
#include "tst_ebpfnetsource.moc"
