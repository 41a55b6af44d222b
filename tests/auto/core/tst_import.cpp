// SPDX-License-Identifier: GPL-3.0-or-later
// The importer on both engines (every test runs on a SQLite case file and on a real PostgreSQL cluster started
// here): events of every kind land in their tables, parents are resolved across archives, hostile text survives,
// and tampered, truncated, untrusted, re-imported, gapped and forked archives each give their outcome — those not
// imported leave the case's evidence exactly as it was.
#include "archivewriter.h"
#include "casefixture.h"
#include "importer.h"
#include "queryfixture.h"
#include "skip.h"
#include "truststore.h"
#include "ziptools.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;
namespace Test = Flight::TestSupport;

class TestImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data();
    void initTestCase();
    void init();
    void cleanup();

    void everyKindLands();
    void parentResolvedAcrossArchives();
    void hostileTextIntact();
    void reimportIsNoOp();
    void tamperedChangesNothing();
    void tamperedReadAheadChangesNothing();
    void truncatedChangesNothing();
    void untrustedIsQuarantinedThenReleased();
    void otherKeyForKnownHostRefused();
    void gapRecordedAndFilled();
    void forkHeld();
    void encryptedToCaseKey();
    void cancelRollsBack();
    void folderWalkedInChainOrder();
    void stagingTablesLeftEmpty();

private:
    ImportOutcome import(const QString &path, ImportOptions options = {});
    void trust(const ArchiveSeries &series);

    // Where a test writes its archives.
    QString tempPath(const QString &name) const { return QDir(m_cases->dir()).filePath(name); }

    std::unique_ptr<FreshCases> m_cases;
    std::unique_ptr<Database> m_db;
    int m_caseNumber = 0;
};

void TestImport::initTestCase_data()
{
    ScenarioCases::addEngineRows();
}

void TestImport::initTestCase()
{
    m_cases = std::make_unique<FreshCases>();
}

void TestImport::init()
{
    QFETCH_GLOBAL(QString, engine);
    if (engine == "postgresql"_L1 && !m_cases->hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    ++m_caseNumber; // names each test's archives apart
    QString name;
    auto db = m_cases->open(engine, u"case"_s, &name);
    QVERIFY2(db.ok(), qPrintable(db.error().message));
    m_db = std::move(*db);
    QCOMPARE(m_db->engine(), engine == "sqlite"_L1 ? Engine::Sqlite : Engine::Postgres);
}

void TestImport::cleanup()
{
    m_db.reset();
}

ImportOutcome TestImport::import(const QString &path, ImportOptions options)
{
    Importer importer(*m_db, std::move(options));
    return importer.importFile(path);
}

void TestImport::trust(const ArchiveSeries &series)
{
    auto trusted = TrustStore(*m_db).trust(series.key.publicKey(), series.host.hostname);
    QVERIFY2(trusted.ok(), qPrintable(trusted.error().message));
}

void TestImport::everyKindLands()
{
    ArchiveSeries web(tempPath(QString()), u"every-%1"_s.arg(m_caseNumber));
    trust(web);
    const QList<Event> events = Test::mixedEvents(200);
    const auto outcome = import(web.next(events));
    QCOMPARE(outcome.status, ImportStatus::Imported);
    QCOMPARE(outcome.chain, u"first"_s);
    QCOMPARE(outcome.events, 200);
    QVERIFY2(outcome.message.contains(u"imported host"_s), qPrintable(outcome.message));

    QHash<QString, qint64> expected;
    for (const Event &e : events) {
        const QString kind = QString::fromLatin1(kindName(e));
        const QString table = kind.startsWith("proc."_L1) ? u"process_events"_s
            : kind == "file.access"_L1                    ? u"file_events"_s
            : kind == "net.endpoint"_L1                   ? u"net_events"_s
            : kind.startsWith("state."_L1)                ? u"state_changes"_s
            : kind == "rec.loss"_L1                       ? u"losses"_s
                                                          : u"host_events"_s;
        ++expected[table];
    }
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        QCOMPARE(count(*m_db, it.key()), it.value());
    QCOMPARE(count(*m_db, u"archives"_s), 1);
    QCOMPARE(count(*m_db, u"hosts"_s), 1);
    QVERIFY(count(*m_db, u"alerts"_s) > 0); // the samples hold high-severity state changes
    // The process key of the samples' full image, with its image and exit merged into one row.
    QCOMPARE(
        count(*m_db, u"processes"_s, u"pid = 4242 AND start = 987654321 AND exe = ?"_s, {QByteArray("/usr/sbin/sshd")}),
        1);
    QCOMPARE(count(*m_db, u"processes"_s, u"pid = 5000 AND exit_code = 0"_s), 1);
    QCOMPARE(count(*m_db, u"processes"_s, u"pid = 5001 AND exit_signal = 11 AND exit_core = 1"_s), 1);
    QCOMPARE(count(*m_db, u"file_events"_s, u"op = 'rename' AND to_path_id IS NOT NULL"_s),
             count(*m_db, u"file_events"_s, u"op = 'rename'"_s));

    const auto hosts = TrustStore(*m_db).hosts();
    QVERIFY(hosts.ok());
    QCOMPARE(hosts->size(), 1);
    QCOMPARE(hosts->constFirst().archives, 1);
    QCOMPARE(hosts->constFirst().events, 200);
    QCOMPARE(hosts->constFirst().keys.size(), 1);
    QCOMPARE(hosts->constFirst().keys.constFirst().lastSeq, std::optional<qint64>(1));
    QCOMPARE(count(*m_db, u"audit_log"_s, u"action = 'import'"_s), 1);
}

void TestImport::parentResolvedAcrossArchives()
{
    ArchiveSeries host(tempPath(QString()), u"tree-%1"_s.arg(m_caseNumber));
    trust(host);
    // Archive 1: a grandchild and a child whose parent (pid 100) the case does not know yet.
    QCOMPARE(import(host.next({execEvent(200, 100, u"bash"_s, {"bash"}, 1),
                               execEvent(300, 200, u"curl"_s, {"curl", "http://x"}, 2)}))
                 .status,
             ImportStatus::Imported);
    auto child = m_db->scalar(u"SELECT parent_id FROM processes WHERE pid = 300"_s);
    auto bash = m_db->scalar(u"SELECT id FROM processes WHERE pid = 200"_s);
    QCOMPARE(child->toLongLong(), bash->toLongLong());
    QVERIFY(m_db->scalar(u"SELECT parent_id FROM processes WHERE pid = 200"_s)->isNull());
    // Archive 2: the parent arrives (a snapshot) — the child imported earlier is linked to it.
    ProcSnapshot snapshot;
    snapshot.proc = {100, 1000};
    snapshot.parent = {1, 10};
    snapshot.comm = u"sshd"_s;
    QCOMPARE(
        import(host.next({Event{Test::kBaseTs + 5000000, Test::kBaseMono + 5000000, snapshot}, exitEvent(200, 0, 6)}))
            .status,
        ImportStatus::Imported);
    auto parent = m_db->scalar(u"SELECT id FROM processes WHERE pid = 100"_s);
    QCOMPARE(m_db->scalar(u"SELECT parent_id FROM processes WHERE pid = 200"_s)->toLongLong(), parent->toLongLong());
    // One row per process key: the exit of archive 2 merged into the row of archive 1.
    QCOMPARE(count(*m_db, u"processes"_s, u"pid = 200"_s), 1);
    QCOMPARE(count(*m_db, u"processes"_s, u"pid = 200 AND exit_code = 0 AND comm = 'bash'"_s), 1);
}

void TestImport::hostileTextIntact()
{
    ArchiveSeries host(tempPath(QString()), u"hostile-%1"_s.arg(m_caseNumber));
    trust(host);
    const QString comm = u"x'); DROP TABLE processes; --\"\n\t\\?"_s;
    const QList<QByteArray> argv{"sh", "-c", "echo '; DELETE FROM hosts WHERE ''='';\n\"$(id)\" \\x00 ?", "\xff\xfe"};
    const QByteArray path("/tmp/'; DROP TABLE paths; --\n\\N\t\"quoted\"");
    QCOMPARE(import(host.next({execEvent(400, 1, comm, argv, 1), fileEvent(400, FileOp::Create, path, 2)})).status,
             ImportStatus::Imported);
    auto rows = m_db->query(u"SELECT comm, argv FROM processes WHERE comm = ?"_s, {comm});
    QVERIFY(rows.ok());
    QVERIFY(rows->next());
    QCOMPARE(rows->value(0).toString(), comm);
    QCOMPARE(rows->value(1).toByteArray(), argv.join('\0'));
    QCOMPARE(count(*m_db, u"paths"_s, u"path = ?"_s, {path}), 1);
    QCOMPARE(count(*m_db, u"file_events f JOIN paths p ON p.id = f.path_id"_s, u"p.path = ?"_s, {path}), 1);
    QCOMPARE(count(*m_db, u"hosts"_s), 1);
}

void TestImport::reimportIsNoOp()
{
    ArchiveSeries host(tempPath(QString()), u"again-%1"_s.arg(m_caseNumber));
    trust(host);
    const QString path = host.next(Test::mixedEvents(50));
    QCOMPARE(import(path).status, ImportStatus::Imported);
    const QString before = dumpTables(*m_db);
    const auto again = import(path);
    QCOMPARE(again.status, ImportStatus::AlreadyImported);
    QCOMPARE(again.exitCode(), 0);
    QVERIFY2(again.message.contains(u"already imported"_s) && again.message.startsWith(path),
             qPrintable(again.message));
    QCOMPARE(dumpTables(*m_db), before);
}

namespace {

// The host's next archive, stored (uncompressed), with its last event line changed and the zip CRC fixed: every line
// still parses, so the events are written before the entry digest at the end says no — and must be rolled back.
// Empty when it could not be made.
QString nextTampered(ArchiveSeries &host)
{
    WriterOptions stored;
    stored.compressionLevel = 0;
    const QString path = host.next(Test::mixedEvents(3000), stored);
    QByteArray zip = Test::readFile(path);
    const auto layout = Test::zipLayout(zip);
    const auto *entry = Test::findEntry(layout, u"events.jsonl");
    if (!entry)
        return {};
    const qsizetype at = zip.lastIndexOf("\"mono\":", entry->dataOffset + entry->compressedSize) + 8;
    zip[at] = zip[at] == '1' ? '2' : '1';
    const quint32 crc = Test::crc32Of(QByteArrayView(zip).sliced(entry->dataOffset, entry->compressedSize));
    Test::putLe32(zip, entry->centralCrcOffset, crc);
    Test::putLe32(zip, entry->localCrcOffset, crc);
    return Test::writeFile(path, zip) ? path : QString();
}

} // namespace

void TestImport::tamperedChangesNothing()
{
    ArchiveSeries host(tempPath(QString()), u"tamper-%1"_s.arg(m_caseNumber));
    trust(host);
    QCOMPARE(import(host.next(Test::mixedEvents(30))).status, ImportStatus::Imported);
    const QString path = nextTampered(host);
    QVERIFY(!path.isEmpty());

    const QString before = dumpTables(*m_db);
    const auto outcome = import(path);
    QCOMPARE(outcome.status, ImportStatus::Invalid);
    QCOMPARE(outcome.exitCode(), 1);
    QVERIFY2(outcome.message.startsWith(path) && outcome.message.contains(u"mismatch"_s), qPrintable(outcome.message));
    QCOMPARE(dumpTables(*m_db), before);
}

// In a folder, each archive's events are read ahead while the one before it is stored: a tampered archive between
// two good ones still changes nothing, and the one after it is imported (after a gap).
void TestImport::tamperedReadAheadChangesNothing()
{
    const QString root = tempPath(u"ahead-%1"_s.arg(m_caseNumber));
    QVERIFY(QDir().mkpath(root));
    ArchiveSeries host(root, u"ahead-%1"_s.arg(m_caseNumber));
    trust(host);
    QVERIFY(!host.next(Test::mixedEvents(3000)).isEmpty());
    const QString tampered = nextTampered(host);
    QVERIFY(!tampered.isEmpty());
    QVERIFY(!host.next(Test::mixedEvents(3000)).isEmpty());
    const auto outcomes = Importer(*m_db).importPaths({root});
    QCOMPARE(outcomes.size(), 3);
    QCOMPARE(outcomes[0].status, ImportStatus::Imported);
    QCOMPARE(outcomes[1].path, tampered);
    QCOMPARE(outcomes[1].status, ImportStatus::Invalid);
    QVERIFY2(outcomes[1].message.contains(u"mismatch"_s), qPrintable(outcomes[1].message));
    QCOMPARE(outcomes[2].status, ImportStatus::Imported);
    QCOMPARE(outcomes[2].chain, u"gap"_s);
    QCOMPARE(count(*m_db, u"archives"_s), 2);
    QCOMPARE(count(*m_db, u"archives"_s, u"seq = 2"_s), 0);
    for (const QString &table : {u"process_events"_s, u"file_events"_s, u"net_events"_s})
        QCOMPARE(count(*m_db, table, u"archive_id NOT IN (SELECT id FROM archives)"_s), 0);
}

void TestImport::truncatedChangesNothing()
{
    ArchiveSeries host(tempPath(QString()), u"cut-%1"_s.arg(m_caseNumber));
    trust(host);
    QCOMPARE(import(host.next(Test::mixedEvents(10))).status, ImportStatus::Imported);
    const QString path = host.next(Test::mixedEvents(500));
    QFile::resize(path, QFileInfo(path).size() / 2);
    const QString before = dumpTables(*m_db);
    const auto outcome = import(path);
    QCOMPARE(outcome.status, ImportStatus::Invalid);
    QVERIFY2(outcome.message.startsWith(path) && outcome.message.contains(u"corrupt zip"_s),
             qPrintable(outcome.message));
    QCOMPARE(dumpTables(*m_db), before);
}

void TestImport::untrustedIsQuarantinedThenReleased()
{
    ArchiveSeries host(tempPath(QString()), u"stranger-%1"_s.arg(m_caseNumber));
    const QString first = host.next(Test::mixedEvents(20));
    const QString second = host.next(Test::mixedEvents(20));
    const QString evidence = dumpTables(*m_db, evidenceTables());
    for (const QString &path : {first, second}) {
        const auto outcome = import(path);
        QCOMPARE(outcome.status, ImportStatus::Quarantined);
        QCOMPARE(outcome.exitCode(), 1);
        QVERIFY2(outcome.message.contains(host.key.publicKey().fingerprint()), qPrintable(outcome.message));
    }
    QCOMPARE(dumpTables(*m_db, evidenceTables()), evidence);
    QCOMPARE(import(first).status, ImportStatus::AlreadyHeld);
    const auto held = TrustStore(*m_db).held();
    QVERIFY(held.ok());
    QCOMPARE(held->size(), 2);
    QCOMPARE(held->constFirst().reason, u"untrusted signer"_s);

    // The analyst trusts the signer named in the quarantine: both archives are imported, the quarantine empties.
    auto signer = TrustStore(*m_db).heldSigner(host.key.publicKey().fingerprint());
    QVERIFY(signer.ok() && signer->has_value());
    QVERIFY(TrustStore(*m_db).trust(**signer, {}).ok());
    Importer importer(*m_db);
    const auto outcomes = importer.importHeld(**signer);
    QCOMPARE(outcomes.size(), 2);
    QCOMPARE(outcomes[0].status, ImportStatus::Imported);
    QCOMPARE(outcomes[1].status, ImportStatus::Imported);
    QCOMPARE(outcomes[1].chain, u"intact"_s);
    QCOMPARE(count(*m_db, u"held_archives"_s), 0);
    QCOMPARE(count(*m_db, u"audit_log"_s, u"action = 'trust'"_s), 1);
}

void TestImport::otherKeyForKnownHostRefused()
{
    ArchiveSeries host(tempPath(QString()), u"known-%1"_s.arg(m_caseNumber));
    trust(host);
    QCOMPARE(import(host.next(Test::mixedEvents(10))).status, ImportStatus::Imported);
    ArchiveSeries impostor(tempPath(u"impostor"_s), host.host.hostname);
    QVERIFY(QDir().mkpath(tempPath(u"impostor"_s)));
    impostor.host = host.host;
    const QString path = impostor.next(Test::mixedEvents(10));
    const QString evidence = dumpTables(*m_db, evidenceTables());
    const auto outcome = import(path);
    QCOMPARE(outcome.status, ImportStatus::Refused);
    QCOMPARE(outcome.exitCode(), 1);
    QVERIFY2(outcome.message.contains(u"REFUSED"_s) && outcome.message.contains(host.key.publicKey().fingerprint())
                 && outcome.message.contains(impostor.key.publicKey().fingerprint()),
             qPrintable(outcome.message));
    QCOMPARE(dumpTables(*m_db, evidenceTables()), evidence);
    QCOMPARE(count(*m_db, u"audit_log"_s, u"action = 'refuse'"_s), 1);
}

void TestImport::gapRecordedAndFilled()
{
    ArchiveSeries host(tempPath(QString()), u"gap-%1"_s.arg(m_caseNumber));
    trust(host);
    const QString one = host.next(Test::mixedEvents(10));
    const QString two = host.next(Test::mixedEvents(10));
    const QString three = host.next(Test::mixedEvents(10));
    QCOMPARE(import(one).status, ImportStatus::Imported);
    const auto gapped = import(three);
    QCOMPARE(gapped.status, ImportStatus::Imported);
    QCOMPARE(gapped.chain, u"gap"_s);
    QCOMPARE(gapped.missingBefore, 1);
    QVERIFY2(gapped.message.contains(u"gap"_s), qPrintable(gapped.message));
    QCOMPARE(TrustStore(*m_db).hosts()->constFirst().missingArchives, 1);
    const auto late = import(two);
    QCOMPARE(late.status, ImportStatus::Imported);
    QCOMPARE(late.chain, u"late"_s);
    QCOMPARE(TrustStore(*m_db).hosts()->constFirst().missingArchives, 0);
    QCOMPARE(TrustStore(*m_db).hosts()->constFirst().keys.constFirst().lastSeq, std::optional<qint64>(3));
}

void TestImport::forkHeld()
{
    ArchiveSeries host(tempPath(QString()), u"fork-%1"_s.arg(m_caseNumber));
    trust(host);
    QCOMPARE(import(host.next(Test::mixedEvents(10))).status, ImportStatus::Imported);
    QCOMPARE(import(host.next(Test::mixedEvents(10))).status, ImportStatus::Imported);
    // Another history: a second seq 2 on the same seq 1, and a seq 3 that follows it instead of the imported seq 2.
    const QString otherTwo
        = host.write(2, host.digest(1), Test::mixedEvents(11), u"other-%1-2.frec"_s.arg(m_caseNumber));
    const QString otherThree
        = host.write(3, host.digest(2), Test::mixedEvents(12), u"other-%1-3.frec"_s.arg(m_caseNumber));
    const QString evidence = dumpTables(*m_db, evidenceTables());
    for (const QString &path : {otherTwo, otherThree}) {
        const auto outcome = import(path);
        QCOMPARE(outcome.status, ImportStatus::Fork);
        QCOMPARE(outcome.exitCode(), 1);
        QVERIFY2(outcome.message.startsWith(path) && outcome.message.contains(u"fork"_s), qPrintable(outcome.message));
    }
    QCOMPARE(dumpTables(*m_db, evidenceTables()), evidence);
    QCOMPARE(count(*m_db, u"held_archives"_s, u"reason = 'fork'"_s), 2);
    QCOMPARE(TrustStore(*m_db).hosts()->constFirst().forks, 2);
    QCOMPARE(import(otherTwo).status, ImportStatus::AlreadyHeld);
}

void TestImport::encryptedToCaseKey()
{
    ArchiveSeries host(tempPath(QString()), u"sealed-%1"_s.arg(m_caseNumber));
    trust(host);
    const DecryptionKey caseKey = DecryptionKey::generate();
    WriterOptions options;
    options.recipient = caseKey.recipient();
    const QString path = host.next(Test::mixedEvents(40), options);
    const QString before = dumpTables(*m_db);
    const auto withoutKey = import(path);
    QCOMPARE(withoutKey.status, ImportStatus::Failed);
    QCOMPARE(withoutKey.exitCode(), 2);
    QVERIFY2(withoutKey.message.contains(u"encrypted"_s), qPrintable(withoutKey.message));
    ImportOptions wrong;
    wrong.caseKey = DecryptionKey::generate();
    QCOMPARE(import(path, wrong).status, ImportStatus::Failed);
    QCOMPARE(dumpTables(*m_db), before);
    ImportOptions right;
    right.caseKey = caseKey;
    QCOMPARE(import(path, right).status, ImportStatus::Imported);
    QCOMPARE(count(*m_db, u"archives"_s, u"encrypted = 1"_s), 1);
}

void TestImport::cancelRollsBack()
{
    ArchiveSeries host(tempPath(QString()), u"cancel-%1"_s.arg(m_caseNumber));
    trust(host);
    const QString path = host.next(Test::mixedEvents(60000));
    const QString before = dumpTables(*m_db);
    std::atomic<bool> cancel{false};
    Importer importer(*m_db);
    importer.setCancelFlag(&cancel);
    importer.setProgressHandler([&](const ImportProgress &p) {
        if (p.bytesDone > p.bytesTotal / 2)
            cancel = true;
    });
    const auto outcomes = importer.importPaths({path});
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes[0].status, ImportStatus::Cancelled);
    QCOMPARE(dumpTables(*m_db), before);
}

void TestImport::folderWalkedInChainOrder()
{
    const QString root = tempPath(u"usb-%1"_s.arg(m_caseNumber));
    QVERIFY(QDir().mkpath(root + u"/a/b"_s));
    ArchiveSeries one(root + u"/a"_s, u"walk-a-%1"_s.arg(m_caseNumber));
    ArchiveSeries two(root + u"/a/b"_s, u"walk-b-%1"_s.arg(m_caseNumber));
    trust(one);
    trust(two);
    for (int i = 0; i < 11; ++i) { // seq 10 and 11 sort before 2 by name; the importer orders by seq
        QVERIFY(!one.next(Test::mixedEvents(5)).isEmpty());
        QVERIFY(!two.next(Test::mixedEvents(5)).isEmpty());
    }
    Importer importer(*m_db);
    int progressCalls = 0;
    importer.setProgressHandler([&](const ImportProgress &) { ++progressCalls; });
    const auto outcomes = importer.importPaths({root});
    QCOMPARE(outcomes.size(), 22);
    for (const ImportOutcome &o : outcomes) {
        QCOMPARE(o.status, ImportStatus::Imported);
        QVERIFY2(o.chain == "first"_L1 || o.chain == "intact"_L1, qPrintable(o.message));
    }
    QVERIFY(progressCalls >= 22);
    QCOMPARE(count(*m_db, u"archives"_s), 22);
    QCOMPARE(count(*m_db, u"hosts"_s), 2);
}

// A session imports archive after archive (a GUI's for days): the staging tables it writes each time must not keep
// what earlier archives left, or every later scan of them reads it all again. On PostgreSQL a DELETE left dead rows
// that nothing vacuums (temporary tables); their storage must be empty after each archive.
void TestImport::stagingTablesLeftEmpty()
{
    ArchiveSeries host(tempPath(QString()), u"staged-%1"_s.arg(m_caseNumber));
    trust(host);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(import(host.next(Test::mixedEvents(40))).status, ImportStatus::Imported);
        for (const QString &table : {u"stage_paths"_s, u"stage_keys"_s, u"stage_processes"_s, u"stage_seconds"_s}) {
            QCOMPARE(count(*m_db, table), 0);
            if (m_db->engine() == Engine::Postgres)
                QCOMPARE(m_db->scalar(u"SELECT pg_relation_size(to_regclass(?))"_s, {table})->toLongLong(), 0);
        }
    }
    QVERIFY(count(*m_db, u"paths"_s) > 0); // the archives did stage paths
}

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
