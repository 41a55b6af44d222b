// SPDX-License-Identifier: GPL-3.0-or-later
// installer/setup-pull-account.sh against a real OpenSSH server on loopback: the script creates a real system user
// (a test name, deleted at the end with --remove), its keys and an sshd drop-in in a directory of the test, which the
// test's sshd Includes. Then, as that user: flightdeck-cli pull downloads and imports the outbox's archives (those
// there before the set-up and one written after it); pull --remove deletes nothing (read-only SFTP); no file outside
// the outbox can be read (/etc/shadow, /etc/passwd), nothing in the outbox can be written, renamed or removed, and
// no command runs; an account the script did not create is refused. Root only (useradd, chroot).
#include "casefixture.h"
#include "programrun.h"
#include "sampleevents.h"
#include "skip.h"
#include "sshdinstance.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Deck::TestSupport;
namespace Test = Flight::TestSupport;

namespace {

const QString kUser = u"flightpulltest"_s;
const QString kGroup = u"flightrec-rdtest"_s;

using Run = Flight::TestSupport::ProgramRun;
using Flight::TestSupport::runProgram;

} // namespace

class TestPullAccount : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void setUpTwiceChangesNothing();
    void pullAsTheAccount();
    void pullRemoveDeletesNothing();
    void nothingOutsideTheOutbox();
    void outboxIsReadOnly();
    void noCommandRuns();
    void cleanupTestCase();

private:
    Run setUp(const QStringList &extra = {});
    Run cli(const QStringList &arguments);
    // sftp -b with these batch commands, as the pull account.
    Run sftp(const QString &batch);
    QStringList sshOptions() const;
    QString outbox() const { return m_dir->filePath(u"outbox"_s); }
    QString configDir() const { return m_dir->filePath(u"sshd_config.d"_s); }
    QString keysFile() const { return m_dir->filePath(u"etc/authorized_keys"_s); }

    // Under /run (root-owned, mode 0755): sshd chroots only into a path no one but root can write to, so not /tmp.
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SshdInstance> m_sshd;
    std::unique_ptr<ArchiveSeries> m_series;
    QString m_clientKey;
    bool m_ready = false;
    bool m_created = false;
};

Run TestPullAccount::setUp(const QStringList &extra)
{
    return runProgram(QStringLiteral(SETUP_PULL_ACCOUNT),
                      QStringList{u"--user"_s, kUser, u"--group"_s, kGroup, u"--outbox"_s, outbox(),
                                  u"--sshd-config-dir"_s, configDir(), u"--authorized-keys"_s, keysFile()}
                          + extra);
}

Run TestPullAccount::cli(const QStringList &arguments)
{
    return runProgram(QStringLiteral(FLIGHTDECK_CLI),
                      QStringList{u"--db"_s, m_dir->filePath(u"case.db"_s), u"--json"_s} + arguments);
}

QStringList TestPullAccount::sshOptions() const
{
    return {u"-F"_s, u"/dev/null"_s,
            u"-i"_s, m_clientKey,
            u"-o"_s, u"IdentitiesOnly=yes"_s,
            u"-o"_s, u"BatchMode=yes"_s,
            u"-o"_s, u"StrictHostKeyChecking=yes"_s,
            u"-o"_s, u"UserKnownHostsFile="_s + m_dir->filePath(u"known_hosts"_s)};
}

Run TestPullAccount::sftp(const QString &batch)
{
    return runProgram(
        u"sftp"_s,
        sshOptions() + QStringList{u"-P"_s, QString::number(m_sshd->port()), u"-b"_s, u"-"_s, kUser + u"@127.0.0.1"_s},
        batch);
}

void TestPullAccount::initTestCase()
{
    if (!SshdInstance::available())
        FLIGHT_SKIP("OpenSSH server (/usr/sbin/sshd) or ssh-keygen is not installed");
    if (::geteuid() != 0)
        FLIGHT_SKIP("creating a system user and a chroot needs root");
    QVERIFY2(runProgram(u"id"_s, {kUser}).code != 0, "the test user flightpulltest exists already");
    m_dir = std::make_unique<QTemporaryDir>(u"/run/flightpull-test-XXXXXX"_s);
    QVERIFY(m_dir->isValid());
    // The account reads its authorized_keys with its own rights, so the directories on the way must be searchable.
    QVERIFY(QFile::setPermissions(m_dir->path(),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                      | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
    QVERIFY(QDir().mkpath(m_dir->filePath(u"etc"_s)));
    m_clientKey = m_dir->filePath(u"client_key"_s);
    const QString publicKey = SshdInstance::generateKey(m_clientKey);
    QVERIFY(!publicKey.isEmpty());
    QFile unused(m_dir->filePath(u"no_keys"_s));
    QVERIFY(unused.open(QIODevice::WriteOnly));
    unused.close();

    m_sshd = std::make_unique<SshdInstance>(m_dir->filePath(u"sshd"_s), unused.fileName());
    QVERIFY(QDir().mkpath(outbox()));
    m_series = std::make_unique<ArchiveSeries>(outbox(), u"web-01.example.org"_s);
    QVERIFY(!m_series->next(Test::mixedEvents(40)).isEmpty());
    QVERIFY(!m_series->next(Test::mixedEvents(40)).isEmpty());
    QFile secret(m_dir->filePath(u"secret"_s)); // outside the outbox, readable by root only
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write("not for the pull account\n");
    secret.close();

    const Run done = setUp({u"--key"_s, publicKey});
    m_created = true;
    QVERIFY2(done.code == 0, qPrintable(done.out + done.err));
    QVERIFY2(done.out.contains(u"created the user %1"_s.arg(kUser)), qPrintable(done.out));
    QVERIFY2(done.out.contains(u"flightdeck-cli --db case.db remote add"_s), qPrintable(done.out));
    QVERIFY2(done.out.contains(u"--outbox /"_s), qPrintable(done.out));
    // An archive written after the set-up belongs to the group too (the setgid outbox).
    QVERIFY(!m_series->next(Test::mixedEvents(40)).isEmpty());

    m_sshd->setExtraConfig(u"Include %1/*.conf"_s.arg(configDir()));
    const QString failure = m_sshd->start();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QFile known(m_dir->filePath(u"known_hosts"_s));
    QVERIFY(known.open(QIODevice::WriteOnly));
    known.write(m_sshd->knownHostsLine().toUtf8() + '\n');
    known.close();

    const Run trusted = cli({u"trust"_s, m_series->key.publicKey().toText(), u"--label"_s, u"web-01"_s});
    QVERIFY2(trusted.code == 0, qPrintable(trusted.err));
    const Run added
        = cli({u"remote"_s, u"add"_s, u"web-01"_s, u"--address"_s, u"127.0.0.1"_s, u"--port"_s,
               QString::number(m_sshd->port()), u"--user"_s, kUser, u"--key"_s, m_clientKey, u"--outbox"_s, u"/"_s});
    QVERIFY2(added.code == 0, qPrintable(added.err));
    m_ready = true;
}

void TestPullAccount::setUpTwiceChangesNothing()
{
    QVERIFY(m_ready);
    QFile pub(m_clientKey + u".pub"_s);
    QVERIFY(pub.open(QIODevice::ReadOnly));
    const QByteArray keysBefore = [&] {
        QFile f(keysFile());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    QVERIFY(keysBefore.startsWith("restrict ssh-ed25519 "));
    const Run again = setUp({u"--key-file"_s, pub.fileName()});
    QVERIFY2(again.code == 0, qPrintable(again.out + again.err));
    QVERIFY2(!again.out.contains(u"created"_s) && !again.out.contains(u"added a key"_s), qPrintable(again.out));
    QFile keys(keysFile());
    QVERIFY(keys.open(QIODevice::ReadOnly));
    QCOMPARE(keys.readAll(), keysBefore);
    const Run missingKey = setUp();
    QCOMPARE(missingKey.code, 2);
    const Run badKey = setUp({u"--key"_s, u"ssh-ed25519 AAAAnotakey"_s});
    QCOMPARE(badKey.code, 1);
    QVERIFY2(badKey.err.contains(u"not a valid public key"_s), qPrintable(badKey.err));
    // An account the script did not create is left alone (daemon: nologin and no password on Debian anyway).
    const Run notOurs = setUp({u"--user"_s, u"daemon"_s, u"--key-file"_s, pub.fileName()});
    QCOMPARE(notOurs.code, 1);
    QVERIFY2(notOurs.err.contains(u"did not create"_s), qPrintable(notOurs.err));
}

void TestPullAccount::pullAsTheAccount()
{
    QVERIFY(m_ready);
    const Run run = cli({u"pull"_s, u"--timeout"_s, u"10"_s, u"--accept-new-host-key"_s, m_sshd->fingerprint()});
    QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(u"\"downloaded\":3"_s), qPrintable(run.out));
    for (qint64 seq = 1; seq <= 3; ++seq)
        QVERIFY2(run.out.contains(m_series->digest(seq)), qPrintable(run.out));
}

void TestPullAccount::pullRemoveDeletesNothing()
{
    QVERIFY(m_ready);
    const Run run = cli({u"pull"_s, u"--timeout"_s, u"10"_s, u"--remove"_s});
    QVERIFY2(run.code == 2, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(u"\"removed\":0"_s), qPrintable(run.out));
    QVERIFY2(run.err.contains(u"web-01"_s), qPrintable(run.err));
    QCOMPARE(QDir(outbox()).entryList({u"*.frec"_s}, QDir::Files).size(), 3);
}

void TestPullAccount::nothingOutsideTheOutbox()
{
    QVERIFY(m_ready);
    const Run listed = sftp(u"ls -1\n"_s);
    QVERIFY2(listed.code == 0, qPrintable(listed.out + listed.err));
    QVERIFY2(listed.out.contains(u"web-01.example.org-1.frec"_s), qPrintable(listed.out));
    const QString into = m_dir->filePath(u"fetched"_s);
    for (const QString &path : {u"/etc/shadow"_s, u"/etc/passwd"_s, u"../secret"_s, m_dir->filePath(u"secret"_s)}) {
        const Run got = sftp(u"get %1 %2\n"_s.arg(path, into));
        QVERIFY2(got.code != 0, qPrintable(path + got.out + got.err));
        QVERIFY2(!QFile::exists(into), qPrintable(path));
    }
    const Run up = sftp(u"cd ..\nls -1\n"_s); // the chroot's parent is the chroot
    QVERIFY2(!up.out.contains(u"secret"_s) && !up.out.contains(u"outbox"_s), qPrintable(up.out));
}

void TestPullAccount::outboxIsReadOnly()
{
    QVERIFY(m_ready);
    const QString archive = u"web-01.example.org-1.frec"_s;
    const QString local = m_dir->filePath(u"upload.frec"_s);
    QFile upload(local);
    QVERIFY(upload.open(QIODevice::WriteOnly));
    upload.write("x");
    upload.close();
    for (const QString &command :
         {u"put %1 new.frec"_s.arg(local), u"put %1 %2"_s.arg(local, archive), u"rm %1"_s.arg(archive),
          u"rename %1 moved.frec"_s.arg(archive), u"mkdir sub"_s, u"chmod 666 %1"_s.arg(archive)}) {
        const Run run = sftp(command + u'\n');
        QVERIFY2(run.code != 0, qPrintable(command + run.out + run.err));
    }
    QCOMPARE(QDir(outbox()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).size(), 3);
    QCOMPARE(QFileInfo(QDir(outbox()).filePath(archive)).permissions() & QFile::WriteGroup, QFile::Permissions());
}

void TestPullAccount::noCommandRuns()
{
    QVERIFY(m_ready);
    const QStringList target{u"-p"_s, QString::number(m_sshd->port()), kUser + u"@127.0.0.1"_s};
    const Run command = runProgram(u"ssh"_s, sshOptions() + target + QStringList{u"id; cat /etc/passwd"_s});
    QVERIFY2(!command.out.contains(u"uid="_s) && !command.out.contains(u"root:"_s), qPrintable(command.out));
    const Run tty = runProgram(u"ssh"_s, sshOptions() + QStringList{u"-tt"_s} + target + QStringList{u"id"_s});
    QVERIFY2(!tty.out.contains(u"uid="_s), qPrintable(tty.out));
    // No forwarding: a stdio forward to the server's own port is refused.
    const Run forward
        = runProgram(u"ssh"_s, sshOptions() + QStringList{u"-W"_s, u"127.0.0.1:%1"_s.arg(m_sshd->port())} + target);
    QVERIFY2(forward.code != 0 && !forward.out.contains(u"SSH-2.0"_s), qPrintable(forward.out + forward.err));
}

void TestPullAccount::cleanupTestCase()
{
    if (m_sshd)
        m_sshd->stop();
    if (!m_created)
        return;
    const Run removed = setUp({u"--remove"_s});
    QVERIFY2(removed.code == 0, qPrintable(removed.out + removed.err));
    QVERIFY(runProgram(u"id"_s, {kUser}).code != 0);
    QVERIFY(runProgram(u"getent"_s, {u"group"_s, kGroup}).code != 0);
    QVERIFY(!QFile::exists(configDir() + u'/' + kUser + u".conf"_s));
    QVERIFY(!QFile::exists(keysFile()));
}

QTEST_GUILESS_MAIN(TestPullAccount)
#include "tst_pullaccount.moc"
