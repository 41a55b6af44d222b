// SPDX-License-Identifier: GPL-3.0-or-later
// The sock_diag answer parser on datagrams built here: sockets of both families with their ends, inode, uid and
// cookie; several messages per datagram; the end of a dump; messages of an earlier dump skipped; and every truncated
// or hostile datagram an error that says where and why. Then what the start-up snapshot makes of parsed sockets.
#include "socketdiag.h"

#include <QTest>
#include <arpa/inet.h>
#include <cstring>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;
using namespace Flight::Format;

namespace {

constexpr quint32 kSequence = 7;

QByteArray message(quint16 type, const QByteArray &payload)
{
    nlmsghdr header = {};
    header.nlmsg_len = quint32(sizeof(header) + size_t(payload.size()));
    header.nlmsg_type = type;
    header.nlmsg_flags = NLM_F_MULTI;
    header.nlmsg_seq = kSequence;
    QByteArray bytes(reinterpret_cast<const char *>(&header), sizeof(header));
    bytes += payload;
    bytes.append(QByteArray(NLMSG_ALIGN(bytes.size()) - bytes.size(), '\0'));
    return bytes;
}

QByteArray status(int value)
{
    return QByteArray(reinterpret_cast<const char *>(&value), sizeof(value));
}

QByteArray socketMessage(int family, int state, const char *local, quint16 lport, const char *remote, quint16 rport,
                         quint32 inode, quint32 uid = 1000, quint64 cookie = 0x1'0000'0002)
{
    inet_diag_msg m = {};
    m.idiag_family = quint8(family);
    m.idiag_state = quint8(state);
    m.id.idiag_sport = htons(lport);
    m.id.idiag_dport = htons(rport);
    ::inet_pton(family, local, m.id.idiag_src);
    ::inet_pton(family, remote, m.id.idiag_dst);
    m.id.idiag_cookie[0] = quint32(cookie);
    m.id.idiag_cookie[1] = quint32(cookie >> 32);
    m.idiag_uid = uid;
    m.idiag_inode = inode;
    return message(SOCK_DIAG_BY_FAMILY, QByteArray(reinterpret_cast<const char *>(&m), sizeof(m)));
}

// The message with another sequence number, as if left over from an earlier dump.
QByteArray withSequence(QByteArray bytes, quint32 sequence)
{
    std::memcpy(bytes.data() + offsetof(nlmsghdr, nlmsg_seq), &sequence, sizeof(sequence));
    return bytes;
}

QByteArray done()
{
    return message(NLMSG_DONE, status(0));
}

} // namespace

class TestSocketDiag : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void socketsOfBothFamilies()
    {
        const QByteArray datagram = socketMessage(AF_INET, TCP_LISTEN, "0.0.0.0", 22, "0.0.0.0", 0, 1234, 0, 42)
            + socketMessage(AF_INET6, TCP_ESTABLISHED, "2001:db8::1", 443, "2001:db8::2", 51000, 5678)
            + socketMessage(AF_INET6, TCP_ESTABLISHED, "::ffff:10.0.0.1", 80, "::ffff:10.0.0.2", 40000, 9) + done();
        const auto batch = parseSockDiagDatagram(datagram, Proto::Tcp, kSequence);
        QVERIFY2(batch, qPrintable(batch.error().message));
        QVERIFY(batch->done);
        QCOMPARE(batch->sockets.size(), 3);
        const DiagSocket &listener = batch->sockets[0];
        QCOMPARE(listener.family, AF_INET);
        QCOMPARE(listener.proto, Proto::Tcp);
        QCOMPARE(listener.state, TCP_LISTEN);
        QCOMPARE(listener.local, (Endpoint{u"0.0.0.0"_s, 22}));
        QCOMPARE(listener.inode, quint64(1234));
        QCOMPARE(listener.uid, quint32(0));
        QCOMPARE(listener.cookie, quint64(42));
        const DiagSocket &v6 = batch->sockets[1];
        QCOMPARE(v6.family, AF_INET6);
        QCOMPARE(v6.local, (Endpoint{u"2001:db8::1"_s, 443}));
        QCOMPARE(v6.remote, (Endpoint{u"2001:db8::2"_s, 51000}));
        QCOMPARE(v6.uid, quint32(1000));
        QCOMPARE(v6.cookie, quint64(0x1'0000'0002));
        QCOMPARE(batch->sockets[2].local, (Endpoint{u"::ffff:10.0.0.1"_s, 80}));
    }

    void protocolComesFromTheRequest()
    {
        const auto batch = parseSockDiagDatagram(socketMessage(AF_INET, TCP_CLOSE, "127.0.0.1", 53, "0.0.0.0", 0, 77),
                                                 Proto::Udp, kSequence);
        QVERIFY2(batch, qPrintable(batch.error().message));
        QVERIFY(!batch->done); // more datagrams follow
        QCOMPARE(batch->sockets.size(), 1);
        QCOMPARE(batch->sockets.first().proto, Proto::Udp);
    }

    void earlierDumpIsSkipped()
    {
        const QByteArray stale
            = withSequence(socketMessage(AF_INET, TCP_LISTEN, "0.0.0.0", 1, "0.0.0.0", 0, 1), kSequence - 1);
        const QByteArray staleDone = withSequence(done(), kSequence - 1);
        const auto batch = parseSockDiagDatagram(
            stale + staleDone + socketMessage(AF_INET, TCP_LISTEN, "0.0.0.0", 2, "0.0.0.0", 0, 2), Proto::Tcp,
            kSequence);
        QVERIFY2(batch, qPrintable(batch.error().message));
        QVERIFY(!batch->done);
        QCOMPARE(batch->sockets.size(), 1);
        QCOMPARE(batch->sockets.first().local.port, 2);
    }

    void acknowledgementAndNoopAreNotErrors()
    {
        const auto batch = parseSockDiagDatagram(message(NLMSG_ERROR, status(0) + QByteArray(16, '\0'))
                                                     + message(NLMSG_NOOP, {}) + done(),
                                                 Proto::Tcp, kSequence);
        QVERIFY2(batch, qPrintable(batch.error().message));
        QVERIFY(batch->done);
        QVERIFY(batch->sockets.isEmpty());
    }

    void hostileDatagrams_data()
    {
        QTest::addColumn<QByteArray>("datagram");
        QTest::addColumn<QString>("error");
        const QByteArray good = socketMessage(AF_INET, TCP_LISTEN, "0.0.0.0", 22, "0.0.0.0", 0, 1);
        QTest::newRow("truncated header") << good.left(10) << u"truncated netlink header at offset 0 (10 bytes left)"_s;
        QTest::newRow("header after a message")
            << good + QByteArray(4, '\0') << u"truncated netlink header at offset 88 (4 bytes left)"_s;
        QByteArray longer = good;
        longer[0] = char(200);
        QTest::newRow("length beyond the datagram") << longer << u"at offset 0 claims 200 bytes, 88 are left"_s;
        QByteArray shorter = good;
        shorter[0] = char(8);
        QTest::newRow("length shorter than a header") << shorter << u"at offset 0 claims 8 bytes, 88 are left"_s;
        QTest::newRow("short socket message") << message(SOCK_DIAG_BY_FAMILY, QByteArray(20, '\0'))
                                              << u"socket message at offset 0 has 20 bytes, expected at least 72"_s;
        QTest::newRow("unix family") << socketMessage(AF_UNIX, 1, "0.0.0.0", 0, "0.0.0.0", 0, 1)
                                     << u"socket message at offset 0 has address family 1"_s;
        QTest::newRow("kernel error") << message(NLMSG_ERROR, status(-EPERM) + QByteArray(16, '\0'))
                                      << u"the kernel refused the TCP dump: Operation not permitted"_s;
        QTest::newRow("truncated error") << message(NLMSG_ERROR, "ab") << u"truncated error message at offset 0"_s;
        QTest::newRow("failed dump") << message(NLMSG_DONE, status(-EINTR))
                                     << u"the TCP dump failed: Interrupted system call"_s;
        QTest::newRow("overrun") << message(NLMSG_OVERRUN, {}) << u"unexpected netlink message type 4 at offset 0"_s;
        QTest::newRow("unknown type after a socket")
            << good + message(99, "x") << u"unexpected netlink message type 99 at offset 88"_s;
    }

    void hostileDatagrams()
    {
        QFETCH(QByteArray, datagram);
        QFETCH(QString, error);
        const auto batch = parseSockDiagDatagram(datagram, Proto::Tcp, kSequence);
        QVERIFY(!batch);
        QVERIFY2(batch.error().message.startsWith(u"sock_diag: "_s), qPrintable(batch.error().message));
        QVERIFY2(batch.error().message.contains(error), qPrintable(batch.error().message));
    }

    void everyPrefixIsSafe()
    {
        // Whatever the cut, the parser returns (a value or an error) without reading past the end.
        const QByteArray full = socketMessage(AF_INET6, TCP_ESTABLISHED, "::1", 1, "::1", 2, 3) + done();
        for (qsizetype n = 0; n < full.size(); ++n) {
            const QByteArray cut = full.left(n); // a copy: sanitizers see a read past it
            (void)parseSockDiagDatagram(cut, Proto::Tcp, kSequence);
        }
    }

    void openTcpStates()
    {
        for (int state : {TCP_ESTABLISHED, TCP_SYN_SENT, TCP_FIN_WAIT1, TCP_FIN_WAIT2, TCP_CLOSE_WAIT, TCP_LAST_ACK,
                          TCP_LISTEN, TCP_CLOSING})
            QVERIFY2(isOpenTcpState(state), qPrintable(QString::number(state)));
        for (int state : {int(TCP_SYN_RECV), int(TCP_TIME_WAIT), int(TCP_CLOSE), 0, 12})
            QVERIFY2(!isOpenTcpState(state), qPrintable(QString::number(state)));
    }

    void snapshotEvents()
    {
        const DiagSocket listener{AF_INET, Proto::Tcp, TCP_LISTEN, {u"0.0.0.0"_s, 22}, {u"0.0.0.0"_s, 0}, 10, 0, 1};
        const DiagSocket connected{AF_INET6, Proto::Tcp, TCP_ESTABLISHED, {u"::1"_s, 5000}, {u"::1"_s, 6000}, 11, 0, 2};
        const DiagSocket queued{AF_INET, Proto::Tcp, TCP_ESTABLISHED, {u"127.0.0.1"_s, 22}, {u"127.0.0.1"_s, 7000}, 0,
                                0,       3}; // in an accept queue: no inode, no owner
        const DiagSocket bound{AF_INET, Proto::Udp, TCP_CLOSE, {u"0.0.0.0"_s, 53}, {u"0.0.0.0"_s, 0}, 12, 0, 4};
        const DiagSocket udpConnected{
            AF_INET, Proto::Udp, TCP_ESTABLISHED, {u"127.0.0.1"_s, 40000}, {u"127.0.0.1"_s, 53}, 13, 0, 5};
        const DiagSocket collectors{AF_INET, Proto::Tcp, TCP_LISTEN, {u"0.0.0.0"_s, 9}, {u"0.0.0.0"_s, 0}, 14, 0, 6};
        const DiagSocket timeWait{AF_INET, Proto::Tcp, TCP_TIME_WAIT, {u"127.0.0.1"_s, 1}, {u"127.0.0.1"_s, 2}, 0,
                                  0,       7};
        SocketOwnerMap owners;
        const ProcKey sshd{100, 50}, client{200, 60};
        owners.owners = {{10, sshd}, {11, client}, {12, sshd}, {13, client}};
        owners.excluded = {14};

        const QList<Event> events = socketSnapshotEvents(
            {listener, connected, queued, bound, udpConnected, collectors, timeWait}, owners, 1000, 2000);
        QCOMPARE(events.size(), 5);
        QList<NetEndpoint> bodies;
        for (const Event &e : events) {
            QCOMPARE(e.ts, 1000);
            QCOMPARE(e.mono, 2000);
            bodies.append(std::get<NetEndpoint>(e.body));
        }
        for (const NetEndpoint &b : bodies)
            QCOMPARE(b.op, NetOp::Exists);
        QCOMPARE(bodies[0].proc, std::optional<ProcKey>(sshd));
        QCOMPARE(bodies[0].local, listener.local);
        QCOMPARE(bodies[0].remote, std::nullopt);
        QCOMPARE(bodies[1].proc, std::optional<ProcKey>(client));
        QCOMPARE(bodies[1].remote, std::optional<Endpoint>(connected.remote));
        QCOMPARE(bodies[2].proc, std::nullopt);
        QCOMPARE(bodies[2].remote, std::optional<Endpoint>(queued.remote));
        QCOMPARE(bodies[3].proto, Proto::Udp);
        QCOMPARE(bodies[3].remote, std::nullopt);
        QCOMPARE(bodies[4].remote, std::optional<Endpoint>(udpConnected.remote));
    }
};

QTEST_GUILESS_MAIN(TestSocketDiag)
#include "tst_socketdiag.moc"
