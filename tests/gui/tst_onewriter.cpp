// SPDX-License-Identifier: GPL-3.0-or-later
// One writer per case (CaseSession::writer()): a bookmark made while an import runs in a real SQLite case is queued
// behind the import on the same connection — it neither fails with "database is locked" nor is lost, and it is
// stored once the import is done, with every archive of the import in the case; meanwhile the views' worker, which
// the bookmark no longer uses, answers at once.
#include "casefixture.h"
#include "casemarks.h"
#include "casenotes.h"
#include "importjob.h"
#include "truststore.h"

#include <QDir>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck;
using namespace Deck::TestSupport;

class TestOneWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void bookmarkDuringImport();

private:
    QTemporaryDir m_dir;
    QString m_archives; // 4 archives of a busy host
    std::unique_ptr<ArchiveSeries> m_busy;
};

void TestOneWriter::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_archives = m_dir.filePath(u"archives"_s);
    QVERIFY(QDir().mkpath(m_archives));
    m_busy = std::make_unique<ArchiveSeries>(m_archives, u"busy.example.org"_s);
    for (int i = 0; i < 4; ++i)
        QVERIFY(!m_busy->next(busyHostEvents(20000, 1 + i * 5000, i * 600000)).isEmpty());
}

void TestOneWriter::bookmarkDuringImport()
{
    const QString location = m_dir.filePath(u"case.sqlite"_s);
    {
        auto db = Core::Database::open(location);
        QVERIFY2(db, qPrintable(db.error().message));
        QVERIFY(Core::TrustStore(**db).trust(m_busy->key.publicKey(), u"busy"_s).ok());
    }
    Models::CaseSession session;
    QSignalSpy opened(&session, &Models::CaseSession::opened);
    session.open(location);
    QVERIFY(opened.wait(10000));
    QVERIFY(session.writer());

    Models::ImportJob job;
    QSignalSpy finished(&job, &Models::ImportJob::finished);
    job.start(*session.writer(), {m_archives}, session.importOptions());
    QTRY_VERIFY_WITH_TIMEOUT(!job.progress().reading.isEmpty(), 30000);
    // The import is under way: its first archive is being read and stored.
    QVERIFY(job.isRunning());
    QCOMPARE(job.progress().archivesDone, 0);

    const Core::ObjectRef host{Core::ObjectType::Host, 1};
    QFutureWatcher<QString> watcher;
    bool importDoneFirst = false;
    connect(&watcher, &QFutureWatcher<QString>::finished, this, [&] { importDoneFirst = finished.count() == 1; });
    QSignalSpy bookmarkDone(&watcher, &QFutureWatcher<QString>::finished);
    const QFuture<QString> bookmarked = Models::CaseMarks::of(session).bookmark(host, u"seen during the import"_s);
    watcher.setFuture(bookmarked);
    // A view's query asked after the bookmark is answered before it: the bookmark waits on the writer, not on the
    // views' worker (where it would hold up every page until the import let it in).
    bool bookmarkPendingWhenAnswered = false;
    auto answered = session.worker().run([bookmarked, &bookmarkPendingWhenAnswered](Core::Database &db) {
        bookmarkPendingWhenAnswered = !bookmarked.isFinished();
        return db.scalar(u"SELECT COUNT(*) FROM host_keys"_s).ok();
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered.isFinished(), 30000);
    QVERIFY(answered.result());
    QVERIFY2(bookmarkPendingWhenAnswered, "the bookmark was written on the views' worker, not on the one writer");
    QTRY_COMPARE_WITH_TIMEOUT(bookmarkDone.count(), 1, 60000); // told, not only done
    QCOMPARE(watcher.future().resultCount(), 1);
    QCOMPARE(watcher.result(), QString()); // no "database is locked", no error at all
    QVERIFY2(importDoneFirst, "the bookmark was written beside the import, not after it on the one writer");
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(job.outcomes().size(), 4);
    for (const Core::ImportOutcome &outcome : job.outcomes())
        QVERIFY2(outcome.status == Core::ImportStatus::Imported, qPrintable(outcome.message));
    session.close();

    auto db = Core::Database::open(location);
    QVERIFY2(db, qPrintable(db.error().message));
    auto bookmarks = Core::CaseNotes(**db).bookmarks(host);
    QVERIFY2(bookmarks.ok(), qPrintable(bookmarks.error().message));
    QCOMPARE(bookmarks->size(), 1);
    QCOMPARE(bookmarks->at(0).label, u"seen during the import"_s);
    QCOMPARE(count(**db, u"archives"_s), 4);
}

QTEST_GUILESS_MAIN(TestOneWriter)
#include "tst_onewriter.moc"
