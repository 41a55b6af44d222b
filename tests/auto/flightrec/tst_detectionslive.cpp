// SPDX-License-Identifier: GPL-3.0-or-later
// The detection rules of rules/ on what the real collector records (root): while `flightrec record` runs, this test
// does what each rule describes — runs a copy of true from /tmp, a program from a memfd, true with LD_PRELOAD of
// libc, a shell whose stdin and stdout are a TCP socket to a listener of its own, loads a BPF socket filter, writes
// a fixture authorized_keys and real (harmless, removed) files in /etc/sudoers.d, /etc/cron.d and
// /etc/systemd/system, listens on a new port, and has a non-setuid python3 take root back from its saved uid — and,
// under a shell of its own, a normal workload (ls, cat, a compile, a connect). The archives are imported with the
// rules evaluated at import: every rule fires on the workload's processes (the BPF rule on the program's state
// change), and nothing fires on the normal workload's. Kernel modules cannot be loaded here: that rule is tested on
// archives made with the format library (tst_detections); a package change outside a package manager is tested live
// on a copy of the dpkg database in tst_packageslive.
#include "database.h"
#include "detectionrule.h"
#include "importer.h"
#include "keys.h"
#include "recordsession.h"
#include "sampleevents.h"
#include "skip.h"
#include "socketfilter.h"
#include "truststore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;
using namespace Flight::Format;
using namespace Flight::TestSupport;

namespace {

// Runs `program` to its end; its exit code, or -1.
int run(const QString &program, const QStringList &arguments, const QProcessEnvironment &env = {})
{
    QProcess process;
    if (!env.isEmpty())
        process.setProcessEnvironment(env);
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return -1;
    return process.exitCode();
}

} // namespace

class TestDetectionsLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            FLIGHT_SKIP("recording the machine, loading BPF and writing /etc need root");
        QVERIFY(m_temp.isValid());
        QVERIFY(SigningKey::generate().save(m_temp.filePath(u"host.key"_s)));
    }

    void rulesFireOnTheWorkloadAndStayQuietOnANormalOne();

private:
    QStringList alertsUnder(Deck::Core::Database &db, const ProcKey &root, bool *ok);

    QTemporaryDir m_temp;
};

void TestDetectionsLive::rulesFireOnTheWorkloadAndStayQuietOnANormalOne()
{
    const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(8);
    QTemporaryDir tmp(u"/tmp/flightdeck-detect-XXXXXX"_s);
    QTemporaryDir fixture(u"/var/tmp/flightdeck-detect-XXXXXX"_s);
    QVERIFY(tmp.isValid() && fixture.isValid());
    const QStringList etcFiles{u"/etc/sudoers.d/flightdeck-test-"_s + tag, u"/etc/cron.d/flightdeck-test-"_s + tag,
                               u"/etc/systemd/system/flightdeck-test-"_s + tag + u".service"_s};
    // A folder the machine does not have (no sudo installed: no /etc/sudoers.d) is made for the test and removed.
    QStringList madeFolders;
    for (const QString &path : etcFiles) {
        const QString folder = QFileInfo(path).path();
        if (!QFileInfo::exists(folder) && QDir().mkdir(folder))
            madeFolders.append(folder);
    }
    const auto removeEtcFiles = qScopeGuard([&] {
        for (const QString &path : etcFiles)
            QFile::remove(path);
        for (const QString &folder : std::as_const(madeFolders))
            QDir().rmdir(folder);
    });
    // A TCP listener on the loopback for the connects below (the kernel accepts them into its backlog).
    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    QVERIFY(listener >= 0);
    const auto closeListener = qScopeGuard([listener] { ::close(listener); });
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    QVERIFY(::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0);
    QVERIFY(::listen(listener, 16) == 0);
    QVERIFY(::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length) == 0);
    const QString port = QString::number(ntohs(address.sin_port));

    RecordSession session(QStringLiteral(FLIGHTREC_BINARY), m_temp.filePath(u"host.key"_s), m_temp.filePath(u"out"_s),
                          {u"integrity_interval = 1s"_s});
    QString why;
    QVERIFY2(session.start(120, &why), qPrintable(why));

    // The normal workload, under a shell of its own: nothing in it may raise an alert.
    QVERIFY(writeFile(fixture.filePath(u"hello.c"_s), "int main(void) { return 0; }\n"));
    QProcess normal;
    normal.start(u"/bin/bash"_s,
                 {u"-c"_s,
                  u"sleep 0.3; ls / > /dev/null; cat /etc/hostname > /dev/null; cc -o %1 %2; "
                  u"exec 3<>/dev/tcp/127.0.0.1/%3; echo hello >&3"_s.arg(fixture.filePath(u"hello"_s),
                                                                         fixture.filePath(u"hello.c"_s), port)});
    QVERIFY(normal.waitForStarted());
    const ProcKey normalKey = liveKey(normal.processId()); // while it sleeps
    QTRY_VERIFY_WITH_TIMEOUT(normal.state() == QProcess::NotRunning, 60000);
    QCOMPARE(normal.exitCode(), 0);

    // Execution from /tmp; from a memfd; with LD_PRELOAD.
    const QString copy = tmp.filePath(u"true"_s);
    QVERIFY(QFile::copy(u"/usr/bin/true"_s, copy));
    QVERIFY(QFile::setPermissions(copy, QFile::ReadOwner | QFile::ExeOwner));
    QCOMPARE(run(copy, {}), 0);
    QCOMPARE(run(u"/usr/bin/python3"_s,
                 {u"-c"_s,
                  u"import os; fd = os.memfd_create('flightdeck-test'); "
                  u"os.write(fd, open('/usr/bin/true', 'rb').read()); "
                  u"os.execv('/proc/self/fd/%d' % fd, ['memfd-true'])"_s}),
             0);
    QProcessEnvironment preload = QProcessEnvironment::systemEnvironment();
    preload.insert(u"LD_PRELOAD"_s, u"/lib/x86_64-linux-gnu/libc.so.6"_s);
    QCOMPARE(run(u"/usr/bin/true"_s, {}, preload), 0);
    // A shell with stdin, stdout and stderr on a TCP socket to our listener.
    QCOMPARE(run(u"/bin/bash"_s,
                 {u"-c"_s, u"exec 3<>/dev/tcp/127.0.0.1/%1; exec /bin/sh -c 'echo id' <&3 >&3 2>&3"_s.arg(port)}),
             0);
    // A BPF program.
    const int filter = loadSocketFilter("flightdeck_det");
    QVERIFY2(filter >= 0, "bpf(BPF_PROG_LOAD) failed");
    const auto closeFilter = qScopeGuard([filter] { ::close(filter); });
    const QString programId = QString::number(bpfProgramId(filter));
    // Sensitive files: a fixture authorized_keys, real (harmless, removed) files in /etc.
    QVERIFY(QDir().mkpath(fixture.filePath(u"home/alice/.ssh"_s)));
    QCOMPARE(run(u"/bin/sh"_s,
                 {u"-c"_s,
                  u"echo 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEvil mallory@evil' >> %1"_s.arg(
                      fixture.filePath(u"home/alice/.ssh/authorized_keys"_s))}),
             0);
    for (const QString &path : etcFiles)
        QCOMPARE(run(u"/bin/sh"_s, {u"-c"_s, u"echo '# flightdeck detection test, removed at once' > %1"_s.arg(path)}),
                 0);
    // A new listener, and root taken back from a saved uid by a non-setuid python3.
    QCOMPARE(run(u"/usr/bin/python3"_s,
                 {u"-c"_s,
                  u"import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); "
                  u"s.listen(); import time; time.sleep(0.5)"_s}),
             0);
    QCOMPARE(
        run(u"/usr/bin/python3"_s,
            {u"-c"_s, u"import os, time; os.setresuid(65534, 65534, 0); time.sleep(0.2); os.setresuid(0, 0, 0)"_s}),
        0);
    QTest::qWait(3000); // the integrity interval saw the BPF program; the file events are flushed
    QCOMPARE(session.stop(), 0);

    auto db = Deck::Core::Database::open(m_temp.filePath(u"case.sqlite"_s));
    QVERIFY2(db.ok(), qPrintable(db.error().message));
    const auto rules = Deck::Core::loadDetectionRules(QStringLiteral(FLIGHT_RULES_DIR));
    QVERIFY(rules.errors.isEmpty());
    const auto key = SigningKey::load(m_temp.filePath(u"host.key"_s));
    QVERIFY(key.ok());
    QVERIFY(Deck::Core::TrustStore(**db).trust(key->publicKey(), u"live"_s).ok());
    Deck::Core::Importer importer(**db, {std::nullopt, {}, rules.rules, {}});
    for (const QString &archive : Deck::Core::Importer::findArchives({m_temp.filePath(u"out"_s)})) {
        const auto outcome = importer.importFile(archive);
        QVERIFY2(outcome.status == Deck::Core::ImportStatus::Imported, qPrintable(outcome.message));
    }

    bool ok = false;
    const QStringList mine = alertsUnder(**db, liveKey(::getpid()), &ok);
    QVERIFY(ok);
    const QStringList quiet = alertsUnder(**db, normalKey, &ok);
    QVERIFY(ok);
    QVERIFY2(quiet.isEmpty(), qPrintable(u"the normal workload raised: "_s + quiet.join(u"; "_s)));
    for (const char *rule :
         {"exec-from-tmp", "deleted-or-memfd-exe", "ld-preload", "reverse-shell", "ssh-authorized-keys",
          "sudoers-write", "cron-write", "systemd-unit-write", "new-listener", "setuid-without-setuid-bit"}) {
        const bool fired = std::any_of(mine.cbegin(), mine.cend(), [&](const QString &alert) {
            return alert.startsWith(QLatin1StringView(rule) + u' ');
        });
        QVERIFY2(
            fired,
            qPrintable(u"%1 did not fire; the workload raised: %2"_s.arg(QLatin1StringView(rule), mine.join(u"; "_s))));
    }
    auto bpf = (*db)->scalar(u"SELECT COUNT(*) FROM alerts a JOIN alert_evidence e ON e.alert_id = a.id "
                             u"JOIN state_changes s ON s.id = e.object_id AND e.object_type = 'state_change' "
                             u"WHERE a.rule = 'bpf-program' AND s.detail LIKE ?"_s,
                             {u"%\"flightdeck_det\"%"_s});
    QVERIFY(bpf.ok());
    QVERIFY2(bpf->toInt() == 1, qPrintable(u"program %1: %2 bpf-program alerts"_s.arg(programId).arg(bpf->toInt())));
}

// "rule detail" of every rule alert whose evidence process is `root` or one of its descendants.
QStringList TestDetectionsLive::alertsUnder(Deck::Core::Database &db, const ProcKey &root, bool *ok)
{
    auto q
        = db.query(u"WITH RECURSIVE tree(id) AS (SELECT id FROM processes WHERE pid = ? AND start = ? "
                   u"UNION ALL SELECT p.id FROM processes p JOIN tree t ON p.parent_id = t.id) "
                   u"SELECT DISTINCT a.rule, a.detail FROM alerts a JOIN alert_evidence e ON e.alert_id = a.id "
                   u"WHERE a.source = 'rule' AND e.object_type = 'process' AND e.object_id IN (SELECT id FROM tree)"_s,
                   {root.pid, root.start});
    *ok = q.ok();
    QStringList alerts;
    while (q && q->next())
        alerts << q->value(0).toString() + u' ' + q->value(1).toString();
    return alerts;
}

QTEST_GUILESS_MAIN(TestDetectionsLive)
#include "tst_detectionslive.moc"
