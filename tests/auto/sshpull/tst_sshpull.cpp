// SPDX-License-Identifier: GPL-3.0-or-later
// SSH pull as an analyst runs it (flightdeck-cli remote/pull) against three real OpenSSH servers on loopback ports,
// each with its own host key and an outbox of real signed archives, into a SQLite case: the unknown host that needs
// a decision, pulling all three, pulling again (nothing new), a changed host key (refused, the others pulled), a
// wrong client key, an encrypted client key, a resumed .part, a transfer cut by the server and resumed, hostile outbox
// entries and a local copy that differs, removal after import, an unreachable and a silent host (timed out within
// the limit, the others pulled), SIGINT, the puller's signals and a session idle longer than the timeout, a jump
// host, and a PostgreSQL case. Every case is checked on the database.
#include "casefixture.h"
#include "fleetpuller.h"
#include "pgcluster.h"
#include "programrun.h"
#include "sampleevents.h"
#include "skip.h"
#include "sshdinstance.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <csignal>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Deck::TestSupport;
namespace Test = Flight::TestSupport;

class TestSshPull : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void unknownHostKeyNeedsDecision();
    void pullAll();
    void pullAgainNothingNew();
    void changedHostKeyRefused();
    void wrongClientKey();
    void encryptedClientKey();
    void resumesPartialDownload();
    void transferCutAndResumed();
    void hostileOutboxEntries();
    void removeAfterImport();
    void unreachableAndSilentHostsTimeOut();
    void pullerSignals();
    void throughJumpHost();
    void pullIntoPostgres();

private:
    using Run = Flight::TestSupport::ProgramRun;
    // flightdeck-cli --db CASE ARGUMENTS (CASE: the SQLite case of these tests unless `location` names one).
    Run cli(const QStringList &arguments, const QProcessEnvironment &environment = {}, const QString &location = {});
    Run pull(const QStringList &options = {});
    QString db() const { return m_dir.filePath(u"pull.case"_s); }
    QString knownHosts() const { return m_dir.filePath(u"pull.case.known_hosts"_s); }
    QString pulledDir(const QString &host) const { return m_dir.filePath(u"pull.case.pulled/"_s + host); }
    qint64 rows(const QString &table, const QString &where = {}, const QVariantList &params = {});

    struct Host
    {
        QString name;
        std::unique_ptr<SshdInstance> sshd;
        std::unique_ptr<ArchiveSeries> series;
    };
    QTemporaryDir m_dir;
    std::vector<Host> m_hosts;
    QString m_clientKey;
    QString m_wrongKey;
    QString m_passphraseKey;
    bool m_ready = false;
};

TestSshPull::Run TestSshPull::cli(const QStringList &arguments, const QProcessEnvironment &environment,
                                  const QString &location)
{
    return Flight::TestSupport::runProgram(QStringLiteral(FLIGHTDECK_CLI),
                                           QStringList{u"--db"_s, location.isEmpty() ? db() : location} + arguments, {},
                                           environment);
}

TestSshPull::Run TestSshPull::pull(const QStringList &options)
{
    return cli(QStringList{u"--json"_s, u"pull"_s, u"--timeout"_s, u"10"_s} + options);
}

qint64 TestSshPull::rows(const QString &table, const QString &where, const QVariantList &params)
{
    auto opened = Deck::Core::Database::open(db());
    if (!opened) {
        qWarning("%s", qPrintable(opened.error().message));
        return -1;
    }
    return count(**opened, table, where, params);
}

void TestSshPull::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (!SshdInstance::available())
        FLIGHT_SKIP("OpenSSH server (/usr/sbin/sshd) or ssh-keygen is not installed");
    m_clientKey = m_dir.filePath(u"client_key"_s);
    m_wrongKey = m_dir.filePath(u"wrong_key"_s);
    m_passphraseKey = m_dir.filePath(u"passphrase_key"_s);
    const QString authorized = SshdInstance::generateKey(m_clientKey) + u'\n'
        + SshdInstance::generateKey(m_passphraseKey, u"correct horse"_s) + u'\n';
    QVERIFY(!SshdInstance::generateKey(m_wrongKey).isEmpty());
    QFile keys(m_dir.filePath(u"authorized_keys"_s));
    QVERIFY(keys.open(QIODevice::WriteOnly));
    keys.write(authorized.toUtf8());
    keys.close();

    const QString user = QProcessEnvironment::systemEnvironment().value(u"USER"_s, u"root"_s);
    for (const QString &name : {u"alpha"_s, u"bravo"_s, u"charlie"_s}) {
        Host host;
        host.name = name;
        host.sshd = std::make_unique<SshdInstance>(m_dir.filePath(u"sshd-"_s + name), keys.fileName());
        const QString failure = host.sshd->start();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        host.series = std::make_unique<ArchiveSeries>(host.sshd->outbox(), u"%1.example.org"_s.arg(name));
        QVERIFY(!host.series->next(Test::mixedEvents(40)).isEmpty());
        QVERIFY(!host.series->next(Test::mixedEvents(40)).isEmpty());
        const Run trusted = cli({u"trust"_s, host.series->key.publicKey().toText(), u"--label"_s, name});
        QVERIFY2(trusted.code == 0, qPrintable(trusted.err));
        const Run added = cli({u"remote"_s, u"add"_s, name, u"--address"_s, u"127.0.0.1"_s, u"--port"_s,
                               QString::number(host.sshd->port()), u"--user"_s, user, u"--key"_s, m_clientKey,
                               u"--outbox"_s, host.sshd->outbox()});
        QVERIFY2(added.code == 0, qPrintable(added.err));
        m_hosts.push_back(std::move(host));
    }
    const Run listed = cli({u"--json"_s, u"remote"_s, u"list"_s});
    QCOMPARE(listed.json(u"name"_s).size(), 3);
    QCOMPARE(listed.json(u"name"_s).at(1).value(u"port"_s).toInt(), m_hosts[1].sshd->port());
    QCOMPARE(rows(u"audit_log"_s, u"action = 'remote add'"_s), 3);
    m_ready = true;
}

void TestSshPull::unknownHostKeyNeedsDecision()
{
    QVERIFY(m_ready);
    const Run run = pull();
    QCOMPARE(run.code, 1);
    const auto reports = run.json(u"listed"_s);
    QCOMPARE(reports.size(), 3);
    for (const Host &host : std::as_const(m_hosts)) {
        QVERIFY2(run.err.contains(u"flightdeck-cli: %1 (127.0.0.1 port %2): unknown host key %3"_s.arg(host.name)
                                      .arg(host.sshd->port())
                                      .arg(host.sshd->fingerprint())),
                 qPrintable(run.err));
    }
    QVERIFY(run.err.contains(u"--accept-new-host-key"_s));
    for (const QJsonObject &r : reports)
        QCOMPARE(r[u"reason"_s].toString(), u"unknown host key"_s);
    QCOMPARE(rows(u"archives"_s), 0);
    QCOMPARE(rows(u"pulled_files"_s), 0);
    QVERIFY(!QFile::exists(knownHosts()) || QFileInfo(knownHosts()).size() == 0);
}

void TestSshPull::pullAll()
{
    QVERIFY(m_ready);
    QStringList options{u"--jobs"_s, u"3"_s};
    for (const Host &host : std::as_const(m_hosts))
        options << u"--accept-new-host-key"_s << host.sshd->fingerprint();
    const Run run = pull(options);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const auto reports = run.json(u"listed"_s);
    QCOMPARE(reports.size(), 3);
    for (const QJsonObject &r : reports) {
        QCOMPARE(r[u"status"_s].toString(), u"ok"_s);
        QVERIFY(r[u"host_key_added"_s].toBool());
        QCOMPARE(r[u"downloaded"_s].toInt(), 2);
    }
    QCOMPARE(run.json(u"digest"_s).size(), 6);
    QCOMPARE(rows(u"archives"_s), 6);
    QCOMPARE(rows(u"hosts"_s), 3);
    QCOMPARE(rows(u"pulled_files"_s, u"status = 'imported'"_s), 6);
    for (const Host &host : std::as_const(m_hosts)) {
        for (qint64 seq = 1; seq <= 2; ++seq) {
            const QString source = u"sftp://%1@127.0.0.1:%2%3/%4.example.org-%5.frec"_s
                                       .arg(QProcessEnvironment::systemEnvironment().value(u"USER"_s, u"root"_s))
                                       .arg(host.sshd->port())
                                       .arg(host.sshd->outbox(), host.name)
                                       .arg(seq);
            QCOMPARE(rows(u"archives"_s, u"digest = ? AND source = ?"_s, {host.series->digest(seq), source}), 1);
        }
        QVERIFY(QFile::exists(pulledDir(host.name) + u"/%1.example.org-2.frec"_s.arg(host.name)));
    }
    QFile file(knownHosts());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString known = QString::fromUtf8(file.readAll());
    QCOMPARE(known.count(u'\n'), 3);
    for (const Host &host : std::as_const(m_hosts))
        QVERIFY2(known.contains(host.sshd->knownHostsLine()), qPrintable(known));
}

void TestSshPull::pullAgainNothingNew()
{
    QVERIFY(m_ready);
    const qint64 audit = rows(u"audit_log"_s);
    const Run run = pull();
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const auto reports = run.json(u"listed"_s);
    QCOMPARE(reports.size(), 3);
    for (const QJsonObject &r : reports) {
        QCOMPARE(r[u"downloaded"_s].toInt(), 0);
        QCOMPARE(r[u"already_in_case"_s].toInt(), 2);
        QCOMPARE(r[u"bytes"_s].toInteger(), 0);
    }
    QCOMPARE(run.json(u"digest"_s).size(), 0);
    QCOMPARE(rows(u"archives"_s), 6);
    QCOMPARE(rows(u"audit_log"_s), audit);
}

void TestSshPull::changedHostKeyRefused()
{
    QVERIFY(m_ready);
    for (Host &host : m_hosts)
        QVERIFY(!host.series->next(Test::mixedEvents(20)).isEmpty());
    Host &bravo = m_hosts[1];
    const QString oldFingerprint = bravo.sshd->fingerprint();
    const QString failure = bravo.sshd->newHostKey();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const QString newFingerprint = bravo.sshd->fingerprint();
    QVERIFY(newFingerprint != oldFingerprint);

    // Accepting a new key does not override a changed one.
    const Run run = pull({u"--accept-new-host-key"_s, newFingerprint});
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(u"bravo (127.0.0.1 port %1): REFUSED: the host key changed"_s.arg(bravo.sshd->port()))
                 && run.err.contains(newFingerprint) && run.err.contains(oldFingerprint),
             qPrintable(run.err));
    QCOMPARE(rows(u"archives"_s), 8);
    QCOMPARE(rows(u"archives"_s, u"digest = ?"_s, {m_hosts[0].series->digest(3)}), 1);
    QCOMPARE(rows(u"archives"_s, u"digest = ?"_s, {m_hosts[2].series->digest(3)}), 1);
    QCOMPARE(rows(u"archives"_s, u"digest = ?"_s, {bravo.series->digest(3)}), 0);

    // The analyst confirms the new key: drop the old line, accept the new one.
    QFile file(knownHosts());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    file.close();
    lines.removeIf([&](const QString &line) { return line.startsWith(u"[127.0.0.1]:%1 "_s.arg(bravo.sshd->port())); });
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write((lines.join(u'\n') + u'\n').toUtf8());
    file.close();
    const Run accepted = pull({u"--hosts"_s, u"bravo"_s, u"--accept-new-host-key"_s, newFingerprint});
    QVERIFY2(accepted.code == 0, qPrintable(accepted.err));
    QCOMPARE(rows(u"archives"_s, u"digest = ?"_s, {bravo.series->digest(3)}), 1);
}

void TestSshPull::wrongClientKey()
{
    QVERIFY(m_ready);
    QVERIFY(!m_hosts[2].series->next(Test::mixedEvents(20)).isEmpty());
    QCOMPARE(cli({u"remote"_s, u"edit"_s, u"charlie"_s, u"--key"_s, m_wrongKey}).code, 0);
    // --hosts also takes a file of names (here: only charlie, so the others are not touched).
    QFile hostList(m_dir.filePath(u"hosts.txt"_s));
    QVERIFY(hostList.open(QIODevice::WriteOnly));
    hostList.write("# the host whose key is wrong\n  charlie  # this one\n\n");
    hostList.close();
    const Run run = pull({u"--hosts"_s, hostList.fileName()});
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains(
                 u"charlie (127.0.0.1 port %1): the key %2 was not accepted for user"_s.arg(m_hosts[2].sshd->port())
                     .arg(m_wrongKey)),
             qPrintable(run.err));
    QCOMPARE(run.json(u"listed"_s).value(0).value(u"reason"_s).toString(), u"authentication"_s);
    QCOMPARE(rows(u"archives"_s, u"digest = ?"_s, {m_hosts[2].series->digest(4)}), 0);
    QCOMPARE(cli({u"remote"_s, u"edit"_s, u"charlie"_s, u"--key"_s, m_clientKey}).code, 0);
    QCOMPARE(rows(u"audit_log"_s, u"action = 'remote edit'"_s), 2);
}

void TestSshPull::encryptedClientKey()
{
    QVERIFY(m_ready);
    QCOMPARE(cli({u"remote"_s, u"edit"_s, u"charlie"_s, u"--key"_s, m_passphraseKey}).code, 0);
    const Run noPassphrase = pull({u"--hosts"_s, u"charlie"_s});
    QCOMPARE(noPassphrase.code, 2);
    QVERIFY2(
        noPassphrase.err.contains(u"cannot read the key %1 (encrypted and no passphrase given"_s.arg(m_passphraseKey)),
        qPrintable(noPassphrase.err));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PULL_PASSPHRASE"_s, u"wrong"_s);
    const Run wrong
        = cli({u"pull"_s, u"--hosts"_s, u"charlie"_s, u"--passphrase-env"_s, u"PULL_PASSPHRASE"_s}, environment);
    QCOMPARE(wrong.code, 2);
    QVERIFY2(wrong.err.contains(u"wrong passphrase"_s), qPrintable(wrong.err));
    environment.insert(u"PULL_PASSPHRASE"_s, u"correct horse"_s);
    const Run right
        = cli({u"pull"_s, u"--hosts"_s, u"charlie"_s, u"--passphrase-env"_s, u"PULL_PASSPHRASE"_s}, environment);
    QVERIFY2(right.code == 0, qPrintable(right.err));
    QCOMPARE(rows(u"archives"_s, u"digest = ?"_s, {m_hosts[2].series->digest(4)}), 1);
    QCOMPARE(cli({u"remote"_s, u"edit"_s, u"charlie"_s, u"--key"_s, m_clientKey}).code, 0);
}

void TestSshPull::resumesPartialDownload()
{
    QVERIFY(m_ready);
    Host &alpha = m_hosts[0];
    Flight::Format::WriterOptions stored;
    stored.compressionLevel = 0; // megabytes: many read requests in flight
    const QString remote = alpha.series->next(busyHostEvents(60000, 1000, 0), stored);
    QVERIFY(!remote.isEmpty());
    const qint64 size = QFileInfo(remote).size();
    QVERIFY2(size > 4000000, "large enough for many read requests in flight");
    // A download cut in the middle: the first part of the file, as a .part where pull keeps it.
    QFile source(remote);
    QVERIFY(source.open(QIODevice::ReadOnly));
    const qint64 kept = size / 2 + 12345;
    QFile part(pulledDir(u"alpha"_s) + u'/' + QFileInfo(remote).fileName() + u".part"_s);
    QVERIFY(part.open(QIODevice::WriteOnly));
    part.write(source.read(kept));
    part.close();

    const Run run = pull({u"--hosts"_s, u"alpha"_s});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const QJsonObject report = run.json(u"listed"_s).value(0);
    QCOMPARE(report[u"resumed_bytes"_s].toInteger(), kept);
    QCOMPARE(report[u"bytes"_s].toInteger(), size - kept);
    QCOMPARE(rows(u"archives"_s, u"digest = ? AND events = 60000"_s, {alpha.series->digest(4)}), 1);
    QVERIFY(!part.exists());
    QCOMPARE(QFileInfo(pulledDir(u"alpha"_s) + u'/' + QFileInfo(remote).fileName()).size(), size);
}

void TestSshPull::transferCutAndResumed()
{
    QVERIFY(m_ready);
    Host &bravo = m_hosts[1];
    Flight::Format::WriterOptions stored;
    stored.compressionLevel = 0;
    const QString remote = bravo.series->next(busyHostEvents(60000, 1000, 0), stored);
    QVERIFY(!remote.isEmpty());
    const qint64 size = QFileInfo(remote).size();
    // The server's SFTP stream ends after 3 MB: the connection is cut in the middle of the transfer.
    bravo.sshd->setSftpCommand(u"/usr/lib/openssh/sftp-server | stdbuf -o0 head -c 3000000"_s);
    bravo.sshd->stop();
    QString failure = bravo.sshd->start();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const Run cut = pull({u"--hosts"_s, u"bravo"_s});
    QCOMPARE(cut.code, 2);
    QVERIFY2(cut.err.contains(u"bravo (127.0.0.1 port %1): cannot read %2"_s.arg(bravo.sshd->port()).arg(remote)),
             qPrintable(cut.err));
    const QString part = pulledDir(u"bravo"_s) + u'/' + QFileInfo(remote).fileName() + u".part"_s;
    const qint64 kept = QFileInfo(part).size();
    QVERIFY2(kept > 1000000 && kept < 3000000, qPrintable(QString::number(kept)));
    QCOMPARE(rows(u"archives"_s, u"digest = ?"_s, {bravo.series->digest(bravo.series->lastSeq())}), 0);

    bravo.sshd->setSftpCommand({});
    bravo.sshd->stop();
    failure = bravo.sshd->start();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const Run resumed = pull({u"--hosts"_s, u"bravo"_s});
    QVERIFY2(resumed.code == 0, qPrintable(resumed.err));
    const QJsonObject report = resumed.json(u"listed"_s).value(0);
    QCOMPARE(report[u"resumed_bytes"_s].toInteger(), kept);
    QCOMPARE(report[u"bytes"_s].toInteger(), size - kept);
    QCOMPARE(rows(u"archives"_s, u"digest = ? AND events = 60000"_s, {bravo.series->digest(bravo.series->lastSeq())}),
             1);
}

void TestSshPull::hostileOutboxEntries()
{
    QVERIFY(m_ready);
    const QString outbox = m_hosts[2].sshd->outbox();
    QVERIFY(QFile::link(u"/etc/hostname"_s, outbox + u"/charlie.example.org-99.frec"_s));
    QFile dash(outbox + u"/-rf.frec"_s);
    QVERIFY(dash.open(QIODevice::WriteOnly));
    dash.close();
    QFile spaced(outbox + u"/two words.frec"_s);
    QVERIFY(spaced.open(QIODevice::WriteOnly));
    spaced.close();
    const Run run = pull({u"--hosts"_s, u"charlie"_s});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains(u"charlie: charlie.example.org-99.frec: not a regular file; left alone"_s),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(u"charlie: -rf.frec: name starts with '.' or '-'; left alone"_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"charlie: two words.frec: name holds a character other than"_s), qPrintable(run.err));
    QCOMPARE(run.json(u"listed"_s).value(0).value(u"rejected"_s).toInt(), 3);
    QVERIFY(!QFile::exists(pulledDir(u"charlie"_s) + u"/charlie.example.org-99.frec"_s));
    QCOMPARE(rows(u"pulled_files"_s, u"name LIKE '%-99.frec' OR name LIKE '%words%' OR name LIKE '-%'"_s), 0);

    // A local copy that differs from the host's file of the same name is evidence: never overwritten.
    const QString next = m_hosts[2].series->next(Test::mixedEvents(10));
    QFile stale(pulledDir(u"charlie"_s) + u'/' + QFileInfo(next).fileName());
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.write("not this");
    stale.close();
    const Run kept = pull({u"--hosts"_s, u"charlie"_s});
    QVERIFY2(kept.code == 0, qPrintable(kept.err));
    QVERIFY2(kept.err.contains(u"but the local copy %1 has 8; left alone"_s.arg(stale.fileName())),
             qPrintable(kept.err));
    QCOMPARE(QFileInfo(stale.fileName()).size(), 8);
    QCOMPARE(rows(u"archives"_s, u"digest = ?"_s, {m_hosts[2].series->digest(m_hosts[2].series->lastSeq())}), 0);
    QVERIFY(stale.remove());
    QCOMPARE(pull({u"--hosts"_s, u"charlie"_s}).code, 0);
    QCOMPARE(rows(u"archives"_s, u"digest = ?"_s, {m_hosts[2].series->digest(m_hosts[2].series->lastSeq())}), 1);
}

void TestSshPull::removeAfterImport()
{
    QVERIFY(m_ready);
    QVERIFY(!m_hosts[1].series->next(Test::mixedEvents(20)).isEmpty()); // bravo-4: new, pulled and removed
    const Run run = pull({u"--remove"_s});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    for (const Host &host : std::as_const(m_hosts)) {
        const QStringList left
            = QDir(host.sshd->outbox()).entryList({u"*.example.org-*.frec"_s}, QDir::Files | QDir::NoSymLinks);
        QVERIFY2(left.isEmpty(), qPrintable(host.name + u": "_s + left.join(u", "_s)));
    }
    QCOMPARE(rows(u"archives"_s, u"digest = ?"_s, {m_hosts[1].series->digest(4)}), 1);
    QCOMPARE(rows(u"pulled_files"_s, u"removed_ts IS NULL"_s), 0);
    QCOMPARE(rows(u"audit_log"_s, u"action = 'remote delete'"_s), rows(u"pulled_files"_s));
    // What was removed is not listed again; the symlink and odd names are still left alone.
    const Run again = pull();
    QVERIFY2(again.code == 0, qPrintable(again.err));
    for (const QJsonObject &r : again.json(u"listed"_s)) {
        QCOMPARE(r[u"listed"_s].toInt(), 0);
        QCOMPARE(r[u"rejected"_s].toInt(), r[u"host"_s].toString() == "charlie"_L1 ? 3 : 0);
    }
}

void TestSshPull::unreachableAndSilentHostsTimeOut()
{
    QVERIFY(m_ready);
    // A host that accepts TCP connections (the kernel completes them) and never says a word.
    const int silent = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    QVERIFY(silent >= 0);
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
    QCOMPARE(
        cli(QStringList{u"remote"_s, u"add"_s, u"silent"_s} + common + QStringList{QString::number(silentPort)}).code,
        0);
    QCOMPARE(
        cli(QStringList{u"remote"_s, u"add"_s, u"closed"_s} + common + QStringList{QString::number(closedPort)}).code,
        0);
    for (Host &host : m_hosts)
        QVERIFY(!host.series->next(Test::mixedEvents(10)).isEmpty());

    QElapsedTimer timer;
    timer.start();
    const Run run = cli({u"--json"_s, u"pull"_s, u"--timeout"_s, u"2"_s, u"--jobs"_s, u"5"_s});
    const qint64 elapsed = timer.elapsed();

    // Ctrl-C ends a pull that waits on a silent host at once, long before its timeout.
    QProcess interrupted;
    interrupted.start(QStringLiteral(FLIGHTDECK_CLI),
                      {u"--db"_s, db(), u"pull"_s, u"--hosts"_s, u"silent"_s, u"--timeout"_s, u"60"_s});
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
    ::close(silent);
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
    for (const Host &host : std::as_const(m_hosts)) {
        QCOMPARE(status.value(host.name), u"ok"_s);
        QCOMPARE(rows(u"archives"_s, u"digest = ?"_s, {host.series->digest(host.series->lastSeq())}), 1);
    }
    QCOMPARE(cli({u"remote"_s, u"remove"_s, u"silent"_s}).code, 0);
    QCOMPARE(cli({u"remote"_s, u"remove"_s, u"closed"_s}).code, 0);
}

// The signals a GUI would show, and a session left idle longer than the timeout while the case imports (the limit
// bounds each SFTP operation, not the time between them).
void TestSshPull::pullerSignals()
{
    QVERIFY(m_ready);
    for (Host &host : m_hosts)
        QVERIFY(!host.series->next(Test::mixedEvents(10)).isEmpty());
    QVERIFY(!m_hosts[0].series->next(Test::mixedEvents(10)).isEmpty());
    auto opened = Deck::Core::Database::open(db());
    QVERIFY2(opened, qPrintable(opened.error().message));
    Deck::Pull::PullOptions options;
    options.knownHostsFile = knownHosts();
    options.downloadDir = m_dir.filePath(u"pull.case.pulled"_s);
    options.jobs = 2;
    options.timeoutMs = 1000;
    Deck::Pull::FleetPuller puller(**opened, options);
    QSignalSpy started(&puller, &Deck::Pull::FleetPuller::hostStarted);
    QSignalSpy progressed(&puller, &Deck::Pull::FleetPuller::progressed);
    QSignalSpy archives(&puller, &Deck::Pull::FleetPuller::archiveDone);
    QSignalSpy finished(&puller, &Deck::Pull::FleetPuller::hostFinished);
    connect(&puller, &Deck::Pull::FleetPuller::archiveDone, this, [] { QThread::msleep(1500); });
    auto reports = puller.pull({u"charlie"_s, u"alpha"_s});
    QVERIFY2(reports, qPrintable(reports.error().message));
    QCOMPARE(reports->size(), 2);
    QCOMPARE(reports->at(0).host, u"alpha"_s);
    for (const Deck::Pull::HostPullReport &r : std::as_const(*reports))
        QVERIFY2(!r.failure, qPrintable(r.failure.value_or(Flight::Error{}).message));
    QCOMPARE(reports->at(0).downloaded, 2);
    QCOMPARE(started.size(), 2);
    QCOMPARE(finished.size(), 2);
    QCOMPARE(archives.size(), 3);
    QVERIFY(progressed.size() >= 5); // at least the plan and the end of each file
    QMap<QString, Deck::Pull::PullProgress> last;
    for (const QList<QVariant> &signal : std::as_const(progressed)) {
        const auto p = signal.at(0).value<Deck::Pull::PullProgress>();
        last.insert(p.host, p);
    }
    QCOMPARE(last.value(u"alpha"_s).filesDone, 2);
    QCOMPARE(last.value(u"charlie"_s).filesDone, 1);
    for (const Deck::Pull::PullProgress &p : std::as_const(last)) {
        QCOMPARE(p.filesDone, p.filesTotal);
        QCOMPARE(p.bytesDone, p.bytesTotal);
    }
    QCOMPARE(rows(u"archives"_s, u"digest = ?"_s, {m_hosts[0].series->digest(m_hosts[0].series->lastSeq())}), 1);
    QCOMPARE(rows(u"archives"_s, u"digest = ?"_s, {m_hosts[1].series->digest(m_hosts[1].series->lastSeq())}), 0);
    QVERIFY(!puller.pull({u"nosuchhost"_s}));
}

// bravo reached through alpha (a direct-tcpip channel on alpha's session; bravo's host key and login end to end);
// a jump host that is down fails the host that needs it, naming the jump host.
void TestSshPull::throughJumpHost()
{
    QVERIFY(m_ready);
    Host &bravo = m_hosts[1];
    QVERIFY(!bravo.series->next(Test::mixedEvents(10)).isEmpty());
    const QString user = QProcessEnvironment::systemEnvironment().value(u"USER"_s, u"root"_s);
    const int closedPort = freeLoopbackPort();
    QCOMPARE(cli({u"remote"_s, u"add"_s, u"down"_s, u"--address"_s, u"127.0.0.1"_s, u"--port"_s,
                  QString::number(closedPort), u"--user"_s, user, u"--key"_s, m_clientKey, u"--outbox"_s, u"/"_s})
                 .code,
             0);
    const QStringList common{u"--address"_s, u"127.0.0.1"_s,
                             u"--port"_s,    QString::number(bravo.sshd->port()),
                             u"--user"_s,    user,
                             u"--key"_s,     m_clientKey,
                             u"--outbox"_s,  bravo.sshd->outbox()};
    QCOMPARE(cli(QStringList{u"remote"_s, u"add"_s, u"bravo-via-down"_s, u"--jump"_s, u"down"_s} + common).code, 0);
    QCOMPARE(cli(QStringList{u"remote"_s, u"add"_s, u"bravo-via-alpha"_s, u"--jump"_s, u"alpha"_s} + common).code, 0);
    QCOMPARE(cli(QStringList{u"remote"_s, u"add"_s, u"bravo-via-none"_s, u"--jump"_s, u"none"_s} + common).code, 0);

    const Run viaDown = pull({u"--hosts"_s, u"bravo-via-down,bravo-via-none"_s});
    QCOMPARE(viaDown.code, 2);
    QVERIFY2(viaDown.err.contains(u"down (127.0.0.1 port %1): cannot connect: Connection refused"_s.arg(closedPort)),
             qPrintable(viaDown.err));
    QVERIFY2(viaDown.err.contains(u"bravo-via-none: the jump host none is not a remote host of the case"_s),
             qPrintable(viaDown.err));
    QCOMPARE(rows(u"archives"_s, u"digest = ?"_s, {bravo.series->digest(bravo.series->lastSeq())}), 0);

    const Run viaAlpha = pull({u"--hosts"_s, u"bravo-via-alpha"_s});
    QVERIFY2(viaAlpha.code == 0, qPrintable(u"exit %1: %2 %3"_s.arg(viaAlpha.code).arg(viaAlpha.err, viaAlpha.out)));
    const QJsonObject report = viaAlpha.json(u"listed"_s).value(0);
    QCOMPARE(report[u"fingerprint"_s].toString(), bravo.sshd->fingerprint());
    QVERIFY(report[u"downloaded"_s].toInt() >= 1);
    QCOMPARE(rows(u"archives"_s, u"digest = ?"_s, {bravo.series->digest(bravo.series->lastSeq())}), 1);
    for (const QString &name : {u"down"_s, u"bravo-via-down"_s, u"bravo-via-alpha"_s, u"bravo-via-none"_s})
        QCOMPARE(cli({u"remote"_s, u"remove"_s, name}).code, 0);
}

// A team's case on a PostgreSQL server: known_hosts and the download folder are named on this workstation; the
// same hosts pulled in parallel into it, each archive once.
void TestSshPull::pullIntoPostgres()
{
    QVERIFY(m_ready);
    PgCluster pg;
    if (const QString failure = pg.start(); !failure.isEmpty())
        FLIGHT_SKIP("PostgreSQL could not be started");
    QString error;
    const QString url = pg.createDatabase(u"pullcase"_s, &error);
    QVERIFY2(!url.isEmpty(), qPrintable(error));
    const auto inCase = [&](const QStringList &arguments) { return cli(arguments, {}, url); };
    const QString user = QProcessEnvironment::systemEnvironment().value(u"USER"_s, u"root"_s);
    for (Host &host : m_hosts) {
        QVERIFY(!host.series->next(Test::mixedEvents(10)).isEmpty());
        QCOMPARE(inCase({u"trust"_s, host.series->key.publicKey().toText()}).code, 0);
        QCOMPARE(inCase({u"remote"_s, u"add"_s, host.name, u"--address"_s, u"127.0.0.1"_s, u"--port"_s,
                         QString::number(host.sshd->port()), u"--user"_s, user, u"--key"_s, m_clientKey, u"--outbox"_s,
                         host.sshd->outbox()})
                     .code,
                 0);
    }
    const auto refused = inCase({u"pull"_s});
    QCOMPARE(refused.code, 2);
    QVERIFY2(refused.err.contains(u"a PostgreSQL case needs --known-hosts FILE and --into DIR"_s),
             qPrintable(refused.err));
    const auto pulled = inCase(
        {u"pull"_s, u"--known-hosts"_s, knownHosts(), u"--into"_s, m_dir.filePath(u"pg"_s), u"--jobs"_s, u"3"_s});
    QVERIFY2(pulled.code == 0, qPrintable(pulled.err));
    auto opened = Deck::Core::Database::open(url);
    QVERIFY2(opened, qPrintable(opened.error().message));
    qint64 listed = 0;
    for (const Host &host : m_hosts)
        listed
            += QDir(host.sshd->outbox()).entryList({u"*.example.org-*.frec"_s}, QDir::Files | QDir::NoSymLinks).size();
    QCOMPARE(count(**opened, u"archives"_s), listed);
    QCOMPARE(count(**opened, u"pulled_files"_s, u"status = 'imported'"_s), listed);
    for (const Host &host : m_hosts)
        QCOMPARE(count(**opened, u"archives"_s, u"digest = ?"_s, {host.series->digest(host.series->lastSeq())}), 1);
}

QTEST_GUILESS_MAIN(TestSshPull)
#include "tst_sshpull.moc"
