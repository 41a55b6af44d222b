// SPDX-License-Identifier: GPL-3.0-or-later
// Real archives written with ArchiveWriter and read back with ArchiveReader and verifyArchive (FORMAT.md §1-§4).
#include "archiveerror.h"
#include "digest.h"
#include "formatversion.h"
#include "eventcodec.h"
#include "sampleevents.h"
#include "verify.h"
#include "ziptools.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Flight::Format;
namespace Test = Flight::TestSupport;

class TestArchive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writeAndReadBack_data();
    void writeAndReadBack();
    void createdTsDefaultsToNow();
    void appendEncodedEqualsAppend();
    void partFileLifecycle();
    void openRefusesExistingPath();
    void finishRefusesWhenTargetAppeared();
    void cancelReading();
    void verifyWithTrustSet();

private:
    QTemporaryDir m_dir;
    const SigningKey m_key = SigningKey::generate();
};

namespace {

// The tally computed here from the events, independently of EventTally::add.
void checkTally(const EventTally &tally, const QList<Event> &events)
{
    QCOMPARE(tally.events, events.size());
    QMap<QString, qint64> counts;
    Span span;
    QList<LossSummary> losses;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const Event &e = events[i];
        ++counts[QString::fromLatin1(kindName(e))];
        span.firstTs = i == 0 ? e.ts : std::min(span.firstTs, e.ts);
        span.lastTs = i == 0 ? e.ts : std::max(span.lastTs, e.ts);
        span.firstMono = i == 0 ? e.mono : std::min(span.firstMono, e.mono);
        span.lastMono = i == 0 ? e.mono : std::max(span.lastMono, e.mono);
        // FORMAT.md §3: one summary per (source, unit), in order of first appearance.
        if (const auto *loss = std::get_if<RecorderLoss>(&e.body)) {
            const qint64 end = std::max(e.ts, loss->lastTs.value_or(e.ts));
            auto same = std::find_if(losses.begin(), losses.end(), [&](const LossSummary &s) {
                return s.source == loss->source && s.unit == loss->unit;
            });
            if (same == losses.end()) {
                losses.append({loss->source, loss->count, loss->unit, e.ts, end});
            } else {
                same->count += loss->count;
                same->firstTs = std::min(same->firstTs, e.ts);
                same->lastTs = std::max(same->lastTs, end);
            }
        }
    }
    QVERIFY(losses.size() <= 4); // bounded by the distinct sources, not by the number of loss events
    QCOMPARE(tally.counts, counts);
    QCOMPARE(tally.span, span);
    QCOMPARE(tally.losses, losses);
}

} // namespace

void TestArchive::writeAndReadBack_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("level");
    QTest::newRow("600 mixed events") << 600 << 6;
    QTest::newRow("600 mixed events, stored") << 600 << 0;
    QTest::newRow("3000 events, several flushes") << 3000 << 1;
    QTest::newRow("one event") << 1 << 6;
    QTest::newRow("no events") << 0 << 6;
}

void TestArchive::writeAndReadBack()
{
    QFETCH(int, count);
    QFETCH(int, level);
    const QList<Event> events = Test::mixedEvents(count);
    const QString path = m_dir.filePath(u"web-01-%1-%2.frec"_s.arg(count).arg(level));
    const ArchiveHeader header = Test::sampleHeader(5, QString(64, u'c'));
    WriterOptions options;
    options.compressionLevel = level;
    options.createdTs = Test::kBaseTs + 999;

    QByteArray plain;
    ArchiveWriter writer(path, m_key, header, options);
    QVERIFY(writer.open().ok());
    for (const Event &event : events) {
        QVERIFY(writer.append(event).ok());
        plain += encodeEvent(event);
    }
    QCOMPARE(writer.eventCount(), count);
    QCOMPARE(writer.encodedBytes(), plain.size());
    const auto sealed = writer.finish();
    QVERIFY2(sealed.ok(), sealed.ok() ? "" : qPrintable(sealed.error().message));
    QCOMPARE(sealed->path, path);
    QVERIFY(QFile::exists(path));
    QVERIFY(!QFile::exists(path + u".part"_s));

    // The manifest says what was written.
    const Manifest &m = sealed->manifest;
    QCOMPARE(sealed->manifestBytes, manifestToJson(m));
    QCOMPARE(sealed->digest, QString::fromLatin1(Blake2b256::hash(sealed->manifestBytes).toHex()));
    QCOMPARE(m.version, kFormatVersion);
    QCOMPARE(m.seq, 5);
    QCOMPARE(m.prevDigest, QString(64, u'c'));
    QCOMPARE(m.createdTs, Test::kBaseTs + 999);
    QCOMPARE(m.host, header.host);
    QCOMPARE(m.collector, header.collector);
    QCOMPARE(m.signer, m_key.publicKey().toText());
    QVERIFY(!m.encryption);
    QCOMPARE(m.entries, (QList<EntryInfo>{{u"events.jsonl"_s, plain.size(), Blake2b256::hexHash(plain)}}));
    checkTally(m.tally, events);
    if (count >= 34)
        QCOMPARE(m.tally.counts.size(), 14); // every kind

    // The container: events first (deflate), then the manifest and its signature; nothing else.
    const QList<Test::EntryLayout> layout = Test::zipLayout(Test::readFile(path));
    QCOMPARE(layout.size(), 3);
    QCOMPARE(layout[0].name, u"events.jsonl"_s);
    QCOMPARE(layout[0].method, 8);
    QCOMPARE(layout[0].uncompressedSize, plain.size());
    QCOMPARE(layout[1].name, u"manifest.json"_s);
    QCOMPARE(layout[1].uncompressedSize, sealed->manifestBytes.size());
    QCOMPARE(layout[2].name, u"manifest.sig"_s);
    QCOMPARE(layout[2].uncompressedSize, 64);

    // Read back: same manifest, same events in the same order.
    ArchiveReader reader(path);
    const auto opened = reader.open();
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
    QCOMPARE(reader.manifest(), m);
    QCOMPARE(reader.manifestBytes(), sealed->manifestBytes);
    QCOMPARE(reader.digest(), sealed->digest);
    QCOMPARE(reader.signer(), m_key.publicKey());
    QVERIFY(!reader.encrypted());
    QList<Event> back;
    qint64 lastDone = -1, lastTotal = -1;
    const auto read = reader.readEvents(
        [&](const Event &e) {
            back.append(e);
            return true;
        },
        nullptr, [&](qint64 done, qint64 total) { lastDone = done, lastTotal = total; });
    QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().message));
    QCOMPARE(back.size(), events.size());
    for (qsizetype i = 0; i < events.size(); ++i)
        QVERIFY2(back[i] == events[i], qPrintable(u"event %1 differs"_s.arg(i)));
    if (count > 0) {
        QCOMPARE(lastDone, plain.size());
        QCOMPARE(lastTotal, plain.size());
    }
    QVERIFY(reader.checkEventsDigest().ok());

    // A standard unzip reads the same bytes.
    if (QStandardPaths::findExecutable(u"unzip"_s).isEmpty()) {
        if (qEnvironmentVariable("CI") == u"true"_s)
            QFAIL("unzip is missing on the CI machine (installer/install-deps.sh installs it)");
        QSKIP("unzip is not installed: the archive was checked with the library only");
    }
    QProcess unzip;
    unzip.start(u"unzip"_s, {u"-p"_s, path, u"events.jsonl"_s});
    QVERIFY(unzip.waitForFinished());
    QCOMPARE(unzip.exitCode(), 0);
    QCOMPARE(unzip.readAllStandardOutput(), plain);
}

void TestArchive::createdTsDefaultsToNow()
{
    const qint64 before = QDateTime::currentMSecsSinceEpoch() * 1000000;
    const auto sealed = Test::writeArchive(m_dir.filePath(u"now.frec"_s), m_key, Test::mixedEvents(3));
    const qint64 after = QDateTime::currentMSecsSinceEpoch() * 1000000;
    QVERIFY(sealed.ok());
    QVERIFY(sealed->manifest.createdTs >= before);
    QVERIFY(sealed->manifest.createdTs <= after);
}

void TestArchive::appendEncodedEqualsAppend()
{
    const QList<Event> events = Test::mixedEvents(100);
    WriterOptions options;
    options.createdTs = 42;
    const auto first
        = Test::writeArchive(m_dir.filePath(u"append.frec"_s), m_key, events, Test::sampleHeader(), options);
    QVERIFY(first.ok());
    ArchiveWriter writer(m_dir.filePath(u"encoded.frec"_s), m_key, Test::sampleHeader(), options);
    QVERIFY(writer.open().ok());
    for (const Event &event : events)
        QVERIFY(writer.appendEncoded(encodeEvent(event), event).ok());
    const auto second = writer.finish();
    QVERIFY(second.ok());
    // Same events, header and time: the same manifest, byte for byte, so the same archive digest.
    QCOMPARE(second->manifestBytes, first->manifestBytes);
    QCOMPARE(second->digest, first->digest);
    const auto back = Test::readAllEvents(second->path);
    QVERIFY(back.ok());
    QVERIFY(*back == events);
}

void TestArchive::partFileLifecycle()
{
    const QString path = m_dir.filePath(u"life.frec"_s);
    const QString part = path + u".part"_s;
    {
        ArchiveWriter writer(path, m_key, Test::sampleHeader());
        QVERIFY(writer.open().ok());
        QVERIFY(writer.append(Test::mixedEvents(1).front()).ok());
        QVERIFY(QFile::exists(part));
        QVERIFY(!QFile::exists(path));
        writer.abort();
        QVERIFY(!QFile::exists(part));
    }
    {
        ArchiveWriter writer(path, m_key, Test::sampleHeader());
        QVERIFY(writer.open().ok());
        QVERIFY(writer.append(Test::mixedEvents(1).front()).ok());
        QVERIFY(QFile::exists(part));
    } // destroyed without finish()
    QVERIFY(!QFile::exists(part));
    QVERIFY(!QFile::exists(path));

    QVERIFY(Test::writeFile(part, "stale part of a crashed writer"));
    QVERIFY(Test::writeArchive(path, m_key, Test::mixedEvents(2)).ok());
    QVERIFY(!QFile::exists(part));
    QVERIFY(Test::readAllEvents(path).ok());
}

void TestArchive::openRefusesExistingPath()
{
    const QString path = m_dir.filePath(u"existing.frec"_s);
    QVERIFY(Test::writeFile(path, "an older archive"));
    ArchiveWriter writer(path, m_key, Test::sampleHeader());
    const auto opened = writer.open();
    QVERIFY(!opened.ok());
    QCOMPARE(reasonOf(opened.error()), Reason::Io);
    QCOMPARE(opened.error().message, path + u": already exists (refusing to replace an archive)"_s);
    QCOMPARE(Test::readFile(path), QByteArray("an older archive"));
    QVERIFY(!QFile::exists(path + u".part"_s));
}

void TestArchive::finishRefusesWhenTargetAppeared()
{
    const QString path = m_dir.filePath(u"race.frec"_s);
    ArchiveWriter writer(path, m_key, Test::sampleHeader());
    QVERIFY(writer.open().ok());
    QVERIFY(writer.append(Test::mixedEvents(1).front()).ok());
    QVERIFY(Test::writeFile(path, "appeared meanwhile"));
    const auto sealed = writer.finish();
    QVERIFY(!sealed.ok());
    QCOMPARE(reasonOf(sealed.error()), Reason::Io);
    QVERIFY2(sealed.error().message.startsWith(path + u": cannot store the archive"_s),
             qPrintable(sealed.error().message));
    QCOMPARE(Test::readFile(path), QByteArray("appeared meanwhile"));
    QVERIFY(!QFile::exists(path + u".part"_s));
}

void TestArchive::cancelReading()
{
    const QString path = m_dir.filePath(u"cancel.frec"_s);
    QVERIFY(Test::writeArchive(path, m_key, Test::mixedEvents(50)).ok());
    ArchiveReader reader(path);
    QVERIFY(reader.open().ok());
    int seen = 0;
    const auto read = reader.readEvents([&](const Event &) { return ++seen < 10; });
    QVERIFY(!read.ok());
    QCOMPARE(reasonOf(read.error()), Reason::Cancelled);
    QCOMPARE(read.error().message, path + u": reading cancelled"_s);
    QCOMPARE(seen, 10);
}

void TestArchive::verifyWithTrustSet()
{
    const QString path = m_dir.filePath(u"verify.frec"_s);
    const auto sealed = Test::writeArchive(path, m_key, Test::mixedEvents(40));
    QVERIFY(sealed.ok());
    const PublicKey other = SigningKey::generate().publicKey();

    VerifyOptions options;
    const auto untrusted = verifyArchive(path, options);
    QVERIFY2(untrusted.ok(), untrusted.ok() ? "" : qPrintable(untrusted.error().message));

    options.trusted = QList<PublicKey>{other, m_key.publicKey()};
    const auto verified = verifyArchive(path, options);
    QVERIFY2(verified.ok(), verified.ok() ? "" : qPrintable(verified.error().message));
    QCOMPARE(verified->manifest, sealed->manifest);
    QCOMPARE(verified->digest, sealed->digest);
    QCOMPARE(verified->signer, m_key.publicKey());
    QVERIFY(verified->eventsDecoded);

    for (const QList<PublicKey> &trusted : {QList<PublicKey>{other}, QList<PublicKey>{}}) {
        options.trusted = trusted;
        const auto rejected = verifyArchive(path, options);
        QVERIFY(!rejected.ok());
        QCOMPARE(reasonOf(rejected.error()), Reason::UnknownSigner);
        QCOMPARE(rejected.error().message, path + u": unknown signer "_s + m_key.publicKey().fingerprint());
        QVERIFY(rejected.error().message.contains(u"unknown signer BLAKE2B:"_s));
    }
}

QTEST_GUILESS_MAIN(TestArchive)
#include "tst_archive.moc"
