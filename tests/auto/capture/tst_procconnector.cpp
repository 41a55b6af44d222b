// SPDX-License-Identifier: GPL-3.0-or-later
// The proc connector parser on datagrams built from the kernel's own structs: every event type the collector uses,
// several messages in one datagram, and every way a datagram can be short or inconsistent (an error, never a read
// outside the datagram); the control messages (plain and filtered) and the per-CPU sequence gaps.
#include "procconnector.h"

#include <QRandomGenerator>
#include <QTest>
#include <cerrno>
#include <cstring>
#include <linux/cn_proc.h>
#include <linux/connector.h>
#include <linux/netlink.h>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;
using Type = ProcConnectorEvent::Type;

namespace {

template <typename T> void appendRaw(QByteArray &bytes, const T &value)
{
    bytes.append(reinterpret_cast<const char *>(&value), sizeof(value));
}

// One netlink message as cn_netlink_send_mult() builds it: nlmsghdr, cn_msg, proc_event. `eventBytes` cuts the
// proc_event short (the connector length says so) to model older kernels or broken messages.
QByteArray message(const proc_event &event, quint32 seq, qsizetype eventBytes = sizeof(proc_event),
                   cb_id id = {CN_IDX_PROC, CN_VAL_PROC})
{
    cn_msg cn = {};
    cn.id = id;
    cn.seq = seq;
    cn.len = quint16(eventBytes);
    nlmsghdr header = {};
    header.nlmsg_len = NLMSG_LENGTH(sizeof(cn_msg) + eventBytes);
    header.nlmsg_type = NLMSG_DONE;
    header.nlmsg_seq = seq;
    QByteArray bytes;
    appendRaw(bytes, header);
    appendRaw(bytes, cn);
    bytes.append(reinterpret_cast<const char *>(&event), eventBytes);
    bytes.resize(NLMSG_ALIGN(bytes.size()), '\0');
    return bytes;
}

proc_event procEvent(quint32 what, quint32 cpu = 1, quint64 timestampNs = 5000000000ULL)
{
    proc_event e = {};
    e.what = static_cast<decltype(e.what)>(what);
    e.cpu = cpu;
    e.timestamp_ns = timestampNs;
    return e;
}

proc_event forkEvent(pid_t parent, pid_t childThread, pid_t childProcess)
{
    proc_event e = procEvent(proc_event::PROC_EVENT_FORK);
    e.event_data.fork = {parent, parent, childThread, childProcess};
    return e;
}

proc_event execEvent(pid_t pid)
{
    proc_event e = procEvent(proc_event::PROC_EVENT_EXEC);
    e.event_data.exec = {pid, pid};
    return e;
}

proc_event exitEvent(pid_t pid, quint32 status)
{
    proc_event e = procEvent(proc_event::PROC_EVENT_EXIT);
    e.event_data.exit = {pid, pid, status, 17, 1, 1};
    return e;
}

proc_event idEvent(quint32 what, pid_t pid, quint32 real, quint32 effective)
{
    proc_event e = procEvent(what);
    e.event_data.id.process_pid = pid;
    e.event_data.id.process_tgid = pid;
    e.event_data.id.r.ruid = real;
    e.event_data.id.e.euid = effective;
    return e;
}

ProcConnectorEvent expected(Type type, qint64 pid, quint32 seq)
{
    ProcConnectorEvent e;
    e.type = type;
    e.cpu = 1;
    e.seq = seq;
    e.timestampNs = 5000000000ULL;
    e.pid = pid;
    e.tgid = pid;
    return e;
}

} // namespace

class TestProcConnector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void events_data()
    {
        QTest::addColumn<QByteArray>("datagram");
        QTest::addColumn<ProcConnectorEvent>("event");

        ProcConnectorEvent e = expected(Type::Fork, 200, 7);
        e.what = proc_event::PROC_EVENT_FORK;
        e.parentPid = e.parentTgid = 100;
        QTest::newRow("fork") << message(forkEvent(100, 200, 200), 7) << e;

        e = expected(Type::Fork, 201, 8);
        e.what = proc_event::PROC_EVENT_FORK;
        e.parentPid = e.parentTgid = 100;
        e.tgid = 100;
        QTest::newRow("fork of a thread") << message(forkEvent(100, 201, 100), 8) << e;

        e = expected(Type::Exec, 200, 9);
        e.what = proc_event::PROC_EVENT_EXEC;
        QTest::newRow("exec") << message(execEvent(200), 9) << e;

        e = expected(Type::Exit, 200, 10);
        e.what = proc_event::PROC_EVENT_EXIT;
        e.exitCode = 7 << 8;
        e.exitSignal = 17;
        e.parentPid = e.parentTgid = 1;
        QTest::newRow("exit with code 7") << message(exitEvent(200, 7 << 8), 10) << e;

        e.exitCode = 9;
        QTest::newRow("exit by SIGKILL") << message(exitEvent(200, 9), 10) << e;

        e.exitCode = 11 | 0x80;
        QTest::newRow("exit by SIGSEGV, core dumped") << message(exitEvent(200, 11 | 0x80), 10) << e;

        e.exitCode = 0;
        e.parentPid = e.parentTgid = 0;
        QTest::newRow("exit from a kernel before 4.18 (no parent)") << message(exitEvent(200, 0), 10, 16 + 16) << e;

        e = expected(Type::Uid, 300, 11);
        e.what = proc_event::PROC_EVENT_UID;
        e.realId = 1000;
        e.effectiveId = 0;
        QTest::newRow("uid") << message(idEvent(proc_event::PROC_EVENT_UID, 300, 1000, 0), 11) << e;

        e = expected(Type::Gid, 300, 12);
        e.what = proc_event::PROC_EVENT_GID;
        e.realId = 65534;
        e.effectiveId = 65534;
        QTest::newRow("gid") << message(idEvent(proc_event::PROC_EVENT_GID, 300, 65534, 65534), 12) << e;

        proc_event ack = procEvent(proc_event::PROC_EVENT_NONE, 0, 0);
        ack.event_data.ack.err = EPERM;
        e = {};
        e.type = Type::Ack;
        e.seq = 42;
        e.ackError = EPERM;
        QTest::newRow("acknowledgement with error") << message(ack, 42) << e;

        e = expected(Type::Other, 0, 13);
        e.tgid = 0;
        e.what = 0x400;
        QTest::newRow("unknown type: only its sequence number")
            << message(procEvent(0x400), 13, 16) << e; // no payload at all: not read, so not an error
        e.what = proc_event::PROC_EVENT_COMM;
        QTest::newRow("comm: not used") << message(procEvent(proc_event::PROC_EVENT_COMM), 13) << e;
    }
    void events()
    {
        QFETCH(QByteArray, datagram);
        QFETCH(ProcConnectorEvent, event);
        auto parsed = parseProcConnectorMessage(datagram);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        QCOMPARE(parsed->size(), 1);
        QCOMPARE(parsed->first(), event);
    }

    void severalMessagesInOneDatagram()
    {
        const QByteArray datagram
            = message(forkEvent(100, 200, 200), 1) + message(execEvent(200), 2) + message(exitEvent(200, 3 << 8), 3);
        auto parsed = parseProcConnectorMessage(datagram);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        QCOMPARE(parsed->size(), 3);
        QCOMPARE(parsed->at(0).type, Type::Fork);
        QCOMPARE(parsed->at(1).type, Type::Exec);
        QCOMPARE(parsed->at(2).type, Type::Exit);
        QCOMPARE(parsed->at(2).exitCode, 3u << 8);
        QCOMPARE(parsed->at(2).seq, 3u);
    }

    void otherMessagesAreSkipped()
    {
        nlmsghdr noop = {};
        noop.nlmsg_len = NLMSG_HDRLEN;
        noop.nlmsg_type = NLMSG_NOOP;
        QByteArray datagram;
        appendRaw(datagram, noop);
        datagram += message(execEvent(5), 1, sizeof(proc_event), {CN_IDX_PROC + 1, CN_VAL_PROC}); // another connector
        auto parsed = parseProcConnectorMessage(datagram);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        QVERIFY(parsed->isEmpty());
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("datagram");
        QTest::addColumn<QString>("reason");
        const QByteArray good = message(execEvent(200), 1);
        auto withLength = [&](quint32 length) {
            QByteArray bytes = good;
            std::memcpy(bytes.data(), &length, sizeof(length));
            return bytes;
        };
        auto withCnLength = [&](quint16 length) {
            QByteArray bytes = good;
            std::memcpy(bytes.data() + NLMSG_HDRLEN + offsetof(cn_msg, len), &length, sizeof(length));
            return bytes;
        };
        nlmsghdr error = {};
        error.nlmsg_len = NLMSG_LENGTH(sizeof(nlmsgerr));
        error.nlmsg_type = NLMSG_ERROR;
        QByteArray errorMessage;
        appendRaw(errorMessage, error);
        appendRaw(errorMessage, nlmsgerr{-EPERM, {}});

        QTest::newRow("empty") << QByteArray() << u"byte 0: empty datagram"_s;
        QTest::newRow("shorter than a netlink header") << good.left(10) << u"byte 0: 10 bytes left"_s;
        QTest::newRow("nlmsg_len beyond the datagram") << good.left(60) << u"byte 0: nlmsg_len 76 outside 16 ... 60"_s;
        QTest::newRow("nlmsg_len below its header") << withLength(8) << u"nlmsg_len 8 outside"_s;
        QTest::newRow("no room for cn_msg") << withLength(NLMSG_HDRLEN + 10).left(NLMSG_HDRLEN + 10)
                                            << u"10 payload bytes, too few for a connector header"_s;
        QTest::newRow("connector length beyond the message") << withCnLength(200) << u"connector length 200 exceeds"_s;
        QTest::newRow("no room for the proc_event header") << withCnLength(8) << u"8 bytes, too few for a proc_event"_s;
        QTest::newRow("fork payload cut short")
            << message(forkEvent(1, 2, 2), 1, 16 + 12) << u"event type 0x1 needs 16 data bytes, has 12"_s;
        QTest::newRow("exit payload cut short")
            << message(exitEvent(2, 0), 1, 16 + 8) << u"needs 16 data bytes, has 8"_s;
        QTest::newRow("trailing garbage after a good message")
            << good + QByteArray("\x01\x02\x03\x04\x05", 5) << u"byte 76: 5 bytes left"_s;
        QTest::newRow("second message truncated")
            << good + message(execEvent(201), 2).left(40) << u"byte 76: nlmsg_len 76 outside 16 ... 40"_s;
        QTest::newRow("netlink error") << errorMessage
                                       << u"netlink error: %1"_s.arg(QString::fromLocal8Bit(std::strerror(EPERM)));
    }
    void malformed()
    {
        QFETCH(QByteArray, datagram);
        QFETCH(QString, reason);
        // A detached copy: any read past its end is a read past the heap block (visible under ASan/valgrind).
        const QByteArray exact(datagram.constData(), datagram.size());
        auto parsed = parseProcConnectorMessage(exact);
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().message.contains(reason), qPrintable(parsed.error().message));
        QVERIFY(parsed.error().message.startsWith(u"proc connector datagram, byte "_s));
    }

    void everyPrefixAndRandomBytesAreSafe()
    {
        const QByteArray datagram = message(forkEvent(100, 200, 200), 1)
            + message(idEvent(proc_event::PROC_EVENT_UID, 200, 1, 1), 2) + message(exitEvent(200, 0), 3);
        for (qsizetype n = 0; n <= datagram.size(); ++n) {
            const QByteArray prefix(datagram.constData(), n);
            auto parsed = parseProcConnectorMessage(prefix);
            const bool whole = n == 0 ? false : (n == 76 || n == 152 || n == datagram.size());
            QCOMPARE(bool(parsed), whole);
        }
        QRandomGenerator random(20240611);
        for (int i = 0; i < 20000; ++i) {
            QByteArray bytes = datagram;
            for (int flips = random.bounded(1, 6); flips > 0; --flips)
                bytes[random.bounded(bytes.size())] = char(random.bounded(256));
            const QByteArray exact(bytes.constData(), random.bounded(bytes.size() + 1));
            (void)parseProcConnectorMessage(exact); // must not crash or read outside; either result is fine
        }
    }

    void controlMessage()
    {
        const QByteArray listen = procConnectorControlMessage(true, 99, 4242);
        QCOMPARE(listen.size(), qsizetype(NLMSG_HDRLEN + sizeof(cn_msg) + sizeof(quint32)));
        nlmsghdr header;
        cn_msg cn;
        quint32 op = 0;
        std::memcpy(&header, listen.constData(), sizeof(header));
        std::memcpy(&cn, listen.constData() + NLMSG_HDRLEN, sizeof(cn));
        std::memcpy(&op, listen.constData() + NLMSG_HDRLEN + sizeof(cn_msg), sizeof(op));
        QCOMPARE(header.nlmsg_len, quint32(listen.size()));
        QCOMPARE(header.nlmsg_type, quint16(NLMSG_DONE));
        QCOMPARE(header.nlmsg_pid, 4242u);
        QCOMPARE(cn.id.idx, quint32(CN_IDX_PROC));
        QCOMPARE(cn.id.val, quint32(CN_VAL_PROC));
        QCOMPARE(cn.seq, 99u);
        QCOMPARE(cn.ack, 99u); // the kernel answers with ack 100
        QCOMPARE(cn.len, quint16(sizeof(quint32)));
        QCOMPARE(op, quint32(PROC_CN_MCAST_LISTEN));
        std::memcpy(&op, procConnectorControlMessage(false, 1, 1).constData() + NLMSG_HDRLEN + sizeof(cn_msg),
                    sizeof(op));
        QCOMPARE(op, quint32(PROC_CN_MCAST_IGNORE));
    }

    // Linux 6.6's struct proc_input: {mcast_op, event_type}, 8 bytes, which older kernels ignore by its length.
    void filteredControlMessage()
    {
        const quint32 types = proc_event::PROC_EVENT_UID | proc_event::PROC_EVENT_GID;
        const QByteArray listen = procConnectorControlMessage(true, 7, 11, types);
        QCOMPARE(listen.size(), qsizetype(NLMSG_HDRLEN + sizeof(cn_msg) + 2 * sizeof(quint32)));
        nlmsghdr header;
        cn_msg cn;
        quint32 input[2] = {};
        std::memcpy(&header, listen.constData(), sizeof(header));
        std::memcpy(&cn, listen.constData() + NLMSG_HDRLEN, sizeof(cn));
        std::memcpy(input, listen.constData() + NLMSG_HDRLEN + sizeof(cn_msg), sizeof(input));
        QCOMPARE(header.nlmsg_len, quint32(listen.size()));
        QCOMPARE(header.nlmsg_pid, 11u);
        QCOMPARE(cn.len, quint16(sizeof(input)));
        QCOMPARE(cn.ack, 7u);
        QCOMPARE(input[0], quint32(PROC_CN_MCAST_LISTEN));
        QCOMPARE(input[1], types);
        QCOMPARE(procConnectorControlMessage(true, 7, 11, 0), procConnectorControlMessage(true, 7, 11));
    }

    void sequenceGaps_data()
    {
        QTest::addColumn<QList<quint32>>("cpus");
        QTest::addColumn<QList<quint32>>("seqs");
        QTest::addColumn<QList<quint32>>("gaps");
        QTest::newRow("consecutive") << QList<quint32>{0, 0, 0} << QList<quint32>{5, 6, 7} << QList<quint32>{0, 0, 0};
        QTest::newRow("two missing") << QList<quint32>{0, 0} << QList<quint32>{5, 8} << QList<quint32>{0, 2};
        QTest::newRow("per CPU") << QList<quint32>{0, 1, 0, 1} << QList<quint32>{5, 100, 6, 102}
                                 << QList<quint32>{0, 0, 0, 1};
        QTest::newRow("wraps") << QList<quint32>{2, 2} << QList<quint32>{0xffffffffu, 0} << QList<quint32>{0, 0};
        QTest::newRow("backwards") << QList<quint32>{0, 0, 0} << QList<quint32>{9, 4, 5} << QList<quint32>{0, 0, 0};
    }

    void sequenceGaps()
    {
        QFETCH(QList<quint32>, cpus);
        QFETCH(QList<quint32>, seqs);
        QFETCH(QList<quint32>, gaps);
        ProcConnectorSequence sequence;
        for (qsizetype i = 0; i < cpus.size(); ++i) {
            ProcConnectorEvent event;
            event.type = Type::Fork;
            event.cpu = cpus[i];
            event.seq = seqs[i];
            QCOMPARE(sequence.note(event), gaps[i]);
        }
    }

    void sequenceIgnoresOldAcknowledgements()
    {
        ProcConnectorSequence sequence;
        ProcConnectorEvent event;
        event.type = Type::Fork;
        event.seq = 10;
        QCOMPARE(sequence.note(event), 0u);
        ProcConnectorEvent ack;
        ack.cpu = ~0u; // before Linux 6.6: the request's numbers, not the kernel's count
        ack.seq = 12345;
        QCOMPARE(sequence.note(ack), 0u);
        event.seq = 11;
        QCOMPARE(sequence.note(event), 0u);
        sequence.reset();
        event.seq = 20;
        QCOMPARE(sequence.note(event), 0u); // a new start after reset()
    }
};

QTEST_GUILESS_MAIN(TestProcConnector)
#include "tst_procconnector.moc"
