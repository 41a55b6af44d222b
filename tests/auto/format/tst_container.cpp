// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile containers crafted with QuaZip (FORMAT.md §1, §6): wrong, unsafe, duplicate, missing and oversized
// entries, and correctly signed manifests that do not describe their events. Each is rejected with its reason.
#include "archiveerror.h"
#include "digest.h"
#include "eventcodec.h"
#include "formatversion.h"
#include "sampleevents.h"
#include "verify.h"
#include "ziptools.h"

#include <QTemporaryDir>
#include <QTest>
#include <functional>

using namespace Qt::StringLiterals;
using namespace Flight::Format;
namespace Test = Flight::TestSupport;
using Flight::TestSupport::ZipEntry;

Q_DECLARE_METATYPE(Flight::Format::Reason)
Q_DECLARE_METATYPE(Flight::Format::ReaderLimits)
Q_DECLARE_METATYPE(Flight::TestSupport::ZipEntry)

class TestContainer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hostile_data();
    void hostile();
    void limits_data();
    void limits();

private:
    // A file named after the data row, so that a failure message points at it.
    QString archivePath() const
    {
        QString name = QString::fromLatin1(QTest::currentDataTag());
        for (QChar &c : name) {
            if (!c.isLetterOrNumber())
                c = u'_';
        }
        return m_dir.filePath(name + u".frec"_s);
    }

    QTemporaryDir m_dir;
};

namespace {

const SigningKey &signingKey()
{
    static const SigningKey key = SigningKey::generate();
    return key;
}

QByteArray goodEvents()
{
    QByteArray lines;
    for (const Event &event : Test::mixedEvents(40)) // every kind, losses too
        lines += encodeEvent(event);
    return lines;
}

// manifest.json and manifest.sig for `events`, signed with signingKey(): correct unless `edit` changes it. The
// tally counts the lines that decode, so an archive with one bad line still has a plausible manifest.
QList<ZipEntry> signedEntries(const QByteArray &events, const std::function<void(Manifest &)> &edit = {},
                              const QString &eventsName = QString(kEventsEntry))
{
    Manifest m;
    m.version = kFormatVersion;
    m.seq = 1;
    m.createdTs = Test::kBaseTs;
    m.host = Test::sampleHeader().host;
    m.collector = Test::sampleHeader().collector;
    for (const QByteArray &line : events.split('\n')) {
        if (const auto event = decodeEvent(line))
            m.tally.add(*event);
    }
    m.entries = {{eventsName, events.size(), Blake2b256::hexHash(events)}};
    m.signer = signingKey().publicKey().toText();
    if (edit)
        edit(m);
    const QByteArray json = manifestToJson(m);
    return {{QString(kManifestEntry), json}, {QString(kSignatureEntry), signingKey().sign(json)}};
}

QList<ZipEntry> archive(const QByteArray &events, const std::function<void(Manifest &)> &edit = {})
{
    return QList<ZipEntry>{{QString(kEventsEntry), events, 8}} + signedEntries(events, edit);
}

} // namespace

void TestContainer::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestContainer::hostile_data()
{
    QTest::addColumn<QList<ZipEntry>>("entries");
    QTest::addColumn<Reason>("reason");
    QTest::addColumn<QString>("expected"); // the whole message after "<path>: ", or a prefix ending in "..."
    const QByteArray events = goodEvents();
    const QList<ZipEntry> good = archive(events);
    const ZipEntry eventsEntry = good[0], manifest = good[1], signature = good[2];
    auto row = [](const char *name, const QList<ZipEntry> &entries, Reason reason, const QString &expected) {
        QTest::newRow(name) << entries << reason << expected;
    };

    // Control rows: the crafting itself is right, so every other row fails for the one thing it changes.
    row("valid, events deflated", good, Reason::Unspecified, QString());
    row("valid, all stored, other order", QList<ZipEntry>{signature, manifest, {eventsEntry.name, events, 0}},
        Reason::Unspecified, QString());

    // Entries
    row("extra entry", good + QList<ZipEntry>{{u"README"_s, "hi"}}, Reason::UnexpectedEntry,
        u"unexpected entry 'README'"_s);
    row("entry named ../evil", QList<ZipEntry>{{u"../evil"_s, "x"}} + good, Reason::UnsafeEntryName,
        u"unsafe entry name '../evil'"_s);
    row("entry in a directory", good + QList<ZipEntry>{{u"a/b"_s, "x"}}, Reason::UnsafeEntryName,
        u"unsafe entry name 'a/b'"_s);
    row("directory entry", good + QList<ZipEntry>{{u"events/"_s, ""}}, Reason::UnsafeEntryName,
        u"unsafe entry name 'events/'"_s);
    row("backslash", good + QList<ZipEntry>{{u"a\\b"_s, "x"}}, Reason::UnsafeEntryName, u"unsafe entry name 'a\\b'"_s);
    row("leading dot", good + QList<ZipEntry>{{u".manifest.json"_s, "x"}}, Reason::UnsafeEntryName,
        u"unsafe entry name '.manifest.json'"_s);
    row("duplicate manifest.json", good + QList<ZipEntry>{manifest}, Reason::DuplicateEntry,
        u"duplicate entry 'manifest.json'"_s);
    row("duplicate events.jsonl", QList<ZipEntry>{eventsEntry} + good, Reason::DuplicateEntry,
        u"duplicate entry 'events.jsonl'"_s);
    row("missing manifest.sig", QList<ZipEntry>{eventsEntry, manifest}, Reason::MissingEntry,
        u"missing entry 'manifest.sig'"_s);
    row("missing manifest.json", QList<ZipEntry>{eventsEntry, signature}, Reason::MissingEntry,
        u"missing entry 'manifest.json'"_s);
    row("missing events", QList<ZipEntry>{manifest, signature}, Reason::MissingEntry,
        u"missing entry 'events.jsonl'"_s);
    row("both events entries", good + QList<ZipEntry>{{u"events.jsonl.enc"_s, "x"}}, Reason::UnexpectedEntry,
        u"unexpected entry 'events.jsonl.enc': the archive has both events entries"_s);
    row("bzip2", QList<ZipEntry>{{eventsEntry.name, events, 12}, manifest, signature}, Reason::UnsupportedCompression,
        u"unsupported compression in 'events.jsonl': method 12"_s);
    row("zip encryption", QList<ZipEntry>{eventsEntry, manifest, {signature.name, signature.data, 0, "secret"}},
        Reason::UnsupportedCompression, u"unsupported compression in 'manifest.sig': zip encryption"_s);

    // Manifest and signature
    row("signature of 63 bytes", QList<ZipEntry>{eventsEntry, manifest, {signature.name, signature.data.chopped(1)}},
        Reason::BadSignature,
        u"bad signature: manifest.sig does not verify manifest.json under signer "_s
            + signingKey().publicKey().fingerprint());
    row("signature of 65 bytes", QList<ZipEntry>{eventsEntry, manifest, {signature.name, signature.data + 'x'}},
        Reason::OversizedEntry, u"oversized entry 'manifest.sig': 65 bytes, the limit is 64"_s);
    row("signature by another key",
        QList<ZipEntry>{eventsEntry, manifest, {signature.name, SigningKey::generate().sign(manifest.data)}},
        Reason::BadSignature, u"bad signature: ..."_s);
    row("manifest changed after signing",
        QList<ZipEntry>{eventsEntry, {manifest.name, QByteArray(manifest.data).replace("web-01", "web-02")}, signature},
        Reason::BadSignature, u"bad signature: ..."_s);
    row("signer is not a key", archive(events, [](Manifest &m) { m.signer = u"ed25519:AAAA"_s; }),
        Reason::MalformedManifest, u"malformed manifest: 'signer' is not an Ed25519 public key"_s);
    row("signed manifest of a newer version", archive(events, [](Manifest &m) { m.version = kFormatVersion + 1; }),
        Reason::UnsupportedVersion,
        u"unsupported version %1 (this reader understands up to %2)"_s.arg(kFormatVersion + 1).arg(kFormatVersion));
    row("manifest lists another entry", archive(events, [](Manifest &m) { m.entries[0].name = u"events.csv"_s; }),
        Reason::MalformedManifest, u"malformed manifest: 'entries' does not list exactly 'events.jsonl'"_s);
    row("manifest lists two entries", archive(events, [](Manifest &m) { m.entries.append(m.entries[0]); }),
        Reason::MalformedManifest, u"malformed manifest: 'entries' does not list exactly 'events.jsonl'"_s);
    row("encrypted entry, manifest without encryption",
        QList<ZipEntry>{{u"events.jsonl.enc"_s, events}} + signedEntries(events, {}, u"events.jsonl.enc"_s),
        Reason::MalformedManifest,
        u"malformed manifest: 'events.jsonl.enc' does not agree with the manifest's 'encryption'"_s);

    // Signed manifests that do not describe the events
    row("entry digest mismatch",
        archive(events, [](Manifest &m) { m.entries[0].digest = Blake2b256::hexHash("other events"); }),
        Reason::DigestMismatch, u"entry digest mismatch in 'events.jsonl'"_s);
    row("manifest claims fewer bytes", archive(events, [](Manifest &m) { m.entries[0].size -= 1; }),
        Reason::SizeMismatch,
        u"entry size mismatch in 'events.jsonl': longer than the manifest's %1 bytes"_s.arg(events.size() - 1));
    row("manifest claims more bytes", archive(events, [](Manifest &m) { m.entries[0].size += 1; }),
        Reason::SizeMismatch,
        u"entry size mismatch in 'events.jsonl': %1 bytes, the manifest says %2"_s.arg(events.size())
            .arg(events.size() + 1));
    row("manifest counts one event too many", archive(events, [](Manifest &m) { ++m.tally.events; }),
        Reason::ManifestMismatch, u"manifest does not match events: the manifest says 41 events, the entry has 40"_s);
    row("manifest counts per kind differ", archive(events, [](Manifest &m) { ++m.tally.counts[u"proc.exec"_s]; }),
        Reason::ManifestMismatch, u"manifest does not match events: the counts per kind differ"_s);
    row("manifest span differs", archive(events, [](Manifest &m) { m.tally.span.lastMono += 1; }),
        Reason::ManifestMismatch, u"manifest does not match events: the time span differs"_s);
    row("manifest hides a loss", archive(events, [](Manifest &m) { m.tally.losses.clear(); }), Reason::ManifestMismatch,
        u"manifest does not match events: the losses differ"_s);

    // Lines, in correctly signed archives whose digests match
    QList<QByteArray> lines = events.split('\n');
    lines[2] = R"({"kind":"proc.exit","ts":1,"mono":2,"pid":0,"start":4})";
    const QByteArray badLine3 = lines.join('\n');
    row("malformed event on line 3", archive(badLine3), Reason::MalformedEvent,
        u"line 3: proc.exit: member 'pid' is 0, expected 1..4194304"_s);
    lines[2] = "{\"kind\":";
    row("broken JSON on line 3", archive(lines.join('\n')), Reason::MalformedEvent, u"line 3: malformed JSON..."_s);
    row("last line without newline", archive(events.chopped(1)), Reason::MalformedEvent,
        u"line 40: not terminated by a newline (truncated?)"_s);
    row("empty line", archive(events + '\n'), Reason::MalformedEvent, u"line 41: empty line"_s);
    row("CRLF line", archive(QByteArray(events).replace('\n', "\r\n")), Reason::MalformedEvent,
        u"line 1: ends with a carriage return"_s);
}

void TestContainer::hostile()
{
    QFETCH(QList<ZipEntry>, entries);
    QFETCH(Reason, reason);
    QFETCH(QString, expected);
    const QString path = archivePath();
    QVERIFY(Test::writeZip(path, entries));
    const auto verified = verifyArchive(path);
    if (reason == Reason::Unspecified) {
        QVERIFY2(verified.ok(), verified.ok() ? "" : qPrintable(verified.error().message));
        QCOMPARE(verified->manifest.tally.events, 40);
        return;
    }
    QVERIFY(!verified.ok());
    QCOMPARE(reasonOf(verified.error()), reason);
    const QString message = verified.error().message;
    if (expected.endsWith(u"..."_s))
        QVERIFY2(message.startsWith(path + u": "_s + expected.chopped(3)), qPrintable(message));
    else
        QCOMPARE(message, path + u": "_s + expected);
}

void TestContainer::limits_data()
{
    QTest::addColumn<QList<ZipEntry>>("entries");
    QTest::addColumn<ReaderLimits>("limits");
    QTest::addColumn<QList<Reason>>("reasons");
    QTest::addColumn<QString>("expected");
    const QByteArray events = goodEvents();
    const QList<ZipEntry> good = archive(events);

    QTest::newRow("manifest above the limit")
        << good << ReaderLimits{200, 1LL << 32, 1 << 20} << QList<Reason>{Reason::OversizedEntry}
        << u"oversized entry 'manifest.json'"_s;
    QTest::newRow("events above the limit")
        << good << ReaderLimits{1 << 20, 1000, 1 << 20} << QList<Reason>{Reason::OversizedEntry}
        << u"oversized entry 'events.jsonl'"_s;
    // 64 MiB of zeros in a few KiB, with headers that claim 100 bytes: sizes are counted on what comes out.
    QList<ZipEntry> bomb = good;
    bomb[0] = ZipEntry{QString(kEventsEntry), QByteArray(64 << 20, '\0'), 8, {}, 100};
    QTest::newRow("zip bomb with understated size")
        << bomb << ReaderLimits{1 << 20, 1000, 1 << 20}
        << QList<Reason>{Reason::OversizedEntry, Reason::CorruptData, Reason::SizeMismatch} << u"'events.jsonl'"_s;
    QTest::newRow("line above maxLineBytes")
        << good << ReaderLimits{1 << 20, 1LL << 32, 100} << QList<Reason>{Reason::MalformedEvent}
        << u": line 1: longer than 100 bytes"_s;
    const Event longEvent{Test::kBaseTs, Test::kBaseMono, RecorderStop{QString(600, u'r')}};
    const QByteArray secondLong = events.first(events.indexOf('\n') + 1) + encodeEvent(longEvent);
    QTest::newRow("second line above maxLineBytes")
        << archive(secondLong) << ReaderLimits{1 << 20, 1LL << 32, 500} << QList<Reason>{Reason::MalformedEvent}
        << u": line 2: longer than 500 bytes"_s;
    const QByteArray huge = encodeEvent(Event{1, 2, RecorderStop{QString(2 << 20, u'r')}});
    QTest::newRow("line above the default 1 MiB")
        << archive(huge) << ReaderLimits{} << QList<Reason>{Reason::MalformedEvent}
        << u": line 1: longer than 1048576 bytes"_s;
    QTest::newRow("within small limits") << archive(encodeEvent(Event{1, 2, RecorderStop{u"signal"_s}}))
                                         << ReaderLimits{2000, 100, 100} << QList<Reason>{} << QString();
}

void TestContainer::limits()
{
    QFETCH(QList<ZipEntry>, entries);
    QFETCH(ReaderLimits, limits);
    QFETCH(QList<Reason>, reasons);
    QFETCH(QString, expected);
    const QString path = archivePath();
    QVERIFY(Test::writeZip(path, entries));
    VerifyOptions options;
    options.limits = limits;
    const auto verified = verifyArchive(path, options);
    if (reasons.isEmpty()) {
        QVERIFY2(verified.ok(), verified.ok() ? "" : qPrintable(verified.error().message));
        return;
    }
    QVERIFY(!verified.ok());
    QVERIFY2(reasons.contains(reasonOf(verified.error())), qPrintable(verified.error().message));
    QVERIFY2(verified.error().message.contains(expected), qPrintable(verified.error().message));
}

QTEST_GUILESS_MAIN(TestContainer)
#include "tst_container.moc"
