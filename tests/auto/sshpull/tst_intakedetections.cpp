// SPDX-License-Identifier: GPL-3.0-or-later
// One intake, one behaviour (issue 10): the detection scenario's two archives (detectionfixture.h) come into a case
// by every intake path, and each path evaluates the repo's rules in the import transaction, raising every alert the
// scenario must raise with its evidence:
// - pulled from a real sshd by `flightdeck-cli pull --rules DIR`, with an indicator list in the case that names the
//   scenario's /tmp/dropper: an 'indicator' alert with its evidence comes with the pull;
// - pulled by the FleetPuller as the GUI runs it (the rules folder in ImportOptions::rulesFolder, read on the
//   puller's thread);
// - pushed into an inbox and imported by `flightdeck-cli inbox watch --once --rules DIR` (`--no-rules` raises none;
//   a rules folder that does not exist is an error);
// - pushed into an inbox watched by the InboxWatcher as the GUI runs it (rulesFolder again), the archives copied in
//   after the watch started.
#include "detectionfixture.h"
#include "fleetpuller.h"
#include "inboxwatcher.h"
#include "programrun.h"
#include "skip.h"
#include "sshdinstance.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Deck::TestSupport;
using Deck::Core::Database;

class TestIntakeDetections : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cliPullRaisesRuleAndIndicatorAlerts();
    void guiPullerReadsRulesFolder();
    void cliInbox_data();
    void cliInbox();
    void missingRulesFolderIsAnError();
    void watchedInboxReadsRulesFolder();

private:
    using Run = Flight::TestSupport::ProgramRun;
    Run cli(const QString &location, const QStringList &arguments);
    // A new SQLite case that trusts the scenario's signer and, with `remote`, knows the sshd as remote host "epsilon".
    QString newCase(const QString &name, bool remote);
    QString inbox(const QString &name); // a new folder holding the scenario's archives
    static QString rulesDir() { return QStringLiteral(FLIGHT_RULES_DIR); }
    static bool writeFile(const QString &path, const QByteArray &bytes);

    QTemporaryDir m_dir;
    std::unique_ptr<SshdInstance> m_sshd;
    std::unique_ptr<DetectionScenario> m_scenario;
    QString m_clientKey;
    bool m_ready = false;
};

TestIntakeDetections::Run TestIntakeDetections::cli(const QString &location, const QStringList &arguments)
{
    return Flight::TestSupport::runProgram(QStringLiteral(FLIGHTDECK_CLI),
                                           QStringList{u"--db"_s, location} + arguments);
}

bool TestIntakeDetections::writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QString TestIntakeDetections::newCase(const QString &name, bool remote)
{
    const QString location = m_dir.filePath(name);
    const Run trusted = cli(location, {u"trust"_s, m_scenario->epsilon.key.publicKey().toText()});
    if (trusted.code != 0) {
        qWarning("trust: %s", qPrintable(trusted.err));
        return {};
    }
    if (!remote)
        return location;
    const Run added = cli(location,
                          {u"remote"_s, u"add"_s, u"epsilon"_s, u"--address"_s, u"127.0.0.1"_s, u"--port"_s,
                           QString::number(m_sshd->port()), u"--user"_s,
                           QProcessEnvironment::systemEnvironment().value(u"USER"_s, u"root"_s), u"--key"_s,
                           m_clientKey, u"--outbox"_s, m_sshd->outbox()});
    if (added.code != 0) {
        qWarning("remote add: %s", qPrintable(added.err));
        return {};
    }
    return location;
}

QString TestIntakeDetections::inbox(const QString &name)
{
    const QString dir = m_dir.filePath(name);
    QDir().mkpath(dir);
    for (const QString &archive : std::as_const(m_scenario->archives))
        QFile::copy(archive, dir + u'/' + QFileInfo(archive).fileName());
    return dir;
}

void TestIntakeDetections::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (!SshdInstance::available())
        FLIGHT_SKIP("OpenSSH server (/usr/sbin/sshd) or ssh-keygen is not installed");
    m_clientKey = m_dir.filePath(u"client_key"_s);
    const QString keys = m_dir.filePath(u"authorized_keys"_s);
    QVERIFY(writeFile(keys, SshdInstance::generateKey(m_clientKey).toUtf8() + '\n'));
    m_sshd = std::make_unique<SshdInstance>(m_dir.filePath(u"sshd"_s), keys);
    const QString failure = m_sshd->start();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    m_scenario = std::make_unique<DetectionScenario>(m_sshd->outbox());
    QCOMPARE(m_scenario->archives.size(), 2);
    m_ready = true;
}

void TestIntakeDetections::cliPullRaisesRuleAndIndicatorAlerts()
{
    QVERIFY(m_ready);
    const QString location = newCase(u"cli-pull.case"_s, true);
    QVERIFY(!location.isEmpty());
    const QString list = m_dir.filePath(u"droppers.txt"_s);
    QVERIFY(writeFile(list, "# paths of known droppers\n/tmp/dropper\n"));
    const Run added = cli(location, {u"indicators"_s, u"add"_s, list});
    QVERIFY2(added.code == 0, qPrintable(added.err));

    const Run pulled = cli(location,
                           {u"pull"_s, u"--accept-new-host-key"_s, m_sshd->fingerprint(), u"--rules"_s, rulesDir(),
                            u"--timeout"_s, u"10"_s});
    QVERIFY2(pulled.code == 0, qPrintable(pulled.err));
    auto db = Database::open(location);
    QVERIFY2(db, qPrintable(db.error().message));
    QCOMPARE(count(**db, u"archives"_s), 2);
    QCOMPARE(DetectionScenario::raisedAlerts(**db).join(u", "_s), DetectionScenario::expectedAlerts().join(u", "_s));
    // The indicator's alert names the list and points at the process that ran /tmp/dropper.
    auto evidence = (*db)->scalar(u"SELECT p.exe FROM alerts a JOIN alert_evidence e ON e.alert_id = a.id JOIN "
                                  u"processes p ON p.id = e.object_id AND e.object_type = 'process' WHERE a.source = "
                                  u"'indicator' AND a.rule = 'droppers'"_s);
    QVERIFY2(evidence, qPrintable(evidence.error().message));
    QCOMPARE(evidence->toString(), u"/tmp/dropper"_s);
}

void TestIntakeDetections::guiPullerReadsRulesFolder()
{
    QVERIFY(m_ready);
    const QString location = newCase(u"gui-pull.case"_s, true);
    QVERIFY(!location.isEmpty());
    const QString known = m_dir.filePath(u"gui-pull.known_hosts"_s);
    QVERIFY(writeFile(known, m_sshd->knownHostsLine().toUtf8() + '\n'));
    auto db = Database::open(location);
    QVERIFY2(db, qPrintable(db.error().message));
    Deck::Pull::PullOptions options;
    options.knownHostsFile = known;
    options.downloadDir = m_dir.filePath(u"gui-pull.pulled"_s);
    options.timeoutMs = 10000;
    options.import.rulesFolder = rulesDir(); // as CaseSession::importOptions() sets it
    Deck::Pull::FleetPuller puller(**db, options);
    auto reports = puller.pull();
    QVERIFY2(reports, qPrintable(reports.error().message));
    QCOMPARE(reports->size(), 1);
    QVERIFY2(!reports->at(0).failure, qPrintable(reports->at(0).failure.value_or(Flight::Error{}).message));
    QCOMPARE(reports->at(0).outcomes.size(), 2);
    qint64 raised = 0;
    for (const Deck::Core::ImportOutcome &outcome : reports->at(0).outcomes)
        raised += outcome.ruleAlerts;
    QCOMPARE(raised, qint64(DetectionScenario::expectedAlerts().size()));
    QCOMPARE(DetectionScenario::raisedAlerts(**db).join(u", "_s), DetectionScenario::expectedAlerts().join(u", "_s));
}

void TestIntakeDetections::cliInbox_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("rules") << QStringList{u"--rules"_s, rulesDir()} << DetectionScenario::expectedAlerts();
    QTest::newRow("no-rules") << QStringList{u"--no-rules"_s} << QStringList();
}

void TestIntakeDetections::cliInbox()
{
    QFETCH(QStringList, options);
    QFETCH(QStringList, expected);
    QVERIFY(m_ready);
    const QString name = QString::fromLatin1(QTest::currentDataTag());
    const QString location = newCase(name + u".case"_s, false);
    QVERIFY(!location.isEmpty());
    const Run run = cli(
        location,
        QStringList{u"inbox"_s, u"watch"_s, inbox(name + u"-inbox"_s), u"--once"_s, u"--settle"_s, u"0"_s} + options);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    auto db = Database::open(location);
    QVERIFY2(db, qPrintable(db.error().message));
    QCOMPARE(count(**db, u"archives"_s), 2);
    QCOMPARE(DetectionScenario::raisedAlerts(**db).join(u", "_s), expected.join(u", "_s));
}

void TestIntakeDetections::missingRulesFolderIsAnError()
{
    QVERIFY(m_ready);
    const Run missing
        = cli(m_dir.filePath(u"missing.case"_s),
              {u"inbox"_s, u"watch"_s, m_dir.path(), u"--once"_s, u"--rules"_s, m_dir.filePath(u"no-such-rules"_s)});
    QCOMPARE(missing.code, 2);
    QVERIFY2(missing.err.contains(u"no such rules folder"_s), qPrintable(missing.err));
}

void TestIntakeDetections::watchedInboxReadsRulesFolder()
{
    QVERIFY(m_ready);
    const QString location = newCase(u"gui-inbox.case"_s, false);
    QVERIFY(!location.isEmpty());
    auto db = Database::open(location);
    QVERIFY2(db, qPrintable(db.error().message));
    const QString dir = m_dir.filePath(u"gui-inbox"_s);
    QVERIFY(QDir().mkpath(dir));
    Deck::Pull::InboxOptions options;
    options.dir = dir;
    options.settleMs = 100;
    options.rescanMs = 500;
    options.import.rulesFolder = rulesDir(); // as CaseSession::importOptions() sets it
    Deck::Pull::InboxWatcher watcher(**db, options);
    QSignalSpy done(&watcher, &Deck::Pull::InboxWatcher::archiveDone);
    QVERIFY(watcher.start());
    for (const QString &archive : std::as_const(m_scenario->archives)) {
        // Pushed as collectors push: written as .part, then renamed.
        const QString target = dir + u'/' + QFileInfo(archive).fileName();
        QVERIFY(QFile::copy(archive, target + u".part"_s));
        QVERIFY(QFile::rename(target + u".part"_s, target));
    }
    QTRY_COMPARE_WITH_TIMEOUT(watcher.status().imported, 2, 20000);
    qint64 raised = 0;
    for (const QList<QVariant> &signal : std::as_const(done))
        raised += signal.at(0).value<Deck::Core::ImportOutcome>().ruleAlerts;
    QCOMPARE(raised, qint64(DetectionScenario::expectedAlerts().size()));
    QCOMPARE(DetectionScenario::raisedAlerts(**db).join(u", "_s), DetectionScenario::expectedAlerts().join(u", "_s));
}

QTEST_GUILESS_MAIN(TestIntakeDetections)
#include "tst_intakedetections.moc"
