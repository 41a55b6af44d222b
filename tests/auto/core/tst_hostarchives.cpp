// SPDX-License-Identifier: GPL-3.0-or-later
// The chain-of-custody queries of the Hosts view (hostarchivequeries.h) on a SQLite case file and on a real
// PostgreSQL cluster: the scenario of queryfixture.h (alpha's seq 3 never imported) plus an archive of alpha signed
// by another key, which the importer refuses; every answer compared whole.
#include "auditlog.h"
#include "hostarchivequeries.h"
#include "importer.h"
#include "queryfixture.h"
#include "skip.h"
#include "truststore.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;

class TestHostArchives : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void chainOfCustody_data();
    void chainOfCustody();

private:
    std::unique_ptr<FreshCases> m_fresh;
};

void TestHostArchives::initTestCase()
{
    m_fresh = std::make_unique<FreshCases>();
}

void TestHostArchives::chainOfCustody_data()
{
    QTest::addColumn<QString>("engine");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgresql") << u"postgresql"_s;
}

void TestHostArchives::chainOfCustody()
{
    QFETCH(QString, engine);
    if (engine == "postgresql"_L1 && !m_fresh->hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    QString name;
    const auto location = m_fresh->create(engine, u"custody"_s, &name);
    QVERIFY2(location.ok(), qPrintable(location.error().message));
    auto opened = Database::open(*location);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    Database &db = **opened;
    const QString folder = QDir(m_fresh->dir()).filePath(engine);
    QVERIFY(QDir().mkpath(folder + u"/impostor"_s));
    QueryScenario scenario(folder, {});
    for (const ArchiveSeries *series : {&scenario.alpha, &scenario.beta})
        QVERIFY(TrustStore(db).trust(series->key.publicKey(), series->host.hostname).ok());
    Importer importer(db);
    for (const QString &archive : std::as_const(scenario.archives))
        QCOMPARE(importer.importFile(archive).status, ImportStatus::Imported);
    ArchiveSeries impostor(folder + u"/impostor"_s, u"alpha"_s);
    impostor.host = scenario.alpha.host;
    const QString refusedFile = impostor.next({});
    QCOMPARE(importer.importFile(refusedFile).status, ImportStatus::Refused);

    auto alphaId = findHost(db, u"alpha"_s);
    auto betaId = findHost(db, u"beta"_s);
    QVERIFY(alphaId && betaId);
    HostArchiveQueries queries(db);
    auto archives = queries.archives(*alphaId);
    QVERIFY2(archives.ok(), qPrintable(archives.error().message));
    QList<qint64> seqs, events, missing;
    QStringList chains;
    for (const ArchiveRow &a : std::as_const(*archives)) {
        seqs << a.seq;
        events << a.events;
        missing << a.missingBefore;
        chains << a.chain;
        QCOMPARE(a.digest, scenario.alpha.digest(a.seq));
        QCOMPARE(a.prevDigest, a.seq == 1 ? QString() : scenario.alpha.digest(a.seq - 1));
        QCOMPARE(a.signerFingerprint, scenario.alpha.key.publicKey().fingerprint());
        QCOMPARE(a.importedBy, currentActor());
        QVERIFY(!a.encrypted);
        QVERIFY(a.source.endsWith(u"alpha-%1.frec"_s.arg(a.seq)));
        QVERIFY(QFileInfo(a.source).isAbsolute());
        QVERIFY(a.importedTs > 0);
    }
    QCOMPARE(seqs, (QList<qint64>{1, 2, 4}));
    QCOMPARE(chains, (QStringList{u"first"_s, u"intact"_s, u"gap"_s}));
    QCOMPARE(missing, (QList<qint64>{0, 0, 1}));
    QCOMPARE(events, (QList<qint64>{13, 6, 3}));
    QCOMPARE(archives->at(0).firstTs, QueryScenario::at(0));
    QCOMPARE(archives->at(2).lastTs, QueryScenario::at(5020));

    auto none = queries.archives(-1);
    QVERIFY(none.ok());
    QVERIFY(none->isEmpty());

    auto spans = queries.spans();
    QVERIFY2(spans.ok(), qPrintable(spans.error().message));
    QCOMPARE(spans->size(), 2);
    for (const HostSpan &span : std::as_const(*spans)) {
        const bool alpha = span.hostId == *alphaId;
        QCOMPARE(span.firstTs, QueryScenario::at(alpha ? 0 : 10));
        QCOMPARE(span.lastTs, QueryScenario::at(alpha ? 5020 : 85));
    }

    auto refusals = queries.audit(u"refuse"_s);
    QVERIFY2(refusals.ok(), qPrintable(refusals.error().message));
    QCOMPARE(refusals->size(), 1);
    QCOMPARE(refusals->at(0).object, refusedFile);
    QVERIFY2(refusals->at(0).detail.contains(u"REFUSED"_s)
                 && refusals->at(0).detail.contains(impostor.key.publicKey().fingerprint()),
             qPrintable(refusals->at(0).detail));
    auto trusts = queries.audit(u"trust"_s, 1);
    QVERIFY(trusts.ok());
    QCOMPARE(trusts->size(), 1); // two were made; the limit holds
    QVERIFY2(trusts->at(0).detail.contains(u"beta"_s), qPrintable(trusts->at(0).detail)); // newest first
}

QTEST_GUILESS_MAIN(TestHostArchives)
#include "tst_hostarchives.moc"
