// SPDX-License-Identifier: GPL-3.0-or-later
// The file access graph's and the network map's aggregates (filegraphqueries.h, networkqueries.h) on the incident
// of queryfixture.h, on a SQLite case file and on a real PostgreSQL cluster started here: which links, rows and
// counts, in which order, bounded and paged.
#include "filegraphqueries.h"
#include "networkqueries.h"
#include "processqueries.h"
#include "queryfixture.h"
#include "skip.h"

#include <QDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;

class TestGraphQueries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data();
    void initTestCase();
    void init();

    void filesOfAProcess();
    void processesOfAFile();
    void conversations();
    void conversationsSorted();
    void endpoints();
    void links();

private:
    qint64 id(qint64 pid, const QString &host = u"alpha"_s);

    std::unique_ptr<FreshCases> m_fresh;
    std::map<QString, std::unique_ptr<Database>> m_cases;
    Database *m_db = nullptr;
};

void TestGraphQueries::initTestCase_data()
{
    ScenarioCases::addEngineRows();
}

void TestGraphQueries::initTestCase()
{
    m_fresh = std::make_unique<FreshCases>();
}

void TestGraphQueries::init()
{
    QFETCH_GLOBAL(QString, engine);
    auto &db = m_cases[engine];
    if (db) {
        m_db = db.get();
        return;
    }
    if (engine == "postgresql"_L1 && !m_fresh->hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    QString name;
    const auto location = m_fresh->create(engine, u"graph"_s, &name);
    QVERIFY2(location.ok(), qPrintable(location.error().message));
    const QString folder = QDir(m_fresh->dir()).filePath(engine);
    QVERIFY(QDir().mkpath(folder));
    auto opened = openScenarioCase(*location, folder, QString());
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    db = std::move(*opened);
    m_db = db.get();
}

qint64 TestGraphQueries::id(qint64 pid, const QString &host)
{
    auto hostId = findHost(*m_db, host);
    if (!hostId)
        return -1;
    auto process = ProcessQueries(*m_db).processByPid(*hostId, pid);
    return process ? process->id : -1;
}

void TestGraphQueries::filesOfAProcess()
{
    FileGraphQueries queries(*m_db);
    auto curl = queries.filesOf(id(300), {}, 10);
    QVERIFY2(curl.ok(), qPrintable(curl.error().message));
    QCOMPARE(curl->neighbours, 2);
    QCOMPARE(curl->links.size(), 2);
    QCOMPARE(curl->links[0].path, QByteArray("/etc/passwd"));
    QCOMPARE(curl->links[0].op, u"open"_s);
    QCOMPARE(curl->links[0].count, 1);
    QCOMPARE(curl->links[0].firstTs, QueryScenario::at(40));
    QCOMPARE(curl->links[1].path, QByteArray("/tmp/drop/a.sh"));
    QCOMPARE(curl->links[1].op, u"write"_s);
    QCOMPARE(curl->processes.size(), 1);
    QCOMPARE(curl->processes[0].comm, u"curl"_s);

    // Bounded and paged: one neighbour at a time, the count of all of them kept.
    auto first = queries.filesOf(id(300), {}, 1);
    QCOMPARE(first->links.size(), 1);
    QCOMPARE(first->neighbours, 2);
    auto second = queries.filesOf(id(300), {}, 1, 1);
    QCOMPARE(second->links.size(), 1);
    QCOMPARE(second->links[0].path, QByteArray("/tmp/drop/a.sh"));
    // Up to a time: only what was touched before it.
    auto early = queries.filesOf(id(300), {std::nullopt, QueryScenario::at(45)}, 10);
    QCOMPARE(early->neighbours, 1);
    QCOMPARE(early->links[0].path, QByteArray("/etc/passwd"));

    auto hostile = queries.filesOf(id(301), {}, 10);
    QVERIFY(hostile.ok());
    QCOMPARE(hostile->links.size(), 2);
    QCOMPARE(hostile->links[0].path, QByteArray("/tmp/drop/b.bin"));
    QCOMPARE(hostile->links[1].path, QueryScenario::hostilePath());
    QCOMPARE(hostile->links[1].op, u"create"_s);
    QCOMPARE(queries.filesOf(999999, {}, 10).error().code, int(StoreReason::NotFound));
}

void TestGraphQueries::processesOfAFile()
{
    FileGraphQueries queries(*m_db);
    auto passwd = queries.processesOf("/etc/passwd", {}, 10);
    QVERIFY2(passwd.ok(), qPrintable(passwd.error().message));
    QCOMPARE(passwd->neighbours, 2);
    QCOMPARE(passwd->processes.size(), 2);
    QCOMPARE(passwd->processes[0].pid, 300);
    QCOMPARE(passwd->processes[1].pid, 400);
    QCOMPARE(passwd->processes[1].exe, QByteArray("/usr/bin/python3"));
    QCOMPARE(passwd->links.size(), 2);
    QCOMPARE(passwd->links[1].processId, id(400));
    QCOMPARE(passwd->links[1].firstTs, QueryScenario::at(1030));

    auto early = queries.processesOf("/etc/passwd", {std::nullopt, QueryScenario::at(1000)}, 10);
    QCOMPARE(early->neighbours, 1);
    QCOMPARE(early->processes[0].pid, 300);
    auto one = queries.processesOf("/etc/passwd", {}, 1);
    QCOMPARE(one->processes.size(), 1);
    QCOMPARE(one->neighbours, 2);

    auto hostile = queries.processesOf(QueryScenario::hostilePath(), {}, 10);
    QVERIFY(hostile.ok());
    QCOMPARE(hostile->processes.size(), 1);
    QCOMPARE(hostile->processes[0].pid, 301);
    auto none = queries.processesOf("/no/such/file", {}, 10);
    QVERIFY(none.ok());
    QCOMPARE(none->neighbours, 0);
    QVERIFY(none->links.isEmpty());
}

void TestGraphQueries::conversations()
{
    NetworkQueries queries(*m_db);
    auto all = queries.conversations({}, {int(ConversationOrder::First), false}, 100);
    QVERIFY2(all.ok(), qPrintable(all.error().message));
    QCOMPARE(all->total, 3);
    QCOMPARE(all->rows.size(), 3);
    const ConversationRow &curl = all->rows[0];
    QCOMPARE(curl.hostname, u"alpha"_s);
    QCOMPARE(curl.proto, u"tcp"_s);
    QCOMPARE(curl.laddr, u"10.0.0.2"_s);
    QCOMPARE(curl.lport, 40300);
    QCOMPARE(curl.raddr, u"203.0.113.5"_s);
    QCOMPARE(curl.rport, std::optional<qint64>(443));
    QCOMPARE(curl.events, 1);
    QCOMPARE(curl.firstTs, QueryScenario::at(80));
    QCOMPARE(curl.pid, std::optional<qint64>(300));
    QCOMPARE(curl.comm, u"curl"_s);
    QCOMPARE(curl.uid, std::optional<qint64>(1000));
    QCOMPARE(all->rows[1].comm, u"wget"_s);
    QCOMPARE(all->rows[1].hostname, u"beta"_s);
    QCOMPARE(all->rows[2].comm, u"python3"_s);
    QCOMPARE(all->rows[2].rport, std::optional<qint64>(22));

    NetworkFilter beta;
    beta.hostId = *findHost(*m_db, u"beta"_s);
    auto onBeta = queries.conversations(beta, {}, 100);
    QCOMPARE(onBeta->total, 1);
    QCOMPARE(onBeta->rows[0].lport, 40500);
    NetworkFilter early;
    early.range.to = QueryScenario::at(1000);
    QCOMPARE(queries.conversations(early, {}, 100)->total, 2);
    auto paged = queries.conversations({}, {}, 1, 2);
    QCOMPARE(paged->rows.size(), 1);
    QCOMPARE(paged->total, 3);
    QCOMPARE(paged->rows[0].comm, u"python3"_s);
}

void TestGraphQueries::conversationsSorted()
{
    NetworkQueries queries(*m_db);
    const auto comms = [&](ConversationOrder order, bool descending) {
        QStringList out;
        const auto sorted = queries.conversations({}, {int(order), descending}, 100);
        for (const auto &row : sorted->rows)
            out << row.comm;
        return out;
    };
    QCOMPARE(comms(ConversationOrder::First, true), (QStringList{u"python3"_s, u"wget"_s, u"curl"_s}));
    QCOMPARE(comms(ConversationOrder::Process, false), (QStringList{u"curl"_s, u"python3"_s, u"wget"_s}));
    QCOMPARE(comms(ConversationOrder::Remote, false), (QStringList{u"python3"_s, u"curl"_s, u"wget"_s}));
    QCOMPARE(comms(ConversationOrder::Local, true), (QStringList{u"wget"_s, u"python3"_s, u"curl"_s}));
    QCOMPARE(comms(ConversationOrder::Host, true),
             (QStringList{u"wget"_s, u"python3"_s, u"curl"_s})); // then by remote end
}

void TestGraphQueries::endpoints()
{
    NetworkQueries queries(*m_db);
    auto all = queries.endpoints({}, {int(EndpointOrder::Events), true}, 100);
    QVERIFY2(all.ok(), qPrintable(all.error().message));
    QCOMPARE(all->total, 2);
    QCOMPARE(all->rows.size(), 2);
    const EndpointRow &web = all->rows[0];
    QCOMPARE(web.address, u"203.0.113.5"_s);
    QCOMPARE(web.ports, QList<qint64>{443});
    QCOMPARE(web.portCount, 1);
    QCOMPARE(web.events, 2);
    QCOMPARE(web.conversations, 2);
    QCOMPARE(web.processes, (QStringList{u"curl"_s, u"wget"_s}));
    QCOMPARE(web.processCount, 2);
    QCOMPARE(web.hostCount, 2);
    QCOMPARE(web.firstTs, QueryScenario::at(80));
    QCOMPARE(web.lastTs, QueryScenario::at(85));
    const EndpointRow &ssh = all->rows[1];
    QCOMPARE(ssh.address, u"198.51.100.7"_s);
    QCOMPARE(ssh.ports, QList<qint64>{22});
    QCOMPARE(ssh.processes, QStringList{u"python3"_s});
    QCOMPARE(ssh.hostCount, 1);

    auto byAddress = queries.endpoints({}, {int(EndpointOrder::Address), false}, 100);
    QCOMPARE(byAddress->rows[0].address, u"198.51.100.7"_s);
    NetworkFilter curl;
    curl.processId = id(300);
    auto ofCurl = queries.endpoints(curl, {}, 100);
    QCOMPARE(ofCurl->total, 1);
    QCOMPARE(ofCurl->rows[0].events, 1);
}

void TestGraphQueries::links()
{
    NetworkQueries queries(*m_db);
    NetworkFilter web;
    web.remoteAddress = u"203.0.113.5"_s;
    auto toWeb = queries.links(web, 100);
    QVERIFY2(toWeb.ok(), qPrintable(toWeb.error().message));
    QCOMPARE(toWeb->total, 2);
    QCOMPARE(toWeb->rows.size(), 2);
    QVERIFY(toWeb->rows[0].process);
    QCOMPARE(toWeb->rows[0].process->pid, 300);
    QCOMPARE(toWeb->rows[0].process->comm, u"curl"_s);
    QCOMPARE(toWeb->rows[0].hostname, u"alpha"_s);
    QCOMPARE(toWeb->rows[0].ports, QList<qint64>{443});
    QCOMPARE(toWeb->rows[0].protos, QStringList{u"tcp"_s});
    QCOMPARE(toWeb->rows[1].process->pid, 500);
    QCOMPARE(toWeb->rows[1].hostname, u"beta"_s);

    NetworkFilter python;
    python.processId = id(400);
    auto ofPython = queries.links(python, 100);
    QCOMPARE(ofPython->total, 1);
    QCOMPARE(ofPython->rows[0].raddr, u"198.51.100.7"_s);
    QCOMPARE(ofPython->rows[0].ports, QList<qint64>{22});

    NetworkFilter alpha;
    alpha.hostId = *findHost(*m_db, u"alpha"_s);
    auto onAlpha = queries.links(alpha, 1);
    QCOMPARE(onAlpha->total, 2);
    QCOMPARE(onAlpha->rows.size(), 1);
    QCOMPARE(onAlpha->rows[0].process->pid, 300);
}

QTEST_GUILESS_MAIN(TestGraphQueries)
#include "tst_graphqueries.moc"
