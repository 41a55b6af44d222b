// SPDX-License-Identifier: GPL-3.0-or-later
// Point-in-time replay (replayqueries.h) on a SQLite case file and on a real PostgreSQL cluster: the scenario of
// replayfixture.h imported through the real importer, the state at several times compared part by part, with what
// each part can know (before the first snapshot, in the collector's downtime and missing archives, after a loss);
// stepping from event to event; and flightdeck-cli query replay on the same case.
#include "endpointscenario.h"
#include "queryfixture.h"
#include "replayfixture.h"
#include "replayqueries.h"
#include "skip.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;

namespace {

QString knowledgeWords(const ReplayPart &part)
{
    static const char *const kinds[] = {"outside", "stopped", "missing", "loss", "nosnapshot"};
    QStringList words{knowledgeName(part.knowledge.knowledge)};
    for (const Caveat &caveat : part.knowledge.caveats)
        words.append(QString::fromLatin1(kinds[int(caveat.kind)]));
    return words.join(u'+');
}

QString processWords(const HostReplay &replay)
{
    QStringList words;
    for (const TreeLine &line : processTreeOrder(replay.processes))
        words.append(u"%1%2"_s.arg(QString(line.depth, u'>'), replay.processes.at(line.index).process.comm));
    return words.join(u' ');
}

QString fileWords(const HostReplay &replay)
{
    static const char *const evidence[] = {"seen", "unseen", "repeated"};
    QHash<qint64, QString> comm;
    for (const RunningProcess &row : replay.processes)
        comm.insert(row.process.id, row.process.comm);
    QStringList words;
    for (const OpenFileAt &file : replay.files)
        words.append(u"%1:%2:%3"_s.arg(comm.value(file.processId), QString::fromUtf8(file.path),
                                       QString::fromLatin1(evidence[int(file.evidence)])));
    return words.join(u' ');
}

QString networkWords(const HostReplay &replay)
{
    QStringList words;
    for (const OpenConnection &row : replay.connections) {
        const NetEventRow &n = row.opened;
        words.append(isListener(n) ? u"listen:%1:%2"_s.arg(n.laddr).arg(n.lport)
                                   : u"%1:%2>%3:%4"_s.arg(n.laddr).arg(n.lport).arg(n.raddr).arg(n.rport.value_or(0)));
    }
    return words.join(u' ');
}

QString itemWords(const QList<StateItemAt> &items)
{
    QStringList words;
    for (const StateItemAt &item : items) {
        const QString version = item.attrs.value(u"version"_s).toString();
        words.append(version.isEmpty() ? item.id : item.id + u'=' + version);
    }
    return words.join(u' ');
}

} // namespace

class TestReplayQueries : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data();
    void initTestCase();
    void init();
    void stateAt_data();
    void stateAt();
    void fileEvidenceTimes();
    void stepping();
    void connectionsAsAPlainReplay();
    void unknownHostAndTreeOfACycle();
    void cliReplay();

private:
    std::unique_ptr<FreshCases> m_fresh;
    std::map<QString, std::unique_ptr<Database>> m_cases; // the replay scenario's, by engine
    std::map<QString, QString> m_locations;
    Database *m_db = nullptr;
    QString m_location;
    qint64 m_host = 0;
};

void TestReplayQueries::initTestCase_data()
{
    ScenarioCases::addEngineRows();
}

void TestReplayQueries::initTestCase()
{
    m_fresh = std::make_unique<FreshCases>();
}

// One case per engine, built on first use; the tests only read it.
void TestReplayQueries::init()
{
    QFETCH_GLOBAL(QString, engine);
    if (engine == "postgresql"_L1 && !m_fresh->hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    auto &db = m_cases[engine];
    if (!db) {
        QString name;
        const auto location = m_fresh->create(engine, u"replay"_s, &name);
        QVERIFY2(location.ok(), qPrintable(location.error().message));
        auto opened = Database::open(*location);
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        const QString folder = QDir(m_fresh->dir()).filePath(name);
        QVERIFY(QDir().mkpath(folder));
        ReplayScenario scenario(folder);
        const QString error = scenario.importInto(**opened);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        db = std::move(*opened);
        m_locations[engine] = *location;
    }
    m_db = db.get();
    m_location = m_locations[engine];
    auto host = findHost(*m_db, u"echo"_s);
    QVERIFY2(host.ok(), qPrintable(host.error().message));
    m_host = *host;
}

void TestReplayQueries::stateAt_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("processes");
    QTest::addColumn<QString>("files");
    QTest::addColumn<QString>("network");
    QTest::addColumn<QString>("modules");
    QTest::addColumn<QString>("bpf");
    QTest::addColumn<QString>("packages");
    QTest::addColumn<QString>("knowledge"); // of the six parts, in that order

    const QString none;
    QTest::newRow("before the recording") << qint64(-1) << none << none << none << none << none << none
                                          << u"unknown+outside unknown+outside unknown+outside unknown+outside "
                                             u"unknown+outside unknown+outside"_s;
    QTest::newRow("before the first snapshot")
        << qint64(0) << u"sshd"_s << none << none << none << none << none
        << u"known known known unknown+nosnapshot unknown+nosnapshot unknown+nosnapshot"_s;
    QTest::newRow("all running") << qint64(45) << u"sshd >bash >>logger"_s << u"logger:/var/log/app.log:seen"_s
                                 << u"listen:0.0.0.0:8080 10.0.0.2:40200>10.0.0.3:22"_s << u"ext4 nf_tables"_s
                                 << u"7"_s << u"bash:amd64=5.2-1 openssl:amd64=3.0.13-1"_s
                                 << u"known known known known known known"_s;
    QTest::newRow("inside repeated writes")
        << qint64(75) << u"sshd >bash >>logger"_s << u"bash:/etc/hosts:repeated"_s
        << u"listen:0.0.0.0:8080 10.0.0.2:40200>10.0.0.3:22"_s << u"ext4 nf_tables rootkit"_s << u"7"_s
        << u"bash:amd64=5.2-1 openssl:amd64=3.0.13-1"_s << u"known known known known known known"_s;
    QTest::newRow("after the changes")
        << qint64(95) << u"sshd >bash >>logger"_s << none << u"listen:0.0.0.0:8080"_s << u"ext4 nf_tables rootkit"_s
        << u"7"_s << u"bash:amd64=5.2-1 nc-openbsd:amd64=1.226-1 openssl:amd64=3.0.13-2"_s
        << u"known known known known known known"_s;
    QTest::newRow("after a file loss")
        << qint64(120) << u"sshd >bash >>cat"_s << u"cat:/root/notes:unseen"_s << none << u"ext4 nf_tables rootkit"_s
        << u"7"_s << u"bash:amd64=5.2-1 nc-openbsd:amd64=1.226-1 openssl:amd64=3.0.13-2"_s
        << u"known incomplete+loss known known known known"_s;
    QTest::newRow("collector stopped, archives missing")
        << qint64(200) << none << none << none << none << none << none
        << u"unknown+stopped unknown+stopped unknown+stopped unknown+stopped unknown+stopped unknown+stopped"_s;
    QTest::newRow("after the gap") << qint64(405) << u"sshd >bash"_s << none << none << u"ext4 nf_tables rootkit"_s
                                   << u"42 7"_s << u"bash:amd64=5.2-1 nc-openbsd:amd64=1.226-1 openssl:amd64=3.0.13-2"_s
                                   << u"incomplete+stopped+missing incomplete+stopped+missing+loss "
                                      u"incomplete+stopped+missing known known known"_s;
    QTest::newRow("last event") << qint64(420) << u"sshd"_s << none << none << u"ext4 nf_tables rootkit"_s
                                << u"42 7"_s << u"bash:amd64=5.2-1 nc-openbsd:amd64=1.226-1 openssl:amd64=3.0.13-2"_s
                                << u"incomplete+stopped+missing incomplete+stopped+missing+loss "
                                   u"incomplete+stopped+missing known known known"_s;
    QTest::newRow("after the recording") << qint64(421) << none << none << none << none << none << none
                                         << u"unknown+outside unknown+outside unknown+outside unknown+outside "
                                            u"unknown+outside unknown+outside"_s;
}

void TestReplayQueries::stateAt()
{
    QFETCH(qint64, ms);
    auto replay = ReplayQueries(*m_db).replay(m_host, ReplayScenario::at(ms));
    QVERIFY2(replay.ok(), qPrintable(replay.error().message));
    QTEST(processWords(*replay), "processes");
    QTEST(fileWords(*replay), "files");
    QTEST(networkWords(*replay), "network");
    QTEST(itemWords(replay->modules), "modules");
    QTEST(itemWords(replay->bpf), "bpf");
    QTEST(itemWords(replay->packages), "packages");
    const QStringList knowledge{knowledgeWords(replay->processesPart), knowledgeWords(replay->filesPart),
                                knowledgeWords(replay->networkPart),   knowledgeWords(replay->modulesPart),
                                knowledgeWords(replay->bpfPart),       knowledgeWords(replay->packagesPart)};
    QTEST(knowledge.join(u' '), "knowledge");
    QCOMPARE(replay->span.first, ReplayScenario::at(0));
    QCOMPARE(replay->span.last, ReplayScenario::at(420));
}

// The times a file's evidence carries, and the limit: the first close after writing that follows T.
void TestReplayQueries::fileEvidenceTimes()
{
    auto replay = ReplayQueries(*m_db).replay(m_host, ReplayScenario::at(45));
    QVERIFY2(replay.ok(), qPrintable(replay.error().message));
    QCOMPARE(replay->files.size(), 1);
    QCOMPARE(replay->files[0].openedTs, ReplayScenario::at(30));
    QCOMPARE(replay->files[0].closedTs, ReplayScenario::at(70));
    // Exactly at its close app.log is still open, then not; /etc/hosts, closed after writing at @72, counts from its
    // open at @71 only (not at @65 or @70: the close after T belongs to an open after T).
    for (const auto &[ms, expected] : {std::pair{65, u"logger:/var/log/app.log:seen"_s},
                                       std::pair{70, u"logger:/var/log/app.log:seen"_s},
                                       std::pair{71, u"bash:/etc/hosts:seen"_s}}) {
        auto at = ReplayQueries(*m_db).replay(m_host, ReplayScenario::at(ms));
        QVERIFY2(at.ok(), qPrintable(at.error().message));
        QCOMPARE(fileWords(*at), expected);
    }
    auto limited = ReplayQueries(*m_db).replay(m_host, ReplayScenario::at(45), 1);
    QVERIFY2(limited.ok(), qPrintable(limited.error().message));
    QCOMPARE(limited->processes.size(), 1);
    QVERIFY(limited->processesPart.truncated);
    QCOMPARE(limited->connections.size(), 1);
    QVERIFY(limited->networkPart.truncated);
    QVERIFY(!limited->filesPart.truncated);
}

void TestReplayQueries::stepping()
{
    ReplayQueries queries(*m_db);
    const auto step = [&](qint64 ms, bool forward) {
        auto ts = queries.neighbourEvent(m_host, ReplayScenario::at(ms), forward);
        return ts.ok() && *ts ? (**ts - ReplayScenario::at(0)) / 1000000 : -999;
    };
    QCOMPARE(step(45, true), 50);
    QCOMPARE(step(45, false), 40);
    QCOMPARE(step(50, true), 60);
    QCOMPARE(step(150, true), 400); // seq 2 is not in the case
    QCOMPARE(step(400, false), 150);
    QCOMPARE(step(420, true), -999);
    QCOMPARE(step(0, false), -999);
}

// connectionsAt reads the endpoints of what is alive at T and looks their closes up by their ends: at every time of
// two random scenarios it must give what replaying every event of the boot up to T gives.
void TestReplayQueries::connectionsAsAPlainReplay()
{
    QFETCH_GLOBAL(QString, engine);
    for (const quint32 seed : {77u, 4242u}) {
        QString name;
        auto db = m_fresh->open(engine, u"endpoints"_s, &name);
        QVERIFY2(db.ok(), qPrintable(db.error().message));
        const QString folder = QDir(m_fresh->dir()).filePath(name);
        QVERIFY(QDir().mkpath(folder));
        const EndpointScenario scenario(folder, seed);
        const QString error = scenario.importInto(**db);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto host = findHost(**db, u"foxtrot"_s);
        QVERIFY2(host.ok(), qPrintable(host.error().message));
        QHash<qint64, qint64> pidOf;
        {
            auto processes = (*db)->query(u"SELECT id, pid FROM processes"_s);
            QVERIFY2(processes.ok(), qPrintable(processes.error().message));
            while (processes->next())
                pidOf.insert(processes->value(0).toLongLong(), processes->value(1).toLongLong());
        }
        qsizetype seen = 0;
        for (const qint64 ms : scenario.times()) {
            auto open = PointInTimeQueries(**db).connectionsAt(*host, ReplayScenario::at(ms));
            QVERIFY2(open.ok(), qPrintable(open.error().message));
            QStringList words;
            for (const OpenConnection &c : *open) {
                const NetEventRow &n = c.opened;
                const QString remote = n.raddr.isEmpty() ? u"-"_s : u"%1:%2"_s.arg(n.raddr).arg(*n.rport);
                const qint64 pid = c.processId ? pidOf.value(*c.processId) : 0;
                words << u"@%1 %2 %3 %4:%5>%6 pid %7 %8"_s.arg((n.ts - ReplayScenario::at(0)) / 1000000)
                             .arg(n.op, n.proto, n.laddr)
                             .arg(n.lport)
                             .arg(remote)
                             .arg(pid)
                             .arg(livenessName(c.liveness));
            }
            const QStringList expected = scenario.expected(ms);
            QVERIFY2(words == expected,
                     qPrintable(u"seed %1 at @%2:\n got      %3\n expected %4"_s.arg(seed).arg(ms).arg(
                         words.join(u"; "_s), expected.join(u"; "_s))));
            seen += words.size();
        }
        QVERIFY2(seen > 100, "the scenario leaves endpoints open"); // it tests something
    }
}

void TestReplayQueries::unknownHostAndTreeOfACycle()
{
    auto replay = ReplayQueries(*m_db).replay(m_host + 1000, ReplayScenario::at(45));
    QVERIFY(!replay.ok());
    QVERIFY2(replay.error().message.contains(u"no such host"_s), qPrintable(replay.error().message));

    // Parents that point at each other (a hostile case) still give every process one line.
    QList<RunningProcess> cycle(3);
    for (qint64 i = 0; i < 3; ++i) {
        cycle[i].process.id = i + 1;
        cycle[i].process.parentId = i == 2 ? std::optional<qint64>{} : std::optional<qint64>{(i + 1) % 2 + 1};
    }
    const QList<TreeLine> lines = processTreeOrder(cycle);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0].index, 2);
}

void TestReplayQueries::cliReplay()
{
    QProcess cli;
    cli.start(QStringLiteral(FLIGHTDECK_CLI), {u"--db"_s, m_location, u"--json"_s, u"query"_s, u"replay"_s,
                                               QString::number(ReplayScenario::at(120)), u"--host"_s, u"echo"_s});
    QVERIFY(cli.waitForFinished(60000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    QStringList seen;
    for (const QByteArray &line : cli.readAllStandardOutput().split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const QString type = o.value(u"type"_s).toString();
        if (type == "part"_L1)
            seen.append(o.value(u"part"_s).toString() + u'=' + o.value(u"knowledge"_s).toString());
        else if (type == "process"_L1)
            seen.append(u"%1@%2"_s.arg(o.value(u"comm"_s).toString()).arg(o.value(u"depth"_s).toInt()));
        else if (type == "file"_L1)
            seen.append(o.value(u"path"_s).toString() + u' ' + o.value(u"evidence"_s).toString());
        else if (type != "replay"_L1)
            seen.append(type + u' ' + o.value(u"id"_s).toString());
    }
    QCOMPARE(seen.join(u", "_s),
             u"processes=known, sshd@0, bash@1, cat@2, files open for writing=incomplete, /root/notes closed after "
             u"writing after, open not recorded, connections and listeners=known, modules=known, module ext4, "
             u"module nf_tables, module rootkit, bpf programs=known, bpf 7, packages=known, package bash:amd64, "
             u"package nc-openbsd:amd64, package openssl:amd64"_s);

    QProcess text;
    text.start(QStringLiteral(FLIGHTDECK_CLI), {u"--db"_s, m_location, u"query"_s, u"replay"_s,
                                                QString::number(ReplayScenario::at(200)), u"--host"_s, u"echo"_s});
    QVERIFY(text.waitForFinished(60000));
    QCOMPARE(text.exitCode(), 0);
    const QString out = QString::fromUtf8(text.readAllStandardOutput());
    QVERIFY2(out.contains(u"processes: unknown, 0\n  ! the collector was not running from "_s), qPrintable(out));

    QProcess usage;
    usage.start(QStringLiteral(FLIGHTDECK_CLI), {u"--db"_s, m_location, u"query"_s, u"replay"_s, u"soon"_s});
    QVERIFY(usage.waitForFinished(60000));
    QCOMPARE(usage.exitCode(), 2);
    QCOMPARE(usage.readAllStandardError().count('\n'), 1);
}

QTEST_GUILESS_MAIN(TestReplayQueries)
#include "tst_replayqueries.moc"
