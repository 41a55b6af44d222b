// SPDX-License-Identifier: GPL-3.0-or-later
// flightdeck-cli run as a user runs it: exit codes (0 ok, 1 bad data, 2 usage/environment), one-line errors that
// name the file and the reason, --json listings, the quarantine and trust round trip, no progress line when the
// output is not a terminal — on a SQLite case file and on a PostgreSQL URL.
#include "bytetext.h"
#include "casefixture.h"
#include "programrun.h"
#include "queryfixture.h"
#include "skip.h"
#include "timetext.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck::TestSupport;
using Deck::Core::displayBytes;
using Deck::Core::isoTime;
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
    void queryAndExport_data();
    void queryAndExport();
    void queryUsageErrors();

private:
    // A new case on `engine` named after `prefix` (FreshCases); empty, with a warning, when it cannot be made.
    QString caseFor(const QString &engine, const QString &prefix);
    void importScenario(const QString &db, const QString &folder);
    using Run = Flight::TestSupport::ProgramRun;
    Run cli(const QStringList &arguments);

    // A file or folder of the tests' own temporary directory.
    QString tempPath(const QString &name) const { return QDir(m_fresh->dir()).filePath(name); }

    std::unique_ptr<FreshCases> m_fresh;
};

TestCli::Run TestCli::cli(const QStringList &arguments)
{
    return Flight::TestSupport::runProgram(QStringLiteral(FLIGHTDECK_CLI), arguments);
}

void TestCli::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(FLIGHTDECK_CLI)));
    m_fresh = std::make_unique<FreshCases>();
}

void TestCli::usageErrors()
{
    const Run noDb = cli({u"hosts"_s});
    QCOMPARE(noDb.code, 2);
    QVERIFY2(noDb.err.startsWith(u"flightdeck-cli: hosts: no case given"_s) && noDb.err.count(u'\n') == 1,
             qPrintable(noDb.err));
    QCOMPARE(cli({u"--db"_s, tempPath(u"x.case"_s), u"frobnicate"_s}).code, 2);
    QCOMPARE(cli({u"--db"_s, tempPath(u"x.case"_s), u"import"_s}).code, 2);
    const Run badFolder = cli({u"--db"_s, tempPath(u"no/such/folder/x.case"_s), u"hosts"_s});
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
    ScenarioCases::addEngineRows();
}

void TestCli::importQuarantineTrustHosts()
{
    QFETCH(QString, engine);
    if (engine == "postgresql"_L1 && !m_fresh->hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    const QString db = caseFor(engine, u"clicase"_s);
    QVERIFY(!db.isEmpty());
    const QString folder = tempPath(u"evidence-%1/usb"_s.arg(engine));
    QVERIFY(QDir().mkpath(folder));
    ArchiveSeries host(folder, u"db-server"_s);
    const QString first = host.next(Test::mixedEvents(30));
    const QString second = host.next(Test::mixedEvents(30));
    const QString fingerprint = host.key.publicKey().fingerprint();

    // An unknown signer: both archives held, exit 1, one line each naming the file, the signer and what to do.
    const Run held = cli({u"--db"_s, db, u"import"_s, tempPath(u"evidence-%1"_s.arg(engine))});
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
    const QString db = tempPath(u"bad.case"_s);
    const QString folder = tempPath(u"bad"_s);
    QVERIFY(QDir().mkpath(folder));
    ArchiveSeries host(folder, u"victim"_s);
    QCOMPARE(cli({u"--db"_s, db, u"trust"_s, host.key.publicKey().toText(), u"--label"_s, u"victim"_s}).code, 0);
    const QString good = host.next(Test::mixedEvents(10));
    const QString cut = host.next(Test::mixedEvents(400));
    QFile::resize(cut, QFileInfo(cut).size() - 100);
    const QString missing = tempPath(u"bad/none.frec"_s);

    const Run run = cli({u"--db"_s, db, u"import"_s, good, cut, missing});
    QCOMPARE(run.code, 2); // the missing file is an environment error, the worst outcome
    QVERIFY2(run.out.contains(u"%1: imported"_s.arg(good)), qPrintable(run.out));
    QVERIFY2(run.err.contains(u"flightdeck-cli: %1: corrupt zip"_s.arg(cut)), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"flightdeck-cli: %1: no such file or folder"_s.arg(missing)), qPrintable(run.err));
    QCOMPARE(run.err.count(u'\n'), 2);

    const Run onlyBad = cli({u"--db"_s, db, u"import"_s, cut});
    QCOMPARE(onlyBad.code, 1);
    QVERIFY(cli({u"--db"_s, db, u"import"_s, tempPath(u"no-archives-here"_s)}).code == 2);
}

QString TestCli::caseFor(const QString &engine, const QString &prefix)
{
    QString made;
    const auto location = m_fresh->create(engine, prefix, &made);
    if (!location) {
        qWarning("%s", qPrintable(location.error().message));
        return {};
    }
    return *location;
}

void TestCli::importScenario(const QString &db, const QString &folder)
{
    QVERIFY(QDir().mkpath(folder));
    QueryScenario scenario(folder, QString());
    for (const ArchiveSeries *series : {&scenario.alpha, &scenario.beta})
        QCOMPARE(cli({u"--db"_s, db, u"trust"_s, series->key.publicKey().toText()}).code, 0);
    const Run imported = cli(QStringList{u"--db"_s, db, u"import"_s} + scenario.archives);
    QVERIFY2(imported.code == 0, qPrintable(imported.err));
}

void TestCli::queryAndExport_data()
{
    ScenarioCases::addEngineRows();
}

void TestCli::queryAndExport()
{
    QFETCH(QString, engine);
    if (engine == "postgresql"_L1 && !m_fresh->hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    const QString db = caseFor(engine, u"querycase"_s);
    QVERIFY(!db.isEmpty());
    importScenario(db, tempPath(u"scenario-%1"_s.arg(engine)));
    const auto query = [&](const QStringList &arguments) {
        return cli(QStringList{u"--db"_s, db, u"query"_s} + arguments);
    };
    const auto pidsOf = [](const Run &run) {
        QList<qint64> pids;
        for (const QJsonObject &o : run.json())
            pids.append(o[u"pid"_s].toInteger());
        return pids;
    };

    // The tree: indented by generation; the chain up from 401 names each process once.
    const Run tree = query({u"tree"_s, u"--host"_s, u"alpha"_s});
    QVERIFY2(tree.code == 0, qPrintable(tree.err));
    const QStringList treeLines = tree.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(treeLines.size(), 6);
    QVERIFY2(treeLines[0].startsWith(u"#"_s) && treeLines[0].contains(u"alpha/100 "_s), qPrintable(tree.out));
    QVERIFY2(treeLines[5].startsWith(u"      #"_s) && treeLines[5].contains(u"alpha/401 "_s), qPrintable(tree.out));
    const Run chain = query({u"ancestors"_s, u"alpha/401"_s, u"--json"_s});
    QCOMPARE(chain.code, 0);
    QCOMPARE(pidsOf(chain), (QList<qint64>{401, 400, 200, 100}));
    QCOMPARE(chain.json()[3][u"depth"_s].toInt(), 3);
    QCOMPARE(pidsOf(query({u"descendants"_s, u"alpha/200"_s, u"--depth"_s, u"1"_s, u"--json"_s})),
             (QList<qint64>{200, 300, 301, 400}));

    // Children a page at a time: the first page ends with the cursor of the next.
    const Run page = query({u"children"_s, u"alpha/200"_s, u"--limit"_s, u"2"_s, u"--json"_s});
    QCOMPARE(page.code, 0);
    const auto pageJson = page.json();
    QCOMPARE(pageJson.size(), 3);
    const QString next = pageJson[2][u"next"_s].toString();
    QVERIFY2(!next.isEmpty(), qPrintable(page.out));
    QCOMPARE(pidsOf(query({u"children"_s, u"alpha/200"_s, u"--after"_s, next, u"--json"_s})), QList<qint64>{400});
    QVERIFY(query({u"children"_s, u"alpha/200"_s, u"--limit"_s, u"2"_s}).out.contains(u"... more: --after "_s + next));

    const Run did = query({u"did"_s, u"alpha/300"_s, u"--json"_s});
    QCOMPARE(did.code, 0);
    QStringList types;
    for (const QJsonObject &o : did.json())
        types.append(o[u"type"_s].toString());
    QCOMPARE(types, (QStringList{u"process"_s, u"event"_s, u"event"_s, u"file"_s, u"file"_s, u"net"_s, u"state"_s}));

    // A hostile path, typed as the listings print it, found by its bytes and given back in JSON's byte form.
    const QByteArray hostile = QueryScenario::hostilePath();
    const Run touched = query({u"who-touched"_s, displayBytes(hostile), u"--json"_s});
    QVERIFY2(touched.code == 0, qPrintable(touched.err));
    QCOMPARE(touched.json().size(), 1);
    QCOMPARE(touched.json()[0][u"path"_s][u"b64"_s].toString(), QString::fromLatin1(hostile.toBase64()));
    QCOMPARE(touched.json()[0][u"comm"_s].toString(), QueryScenario::hostileComm());
    const Run prefix = query({u"who-touched"_s, u"--prefix"_s, u"/tmp/drop/"_s});
    QCOMPARE(prefix.out.count(u'\n'), 2);
    QVERIFY2(prefix.out.contains(u"write /tmp/drop/a.sh #"_s) && prefix.out.contains(u"create /tmp/drop/b.bin #"_s),
             qPrintable(prefix.out));
    QCOMPARE(pidsOf(query({u"who-touched"_s, u"--glob"_s, u"*passwd"_s, u"--json"_s})), (QList<qint64>{300, 400}));
    QCOMPARE(pidsOf(query({u"who-connected"_s, u"203.0.113.5"_s, u"--port"_s, u"443"_s, u"--json"_s})),
             (QList<qint64>{300, 500}));

    const Run search = query({u"search"_s, u"DROP TABLE"_s, u"--json"_s});
    QCOMPARE(search.code, 0);
    const auto hits = search.json();
    QCOMPARE(hits.size(), 2);
    QCOMPARE(hits[0][u"comm"_s].toString(), QueryScenario::hostileComm());
    QCOMPARE(hits[0][u"argv"_s].toArray().size(), 5);
    QCOMPARE(hits[1][u"type"_s].toString(), u"path"_s);

    // After the last archive: alive at last sight, never claimed running.
    const Run late = query({u"at"_s, isoTime(QueryScenario::at(6000)), u"--host"_s, u"alpha"_s, u"--json"_s});
    QCOMPARE(late.code, 0);
    QStringList states;
    for (const QJsonObject &o : late.json())
        states.append(u"%1 %2"_s.arg(o[u"type"_s].toString(), o[u"liveness"_s].toString()));
    QCOMPARE(states,
             (QStringList{u"process alive at last sight"_s, u"process alive at last sight"_s,
                          u"process alive at last sight"_s, u"process alive at last sight"_s,
                          u"connection alive at last sight"_s}));
    QVERIFY(query({u"at"_s, QString::number(QueryScenario::at(45)), u"--host"_s, u"alpha"_s})
                .out.contains(u"running   #"_s));

    const Run timeline = query({u"timeline"_s, u"--host"_s, u"alpha"_s, u"--bucket"_s, u"1s"_s, u"--json"_s});
    QCOMPARE(timeline.code, 0);
    QCOMPARE(timeline.json().size(), 16);
    QCOMPARE(timeline.json()[0][u"bucket_time"_s].toString(), isoTime(QueryScenario::at(0)));

    const Run losses = query({u"losses"_s, u"--json"_s});
    QCOMPARE(losses.code, 0);
    QStringList kinds;
    for (const QJsonObject &o : losses.json())
        kinds.append(o[u"host"_s].toString() + u' ' + o[u"type"_s].toString());
    QCOMPARE(kinds, (QStringList{u"alpha loss"_s, u"alpha chain gap"_s, u"alpha downtime"_s, u"alpha downtime"_s}));

    // Export to a file: written through .part, audited; CSV has a header and one line per event.
    const QString csv = tempPath(u"export-%1.csv"_s.arg(engine));
    const Run exported = cli({u"--db"_s, db, u"export"_s, u"--format"_s, u"csv"_s, u"--host"_s, u"alpha"_s, u"--kind"_s,
                              u"file"_s, u"--out"_s, csv});
    QVERIFY2(exported.code == 0, qPrintable(exported.err));
    QVERIFY2(exported.out.startsWith(csv + u": exported 6 events, blake2b-256 "_s), qPrintable(exported.out));
    QVERIFY(!QFile::exists(csv + u".part"_s));
    const QByteArray csvData = Test::readFile(csv);
    QVERIFY(csvData.startsWith("time,ts,host,kind,pid,"));
    QCOMPARE(csvData.count("\r\n"), 7); // the header and 6 rows; the LFs inside the quoted hostile fields are bare
    QVERIFY(csvData.contains(hostile.left(10)));
    const Run jsonl = cli({u"--db"_s, db, u"export"_s, u"--format"_s, u"jsonl"_s, u"--from"_s,
                           isoTime(QueryScenario::at(0)), u"--to"_s, isoTime(QueryScenario::at(100))});
    QCOMPARE(jsonl.code, 0);
    QCOMPARE(jsonl.json().size(), 12); // alpha @0..@90 and beta's two events
    auto opened = Deck::Core::Database::open(db);
    QVERIFY(opened.ok());
    QCOMPARE(count(**opened, u"audit_log"_s, u"action = 'export'"_s), 2);
    QCOMPARE(count(**opened, u"audit_log"_s, u"action = 'export' AND object = ?"_s, {csv}), 1);

    // Many loss records of one source and reason read as one line with the total; --json still lists each.
    const QString lossesBefore = query({u"losses"_s}).out;
    QVERIFY2(lossesBefore.contains(u"alpha lost 17 events from proc.ebpf (ring buffer full) "_s),
             qPrintable(lossesBefore));
    for (int i = 0; i < 6; ++i) {
        QVERIFY((*opened)
                    ->execute(u"INSERT INTO losses (archive_id, host_id, ts, source, count, unit, reason) "
                              u"SELECT archive_id, host_id, ?, 'file.fanotify', 2, 'events', 'directory vanished' "
                              u"FROM losses WHERE source = 'proc.ebpf'"_s,
                              {QueryScenario::at(200 + i)})
                    .ok());
    }
    const QString lossesAfter = query({u"losses"_s}).out;
    QVERIFY2(lossesAfter.contains(
                 u"alpha lost 12 events from file.fanotify (directory vanished) in 6 records, %1 .. %2"_s.arg(
                     isoTime(QueryScenario::at(200)), isoTime(QueryScenario::at(205)))),
             qPrintable(lossesAfter));
    QVERIFY(lossesAfter.contains(u"alpha lost 17 events from proc.ebpf"_s));
    QCOMPARE(query({u"losses"_s, u"--json"_s}).json().size(), 4 + 6);
}

void TestCli::queryUsageErrors()
{
    const QString db = tempPath(u"usage.case"_s);
    const auto oneLine = [](const Run &run, const QString &start) {
        if (run.code != 2 || run.err.count(u'\n') != 1 || !run.err.startsWith(start)) {
            qWarning("exit %d, stderr: %s", run.code, qPrintable(run.err));
            return false;
        }
        return true;
    };
    QVERIFY(oneLine(cli({u"--db"_s, db, u"query"_s}), u"flightdeck-cli: query: which query?"_s));
    QVERIFY(oneLine(cli({u"--db"_s, db, u"query"_s, u"frobnicate"_s}), u"flightdeck-cli: query: unknown query"_s));
    QVERIFY(oneLine(cli({u"--db"_s, db, u"query"_s, u"tree"_s}), u"flightdeck-cli: query tree: --host is required"_s));
    QVERIFY(oneLine(cli({u"--db"_s, db, u"query"_s, u"children"_s, u"#abc"_s}),
                    u"flightdeck-cli: query children: '#abc' names no process"_s));
    QVERIFY(oneLine(cli({u"--db"_s, db, u"query"_s, u"ancestors"_s, u"12345"_s}),
                    u"flightdeck-cli: query ancestors: process #12345: no such process"_s));
    QVERIFY(oneLine(cli({u"--db"_s, db, u"query"_s, u"who-touched"_s, u"/x"_s, u"--from"_s, u"yesterday"_s}),
                    u"flightdeck-cli: query who-touched: --from 'yesterday' is not a time"_s));
    QVERIFY(oneLine(cli({u"--db"_s, db, u"query"_s, u"timeline"_s, u"--bucket"_s, u"0s"_s}),
                    u"flightdeck-cli: query timeline: --bucket '0s' is not a duration"_s));
    QVERIFY(oneLine(cli({u"--db"_s, db, u"query"_s, u"who-connected"_s}),
                    u"flightdeck-cli: query who-connected: give an ADDRESS"_s));
    QVERIFY(oneLine(cli({u"--db"_s, db, u"export"_s, u"--format"_s, u"xml"_s}),
                    u"flightdeck-cli: export: --format 'xml'"_s));
    QVERIFY(oneLine(cli({u"--db"_s, db, u"export"_s, u"--kind"_s, u"proc.nothing"_s}),
                    u"flightdeck-cli: export: --kind 'proc.nothing' is not a kind"_s));
    QVERIFY(oneLine(cli({u"--db"_s, db, u"export"_s, u"--out"_s, tempPath(u"no/such/dir/x.csv"_s)}),
                    u"flightdeck-cli: "_s + tempPath(u"no/such/dir/x.csv.part"_s) + u": cannot write"_s));
    QVERIFY(cli({u"--db"_s, db, u"query"_s, u"--help"_s}).out.contains(u"query who-touched PATH"_s));
    QVERIFY(cli({u"--help"_s}).out.contains(u"export"_s));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
