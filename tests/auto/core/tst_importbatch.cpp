// SPDX-License-Identifier: GPL-3.0-or-later
// SQLite imports the archives of one importPaths() in batches: one transaction, a savepoint for each archive
// (Database::beginBatch). Each archive is still all or nothing; an outcome is reported only once its archive is
// committed; and when a batch cannot be stored, none of its archives is reported as imported. (PostgreSQL commits
// archive by archive: tst_import covers both engines.)
#include "casefixture.h"
#include "importer.h"
#include "truststore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;
namespace Test = Flight::TestSupport;

class TestImportBatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void reportedOnceCommitted();
    void failedArchiveLeavesTheOthers();
    void fullDiskReportsOnlyWhatWasStored();
    void cancelKeepsTheArchivesBefore();

private:
    // `archives` new archives of a new host in hostDir(), its key trusted.
    QStringList series(int archives, int events);
    QString hostDir() const { return m_dir.filePath(u"host-%1"_s.arg(m_hosts)); }
    QStringList storedDigests();

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ArchiveSeries> m_host;
    int m_hosts = 0;
};

void TestImportBatch::init()
{
    QVERIFY(m_dir.isValid());
    auto db = Database::open(m_dir.filePath(u"case-%1.db"_s.arg(++m_hosts)));
    QVERIFY2(db.ok(), qPrintable(db.error().message));
    m_db = std::move(*db);
}

void TestImportBatch::cleanup()
{
    m_host.reset();
    m_db.reset();
}

QStringList TestImportBatch::series(int archives, int events)
{
    QDir().mkpath(hostDir());
    m_host = std::make_unique<ArchiveSeries>(hostDir(), u"batch-%1"_s.arg(m_hosts));
    if (auto trusted = TrustStore(*m_db).trust(m_host->key.publicKey(), m_host->host.hostname); !trusted)
        qFatal("%s", qPrintable(trusted.error().message));
    QStringList files;
    for (int i = 0; i < archives; ++i)
        files << m_host->next(Test::mixedEvents(events));
    return files;
}

QStringList TestImportBatch::storedDigests()
{
    QStringList digests;
    auto rows = m_db->query(u"SELECT digest FROM archives ORDER BY seq"_s);
    while (rows && rows->next())
        digests << rows->value(0).toString();
    return digests;
}

// Another connection, reading while the import runs, finds each archive the moment its outcome is reported.
void TestImportBatch::reportedOnceCommitted()
{
    series(6, 300);
    auto reader = Database::open(m_db->location()); // before the import holds the write lock
    QVERIFY2(reader.ok(), qPrintable(reader.error().message));
    QList<qint64> seen;
    Importer importer(*m_db);
    importer.setOutcomeHandler([&](const ImportOutcome &outcome) {
        seen << (*reader)->scalar(u"SELECT COUNT(*) FROM archives WHERE digest = ?"_s, {outcome.digest})->toLongLong();
    });
    const auto outcomes = importer.importPaths({hostDir()});
    QCOMPARE(outcomes.size(), 6);
    for (const ImportOutcome &outcome : outcomes)
        QVERIFY2(outcome.status == ImportStatus::Imported, qPrintable(outcome.message));
    QCOMPARE(seen, QList<qint64>(6, 1));
}

// An archive the database refuses (here a trigger) is rolled back to its savepoint; those before and after it stay.
void TestImportBatch::failedArchiveLeavesTheOthers()
{
    const QStringList files = series(5, 400);
    QVERIFY(m_db->execute(u"CREATE TRIGGER refuse_third BEFORE INSERT ON archives WHEN NEW.seq = 3 "
                          u"BEGIN SELECT RAISE(ABORT, 'the third archive is refused by the test'); END"_s));
    const auto outcomes = Importer(*m_db).importPaths({hostDir()});
    QCOMPARE(outcomes.size(), 5);
    for (int i : {0, 1, 3, 4})
        QVERIFY2(outcomes[i].status == ImportStatus::Imported, qPrintable(outcomes[i].message));
    QCOMPARE(outcomes[2].status, ImportStatus::Failed);
    QVERIFY2(outcomes[2].message.startsWith(files[2]) && outcomes[2].message.contains(u"refused by the test"_s),
             qPrintable(outcomes[2].message));
    QCOMPARE(outcomes[3].chain, u"gap"_s);
    QCOMPARE(storedDigests(),
             QStringList({outcomes[0].digest, outcomes[1].digest, outcomes[3].digest, outcomes[4].digest}));
    for (const QString &table : {u"process_events"_s, u"file_events"_s, u"net_events"_s, u"host_events"_s})
        QCOMPARE(count(*m_db, table, u"archive_id NOT IN (SELECT id FROM archives)"_s), 0);
    QCOMPARE(count(*m_db, u"audit_log"_s, u"action = 'import'"_s), 4);
}

// The case runs out of room part-way (max_page_count): whatever SQLite then rolls back, exactly the archives
// reported as imported are in the case.
void TestImportBatch::fullDiskReportsOnlyWhatWasStored()
{
    const QStringList files = series(8, 2000);
    const qint64 empty = m_db->scalar(u"PRAGMA page_count"_s)->toLongLong();
    QCOMPARE(Importer(*m_db).importFile(files[0]).status, ImportStatus::Imported); // a transaction of its own
    const qint64 perArchive = m_db->scalar(u"PRAGMA page_count"_s)->toLongLong() - empty;
    QVERIFY(perArchive > 0);
    const qint64 limit = empty + perArchive * 3 + perArchive / 2;
    QCOMPARE(m_db->scalar(u"PRAGMA max_page_count = %1"_s.arg(limit))->toLongLong(), limit);

    QStringList reported{m_db->scalar(u"SELECT digest FROM archives"_s)->toString()};
    int failed = 0;
    Importer importer(*m_db);
    importer.setOutcomeHandler([&](const ImportOutcome &outcome) {
        if (outcome.status == ImportStatus::Imported)
            reported << outcome.digest;
        else if (outcome.status == ImportStatus::Failed)
            ++failed;
    });
    const auto outcomes = importer.importPaths(files.mid(1));
    QCOMPARE(outcomes.size(), 7);
    QVERIFY2(failed > 0, "the case never ran out of room");
    for (const ImportOutcome &outcome : outcomes) {
        if (outcome.status == ImportStatus::Failed)
            QVERIFY2(outcome.message.startsWith(outcome.path) && outcome.message.contains(u"full"_s),
                     qPrintable(outcome.message));
        else
            QVERIFY2(outcome.status == ImportStatus::Imported, qPrintable(outcome.message));
    }
    QCOMPARE(storedDigests(), reported);
    for (const QString &table : {u"process_events"_s, u"file_events"_s, u"net_events"_s})
        QCOMPARE(count(*m_db, table, u"archive_id NOT IN (SELECT id FROM archives)"_s), 0);
}

// Cancelled during the third archive: the two before it are committed with their batch, nothing of the third stays.
void TestImportBatch::cancelKeepsTheArchivesBefore()
{
    series(4, 20000);
    std::atomic<bool> cancel{false};
    Importer importer(*m_db);
    importer.setCancelFlag(&cancel);
    importer.setProgressHandler([&](const ImportProgress &p) {
        if (p.fileIndex == 2 && p.bytesDone > p.bytesTotal / 2)
            cancel = true;
    });
    const auto outcomes = importer.importPaths({hostDir()});
    QCOMPARE(outcomes.size(), 3);
    QCOMPARE(outcomes[0].status, ImportStatus::Imported);
    QCOMPARE(outcomes[1].status, ImportStatus::Imported);
    QCOMPARE(outcomes[2].status, ImportStatus::Cancelled);
    QCOMPARE(storedDigests(), QStringList({outcomes[0].digest, outcomes[1].digest}));
}

QTEST_GUILESS_MAIN(TestImportBatch)
#include "tst_importbatch.moc"
