// SPDX-License-Identifier: GPL-3.0-or-later
// NetRecordDecoder on hand-built records: every operation and family, the remote end only when flagged, the key
// from the kernel's start time, and a one-line error (never a read out of bounds) for each kind of malformed record.
#include "netrecord.h"
#include "netrecorddecoder.h"

#include <QTest>
#include <arpa/inet.h>
#include <cstring>
#include <netinet/in.h>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;
using namespace Flight::Format;

namespace {

constexpr qint64 kTicksPerSecond = 100;

flight_net_record tcpConnect()
{
    flight_net_record r{};
    r.kind = FLIGHT_RECORD_NET;
    r.size = sizeof(r);
    r.mono_ns = 5'000'000'000;
    r.proc.pid = 42;
    r.proc.start_ns = 1'230'000'000; // 123 ticks
    r.op = FLIGHT_NET_CONNECT;
    r.protocol = IPPROTO_TCP;
    r.family = AF_INET;
    r.flags = FLIGHT_NET_HAS_REMOTE;
    r.local_port = 40000;
    r.remote_port = 443;
    ::inet_pton(AF_INET, "10.0.0.5", r.local_addr);
    ::inet_pton(AF_INET, "93.184.216.34", r.remote_addr);
    return r;
}

QByteArray bytes(const flight_net_record &r)
{
    return QByteArray(reinterpret_cast<const char *>(&r), sizeof(r));
}

} // namespace

class TestNetRecordDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectWithBothEnds()
    {
        const NetRecordDecoder decoder(kTicksPerSecond);
        auto event = decoder.decode(bytes(tcpConnect()), 1000);
        QVERIFY2(event, qPrintable(event.error().message));
        QCOMPARE(event->mono, 5'000'000'000);
        QCOMPARE(event->ts, 5'000'001'000);
        const auto &body = std::get<NetEndpoint>(event->body);
        QCOMPARE(body.proc, std::optional<ProcKey>(ProcKey{42, 123}));
        QCOMPARE(body.op, NetOp::Connect);
        QCOMPARE(body.proto, Proto::Tcp);
        QCOMPARE(body.local, (Endpoint{u"10.0.0.5"_s, 40000}));
        QCOMPARE(body.remote, std::optional<Endpoint>(Endpoint{u"93.184.216.34"_s, 443}));
    }

    void ipv6InCanonicalTextAndNoRemoteUnlessFlagged()
    {
        flight_net_record r = tcpConnect();
        r.op = FLIGHT_NET_BIND;
        r.protocol = IPPROTO_UDP;
        r.family = AF_INET6;
        r.flags = 0;
        ::inet_pton(AF_INET6, "2001:db8:0:0:0:0:0:1", r.local_addr);
        auto event = NetRecordDecoder(kTicksPerSecond).decode(bytes(r), 0);
        QVERIFY2(event, qPrintable(event.error().message));
        const auto &body = std::get<NetEndpoint>(event->body);
        QCOMPARE(body.op, NetOp::Bind);
        QCOMPARE(body.proto, Proto::Udp);
        QCOMPARE(body.local, (Endpoint{u"2001:db8::1"_s, 40000}));
        QCOMPARE(body.remote, std::nullopt);
    }

    void unknownProcessHasNoKey()
    {
        flight_net_record r = tcpConnect();
        r.op = FLIGHT_NET_ACCEPT;
        r.proc = {};
        auto event = NetRecordDecoder(kTicksPerSecond).decode(bytes(r), 0);
        QVERIFY(event);
        QCOMPARE(std::get<NetEndpoint>(event->body).proc, std::nullopt);
        QCOMPARE(std::get<NetEndpoint>(event->body).op, NetOp::Accept);
    }

    void everyOperation()
    {
        const QList<QPair<quint8, NetOp>> ops{{FLIGHT_NET_CONNECT, NetOp::Connect}, {FLIGHT_NET_ACCEPT, NetOp::Accept},
                                              {FLIGHT_NET_LISTEN, NetOp::Listen},   {FLIGHT_NET_BIND, NetOp::Bind},
                                              {FLIGHT_NET_SEND, NetOp::Send},       {FLIGHT_NET_CLOSE, NetOp::Close}};
        for (const auto &[wire, op] : ops) {
            flight_net_record r = tcpConnect();
            r.op = wire;
            auto event = NetRecordDecoder(kTicksPerSecond).decode(bytes(r), 0);
            QVERIFY(event);
            QCOMPARE(std::get<NetEndpoint>(event->body).op, op);
        }
    }

    void malformedRecordsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("record");
        QTest::addColumn<QString>("reason");
        const flight_net_record good = tcpConnect();
        QTest::newRow("empty") << QByteArray() << u"network record of 0 bytes"_s;
        QTest::newRow("truncated") << bytes(good).left(40) << u"network record of 40 bytes"_s;
        QTest::newRow("too long") << bytes(good) + "x" << u"expected"_s;
        flight_net_record r = good;
        r.kind = 1;
        QTest::newRow("kind") << bytes(r) << u"kind 1"_s;
        r = good;
        r.size = 8;
        QTest::newRow("size field") << bytes(r) << u"size 8"_s;
        r = good;
        r.op = 7;
        QTest::newRow("operation") << bytes(r) << u"unknown operation 7"_s;
        r = good;
        r.protocol = 132; // SCTP
        QTest::newRow("protocol") << bytes(r) << u"protocol 132"_s;
        r = good;
        r.family = 1; // AF_UNIX
        QTest::newRow("family") << bytes(r) << u"address family 1"_s;
    }

    void malformedRecordsAreRefused()
    {
        QFETCH(QByteArray, record);
        QFETCH(QString, reason);
        auto event = NetRecordDecoder(kTicksPerSecond).decode(record, 0);
        QVERIFY(!event);
        QVERIFY2(event.error().message.contains(reason), qPrintable(event.error().message));
        QVERIFY(!event.error().message.contains(u'\n'));
    }
};

QTEST_GUILESS_MAIN(TestNetRecordDecoder)
#include "tst_netrecorddecoder.moc"
