// SPDX-License-Identifier: GPL-3.0-or-later
// ProcessQueries::forest on both of its ways (a walk in the engine up to kForestWalkLimit rows, one scan of the host
// and the trees built in memory above it), on SQLite and a real PostgreSQL, against an answer computed here from the
// parent links alone: a host of 15,000 processes in a random tree (roots whose parent the case does not hold, exited
// and running processes), a loop of parent links and a process under a parent the case does not hold (both left
// out), and a second host whose processes never appear. The whole forest, depth cuts and time ranges give the same
// rows in the same order both ways; a limit keeps the rows nearest their roots, in the engine's walk and in the
// layout in memory (layOutForest, given the host's rows as the scan reads them).
#include "bulkwriter.h"
#include "database.h"
#include "forestlayout.h"
#include "processqueries.h"
#include "queryfixture.h"
#include "skip.h"

#include <QHash>
#include <QSet>
#include <QTest>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;

namespace {

constexpr qint64 kProcesses = 15000;
constexpr qint64 kBase = 1000000;

qint64 parentOf(qint64 i)
{
    if (i <= 3)
        return 0;
    const quint64 h = quint64(i) * 0x9E3779B97F4A7C15ULL;
    if ((h >> 7) % 50 == 0)
        return 0;
    return 1 + qint64((h >> 29) % quint64(i - 1));
}
qint64 startOf(qint64 i)
{
    return kBase + (i * 7919) % 100003; // not in id order: siblings are ordered by start, not by id
}
std::optional<qint64> exitOf(qint64 i)
{
    return i % 3 ? std::optional<qint64>(startOf(i) + 500 + i % 1000) : std::nullopt;
}

struct Forest
{
    QList<qint64> ids;
    QList<int> depths;
};

// The forest from the parent links alone, by plain recursion: roots alive in [from, to), siblings by (start, id).
Forest expectedForest(std::optional<qint64> from, std::optional<qint64> to, int maxDepth)
{
    QHash<qint64, QList<qint64>> children;
    QList<qint64> roots;
    for (qint64 i = 1; i <= kProcesses; ++i) {
        if (const qint64 parent = parentOf(i))
            children[parent].append(i);
        else if ((!to || startOf(i) < *to) && (!from || !exitOf(i) || *exitOf(i) >= *from))
            roots.append(i);
    }
    const auto byStart = [](qint64 a, qint64 b) { return std::pair(startOf(a), a) < std::pair(startOf(b), b); };
    Forest result;
    std::function<void(qint64, int)> visit = [&](qint64 id, int depth) {
        result.ids.append(id);
        result.depths.append(depth);
        if (depth == maxDepth)
            return;
        QList<qint64> kids = children.value(id);
        std::sort(kids.begin(), kids.end(), byStart);
        for (const qint64 kid : std::as_const(kids))
            visit(kid, depth + 1);
    };
    std::sort(roots.begin(), roots.end(), byStart);
    for (const qint64 root : std::as_const(roots))
        visit(root, 0);
    return result;
}

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
    bool writeHost(const QString &machine, qint64 firstId, qint64 count, qint64 *host);

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

bool TestProcessForest::writeHost(const QString &machine, qint64 firstId, qint64 count, qint64 *host)
{
    if (!m_db->execute(u"INSERT INTO hosts (machine_id, hostname, first_import_ts, last_import_ts) "
                       u"VALUES (?, ?, 0, 0)"_s,
                       {machine, machine})
             .ok())
        return false;
    *host = m_db->scalar(u"SELECT id FROM hosts WHERE machine_id = ?"_s, {machine})->toLongLong();
    BulkWriter &bulk = m_db->bulk();
    if (!m_db->begin().ok()
        || !bulk.start("processes"_L1, {"id"_L1, "host_id"_L1, "boot_id"_L1, "pid"_L1, "start"_L1, "start_ts"_L1,
                                        "parent_id"_L1, "comm"_L1, "argv"_L1, "exit_ts"_L1})
                .ok())
        return false;
    // Ids firstId + i; the last three: a loop of two and one under a parent the case does not hold.
    for (qint64 i = 1; i <= count + 3; ++i) {
        bulk.addInt(firstId + i);
        bulk.addInt(*host);
        bulk.addInt(1);
        bulk.addInt(i);
        bulk.addInt(i);
        bulk.addInt(i <= count ? startOf(i) : kBase + i);
        if (i == count + 1)
            bulk.addInt(firstId + count + 2);
        else if (i == count + 2)
            bulk.addInt(firstId + count + 1);
        else if (i == count + 3)
            bulk.addInt(firstId + 10 * count);
        else
            parentOf(i) ? bulk.addInt(firstId + parentOf(i)) : bulk.addNull();
        bulk.addText(QByteArrayView("p" + QByteArray::number(i)));
        bulk.addBlob(QByteArray("p\0-x", 4));
        bulk.addOptional(i <= count ? exitOf(i) : std::nullopt);
        if (!bulk.endRow().ok())
            return false;
    }
    return bulk.finish().ok() && m_db->commit().ok() && m_db->execute(u"ANALYZE"_s).ok();
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
    qint64 other = 0;
    QVERIFY(writeHost(u"other"_s, 0, 50, &other));
    QVERIFY(writeHost(u"forest"_s, 1000, kProcesses, &m_host));
}

void TestProcessForest::bothWaysGiveTheForest_data()
{
    QTest::addColumn<std::optional<qint64>>("from");
    QTest::addColumn<std::optional<qint64>>("to");
    QTest::addColumn<int>("maxDepth");
    QTest::newRow("whole") << std::optional<qint64>() << std::optional<qint64>() << ProcessQueries::kMaxDepth;
    QTest::newRow("depth 0") << std::optional<qint64>() << std::optional<qint64>() << 0;
    QTest::newRow("depth 3") << std::optional<qint64>() << std::optional<qint64>() << 3;
    QTest::newRow("range") << std::optional<qint64>(kBase + 20000) << std::optional<qint64>(kBase + 60000)
                           << ProcessQueries::kMaxDepth;
    QTest::newRow("from only, depth 2") << std::optional<qint64>(kBase + 90000) << std::optional<qint64>() << 2;
}

void TestProcessForest::bothWaysGiveTheForest()
{
    QFETCH(std::optional<qint64>, from);
    QFETCH(std::optional<qint64>, to);
    QFETCH(int, maxDepth);
    const Forest expected = expectedForest(from, to, maxDepth);
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
    const Forest whole = expectedForest(std::nullopt, std::nullopt, ProcessQueries::kMaxDepth);
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
            const Descendants forest = walked
                ? queries.forest(m_host, {}, ProcessQueries::kMaxDepth, limit).value()
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
