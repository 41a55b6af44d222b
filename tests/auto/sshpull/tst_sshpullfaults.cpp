// SPDX-License-Identifier: GPL-3.0-or-later
// SSH pull as an analyst runs it (flightdeck-cli remote/pull) against three real OpenSSH servers on loopback ports
// (sshpullfixture.h) when hosts misbehave: hostile outbox entries and a local copy that differs (left alone), removal
// after import (the hostile entries still left alone), an unreachable and a silent host (timed out within the limit,
// the others pulled) and SIGINT during a pull that waits on the silent one. Every case is checked on the database.
#include "skip.h"
#include "sshpullfixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTest>
#include <csignal>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

using namespace Qt::StringLiterals;
using namespace Deck::TestSupport;
namespace Test = Flight::TestSupport;

class TestSshPullFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void hostileOutboxEntries();
    void removeAfterImport();
    void unreachableAndSilentHostsTimeOut();

private:
    using Run = SshPullFixture::Run;
    // Three entries pull must leave alone in `outbox`: a symlink named like an archive (to /etc/hostname), a name
    // that starts with '-' and a name with a space. Empty on success, else why not.
    static QString plantHostileEntries(const QString &outbox);
    SshPullFixture m_fixture;
};

void TestSshPullFaults::initTestCase()
{
    if (!SshdInstance::available())
        FLIGHT_SKIP("OpenSSH server (/usr/sbin/sshd) or ssh-keygen is not installed");
    const QString failure = m_fixture.start();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void TestSshPullFaults::init()
{
    const QString failure = m_fixture.newCase();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const QString pulled = m_fixture.pullEverything();
    QVERIFY2(pulled.isEmpty(), qPrintable(pulled));
}

QString TestSshPullFaults::plantHostileEntries(const QString &outbox)
{
    if (!QFile::link(u"/etc/hostname"_s, outbox + u"/charlie.example.org-99.frec"_s))
        return u"cannot create a symlink in %1"_s.arg(outbox);
    for (const QString &name : {u"/-rf.frec"_s, u"/two words.frec"_s}) {
        QFile empty(outbox + name);
        if (!empty.open(QIODevice::WriteOnly))
            return u"cannot create %1: %2"_s.arg(empty.fileName(), empty.errorString());
    }
    return {};
}

void TestSshPullFaults::hostileOutboxEntries()
{
    SshPullFixture::Host &charlie = m_fixture.charlie();
    const QString planted = plantHostileEntries(charlie.sshd->outbox());
    QVERIFY2(planted.isEmpty(), qPrintable(planted));
    const Run run = m_fixture.pull({u"--hosts"_s, u"charlie"_s});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains(u"charlie: charlie.example.org-99.frec: not a regular file; left alone"_s),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(u"charlie: -rf.frec: name starts with '.' or '-'; left alone"_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"charlie: two words.frec: name holds a character other than"_s), qPrintable(run.err));
    QCOMPARE(run.json(u"listed"_s).value(0).value(u"rejected"_s).toInt(), 3);
    QVERIFY(!QFile::exists(m_fixture.pulledDir(u"charlie"_s) + u"/charlie.example.org-99.frec"_s));
    QCOMPARE(m_fixture.rows(u"pulled_files"_s, u"name LIKE '%-99.frec' OR name LIKE '%words%' OR name LIKE '-%'"_s), 0);

    // A local copy that differs from the host's file of the same name is evidence: never overwritten.
    const QString next = charlie.series->next(Test::mixedEvents(10));
    const QString newest = charlie.series->digest(charlie.series->lastSeq());
    QFile stale(m_fixture.pulledDir(u"charlie"_s) + u'/' + QFileInfo(next).fileName());
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.write("not this");
    stale.close();
    const Run kept = m_fixture.pull({u"--hosts"_s, u"charlie"_s});
    QVERIFY2(kept.code == 0, qPrintable(kept.err));
    QVERIFY2(kept.err.contains(u"but the local copy %1 has 8; left alone"_s.arg(stale.fileName())),
             qPrintable(kept.err));
    QCOMPARE(QFileInfo(stale.fileName()).size(), 8);
    QCOMPARE(m_fixture.rows(u"archives"_s, u"digest = ?"_s, {newest}), 0);
    QVERIFY(stale.remove());
    QCOMPARE(m_fixture.pull({u"--hosts"_s, u"charlie"_s}).code, 0);
    QCOMPARE(m_fixture.rows(u"archives"_s, u"digest = ?"_s, {newest}), 1);
}

void TestSshPullFaults::removeAfterImport()
{
    const QString planted = plantHostileEntries(m_fixture.charlie().sshd->outbox());
    QVERIFY2(planted.isEmpty(), qPrintable(planted));
    ArchiveSeries &bravo = *m_fixture.bravo().series;
    QVERIFY(!bravo.next(Test::mixedEvents(20)).isEmpty()); // new, pulled and removed
    const Run run = m_fixture.pull({u"--remove"_s});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    for (const SshPullFixture::Host &host : std::as_const(m_fixture.hosts())) {
        const QStringList left
            = QDir(host.sshd->outbox()).entryList({u"*.example.org-*.frec"_s}, QDir::Files | QDir::NoSymLinks);
        QVERIFY2(left.isEmpty(), qPrintable(host.name + u": "_s + left.join(u", "_s)));
    }
    QCOMPARE(m_fixture.rows(u"archives"_s, u"digest = ?"_s, {bravo.digest(bravo.lastSeq())}), 1);
    QCOMPARE(m_fixture.rows(u"pulled_files"_s), 7);
    QCOMPARE(m_fixture.rows(u"pulled_files"_s, u"removed_ts IS NULL"_s), 0);
    QCOMPARE(m_fixture.rows(u"audit_log"_s, u"action = 'remote delete'"_s), m_fixture.rows(u"pulled_files"_s));
    // What was removed is not listed again; the symlink and odd names are still left alone.
    const Run again = m_fixture.pull();
    QVERIFY2(again.code == 0, qPrintable(again.err));
    const auto reports = again.json(u"listed"_s);
    QCOMPARE(reports.size(), 3);
    for (const QJsonObject &r : reports) {
        QCOMPARE(r[u"listed"_s].toInt(), 0);
        QCOMPARE(r[u"rejected"_s].toInt(), r[u"host"_s].toString() == "charlie"_L1 ? 3 : 0);
    }
}

void TestSshPullFaults::unreachableAndSilentHostsTimeOut()
{
    // A host that accepts TCP connections (the kernel completes them) and never says a word.
    const int silent = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    QVERIFY(silent >= 0);
    const auto closeSilent = qScopeGuard([silent] { ::close(silent); });
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QVERIFY(::bind(silent, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0);
    QVERIFY(::listen(silent, 16) == 0);
    socklen_t length = sizeof address;
    QVERIFY(::getsockname(silent, reinterpret_cast<sockaddr *>(&address), &length) == 0);
    const int silentPort = ntohs(address.sin_port);
    const int closedPort = freeLoopbackPort();
    const QStringList common{u"--address"_s, u"127.0.0.1"_s, u"--user"_s,       u"root"_s,
                             u"--agent"_s,   u"--outbox"_s,  u"/nonexistent"_s, u"--port"_s};
    for (const auto &[name, port] : {std::pair{u"silent"_s, silentPort}, std::pair{u"closed"_s, closedPort}})
        QCOMPARE(
            m_fixture.cli(QStringList{u"remote"_s, u"add"_s, name} + common + QStringList{QString::number(port)}).code,
            0);
    for (SshPullFixture::Host &host : m_fixture.hosts())
        QVERIFY(!host.series->next(Test::mixedEvents(10)).isEmpty());

    QElapsedTimer timer;
    timer.start();
    const Run run = m_fixture.cli({u"--json"_s, u"pull"_s, u"--timeout"_s, u"2"_s, u"--jobs"_s, u"5"_s});
    const qint64 elapsed = timer.elapsed();

    // Ctrl-C ends a pull that waits on a silent host at once, long before its timeout.
    QProcess interrupted;
    interrupted.start(SshPullFixture::program(),
                      {u"--db"_s, m_fixture.db(), u"pull"_s, u"--hosts"_s, u"silent"_s, u"--timeout"_s, u"60"_s});
    // Connections of the run above wait in the backlog: take them, so that the next one shows this run's.
    for (int pending = ::accept4(silent, nullptr, nullptr, SOCK_NONBLOCK); pending >= 0;
         pending = ::accept4(silent, nullptr, nullptr, SOCK_NONBLOCK))
        ::close(pending);
    QVERIFY(interrupted.waitForStarted());
    pollfd connecting{silent, POLLIN, 0};
    QVERIFY2(::poll(&connecting, 1, 20000) == 1, "the pull connected (its SIGINT handler is installed by then)");
    QTest::qWait(200);
    timer.restart();
    ::kill(pid_t(interrupted.processId()), SIGINT);
    QVERIFY(interrupted.waitForFinished(5000));
    QVERIFY2(timer.elapsed() < 2000, qPrintable(u"%1 ms after SIGINT"_s.arg(timer.elapsed())));
    QCOMPARE(interrupted.exitCode(), 2);
    const QString cancelled = QString::fromUtf8(interrupted.readAllStandardError());
    QVERIFY2(cancelled.contains(u"silent (127.0.0.1 port %1): SSH handshake failed: cancelled"_s.arg(silentPort))
                 && cancelled.contains(u"pull: cancelled"_s),
             qPrintable(cancelled));
    QCOMPARE(run.code, 2);
    QVERIFY2(elapsed < 6000, qPrintable(u"the pull took %1 ms with a 2 s limit"_s.arg(elapsed)));
    QVERIFY2(
        run.err.contains(u"silent (127.0.0.1 port %1): SSH handshake failed: no answer within 2 s"_s.arg(silentPort)),
        qPrintable(run.err));
    QVERIFY2(run.err.contains(u"closed (127.0.0.1 port %1): cannot connect: Connection refused"_s.arg(closedPort)),
             qPrintable(run.err));
    QMap<QString, QString> status;
    for (const QJsonObject &r : run.json(u"listed"_s))
        status.insert(r[u"host"_s].toString(), r[u"reason"_s].toString(u"ok"_s));
    QCOMPARE(status.value(u"silent"_s), u"timeout"_s);
    QCOMPARE(status.value(u"closed"_s), u"unreachable"_s);
    for (const SshPullFixture::Host &host : std::as_const(m_fixture.hosts())) {
        QCOMPARE(status.value(host.name), u"ok"_s);
        QCOMPARE(m_fixture.rows(u"archives"_s, u"digest = ?"_s, {host.series->digest(host.series->lastSeq())}), 1);
    }
    QCOMPARE(m_fixture.cli({u"remote"_s, u"remove"_s, u"silent"_s}).code, 0);
    QCOMPARE(m_fixture.cli({u"remote"_s, u"remove"_s, u"closed"_s}).code, 0);
}

QTEST_GUILESS_MAIN(TestSshPullFaults)
#include "tst_sshpullfaults.moc"
