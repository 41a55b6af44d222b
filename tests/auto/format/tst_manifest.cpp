// SPDX-License-Identifier: GPL-3.0-or-later
// The manifest's JSON form (FORMAT.md §3): deterministic output, round trips, and every malformed input rejected
// with its reason.
#include "archiveerror.h"
#include "formatversion.h"
#include "manifest.h"
#include "sampleevents.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Flight::Format;
namespace Test = Flight::TestSupport;

Q_DECLARE_METATYPE(Flight::Format::Manifest)
Q_DECLARE_METATYPE(Flight::Format::Reason)

class TestManifest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exactJson();
    void roundTrip_data();
    void roundTrip();
    void malformed_data();
    void malformed();
};

namespace {

const QString kDigestA = u"a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"_s;
const QString kDigestB = u"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"_s;

Manifest sampleManifest()
{
    Manifest m;
    m.version = kFormatVersion;
    m.seq = 1;
    m.createdTs = Test::kBaseTs + 5;
    m.host = Test::sampleHeader().host;
    m.collector = Test::sampleHeader().collector;
    for (const Event &event : Test::mixedEvents(40))
        m.tally.add(event);
    m.entries = {{u"events.jsonl"_s, 12345, kDigestA}};
    m.signer = u"ed25519:11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="_s;
    return m;
}

Manifest encryptedManifest()
{
    Manifest m = sampleManifest();
    m.seq = 7;
    m.prevDigest = kDigestB;
    m.recovered = true;
    m.entries = {{u"events.jsonl.enc"_s, 99999, kDigestB}};
    m.encryption = Encryption{QString(kEncryptionScheme), u"x25519:3p7bfXt9wbTTW2HC7OQ1Nz+DQ8hbeGdNrfx+FG+IK08="_s,
                              QByteArray(80, '\x5a'), 1024};
    return m;
}

QByteArray sampleJson()
{
    return manifestToJson(sampleManifest());
}

QByteArray replaced(QByteArray json, QByteArrayView from, QByteArrayView to)
{
    // A row whose replacement does not apply would test nothing; fail loudly instead.
    if (!json.contains(from))
        qFatal("test row: '%s' is not in the sample manifest", from.toByteArray().constData());
    return json.replace(from.toByteArray(), to.toByteArray());
}

} // namespace

void TestManifest::exactJson()
{
    Manifest m;
    m.version = 1;
    m.seq = 2;
    m.prevDigest = kDigestA;
    m.createdTs = 1760000000000000001LL;
    m.host = HostInfo{u"0123456789abcdef0123456789abcdef"_s, u"h"_s, u"b"_s, u"k"_s, u"o"_s, 100, 5};
    m.collector.version = u"0.1.0"_s;
    m.collector.backends = {Backend{u"proc"_s, u"netlink"_s, true, u"bpf(): EPERM"_s}};
    m.collector.stats = {{u"rss_kb"_s, 7}};
    m.tally.add(Event{10, 20,
                      RecorderLoss{u"retention"_s, 2, LossUnit::Archives, std::nullopt, std::nullopt, std::nullopt,
                                   qint64(1), qint64(2)}});
    m.entries = {{u"events.jsonl"_s, 3, kDigestB}};
    m.signer = u"ed25519:x"_s;
    const QByteArray expected = R"({"format":"flightrec-archive","version":1,"seq":2,"prev_digest":")"
        + kDigestA.toLatin1()
        + R"(","recovered":false,"created_ts":1760000000000000001,"host":{"machine_id":"0123456789abcdef0123456789abcdef",)"
          R"("hostname":"h","boot_id":"b","kernel":"k","os":"o","clk_tck":100,"boot_ts":5},"collector":{"version":"0.1.0",)"
          R"("config_digest":"","scope":"host","backends":[{"source":"proc","backend":"netlink","degraded":true,"reason":"bpf(): EPERM"}],)"
          R"("stats":{"rss_kb":7}},"span":{"first_ts":10,"last_ts":10,"first_mono":20,"last_mono":20},"events":1,)"
          R"("counts":{"rec.loss":1},"losses":[{"source":"retention","count":2,"unit":"archives","first_ts":10,"last_ts":10}],)"
          R"("entries":[{"name":"events.jsonl","size":3,"digest":")"
        + kDigestB.toLatin1() + R"("}],"signer":"ed25519:x"})" + '\n';
    QCOMPARE(manifestToJson(m), expected);
}

void TestManifest::roundTrip_data()
{
    QTest::addColumn<Manifest>("manifest");
    QTest::newRow("plain, 40 events") << sampleManifest();
    QTest::newRow("encrypted, recovered, seq 7") << encryptedManifest();
    Manifest empty = sampleManifest();
    empty.tally = {};
    empty.collector = {};
    empty.entries = {{u"events.jsonl"_s, 0, u"0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8"_s}};
    QTest::newRow("no events, no backends") << empty;
}

void TestManifest::roundTrip()
{
    QFETCH(Manifest, manifest);
    const QByteArray json = manifestToJson(manifest);
    QVERIFY(json.startsWith(R"({"format":"flightrec-archive","version":4,)"));
    QVERIFY(json.endsWith("}\n"));
    QCOMPARE(json.count('\n'), 1);
    const auto back = manifestFromJson(json);
    QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message));
    QVERIFY(manifestFromJson(replaced(json, R"("version":4,)", R"("version":1,)")).ok()); // older versions are read
    QVERIFY(*back == manifest);
    QCOMPARE(back->encryption.has_value(), manifest.encryption.has_value());
    QCOMPARE(back->tally.span, manifest.tally.span);
    QCOMPARE(back->tally.counts, manifest.tally.counts);
    QCOMPARE(manifestToJson(*back), json);
}

void TestManifest::malformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<Reason>("reason");
    QTest::addColumn<QString>("expected");
    const QByteArray json = sampleJson();
    const QByteArray seq1 = R"("seq":1,"prev_digest":"")";
    auto row = [](const char *name, const QByteArray &bad, const QString &expected,
                  Reason reason = Reason::MalformedManifest) { QTest::newRow(name) << bad << reason << expected; };

    row("not JSON", "flightrec-archive v1", u"malformed manifest: not JSON"_s);
    row("empty", "", u"malformed manifest: not JSON"_s);
    row("truncated", json.first(json.size() / 2), u"malformed manifest: not JSON"_s);
    row("JSON array", "[" + json.trimmed() + "]", u"malformed manifest: not a JSON object"_s);
    row("wrong format name", replaced(json, "flightrec-archive", "flightrec-backup"),
        u"malformed manifest: 'format' is not 'flightrec-archive'"_s);
    row("missing format", replaced(json, R"("format":"flightrec-archive",)", ""),
        u"malformed manifest: 'format' is not 'flightrec-archive'"_s);
    row("unsupported version 5", replaced(json, R"("version":4,)", R"("version":5,)"),
        u"unsupported version 5 (this reader understands up to 4)"_s, Reason::UnsupportedVersion);
    row("version 0", replaced(json, R"("version":4,)", R"("version":0,)"), u"member 'version' is 0"_s);
    row("version as a string", replaced(json, R"("version":4,)", R"("version":"4",)"),
        u"member 'version' is not an integer"_s);
    row("version written 2.0", replaced(json, R"("version":4,)", R"("version":4.0,)"),
        u"member 'version' is not an integer"_s);
    row("missing seq", replaced(json, R"("seq":1,)", ""), u"malformed manifest: missing member 'seq'"_s);
    row("seq 0", replaced(json, R"("seq":1,)", R"("seq":0,)"), u"member 'seq' is 0"_s);
    row("prev_digest non-empty for seq 1",
        replaced(json, seq1, R"("seq":1,"prev_digest":")" + kDigestA.toLatin1() + '"'),
        u"'prev_digest' must be empty exactly when 'seq' is 1"_s);
    row("prev_digest empty for seq 2", replaced(json, seq1, R"("seq":2,"prev_digest":"")"),
        u"'prev_digest' must be empty exactly when 'seq' is 1"_s);
    row("prev_digest in upper case",
        replaced(json, seq1, R"("seq":2,"prev_digest":")" + kDigestA.toUpper().toLatin1() + '"'),
        u"member 'prev_digest' is not a 64-digit lowercase hex digest"_s);
    row("prev_digest too short", replaced(json, seq1, R"("seq":2,"prev_digest":"abcd")"),
        u"member 'prev_digest' is not a 64-digit lowercase hex digest"_s);
    row("entry digest not hex", replaced(json, kDigestA.toLatin1(), QByteArray(64, 'g')),
        u"entries[0]: member 'digest' is not a 64-digit lowercase hex digest"_s);
    row("unknown member", replaced(json, R"("recovered":false,)", R"("recovered":false,"comment":"hi",)"),
        u"malformed manifest: unknown member 'comment'"_s);
    row("duplicate member", replaced(json, R"("recovered":false,)", R"("recovered":false,"seq":1,)"),
        u"malformed manifest: duplicate member 'seq'"_s);
    row("recovered not a bool", replaced(json, R"("recovered":false,)", R"("recovered":0,)"),
        u"member 'recovered' is not a boolean"_s);
    row("lone surrogate in the hostname", replaced(json, R"("hostname":"web-01")", R"("hostname":"\ud800")"),
        u"malformed manifest: a string holds an unpaired surrogate '\\ud800'"_s);
    row("missing host member", replaced(json, R"("hostname":"web-01",)", ""), u"host: missing member 'hostname'"_s);
    row("unknown host member", replaced(json, R"("clk_tck":100,)", R"("clk_tck":100,"arch":"x86_64",)"),
        u"host: unknown member 'arch'"_s);
    row("host not an object",
        replaced(json, R"("host":{)", R"("host":[{)").replace(R"(},"collector")", R"(}],"collector")"),
        u"member 'host' is not an object"_s);
    row("backend without reason", replaced(json, R"(,"reason":""}])", "}]"), u"backends[0]: missing member 'reason'"_s);
    row("collector stat not an integer", replaced(json, R"({"events":42,)", R"({"events":"42",)"),
        u"stats member 'events' is not an integer"_s);
    row("count of 0", replaced(json, R"("proc.exec":)", R"("proc.exec":0,"x":)"),
        u"counts member 'proc.exec' is not a positive integer"_s);
    row("loss unit unknown", replaced(json, R"("unit":"events")", R"("unit":"bytes")"),
        u"losses[0]: member 'unit' is not 'events' or 'archives'"_s);
    row("missing entries", replaced(json, R"("entries":)", R"("entriez":)"), u"missing member 'entries'"_s);

    const QByteArray encrypted = manifestToJson(encryptedManifest());
    row("encryption with an unknown scheme", replaced(encrypted, "x25519-sealedbox/", "rsa/"),
        u"encryption: unknown scheme 'rsa/secretstream-xchacha20poly1305'"_s);
    row("chunk_size below 1024", replaced(encrypted, R"("chunk_size":1024)", R"("chunk_size":512)"),
        u"encryption: member 'chunk_size' is 512, expected 1024..1048576"_s);
    row("sealed_key not base64", replaced(encrypted, R"("sealed_key":"Wl)", R"("sealed_key":"*l)"),
        u"encryption: member 'sealed_key' is not base64"_s);
    row("encryption without recipient", replaced(encrypted, R"("recipient":)", R"("recipients":)"),
        u"encryption: missing member 'recipient'"_s);
}

void TestManifest::malformed()
{
    QFETCH(QByteArray, json);
    QFETCH(Reason, reason);
    QFETCH(QString, expected);
    const auto manifest = manifestFromJson(json);
    QVERIFY2(!manifest.ok(), json.constData());
    QCOMPARE(reasonOf(manifest.error()), reason);
    QVERIFY2(manifest.error().message.contains(expected), qPrintable(manifest.error().message));
    if (reason == Reason::MalformedManifest)
        QVERIFY(manifest.error().message.startsWith(u"malformed manifest: "_s));
}

QTEST_GUILESS_MAIN(TestManifest)
#include "tst_manifest.moc"
