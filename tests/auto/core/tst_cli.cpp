// SPDX-License-Identifier: GPL-3.0-or-later
// flightdeck-cli run as a user runs it: exit codes (0 ok, 1 bad data, 2 usage/environment), one-line errors that
// name the file and the reason, --json listings, the quarantine and trust round trip, no progress line when the
// output is not a terminal — on a SQLite case file and on a PostgreSQL URL.
#include "casefixture.h"
#include "pgcluster.h"
#include "skip.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck::TestSupport;
namespace Test = Flight::TestSupport;

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void usageErrors();
    void importQuarantineTrustHosts_data();
    void importQuarantineTrustHosts();
    void badArchivesNamed();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
        QList<QJsonObject> json() const;
    };
    Run cli(const QStringList &arguments);

    QTemporaryDir m_dir;
    std::unique_ptr<PgCluster> m_pg;
    QString m_pgFailure;
};

QList<QJsonObject> TestCli::Run::json() const
{
    QList<QJsonObject> objects;
    for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts)) {
        QJsonParseError error;
        const auto doc = QJsonDocument::fromJson(line.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            qWarning("not a JSON object line: %s", qPrintable(line));
        objects.append(doc.object());
    }
    return objects;
}

TestCli::Run TestCli::cli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(FLIGHTDECK_CLI), arguments);
    Run run;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

void TestCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::exists(QStringLiteral(FLIGHTDECK_CLI)));
    m_pg = std::make_unique<PgCluster>();
    m_pgFailure = m_pg->start();
    if (!m_pgFailure.isEmpty())
        m_pg.reset();
}

void TestCli::usageErrors()
{
    const Run noDb = cli({u"hosts"_s});
    QCOMPARE(noDb.code, 2);
    QVERIFY2(noDb.err.startsWith(u"flightdeck-cli: hosts: no case given"_s) && noDb.err.count(u'\n') == 1,
             qPrintable(noDb.err));
    QCOMPARE(cli({u"--db"_s, m_dir.filePath(u"x.case"_s), u"frobnicate"_s}).code, 2);
    QCOMPARE(cli({u"--db"_s, m_dir.filePath(u"x.case"_s), u"import"_s}).code, 2);
    const Run badFolder = cli({u"--db"_s, m_dir.filePath(u"no/such/folder/x.case"_s), u"hosts"_s});
    QCOMPARE(badFolder.code, 2);
    QVERIFY2(badFolder.err.contains(u"no/such/folder/x.case: cannot open the case"_s), qPrintable(badFolder.err));
    const Run badUrl = cli({u"--db"_s, u"postgresql://nobody@/none?host=/nonexistent"_s, u"hosts"_s});
    QCOMPARE(badUrl.code, 2);
    QVERIFY2(badUrl.err.startsWith(u"flightdeck-cli: postgresql://nobody@/none"_s) && badUrl.err.count(u'\n') == 1,
             qPrintable(badUrl.err));
    QVERIFY(cli({u"--help"_s}).out.contains(u"import"_s));
}

void TestCli::importQuarantineTrustHosts_data()
{
    QTest::addColumn<QString>("engine");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgresql") << u"postgresql"_s;
}

void TestCli::importQuarantineTrustHosts()
{
    QFETCH(QString, engine);
    QString db = m_dir.filePath(u"cli-%1.case"_s.arg(engine));
    if (engine == "postgresql"_L1) {
        if (!m_pg)
            FLIGHT_SKIP("PostgreSQL could not be started");
        QString error;
        db = m_pg->createDatabase(u"clicase"_s, &error);
        QVERIFY2(!db.isEmpty(), qPrintable(error));
    }
    const QString folder = m_dir.filePath(u"evidence-%1/usb"_s.arg(engine));
    QVERIFY(QDir().mkpath(folder));
    ArchiveSeries host(folder, u"db-server"_s);
    const QString first = host.next(Test::mixedEvents(30));
    const QString second = host.next(Test::mixedEvents(30));
    const QString fingerprint = host.key.publicKey().fingerprint();

    // An unknown signer: both archives held, exit 1, one line each naming the file, the signer and what to do.
    const Run held = cli({u"--db"_s, db, u"import"_s, m_dir.filePath(u"evidence-%1"_s.arg(engine))});
    QCOMPARE(held.code, 1);
    QCOMPARE(held.err.count(u'\n'), 2);
    QVERIFY2(held.err.contains(u"flightdeck-cli: %1: unknown signer %2"_s.arg(first, fingerprint)),
             qPrintable(held.err));
    QVERIFY2(!held.err.contains(u'\r'), "no progress line when the output is not a terminal");

    const Run list = cli({u"--db"_s, db, u"--json"_s, u"quarantine"_s});
    QCOMPARE(list.code, 0);
    const auto heldJson = list.json();
    QCOMPARE(heldJson.size(), 2);
    QCOMPARE(heldJson[0][u"reason"_s].toString(), u"untrusted signer"_s);
    QCOMPARE(heldJson[0][u"fingerprint"_s].toString(), fingerprint);
    QCOMPARE(heldJson[1][u"seq"_s].toInteger(), 2);

    // Trusting the signer by its fingerprint imports what it held.
    const Run trusted = cli({u"--db"_s, db, u"trust"_s, fingerprint});
    QVERIFY2(trusted.code == 0, qPrintable(trusted.err));
    QVERIFY2(trusted.out.contains(u"trusted %1"_s.arg(fingerprint)), qPrintable(trusted.out));
    QVERIFY2(trusted.out.contains(u"%1: imported host db-server, seq 2"_s.arg(second)), qPrintable(trusted.out));
    QVERIFY(cli({u"--db"_s, db, u"quarantine"_s}).out.contains(u"no archives held"_s));

    const Run hosts = cli({u"--db"_s, db, u"hosts"_s, u"--json"_s});
    QCOMPARE(hosts.code, 0);
    const auto hostJson = hosts.json();
    QCOMPARE(hostJson.size(), 1);
    QCOMPARE(hostJson[0][u"hostname"_s].toString(), u"db-server"_s);
    QCOMPARE(hostJson[0][u"archives"_s].toInteger(), 2);
    QCOMPARE(hostJson[0][u"events"_s].toInteger(), 60);
    QCOMPARE(hostJson[0][u"keys"_s][0][u"last_seq"_s].toInteger(), 2);
    QVERIFY(cli({u"--db"_s, db, u"hosts"_s}).out.contains(u"db-server"_s));

    // Again: nothing new, exit 0, every archive said to be there already.
    const Run again = cli({u"--db"_s, db, u"--json"_s, u"import"_s, folder});
    QCOMPARE(again.code, 0);
    const auto againJson = again.json();
    QCOMPARE(againJson.size(), 2);
    for (const QJsonObject &o : againJson)
        QCOMPARE(o[u"status"_s].toString(), u"already imported"_s);

    // The next archive of the chain, imported as a user would: a summary line with the rate.
    const QString third = host.next(Test::mixedEvents(30));
    const Run next = cli({u"--db"_s, db, u"import"_s, third});
    QCOMPARE(next.code, 0);
    QVERIFY2(next.out.contains(u"chain intact"_s) && next.out.contains(u"import: 1 imported; 30 events"_s),
             qPrintable(next.out));
}

void TestCli::badArchivesNamed()
{
    const QString db = m_dir.filePath(u"bad.case"_s);
    const QString folder = m_dir.filePath(u"bad"_s);
    QVERIFY(QDir().mkpath(folder));
    ArchiveSeries host(folder, u"victim"_s);
    QCOMPARE(cli({u"--db"_s, db, u"trust"_s, host.key.publicKey().toText(), u"--label"_s, u"victim"_s}).code, 0);
    const QString good = host.next(Test::mixedEvents(10));
    const QString cut = host.next(Test::mixedEvents(400));
    QFile::resize(cut, QFileInfo(cut).size() - 100);
    const QString missing = m_dir.filePath(u"bad/none.frec"_s);

    const Run run = cli({u"--db"_s, db, u"import"_s, good, cut, missing});
    QCOMPARE(run.code, 2); // the missing file is an environment error, the worst outcome
    QVERIFY2(run.out.contains(u"%1: imported"_s.arg(good)), qPrintable(run.out));
    QVERIFY2(run.err.contains(u"flightdeck-cli: %1: corrupt zip"_s.arg(cut)), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"flightdeck-cli: %1: no such file or folder"_s.arg(missing)), qPrintable(run.err));
    QCOMPARE(run.err.count(u'\n'), 2);

    const Run onlyBad = cli({u"--db"_s, db, u"import"_s, cut});
    QCOMPARE(onlyBad.code, 1);
    QVERIFY(cli({u"--db"_s, db, u"import"_s, m_dir.filePath(u"no-archives-here"_s)}).code == 2);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
