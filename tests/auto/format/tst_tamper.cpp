// SPDX-License-Identifier: GPL-3.0-or-later
// The key property of the format: one flipped bit anywhere in a real archive is detected, and the error names the
// entry it hit; damage to bytes that carry no meaning may pass but can never change what is read. Nothing crashes.
#include "archiveerror.h"
#include "eventcodec.h"
#include "sampleevents.h"
#include "verify.h"
#include "ziptools.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Flight::Format;
namespace Test = Flight::TestSupport;

Q_DECLARE_METATYPE(Flight::Format::Reason)

class TestTamper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void flipEveryEntryByte_data();
    void flipEveryEntryByte();
    void flipEveryEntryByteAndFixCrc_data();
    void flipEveryEntryByteAndFixCrc();
    void flipEveryFileByte();
    void truncatedAtEveryLength();
    void notAnArchive_data();
    void notAnArchive();
    void cannotRead();

private:
    struct Outcome
    {
        bool ok = false;
        Flight::Error error;
    };
    Outcome verify(const QByteArray &archive);
    bool readsOriginal() const;

    QTemporaryDir m_dir;
    QString m_path;
    const SigningKey m_key = SigningKey::generate();
    QList<Event> m_events;
    QByteArray m_storedPlain;
    QByteArray m_deflated; // compression level 6
    QByteArray m_stored; // compression level 0: the events' bytes appear as they are
    Manifest m_manifest;
};

void TestTamper::initTestCase()
{
    m_path = m_dir.filePath(u"tampered.frec"_s);
    m_events = Test::mixedEvents(20);
    const auto deflated = Test::writeArchive(m_dir.filePath(u"deflated.frec"_s), m_key, m_events);
    QVERIFY(deflated.ok());
    m_manifest = deflated->manifest;
    m_deflated = Test::readFile(deflated->path);
    QVERIFY(verify(m_deflated).ok);

    // Fewer events here: every byte of them is flipped, and each flip is a full verification.
    const QList<Event> stored = Test::mixedEvents(8);
    for (const Event &e : stored)
        m_storedPlain += encodeEvent(e);
    WriterOptions options;
    options.compressionLevel = 0;
    const auto sealed
        = Test::writeArchive(m_dir.filePath(u"stored.frec"_s), m_key, stored, Test::sampleHeader(), options);
    QVERIFY(sealed.ok());
    m_stored = Test::readFile(sealed->path);
    QVERIFY(verify(m_stored).ok);
    QVERIFY(m_stored.contains(m_storedPlain));
}

TestTamper::Outcome TestTamper::verify(const QByteArray &archive)
{
    // A fresh file each time: rewriting one in place makes ext4 flush it on close (auto_da_alloc), which is slow.
    QFile::remove(m_path);
    if (!Test::writeFile(m_path, archive))
        qFatal("cannot write %s", qPrintable(m_path));
    VerifyOptions options;
    options.trusted = QList<PublicKey>{m_key.publicKey()};
    const auto verified = verifyArchive(m_path, options);
    if (verified)
        return {true, {}};
    return {false, verified.error()};
}

// After a tampered archive passed verification: it must hold exactly the original manifest and events.
bool TestTamper::readsOriginal() const
{
    ArchiveReader reader(m_path);
    QList<Event> events;
    const auto collect = [&](const Event &e) {
        events.append(e);
        return true;
    };
    return reader.open().ok() && reader.manifest() == m_manifest && reader.readEvents(collect).ok()
        && events == m_events;
}

void TestTamper::flipEveryEntryByte_data()
{
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QList<Reason>>("alsoAccepted"); // reasons that are right for this entry without naming it
    QTest::newRow("events.jsonl") << u"events.jsonl"_s << QList<Reason>{};
    QTest::newRow("manifest.json") << u"manifest.json"_s
                                   << QList<Reason>{Reason::BadSignature, Reason::MalformedManifest,
                                                    Reason::UnsupportedVersion};
    QTest::newRow("manifest.sig") << u"manifest.sig"_s << QList<Reason>{Reason::BadSignature};
}

void TestTamper::flipEveryEntryByte()
{
    QFETCH(QString, entry);
    QFETCH(QList<Reason>, alsoAccepted);
    const QList<Test::EntryLayout> entries = Test::zipLayout(m_deflated);
    const auto *layout = Test::findEntry(entries, entry);
    QVERIFY(layout);
    QVERIFY(layout->compressedSize > 0);
    QStringList wrong;
    int equivalent = 0;
    for (qint64 at = layout->dataOffset; at < layout->dataOffset + layout->compressedSize; ++at) {
        QByteArray tampered = m_deflated;
        tampered[at] = char(tampered[at] ^ (1 << (at % 8)));
        const Outcome outcome = verify(tampered);
        // Deflate has redundant encodings (padding bits after the last block, a back-reference to another copy of
        // the same text): a flip there decompresses to the very same bytes, which is all the digest commits to.
        if (outcome.ok && layout->method == 8 && readsOriginal()) {
            ++equivalent;
            continue;
        }
        const bool named = outcome.error.message.contains(u"'%1'"_s.arg(entry));
        if (outcome.ok || !(named || alsoAccepted.contains(reasonOf(outcome.error))))
            wrong.append(u"byte %1: %2"_s.arg(at).arg(outcome.ok ? u"passed"_s : outcome.error.message));
    }
    QVERIFY2(wrong.isEmpty(),
             qPrintable(u"%1 of %2 flips: "_s.arg(wrong.size()).arg(layout->compressedSize)
                        + wrong.mid(0, 5).join(u"; "_s)));
    qInfo("%s: %d of %lld flips rejected, %d decompressed to the original bytes", qPrintable(entry),
          int(layout->compressedSize) - equivalent, layout->compressedSize, equivalent);
    QVERIFY2(equivalent <= layout->compressedSize / 100,
             qPrintable(u"%1 flips decompressed to the original bytes"_s.arg(equivalent)));
}

void TestTamper::flipEveryEntryByteAndFixCrc_data()
{
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QList<Reason>>("expected");
    QTest::newRow("events.jsonl") << u"events.jsonl"_s << QList<Reason>{Reason::DigestMismatch};
    QTest::newRow("manifest.json") << u"manifest.json"_s
                                   << QList<Reason>{Reason::BadSignature, Reason::MalformedManifest,
                                                    Reason::UnsupportedVersion};
    QTest::newRow("manifest.sig") << u"manifest.sig"_s << QList<Reason>{Reason::BadSignature};
}

void TestTamper::flipEveryEntryByteAndFixCrc()
{
    // An attacker fixes the zip's CRC-32 after changing content: the digests and the signature must still catch it.
    QFETCH(QString, entry);
    QFETCH(QList<Reason>, expected);
    const QList<Test::EntryLayout> entries = Test::zipLayout(m_stored);
    const auto *layout = Test::findEntry(entries, entry);
    QVERIFY(layout);
    // With level 0 the events' deflate stream holds the lines verbatim; the other entries are stored.
    const qint64 first = entry == u"events.jsonl"_s ? m_stored.indexOf(m_storedPlain) : layout->dataOffset;
    const qint64 size = entry == u"events.jsonl"_s ? m_storedPlain.size() : layout->uncompressedSize;
    QVERIFY(first >= layout->dataOffset);
    QCOMPARE(Test::crc32Of(QByteArrayView(m_stored).sliced(first, size)), layout->crc);
    QStringList wrong;
    for (qint64 at = first; at < first + size; ++at) {
        QByteArray tampered = m_stored;
        tampered[at] = char(tampered[at] ^ (1 << (at % 8)));
        const quint32 crc = Test::crc32Of(QByteArrayView(tampered).sliced(first, size));
        Test::putLe32(tampered, layout->centralCrcOffset, crc);
        if (!(layout->flags & 8))
            Test::putLe32(tampered, layout->localCrcOffset, crc);
        const Outcome outcome = verify(tampered);
        const bool right = !outcome.ok && expected.contains(reasonOf(outcome.error))
            && (reasonOf(outcome.error) != Reason::DigestMismatch
                || outcome.error.message == m_path + u": entry digest mismatch in 'events.jsonl'"_s);
        if (!right)
            wrong.append(u"byte %1: %2"_s.arg(at - first).arg(outcome.ok ? u"passed"_s : outcome.error.message));
    }
    QVERIFY2(wrong.isEmpty(),
             qPrintable(u"%1 of %2 flips: "_s.arg(wrong.size()).arg(size) + wrong.mid(0, 5).join(u"; "_s)));
}

void TestTamper::flipEveryFileByte()
{
    // Anywhere in the file: reject, or (zip metadata nobody reads, such as a local header's time) read exactly the
    // original manifest and events.
    int passed = 0;
    QStringList wrong;
    for (qsizetype at = 0; at < m_deflated.size(); ++at) {
        QByteArray tampered = m_deflated;
        tampered[at] = char(tampered[at] ^ (1 << (at % 8)));
        if (!verify(tampered).ok)
            continue;
        ++passed;
        if (!readsOriginal())
            wrong.append(u"byte %1 passed with different content"_s.arg(at));
    }
    qInfo("%d of %lld flips passed and read the original content", passed, qint64(m_deflated.size()));
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.mid(0, 5).join(u"; "_s)));
    // What may pass is zip metadata nobody reads (times, attributes, "version made by", local copies of names): about
    // a tenth of this small file. Far more would mean that the reader ignores something it should check.
    QVERIFY2(passed < m_deflated.size() / 5, qPrintable(u"%1 of %2 flips passed"_s.arg(passed).arg(m_deflated.size())));
}

void TestTamper::truncatedAtEveryLength()
{
    QStringList wrong;
    for (qsizetype length = 0; length < m_deflated.size(); ++length) {
        const Outcome outcome = verify(m_deflated.first(length));
        const Reason reason = reasonOf(outcome.error);
        if (outcome.ok || (reason != Reason::CorruptZip && reason != Reason::CorruptData)
            || !outcome.error.message.contains(u"corrupt "_s))
            wrong.append(u"length %1: %2"_s.arg(length).arg(outcome.ok ? u"passed"_s : outcome.error.message));
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.mid(0, 5).join(u"; "_s)));
}

void TestTamper::notAnArchive_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("empty file") << QByteArray();
    QTest::newRow("text") << QByteArray("{\"kind\":\"rec.start\"}\n");
    QTest::newRow("gzip") << QByteArray::fromHex("1f8b0800000000000003030000000000000000");
    QTest::newRow("local header only") << QByteArray::fromHex("504b0304140000000000") + QByteArray(100, '\0');
    QTest::newRow("empty zip") << QByteArray::fromHex("504b0506000000000000000000000000000000000000");
    QTest::newRow("end record pointing past the file")
        << QByteArray::fromHex("504b050600000000010001002e000000ffff00000000");
}

void TestTamper::notAnArchive()
{
    QFETCH(QByteArray, content);
    const Outcome outcome = verify(content);
    QVERIFY(!outcome.ok);
    QCOMPARE(reasonOf(outcome.error), Reason::CorruptZip);
    QVERIFY2(outcome.error.message.startsWith(m_path + u": corrupt zip"_s), qPrintable(outcome.error.message));
}

void TestTamper::cannotRead()
{
    for (const QString &path : {m_dir.filePath(u"absent.frec"_s), m_dir.path()}) {
        const auto verified = verifyArchive(path);
        QVERIFY(!verified.ok());
        QCOMPARE(reasonOf(verified.error()), Reason::Io);
        QVERIFY(verified.error().message.startsWith(path + u": "_s));
    }
    QCOMPARE(verifyArchive(m_dir.filePath(u"absent.frec"_s)).error().message,
             m_dir.filePath(u"absent.frec"_s) + u": no such file"_s);
    QCOMPARE(verifyArchive(m_dir.path()).error().message, m_dir.path() + u": not a readable file"_s);
}

QTEST_GUILESS_MAIN(TestTamper)
#include "tst_tamper.moc"
