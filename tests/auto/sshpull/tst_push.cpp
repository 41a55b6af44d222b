// SPDX-License-Identifier: GPL-3.0-or-later
// flightrec push and the daemon's periodic push against a real OpenSSH server on loopback (its own host key, one
// authorized client key): every sealed archive arrives byte for byte and only then leaves the outbox; a second push
// sends nothing; a partial upload is resumed; an archive the inbox holds already counts as delivered, one with another
// size is refused; an unknown or wrong server, a wrong client key and an unreachable port each fail in one line,
// within the timeout, keeping every local archive.
#include "casefixture.h"
#include "programrun.h"
#include "pusher.h"
#include "skip.h"
#include "sshdinstance.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Deck::TestSupport;
using Flight::TestSupport::runProgram;

class TestPush : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void pushesEveryArchiveThenNothing();
    void resumesAPartialUpload();
    void archiveAlreadyInTheInbox();
    void refusesUnknownServerUntilAccepted();
    void refusesWrongClientKeyAndUnreachableHost();
    void resolutionIsBoundedByTheTimeout();
    void daemonPushesWhatItSeals();
    void pushedArchivesAreImportedFromTheInbox();

private:
    QStringList pushArguments(const QString &knownHosts) const;
    QByteArray read(const QString &path) const;
    QStringList inboxFiles() const;

    QTemporaryDir m_dir;
    std::unique_ptr<SshdInstance> m_sshd;
    std::unique_ptr<ArchiveSeries> m_series;
    QString m_clientKey, m_wrongKey, m_knownHosts, m_outbox, m_inbox;
    QMap<QString, QByteArray> m_sent; // name -> bytes, of the archives pushed by the current test
};

QStringList TestPush::pushArguments(const QString &knownHosts) const
{
    return {u"push"_s,
            u"--to"_s,
            u"sftp://root@127.0.0.1:%1%2"_s.arg(m_sshd->port()).arg(m_inbox),
            u"--key"_s,
            m_clientKey,
            u"--known-hosts"_s,
            knownHosts,
            u"--outbox"_s,
            m_outbox,
            u"--timeout"_s,
            u"10"_s,
            u"--config"_s,
            m_dir.filePath(u"empty.conf"_s)};
}

QByteArray TestPush::read(const QString &path) const
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList TestPush::inboxFiles() const
{
    return QDir(m_inbox).entryList(QDir::Files, QDir::Name);
}

void TestPush::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (!SshdInstance::available())
        FLIGHT_SKIP("OpenSSH server (/usr/sbin/sshd) or ssh-keygen is not installed");
    if (::geteuid() != 0)
        FLIGHT_SKIP("the test sshd logs in as root; run as root");
    m_clientKey = m_dir.filePath(u"client_key"_s);
    m_wrongKey = m_dir.filePath(u"wrong_key"_s);
    const QString authorized = SshdInstance::generateKey(m_clientKey);
    QVERIFY(!authorized.isEmpty());
    QVERIFY(!SshdInstance::generateKey(m_wrongKey).isEmpty());
    QFile keys(m_dir.filePath(u"authorized_keys"_s));
    QVERIFY(keys.open(QIODevice::WriteOnly));
    keys.write(authorized.toUtf8() + '\n');
    keys.close();
    QFile empty(m_dir.filePath(u"empty.conf"_s));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();

    m_sshd = std::make_unique<SshdInstance>(m_dir.filePath(u"sshd"_s), keys.fileName());
    const QString failure = m_sshd->start();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    m_inbox = m_sshd->outbox(); // the server's folder the workstation watches
    m_knownHosts = m_dir.filePath(u"known_hosts"_s);
    QFile known(m_knownHosts);
    QVERIFY(known.open(QIODevice::WriteOnly));
    known.write(m_sshd->knownHostsLine().toUtf8() + '\n');
    known.close();
    m_outbox = m_dir.filePath(u"outbox"_s);
    QVERIFY(QDir().mkpath(m_outbox));
    m_series = std::make_unique<ArchiveSeries>(m_outbox, u"pusher.example.org"_s);
}

// Every test starts with an empty inbox and three fresh sealed archives in the outbox.
void TestPush::init()
{
    for (const QString &dir : {m_inbox, m_outbox}) {
        for (const QString &name : QDir(dir).entryList(QDir::Files))
            QVERIFY(QFile::remove(QDir(dir).filePath(name)));
    }
    m_sent.clear();
    for (int i = 0; i < 3; ++i) {
        const QString path = m_series->next(Flight::TestSupport::mixedEvents(200));
        QVERIFY(!path.isEmpty());
        m_sent.insert(QFileInfo(path).fileName(), read(path));
    }
}

void TestPush::pushesEveryArchiveThenNothing()
{
    const auto pushed = runProgram(QStringLiteral(FLIGHTREC), pushArguments(m_knownHosts));
    QVERIFY2(pushed.code == 0, qPrintable(pushed.err));
    QVERIFY2(pushed.out.startsWith(u"pushed 3 archives"_s), qPrintable(pushed.out));
    QCOMPARE(inboxFiles(), m_sent.keys());
    for (auto it = m_sent.cbegin(); it != m_sent.cend(); ++it)
        QCOMPARE(read(QDir(m_inbox).filePath(it.key())), it.value());
    QVERIFY(QDir(m_outbox).entryList(QDir::Files).isEmpty());

    const auto again = runProgram(QStringLiteral(FLIGHTREC), pushArguments(m_knownHosts));
    QVERIFY2(again.code == 0, qPrintable(again.err));
    QVERIFY2(again.out.startsWith(u"pushed 0 archives (0 bytes)"_s), qPrintable(again.out));
    QCOMPARE(inboxFiles(), m_sent.keys());
}

void TestPush::resumesAPartialUpload()
{
    const QString first = m_sent.firstKey();
    const QByteArray prefix = m_sent.first().left(m_sent.first().size() / 2);
    QFile part(QDir(m_inbox).filePath(first + u".part"_s));
    QVERIFY(part.open(QIODevice::WriteOnly));
    part.write(prefix);
    part.close();

    Flight::Recorder::PushSettings settings;
    settings.keyFile = m_clientKey;
    settings.knownHostsFile = m_knownHosts;
    settings.timeoutMs = 10000;
    auto destination
        = Flight::Recorder::parsePushDestination(u"sftp://root@127.0.0.1:%1%2"_s.arg(m_sshd->port()).arg(m_inbox));
    QVERIFY(destination.ok());
    const auto report = Flight::Recorder::pushOutbox(m_outbox, *destination, settings);
    QVERIFY2(!report.failure, qPrintable(report.failure ? report.failure->message : QString()));
    QCOMPARE(report.pushed, 3);
    qint64 total = 0;
    for (const QByteArray &bytes : std::as_const(m_sent))
        total += bytes.size();
    QCOMPARE(report.bytes, total - prefix.size()); // the kept prefix was not sent again
    QCOMPARE(inboxFiles(), m_sent.keys());
    QCOMPARE(read(QDir(m_inbox).filePath(first)), m_sent.first());
}

void TestPush::archiveAlreadyInTheInbox()
{
    // The same bytes there already: delivered (an earlier push lost its answer); the local copy goes.
    const QString first = m_sent.firstKey();
    QVERIFY(QFile::copy(QDir(m_outbox).filePath(first), QDir(m_inbox).filePath(first)));
    // Another file under the second name: refused, left alone on both sides.
    const QString second = m_sent.keys().at(1);
    QFile other(QDir(m_inbox).filePath(second));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.write("not this archive");
    other.close();

    const auto pushed = runProgram(QStringLiteral(FLIGHTREC), pushArguments(m_knownHosts));
    QCOMPARE(pushed.code, 2);
    QVERIFY2(pushed.out.contains(u"1 were there already; 2 left"_s), qPrintable(pushed.out));
    QVERIFY2(pushed.err.contains(second + u" exists with 16 bytes"_s), qPrintable(pushed.err));
    QVERIFY(!QFile::exists(QDir(m_outbox).filePath(first)));
    QVERIFY(QFile::exists(QDir(m_outbox).filePath(second)));
    QCOMPARE(read(QDir(m_inbox).filePath(second)), QByteArray("not this archive"));
}

void TestPush::refusesUnknownServerUntilAccepted()
{
    const QString fresh = m_dir.filePath(u"fresh_known_hosts"_s);
    QFile::remove(fresh);
    const auto refused = runProgram(QStringLiteral(FLIGHTREC), pushArguments(fresh));
    QCOMPARE(refused.code, 2);
    QVERIFY2(refused.err.contains(m_sshd->fingerprint()), qPrintable(refused.err));
    QCOMPARE(refused.err.count(u'\n'), 1);
    QCOMPARE(QDir(m_outbox).entryList(QDir::Files).size(), 3);
    QVERIFY(inboxFiles().isEmpty());

    const auto accepted = runProgram(QStringLiteral(FLIGHTREC),
                                     pushArguments(fresh) << u"--accept-new-host-key"_s << m_sshd->fingerprint());
    QVERIFY2(accepted.code == 0, qPrintable(accepted.err));
    QCOMPARE(inboxFiles(), m_sent.keys());
    QVERIFY(read(fresh).contains(m_sshd->knownHostsLine().section(u' ', 1).toUtf8()));
}

void TestPush::refusesWrongClientKeyAndUnreachableHost()
{
    QStringList wrong = pushArguments(m_knownHosts);
    wrong[wrong.indexOf(u"--key"_s) + 1] = m_wrongKey;
    const auto refused = runProgram(QStringLiteral(FLIGHTREC), wrong);
    QCOMPARE(refused.code, 2);
    QVERIFY2(refused.err.contains(u"not accepted"_s), qPrintable(refused.err));

    // A port nobody listens on, and an address that never answers: both end within the timeout.
    for (const QString &to :
         {u"sftp://root@127.0.0.1:%1/inbox"_s.arg(freeLoopbackPort()), u"sftp://root@192.0.2.1:22/inbox"_s}) {
        QStringList args = pushArguments(m_knownHosts);
        args[args.indexOf(u"--to"_s) + 1] = to;
        args[args.indexOf(u"--timeout"_s) + 1] = u"2"_s;
        QElapsedTimer timer;
        timer.start();
        const auto failed = runProgram(QStringLiteral(FLIGHTREC), args);
        QCOMPARE(failed.code, 2);
        QVERIFY2(timer.elapsed() < 8000, qPrintable(u"took %1 ms"_s.arg(timer.elapsed())));
        QVERIFY2(failed.err.startsWith(u"flightrec: push: "_s), qPrintable(failed.err));
    }
    QCOMPARE(QDir(m_outbox).entryList(QDir::Files).size(), 3);
    QVERIFY(inboxFiles().isEmpty());
}

// A DNS server that never answers (a UDP socket on 127.0.0.1:53 that reads nothing), named by the /etc/resolv.conf of
// a mount namespace of flightrec's own: the resolver alone would wait 5 s x 3 attempts; the push gives up at its
// timeout.
void TestPush::resolutionIsBoundedByTheTimeout()
{
    const int silent = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(53);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QVERIFY2(silent >= 0 && ::bind(silent, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0,
             "127.0.0.1:53 (udp) is taken; this test needs it for a DNS server that never answers");
    const QString resolv = m_dir.filePath(u"resolv.conf"_s);
    QFile conf(resolv);
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write("nameserver 127.0.0.1\noptions timeout:5 attempts:3\n");
    conf.close();

    QStringList args = pushArguments(m_knownHosts);
    args[args.indexOf(u"--to"_s) + 1] = u"sftp://root@inbox.flight-test.example:22/inbox"_s;
    args[args.indexOf(u"--timeout"_s) + 1] = u"2"_s;
    QElapsedTimer timer;
    timer.start();
    const auto failed = runProgram(u"unshare"_s,
                                   QStringList{u"--mount"_s, u"sh"_s, u"-c"_s,
                                               u"mount --bind \"$0\" /etc/resolv.conf && exec \"$@\""_s, resolv,
                                               QStringLiteral(FLIGHTREC)}
                                       + args);
    ::close(silent);
    QCOMPARE(failed.code, 2);
    QVERIFY2(failed.err.contains(u"inbox.flight-test.example was not resolved within 2 s"_s), qPrintable(failed.err));
    QVERIFY2(timer.elapsed() < 6000, qPrintable(u"took %1 ms"_s.arg(timer.elapsed())));
    QCOMPARE(QDir(m_outbox).entryList(QDir::Files).size(), 3);
}

// flightrec run with push_to: what it seals arrives in the inbox, verified, while it keeps recording.
void TestPush::daemonPushesWhatItSeals()
{
    const QString state = m_dir.filePath(u"daemon"_s);
    QVERIFY(QDir().mkpath(state));
    const QString key = QDir(state).filePath(u"host.key"_s);
    QCOMPARE(runProgram(QStringLiteral(FLIGHTREC), {u"keygen"_s, u"--key"_s, key}).code, 0);
    const QString config = QDir(state).filePath(u"flightrec.conf"_s);
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        u"key = %1/host.key\noutbox = %1/outbox\njournal = %1/journal\nseal_interval = 2s\nproc_backend = poll\n"
        u"file_capture = no\nnet_capture = no\nintegrity = no\nalert_sinks = none\n"
        u"push_to = sftp://root@127.0.0.1:%2%3\npush_key = %4\npush_known_hosts = %5\npush_interval = 2s\n"_s.arg(state)
            .arg(m_sshd->port())
            .arg(m_inbox, m_clientKey, m_knownHosts)
            .toUtf8());
    file.close();
    for (const QString &name : QDir(m_inbox).entryList(QDir::Files))
        QFile::remove(QDir(m_inbox).filePath(name));

    QProcess daemon;
    QString log; // what the daemon said, kept as it comes
    connect(&daemon, &QProcess::readyReadStandardError, this,
            [&] { log += QString::fromUtf8(daemon.readAllStandardError()); });
    daemon.start(QStringLiteral(FLIGHTREC), {u"run"_s, u"--config"_s, config});
    QVERIFY(daemon.waitForStarted());
    QTRY_VERIFY2_WITH_TIMEOUT(inboxFiles().size() >= 2, qPrintable(log), 30000);
    daemon.terminate();
    QVERIFY(daemon.waitForFinished(30000));
    QCOMPARE(daemon.exitCode(), 0);
    log += QString::fromUtf8(daemon.readAllStandardError());
    QVERIFY2(log.contains(u"push: "_s), qPrintable(log));
    const QStringList arrived = inboxFiles();
    QVERIFY2(arrived.filter(u".part"_s).isEmpty(), qPrintable(arrived.join(u' ')));
    QStringList paths;
    for (const QString &name : arrived)
        paths << QDir(m_inbox).filePath(name);
    const auto verified = runProgram(QStringLiteral(FLIGHTREC), QStringList{u"verify"_s} + paths);
    QVERIFY2(verified.code == 0, qPrintable(verified.err + verified.out));
}

// The whole way in without a pull: `flightdeck-cli inbox watch` runs on the workstation's inbox while a collector
// pushes into it; every archive lands in the case once, verified, and the watcher imports nothing twice.
void TestPush::pushedArchivesAreImportedFromTheInbox()
{
    const QString caseFile = m_dir.filePath(u"inbox-case.sqlite"_s);
    const auto cli = [&](const QStringList &args) {
        return runProgram(QStringLiteral(FLIGHTDECK_CLI), QStringList{u"--db"_s, caseFile} + args);
    };
    const auto trusted = cli({u"trust"_s, m_series->key.publicKey().toText(), u"--label"_s, u"pusher"_s});
    QVERIFY2(trusted.code == 0, qPrintable(trusted.err));

    QProcess watcher;
    watcher.start(QStringLiteral(FLIGHTDECK_CLI),
                  {u"--db"_s, caseFile, u"--json"_s, u"inbox"_s, u"watch"_s, m_inbox, u"--settle"_s, u"1"_s,
                   u"--rescan"_s, u"1"_s});
    QVERIFY(watcher.waitForStarted());
    const auto pushed = runProgram(QStringLiteral(FLIGHTREC), pushArguments(m_knownHosts));
    QVERIFY2(pushed.code == 0, qPrintable(pushed.err));

    const auto archivesInCase = [&] {
        const auto hosts = cli({u"--json"_s, u"hosts"_s});
        return hosts.json(u"archives"_s).value(0).value(u"archives"_s).toInteger();
    };
    QTRY_COMPARE_WITH_TIMEOUT(archivesInCase(), qint64(m_sent.size()), 30000);
    QTest::qWait(2500); // two more rescans: nothing is imported twice
    watcher.terminate();
    QVERIFY(watcher.waitForFinished(10000));
    const QString out = QString::fromUtf8(watcher.readAllStandardOutput());
    QCOMPARE(out.count(u"\"status\":\"imported\""_s), m_sent.size());
    QVERIFY2(!out.contains(u"already"_s), qPrintable(out));
    QCOMPARE(archivesInCase(), qint64(m_sent.size()));
}

QTEST_MAIN(TestPush)
#include "tst_push.moc"
