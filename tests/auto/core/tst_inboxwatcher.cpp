// SPDX-License-Identifier: GPL-3.0-or-later
// The inbox of pushed archives (Pull::InboxWatcher, flightdeck-cli inbox watch) on a real folder and a real SQLite
// case: archives written as .part and renamed into place are imported once each (never while still .part), a file
// copied in slowly waits until it stops changing, a malformed archive is reported and the watch goes on, rescans and
// a new watcher import nothing twice, and `flightdeck-cli inbox watch --once` imports a folder and exits with the
// import exit codes.
#include "casefixture.h"
#include "inboxwatcher.h"
#include "programrun.h"
#include "sampleevents.h"
#include "truststore.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck::TestSupport;
using Deck::Core::ImportOutcome;
using Deck::Core::ImportStatus;
namespace Test = Flight::TestSupport;

class TestInboxWatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void partThenRenameImportedOnce();
    void slowCopyWaitsUntilComplete();
    void malformedReportedAndWatchGoesOn();
    void cliWatchOnce();

private:
    // Copies `archive` into the inbox as NAME.part in two halves, then renames it to NAME.
    void push(const QString &archive, const QString &name);
    QString inbox() const { return m_dir.filePath(u"inbox"_s); }

    QTemporaryDir m_dir;
    std::unique_ptr<Deck::Core::Database> m_db;
    std::unique_ptr<ArchiveSeries> m_series;
};

void TestInboxWatcher::init()
{
    QVERIFY(m_dir.isValid());
    m_db.reset();
    QDir(m_dir.path()).removeRecursively();
    QVERIFY(QDir().mkpath(inbox()));
    QVERIFY(QDir().mkpath(m_dir.filePath(u"outbox"_s)));
    auto opened = Deck::Core::Database::open(m_dir.filePath(u"case.db"_s));
    QVERIFY2(opened, qPrintable(opened.error().message));
    m_db = std::move(*opened);
    m_series = std::make_unique<ArchiveSeries>(m_dir.filePath(u"outbox"_s), u"pusher.example.org"_s);
    QVERIFY(Deck::Core::TrustStore(*m_db).trust(m_series->key.publicKey(), u"pusher"_s).ok());
}

void TestInboxWatcher::push(const QString &archive, const QString &name)
{
    QFile source(archive);
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QByteArray bytes = source.readAll();
    const QString part = QDir(inbox()).filePath(name + u".part"_s);
    QFile target(part);
    QVERIFY(target.open(QIODevice::WriteOnly));
    target.write(bytes.left(bytes.size() / 2));
    target.flush();
    QTest::qWait(300); // the watcher sees the .part and must leave it alone
    target.write(bytes.mid(bytes.size() / 2));
    target.close();
    QVERIFY(QFile::rename(part, QDir(inbox()).filePath(name)));
}

void TestInboxWatcher::partThenRenameImportedOnce()
{
    Deck::Pull::InboxWatcher watcher(*m_db, {inbox(), 200, 300, {}});
    QSignalSpy done(&watcher, &Deck::Pull::InboxWatcher::archiveDone);
    QVERIFY(watcher.start().ok());
    for (int i = 0; i < 3; ++i)
        push(m_series->next(Test::mixedEvents(30)), u"pusher-%1.frec"_s.arg(i + 1));
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 3, 10000);
    for (const QList<QVariant> &signal : std::as_const(done)) {
        const auto outcome = signal.at(0).value<ImportOutcome>();
        QCOMPARE(outcome.status, ImportStatus::Imported);
        QVERIFY2(!outcome.path.endsWith(u".part"_s), qPrintable(outcome.path));
        QCOMPARE(count(*m_db, u"archives"_s, u"source = ?"_s, {outcome.path}), 1);
    }
    QCOMPARE(count(*m_db, u"archives"_s), 3);
    // Several rescans later nothing was imported again, and nothing is waiting.
    QTest::qWait(1000);
    QCOMPARE(done.size(), 3);
    QCOMPARE(watcher.status().imported, 3);
    QCOMPARE(watcher.status().waiting, 0);
    QVERIFY(watcher.status().lastImportMs > 0);
    QVERIFY(watcher.status().lastError.isEmpty());
    // A restarted watcher asks the importer, which knows the archives by digest: nothing changes.
    watcher.stop();
    const QString before = dumpTables(*m_db, evidenceTables());
    Deck::Pull::InboxWatcher again(*m_db, {inbox(), 200, 300, {}});
    const QList<ImportOutcome> outcomes = again.scanOnce();
    QCOMPARE(outcomes.size(), 3);
    for (const ImportOutcome &o : outcomes)
        QCOMPARE(o.status, ImportStatus::AlreadyImported);
    QCOMPARE(dumpTables(*m_db, evidenceTables()), before);
    QVERIFY(again.scanOnce().isEmpty());
}

void TestInboxWatcher::slowCopyWaitsUntilComplete()
{
    // A copy straight under the final name (no .part): written in pieces, it must not be imported half-written.
    Deck::Pull::InboxWatcher watcher(*m_db, {inbox(), 700, 200, {}});
    QSignalSpy done(&watcher, &Deck::Pull::InboxWatcher::archiveDone);
    QVERIFY(watcher.start().ok());
    QFile source(m_series->next(Test::mixedEvents(60)));
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QByteArray bytes = source.readAll();
    QFile target(QDir(inbox()).filePath(u"copied.frec"_s));
    QVERIFY(target.open(QIODevice::WriteOnly));
    for (qsizetype at = 0; at < bytes.size(); at += bytes.size() / 4 + 1) {
        target.write(bytes.mid(at, bytes.size() / 4 + 1));
        target.flush();
        QTest::qWait(250);
        QCOMPARE(done.size(), 0);
    }
    target.close();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 5000);
    QCOMPARE(done.at(0).at(0).value<ImportOutcome>().status, ImportStatus::Imported);
    QCOMPARE(count(*m_db, u"archives"_s), 1);
}

void TestInboxWatcher::malformedReportedAndWatchGoesOn()
{
    Deck::Pull::InboxWatcher watcher(*m_db, {inbox(), 100, 300, {}});
    QSignalSpy done(&watcher, &Deck::Pull::InboxWatcher::archiveDone);
    QVERIFY(watcher.start().ok());
    QFile junk(QDir(inbox()).filePath(u"junk.frec"_s));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("PK\x03\x04 this is not an archive");
    junk.close();
    QVERIFY(QDir().mkpath(QDir(inbox()).filePath(u"sub"_s)));
    QFile::copy(m_series->next(Test::mixedEvents(20)), QDir(inbox()).filePath(u"sub/good.frec"_s));
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, 10000);
    QMap<QString, ImportStatus> statuses;
    for (const QList<QVariant> &signal : std::as_const(done)) {
        const auto o = signal.at(0).value<ImportOutcome>();
        statuses.insert(QFileInfo(o.path).fileName(), o.status);
    }
    QCOMPARE(statuses.value(u"junk.frec"_s), ImportStatus::Invalid);
    QCOMPARE(statuses.value(u"good.frec"_s), ImportStatus::Imported);
    QCOMPARE(watcher.status().rejected, 1);
    QVERIFY2(watcher.status().lastError.contains(u"junk.frec"_s), qPrintable(watcher.status().lastError));
    QTest::qWait(800); // rescans: the malformed file is not reported again while it does not change
    QCOMPARE(done.size(), 2);
    QCOMPARE(count(*m_db, u"archives"_s), 1);
}

void TestInboxWatcher::cliWatchOnce()
{
    m_db.reset(); // the CLI is the case's writer now
    const QString db = m_dir.filePath(u"case.db"_s);
    QFile::copy(m_series->next(Test::mixedEvents(20)), QDir(inbox()).filePath(u"a.frec"_s));
    QFile::copy(m_series->next(Test::mixedEvents(20)), QDir(inbox()).filePath(u"b.frec"_s));
    QFile leftover(QDir(inbox()).filePath(u"c.frec.part"_s));
    QVERIFY(leftover.open(QIODevice::WriteOnly));
    leftover.write("half an upload");
    leftover.close();
    const auto run = [&](const QStringList &extra) {
        return Test::runProgram(
            QStringLiteral(FLIGHTDECK_CLI),
            QStringList{u"--db"_s, db} + extra
                + QStringList{u"inbox"_s, u"watch"_s, inbox(), u"--once"_s, u"--settle"_s, u"0.2"_s});
    };
    const auto first = run({});
    QVERIFY2(first.code == 0, qPrintable(first.err));
    QCOMPARE(first.out.count(u"imported"_s), 2);
    QVERIFY(!first.out.contains(u".part"_s) && !first.err.contains(u".part"_s));
    const auto second = run({u"--json"_s});
    QCOMPARE(second.code, 0);
    QCOMPARE(second.json(u"status"_s).size(), 2);
    for (const QJsonObject &o : second.json(u"status"_s))
        QCOMPARE(o[u"status"_s].toString(), u"already imported"_s);

    QFile junk(QDir(inbox()).filePath(u"junk.frec"_s));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("not a zip at all");
    junk.close();
    QTest::qWait(300);
    const auto third = run({});
    QCOMPARE(third.code, 1);
    QVERIFY2(third.err.contains(u"junk.frec"_s), qPrintable(third.err));
    const auto missing
        = Test::runProgram(QStringLiteral(FLIGHTDECK_CLI),
                           {u"--db"_s, db, u"inbox"_s, u"watch"_s, m_dir.filePath(u"nope"_s), u"--once"_s});
    QCOMPARE(missing.code, 2);
    QVERIFY2(missing.err.contains(u"nope: no such folder"_s), qPrintable(missing.err));
}

QTEST_GUILESS_MAIN(TestInboxWatcher)
#include "tst_inboxwatcher.moc"
