// SPDX-License-Identifier: GPL-3.0-or-later
// SSH pull as an analyst runs it (flightdeck-cli remote/pull) against three real OpenSSH servers on loopback ports
// (sshpullfixture.h), the keys on both sides: an unknown host key that needs a decision, a changed host key (refused,
// the others pulled, then accepted), a wrong client key, an encrypted client key, and a jump host (bravo through
// alpha, bravo's host key and login end to end). Every case is checked on the database.
#include "skip.h"
#include "sshpullfixture.h"

#include <QFile>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck::TestSupport;
namespace Test = Flight::TestSupport;

class TestSshPullKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void unknownHostKeyNeedsDecision();
    void changedHostKeyRefused();
    void wrongClientKey();
    void encryptedClientKey();
    void throughJumpHost();

private:
    using Run = SshPullFixture::Run;
    SshPullFixture m_fixture;
};

void TestSshPullKeys::initTestCase()
{
    if (!SshdInstance::available())
        FLIGHT_SKIP("OpenSSH server (/usr/sbin/sshd) or ssh-keygen is not installed");
    const QString failure = m_fixture.start();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void TestSshPullKeys::init()
{
    const QString failure = m_fixture.newCase();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void TestSshPullKeys::unknownHostKeyNeedsDecision()
{
    const Run run = m_fixture.pull();
    QCOMPARE(run.code, 1);
    const auto reports = run.json(u"listed"_s);
    QCOMPARE(reports.size(), 3);
    for (const SshPullFixture::Host &host : std::as_const(m_fixture.hosts())) {
        QVERIFY2(run.err.contains(u"flightdeck-cli: %1 (127.0.0.1 port %2): unknown host key %3"_s.arg(host.name)
                                      .arg(host.sshd->port())
                                      .arg(host.sshd->fingerprint())),
                 qPrintable(run.err));
    }
    QVERIFY(run.err.contains(u"--accept-new-host-key"_s));
    for (const QJsonObject &r : reports)
        QCOMPARE(r[u"reason"_s].toString(), u"unknown host key"_s);
    QCOMPARE(m_fixture.rows(u"archives"_s), 0);
    QCOMPARE(m_fixture.rows(u"pulled_files"_s), 0);
    QVERIFY(!QFile::exists(m_fixture.knownHosts()) || QFileInfo(m_fixture.knownHosts()).size() == 0);
}

void TestSshPullKeys::changedHostKeyRefused()
{
    const QString pulled = m_fixture.pullEverything();
    QVERIFY2(pulled.isEmpty(), qPrintable(pulled));
    for (SshPullFixture::Host &host : m_fixture.hosts())
        QVERIFY(!host.series->next(Test::mixedEvents(20)).isEmpty());
    SshPullFixture::Host &bravo = m_fixture.bravo();
    const QString oldFingerprint = bravo.sshd->fingerprint();
    const QString failure = bravo.sshd->newHostKey();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const QString newFingerprint = bravo.sshd->fingerprint();
    QVERIFY(newFingerprint != oldFingerprint);

    // Accepting a new key does not override a changed one.
    const Run run = m_fixture.pull({u"--accept-new-host-key"_s, newFingerprint});
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(u"bravo (127.0.0.1 port %1): REFUSED: the host key changed"_s.arg(bravo.sshd->port()))
                 && run.err.contains(newFingerprint) && run.err.contains(oldFingerprint),
             qPrintable(run.err));
    QCOMPARE(m_fixture.rows(u"archives"_s), 8);
    QCOMPARE(m_fixture.rows(u"archives"_s, u"digest = ?"_s, {m_fixture.alpha().series->digest(3)}), 1);
    QCOMPARE(m_fixture.rows(u"archives"_s, u"digest = ?"_s, {m_fixture.charlie().series->digest(3)}), 1);
    QCOMPARE(m_fixture.rows(u"archives"_s, u"digest = ?"_s, {bravo.series->digest(3)}), 0);

    // The analyst confirms the new key: drop the old line, accept the new one.
    QFile file(m_fixture.knownHosts());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    file.close();
    lines.removeIf([&](const QString &line) { return line.startsWith(u"[127.0.0.1]:%1 "_s.arg(bravo.sshd->port())); });
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write((lines.join(u'\n') + u'\n').toUtf8());
    file.close();
    const Run accepted = m_fixture.pull({u"--hosts"_s, u"bravo"_s, u"--accept-new-host-key"_s, newFingerprint});
    QVERIFY2(accepted.code == 0, qPrintable(accepted.err));
    QCOMPARE(m_fixture.rows(u"archives"_s, u"digest = ?"_s, {bravo.series->digest(3)}), 1);
}

void TestSshPullKeys::wrongClientKey()
{
    const QString pulled = m_fixture.pullEverything();
    QVERIFY2(pulled.isEmpty(), qPrintable(pulled));
    SshPullFixture::Host &charlie = m_fixture.charlie();
    QVERIFY(!charlie.series->next(Test::mixedEvents(20)).isEmpty());
    QCOMPARE(m_fixture.cli({u"remote"_s, u"edit"_s, u"charlie"_s, u"--key"_s, m_fixture.wrongKey()}).code, 0);
    // --hosts also takes a file of names (here: only charlie, so the others are not touched).
    QFile hostList(m_fixture.filePath(u"hosts.txt"_s));
    QVERIFY(hostList.open(QIODevice::WriteOnly));
    hostList.write("# the host whose key is wrong\n  charlie  # this one\n\n");
    hostList.close();
    const Run run = m_fixture.pull({u"--hosts"_s, hostList.fileName()});
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains(
                 u"charlie (127.0.0.1 port %1): the key %2 was not accepted for user"_s.arg(charlie.sshd->port())
                     .arg(m_fixture.wrongKey())),
             qPrintable(run.err));
    QCOMPARE(run.json(u"listed"_s).value(0).value(u"reason"_s).toString(), u"authentication"_s);
    QCOMPARE(m_fixture.rows(u"archives"_s, u"digest = ?"_s, {charlie.series->digest(charlie.series->lastSeq())}), 0);
    QCOMPARE(m_fixture.cli({u"remote"_s, u"edit"_s, u"charlie"_s, u"--key"_s, m_fixture.clientKey()}).code, 0);
    QCOMPARE(m_fixture.rows(u"audit_log"_s, u"action = 'remote edit'"_s), 2);
}

void TestSshPullKeys::encryptedClientKey()
{
    const QString pulled = m_fixture.pullEverything();
    QVERIFY2(pulled.isEmpty(), qPrintable(pulled));
    SshPullFixture::Host &charlie = m_fixture.charlie();
    QVERIFY(!charlie.series->next(Test::mixedEvents(20)).isEmpty());
    const QString key = m_fixture.passphraseKey();
    QCOMPARE(m_fixture.cli({u"remote"_s, u"edit"_s, u"charlie"_s, u"--key"_s, key}).code, 0);
    const Run noPassphrase = m_fixture.pull({u"--hosts"_s, u"charlie"_s});
    QCOMPARE(noPassphrase.code, 2);
    QVERIFY2(noPassphrase.err.contains(u"cannot read the key %1 (encrypted and no passphrase given"_s.arg(key)),
             qPrintable(noPassphrase.err));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PULL_PASSPHRASE"_s, u"wrong"_s);
    const QStringList withPassphrase{u"pull"_s, u"--hosts"_s, u"charlie"_s, u"--passphrase-env"_s,
                                     u"PULL_PASSPHRASE"_s};
    const Run wrong = m_fixture.cli(withPassphrase, environment);
    QCOMPARE(wrong.code, 2);
    QVERIFY2(wrong.err.contains(u"wrong passphrase"_s), qPrintable(wrong.err));
    const QString newest = charlie.series->digest(charlie.series->lastSeq());
    QCOMPARE(m_fixture.rows(u"archives"_s, u"digest = ?"_s, {newest}), 0);
    environment.insert(u"PULL_PASSPHRASE"_s, u"correct horse"_s);
    const Run right = m_fixture.cli(withPassphrase, environment);
    QVERIFY2(right.code == 0, qPrintable(right.err));
    QCOMPARE(m_fixture.rows(u"archives"_s, u"digest = ?"_s, {newest}), 1);
    QCOMPARE(m_fixture.cli({u"remote"_s, u"edit"_s, u"charlie"_s, u"--key"_s, m_fixture.clientKey()}).code, 0);
}

// bravo reached through alpha (a direct-tcpip channel on alpha's session; bravo's host key and login end to end);
// a jump host that is down fails the host that needs it, naming the jump host.
void TestSshPullKeys::throughJumpHost()
{
    const QString pulled = m_fixture.pullEverything();
    QVERIFY2(pulled.isEmpty(), qPrintable(pulled));
    SshPullFixture::Host &bravo = m_fixture.bravo();
    QVERIFY(!bravo.series->next(Test::mixedEvents(10)).isEmpty());
    const QString newest = bravo.series->digest(bravo.series->lastSeq());
    const int closedPort = freeLoopbackPort();
    QCOMPARE(m_fixture
                 .cli({u"remote"_s, u"add"_s, u"down"_s, u"--address"_s, u"127.0.0.1"_s, u"--port"_s,
                       QString::number(closedPort), u"--user"_s, SshPullFixture::user(), u"--key"_s,
                       m_fixture.clientKey(), u"--outbox"_s, u"/"_s})
                 .code,
             0);
    const QStringList common{u"--address"_s, u"127.0.0.1"_s,         u"--port"_s, QString::number(bravo.sshd->port()),
                             u"--user"_s,    SshPullFixture::user(), u"--key"_s,  m_fixture.clientKey(),
                             u"--outbox"_s,  bravo.sshd->outbox()};
    for (const QString &jump : {u"down"_s, u"alpha"_s, u"none"_s}) {
        QCOMPARE(
            m_fixture.cli(QStringList{u"remote"_s, u"add"_s, u"bravo-via-"_s + jump, u"--jump"_s, jump} + common).code,
            0);
    }

    const Run viaDown = m_fixture.pull({u"--hosts"_s, u"bravo-via-down,bravo-via-none"_s});
    QCOMPARE(viaDown.code, 2);
    QVERIFY2(viaDown.err.contains(u"down (127.0.0.1 port %1): cannot connect: Connection refused"_s.arg(closedPort)),
             qPrintable(viaDown.err));
    QVERIFY2(viaDown.err.contains(u"bravo-via-none: the jump host none is not a remote host of the case"_s),
             qPrintable(viaDown.err));
    QCOMPARE(m_fixture.rows(u"archives"_s, u"digest = ?"_s, {newest}), 0);

    const Run viaAlpha = m_fixture.pull({u"--hosts"_s, u"bravo-via-alpha"_s});
    QVERIFY2(viaAlpha.code == 0, qPrintable(u"exit %1: %2 %3"_s.arg(viaAlpha.code).arg(viaAlpha.err, viaAlpha.out)));
    const QJsonObject report = viaAlpha.json(u"listed"_s).value(0);
    QCOMPARE(report[u"fingerprint"_s].toString(), bravo.sshd->fingerprint());
    QVERIFY(report[u"downloaded"_s].toInt() >= 1);
    QCOMPARE(m_fixture.rows(u"archives"_s, u"digest = ?"_s, {newest}), 1);
    for (const QString &name : {u"down"_s, u"bravo-via-down"_s, u"bravo-via-alpha"_s, u"bravo-via-none"_s})
        QCOMPARE(m_fixture.cli({u"remote"_s, u"remove"_s, name}).code, 0);
}

QTEST_GUILESS_MAIN(TestSshPullKeys)
#include "tst_sshpullkeys.moc"
