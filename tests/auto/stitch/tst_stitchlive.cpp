// SPDX-License-Identifier: GPL-3.0-or-later
// The two-host scenario of issue 10, live: two network namespaces joined by a veth pair are two monitored hosts
// ("alpha" and "beta", each with its own hostname and machine id), each recorded by its own `flightrec record`
// scoped to its namespace. An ssh client in alpha logs in to a real sshd in beta and runs a command; both
// collectors' archives are imported by flightdeck-cli, and `query follow` of the ssh client must give the chain end
// to end: ssh (alpha) -> connection -> sshd accepting it (beta) -> ... -> the command (beta), with the connection
// stitched by its 4-tuple and the session's SSH_CONNECTION; `query clocks` gives the two hosts' clock offset, which
// on one kernel is the connection's latency (well under 100 ms). Root, ip(8), OpenSSH and the collector needed.
#include "keys.h"
#include "namespacehosts.h"
#include "programrun.h"
#include "recordsession.h"
#include "skip.h"
#include "sshdinstance.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Deck::TestSupport;
using Flight::TestSupport::NamespaceHost;
using Flight::TestSupport::NamespacePair;
using Flight::TestSupport::ProgramRun;
using Flight::TestSupport::RecordSession;
using Flight::TestSupport::runProgram;

class TestStitchLive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sshSessionAcrossHostsIsStitched();

private:
    ProgramRun cli(const QStringList &arguments);
    QString startSshd(const NamespaceHost &host, const QString &authorizedKeys);
    std::unique_ptr<RecordSession> collector(const NamespaceHost &host, QString *why);

    QTemporaryDir m_dir;
    QProcess m_sshd;
    QHash<QString, QString> m_publicKeys; // by host name
};

void TestStitchLive::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (::geteuid() != 0)
        FLIGHT_SKIP("needs root (network namespaces, the collector)");
    if (QStandardPaths::findExecutable(u"ip"_s).isEmpty() || QStandardPaths::findExecutable(u"unshare"_s).isEmpty())
        FLIGHT_SKIP("ip(8) or unshare(1) is not installed");
    if (!SshdInstance::available() || QStandardPaths::findExecutable(u"ssh"_s).isEmpty())
        FLIGHT_SKIP("OpenSSH (sshd, ssh, ssh-keygen) is not installed");
}

ProgramRun TestStitchLive::cli(const QStringList &arguments)
{
    return runProgram(QStringLiteral(FLIGHTDECK_CLI),
                      QStringList{u"--db"_s, m_dir.filePath(u"case.sqlite"_s)} + arguments);
}

// sshd inside namespace B on port 22 of its address, with its own host key and the client's key authorized.
QString TestStitchLive::startSshd(const NamespaceHost &host, const QString &authorizedKeys)
{
    const QString hostKey = m_dir.filePath(u"host_key"_s);
    if (SshdInstance::generateKey(hostKey).isEmpty())
        return u"ssh-keygen failed"_s;
    QDir().mkpath(u"/run/sshd"_s);
    const QString config = m_dir.filePath(u"sshd_config"_s);
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return u"cannot write %1"_s.arg(config);
    file.write(u"Port 22\nListenAddress %1\nHostKey %2\nPidFile %3\nAuthorizedKeysFile %4\nStrictModes no\n"
               u"UsePAM no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nPubkeyAuthentication yes\n"
               u"PermitRootLogin prohibit-password\nLogLevel ERROR\n"_s
                   .arg(host.address(), hostKey, m_dir.filePath(u"sshd.pid"_s), authorizedKeys)
                   .toUtf8());
    file.close();
    m_sshd.setProcessChannelMode(QProcess::MergedChannels);
    m_sshd.start(u"nsenter"_s, host.nsenter({u"/usr/sbin/sshd"_s, u"-D"_s, u"-e"_s, u"-f"_s, config}));
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000 && m_sshd.state() != QProcess::NotRunning) {
        const ProgramRun listening = host.runIn({u"ss"_s, u"-Hltn"_s, u"sport = :22"_s});
        if (listening.code == 0 && !listening.out.trimmed().isEmpty())
            return {};
        QThread::msleep(50);
    }
    return u"sshd in %1 did not listen: %2"_s.arg(host.name(), QString::fromUtf8(m_sshd.readAll()));
}

std::unique_ptr<RecordSession> TestStitchLive::collector(const NamespaceHost &host, QString *why)
{
    const QString name = host.name();
    const QString key = m_dir.filePath(name + u".key"_s);
    const auto signer = Flight::Format::SigningKey::generate();
    m_publicKeys.insert(name, signer.publicKey().toText());
    if (!signer.save(key)) {
        *why = u"cannot write %1"_s.arg(key);
        return nullptr;
    }
    const QString out = m_dir.filePath(name);
    QDir().mkpath(out);
    auto session = std::make_unique<RecordSession>(
        QStringLiteral(FLIGHTREC), key, out,
        QStringList{u"scope = namespace"_s, u"file_capture = no"_s, u"integrity = no"_s, u"seal_interval = 1h"_s});
    session->setLauncher(u"nsenter"_s, host.nsenter({}));
    if (!session->start(60, why))
        return nullptr;
    return session;
}

void TestStitchLive::sshSessionAcrossHostsIsStitched()
{
    NamespacePair hosts(m_dir.filePath(u"hosts"_s));
    QString why;
    QVERIFY2(hosts.start(&why), qPrintable(why));

    const QString clientKey = m_dir.filePath(u"client_key"_s);
    const QString clientPub = SshdInstance::generateKey(clientKey);
    QVERIFY(!clientPub.isEmpty());
    const QString authorized = m_dir.filePath(u"authorized_keys"_s);
    QFile auth(authorized);
    QVERIFY(auth.open(QIODevice::WriteOnly));
    auth.write(clientPub.toUtf8() + '\n');
    auth.close();
    const QString sshd = startSshd(hosts.b, authorized);
    QVERIFY2(sshd.isEmpty(), qPrintable(sshd));

    auto alpha = collector(hosts.a, &why);
    QVERIFY2(alpha, qPrintable(why));
    auto beta = collector(hosts.b, &why);
    QVERIFY2(beta, qPrintable(why));

    // The session: ssh in alpha to sshd in beta, running a command the test can recognise.
    const QString marker = u"stitch-"_s + QUuid::createUuid().toString(QUuid::Id128);
    QProcess ssh;
    ssh.setProcessChannelMode(QProcess::MergedChannels);
    ssh.start(u"nsenter"_s,
              hosts.a.nsenter({u"ssh"_s, u"-i"_s, clientKey, u"-o"_s, u"BatchMode=yes"_s, u"-o"_s,
                               u"StrictHostKeyChecking=no"_s, u"-o"_s, u"UserKnownHostsFile=/dev/null"_s, u"-o"_s,
                               u"GlobalKnownHostsFile=/dev/null"_s, u"-o"_s, u"LogLevel=ERROR"_s,
                               u"root@"_s + hosts.b.address(), u"/bin/echo "_s + marker}));
    QVERIFY(ssh.waitForStarted(10000));
    QVERIFY(ssh.waitForFinished(30000));
    const QString sshOutput = QString::fromUtf8(ssh.readAll());
    QVERIFY2(ssh.exitCode() == 0 && sshOutput.contains(marker), qPrintable(sshOutput));
    QThread::msleep(1500); // the collectors' queues drain
    QCOMPARE(alpha->stop(), 0);
    QCOMPARE(beta->stop(), 0);
    m_sshd.terminate();
    m_sshd.waitForFinished(5000);

    // Both hosts' archives into one case.
    for (const QString &name : {hosts.a.name(), hosts.b.name()}) {
        const ProgramRun trusted = cli({u"trust"_s, m_publicKeys.value(name), u"--label"_s, name});
        QVERIFY2(trusted.code == 0, qPrintable(trusted.err));
    }
    const ProgramRun imported = cli({u"import"_s, m_dir.filePath(hosts.a.name()), m_dir.filePath(hosts.b.name())});
    QVERIFY2(imported.code == 0, qPrintable(imported.out + imported.err));

    // Follow the ssh client: the chain crosses to beta and reaches the command.
    // The ssh client: its pid is the namespace's, so it is found by the command it carried.
    const ProgramRun search = cli({u"--json"_s, u"query"_s, u"search"_s, marker, u"--host"_s, hosts.a.name()});
    QVERIFY2(search.code == 0, qPrintable(search.err));
    qint64 sshId = 0;
    qint64 sshPid = 0;
    for (const QJsonObject &o : search.json(u"comm"_s)) {
        if (o.value(u"comm"_s) == "ssh"_L1) {
            sshId = o.value(u"id"_s).toInteger();
            sshPid = o.value(u"pid"_s).toInteger();
        }
    }
    QVERIFY2(sshId > 0, qPrintable(search.out));
    const ProgramRun follow = cli({u"--json"_s, u"query"_s, u"follow"_s, u"#%1"_s.arg(sshId)});
    QVERIFY2(follow.code == 0, qPrintable(follow.err));
    const QList<QJsonObject> steps = follow.json();
    QStringList shown;
    for (const QJsonObject &o : steps)
        shown << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    const QString all = shown.join(u'\n');
    QVERIFY2(steps.size() >= 4, qPrintable(all));
    const QJsonObject client = steps.first();
    QCOMPARE(client.value(u"host"_s).toString(), hosts.a.name());
    QCOMPARE(client.value(u"pid"_s).toInteger(), sshPid);
    QCOMPARE(client.value(u"role"_s).toString(), u"client"_s);
    const QJsonObject link = steps.at(1);
    QCOMPARE(link.value(u"type"_s).toString(), u"link"_s);
    QCOMPARE(link.value(u"server_host"_s).toString(), hosts.b.name());
    QCOMPARE(link.value(u"server"_s).toString(), hosts.b.address() + u":22"_s);
    QVERIFY2(link.value(u"evidence"_s).toString() == "4-tuple+ssh-env"_L1, qPrintable(all));
    const QJsonObject accept = steps.at(2);
    QCOMPARE(accept.value(u"host"_s).toString(), hosts.b.name());
    QCOMPARE(accept.value(u"comm"_s).toString(), u"sshd"_s);
    QCOMPARE(accept.value(u"role"_s).toString(), u"accept"_s);
    bool commandFound = false;
    for (const QJsonObject &o : steps) {
        if (o.value(u"type"_s) != "process"_L1 || o.value(u"host"_s).toString() != hosts.b.name())
            continue;
        const QJsonArray argv = o.value(u"argv"_s).toArray();
        for (const QJsonValue &arg : argv)
            commandFound = commandFound || arg.toString() == marker;
        QVERIFY2(o.value(u"depth"_s).toInt() >= 2, qPrintable(all));
    }
    QVERIFY2(commandFound, qPrintable(u"the command is not in the chain:\n"_s + all));

    // The clock offset: one kernel, one clock; the estimate is the handshake-to-first-use latency.
    const ProgramRun clocks = cli({u"--json"_s, u"query"_s, u"clocks"_s});
    QVERIFY2(clocks.code == 0, qPrintable(clocks.err));
    const QList<QJsonObject> offsets = clocks.json(u"offset_ns"_s);
    QCOMPARE(offsets.size(), 1);
    const qint64 offset = offsets[0].value(u"offset_ns"_s).toString().toLongLong();
    qInfo("clock offset estimated: %lld ns from %d pair(s) (true offset 0: one kernel)", offset,
          offsets[0].value(u"pairs"_s).toInt());
    QVERIFY2(std::abs(offset) < 100'000'000, qPrintable(all));
}

QTEST_GUILESS_MAIN(TestStitchLive)
#include "tst_stitchlive.moc"
