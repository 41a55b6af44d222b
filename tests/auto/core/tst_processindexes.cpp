// SPDX-License-Identifier: GPL-3.0-or-later
// The process tree's pages read their index in order on SQLite (migration 5), with the statistics ANALYZE wrote for a
// host of 1M processes (1% roots, 3 children per parent on average): the page of roots takes processes_roots and
// the page of children processes_children, neither sorts (a "USE TEMP B-TREE FOR ORDER BY" in the plan would mean
// every root or child is read and sorted before the first page). Before migration 5 the planner took
// processes_parent for `parent_id IS NULL` (it guessed 3 rows) and sorted every root of the case. The statements
// have the shape of ProcessQueries::roots and ::children (processqueries.cpp: processPage with a cursor). On a real
// PostgreSQL cluster (sequential scans off, the tables being empty) a page of children reads processes_children in
// order, with no Sort.
#include "database.h"
#include "pgcluster.h"
#include "skip.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck::Core;

class TestProcessIndexes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pagesReadTheirIndexInOrder_data();
    void pagesReadTheirIndexInOrder();
    void postgresChildrenInOrder();
};

void TestProcessIndexes::pagesReadTheirIndexInOrder_data()
{
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("index");
    QTest::newRow("roots") << u"p.host_id = 1 AND p.parent_id IS NULL"_s << u"processes_roots"_s;
    QTest::newRow("children") << u"p.parent_id = 5"_s << u"processes_children"_s;
}

void TestProcessIndexes::pagesReadTheirIndexInOrder()
{
    QFETCH(QString, where);
    QFETCH(QString, index);
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(u"plans.sqlite"_s));
    QVERIFY2(db, qPrintable(db.error().message));
    QVERIFY((*db)->execute(u"ANALYZE"_s).ok()); // creates sqlite_stat1
    QVERIFY((*db)->execute(u"DELETE FROM sqlite_stat1"_s).ok());
    const QList<QStringList> stats{
        {u"processes_roots"_s, u"10000 10000 10000 1 1"_s},
        {u"processes_children"_s, u"1000000 3 1 1"_s},
        {u"processes_start"_s, u"1000000 1000000 1"_s},
        {u"processes_unresolved"_s, u"10000 10000 10000 10000 10000"_s},
        {u"sqlite_autoindex_processes_1"_s, u"1000000 1000000 1000000 1 1"_s},
    };
    for (const QStringList &stat : stats)
        QVERIFY(
            (*db)
                ->execute(u"INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('processes', ?, ?)"_s, {stat[0], stat[1]})
                .ok());
    QVERIFY((*db)->execute(u"ANALYZE sqlite_schema"_s).ok()); // loads them
    auto plan = (*db)->query(
        u"EXPLAIN QUERY PLAN SELECT p.id, p.comm FROM processes p WHERE %1 AND "
        u"p.start_ts >= ? AND (p.start_ts > ? OR p.id > ?) ORDER BY p.start_ts, p.id LIMIT 500"_s.arg(where),
        {0, 0, 0});
    QVERIFY2(plan, qPrintable(plan.error().message));
    QString text;
    while (plan->next())
        text += plan->value(3).toString() + u'\n';
    QVERIFY2(text.contains(u"USING INDEX %1 "_s.arg(index)), qPrintable(text));
    QVERIFY2(!text.contains(u"TEMP B-TREE"_s), qPrintable(text));
}

void TestProcessIndexes::postgresChildrenInOrder()
{
    if (Deck::TestSupport::PgCluster::binDir().isEmpty())
        FLIGHT_SKIP("PostgreSQL is not installed");
    Deck::TestSupport::PgCluster pg;
    const QString started = pg.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QString error;
    const QString url = pg.createDatabase(u"plans"_s, &error);
    QVERIFY2(!url.isEmpty(), qPrintable(error));
    auto db = Database::open(url);
    QVERIFY2(db, qPrintable(db.error().message));
    QVERIFY((*db)->execute(u"SET enable_seqscan = off"_s).ok());
    // Values written in: PostgreSQL cannot prepare an EXPLAIN.
    auto plan = (*db)->query(u"EXPLAIN SELECT p.id, p.comm FROM processes p WHERE p.parent_id = 5 AND "
                             u"p.start_ts >= 0 AND (p.start_ts > 0 OR p.id > 0) ORDER BY p.start_ts, p.id LIMIT 500"_s);
    QVERIFY2(plan, qPrintable(plan.error().message));
    QString text;
    while (plan->next())
        text += plan->value(0).toString() + u'\n';
    QVERIFY2(text.contains(u"processes_children"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"Sort"_s), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestProcessIndexes)
#include "tst_processindexes.moc"
