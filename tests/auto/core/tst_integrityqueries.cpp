// SPDX-License-Identifier: GPL-3.0-or-later
// The integrity record of a case (integrityqueries.h) and the facts of bookmarked objects (objectfacts.h), on a
// SQLite case file and on a real PostgreSQL cluster: the scenario of integrityfixture.h imported through the real
// importer, every answer compared whole.
#include "alertwriter.h"
#include "auditlog.h"
#include "casenotes.h"
#include "eventcodec.h"
#include "integrityfixture.h"
#include "integrityqueries.h"
#include "objectfacts.h"
#include "queryfixture.h"
#include "skip.h"

#include <QDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;

class TestIntegrityQueries : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data();
    void initTestCase();
    void init();
    void changesInTimeOrder();
    void changesFiltered();
    void alertsAndTriage();
    void alertEvidenceAndRaisingOnce();
    void factsOfEveryObjectType();
    void hosts();

private:
    qint64 scalar(const QString &sql, const QVariantList &params = {});

    std::unique_ptr<FreshCases> m_cases;
    std::unique_ptr<Database> m_db;
};

void TestIntegrityQueries::initTestCase_data()
{
    ScenarioCases::addEngineRows();
}

void TestIntegrityQueries::initTestCase()
{
    m_cases = std::make_unique<FreshCases>();
}

// A fresh case per test function (alertsAndTriage changes it).
void TestIntegrityQueries::init()
{
    QFETCH_GLOBAL(QString, engine);
    m_db.reset();
    if (engine == "postgresql"_L1 && !m_cases->hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    QString name;
    auto opened = m_cases->open(engine, u"integrity"_s, &name);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    m_db = std::move(*opened);
    const QString folder = QDir(m_cases->dir()).filePath(name);
    QVERIFY(QDir().mkpath(folder));
    IntegrityScenario scenario(folder);
    const QString failure = scenario.importInto(*m_db);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

qint64 TestIntegrityQueries::scalar(const QString &sql, const QVariantList &params)
{
    auto value = m_db->scalar(sql, params);
    return value ? value->toLongLong() : -1;
}

void TestIntegrityQueries::changesInTimeOrder()
{
    auto changes = IntegrityQueries(*m_db).changes({});
    QVERIFY2(changes.ok(), qPrintable(changes.error().message));
    QVERIFY(!changes->truncated);
    QStringList seen;
    for (const IntegrityRow &row : std::as_const(changes->rows))
        seen << u"%1 %2 %3 %4 %5"_s.arg((row.ts - IntegrityScenario::at(0)) / 1000000)
                    .arg(row.check, row.severity.isEmpty() ? u"-"_s : row.severity, row.alertId ? row.triage : u"-"_s)
                    .arg(row.items);
    QCOMPARE(seen,
             (QStringList{u"10 packages high new 3"_s, u"20 modules high new 1"_s, u"30 bpf high new 2"_s,
                          u"40 files high new 1"_s, u"50 logins medium - 1"_s, u"60 listeners medium - 1"_s,
                          u"70 kmsg - - 1"_s}));
    const IntegrityRow &modules = changes->rows.at(1);
    QCOMPARE(modules.source, IntegrityRow::Source::StateChange);
    QCOMPARE(modules.hostname, u"delta"_s);
    auto decoded = Flight::Format::decodeEvent(modules.detail);
    QVERIFY2(decoded.ok(), modules.detail.constData());
    const auto *change = std::get_if<Flight::Format::StateChange>(&decoded->body);
    QVERIFY(change);
    QCOMPARE(change->added.value(0).id, u"rootkit"_s);
    const IntegrityRow &kmsg = changes->rows.constLast();
    QCOMPARE(kmsg.source, IntegrityRow::Source::KernelLog);
    QVERIFY(kmsg.detail.contains("module verification failed"));
    QCOMPARE(kmsg.id, scalar(u"SELECT id FROM host_events WHERE kind = 'host.kmsg'"_s));
}

void TestIntegrityQueries::changesFiltered()
{
    IntegrityQueries queries(*m_db);
    IntegrityFilter filter;
    filter.range = {IntegrityScenario::at(20), IntegrityScenario::at(50)};
    auto ranged = queries.changes(filter);
    QVERIFY2(ranged.ok(), qPrintable(ranged.error().message));
    QStringList checks;
    for (const IntegrityRow &row : std::as_const(ranged->rows))
        checks << row.check;
    QCOMPARE(checks, (QStringList{u"modules"_s, u"bpf"_s, u"files"_s}));

    filter = {};
    filter.kernelLog = false;
    QCOMPARE(queries.changes(filter)->rows.size(), qsizetype(6));
    filter.hostId = scalar(u"SELECT id FROM hosts WHERE hostname = 'delta'"_s);
    QCOMPARE(queries.changes(filter)->rows.size(), qsizetype(6));
    filter.hostId = *filter.hostId + 1000;
    QCOMPARE(queries.changes(filter)->rows.size(), qsizetype(0));

    filter = {};
    filter.limit = 2;
    auto bounded = queries.changes(filter);
    QVERIFY(bounded.ok());
    QCOMPARE(bounded->rows.size(), qsizetype(2));
    QVERIFY(bounded->truncated);
}

void TestIntegrityQueries::alertsAndTriage()
{
    IntegrityQueries queries(*m_db);
    auto alerts = queries.alerts({});
    QVERIFY2(alerts.ok(), qPrintable(alerts.error().message));
    QCOMPARE(alerts->rows.size(), qsizetype(4));
    const AlertRow first = alerts->rows.at(0);
    QCOMPARE(first.title, u"packages: 3 items changed"_s);
    QCOMPARE(first.check, u"packages"_s);
    QCOMPARE(first.severity, u"high"_s);
    QCOMPARE(first.triage, u"new"_s);
    QVERIFY(first.triageBy.isEmpty());
    QVERIFY(!first.triageTs);
    QCOMPARE(first.ts, IntegrityScenario::at(10));
    QVERIFY(first.detail.contains("openssl"));

    QVERIFY(CaseNotes(*m_db).setTriage(alerts->rows.at(1).id, Triage::Malicious).ok());
    AlertFilter filter;
    filter.triage = {u"malicious"_s};
    auto malicious = queries.alerts(filter);
    QVERIFY(malicious.ok());
    QCOMPARE(malicious->rows.size(), qsizetype(1));
    QCOMPARE(malicious->rows.at(0).check, u"modules"_s);
    QCOMPARE(malicious->rows.at(0).triageBy, currentActor());
    QVERIFY(malicious->rows.at(0).triageTs.has_value());
    filter.triage = {u"new"_s, u"investigating"_s};
    QCOMPARE(queries.alerts(filter)->rows.size(), qsizetype(3));
    filter = {};
    filter.range.from = IntegrityScenario::at(30);
    QCOMPARE(queries.alerts(filter)->rows.size(), qsizetype(2));
    filter.limit = 1;
    QVERIFY(queries.alerts(filter)->truncated);

    // The change list shows the alert's triage too.
    auto changes = queries.changes({});
    QVERIFY(changes.ok());
    QCOMPARE(changes->rows.at(1).triage, u"malicious"_s);
}

// The importer's alerts point at their state change; raiseAlert() adds an alert with its evidence once.
void TestIntegrityQueries::alertEvidenceAndRaisingOnce()
{
    auto alerts = IntegrityQueries(*m_db).alerts({});
    QVERIFY2(alerts.ok(), qPrintable(alerts.error().message));
    QVERIFY(!alerts->rows.isEmpty());
    for (const AlertRow &row : std::as_const(alerts->rows)) {
        auto evidence = alertEvidence(*m_db, row.id);
        QVERIFY2(evidence.ok(), qPrintable(evidence.error().message));
        QCOMPARE(evidence->size(), qsizetype(1));
        QCOMPARE(evidence->at(0).object.type, ObjectType::StateChange);
        QCOMPARE(evidence->at(0).object.id, scalar(u"SELECT state_change_id FROM alerts WHERE id = ?"_s, {row.id}));
    }

    const qint64 host = scalar(u"SELECT id FROM hosts WHERE hostname = 'delta'"_s);
    const qint64 change = scalar(u"SELECT MIN(id) FROM state_changes"_s);
    NewAlert alert{host,         IntegrityScenario::at(15),
                   u"rule"_s,    u"test-rule"_s,
                   u"medium"_s,  u"a test alert"_s,
                   u"matched"_s, {{ObjectType::StateChange, change}, {ObjectType::Host, host}}};
    auto first = raiseAlert(*m_db, alert);
    QVERIFY2(first.ok(), qPrintable(first.error().message));
    QVERIFY(first->has_value());
    auto evidence = alertEvidence(*m_db, **first);
    QVERIFY(evidence.ok());
    QCOMPARE(evidence->size(), qsizetype(2));
    QCOMPARE(evidence->at(1).object, (ObjectRef{ObjectType::Host, host}));
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM alerts WHERE rule = 'test-rule' AND detail = 'matched'"_s), 1);

    auto again = raiseAlert(*m_db, alert);
    QVERIFY(again.ok());
    QVERIFY(!again->has_value());
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM alerts WHERE rule = 'test-rule'"_s), 1);

    alert.evidence.clear();
    QCOMPARE(raiseAlert(*m_db, alert).error().code, int(StoreReason::Conflict));
    alert.evidence = {{ObjectType::Host, host}};
    alert.severity = u"dire"_s;
    QCOMPARE(raiseAlert(*m_db, alert).error().code, int(StoreReason::Conflict));
}

void TestIntegrityQueries::factsOfEveryObjectType()
{
    const qint64 host = scalar(u"SELECT id FROM hosts"_s);
    const qint64 process = scalar(u"SELECT id FROM processes WHERE pid = 700"_s);
    const qint64 file = scalar(u"SELECT id FROM file_events"_s);
    const qint64 net = scalar(u"SELECT id FROM net_events"_s);
    const qint64 state = scalar(u"SELECT MIN(id) FROM state_changes WHERE kind = 'state.change'"_s);
    const qint64 path = scalar(u"SELECT path_id FROM file_events"_s);
    const qint64 alert = scalar(u"SELECT MIN(id) FROM alerts"_s);
    const qint64 archive = scalar(u"SELECT id FROM archives"_s);
    const QList<ObjectRef> objects{{ObjectType::Process, process}, {ObjectType::FileEvent, file},
                                   {ObjectType::NetEvent, net},    {ObjectType::StateChange, state},
                                   {ObjectType::Path, path},       {ObjectType::Host, host},
                                   {ObjectType::Alert, alert},     {ObjectType::Archive, archive},
                                   {ObjectType::Process, 99999},   {ObjectType::Process, process}};
    auto facts = objectFacts(*m_db, objects);
    QVERIFY2(facts.ok(), qPrintable(facts.error().message));
    QCOMPARE(facts->size(), objects.size());
    for (qsizetype i = 0; i < objects.size(); ++i)
        QCOMPARE(facts->at(i).object, objects.at(i));

    const ObjectFacts &proc = facts->at(0);
    QVERIFY(proc.exists);
    QCOMPARE(proc.comm, u"dpkg"_s);
    QCOMPARE(proc.pid.value_or(-1), qint64(700));
    QCOMPARE(proc.hostname, u"delta"_s);
    QCOMPARE(proc.hostId.value_or(-1), host);
    QCOMPARE(proc.processId.value_or(-1), process);
    QCOMPARE(proc.what, u"/usr/bin/dpkg"_s);

    QCOMPARE(facts->at(1).what, u"write"_s);
    QCOMPARE(facts->at(1).path, QByteArray("/etc/passwd"));
    QCOMPARE(facts->at(1).processId.value_or(-1), process);
    QCOMPARE(facts->at(1).comm, u"dpkg"_s);
    QCOMPARE(facts->at(2).what, u"connect"_s);
    QCOMPARE(facts->at(2).extra, u"tcp 10.0.0.2:40700 -> 203.0.113.9:4444"_s);
    QCOMPARE(facts->at(3).what, u"packages"_s);
    QCOMPARE(facts->at(3).extra, u"high"_s);
    QCOMPARE(facts->at(3).ts.value_or(-1), IntegrityScenario::at(10));
    QCOMPARE(facts->at(4).path, QByteArray("/etc/passwd"));
    QVERIFY(!facts->at(4).hostId);
    QCOMPARE(facts->at(5).hostname, u"delta"_s);
    QCOMPARE(facts->at(6).what, u"packages: 3 items changed"_s);
    QCOMPARE(facts->at(6).extra, u"new"_s);
    QCOMPARE(facts->at(7).what, u"1"_s);
    QVERIFY(!facts->at(8).exists);
    QVERIFY(facts->at(9).exists);

    QVERIFY(objectFacts(*m_db, {})->isEmpty());
}

void TestIntegrityQueries::hosts()
{
    auto hosts = IntegrityQueries(*m_db).hosts();
    QVERIFY(hosts.ok());
    QCOMPARE(hosts->size(), qsizetype(1));
    QCOMPARE(hosts->at(0).hostname, u"delta"_s);
}

QTEST_GUILESS_MAIN(TestIntegrityQueries)
#include "tst_integrityqueries.moc"
