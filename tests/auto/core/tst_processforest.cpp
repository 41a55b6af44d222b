// SPDX-License-Identifier: GPL-3.0-or-later
// ProcessQueries::forest on both of its ways (a walk in the engine up to kForestWalkLimit rows, one scan of the host
// and the trees built in memory above it), on SQLite and a real PostgreSQL, against an answer computed here from the
// parent links alone: a host of 15,000 processes in a random tree (roots whose parent the case does not hold, exited
// and running processes), a loop of parent links and a process under a parent the case does not hold (both left
// out), and a second host whose processes never appear. The whole forest, depth cuts and time ranges give the same
// rows in the same order both ways; a limit keeps the rows nearest their roots, in the engine's walk and in the
// layout in memory (layOutForest, given the host's rows as the scan reads them).
#include "database.h"
#include "forestlayout.h"
#include "processqueries.h"
#include "queryfixture.h"
#include "randomforest.h"
#include "skip.h"

#include <QHash>
#include <QSet>
#include <QTest>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;

namespace {

// 15,000 processes: under kForestWalkLimit, so that both ways give the whole forest.
const RandomForest kForest{15000, 1000};

} // namespace

class TestProcessForest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data();
    void initTestCase();
    void init();
    void bothWaysGiveTheForest_data();
    void bothWaysGiveTheForest();
    void limitKeepsTheRowsNearestTheRoots();

private:
    std::unique_ptr<FreshCases> m_cases;
    std::unique_ptr<Database> m_db;
    qint64 m_host = 0;
};

void TestProcessForest::initTestCase_data()
{
    ScenarioCases::addEngineRows();
}

void TestProcessForest::initTestCase()
{
    m_cases = std::make_unique<FreshCases>();
}

void TestProcessForest::init()
{
    QFETCH_GLOBAL(QString, engine);
    if (m_db && m_db->location().display().startsWith(engine == "sqlite"_L1 ? u"/"_s : u"postgresql"_s))
        return; // one case per engine
    m_db.reset();
    if (engine == "postgresql"_L1 && !m_cases->hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    QString name;
    auto opened = m_cases->open(engine, u"forest"_s, &name);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    m_db = std::move(*opened);
    auto other = RandomForest{50, 0}.write(*m_db, u"other"_s);
    QVERIFY2(other.ok(), qPrintable(other.error().message));
    auto host = kForest.write(*m_db, u"forest"_s);
    QVERIFY2(host.ok(), qPrintable(host.error().message));
    m_host = *host;
}

void TestProcessForest::bothWaysGiveTheForest_data()
{
    QTest::addColumn<std::optional<qint64>>("from");
    QTest::addColumn<std::optional<qint64>>("to");
    QTest::addColumn<int>("maxDepth");
    QTest::newRow("whole") << std::optional<qint64>() << std::optional<qint64>() << ProcessQueries::kMaxDepth;
    QTest::newRow("depth 0") << std::optional<qint64>() << std::optional<qint64>() << 0;
    QTest::newRow("depth 3") << std::optional<qint64>() << std::optional<qint64>() << 3;
    QTest::newRow("range") << std::optional<qint64>(RandomForest::kBase + 20000)
                           << std::optional<qint64>(RandomForest::kBase + 60000) << ProcessQueries::kMaxDepth;
    QTest::newRow("from only, depth 2") << std::optional<qint64>(RandomForest::kBase + 90000) << std::optional<qint64>()
                                        << 2;
}

void TestProcessForest::bothWaysGiveTheForest()
{
    QFETCH(std::optional<qint64>, from);
    QFETCH(std::optional<qint64>, to);
    QFETCH(int, maxDepth);
    const RandomForest::Layout expected = kForest.expected(from, to, maxDepth);
    QVERIFY(expected.ids.size() > 20 && expected.ids.size() <= ProcessQueries::kForestWalkLimit);
    ProcessQueries queries(*m_db);
    for (const int limit : {ProcessQueries::kForestWalkLimit, ProcessQueries::kForestWalkLimit + 1}) {
        auto forest = queries.forest(m_host, {from, to}, maxDepth, limit);
        QVERIFY2(forest.ok(), qPrintable(forest.error().message));
        QList<qint64> ids;
        QList<int> depths;
        for (const TreeRow &row : std::as_const(forest->rows)) {
            ids.append(row.process.id - 1000);
            depths.append(row.depth);
        }
        QCOMPARE(ids, expected.ids);
        QCOMPARE(depths, expected.depths);
        QCOMPARE(forest->truncated, maxDepth != ProcessQueries::kMaxDepth);
        for (qsizetype i = 0; i + 1 < forest->rows.size(); ++i) {
            const bool childFollows = forest->rows[i + 1].depth == forest->rows[i].depth + 1;
            if (forest->rows[i].depth < maxDepth)
                QCOMPARE(forest->rows[i].process.hasChildren, childFollows);
        }
        QCOMPARE(forest->rows.constFirst().process.argv, QByteArray("p\0-x", 4));
    }
}

void TestProcessForest::limitKeepsTheRowsNearestTheRoots()
{
    const RandomForest::Layout whole = kForest.expected(std::nullopt, std::nullopt, ProcessQueries::kMaxDepth);
    QHash<qint64, int> depthOf;
    for (qsizetype i = 0; i < whole.ids.size(); ++i)
        depthOf.insert(whole.ids[i], whole.depths[i]);
    ProcessQueries queries(*m_db);
    auto all = queries.forest(m_host, {}, ProcessQueries::kMaxDepth, ProcessQueries::kForestWalkLimit + 1);
    QVERIFY2(all.ok(), qPrintable(all.error().message));
    QList<TreeRow> scanned = all->rows; // as the scan reads them: roots at depth 0, the rest unknown, any order
    std::reverse(scanned.begin(), scanned.end());
    for (TreeRow &row : scanned) {
        row.depth = row.process.parentId ? -1 : 0;
        row.process.hasChildren = false;
    }
    for (const int limit : {1, 500, 5000}) {
        for (const bool walked : {true, false}) {
            const Descendants forest = walked ? queries.forest(m_host, {}, ProcessQueries::kMaxDepth, limit).value()
                                              : layOutForest(scanned, ProcessQueries::kMaxDepth, limit);
            QCOMPARE(forest.rows.size(), qsizetype(limit));
            QVERIFY(forest.truncated);
            int deepestKept = 0;
            QSet<qint64> kept;
            for (const TreeRow &row : forest.rows) {
                const qint64 id = row.process.id - 1000;
                QCOMPARE(row.depth, depthOf.value(id, -1));
                QVERIFY2(!row.process.parentId || kept.contains(*row.process.parentId - 1000), "a parent comes first");
                kept.insert(id);
                deepestKept = std::max(deepestKept, row.depth);
            }
            for (qsizetype i = 0; i < whole.ids.size(); ++i) {
                if (!kept.contains(whole.ids[i]))
                    QVERIFY2(whole.depths[i] >= deepestKept, "a row nearer its root was cut");
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestProcessForest)
#include "tst_processforest.moc"
