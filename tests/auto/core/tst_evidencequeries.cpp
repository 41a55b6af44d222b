// SPDX-License-Identifier: GPL-3.0-or-later
// The report's queries over a case (evidencequeries.h, objectqueries.h), on a SQLite case file and on a real
// PostgreSQL cluster: the scenario of queryfixture.h imported through the real importer; archives with their signer
// and chain status, scoped by host and time; the audit log; alerts and integrity changes; and one line about every
// kind of object, hostile names escaped and missing rows said to be missing.
#include "activityqueries.h"
#include "auditlog.h"
#include "evidencequeries.h"
#include "importer.h"
#include "objectqueries.h"
#include "processqueries.h"
#include "queryfixture.h"
#include "skip.h"
#include "truststore.h"

#include <QDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;

class TestEvidenceQueries : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data();
    void initTestCase();
    void init();
    void archives();
    void archivesInScope();
    void auditLog();
    void alertsAndIntegrityChanges();
    void describeObjects();

private:
    qint64 hostId(const QString &host) { return *findHost(*m_db, host); }

    std::unique_ptr<FreshCases> m_fresh;
    std::map<QString, std::unique_ptr<Database>> m_cases;
    std::map<QString, std::unique_ptr<QueryScenario>> m_scenarios;
    Database *m_db = nullptr;
    QueryScenario *m_scenario = nullptr;
};

void TestEvidenceQueries::initTestCase_data()
{
    ScenarioCases::addEngineRows();
}

void TestEvidenceQueries::initTestCase()
{
    m_fresh = std::make_unique<FreshCases>();
}

// The scenario is imported once per engine, with one alert, and shared by the tests (they only read).
void TestEvidenceQueries::init()
{
    QFETCH_GLOBAL(QString, engine);
    auto &db = m_cases[engine];
    if (db) {
        m_db = db.get();
        m_scenario = m_scenarios[engine].get();
        return;
    }
    if (engine == "postgresql"_L1 && !m_fresh->hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    QString name;
    const auto location = m_fresh->create(engine, u"evidence"_s, &name);
    QVERIFY2(location.ok(), qPrintable(location.error().message));
    auto opened = Database::open(*location);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    db = std::move(*opened);
    const QString folder = QDir(m_fresh->dir()).filePath(engine);
    QVERIFY(QDir().mkpath(folder));
    auto &scenario = m_scenarios[engine];
    scenario = std::make_unique<QueryScenario>(folder, QString());
    for (const ArchiveSeries *series : {&scenario->alpha, &scenario->beta})
        QVERIFY(TrustStore(*db).trust(series->key.publicKey(), series->host.hostname).ok());
    Importer importer(*db);
    for (const QString &archive : std::as_const(scenario->archives)) {
        const auto outcome = importer.importFile(archive);
        QVERIFY2(outcome.status == ImportStatus::Imported, qPrintable(outcome.message));
    }
    m_db = db.get();
    m_scenario = scenario.get();
    auto alert = m_db->execute(u"INSERT INTO alerts (host_id, ts, source, severity, title, triage) VALUES "
                               u"(?, ?, 'state.change', 'high', 'modules: 1 items changed', 'new')"_s,
                               {hostId(u"beta"_s), QueryScenario::at(50)});
    QVERIFY2(alert.ok(), qPrintable(alert.error().message));
}

void TestEvidenceQueries::archives()
{
    auto rows = EvidenceQueries(*m_db).archives({});
    QVERIFY2(rows.ok(), qPrintable(rows.error().message));
    QCOMPARE(rows->size(), 4);
    const QList<std::pair<QString, qint64>> expected{{u"alpha"_s, 1}, {u"alpha"_s, 2}, {u"alpha"_s, 4}, {u"beta"_s, 1}};
    for (int i = 0; i < rows->size(); ++i) {
        const EvidenceArchive &a = rows->at(i);
        QCOMPARE(std::pair(a.hostname, a.seq), expected[i]);
        const ArchiveSeries &series = a.hostname == "alpha"_L1 ? m_scenario->alpha : m_scenario->beta;
        QCOMPARE(a.digest, series.digest(a.seq));
        QCOMPARE(a.fingerprint, series.key.publicKey().fingerprint());
        QVERIFY(!a.source.isEmpty() && !a.importedBy.isEmpty() && a.importedTs > 0);
        QVERIFY(a.firstTs <= a.lastTs && a.events > 0);
    }
    QCOMPARE(rows->at(0).chain, u"first"_s);
    QCOMPARE(rows->at(1).chain, u"intact"_s);
    QCOMPARE(rows->at(2).chain, u"gap"_s);
    QCOMPARE(rows->at(2).missingBefore, 1);
    QCOMPARE(rows->at(0).firstTs, QueryScenario::at(0));
    QCOMPARE(rows->at(0).lastTs, QueryScenario::at(120));
}

void TestEvidenceQueries::archivesInScope()
{
    EvidenceQueries queries(*m_db);
    auto beta = queries.archives({{hostId(u"beta"_s)}, {}});
    QCOMPARE(beta->size(), 1);
    QCOMPARE(beta->at(0).hostname, u"beta"_s);
    // Overlapping [@1000, @5000): alpha seq 2 only (seq 1 ends @120, seq 4 starts @5000, beta ends @85).
    auto middle = queries.archives({{}, {QueryScenario::at(1000), QueryScenario::at(5000)}});
    QCOMPARE(middle->size(), 1);
    QCOMPARE(middle->at(0).seq, 2);
    // An archive touching the range's start by its last event is in it.
    auto touching = queries.archives({{hostId(u"alpha"_s)}, {QueryScenario::at(120), std::nullopt}});
    QCOMPARE(touching->size(), 3);
    auto both = queries.archives({{hostId(u"alpha"_s), hostId(u"beta"_s)}, {std::nullopt, QueryScenario::at(100)}});
    QCOMPARE(both->size(), 2);
}

void TestEvidenceQueries::auditLog()
{
    auto log = EvidenceQueries(*m_db).auditLog();
    QVERIFY2(log.ok(), qPrintable(log.error().message));
    QCOMPARE(log->size(), 6); // two keys trusted, four archives imported
    QCOMPARE(log->at(0).action, u"trust"_s);
    QCOMPARE(log->at(1).action, u"trust"_s);
    for (int i = 2; i < 6; ++i) {
        QCOMPARE(log->at(i).action, u"import"_s);
        QCOMPARE(log->at(i).actor, currentActor());
        QVERIFY(log->at(i - 1).ts <= log->at(i).ts);
    }
    QVERIFY(log->at(2).detail.contains(u"digest "_s + m_scenario->alpha.digest(1) + u' '));
}

void TestEvidenceQueries::alertsAndIntegrityChanges()
{
    EvidenceQueries queries(*m_db);
    auto alerts = queries.alerts({});
    QVERIFY2(alerts.ok(), qPrintable(alerts.error().message));
    QCOMPARE(alerts->size(), 1);
    QCOMPARE(alerts->at(0).hostname, u"beta"_s);
    QCOMPARE(alerts->at(0).title, u"modules: 1 items changed"_s);
    QCOMPARE(alerts->at(0).triage, u"new"_s);
    QVERIFY(alerts->at(0).triageBy.isEmpty() && !alerts->at(0).triageTs);
    QVERIFY(queries.alerts({{hostId(u"alpha"_s)}, {}})->isEmpty());
    QVERIFY(queries.alerts({{}, {QueryScenario::at(51), std::nullopt}})->isEmpty());

    auto changes = queries.integrityChanges({});
    QVERIFY2(changes.ok(), qPrintable(changes.error().message));
    QCOMPARE(changes->rows.size(), 1);
    QVERIFY(!changes->truncated);
    QCOMPARE(changes->rows[0].hostname, u"alpha"_s);
    QCOMPARE(changes->rows[0].change.ts, QueryScenario::at(90));
    QCOMPARE(changes->rows[0].change.severity, u"medium"_s);
    QCOMPARE(changes->rows[0].change.kind, u"state.change"_s);
    auto cut = queries.integrityChanges({}, 0);
    QVERIFY(cut->rows.isEmpty() && cut->truncated);
    QVERIFY(queries.integrityChanges({{hostId(u"beta"_s)}, {}})->rows.isEmpty());
}

void TestEvidenceQueries::describeObjects()
{
    const qint64 alpha = hostId(u"alpha"_s);
    ProcessQueries processes(*m_db);
    const ProcessRow curl = *processes.processByPid(alpha, 300);
    const ProcessRow hostile = *processes.processByPid(alpha, 301);
    auto did = ActivityQueries(*m_db).did(curl.id);
    QVERIFY(did.ok());
    ObjectQueries objects(*m_db);
    const auto describe = [&](ObjectType type, qint64 id) {
        auto summary = objects.describe({type, id});
        if (!summary)
            qWarning("%s", qPrintable(summary.error().message));
        return summary ? *summary : ObjectSummary{};
    };
    ObjectSummary s = describe(ObjectType::Process, curl.id);
    QVERIFY(s.found);
    QCOMPARE(s.text, u"process 300 curl (/usr/bin/curl)"_s);
    QCOMPARE(s.hostname, u"alpha"_s);
    QCOMPARE(s.ts, std::optional<qint64>(QueryScenario::at(20)));
    QCOMPARE(s.processId, std::optional<qint64>(curl.id));
    // A hostile name is escaped, never laid out.
    s = describe(ObjectType::Process, hostile.id);
    QVERIFY2(s.text.contains(u"DROP TABLE processes; --\"\\n\\t\\\\%_*?"_s), qPrintable(s.text));
    QVERIFY(!s.text.contains(u'\n'));
    s = describe(ObjectType::FileEvent, did->files.constFirst().id);
    QCOMPARE(s.text, u"file open /etc/passwd by pid 300 (curl)"_s);
    QCOMPARE(s.processId, std::optional<qint64>(curl.id));
    s = describe(ObjectType::NetEvent, did->connections.constFirst().id);
    QCOMPARE(s.text, u"net connect tcp 10.0.0.2:40300 -> 203.0.113.5:443 by pid 300 (curl)"_s);
    auto change = m_db->scalar(u"SELECT id FROM state_changes WHERE kind = 'state.change'"_s);
    s = describe(ObjectType::StateChange, change->toLongLong());
    QCOMPARE(s.text, u"state.change modules, severity medium, 1 items"_s);
    auto path = m_db->scalar(u"SELECT path_id FROM file_events WHERE id = ?"_s, {did->files.constFirst().id});
    s = describe(ObjectType::Path, path->toLongLong());
    QCOMPARE(s.text, u"path /etc/passwd"_s);
    QVERIFY(!s.hostId);
    s = describe(ObjectType::Host, alpha);
    QVERIFY(s.text.startsWith(u"host alpha (machine-id "_s));
    auto alert = m_db->scalar(u"SELECT id FROM alerts"_s);
    s = describe(ObjectType::Alert, alert->toLongLong());
    QCOMPARE(s.text, u"alert high: modules: 1 items changed (triage new)"_s);
    auto archive = m_db->scalar(u"SELECT id FROM archives WHERE seq = 4"_s);
    s = describe(ObjectType::Archive, archive->toLongLong());
    QCOMPARE(s.text, u"archive seq 4, digest %1"_s.arg(m_scenario->alpha.digest(4)));
    s = describe(ObjectType::NetEvent, 999999);
    QVERIFY(!s.found);
    QCOMPARE(s.text, u"net_event #999999: not in the case"_s);
}

QTEST_MAIN(TestEvidenceQueries)
#include "tst_evidencequeries.moc"
