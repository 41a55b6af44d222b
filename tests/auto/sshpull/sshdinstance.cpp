// SPDX-License-Identifier: GPL-3.0-or-later
#include "sshdinstance.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <optional>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Deck::TestSupport {

namespace {

// The output of a tool that succeeded, nothing when it failed.
std::optional<QString> runTool(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return std::nullopt;
    return QString::fromUtf8(process.readAll());
}

} // namespace

int freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

bool SshdInstance::available()
{
    return QFile::exists(u"/usr/sbin/sshd"_s) && !QStandardPaths::findExecutable(u"ssh-keygen"_s).isEmpty();
}

QString SshdInstance::generateKey(const QString &path, const QString &passphrase)
{
    QFile::remove(path);
    QFile::remove(path + u".pub"_s);
    if (!runTool(u"ssh-keygen"_s,
                 {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, passphrase, u"-C"_s, u"test"_s, u"-f"_s, path}))
        return {};
    QFile pub(path + u".pub"_s);
    if (!pub.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(pub.readAll()).trimmed();
}

SshdInstance::SshdInstance(QString dir, QString authorizedKeys)
    : m_dir(std::move(dir))
    , m_authorizedKeys(std::move(authorizedKeys))
{
    QDir().mkpath(outbox());
}

SshdInstance::~SshdInstance()
{
    stop();
}

QString SshdInstance::outbox() const
{
    return QDir(m_dir).filePath(u"outbox"_s);
}

QString SshdInstance::newHostKey()
{
    const bool running = m_process != nullptr;
    stop();
    if (generateKey(QDir(m_dir).filePath(u"host_key"_s)).isEmpty())
        return u"ssh-keygen failed"_s;
    return running ? start() : QString();
}

QString SshdInstance::fingerprint() const
{
    const QString text
        = runTool(u"ssh-keygen"_s, {u"-l"_s, u"-E"_s, u"sha256"_s, u"-f"_s, QDir(m_dir).filePath(u"host_key.pub"_s)})
              .value_or(QString());
    return text.section(u' ', 1, 1);
}

QString SshdInstance::knownHostsLine() const
{
    QFile pub(QDir(m_dir).filePath(u"host_key.pub"_s));
    if (!pub.open(QIODevice::ReadOnly))
        return {};
    const QStringList parts = QString::fromUtf8(pub.readAll()).trimmed().split(u' ');
    return u"[127.0.0.1]:%1 %2 %3"_s.arg(m_port).arg(parts.value(0), parts.value(1));
}

QString SshdInstance::start()
{
    const QString hostKey = QDir(m_dir).filePath(u"host_key"_s);
    if (!QFile::exists(hostKey) && generateKey(hostKey).isEmpty())
        return u"ssh-keygen failed"_s;
    if (::geteuid() == 0)
        QDir().mkpath(u"/run/sshd"_s); // sshd's privilege separation directory
    if (m_port == 0)
        m_port = freeLoopbackPort();
    const QString config = QDir(m_dir).filePath(u"sshd_config"_s);
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return u"cannot write %1"_s.arg(config);
    file.write(u"Port %1\nListenAddress 127.0.0.1\nHostKey %2\nPidFile %3\nAuthorizedKeysFile %4\n"
               u"StrictModes no\nUsePAM no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
               u"PubkeyAuthentication yes\nPermitRootLogin prohibit-password\nSubsystem sftp %5\n"
               u"MaxStartups 100\nLogLevel ERROR\n"_s.arg(m_port)
                   .arg(hostKey, QDir(m_dir).filePath(u"sshd.pid"_s), m_authorizedKeys,
                        m_sftpCommand.isEmpty() ? u"internal-sftp"_s : m_sftpCommand)
                   .toUtf8());
    if (!m_extraConfig.isEmpty())
        file.write(m_extraConfig.toUtf8() + '\n');
    file.close();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(u"/usr/sbin/sshd"_s, {u"-D"_s, u"-e"_s, u"-f"_s, config});
    if (!m_process->waitForStarted(10000))
        return u"sshd did not start: %1"_s.arg(m_process->errorString());
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, quint16(m_port));
        if (probe.waitForConnected(500) && probe.waitForReadyRead(2000) && probe.readAll().startsWith("SSH-2.0"))
            return {};
        if (m_process->state() == QProcess::NotRunning)
            break;
        QThread::msleep(50);
    }
    const QString output = QString::fromUtf8(m_process->readAll());
    stop();
    return u"sshd on port %1 did not answer: %2"_s.arg(m_port).arg(output);
}

void SshdInstance::stop()
{
    if (!m_process)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(5000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
}

} // namespace Deck::TestSupport
