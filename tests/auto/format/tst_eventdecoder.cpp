// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile event lines (FORMAT.md §2.1): every one is rejected with Reason::MalformedEvent and a message naming the
// member and the reason, and nothing crashes.
#include "archiveerror.h"
#include "eventcodec.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Flight::Format;

class TestEventDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void malformed_data();
    void malformed();
    void validBaseLinesDecode_data();
    void validBaseLinesDecode();
};

namespace {

// Valid lines that the rows below break one member at a time.
const QByteArray kExit = R"({"kind":"proc.exit","ts":1,"mono":2,"pid":3,"start":4)";
const QByteArray kExec = R"({"kind":"proc.exec","ts":1,"mono":2,"pid":3,"start":4,"ppid":1,"pstart":0,"comm":"sh",)"
                         R"("argv":["sh"],"uid":0,"euid":0,"gid":0,"egid":0)";
const QByteArray kFile = R"({"kind":"file.access","ts":1,"mono":2,"pid":3,"start":4)";
const QByteArray kNet = R"({"kind":"net.endpoint","ts":1,"mono":2,"op":"connect","proto":"tcp")";
const QByteArray kChange = R"({"kind":"state.change","ts":1,"mono":2,"check":"packages","severity":"high")";
const QByteArray kLoss = R"({"kind":"rec.loss","ts":1,"mono":2,"source":"proc.ebpf","count":3)";

QByteArray attributes(int count)
{
    QByteArray out;
    for (int i = 0; i < count; ++i)
        out += ",\"a" + QByteArray::number(i) + "\":" + QByteArray::number(i);
    return out;
}

QByteArray euros(int count)
{
    QByteArray out;
    for (int i = 0; i < count; ++i)
        out += "\xe2\x82\xac";
    return out;
}

void row(const char *name, const QByteArray &line, const QString &expected)
{
    QTest::newRow(name) << line << expected;
}

} // namespace

void TestEventDecoder::validBaseLinesDecode_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("proc.exit") << kExit + '}';
    QTest::newRow("proc.exec") << kExec + '}';
    QTest::newRow("file.access") << kFile + R"(,"op":"open","path":"/x"})";
    QTest::newRow("net.endpoint") << kNet + R"(,"laddr":"10.0.0.1","lport":1})";
    QTest::newRow("state.change") << kChange + R"(,"added":[{"id":"a"}]})";
    QTest::newRow("rec.loss") << kLoss + '}';
    QTest::newRow("state.change, item with 64 attributes")
        << kChange + R"(,"added":[{"id":"a")" + attributes(64) + "}]}";
    QTest::newRow("surrogate pair escapes")
        << QByteArray(R"({"kind":"rec.stop","ts":1,"mono":2,"reason":"\ud83d\ude00"})");
    QTest::newRow("proc.exec, comm of 64 bytes in 21 characters")
        << QByteArray(kExec).replace("\"sh\",\"argv\"", "\"" + euros(21) + "x\",\"argv\"") + '}';
}

void TestEventDecoder::validBaseLinesDecode()
{
    // Proves that each malformed row below fails for the one thing it changes.
    QFETCH(QByteArray, line);
    const auto decoded = decodeEvent(line);
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
}

void TestEventDecoder::malformed_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("expected");

    // JSON level
    row("empty line", "", u"malformed JSON"_s);
    row("not JSON", "kind=proc.exit", u"malformed JSON"_s);
    row("truncated object", kExit, u"malformed JSON"_s);
    row("trailing garbage", kExit + "} x", u"malformed JSON"_s);
    row("JSON array, not object", R"([{"kind":"proc.exit"}])", u"not a JSON object"_s);
    row("JSON string, not object", R"("proc.exit")", u"malformed JSON"_s);
    row("nesting deeper than 8", R"({"kind":"rec.heartbeat","ts":1,"mono":2,"stats":{"a":[[[[[[[[1]]]]]]]]}})",
        u"nesting deeper than 8"_s);
    row("deep nesting inside a string is fine, the member is not",
        R"({"kind":"rec.stop","ts":1,"mono":2,"reason":"[[[[[[[[[[","x":1})", u"unknown member 'x'"_s);
    row("duplicate member", kExit + R"(,"pid":5})", u"duplicate member 'pid'"_s);
    row("duplicate member spelled with an escape", kExit + R"(,"\u0070id":5})", u"duplicate member 'pid'"_s);
    row("duplicate member in a nested object", R"({"kind":"rec.heartbeat","ts":1,"mono":2,"stats":{"a":1,"a":2}})",
        u"duplicate member 'a'"_s);

    row("lone high surrogate", R"({"kind":"rec.stop","ts":1,"mono":2,"reason":"a\ud800b"})",
        u"unpaired surrogate '\\ud800'"_s);
    row("lone low surrogate in a member name", R"({"kind":"rec.heartbeat","ts":1,"mono":2,"stats":{"\udc00":1}})",
        u"unpaired surrogate '\\udc00'"_s);
    row("high surrogate before a non-surrogate", R"({"kind":"rec.stop","ts":1,"mono":2,"reason":"\uD83D\u0041"})",
        u"unpaired surrogate '\\uD83D'"_s);
    row("surrogates in the wrong order", R"({"kind":"rec.stop","ts":1,"mono":2,"reason":"\ude00\ud83d"})",
        u"unpaired surrogate '\\ude00'"_s);
    row("surrogate encoded in raw UTF-8", "{\"kind\":\"rec.stop\",\"ts\":1,\"mono\":2,\"reason\":\"\xed\xa0\x80\"}",
        u"malformed JSON"_s);

    // kind, ts, mono
    row("missing kind", R"({"ts":1,"mono":2})", u"missing member 'kind'"_s);
    row("kind not a string", R"({"kind":7,"ts":1,"mono":2})", u"missing member 'kind'"_s);
    row("unknown kind", R"({"kind":"proc.teleport","ts":1,"mono":2})", u"unknown kind 'proc.teleport'"_s);
    row("missing ts", R"({"kind":"rec.stop","mono":2,"reason":"signal"})", u"rec.stop: missing member 'ts'"_s);
    row("negative mono", R"({"kind":"rec.stop","ts":1,"mono":-2,"reason":"signal"})",
        u"member 'mono' is -2, expected 0..9223372036854775807"_s);
    row("ts beyond int64", R"({"kind":"rec.stop","ts":9223372036854775808,"mono":2,"reason":"signal"})",
        u"member 'ts' is not an integer"_s);
    row("ts as string", R"({"kind":"rec.stop","ts":"1","mono":2,"reason":"signal"})",
        u"member 'ts' is not an integer"_s);

    // members
    row("unknown member", kExit + R"(,"colour":"red"})", u"proc.exit: unknown member 'colour'"_s);
    row("missing member", R"({"kind":"proc.exit","ts":1,"mono":2,"pid":3})", u"missing member 'start'"_s);
    row("null member", kExit + R"(,"code":null})", u"member 'code' is not an integer"_s);
    row("wrong type: bool as int", kExit + R"(,"core":1})", u"member 'core' is not a boolean"_s);
    row("wrong type: argv not array",
        R"({"kind":"proc.exec","ts":1,"mono":2,"pid":3,"start":4,"ppid":1,)"
        R"("pstart":0,"comm":"sh","argv":"sh","uid":0,"euid":0,"gid":0,"egid":0})",
        u"member 'argv' is not an array"_s);
    row("pid 0", R"({"kind":"proc.exit","ts":1,"mono":2,"pid":0,"start":4})",
        u"member 'pid' is 0, expected 1..4194304"_s);
    row("pid above PID_MAX_LIMIT", R"({"kind":"proc.exit","ts":1,"mono":2,"pid":4194305,"start":4})",
        u"member 'pid' is 4194305, expected 1..4194304"_s);
    row("fractional number", R"({"kind":"proc.exit","ts":1,"mono":2,"pid":1.5,"start":4})",
        u"member 'pid' is not an integer"_s);
    row("integer written with a fraction", R"({"kind":"proc.exit","ts":1,"mono":2,"pid":3.0,"start":4})",
        u"not a JSON integer"_s);
    row("integer written with an exponent", R"({"kind":"proc.exit","ts":1,"mono":2,"pid":3,"start":4e2})",
        u"not a JSON integer"_s);
    row("ts that only survives as a double", R"({"kind":"rec.stop","ts":1760000000000000001.0,"mono":2,"reason":"x"})",
        u"not a JSON integer"_s);
    row("exit code out of range", kExit + R"(,"code":256})", u"member 'code' is 256, expected 0..255"_s);
    row("signal 0", kExit + R"(,"signal":0})", u"member 'signal' is 0, expected 1..64"_s);
    row("uid unset value", kExec + R"(,"loginuid":4294967295})", u"member 'loginuid' is 4294967295"_s);
    row("comm longer than 64 bytes",
        QByteArray(kExec).replace("\"sh\",\"argv\"", "\"" + QByteArray(65, 'c') + "\",\"argv\"") + '}',
        u"member 'comm' is longer than 64 bytes"_s);
    row("comm of 22 three-byte characters",
        QByteArray(kExec).replace("\"sh\",\"argv\"", "\"" + euros(22) + "\",\"argv\"") + '}',
        u"member 'comm' is longer than 64 bytes"_s);
    row("exe_digest not hex", kExec + R"(,"exe_digest":"ABCDEF"})", u"'exe_digest' is not a 64-digit lowercase hex"_s);
    row("stdio of two words", kExec + R"(,"stdio":"tty tty"})", u"'stdio' is not three of the words"_s);
    row("stdio with two spaces", kExec + R"(,"stdio":"tty  tty tty"})", u"'stdio' is not three of the words"_s);
    row("stdio not a string", kExec + R"(,"stdio":["tty","tty","tty"]})", u"member 'stdio' is not a string"_s);
    row("exe_mode negative", kExec + R"(,"exe_mode":-1})", u"member 'exe_mode' is -1, expected 0..65535"_s);
    row("env value not bytes", kExec + R"(,"env":{"TERM":1}})", u"env 'TERM' is neither a string nor"_s);

    // byte strings
    row("bad base64", kFile + R"(,"op":"open","path":{"b64":"!!!!"}})", u"member 'path' has invalid base64"_s);
    row("b64 object with a second member", kFile + R"(,"op":"open","path":{"b64":"eA==","x":1}})",
        u"member 'path' is neither a string nor {\"b64\": ...}"_s);
    row("NUL in base64 bytes", kFile + R"(,"op":"open","path":{"b64":"YQBi"}})",
        u"member 'path' contains a NUL byte"_s);
    row("NUL in string bytes", kFile + R"(,"op":"open","path":"a\u0000b"})", u"member 'path' contains a NUL byte"_s);
    row("NUL in argv", QByteArray(kExec).replace(R"(["sh"])", R"(["s\u0000h"])") + '}',
        u"argv[0] contains a NUL byte"_s);

    // file.access
    row("unknown file op", kFile + R"(,"op":"chmod","path":"/x"})", u"member 'op' has unknown value 'chmod'"_s);
    row("rename without to", kFile + R"(,"op":"rename","path":"/x"})",
        u"member 'to' is required for op 'rename' and only for it"_s);
    row("to without rename", kFile + R"(,"op":"write","path":"/x","to":"/y"})",
        u"member 'to' is required for op 'rename' and only for it"_s);
    row("count without last_ts", kFile + R"(,"op":"open","path":"/x","count":2})",
        u"members 'count', 'last_ts' and 'last_mono' must come together"_s);
    row("last_ts without count", kFile + R"(,"op":"open","path":"/x","last_ts":2,"last_mono":2})",
        u"members 'count', 'last_ts' and 'last_mono' must come together"_s);
    row("count 1", kFile + R"(,"op":"open","path":"/x","count":1,"last_ts":2,"last_mono":2})",
        u"member 'count' is 1, expected 2.."_s);

    // net.endpoint
    row("bad IPv4", kNet + R"(,"laddr":"10.0.0.256","lport":1})", u"member 'laddr' is not an IP address"_s);
    row("bad IPv6", kNet + R"(,"laddr":"2001:db8:::1","lport":1})", u"member 'laddr' is not an IP address"_s);
    row("host name, not IP", kNet + R"(,"laddr":"localhost","lport":1})", u"member 'laddr' is not an IP address"_s);
    row("port out of range", kNet + R"(,"laddr":"10.0.0.1","lport":65536})",
        u"member 'lport' is 65536, expected 0..65535"_s);
    row("raddr without rport", kNet + R"(,"laddr":"10.0.0.1","lport":1,"raddr":"10.0.0.2"})",
        u"members 'raddr' and 'rport' must come together"_s);
    row("pid without start",
        R"({"kind":"net.endpoint","ts":1,"mono":2,"pid":5,"op":"bind","proto":"udp",)"
        R"("laddr":"::1","lport":1})",
        u"members 'pid' and 'start' must come together"_s);
    row("unknown proto",
        R"({"kind":"net.endpoint","ts":1,"mono":2,"op":"bind","proto":"sctp","laddr":"::1","lport":1})",
        u"member 'proto' has unknown value 'sctp'"_s);

    // state.snapshot and state.change
    row("empty state.change", kChange + "}", u"a change with nothing added, removed or changed"_s);
    row("empty lists in state.change", kChange + R"(,"added":[],"removed":[],"changed":[]})",
        u"a change with nothing added, removed or changed"_s);
    row("duplicate item id", kChange + R"(,"added":[{"id":"a"},{"id":"b"},{"id":"a"}]})", u"added[2] repeats id 'a'"_s);
    row("item with 65 attributes", kChange + R"(,"added":[{"id":"a")" + attributes(65) + "}]}",
        u"added[0] has more than 64 attributes"_s);
    row("item without id", kChange + R"(,"removed":[{"name":"a"}]})", u"removed[0] has no valid 'id'"_s);
    row("item that is not an object", kChange + R"(,"removed":["a"]})", u"removed[0] is not an object"_s);
    row("item attribute that is an array", kChange + R"(,"added":[{"id":"a","map_ids":[1,2]}]})",
        u"added[0] attribute 'map_ids' is not a string, integer or boolean"_s);
    row("item attribute that is null", kChange + R"(,"added":[{"id":"a","x":null}]})",
        u"added[0] attribute 'x' is not a string, integer or boolean"_s);
    row("changed without before", kChange + R"(,"changed":[{"id":"a","after":{"id":"a"}}]})",
        u"changed[0].before has no valid 'id'"_s);
    row("changed with an unknown member",
        kChange + R"(,"changed":[{"id":"a","before":{"id":"a"},"after":{"id":"a"},"why":1}]})",
        u"changed[0]: unknown member 'why'"_s);
    row("unknown check", R"({"kind":"state.snapshot","ts":1,"mono":2,"check":"firmware","items":[]})",
        u"unknown check 'firmware'"_s);
    row("unknown severity",
        R"({"kind":"state.change","ts":1,"mono":2,"check":"bpf","severity":"urgent","added":[{"id":"1"}]})",
        u"member 'severity' has unknown value 'urgent'"_s);
    row("snapshot without items", R"({"kind":"state.snapshot","ts":1,"mono":2,"check":"bpf"})",
        u"missing member 'items'"_s);
    row("severity in a snapshot",
        R"({"kind":"state.snapshot","ts":1,"mono":2,"check":"bpf","severity":"low","items":[]})",
        u"unknown member 'severity'"_s);

    // host.kmsg and rec.*
    row("raw control character in a string", "{\"kind\":\"rec.stop\",\"ts\":1,\"mono\":2,\"reason\":\"a\tb\"}",
        u"a string holds a raw control character (0x09)"_s);
    row("unknown escape", R"({"kind":"rec.stop","ts":1,"mono":2,"reason":"a\qb"})", u"a string holds an invalid escape '\\q'"_s);
    row("short unicode escape", R"({"kind":"rec.stop","ts":1,"mono":2,"reason":"a\u12"})",
        u"a string holds an invalid escape '\\u'"_s);
    row("carriage return between members", "{\"kind\":\"rec.stop\",\r\"ts\":1,\"mono\":2,\"reason\":\"x\"}",
        u"a carriage return outside a string"_s);
    row("kmsg level 8", R"({"kind":"host.kmsg","ts":1,"mono":2,"seq":1,"level":8,"text":"x"})",
        u"member 'level' is 8, expected 0..7"_s);
    row("kmsg text longer than 8 KiB",
        R"({"kind":"host.kmsg","ts":1,"mono":2,"seq":1,"level":3,"text":")" + QByteArray(8193, 'k') + "\"}",
        u"member 'text' is longer than 8192 bytes"_s);
    row("backend that is not an object", R"({"kind":"rec.start","ts":1,"mono":2,"version":"1","pid":9,"backends":[7]})",
        u"backends[0]"_s);
    row("backend without degraded",
        R"({"kind":"rec.start","ts":1,"mono":2,"version":"1","pid":9,)"
        R"("backends":[{"source":"proc","backend":"ebpf","reason":""}]})",
        u"backends[0]: missing member 'degraded'"_s);
    row("heartbeat stat not an integer", R"({"kind":"rec.heartbeat","ts":1,"mono":2,"stats":{"cpu_ms":"12"}})",
        u"stats member 'cpu_ms' is not a named integer"_s);
    row("loss count 0", R"({"kind":"rec.loss","ts":1,"mono":2,"source":"x","count":0})", u"member 'count' is 0"_s);
    row("loss last_ts without last_mono", kLoss + R"(,"last_ts":5})", u"come in pairs"_s);
    row("loss first_seq without last_seq", kLoss + R"(,"unit":"archives","first_seq":5})", u"come in pairs"_s);
    row("loss unknown unit", kLoss + R"(,"unit":"bytes"})", u"member 'unit' has unknown value 'bytes'"_s);
}

void TestEventDecoder::malformed()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, expected);
    const auto decoded = decodeEvent(line);
    QVERIFY2(!decoded.ok(), line.constData());
    QCOMPARE(Flight::Format::reasonOf(decoded.error()), Reason::MalformedEvent);
    QVERIFY2(decoded.error().message.contains(expected), qPrintable(decoded.error().message));
}

QTEST_GUILESS_MAIN(TestEventDecoder)
#include "tst_eventdecoder.moc"
