// SPDX-License-Identifier: GPL-3.0-or-later
// The fast path of the event decoder (fasteventdecoder.h) against the full decoder: whatever the fast path accepts,
// the full decoder accepts as the same Event; the lines collectors write most are taken by the fast path; and
// near-misses of them (one byte deleted, replaced or inserted anywhere; hand-made ones of each rule) are either
// accepted identically by both or left to the full decoder, which rejects them with its own message.
#include "archiveerror.h"
#include "eventcodec.h"
#include "fasteventdecoder.h"
#include "sampleevents.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Flight::Format;

class TestEventFastPath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samplesAgree_data();
    void samplesAgree();
    void commonLinesTakeTheFastPath_data();
    void commonLinesTakeTheFastPath();
    void mutationsAgree_data();
    void mutationsAgree();
    void nearMissesAreRejected_data();
    void nearMissesAreRejected();
};

namespace {

const QByteArray kExec = R"({"kind":"proc.exec","ts":1760000000123456789,"mono":2,"pid":3,"start":4,"ppid":1,)"
                         R"("pstart":0,"comm":"sh","exe":"/bin/sh","argv":["sh","-c","echo \"a\\b\"\t\u0001"],)"
                         R"("argv_truncated":true,"cwd":"/","uid":0,"euid":0,"gid":0,"egid":0,"loginuid":1000,)"
                         R"("sessionid":3,"tty":"pts/1","cgroup":"/user.slice","exe_digest":)"
                         R"("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",)"
                         R"("stdio":"tty pipe none","exe_mode":35309,"env":{"HOME":"/root","LANG":"C"}})";
const QByteArray kFile = R"({"kind":"file.access","ts":1,"mono":2,"pid":3,"start":4,"op":"rename","path":"/a",)"
                         R"("to":"/b","dev":2049,"ino":7,"count":3,"last_ts":5,"last_mono":6})";
const QByteArray kNet = R"({"kind":"net.endpoint","ts":1,"mono":2,"pid":3,"start":4,"op":"connect","proto":"tcp",)"
                        R"("laddr":"10.0.0.2","lport":40000,"raddr":"2001:db8::1","rport":443})";
const QByteArray kExit = R"({"kind":"proc.exit","ts":1,"mono":2,"pid":3,"start":4,"code":0,"signal":9,"core":true})";
const QByteArray kFork = R"({"kind":"proc.fork","ts":1,"mono":2,"pid":3,"start":4,"ppid":1,"pstart":0,"comm":"x"})";
const QByteArray kCred = R"({"kind":"proc.cred","ts":1,"mono":2,"pid":3,"start":4,"uid":0,"euid":0,"gid":0,)"
                         R"("egid":0,"prev_uid":1,"prev_euid":1,"prev_gid":1,"prev_egid":1})";

// Fails the test unless the fast path's answer for `line` is the full decoder's, or no answer. Returns whether the
// fast path answered.
bool agrees(QByteArrayView line)
{
    const auto fast = decodeEventFast(line);
    if (!fast)
        return false;
    const auto full = decodeEventFull(line);
    if (!full) {
        QTest::qFail(qPrintable(u"fast path accepted what the full decoder rejects (%1): %2"_s.arg(
                         full.error().message, QString::fromLatin1(line.toByteArray().toPercentEncoding(" {}[]:,\"")))),
                     __FILE__, __LINE__);
        return true;
    }
    if (!(*full == *fast)) {
        QTest::qFail(qPrintable(u"fast path and full decoder disagree on: %1"_s.arg(
                         QString::fromLatin1(line.toByteArray().toPercentEncoding(" {}[]:,\"")))),
                     __FILE__, __LINE__);
    }
    return true;
}

} // namespace

void TestEventFastPath::samplesAgree_data()
{
    QTest::addColumn<QByteArray>("line");
    for (const auto &sample : Flight::TestSupport::sampleEvents()) {
        QByteArray line = encodeEvent(sample.event);
        line.chop(1);
        QTest::newRow(sample.name.constData()) << line;
    }
}

// Every kind, with and without optional members, non-ASCII text and b64 values: the fast path takes some, and
// whatever it takes decodes as the full decoder does.
void TestEventFastPath::samplesAgree()
{
    QFETCH(QByteArray, line);
    QVERIFY(decodeEventFull(line).ok());
    agrees(line);
    QVERIFY(decodeEvent(line).ok());
}

void TestEventFastPath::commonLinesTakeTheFastPath_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("proc.exec with every member") << kExec;
    QTest::newRow("file.access rename with repeat") << kFile;
    QTest::newRow("net.endpoint") << kNet;
    QTest::newRow("proc.exit") << kExit;
    QTest::newRow("proc.fork") << kFork;
    QTest::newRow("proc.cred") << kCred;
    QTest::newRow("spaces between tokens") << QByteArray(R"( { "kind" : "proc.exit" , "ts":1,	"mono":2,"pid":3,)"
                                                         R"("start":4 } )");
    QTest::newRow("members in another order")
        << QByteArray(R"({"start":4,"pid":3,"mono":2,"ts":1,"kind":"proc.exit"})");
    QTest::newRow("largest integer") << QByteArray(R"({"kind":"proc.exit","ts":9223372036854775807,"mono":2,)"
                                                   R"("pid":4194304,"start":4})");
    QTest::newRow("empty argv and env") << QByteArray(R"({"kind":"proc.exec","ts":1,"mono":2,"pid":3,"start":4,)"
                                                      R"("ppid":1,"pstart":0,"comm":"","argv":[],"uid":0,"euid":0,)"
                                                      R"("gid":0,"egid":0,"env":{}})");
    QTest::newRow("IPv6 address made canonical")
        << QByteArray(R"({"kind":"net.endpoint","ts":1,"mono":2,"op":"listen",)"
                      R"("proto":"udp","laddr":"2001:DB8:0::1","lport":53})");
}

void TestEventFastPath::commonLinesTakeTheFastPath()
{
    QFETCH(QByteArray, line);
    QVERIFY2(agrees(line), "the fast path left a common line to the full decoder");
}

void TestEventFastPath::mutationsAgree_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("proc.exec") << kExec;
    QTest::newRow("file.access") << kFile;
    QTest::newRow("net.endpoint") << kNet;
    QTest::newRow("proc.exit") << kExit;
    QTest::newRow("proc.fork") << kFork;
    QTest::newRow("proc.cred") << kCred;
}

// Each byte deleted, replaced by and preceded by each of a set of bytes that matter to JSON and to the rules.
void TestEventFastPath::mutationsAgree()
{
    QFETCH(QByteArray, line);
    static const QByteArray bytes("\"\\/{}[]:,. -+0189eEnulltrfaxu\t\r\x01\x7f\x80\xc3\xff");
    int taken = 0, tried = 0;
    const auto check = [&](const QByteArray &mutated) {
        ++tried;
        taken += agrees(mutated) ? 1 : 0;
    };
    for (qsizetype i = 0; i < line.size(); ++i) {
        check(QByteArray(line).remove(i, 1));
        for (const char b : bytes) {
            QByteArray replaced = line;
            replaced[i] = b;
            check(replaced);
            check(QByteArray(line).insert(i, b));
        }
        if (QTest::currentTestFailed())
            return;
    }
    // The fast path must still take the mutations that leave the line valid (a digit replaced by a digit...).
    qInfo("%d of %d mutations taken by the fast path", taken, tried);
    QVERIFY(taken > 0);
}

void TestEventFastPath::nearMissesAreRejected_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("error");
    const QByteArray exit = R"({"kind":"proc.exit","ts":1,"mono":2,"pid":3,"start":4)";
    const QByteArray file = R"({"kind":"file.access","ts":1,"mono":2,"pid":3,"start":4)";
    const QByteArray net = R"({"kind":"net.endpoint","ts":1,"mono":2,"op":"connect","proto":"tcp","lport":1)";
    const auto row = [](const char *name, const QByteArray &line, const char *error) {
        QTest::newRow(name) << line << QString::fromUtf8(error);
    };
    row("duplicate member", exit + R"(,"pid":3})", "duplicate member 'pid'");
    row("fraction", exit + R"(,"code":1.0})", "member 'code' is not an integer");
    row("exponent", exit + R"(,"code":1e0})", "member 'code' is not an integer");
    row("leading zero", exit + R"(,"code":01})", "malformed JSON");
    row("negative", exit + R"(,"code":-1})", "member 'code' is -1, expected 0..255");
    row("beyond int64", R"({"kind":"proc.exit","ts":9223372036854775808,"mono":2,"pid":3,"start":4})",
        "member 'ts' is not an integer");
    row("null", exit + R"(,"code":null})", "member 'code' is not an integer");
    row("string for integer", exit + R"(,"code":"1"})", "member 'code' is not an integer");
    row("unknown member", exit + R"(,"colour":1})", "unknown member 'colour'");
    row("member of another kind", exit + R"(,"path":"/x"})", "unknown member 'path'");
    row("missing start", R"({"kind":"proc.exit","ts":1,"mono":2,"pid":3})", "missing member 'start'");
    row("pid zero", R"({"kind":"proc.exit","ts":1,"mono":2,"pid":0,"start":4})", "member 'pid' is 0");
    row("signal out of range", exit + R"(,"signal":65})", "member 'signal' is 65, expected 1..64");
    row("core not a boolean", exit + R"(,"core":1})", "member 'core' is not a boolean");
    row("trailing garbage", exit + "}x", "malformed JSON");
    row("trailing comma", exit + ",}", "malformed JSON");
    row("carriage return", exit + "}\r", "carriage return");
    row("raw control character", file + ",\"op\":\"open\",\"path\":\"/a\x01\"}", "raw control character");
    row("NUL escape in a path", file + R"(,"op":"open","path":"/a\u0000"})", "contains a NUL byte");
    row("invalid escape", file + R"(,"op":"open","path":"/a\q"})", "invalid escape");
    row("unpaired surrogate", file + R"(,"op":"open","path":"/a\ud800"})", "unpaired surrogate");
    row("unknown op", file + R"(,"op":"frobnicate","path":"/a"})", "member 'op' has unknown value 'frobnicate'");
    row("rename without to", file + R"(,"op":"rename","path":"/a"})", "member 'to' is required for op 'rename'");
    row("to without rename", file + R"(,"op":"open","path":"/a","to":"/b"})", "member 'to' is required");
    row("half a repeat", file + R"(,"op":"open","path":"/a","count":2})", "must come together");
    row("repeat count 1", file + R"(,"op":"open","path":"/a","count":1,"last_ts":1,"last_mono":1})",
        "member 'count' is 1, expected 2..");
    row("bad address", net + R"(,"laddr":"10.0.0.256"})", "member 'laddr' is not an IP address");
    row("raddr without rport", net + R"(,"laddr":"10.0.0.1","raddr":"10.0.0.2"})", "must come together");
    row("pid without start", net + R"(,"laddr":"10.0.0.1","pid":3})", "must come together");
    row("port out of range", net + R"(,"laddr":"10.0.0.1","raddr":"10.0.0.2","rport":65536})",
        "member 'rport' is 65536, expected 0..65535");
    row("comm not a string",
        R"({"kind":"proc.fork","ts":1,"mono":2,"pid":3,"start":4,"ppid":1,)"
        R"("pstart":0,"comm":7})",
        "member 'comm' is not a string");
    row("comm too long",
        R"({"kind":"proc.fork","ts":1,"mono":2,"pid":3,"start":4,"ppid":1,"pstart":0,"comm":")" + QByteArray(65, 'x')
            + "\"}",
        "member 'comm' is longer than 64 bytes");
    row("exe digest in upper case",
        R"({"kind":"proc.exec","ts":1,"mono":2,"pid":3,"start":4,"ppid":1,"pstart":0,"comm":"sh","argv":["sh"],)"
        R"("uid":0,"euid":0,"gid":0,"egid":0,"exe_digest":")"
            + QByteArray(64, 'A') + "\"}",
        "member 'exe_digest' is not a 64-digit lowercase hex digest");
    row("stdio word unknown to FORMAT.md",
        R"({"kind":"proc.exec","ts":1,"mono":2,"pid":3,"start":4,"ppid":1,"pstart":0,"comm":"sh","argv":["sh"],)"
        R"("uid":0,"euid":0,"gid":0,"egid":0,"stdio":"tty tty fifo"})",
        "member 'stdio' is not three of the words of FORMAT.md");
    row("exe_mode beyond 16 bits",
        R"({"kind":"proc.exec","ts":1,"mono":2,"pid":3,"start":4,"ppid":1,"pstart":0,"comm":"sh","argv":["sh"],)"
        R"("uid":0,"euid":0,"gid":0,"egid":0,"exe_mode":65536})",
        "member 'exe_mode' is 65536, expected 0..65535");
    row("duplicate env name",
        R"({"kind":"proc.exec","ts":1,"mono":2,"pid":3,"start":4,"ppid":1,"pstart":0,"comm":"sh","argv":["sh"],)"
        R"("uid":0,"euid":0,"gid":0,"egid":0,"env":{"A":"1","A":"2"}})",
        "duplicate member 'A'");
    row("uid unset",
        R"({"kind":"proc.cred","ts":1,"mono":2,"pid":3,"start":4,"uid":4294967295,"euid":0,"gid":0,)"
        R"("egid":0,"prev_uid":1,"prev_euid":1,"prev_gid":1,"prev_egid":1})",
        "member 'uid' is 4294967295");
}

// Each breaks one rule of a line the fast path takes; the fast path leaves it, and decodeEvent() rejects it with
// the full decoder's message.
void TestEventFastPath::nearMissesAreRejected()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, error);
    QVERIFY(!decodeEventFast(line));
    const auto decoded = decodeEvent(line);
    QVERIFY(!decoded);
    QCOMPARE(reasonOf(decoded.error()), Reason::MalformedEvent);
    QVERIFY2(decoded.error().message.contains(error), qPrintable(decoded.error().message));
}

QTEST_GUILESS_MAIN(TestEventFastPath)
#include "tst_eventfastpath.moc"
