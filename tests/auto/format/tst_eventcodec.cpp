// SPDX-License-Identifier: GPL-3.0-or-later
// Event <-> JSON line round trips for every kind (FORMAT.md §2), byte strings (§2.3) and exact int64 values.
#include "archiveerror.h"
#include "eventcodec.h"
#include "sampleevents.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Flight::Format;
namespace Test = Flight::TestSupport;

Q_DECLARE_METATYPE(Flight::Format::Event)

class TestEventCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyKindHasARoundTripRow();
    void roundTrip_data();
    void roundTrip();
    void execArgvAndEnvUseBase64();
    void bytesForm_data();
    void bytesForm();
    void base64FormOfUtf8IsAccepted();
    void int64Exact_data();
    void int64Exact();
    void optionalMembersAreOmitted();
};

void TestEventCodec::everyKindHasARoundTripRow()
{
    QSet<QByteArray> covered;
    for (const Test::NamedEvent &sample : Test::sampleEvents()) {
        const QByteArray kind = kindName(sample.event);
        QVERIFY2(sample.name == kind || sample.name.startsWith(kind + ' '), sample.name.constData());
        covered.insert(kind);
    }
    const QList<QByteArray> all = allKindNames();
    QCOMPARE(all.size(), 14);
    // A kind added to EventBody without a row in sampleEvents() fails here.
    QCOMPARE(covered, QSet<QByteArray>(all.begin(), all.end()));
}

void TestEventCodec::roundTrip_data()
{
    QTest::addColumn<Event>("event");
    for (const Test::NamedEvent &sample : Test::sampleEvents())
        QTest::newRow(sample.name.constData()) << sample.event;
}

void TestEventCodec::roundTrip()
{
    QFETCH(Event, event);
    const QByteArray line = encodeEvent(event);
    QVERIFY(line.endsWith('\n'));
    QCOMPARE(line.count('\n'), 1);
    QVERIFY(!line.contains('\r'));
    QVERIFY(!line.contains("null"));
    // kind, ts and mono come first, in this order, written exactly.
    const QByteArray head = "{\"kind\":\"" + QByteArray(kindName(event)) + "\",\"ts\":" + QByteArray::number(event.ts)
        + ",\"mono\":" + QByteArray::number(event.mono) + ',';
    QVERIFY2(line.startsWith(head), line.constData());

    const auto decoded = decodeEvent(QByteArrayView(line).chopped(1));
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
    QCOMPARE(encodeEvent(*decoded), line);
    QVERIFY(*decoded == event);
    QCOMPARE(kindName(*decoded), kindName(event));
}

void TestEventCodec::execArgvAndEnvUseBase64()
{
    const auto samples = Test::sampleEvents();
    const auto exec = std::find_if(samples.begin(), samples.end(), [](const Test::NamedEvent &s) {
        return s.name == "proc.exec non-UTF-8 argv and env";
    });
    QVERIFY(exec != samples.end());
    const QByteArray line = encodeEvent(exec->event);
    auto b64 = [](const QByteArray &raw) { return "{\"b64\":\"" + raw.toBase64() + "\"}"; };
    QVERIFY2(line.contains(R"("argv":["sshd",)" + b64("caf\xe9.txt") + ',' + b64("\x80") + ','), line.constData());
    QVERIFY(line.contains("\"tab\\tquote\\\"backslash\\\\newline\\n\",\"\xe2\x82\xac\"],\"argv_truncated\":true,"));
    QVERIFY(line.contains(R"("cwd":)"
                          + b64("/home/al\xef"
                                "ce")
                          + ','));
    QVERIFY(line.contains(R"("env":{"LANG":)" + b64("de_DE.\xff")
                          + R"(,"SSH_CONNECTION":"192.0.2.7 51234 192.0.2.1 22"}})"));
    const auto decoded = decodeEvent(QByteArrayView(line).chopped(1));
    QVERIFY(decoded.ok());
    QCOMPARE(std::get<ProcExec>(decoded->body).argv.at(1), QByteArray("caf\xe9.txt"));
    QCOMPARE(std::get<ProcExec>(decoded->body).env.value(u"LANG"_s), QByteArray("de_DE.\xff"));
}

void TestEventCodec::bytesForm_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("json");
    auto b64 = [](const QByteArray &raw) { return "{\"b64\":\"" + raw.toBase64() + "\"}"; };
    QTest::newRow("ascii") << QByteArray("/etc/passwd") << QByteArray("\"/etc/passwd\"");
    QTest::newRow("valid multi-byte UTF-8")
        << QByteArray("/tmp/\xe2\x82\xac\xf0\x9f\x98\x80") << QByteArray("\"/tmp/\xe2\x82\xac\xf0\x9f\x98\x80\"");
    QTest::newRow("escaped control characters")
        << QByteArray("a\tb\x01\"\\\n\x7f") << QByteArray("\"a\\tb\\u0001\\\"\\\\\\n\x7f\"");
    QTest::newRow("latin-1") << QByteArray("caf\xe9") << QByteArray("{\"b64\":\"Y2Fm6Q==\"}");
    for (const char *bad : {"\x80", "\xc0\xaf", "\xed\xa0\x80", "\xe2\x82", "\xf4\x90\x80\x80", "\xf8\x88\x80\x80\x80",
                            "\xff\xfe", "ok\xc3"}) {
        const QByteArray raw(bad);
        QTest::addRow("invalid %s", raw.toHex(' ').constData()) << raw << b64(raw);
    }
}

void TestEventCodec::bytesForm()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, json);
    FileAccess access;
    access.proc = {10, 20};
    access.op = FileOp::Rename;
    access.path = raw;
    access.to = raw;
    const Event event{Test::kBaseTs, Test::kBaseMono, access};
    const QByteArray line = encodeEvent(event);
    QVERIFY2(line.contains("\"path\":" + json + ",\"to\":" + json + '}'), line.constData());
    const auto decoded = decodeEvent(QByteArrayView(line).chopped(1));
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
    const auto &back = std::get<FileAccess>(decoded->body);
    QCOMPARE(back.path, raw);
    QCOMPARE(back.to.value(), raw);
}

void TestEventCodec::base64FormOfUtf8IsAccepted()
{
    // Readers accept both forms and always yield the raw bytes, so a writer may use {"b64"} for any value.
    const QByteArray line = R"({"kind":"proc.exec","ts":5,"mono":6,"pid":7,"start":8,"ppid":1,"pstart":0,"comm":"sh",)"
                            R"("exe":{"b64":"L2Jpbi9zaA=="},"argv":["sh",{"b64":"LWM="},{"b64":""}],"uid":0,"euid":0,)"
                            R"("gid":0,"egid":0,"env":{"TERM":{"b64":"eHRlcm0="}}})";
    const auto decoded = decodeEvent(line);
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
    const auto &exec = std::get<ProcExec>(decoded->body);
    QCOMPARE(exec.exe.value(), QByteArray("/bin/sh"));
    QCOMPARE(exec.argv, (QList<QByteArray>{"sh", "-c", ""}));
    QCOMPARE(exec.env.value(u"TERM"_s), QByteArray("xterm"));
    // Written back canonically: plain strings.
    QVERIFY(encodeEvent(*decoded).contains(R"("exe":"/bin/sh","argv":["sh","-c",""])"));
}

void TestEventCodec::int64Exact_data()
{
    QTest::addColumn<qint64>("value");
    QTest::newRow("zero") << qint64(0);
    QTest::newRow("2^53 + 1") << qint64(9007199254740993LL);
    QTest::newRow("ts near 1.76e18") << Test::kBaseTs;
    QTest::newRow("ts near 1.76e18 + 1") << Test::kBaseTs + 1;
    QTest::newRow("int64 max") << std::numeric_limits<qint64>::max();
    QTest::newRow("int64 max - 1") << std::numeric_limits<qint64>::max() - 1;
}

void TestEventCodec::int64Exact()
{
    QFETCH(qint64, value);
    FileAccess access;
    access.proc = {1, value};
    access.op = FileOp::Open;
    access.path = "/x";
    access.ino = value;
    access.repeat = Repeat{value < 2 ? 2 : value, value, value};
    const Event event{value, value, access};
    const QByteArray line = encodeEvent(event);
    const QByteArray text = QByteArray::number(value);
    QVERIFY2(line.contains("\"ts\":" + text + ",\"mono\":" + text + ','), line.constData());
    QVERIFY(line.contains("\"last_ts\":" + text + ",\"last_mono\":" + text + '}'));
    const auto decoded = decodeEvent(QByteArrayView(line).chopped(1));
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
    QCOMPARE(decoded->ts, value);
    QCOMPARE(decoded->mono, value);
    const auto &back = std::get<FileAccess>(decoded->body);
    QCOMPARE(back.proc.start, value);
    QCOMPARE(back.ino.value(), value);
    QCOMPARE(back.repeat->lastTs, value);
    QCOMPARE(back.repeat->lastMono, value);
    QVERIFY(*decoded == event);
}

void TestEventCodec::optionalMembersAreOmitted()
{
    // Absent optional members and false flags are omitted, never null or false (FORMAT.md §2.1).
    ProcessImage image;
    image.proc = {2, 0};
    image.comm = u"kthreadd"_s;
    QCOMPARE(encodeEvent(Event{1, 2, ProcSnapshot{image}}),
             QByteArray(R"({"kind":"proc.snapshot","ts":1,"mono":2,"pid":2,"start":0,"ppid":0,"pstart":0,)"
                        R"("comm":"kthreadd","argv":[],"uid":0,"euid":0,"gid":0,"egid":0})"
                        "\n"));
    QCOMPARE(encodeEvent(Event{1, 2, ProcExit{{3, 4}, std::nullopt, std::nullopt, false}}),
             QByteArray("{\"kind\":\"proc.exit\",\"ts\":1,\"mono\":2,\"pid\":3,\"start\":4}\n"));
    QCOMPARE(encodeEvent(Event{1, 2,
                               RecorderLoss{u"net.ebpf"_s, 5, LossUnit::Events, std::nullopt, std::nullopt,
                                            std::nullopt, std::nullopt, std::nullopt}}),
             QByteArray("{\"kind\":\"rec.loss\",\"ts\":1,\"mono\":2,\"source\":\"net.ebpf\",\"count\":5}\n"));
    QCOMPARE(
        encodeEvent(Event{
            1, 2, NetEndpoint{std::nullopt, NetOp::Listen, Proto::Tcp, {u"::"_s, 22}, std::nullopt, std::nullopt}}),
        QByteArray(R"({"kind":"net.endpoint","ts":1,"mono":2,"op":"listen","proto":"tcp","laddr":"::","lport":22})"
                   "\n"));
}

QTEST_GUILESS_MAIN(TestEventCodec)
#include "tst_eventcodec.moc"
