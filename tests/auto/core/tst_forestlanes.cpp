// SPDX-License-Identifier: GPL-3.0-or-later
// ProcessQueries::forest over a host of more than kTwoLaneRows processes, which PostgreSQL reads in two lanes (a
// connection and a thread each, forestscan.h), on SQLite (one lane) and a real PostgreSQL: the forest computed from
// the parent links alone (randomforest.h), depth cuts and a time range included; from one snapshot while another
// connection commits new processes two at a time (one to each lane on PostgreSQL: a torn read would show one of a
// pair, or fail on the count it was sized by); in one lane in the caller's transaction; and in one lane, whole, when
// the server refuses the second connection (a role limited to one).
#include "database.h"
#include "forestscan.h"
#include "processqueries.h"
#include "queryfixture.h"
#include "randomforest.h"
#include "skip.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QTest>
#include <QThread>
#include <atomic>
#include <map>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;

namespace {

const RandomForest kForest{kTwoLaneRows + 2000, 1000};
// The rows of processes that arrive during a test: ids from here on, two roots per transaction.
constexpr qint64 kArrivals = 10000000;

} // namespace

class TestForestLanes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void theForestFromTwoLanes_data();
    void theForestFromTwoLanes();
    void oneSnapshotWhileProcessesArrive_data();
    void oneSnapshotWhileProcessesArrive();
    void oneLaneInTheCallersTransaction_data();
    void oneLaneInTheCallersTransaction();
    void oneLaneWhenASecondConnectionIsRefused_data();
    void oneLaneWhenASecondConnectionIsRefused();

private:
    // m_db: the case of `engine` with kForest's host (made on first use; kept for the other functions).
    Expected<void> useCase(const QString &engine);
    bool isPostgres() const { return m_db->engine() == Engine::Postgres; }
    // Empty when `forest` holds kForest's processes as `expected` lays them out (order, depths, values written);
    // else what differs.
    QString compare(const Expected<Descendants> &forest, const RandomForest::Layout &expected) const;

    std::unique_ptr<FreshCases> m_cases;
    std::map<QString, std::pair<std::unique_ptr<Database>, qint64>> m_byEngine; // the case and kForest's host
    Database *m_db = nullptr;
    qint64 m_host = 0;
};

void TestForestLanes::initTestCase()
{
    QLoggingCategory::setFilterRules(u"flightdeck.forest.debug=true"_s); // "read in two lanes"
    m_cases = std::make_unique<FreshCases>();
}

// Every function's data has the column "engine": the case it runs on.
void TestForestLanes::init()
{
    QFETCH(QString, engine);
    if (engine == "postgresql"_L1 && !m_cases->hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    const auto opened = useCase(engine);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
}

Expected<void> TestForestLanes::useCase(const QString &engine)
{
    auto &[db, host] = m_byEngine[engine];
    if (!db) {
        QString name;
        auto opened = m_cases->open(engine, u"lanes"_s, &name);
        if (!opened)
            return opened.error();
        if (auto other = RandomForest{50, 0}.write(**opened, u"other"_s); !other)
            return other.error();
        auto written = kForest.write(**opened, u"forest"_s);
        if (!written)
            return written.error();
        db = std::move(*opened);
        host = *written;
    }
    m_db = db.get();
    m_host = host;
    return {};
}

QString TestForestLanes::compare(const Expected<Descendants> &forest, const RandomForest::Layout &expected) const
{
    if (!forest)
        return forest.error().message;
    if (forest->rows.size() != expected.ids.size())
        return u"%1 rows, expected %2"_s.arg(forest->rows.size()).arg(expected.ids.size());
    for (qsizetype i = 0; i < expected.ids.size(); ++i) {
        const TreeRow &row = forest->rows[i];
        if (row.process.id - kForest.firstId != expected.ids[i] || row.depth != expected.depths[i])
            return u"row %1: process %2 at depth %3, expected %4 at depth %5"_s.arg(i)
                .arg(row.process.id - kForest.firstId)
                .arg(row.depth)
                .arg(expected.ids[i])
                .arg(expected.depths[i]);
        const qint64 process = expected.ids[i];
        if (row.process.comm != u"p%1"_s.arg(process) || row.process.argv != QByteArray("p\0-x", 4)
            || row.process.startTs != RandomForest::startOf(process)
            || row.process.exitTs != RandomForest::exitOf(process))
            return u"row %1: process %2's values are not the ones written"_s.arg(i).arg(process);
    }
    return {};
}

void TestForestLanes::theForestFromTwoLanes_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<std::optional<qint64>>("from");
    QTest::addColumn<std::optional<qint64>>("to");
    QTest::addColumn<int>("maxDepth");
    for (const QString &engine : {u"sqlite"_s, u"postgresql"_s}) {
        QTest::addRow("%s whole", qPrintable(engine))
            << engine << std::optional<qint64>() << std::optional<qint64>() << ProcessQueries::kMaxDepth;
        QTest::addRow("%s depth 3", qPrintable(engine))
            << engine << std::optional<qint64>() << std::optional<qint64>() << 3;
        QTest::addRow("%s range", qPrintable(engine))
            << engine << std::optional<qint64>(RandomForest::kBase + 20000)
            << std::optional<qint64>(RandomForest::kBase + 60000) << ProcessQueries::kMaxDepth;
    }
}

void TestForestLanes::theForestFromTwoLanes()
{
    QFETCH(std::optional<qint64>, from);
    QFETCH(std::optional<qint64>, to);
    QFETCH(int, maxDepth);
    const RandomForest::Layout expected = kForest.expected(from, to, maxDepth);
    QVERIFY(expected.ids.size() > 1000); // read by a scan of the host: the limit is above kForestWalkLimit
    if (isPostgres())
        QTest::ignoreMessage(QtDebugMsg,
                             QRegularExpression(u"host #%1's \\d+ processes read in two lanes"_s.arg(m_host)));
    const auto forest = ProcessQueries(*m_db).forest(m_host, {from, to}, maxDepth, int(kForest.count) * 2);
    const QString differs = compare(forest, expected);
    QVERIFY2(differs.isEmpty(), qPrintable(differs));
    QCOMPARE(forest->truncated, maxDepth != ProcessQueries::kMaxDepth);
}

void TestForestLanes::oneSnapshotWhileProcessesArrive_data()
{
    ScenarioCases::addEngineRows();
}

void TestForestLanes::oneSnapshotWhileProcessesArrive()
{
    std::atomic<bool> stop = false;
    std::atomic<qint64> pairs = 0; // committed
    QString writerFailure;
    std::unique_ptr<QThread> writer(QThread::create([&, location = m_db->location(), host = m_host] {
        auto db = Database::open(location);
        if (!db) {
            writerFailure = db.error().message;
            return;
        }
        for (qint64 pair = 0; !stop; ++pair) {
            auto written = (*db)->begin();
            for (const qint64 id : {kArrivals + 2 * pair, kArrivals + 2 * pair + 1}) {
                if (written)
                    written = (*db)->execute(u"INSERT INTO processes (id, host_id, boot_id, pid, start, start_ts) "
                                             u"VALUES (?, ?, 1, ?, ?, ?)"_s,
                                             {id, host, id, id, RandomForest::kBase});
            }
            if (written)
                written = (*db)->commit();
            if (!written) {
                writerFailure = written.error().message;
                return;
            }
            pairs = pair + 1;
        }
    }));
    writer->start();
    const auto finishWriter = [&] {
        stop = true;
        writer->wait();
    };
    const auto atExit = qScopeGuard([&] { // also after a failed check: the writer stopped, its processes gone
        finishWriter();
        (void)m_db->execute(u"DELETE FROM processes WHERE id >= ?"_s, {kArrivals});
    });
    while (pairs < 10 && writerFailure.isEmpty() && writer->isRunning())
        QThread::msleep(5);

    ProcessQueries queries(*m_db);
    qint64 arrivedDuringScans = 0;
    for (int run = 0; run < 4 && writerFailure.isEmpty(); ++run) {
        const qint64 before = pairs;
        if (isPostgres())
            QTest::ignoreMessage(QtDebugMsg, QRegularExpression(u"read in two lanes"_s));
        const auto forest = queries.forest(m_host, {}, ProcessQueries::kMaxDepth, int(kForest.count) * 4);
        arrivedDuringScans += pairs - before;
        QVERIFY2(forest.ok(), qPrintable(forest.error().message));
        QSet<qint64> arrived;
        for (const TreeRow &row : forest->rows) {
            if (row.process.id >= kArrivals)
                arrived.insert(row.process.id);
        }
        QVERIFY2(arrived.size() >= 2 * before, "processes committed before the forest was asked for are in it");
        for (const qint64 id : std::as_const(arrived))
            QVERIFY2(arrived.contains(id ^ 1), qPrintable(u"process row %1 without its pair %2"_s.arg(id).arg(id ^ 1)));
    }
    finishWriter();
    QVERIFY2(writerFailure.isEmpty(), qPrintable(writerFailure));
    QVERIFY2(arrivedDuringScans > 0, "processes were committed while the forests were read");
}

void TestForestLanes::oneLaneInTheCallersTransaction_data()
{
    ScenarioCases::addEngineRows();
}

void TestForestLanes::oneLaneInTheCallersTransaction()
{
    static QStringList logged;
    logged.clear();
    static QtMessageHandler passOn = nullptr;
    passOn = qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &context, const QString &message) {
        logged.append(message);
        passOn(type, context, message);
    });
    QVERIFY(m_db->begin().ok());
    const auto forest = ProcessQueries(*m_db).forest(m_host, {}, ProcessQueries::kMaxDepth, int(kForest.count) * 2);
    m_db->rollback();
    qInstallMessageHandler(passOn);
    QVERIFY2(logged.filter(u"two lanes"_s).isEmpty(), "another connection cannot see the caller's transaction");
    const QString differs = compare(forest, kForest.expected(std::nullopt, std::nullopt, ProcessQueries::kMaxDepth));
    QVERIFY2(differs.isEmpty(), qPrintable(differs));
}

void TestForestLanes::oneLaneWhenASecondConnectionIsRefused_data()
{
    QTest::addColumn<QString>("engine");
    QTest::newRow("postgresql") << u"postgresql"_s; // two lanes are PostgreSQL's alone
}

void TestForestLanes::oneLaneWhenASecondConnectionIsRefused()
{
    // A role that may hold one connection at a time (superusers are not held to a limit).
    QVERIFY(m_db->execute(u"CREATE ROLE flightdeck_solo LOGIN CONNECTION LIMIT 1"_s).ok());
    QVERIFY(m_db->execute(u"GRANT pg_read_all_data TO flightdeck_solo"_s).ok());
    QVERIFY(m_db->execute(u"GRANT CREATE ON SCHEMA public TO flightdeck_solo"_s).ok()); // opening checks the schema
    DatabaseLocation solo = m_db->location();
    solo.user = u"flightdeck_solo"_s;
    auto db = Database::open(solo);
    QVERIFY2(db.ok(), qPrintable(db.error().message));
    QTest::ignoreMessage(QtInfoMsg,
                         QRegularExpression(u"a second connection did not join the snapshot \\(.*too many "
                                            u"connections.*\\); reading its half on this one"_s));
    const auto forest = ProcessQueries(**db).forest(m_host, {}, ProcessQueries::kMaxDepth, int(kForest.count) * 2);
    const QString differs = compare(forest, kForest.expected(std::nullopt, std::nullopt, ProcessQueries::kMaxDepth));
    QVERIFY2(differs.isEmpty(), qPrintable(differs));
}

QTEST_GUILESS_MAIN(TestForestLanes)
#include "tst_forestlanes.moc"
