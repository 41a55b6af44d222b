// SPDX-License-Identifier: GPL-3.0-or-later
// Listening sockets: /proc/net/{tcp,tcp6,udp,udp6} fixtures, malformed tables, owners from a fixture /proc, and
// this host: a socket this test listens on appears with this process as its owner.
#include "fixtureroot.h"
#include "listenerscheck.h"
#include "procnet.h"
#include "statediff.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Flight::Integrity;
using Flight::Format::AttrValue;
using Flight::Format::Endpoint;
using Flight::Format::Proto;
using Flight::Format::Severity;
using Flight::Format::StateItem;

namespace {

const StateItem *find(const QList<StateItem> &items, const QString &id)
{
    const auto it = std::find_if(items.cbegin(), items.cend(), [&](const StateItem &i) { return i.id == id; });
    return it == items.cend() ? nullptr : &*it;
}

QByteArray statLine(qint64 pid, const char *comm, qint64 start)
{
    return QByteArray::number(pid) + " (" + comm + ") S 1 1 1 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 "
        + QByteArray::number(start) + " 0 0 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 0\n";
}

} // namespace

class TestProcNet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tcp()
    {
        const auto sockets = parseProcNet(fixture("proc-net-tcp"), Proto::Tcp, false);
        QVERIFY2(sockets, qPrintable(sockets.error().message));
        QCOMPARE(sockets->size(), 4);
        QCOMPARE(sockets->at(0).local, (Endpoint{u"0.0.0.0"_s, 22}));
        QCOMPARE(sockets->at(0).inode, 18231u);
        QVERIFY(isListening(sockets->at(0)));
        QCOMPARE(sockets->at(1).local, (Endpoint{u"127.0.0.1"_s, 631}));
        QCOMPARE(sockets->at(2).remote, (Endpoint{u"10.0.2.2"_s, 55460}));
        QVERIFY(!isListening(sockets->at(2))); // established
        QVERIFY(!isListening(sockets->at(3))); // TIME_WAIT
    }

    void tcp6AndUdp()
    {
        const auto tcp6 = parseProcNet(fixture("proc-net-tcp6"), Proto::Tcp, true);
        QVERIFY2(tcp6, qPrintable(tcp6.error().message));
        QCOMPARE(tcp6->at(0).local, (Endpoint{u"::"_s, 22}));
        QCOMPARE(tcp6->at(1).local, (Endpoint{u"::1"_s, 631}));
        const auto udp = parseProcNet(fixture("proc-net-udp"), Proto::Udp, false);
        QVERIFY2(udp, qPrintable(udp.error().message));
        QCOMPARE(udp->at(0).local, (Endpoint{u"127.0.0.53"_s, 53}));
        QCOMPARE(udp->at(0).uid, 101);
        QVERIFY(isListening(udp->at(0)));
        QVERIFY(isListening(udp->at(1)));
        QVERIFY(!isListening(udp->at(2))); // connected
        const auto udp6 = parseProcNet(fixture("proc-net-udp6"), Proto::Udp, true);
        QVERIFY2(udp6, qPrintable(udp6.error().message));
        QCOMPARE(udp6->at(0).local, (Endpoint{u"fe80::5054:ff:fe12:3456"_s, 546}));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("ipv6");
        QTest::addColumn<QString>("reason");
        const QByteArray header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  "
                                  "timeout inode\n";
        QTest::newRow("no header") << QByteArray("   0: 00000000:0016 00000000:0000 0A 0:0 0:0 0 0 0 1\n") << false
                                   << u"line 1: expected the 'sl local_address ...' header"_s;
        QTest::newRow("short line") << header + "   0: 00000000:0016 00000000:0000 0A\n"
                                    << false << u"line 2: expected at least 10 fields"_s;
        QTest::newRow("address") << header + "   0: 000000:0016 00000000:0000 0A 0:0 0:0 0 0 0 1\n"
                                 << false << u"line 2: invalid address '000000:0016'"_s;
        QTest::newRow("v4 in v6 table") << header + "   0: 00000000:0016 00000000:0000 0A 0:0 0:0 0 0 0 1\n"
                                        << true << u"invalid address"_s;
        QTest::newRow("hex digit") << header + "   0: 0000000G:0016 00000000:0000 0A 0:0 0:0 0 0 0 1\n"
                                   << false << u"invalid address"_s;
        QTest::newRow("state") << header + "   0: 00000000:0016 00000000:0000 FF 0:0 0:0 0 0 0 1\n"
                               << false << u"line 2: invalid state, uid or inode"_s;
        QTest::newRow("inode") << header + "   0: 00000000:0016 00000000:0000 0A 0:0 0:0 0 0 0 -1\n"
                               << false << u"invalid state, uid or inode"_s;
    }
    void malformed()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, ipv6);
        QFETCH(QString, reason);
        const auto sockets = parseProcNet(content, Proto::Tcp, ipv6);
        QVERIFY(!sockets);
        QVERIFY2(sockets.error().message.contains(reason), qPrintable(sockets.error().message));
    }

    void statOwner()
    {
        const auto owner = parseStatOwner(77, statLine(77, "my (odd) daemon", 4242));
        QVERIFY(owner);
        QCOMPARE(*owner, (SocketOwner{77, 4242, u"my (odd) daemon"_s}));
        QVERIFY(!parseStatOwner(1, "1 (x) S 1 2 3\n"));
        QVERIFY(!parseStatOwner(1, "garbage"));
    }

    void checkOnFixtureRoot()
    {
        FixtureRoot root;
        QVERIFY(root.write(u"/proc/net/tcp"_s, fixture("proc-net-tcp")));
        QVERIFY(root.write(u"/proc/net/tcp6"_s, fixture("proc-net-tcp6")));
        QVERIFY(root.write(u"/proc/net/udp"_s, fixture("proc-net-udp")));
        // sshd's listener is held by the master (started first) and by a worker; cupsd holds 631.
        QVERIFY(root.write(u"/proc/612/stat"_s, statLine(612, "sshd", 1500)));
        QVERIFY(root.write(u"/proc/9000/stat"_s, statLine(9000, "sshd", 880000)));
        QVERIFY(root.write(u"/proc/700/stat"_s, statLine(700, "cupsd", 1600)));
        QVERIFY(root.mkdir(u"/proc/612/fd"_s) && root.mkdir(u"/proc/9000/fd"_s) && root.mkdir(u"/proc/700/fd"_s));
        QVERIFY(QFile::link(u"socket:[18231]"_s, root.hostPath(u"/proc/9000/fd/3"_s)));
        QVERIFY(QFile::link(u"socket:[18231]"_s, root.hostPath(u"/proc/612/fd/3"_s)));
        QVERIFY(QFile::link(u"/dev/null"_s, root.hostPath(u"/proc/612/fd/0"_s)));
        QVERIFY(QFile::link(u"socket:[21044]"_s, root.hostPath(u"/proc/700/fd/7"_s)));

        CheckOptions options;
        options.root = root.path();
        ListenersCheck check(options);
        const auto items = check.observe();
        QVERIFY2(items, qPrintable(items.error().message));
        QStringList ids;
        for (const StateItem &item : *items)
            ids.append(item.id);
        QCOMPARE(ids,
                 (QStringList{u"tcp:0.0.0.0:22"_s, u"tcp:127.0.0.1:631"_s, u"tcp:::1:631"_s, u"tcp::::22"_s,
                              u"udp:0.0.0.0:107"_s, u"udp:127.0.0.53:53"_s}));
        QCOMPARE(items->at(0),
                 (StateItem{u"tcp:0.0.0.0:22"_s,
                            {{u"proto"_s, u"tcp"_s},
                             {u"addr"_s, u"0.0.0.0"_s},
                             {u"port"_s, qint64(22)},
                             {u"pid"_s, qint64(612)},
                             {u"start"_s, qint64(1500)},
                             {u"comm"_s, u"sshd"_s}}}));
        QCOMPARE(items->at(1).attrs.value(u"comm"_s), AttrValue(u"cupsd"_s));
        QVERIFY(!items->at(5).attrs.contains(u"pid"_s)); // held by no process of the fixture

        QVERIFY(root.write(u"/proc/net/udp6"_s, "  sl  local_address\n 0: nonsense\n"));
        const auto broken = check.observe();
        QVERIFY(!broken);
        QCOMPARE(broken.error().message,
                 root.hostPath(u"/proc/net/udp6"_s) + u": line 2: expected at least 10 fields"_s);
    }

    void thisHostsListener()
    {
        ListenersCheck check(CheckOptions{});
        const auto before = check.observe();
        QVERIFY2(before, qPrintable(before.error().message));

        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        QVERIFY(fd >= 0);
        sockaddr_in address = {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        QCOMPARE(::listen(fd, 4), 0);
        socklen_t length = sizeof address;
        QCOMPARE(::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length), 0);
        const QString id = u"tcp:127.0.0.1:%1"_s.arg(ntohs(address.sin_port));

        const auto after = check.observe();
        ::close(fd);
        QVERIFY2(after, qPrintable(after.error().message));
        const StateItem *mine = find(*after, id);
        QVERIFY2(mine, qPrintable(id));
        QCOMPARE(mine->attrs.value(u"pid"_s), AttrValue(qint64(::getpid())));
        QCOMPARE(mine->attrs.value(u"comm"_s), AttrValue(u"tst_procnet"_s));
        const auto change = diffState(check.name(), *before, *after);
        QVERIFY(change);
        QCOMPARE(change->severity, Severity::Medium);
        QVERIFY(find(change->added, id));
    }
};

QTEST_GUILESS_MAIN(TestProcNet)
#include "tst_procnet.moc"
