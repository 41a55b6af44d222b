// SPDX-License-Identifier: GPL-3.0-or-later
// Importers working on one case at the same time, each on its own thread and connection (an analyst's import while
// the workstation pulls, two analysts on one PostgreSQL case): hosts whose archives share most of their paths are
// all imported, each path once; and an import that PostgreSQL ends to break a deadlock (forced here with a second
// transaction holding the path it needs) is imported again and completely. One import of several hosts (in lanes
// on PostgreSQL, importlanes.cpp) gives its outcomes in file order and calls the caller's handlers on the caller's
// thread; cancelled, it keeps exactly the archives it reported imported.
#include "casefixture.h"
#include "digest.h"
#include "importer.h"
#include "queryfixture.h"
#include "skip.h"
#include "truststore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;

namespace {

// Opens the case at `location` on the calling thread and imports `files` in order; the outcomes, or one Failed
// outcome saying why the case did not open.
QList<ImportOutcome> importOnOwnConnection(const QString &location, const QStringList &files)
{
    auto db = Database::open(location);
    if (!db) {
        ImportOutcome failed;
        failed.message = db.error().message;
        return {failed};
    }
    Importer importer(**db);
    QList<ImportOutcome> outcomes;
    for (const QString &file : files)
        outcomes.append(importer.importFile(file));
    importer.matchNewData();
    return outcomes;
}

// An archive of host `host` (0, 1 or 2) whose 25,000 file events name 4,000 paths that every host names, each host
// in other halves: host 0 names paths 0-1999 in the loader's first chunk (20,000 events) and 2000-3999 in its
// second, host 1 the other way round, host 2 from 1000. Imported at the same time, two such archives each hold half
// of what the other needs next: the deadlock that lets one of them go.
QList<Event> crossedPaths(int host, const QByteArray &prefix, qint64 firstMs)
{
    const int firstHalf = host == 0 ? 0 : host == 1 ? 2000 : 1000;
    QList<Event> events{execEvent(10, 1, u"worker"_s, {"/usr/bin/worker"}, firstMs)};
    for (int i = 0; i < 25000; ++i) {
        const int n = i < 20000 ? firstHalf + i % 2000 : firstHalf + 2000 + (i - 20000) % 2000;
        events.append(fileEvent(10, FileOp::Open, prefix + QByteArray::number(n % 4000), firstMs + 1 + i));
    }
    return events;
}

void addPath(QSet<QByteArray> &paths, const Event &event)
{
    if (const auto *file = std::get_if<FileAccess>(&event.body)) {
        paths.insert(file->path);
        if (file->to)
            paths.insert(*file->to);
    } else if (const auto *exec = std::get_if<ProcExec>(&event.body); exec && exec->exe) {
        paths.insert(*exec->exe);
    }
}

} // namespace

class TestConcurrentImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void hostsImportedAtOnce_data();
    void hostsImportedAtOnce();
    void deadlockVictimImportedAgain();
    void manyHostsInOneImport_data();
    void manyHostsInOneImport();
    void cancelStopsEveryLane();

private:
    std::unique_ptr<FreshCases> m_cases;
};

void TestConcurrentImport::initTestCase()
{
    m_cases = std::make_unique<FreshCases>();
}

void TestConcurrentImport::hostsImportedAtOnce_data()
{
    ScenarioCases::addEngineRows();
}

void TestConcurrentImport::hostsImportedAtOnce()
{
    QFETCH(QString, engine);
    if (engine == "postgresql"_L1 && !m_cases->hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    QString name;
    auto location = m_cases->create(engine, u"atonce"_s, &name);
    QVERIFY2(location.ok(), qPrintable(location.error().message));
    auto db = Database::open(*location);
    QVERIFY2(db.ok(), qPrintable(db.error().message));

    // Three hosts, two archives each: library paths, then /tmp names, that every host names (crossedPaths()).
    constexpr int kHosts = 3, kArchives = 2;
    const QString folder = QDir(m_cases->dir()).filePath(u"atonce-"_s + engine);
    QVERIFY(QDir().mkpath(folder));
    std::vector<std::unique_ptr<ArchiveSeries>> hosts;
    QList<QStringList> files(kHosts);
    QSet<QByteArray> paths;
    qint64 fileEvents = 0;
    for (int h = 0; h < kHosts; ++h) {
        hosts.push_back(std::make_unique<ArchiveSeries>(folder, u"host-%1"_s.arg(h)));
        auto trusted = TrustStore(**db).trust(hosts.back()->key.publicKey(), hosts.back()->host.hostname);
        QVERIFY2(trusted.ok(), qPrintable(trusted.error().message));
        for (int a = 0; a < kArchives; ++a) {
            const QList<Event> events
                = crossedPaths(h, a == 0 ? "/usr/lib/x86_64-linux-gnu/lib" : "/tmp/shared.", 30000 * a);
            for (const Event &event : events) {
                addPath(paths, event);
                fileEvents += std::holds_alternative<FileAccess>(event.body);
            }
            files[h].append(hosts.back()->next(events));
            QVERIFY(QFile::exists(files[h].last()));
        }
    }

    QList<QList<ImportOutcome>> outcomes(kHosts);
    std::vector<std::unique_ptr<QThread>> threads;
    for (int h = 0; h < kHosts; ++h) {
        threads.emplace_back(QThread::create([&, h] { outcomes[h] = importOnOwnConnection(*location, files[h]); }));
        threads.back()->start();
    }
    for (auto &thread : threads)
        QVERIFY(thread->wait(QDeadlineTimer(300000)));

    for (int h = 0; h < kHosts; ++h) {
        QCOMPARE(outcomes[h].size(), kArchives);
        for (const ImportOutcome &outcome : std::as_const(outcomes[h]))
            QVERIFY2(outcome.status == ImportStatus::Imported, qPrintable(outcome.message));
    }
    QCOMPARE(count(**db, u"archives"_s), qint64(kHosts * kArchives));
    QCOMPARE(count(**db, u"file_events"_s), fileEvents);
    QCOMPARE(count(**db, u"paths"_s), qint64(paths.size()));
    QCOMPARE(count(**db, u"file_events"_s, u"NOT EXISTS (SELECT 1 FROM paths p WHERE p.id = file_events.path_id)"_s),
             qint64(0));
}

// The import stores path Y (first chunk), then needs path X (second chunk), which another transaction added and
// has not committed; that transaction then adds Y: a deadlock. PostgreSQL ends the import's transaction (its
// deadlock_timeout, 1 s, runs out first; the other's is a minute), the other commits, and the importer imports the
// archive again: every event, X and Y once each.
void TestConcurrentImport::deadlockVictimImportedAgain()
{
    if (!m_cases->hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    QString name;
    auto location = m_cases->create(u"postgresql"_s, u"deadlock"_s, &name);
    QVERIFY2(location.ok(), qPrintable(location.error().message));
    auto blocker = Database::open(*location);
    QVERIFY2(blocker.ok(), qPrintable(blocker.error().message));
    auto watcher = Database::open(*location);
    QVERIFY2(watcher.ok(), qPrintable(watcher.error().message));

    const QByteArray pathY = "/srv/first-chunk/y", pathX = "/srv/second-chunk/x";
    ArchiveSeries series(m_cases->dir(), u"victim"_s);
    auto trusted = TrustStore(**blocker).trust(series.key.publicKey(), series.host.hostname);
    QVERIFY2(trusted.ok(), qPrintable(trusted.error().message));
    QList<Event> events{execEvent(100, 1, u"worker"_s, {"/usr/bin/worker"}, 0), fileEvent(100, FileOp::Open, pathY, 1)};
    while (events.size() < 20010) // the loader's chunks are 20,000 events
        events.append(fileEvent(100, FileOp::Open, "/srv/filler", events.size()));
    events.append(fileEvent(100, FileOp::Write, pathX, events.size()));
    const QString archive = series.next(events);
    QVERIFY(QFile::exists(archive));

    const auto digestOf = [](const QByteArray &path) { return Flight::Format::Blake2b256::hash(path).left(16); };
    const QString insertPath = u"INSERT INTO paths (digest, path) VALUES (?, ?)"_s;
    QVERIFY((*blocker)->begin().ok());
    QVERIFY((*blocker)->execute(u"SET LOCAL deadlock_timeout = '60s'"_s).ok());
    QVERIFY((*blocker)->execute(insertPath, {digestOf(pathX), pathX}).ok());

    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(u"deadlock detected.* - importing it again"_s));
    QList<ImportOutcome> outcomes;
    std::unique_ptr<QThread> importing(
        QThread::create([&] { outcomes = importOnOwnConnection(*location, {archive}); }));
    importing->start();
    // Until the import waits for X (it holds Y by then).
    QElapsedTimer waited;
    waited.start();
    qint64 waiting = 0;
    while (waiting == 0 && waited.elapsed() < 60000) {
        auto rows = (*watcher)->scalar(u"SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                       u"AND query LIKE 'INSERT INTO paths%'"_s);
        QVERIFY2(rows.ok(), qPrintable(rows.error().message));
        waiting = rows->toLongLong();
        if (waiting == 0)
            QThread::msleep(20);
    }
    QCOMPARE(waiting, qint64(1));
    // Waits until PostgreSQL has ended the import's transaction, then adds Y itself.
    auto closed = (*blocker)->execute(insertPath, {digestOf(pathY), pathY});
    QVERIFY2(closed.ok(), qPrintable(closed.error().message));
    QVERIFY((*blocker)->commit().ok());
    QVERIFY(importing->wait(QDeadlineTimer(120000)));

    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(outcomes[0].status == ImportStatus::Imported, qPrintable(outcomes[0].message));
    QCOMPARE(outcomes[0].events, qint64(events.size()));
    QCOMPARE(count(**watcher, u"archives"_s), qint64(1));
    QCOMPARE(count(**watcher, u"file_events"_s), qint64(events.size() - 1));
    for (const QByteArray &path : {pathX, pathY, QByteArray("/srv/filler")}) {
        QCOMPARE(count(**watcher, u"paths"_s, u"path = ?"_s, {path}), qint64(1));
        QCOMPARE(count(**watcher, u"file_events"_s, u"path_id = (SELECT id FROM paths WHERE path = ?)"_s, {path}),
                 path.startsWith("/srv/filler") ? qint64(events.size() - 3) : qint64(1));
    }
}

void TestConcurrentImport::manyHostsInOneImport_data()
{
    ScenarioCases::addEngineRows();
}

// One importPaths() of a folder of several hosts (on PostgreSQL in Importer::kLanes lanes): every archive imported,
// the outcomes in findArchives() order, and the caller's handlers called on the caller's thread only, with progress
// that counts the archives done.
void TestConcurrentImport::manyHostsInOneImport()
{
    QFETCH(QString, engine);
    if (engine == "postgresql"_L1 && !m_cases->hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    QString name;
    auto db = m_cases->open(engine, u"lanes"_s, &name);
    QVERIFY2(db.ok(), qPrintable(db.error().message));
    const QString folder = QDir(m_cases->dir()).filePath(u"lanes-"_s + engine);
    QVERIFY(QDir().mkpath(folder));
    constexpr int kHosts = 4, kArchives = 3;
    qint64 events = 0;
    for (int h = 0; h < kHosts; ++h) {
        ArchiveSeries host(folder, u"lane-host-%1"_s.arg(h));
        auto trusted = TrustStore(**db).trust(host.key.publicKey(), host.host.hostname);
        QVERIFY2(trusted.ok(), qPrintable(trusted.error().message));
        for (int a = 0; a < kArchives; ++a) {
            const QList<Event> batch = busyHostEvents(3000 + 500 * h, 1000 * a, 10000 * a);
            events += batch.size();
            QVERIFY(QFile::exists(host.next(batch)));
        }
    }

    Importer importer(**db);
    QThread *const caller = QThread::currentThread();
    bool elsewhere = false;
    int lastIndex = 0, outcomesSeen = 0;
    importer.setProgressHandler([&](const ImportProgress &progress) {
        elsewhere = elsewhere || QThread::currentThread() != caller;
        QVERIFY(progress.fileIndex >= lastIndex && progress.fileIndex < kHosts * kArchives);
        QCOMPARE(progress.fileCount, kHosts * kArchives);
        lastIndex = progress.fileIndex;
    });
    importer.setOutcomeHandler([&](const ImportOutcome &) {
        elsewhere = elsewhere || QThread::currentThread() != caller;
        ++outcomesSeen;
    });
    const QList<ImportOutcome> outcomes = importer.importPaths({folder});
    QVERIFY(!elsewhere);
    QCOMPARE(outcomesSeen, kHosts * kArchives);
    const QStringList order = Importer::findArchives({folder});
    QCOMPARE(outcomes.size(), order.size());
    for (qsizetype i = 0; i < outcomes.size(); ++i) {
        QCOMPARE(outcomes[i].path, order[i]);
        QVERIFY2(outcomes[i].status == ImportStatus::Imported, qPrintable(outcomes[i].message));
        QCOMPARE(outcomes[i].chain, outcomes[i].seq == 1 ? u"first"_s : u"intact"_s);
    }
    QCOMPARE(count(**db, u"archives"_s), qint64(kHosts * kArchives));
    QCOMPARE(count(**db, u"host_events"_s) + count(**db, u"process_events"_s) + count(**db, u"file_events"_s)
                 + count(**db, u"net_events"_s),
             events);
}

// Cancelled after the first archive is done: each lane rolls back the archive it was importing and starts no
// other; what the case holds is exactly the archives reported imported.
void TestConcurrentImport::cancelStopsEveryLane()
{
    if (!m_cases->hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    QString name;
    auto db = m_cases->open(u"postgresql"_s, u"cancel"_s, &name);
    QVERIFY2(db.ok(), qPrintable(db.error().message));
    const QString folder = QDir(m_cases->dir()).filePath(u"cancel"_s);
    QVERIFY(QDir().mkpath(folder));
    for (int h = 0; h < 4; ++h) {
        ArchiveSeries host(folder, u"cancel-host-%1"_s.arg(h));
        auto trusted = TrustStore(**db).trust(host.key.publicKey(), host.host.hostname);
        QVERIFY2(trusted.ok(), qPrintable(trusted.error().message));
        for (int a = 0; a < 3; ++a)
            QVERIFY(QFile::exists(host.next(busyHostEvents(h == 0 && a == 0 ? 500 : 30000, 1000 * a, 10000 * a))));
    }
    std::atomic<bool> cancel{false};
    Importer importer(**db);
    importer.setCancelFlag(&cancel);
    importer.setOutcomeHandler([&](const ImportOutcome &) { cancel = true; });
    const QList<ImportOutcome> outcomes = importer.importPaths({folder});
    qint64 imported = 0;
    for (const ImportOutcome &outcome : outcomes) {
        QVERIFY2(outcome.status == ImportStatus::Imported || outcome.status == ImportStatus::Cancelled,
                 qPrintable(outcome.message));
        imported += outcome.status == ImportStatus::Imported;
    }
    QVERIFY2(outcomes.size() < 12, qPrintable(u"%1 outcomes"_s.arg(outcomes.size())));
    QVERIFY(imported >= 1);
    QCOMPARE(count(**db, u"archives"_s), imported);
}

QTEST_GUILESS_MAIN(TestConcurrentImport)
#include "tst_concurrentimport.moc"
