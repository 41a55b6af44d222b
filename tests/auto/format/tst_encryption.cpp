// SPDX-License-Identifier: GPL-3.0-or-later
// Optional encryption of the events (FORMAT.md §5): encrypted archives, chunk boundaries, and the stream cipher's
// defences against truncation, extension, reordering and flipped bits.
#include "archiveerror.h"
#include "digest.h"
#include "eventcodec.h"
#include "sampleevents.h"
#include "streamcipher.h"
#include "verify.h"
#include "ziptools.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Flight::Format;
namespace Test = Flight::TestSupport;

Q_DECLARE_METATYPE(Flight::Format::Event)

class TestEncryption : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encryptedArchive_data();
    void encryptedArchive();
    void streamRoundTrip_data();
    void streamRoundTrip();
    void damagedStream_data();
    void damagedStream();
    void everyFlippedByteFails();
    void wrongKey();
    void tamperedCiphertextInArchive();
    void chunkSizeLimits_data();
    void chunkSizeLimits();

private:
    QTemporaryDir m_dir;
    const SigningKey m_signer = SigningKey::generate();
    const DecryptionKey m_key = DecryptionKey::generate();
};

namespace {

constexpr qint64 kHeader = 24;
constexpr qint64 kOverhead = 17;

// `lines` rec.stop events whose encoded lines add up to exactly `total` bytes.
QList<Event> eventsOfSize(qint64 total, int lines)
{
    QList<Event> events;
    const qint64 base = encodeEvent(Event{Test::kBaseTs, Test::kBaseMono, RecorderStop{}}).size();
    for (int i = 0; i < lines; ++i) {
        const qint64 size = total / lines + (i == 0 ? total % lines : 0);
        events.append(Event{Test::kBaseTs, Test::kBaseMono, RecorderStop{QString(size - base, u'x')}});
    }
    return events;
}

QByteArray encrypt(const RecipientKey &recipient, const QByteArray &plain, qint64 chunkSize, QByteArray *sealedKey)
{
    StreamEncryptor encryptor(recipient, chunkSize);
    *sealedKey = encryptor.sealedKey();
    QByteArray out;
    // Pushed in uneven pieces, as the writer does.
    for (qsizetype at = 0; at < plain.size(); at += 777)
        out += encryptor.push(QByteArrayView(plain).sliced(at, std::min<qsizetype>(777, plain.size() - at)));
    return out + encryptor.finish();
}

Flight::Expected<QByteArray> decrypt(const DecryptionKey &key, const QByteArray &sealedKey, const QByteArray &cipher,
                                     qint64 chunkSize, qsizetype piece = 4096)
{
    auto opened = StreamDecryptor::open(key, sealedKey, chunkSize);
    if (!opened)
        return opened.error();
    QByteArray plain;
    for (qsizetype at = 0; at < cipher.size(); at += piece) {
        auto part = (*opened)->push(QByteArrayView(cipher).sliced(at, std::min(piece, cipher.size() - at)));
        if (!part)
            return part.error();
        plain += *part;
    }
    auto rest = (*opened)->finish();
    if (!rest)
        return rest.error();
    return plain + *rest;
}

} // namespace

void TestEncryption::encryptedArchive_data()
{
    QTest::addColumn<QList<Event>>("events");
    QTest::addColumn<qint64>("chunkSize");
    QTest::newRow("600 mixed events, default chunks") << Test::mixedEvents(600) << qint64(64 * 1024);
    QTest::newRow("600 mixed events, 1 KiB chunks") << Test::mixedEvents(600) << qint64(1024);
    QTest::newRow("no events") << QList<Event>() << qint64(1024);
    QTest::newRow("exactly one chunk") << eventsOfSize(1024, 1) << qint64(1024);
    QTest::newRow("exactly two chunks") << eventsOfSize(2048, 2) << qint64(1024);
    QTest::newRow("exactly three chunks, lines across them") << eventsOfSize(3072, 4) << qint64(1024);
    QTest::newRow("one byte over a chunk") << eventsOfSize(1025, 1) << qint64(1024);
    QTest::newRow("one byte short of a chunk") << eventsOfSize(1023, 1) << qint64(1024);
}

void TestEncryption::encryptedArchive()
{
    QFETCH(QList<Event>, events);
    QFETCH(qint64, chunkSize);
    QByteArray plain;
    for (const Event &e : events)
        plain += encodeEvent(e);
    const QString path = m_dir.filePath(u"enc-%1-%2.frec"_s.arg(plain.size()).arg(chunkSize));
    WriterOptions options;
    options.recipient = m_key.recipient();
    options.chunkSize = chunkSize;
    const auto sealed = Test::writeArchive(path, m_signer, events, Test::sampleHeader(), options);
    QVERIFY2(sealed.ok(), sealed.ok() ? "" : qPrintable(sealed.error().message));

    // The manifest: the entry's ciphertext, chunked as FORMAT.md §5 says, and the key sealed to the recipient.
    const Manifest &m = sealed->manifest;
    QVERIFY(m.encryption);
    QCOMPARE(m.encryption->scheme, u"x25519-sealedbox/secretstream-xchacha20poly1305"_s);
    QCOMPARE(m.encryption->recipient, m_key.recipient().toText());
    QCOMPARE(m.encryption->sealedKey.size(), 80);
    QCOMPARE(m.encryption->chunkSize, chunkSize);
    const qint64 chunks = std::max<qint64>(1, (plain.size() + chunkSize - 1) / chunkSize);
    QCOMPARE(m.entries.size(), 1);
    QCOMPARE(m.entries[0].name, u"events.jsonl.enc"_s);
    QCOMPARE(m.entries[0].size, kHeader + plain.size() + kOverhead * chunks);
    QCOMPARE(m.tally.events, events.size());
    const QList<Test::EntryLayout> layout = Test::zipLayout(Test::readFile(path));
    QCOMPARE(layout.size(), 3);
    QCOMPARE(layout[0].name, u"events.jsonl.enc"_s);

    // The ciphertext: not the plaintext, and what the manifest's digest covers.
    const QByteArray cipher = Test::readZipEntry(path, u"events.jsonl.enc"_s);
    QCOMPARE(cipher.size(), m.entries[0].size);
    QCOMPARE(Blake2b256::hexHash(cipher), m.entries[0].digest);
    QVERIFY(!cipher.contains("\"kind\""));
    QVERIFY(!cipher.contains("proc."));
    const auto decrypted = decrypt(m_key, m.encryption->sealedKey, cipher, chunkSize, 1000);
    QVERIFY2(decrypted.ok(), decrypted.ok() ? "" : qPrintable(decrypted.error().message));
    QCOMPARE(*decrypted, plain);

    // Reading needs the key; verifying does not.
    const auto read = Test::readAllEvents(path, &m_key);
    QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().message));
    QVERIFY(*read == events);
    const auto noKey = Test::readAllEvents(path);
    QVERIFY(!noKey.ok());
    QCOMPARE(reasonOf(noKey.error()), Reason::CannotDecrypt);
    QCOMPARE(noKey.error().message,
             path + u": cannot decrypt: the events are encrypted to "_s + m_key.recipient().toText()
                 + u" and no key was given"_s);
    const DecryptionKey other = DecryptionKey::generate();
    const auto wrong = Test::readAllEvents(path, &other);
    QVERIFY(!wrong.ok());
    QCOMPARE(reasonOf(wrong.error()), Reason::CannotDecrypt);
    QCOMPARE(wrong.error().message,
             path + u": cannot decrypt: the events are not encrypted to key "_s + other.recipient().fingerprint());

    ArchiveReader reader(path);
    QVERIFY(reader.open().ok());
    QVERIFY(reader.encrypted());
    QVERIFY(reader.checkEventsDigest().ok());
    const auto verified = verifyArchive(path);
    QVERIFY2(verified.ok(), verified.ok() ? "" : qPrintable(verified.error().message));
    QVERIFY(!verified->eventsDecoded);
    QCOMPARE(verified->manifest, m);
    VerifyOptions withKey;
    withKey.key = &m_key;
    const auto decoded = verifyArchive(path, withKey);
    QVERIFY(decoded.ok());
    QVERIFY(decoded->eventsDecoded);
    withKey.key = &other;
    QCOMPARE(reasonOf(verifyArchive(path, withKey).error()), Reason::CannotDecrypt);

    // Any unzip extracts the same ciphertext.
    if (QStandardPaths::findExecutable(u"unzip"_s).isEmpty()) {
        if (qEnvironmentVariable("CI") == u"true"_s)
            QFAIL("unzip is missing on the CI machine (installer/install-deps.sh installs it)");
        QSKIP("unzip is not installed: the archive was read with QuaZip only");
    }
    QProcess unzip;
    unzip.start(u"unzip"_s, {u"-p"_s, path, u"events.jsonl.enc"_s});
    QVERIFY(unzip.waitForFinished());
    QCOMPARE(unzip.exitCode(), 0);
    QCOMPARE(unzip.readAllStandardOutput(), cipher);
}

void TestEncryption::streamRoundTrip_data()
{
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<qsizetype>("piece"); // ciphertext fed to the decryptor in pieces of this size
    for (const qsizetype size : {0, 1, 1023, 1024, 1025, 2048, 5000}) {
        for (const qsizetype piece : {1, 17, 1041, 1 << 20})
            QTest::addRow("%lld bytes, pieces of %lld", qlonglong(size), qlonglong(piece)) << size << piece;
    }
}

void TestEncryption::streamRoundTrip()
{
    QFETCH(qsizetype, size);
    QFETCH(qsizetype, piece);
    QByteArray plain(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        plain[i] = char(i * 7 + 3);
    QByteArray sealedKey;
    const QByteArray cipher = encrypt(m_key.recipient(), plain, 1024, &sealedKey);
    QCOMPARE(cipher.size(), kHeader + size + kOverhead * std::max<qsizetype>(1, (size + 1023) / 1024));
    const auto back = decrypt(m_key, sealedKey, cipher, 1024, piece);
    QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message));
    QCOMPARE(*back, plain);
}

void TestEncryption::damagedStream_data()
{
    QTest::addColumn<QByteArray>("sealedKey");
    QTest::addColumn<QByteArray>("cipher");
    QTest::addColumn<QString>("expected");
    QByteArray sealedKey;
    // 3000 bytes in 1 KiB chunks: header, MESSAGE 1024, MESSAGE 1024, FINAL 952.
    const QByteArray cipher = encrypt(m_key.recipient(), QByteArray(3000, 'p'), 1024, &sealedKey);
    const qsizetype full = 1024 + kOverhead, last = 952 + kOverhead;
    QCOMPARE(cipher.size(), kHeader + 2 * full + last);
    QByteArray otherSealed;
    const QByteArray otherStream = encrypt(m_key.recipient(), QByteArray(10, 'q'), 1024, &otherSealed);

    QTest::newRow("last chunk dropped") << sealedKey << cipher.chopped(last)
                                        << u"ends without its final chunk (truncated)"_s;
    QTest::newRow("two chunks dropped") << sealedKey << cipher.chopped(last + full)
                                        << u"ends without its final chunk (truncated)"_s;
    QTest::newRow("header only") << sealedKey << cipher.first(kHeader) << u"ends without its final chunk (truncated)"_s;
    QTest::newRow("part of the header") << sealedKey << cipher.first(10) << u"truncated before its header"_s;
    QTest::newRow("empty") << sealedKey << QByteArray() << u"truncated before its header"_s;
    QTest::newRow("last byte dropped") << sealedKey << cipher.chopped(1) << u"a chunk failed authentication"_s;
    QTest::newRow("cut inside a full chunk")
        << sealedKey << cipher.first(kHeader + 100) << u"a chunk failed authentication"_s;
    // A short final chunk absorbs what follows it, so the extended chunk fails authentication ...
    QTest::newRow("one byte appended") << sealedKey << cipher + 'x' << u"a chunk failed authentication"_s;
    QTest::newRow("another stream's final chunk appended")
        << sealedKey << cipher + otherStream.sliced(kHeader) << u"a chunk failed authentication"_s;
    // ... while after a full final chunk the extension is seen as such.
    QByteArray evenSealed;
    const QByteArray even = encrypt(m_key.recipient(), QByteArray(2048, 'p'), 1024, &evenSealed);
    QCOMPARE(even.size(), kHeader + 2 * full);
    QTest::newRow("full final chunk, then one byte") << evenSealed << even + 'x' << u"data after the final chunk"_s;
    QTest::newRow("full final chunk, then a chunk")
        << evenSealed << even + even.sliced(kHeader, full) << u"data after the final chunk"_s;
    QTest::newRow("full final chunk, then another final chunk")
        << evenSealed << even + otherStream.sliced(kHeader) << u"data after the final chunk"_s;
    QTest::newRow("full final chunk dropped")
        << evenSealed << even.chopped(full) << u"ends without its final chunk (truncated)"_s;
    QTest::newRow("chunks swapped") << sealedKey
                                    << cipher.first(kHeader) + cipher.sliced(kHeader + full, full)
            + cipher.sliced(kHeader, full) + cipher.sliced(kHeader + 2 * full)
                                    << u"a chunk failed authentication"_s;
    QTest::newRow("final chunk moved first")
        << sealedKey << cipher.first(kHeader) + cipher.sliced(kHeader + 2 * full) + cipher.sliced(kHeader, 2 * full)
        << u"a chunk failed authentication"_s;
    QTest::newRow("another stream's header")
        << sealedKey << otherStream.first(kHeader) + cipher.sliced(kHeader) << u"a chunk failed authentication"_s;
}

void TestEncryption::damagedStream()
{
    QFETCH(QByteArray, sealedKey);
    QFETCH(QByteArray, cipher);
    QFETCH(QString, expected);
    const auto plain = decrypt(m_key, sealedKey, cipher, 1024, 333);
    QVERIFY(!plain.ok());
    QCOMPARE(reasonOf(plain.error()), Reason::CannotDecrypt);
    QVERIFY2(plain.error().message.startsWith(u"cannot decrypt: "_s), qPrintable(plain.error().message));
    QVERIFY2(plain.error().message.contains(expected), qPrintable(plain.error().message));
}

void TestEncryption::everyFlippedByteFails()
{
    QByteArray sealedKey;
    const QByteArray cipher = encrypt(m_key.recipient(), QByteArray(2500, 'e'), 1024, &sealedKey);
    QStringList passed;
    for (qsizetype at = 0; at < cipher.size(); ++at) {
        QByteArray flipped = cipher;
        flipped[at] = char(flipped[at] ^ (1 << (at % 8)));
        const auto plain = decrypt(m_key, sealedKey, flipped, 1024);
        if (plain.ok() || reasonOf(plain.error()) != Reason::CannotDecrypt)
            passed.append(QString::number(at));
    }
    QVERIFY2(passed.isEmpty(), qPrintable(u"flips that were not caught: "_s + passed.mid(0, 10).join(u", "_s)));
}

void TestEncryption::wrongKey()
{
    QByteArray sealedKey;
    encrypt(m_key.recipient(), "x", 1024, &sealedKey);
    const DecryptionKey other = DecryptionKey::generate();
    for (const QByteArray &sealed : {sealedKey, sealedKey.chopped(1), QByteArray(), QByteArray(80, '\0')}) {
        const auto wrong = StreamDecryptor::open(sealed == sealedKey ? other : m_key, sealed, 1024);
        QVERIFY(!wrong.ok());
        QCOMPARE(reasonOf(wrong.error()), Reason::CannotDecrypt);
        QVERIFY2(wrong.error().message.startsWith(u"cannot decrypt: the events are not encrypted to key BLAKE2B:"_s),
                 qPrintable(wrong.error().message));
    }
    QVERIFY(StreamDecryptor::open(m_key, sealedKey, 1024).ok());
}

void TestEncryption::tamperedCiphertextInArchive()
{
    // A changed ciphertext in a container that is otherwise intact (valid zip CRC, the original signed manifest):
    // the entry digest names it, with or without the key, before any decryption error.
    const QString path = m_dir.filePath(u"original.frec"_s);
    WriterOptions options;
    options.recipient = m_key.recipient();
    options.chunkSize = 1024;
    const auto sealed = Test::writeArchive(path, m_signer, Test::mixedEvents(30), Test::sampleHeader(), options);
    QVERIFY(sealed.ok());
    const QByteArray cipher = Test::readZipEntry(path, u"events.jsonl.enc"_s);
    const QByteArray signature = Test::readZipEntry(path, u"manifest.sig"_s);
    QCOMPARE(cipher.size(), sealed->manifest.entries[0].size);
    QCOMPARE(signature.size(), 64);
    const QString copy = m_dir.filePath(u"rezipped.frec"_s);
    QVERIFY(Test::writeZip(copy,
                           {{u"events.jsonl.enc"_s, cipher, 8},
                            {u"manifest.json"_s, sealed->manifestBytes},
                            {u"manifest.sig"_s, signature}}));
    QVERIFY(Test::readAllEvents(copy, &m_key).ok()); // the re-zipped original is fine
    for (const qsizetype at : {qsizetype(0), qsizetype(30), cipher.size() / 2, cipher.size() - 1}) {
        QByteArray ciphertext = cipher;
        ciphertext[at] = char(ciphertext[at] ^ 0x01);
        const QString tampered = m_dir.filePath(u"tampered-%1.frec"_s.arg(at));
        QVERIFY(Test::writeZip(tampered,
                               {{u"events.jsonl.enc"_s, ciphertext, 8},
                                {u"manifest.json"_s, sealed->manifestBytes},
                                {u"manifest.sig"_s, signature}}));
        const QString expected = tampered + u": entry digest mismatch in 'events.jsonl.enc'"_s;
        const auto read = Test::readAllEvents(tampered, &m_key);
        QVERIFY(!read.ok());
        QCOMPARE(reasonOf(read.error()), Reason::DigestMismatch);
        QCOMPARE(read.error().message, expected);
        const auto verified = verifyArchive(tampered);
        QVERIFY(!verified.ok());
        QCOMPARE(verified.error().message, expected);
    }
}

void TestEncryption::chunkSizeLimits_data()
{
    QTest::addColumn<qint64>("chunkSize");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("0") << qint64(0) << false;
    QTest::newRow("negative") << qint64(-1) << false;
    QTest::newRow("1023") << qint64(1023) << false;
    QTest::newRow("1024") << qint64(1024) << true;
    QTest::newRow("1 MiB") << qint64(1 << 20) << true;
    QTest::newRow("1 MiB + 1") << qint64((1 << 20) + 1) << false;
}

void TestEncryption::chunkSizeLimits()
{
    // The writer refuses what readers would refuse (chunk_size 1024 ... 1048576), instead of writing it.
    QFETCH(qint64, chunkSize);
    QFETCH(bool, accepted);
    const QString path = m_dir.filePath(u"chunk-%1.frec"_s.arg(chunkSize));
    WriterOptions options;
    options.recipient = m_key.recipient();
    options.chunkSize = chunkSize;
    const auto sealed = Test::writeArchive(path, m_signer, Test::mixedEvents(50), Test::sampleHeader(), options);
    QCOMPARE(sealed.ok(), accepted);
    QVERIFY(!QFile::exists(path + u".part"_s));
    if (accepted) {
        const auto read = Test::readAllEvents(path, &m_key);
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().message));
        QCOMPARE(read->size(), 50);
        return;
    }
    QCOMPARE(sealed.error().message, path + u": chunk size %1 is outside 1024..1048576"_s.arg(chunkSize));
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestEncryption)
#include "tst_encryption.moc"
