// SPDX-License-Identifier: GPL-3.0-or-later
// Exporting a case's events (eventexport.h) on a SQLite case file and on a real PostgreSQL cluster started here: the
// scenario of queryfixture.h as CSV and as JSON Lines, compared byte for byte (hostile names and paths quoted or in
// base64), with the digest and the audit entry of each export.
#include "digest.h"
#include "eventexport.h"
#include "queryfixture.h"
#include "skip.h"
#include "timetext.h"

#include <QBuffer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;

class TestEventExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { ScenarioCases::addEngineRows(); }
    void init();
    void exportCsvAndJsonl();

private:
    qint64 hostId(const QString &host)
    {
        auto found = findHost(*m_db, host);
        return found ? *found : -1;
    }

    ScenarioCases m_cases;
    Database *m_db = nullptr;
};

// The scenario is imported once per engine and shared by the tests (they only read).
void TestEventExport::init()
{
    QFETCH_GLOBAL(QString, engine);
    if (engine == "postgresql"_L1 && !m_cases.hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    QString error;
    m_db = m_cases.get(engine, &error);
    QVERIFY2(m_db, qPrintable(error));
}

void TestEventExport::exportCsvAndJsonl()
{
    const qint64 auditsBefore = count(*m_db, u"audit_log"_s, u"action = 'export'"_s);
    ExportRequest request;
    request.hostId = hostId(u"alpha"_s);
    request.kind = u"file"_s;
    request.range = {QueryScenario::at(0), QueryScenario::at(1000)};
    QBuffer csv;
    QVERIFY(csv.open(QIODevice::WriteOnly));
    auto summary = exportEvents(*m_db, request, csv, u"memory"_s);
    QVERIFY2(summary.ok(), qPrintable(summary.error().message));
    QCOMPARE(summary->rows, 4);
    const QByteArray hostile = QueryScenario::hostilePath();
    QByteArray quoted = hostile;
    quoted.replace('"', "\"\"");
    const QByteArray expected
        = "time,ts,host,kind,pid,process_start,comm,exe,op,path,to_path,proto,laddr,lport,raddr,rport,count,detail\r\n"
        + isoTime(QueryScenario::at(40)).toUtf8() + ',' + QByteArray::number(QueryScenario::at(40))
        + ",alpha,file.access,300,360002,curl,/usr/bin/curl,open,/etc/passwd,,,,,,,1,\r\n"
        + isoTime(QueryScenario::at(50)).toUtf8() + ',' + QByteArray::number(QueryScenario::at(50))
        + ",alpha,file.access,300,360002,curl,/usr/bin/curl,write,/tmp/drop/a.sh,,,,,,,1,\r\n"
        + isoTime(QueryScenario::at(60)).toUtf8() + ',' + QByteArray::number(QueryScenario::at(60))
        + ",alpha,file.access,301,360003,\"" + QueryScenario::hostileComm().toUtf8().replace('"', "\"\"")
        + "\",/bin/sh,create,/tmp/drop/b.bin,,,,,,,1,\r\n" + isoTime(QueryScenario::at(70)).toUtf8() + ','
        + QByteArray::number(QueryScenario::at(70)) + ",alpha,file.access,301,360003,\""
        + QueryScenario::hostileComm().toUtf8().replace('"', "\"\"") + "\",/bin/sh,create,\"" + quoted
        + "\",,,,,,,1,\r\n";
    QCOMPARE(csv.data(), expected);
    QCOMPARE(summary->digest, Flight::Format::Blake2b256::hexHash(expected));

    request.format = ExportFormat::Jsonl;
    request.kind.clear();
    request.range = {};
    QBuffer jsonl;
    QVERIFY(jsonl.open(QIODevice::WriteOnly));
    auto all = exportEvents(*m_db, request, jsonl, u"memory"_s);
    QVERIFY(all.ok());
    const QList<QByteArray> lines = jsonl.data().split('\n');
    QCOMPARE(all->rows, 22); // alpha's events: 13 + 6 + 3
    QCOMPARE(lines.size(), 23);
    QVERIFY(lines.constLast().isEmpty());
    QVERIFY2(lines[0].startsWith("{\"time\":\"" + isoTime(QueryScenario::at(0)).toUtf8() + "\",\"ts\":"),
             lines[0].constData());
    QVERIFY2(lines[0].contains("\"kind\":\"rec.start\""), lines[0].constData());
    const QByteArray hostileLine = lines[7];
    QVERIFY2(hostileLine.contains("\"path\":{\"b64\":\"" + hostile.toBase64() + "\"}"), hostileLine.constData());
    QCOMPARE(count(*m_db, u"audit_log"_s, u"action = 'export'"_s), auditsBefore + 2);

    request.kind = u"rec"_s;
    QBuffer rec;
    QVERIFY(rec.open(QIODevice::WriteOnly));
    QCOMPARE(exportEvents(*m_db, request, rec, u"memory"_s)->rows, 5); // 3 rec.start, rec.stop, rec.loss
    request.kind = u"proc.nothing"_s;
    QVERIFY(!isExportKind(request.kind));
}

QTEST_GUILESS_MAIN(TestEventExport)
#include "tst_eventexport.moc"
