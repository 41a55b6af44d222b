// SPDX-License-Identifier: GPL-3.0-or-later
// Cross-host stitching, clock offsets and "follow process" (stitchqueries.h, followchain.h) on a SQLite case file
// and on a real PostgreSQL cluster: two hosts with a known clock offset (stitchfixture.h) imported by the real
// importer, every answer compared whole.
#include "followchain.h"
#include "processqueries.h"
#include "queryfixture.h"
#include "skip.h"
#include "stitchfixture.h"

#include <QDir>
#include <QTest>
#include <map>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;

namespace {

constexpr qint64 kMs = 1'000'000;
constexpr qint64 kAhead = StitchScenario::kBetaAheadMs;

} // namespace

class TestStitchQueries : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data();
    void initTestCase();
    void clockOffsetEstimated();
    void linksByTupleTimeAndSession();
    void unrelatedAndUnmonitoredNotLinked();
    void unstitchedSayWhy();
    void followFromTheClient();
    void followFromTheServerSide();
    void followUnstitchedProcess();
    void hostFilter();
    void estimateMedianOfEvenCount();

private:
    Database *db();
    qint64 processId(const QString &host, qint64 pid);
    qint64 hostId(const QString &host);
    StitchResult stitch(const StitchOptions &options = {});

    std::unique_ptr<FreshCases> m_fresh;
    std::map<QString, std::unique_ptr<Database>> m_cases;
};

void TestStitchQueries::initTestCase_data()
{
    ScenarioCases::addEngineRows();
}

void TestStitchQueries::initTestCase()
{
    m_fresh = std::make_unique<FreshCases>();
}

Database *TestStitchQueries::db()
{
    QFETCH_GLOBAL(QString, engine);
    auto &slot = m_cases[engine];
    if (slot)
        return slot.get();
    QString name;
    const auto location = m_fresh->create(engine, u"stitch"_s, &name);
    if (!location) {
        qWarning("%s", qPrintable(location.error().message));
        return nullptr;
    }
    auto opened = openStitchCase(*location, QDir(m_fresh->dir()).filePath(name));
    if (!opened) {
        qWarning("%s", qPrintable(opened.error().message));
        return nullptr;
    }
    slot = std::move(*opened);
    return slot.get();
}

#define CASE_OR_SKIP()                                                                                                 \
    do {                                                                                                               \
        QFETCH_GLOBAL(QString, engine);                                                                                \
        if (engine == "postgresql"_L1 && !m_fresh->hasPostgres())                                                      \
            FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");                                    \
        QVERIFY2(db(), "the case could not be built (see the warning above)");                                         \
    } while (false)

qint64 TestStitchQueries::hostId(const QString &host)
{
    auto id = findHost(*db(), host);
    return id ? *id : -1;
}

qint64 TestStitchQueries::processId(const QString &host, qint64 pid)
{
    auto row = ProcessQueries(*db()).processByPid(hostId(host), pid);
    return row ? row->id : -1;
}

StitchResult TestStitchQueries::stitch(const StitchOptions &options)
{
    auto result = StitchQueries(*db()).stitch(options);
    if (!result) {
        qWarning("%s", qPrintable(result.error().message));
        return {};
    }
    return *result;
}

void TestStitchQueries::clockOffsetEstimated()
{
    CASE_OR_SKIP();
    const StitchResult r = stitch();
    QCOMPARE(r.offsets.size(), 1);
    const ClockOffset &o = r.offsets.constFirst();
    QCOMPARE(o.hostA, hostId(u"alpha"_s));
    QCOMPARE(o.hostB, hostId(u"beta"_s));
    // Seven pairs: the ssh (2502), the scp (2502), the wgets (2501..2505): median 2502, spread 4 ms.
    QCOMPARE(o.pairs, 7);
    QCOMPARE(o.offsetNs, StitchScenario::kMedianDeltaMs * kMs);
    QCOMPARE(o.minNs, (kAhead + 1) * kMs);
    QCOMPARE(o.maxNs, (kAhead + 5) * kMs);
    QVERIFY(std::abs(o.offsetNs - kAhead * kMs) <= 5 * kMs);
    QCOMPARE(clockOffset(r.offsets, hostId(u"beta"_s), hostId(u"alpha"_s)), -o.offsetNs);
}

void TestStitchQueries::linksByTupleTimeAndSession()
{
    CASE_OR_SKIP();
    const StitchResult r = stitch();
    QStringList seen;
    for (const HostLink &l : r.links) {
        auto client = ProcessQueries(*db()).process(l.clientProcessId.value_or(-1));
        auto server = ProcessQueries(*db()).process(l.serverProcessId.value_or(-1));
        QVERIFY(client && server);
        seen << u"%1 %2:%3 -> %4 %5 %6 %7"_s.arg(client->comm)
                    .arg(l.clientPort)
                    .arg(l.serverPort)
                    .arg(server->comm)
                    .arg(server->pid)
                    .arg(l.evidence)
                    .arg(l.acceptTs ? (*l.acceptTs - l.connectTs) / kMs : -1);
    }
    const QStringList expected{
        u"ssh 50001:22 -> sshd 2001 4-tuple+ssh-env 2502"_s, u"ssh 50006:22 -> bash 2004 ssh-env -1"_s,
        u"wget 51010:80 -> nginx 2100 4-tuple 2501"_s,       u"wget 51011:80 -> nginx 2100 4-tuple 2502"_s,
        u"wget 51012:80 -> nginx 2100 4-tuple 2503"_s,       u"wget 51013:80 -> nginx 2100 4-tuple 2504"_s,
        u"wget 51014:80 -> nginx 2100 4-tuple 2505"_s,       u"scp 50001:22 -> sshd 2000 4-tuple 2502"_s,
    };
    QCOMPARE(seen.join(u"\n"_s), expected.join(u"\n"_s));
    const HostLink &ssh = r.links.constFirst();
    QCOMPARE(ssh.sessionProcessIds, QList<qint64>{processId(u"beta"_s, 2002)});
    QCOMPARE(ssh.clientUid, 1000);
    QCOMPARE(ssh.serverUid, 1000);
    // Raw times as recorded: the accept on beta's clock.
    QCOMPARE(ssh.connectTs, StitchScenario::at(300));
    QCOMPARE(ssh.acceptTs, StitchScenario::at(kAhead + 302));
}

void TestStitchQueries::unrelatedAndUnmonitoredNotLinked()
{
    CASE_OR_SKIP();
    const StitchResult r = stitch();
    for (const HostLink &l : r.links) {
        QVERIFY2(l.serverAddr != "192.0.2.50"_L1, "a connection to an unmonitored host was linked");
        QVERIFY2(l.clientPort != 50005, "an accept without its connect was linked");
        QVERIFY2(!l.acceptTs || *l.acceptTs != StitchScenario::at(kAhead + 7'200'300),
                 "an accept two hours later was linked");
    }
    QCOMPARE(r.unmonitored.size(), 1);
    QCOMPARE(r.unmonitored[0].hostId, hostId(u"alpha"_s));
    QCOMPARE(r.unmonitored[0].side, u"connect"_s);
    QCOMPARE(r.unmonitored[0].connections, 1);
    QCOMPARE(r.unmonitored[0].addresses, 1);
    QVERIFY(r.monitoredAddresses.contains(u"10.1.0.1"_s));
    QVERIFY(!r.monitoredAddresses.contains(u"192.0.2.50"_s));
}

void TestStitchQueries::unstitchedSayWhy()
{
    CASE_OR_SKIP();
    const StitchResult r = stitch();
    QStringList seen;
    for (const UnstitchedConnection &u : r.unstitched)
        seen << u"%1 %2 %3:%4 %5"_s.arg(u.side).arg(u.lport).arg(u.raddr).arg(u.rport).arg(u.reason);
    const QStringList expected{
        u"connect 50003 10.1.0.2:8080 no accept on beta: address translation (NAT), or the accept was not "
        u"recorded"_s,
        u"accept 22 10.1.0.1:50005 no connect on alpha: address translation (NAT), or the connect was not "
        u"recorded"_s,
        u"connect 50007 10.1.0.2:22 no accept on beta, which recorded a loss of events around then"_s,
        u"accept 22 10.1.0.1:50001 no connect: no archive of alpha covers that time"_s,
    };
    QCOMPARE(seen.join(u"\n"_s), expected.join(u"\n"_s));
}

void TestStitchQueries::followFromTheClient()
{
    CASE_OR_SKIP();
    auto chain = FollowQueries(*db()).follow(processId(u"alpha"_s, 1001));
    QVERIFY2(chain, qPrintable(chain.error().message));
    QStringList seen;
    for (const FollowStep &s : chain->steps) {
        const QString what = s.process
            ? s.process->comm
            : u"%1:%2"_s.arg(chain->links[*s.link].serverAddr).arg(chain->links[*s.link].serverPort);
        seen << u"%1%2 %3 %4"_s.arg(QString(s.depth * 2, u' '), what, s.role).arg(s.hostId == hostId(u"beta"_s));
    }
    const QStringList expected{u"ssh client 0"_s, u"  10.1.0.2:22 connection 0"_s, u"    sshd accept 1"_s,
                               u"      bash descendant 1"_s, u"        id descendant 1"_s};
    QCOMPARE(seen.join(u"\n"_s), expected.join(u"\n"_s));
    QCOMPARE(chain->originHostId, hostId(u"alpha"_s));
    QCOMPARE(chain->offsets.size(), 1);
    const qint64 offset = StitchScenario::kMedianDeltaMs * kMs;
    const FollowStep &connection = chain->steps[1];
    QCOMPARE(connection.rawTs, StitchScenario::at(300));
    QCOMPARE(connection.correctedTs, StitchScenario::at(300));
    QCOMPARE(connection.acceptRawTs, StitchScenario::at(kAhead + 302));
    QCOMPARE(connection.acceptCorrectedTs, StitchScenario::at(kAhead + 302) - offset);
    const FollowStep &id = chain->steps.constLast();
    QCOMPARE(id.rawTs, id.process->startTs);
    QCOMPARE(id.correctedTs, id.process->startTs - offset);
    // On alpha's clock the command ran 20 ms after the ssh connected, give or take the estimate's error.
    QVERIFY(std::abs(*id.correctedTs - StitchScenario::at(320)) <= 5 * kMs);
    QVERIFY(chain->unstitched.isEmpty());
    QVERIFY(!chain->truncated);
}

void TestStitchQueries::followFromTheServerSide()
{
    CASE_OR_SKIP();
    for (const qint64 pid : {2001, 2002, 2003}) {
        auto chain = FollowQueries(*db()).follow(processId(u"beta"_s, pid));
        QVERIFY2(chain, qPrintable(chain.error().message));
        QCOMPARE(chain->steps.size(), 5);
        QCOMPARE(chain->steps[0].process->id, processId(u"alpha"_s, 1001));
        QCOMPARE(chain->processId, processId(u"beta"_s, pid));
    }
    // The listener accepted the scp's connection: the chain shows it alone, not every session under it.
    auto listener = FollowQueries(*db()).follow(processId(u"beta"_s, 2000));
    QVERIFY(listener);
    QCOMPARE(listener->steps.size(), 3);
    QCOMPARE(listener->steps[0].process->comm, u"scp"_s);
    QCOMPARE(listener->steps[2].process->id, processId(u"beta"_s, 2000));
    auto bySession = FollowQueries(*db()).follow(processId(u"beta"_s, 2004));
    QVERIFY(bySession);
    QCOMPARE(bySession->steps.size(), 3);
    QCOMPARE(bySession->steps[0].process->id, processId(u"alpha"_s, 1004));
    QCOMPARE(bySession->steps[2].role, u"session"_s);
    QVERIFY(!bySession->steps[1].acceptRawTs);
}

void TestStitchQueries::followUnstitchedProcess()
{
    CASE_OR_SKIP();
    auto nc = FollowQueries(*db()).follow(processId(u"alpha"_s, 1003));
    QVERIFY(nc);
    QCOMPARE(nc->steps.size(), 1);
    QCOMPARE(nc->unstitched.size(), 1);
    QCOMPARE(nc->unstitched[0].rport, 8080);
    QCOMPARE(nc->unmonitoredConnections, 0);
    auto curl = FollowQueries(*db()).follow(processId(u"alpha"_s, 1002));
    QVERIFY(curl);
    QCOMPARE(curl->steps.size(), 1);
    QVERIFY(curl->unstitched.isEmpty());
    QCOMPARE(curl->unmonitoredConnections, 1);
    auto missing = FollowQueries(*db()).follow(999999);
    QVERIFY(!missing);
    QVERIFY2(missing.error().message.contains(u"999999"_s), qPrintable(missing.error().message));
}

void TestStitchQueries::hostFilter()
{
    CASE_OR_SKIP();
    StitchOptions onBeta;
    onBeta.hostId = hostId(u"beta"_s);
    QCOMPARE(stitch(onBeta).links.size(), 8);
    QCOMPARE(stitch(onBeta).unmonitored.size(), 0);
    StitchOptions narrow;
    narrow.toleranceNs = 1 * kMs; // only the pairs within 1 ms of the median
    QCOMPARE(stitch(narrow).offsets.value(0).pairs, 5);
}

void TestStitchQueries::estimateMedianOfEvenCount()
{
    const QList<ClockOffset> o
        = estimateClockOffsets({{1, 2, 10}, {2, 1, -30}, {1, 2, 20}, {1, 2, 40}, {3, 3, 5}, {4, 3, 7}});
    QCOMPARE(o.size(), 2);
    QCOMPARE(o[0].hostA, 1);
    QCOMPARE(o[0].offsetNs, 25); // 10 20 30 40
    QCOMPARE(o[0].spreadNs(), 30);
    QCOMPARE(o[1].hostA, 3);
    QCOMPARE(o[1].offsetNs, -7);
    QCOMPARE(clockOffset(o, 2, 1), -25);
    QCOMPARE(clockOffset(o, 1, 3), std::nullopt);
}

QTEST_GUILESS_MAIN(TestStitchQueries)
#include "tst_stitchqueries.moc"
