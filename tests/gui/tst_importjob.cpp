// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI's import job runs the importer as flightdeck-cli import does (Importer::importPaths(): SQLite in batches,
// PostgreSQL in lanes), on SQLite and on a real PostgreSQL: a folder of several hosts is imported whole, each
// archive's outcome arrives once, only when another connection already finds the archive in the case, and the
// progress it shows only moves forward and ends at every archive and byte.
#include "casefixture.h"
#include "caseworker.h"
#include "importjob.h"
#include "queryfixture.h"
#include "skip.h"
#include "truststore.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck;
using namespace Deck::Core;
using namespace Deck::TestSupport;

class TestImportJob : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void folderOfHosts_data();
    void folderOfHosts();

private:
    std::unique_ptr<FreshCases> m_cases;
};

void TestImportJob::initTestCase()
{
    m_cases = std::make_unique<FreshCases>();
}

void TestImportJob::folderOfHosts_data()
{
    ScenarioCases::addEngineRows();
}

void TestImportJob::folderOfHosts()
{
    QFETCH(QString, engine);
    if (engine == "postgresql"_L1 && !m_cases->hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    QString name;
    const auto location = m_cases->create(engine, u"job"_s, &name);
    QVERIFY2(location.ok(), qPrintable(location.error().message));
    auto reader = Database::open(*location);
    QVERIFY2(reader.ok(), qPrintable(reader.error().message));
    const QString folder = QDir(m_cases->dir()).filePath(u"hosts-"_s + engine);
    QVERIFY(QDir().mkpath(folder));
    constexpr int kHosts = 3, kArchives = 3;
    for (int h = 0; h < kHosts; ++h) {
        ArchiveSeries host(QDir(folder).filePath(u"host-%1"_s.arg(h)), u"job-host-%1"_s.arg(h));
        QVERIFY(QDir().mkpath(QDir(folder).filePath(u"host-%1"_s.arg(h))));
        QVERIFY(TrustStore(**reader).trust(host.key.publicKey(), host.host.hostname).ok());
        for (int a = 0; a < kArchives; ++a)
            QVERIFY(QFile::exists(host.next(busyHostEvents(4000, 1 + 1000 * a, 10000 * a))));
    }

    Models::CaseWorker writer;
    auto opened = writer.open(*location);
    opened.waitForFinished();
    QVERIFY2(opened.result().ok(), qPrintable(opened.result().error().message));
    Models::ImportJob job;
    QSignalSpy finished(&job, &Models::ImportJob::finished);
    QStringList reported, notInCase;
    connect(&job, &Models::ImportJob::archiveDone, this, [&](const ImportOutcome &outcome) {
        reported.append(outcome.path);
        if (count(**reader, u"archives"_s, u"digest = ?"_s, {outcome.digest}) != 1)
            notInCase.append(outcome.path);
    });
    Models::ImportJobProgress last;
    bool backwards = false;
    connect(&job, &Models::ImportJob::progressed, this, [&](const Models::ImportJobProgress &p) {
        backwards = backwards || p.bytesDone < last.bytesDone || p.archivesDone < last.archivesDone
            || p.archivesPassed < p.archivesDone || p.bytesDone > p.bytesTotal;
        last = p;
    });
    job.start(writer, {folder});
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);

    const QStringList files = Importer::findArchives({folder});
    QCOMPARE(files.size(), kHosts * kArchives);
    QStringList sorted = reported; // in the order each lane's archives were committed
    sorted.sort();
    QStringList expected = files;
    expected.sort();
    QCOMPARE(sorted, expected); // each once
    QVERIFY2(notInCase.isEmpty(), qPrintable(u"reported before it was committed: "_s + notInCase.join(u", "_s)));
    for (const ImportOutcome &outcome : job.outcomes())
        QVERIFY2(outcome.status == ImportStatus::Imported, qPrintable(outcome.message));
    QVERIFY(job.notStarted().isEmpty());
    QVERIFY2(!backwards, "the progress went back or past its total");
    QCOMPARE(last.archivesDone, kHosts * kArchives);
    QCOMPARE(last.archivesTotal, kHosts * kArchives);
    QVERIFY(last.bytesTotal > 0);
    QCOMPARE(last.bytesDone, last.bytesTotal);
    QVERIFY(last.reading.isEmpty());
    QCOMPARE(count(**reader, u"archives"_s), qint64(kHosts * kArchives));
}

QTEST_GUILESS_MAIN(TestImportJob)
#include "tst_importjob.moc"
