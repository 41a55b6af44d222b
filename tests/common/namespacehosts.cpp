// SPDX-License-Identifier: GPL-3.0-or-later
#include "namespacehosts.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>
#include <csignal>
#include <functional>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::TestSupport {

namespace {

// Run by unshare as pid 1 of the new pid namespace: the host's identity, then nothing until it is killed.
constexpr auto kInitScript = R"(set -e
mount --bind "$1/machine-id" /etc/machine-id
hostname "$2"
ip link set lo up
: > "$1/ready"
exec sleep infinity
)";

bool waitFor(const std::function<bool()> &condition, int ms)
{
    const QDeadlineTimer deadline(ms);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(20);
    }
    return true;
}

} // namespace

qint64 childOf(qint64 pid)
{
    QFile children(u"/proc/%1/task/%1/children"_s.arg(pid));
    if (!children.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> pids = children.readAll().simplified().split(' ');
    return pids.size() == 1 ? pids.first().toLongLong() : 0;
}

NamespaceHost::NamespaceHost(QString name, QString address, QString directory)
    : m_name(std::move(name))
    , m_address(std::move(address))
    , m_directory(std::move(directory))
    , m_machineId(QUuid::createUuid().toString(QUuid::Id128))
{
}

NamespaceHost::~NamespaceHost()
{
    if (m_initPid > 0)
        ::kill(pid_t(m_initPid), SIGKILL); // pid 1 of the namespace: the kernel kills the rest with it
    if (m_unshare.state() != QProcess::NotRunning && !m_unshare.waitForFinished(10000)) {
        m_unshare.kill();
        m_unshare.waitForFinished(5000);
    }
}

bool NamespaceHost::start(QString *why)
{
    for (const QString &tool : {u"unshare"_s, u"nsenter"_s, u"ip"_s}) {
        if (QStandardPaths::findExecutable(tool).isEmpty()
            && QStandardPaths::findExecutable(tool, {u"/usr/sbin"_s, u"/sbin"_s}).isEmpty()) {
            *why = u"%1 is not installed"_s.arg(tool);
            return false;
        }
    }
    QFile id(m_directory + u"/machine-id"_s);
    if (!id.open(QIODevice::WriteOnly | QIODevice::Truncate) || id.write(m_machineId.toLatin1() + '\n') < 0) {
        *why = u"%1: %2"_s.arg(id.fileName(), id.errorString());
        return false;
    }
    id.close();
    QFile::remove(m_directory + u"/ready"_s);
    m_unshare.setProcessChannelMode(QProcess::MergedChannels);
    m_unshare.start(u"unshare"_s,
                    {u"--pid"_s, u"--net"_s, u"--mount"_s, u"--uts"_s, u"--fork"_s, u"--mount-proc"_s, u"sh"_s, u"-c"_s,
                     QString::fromLatin1(kInitScript), u"init"_s, m_directory, m_name});
    const bool ready
        = m_unshare.waitForStarted(10000)
        && waitFor(
              [this] { return QFile::exists(m_directory + u"/ready"_s) || m_unshare.state() == QProcess::NotRunning; },
              20000)
        && QFile::exists(m_directory + u"/ready"_s);
    m_initPid = m_unshare.state() == QProcess::Running ? childOf(m_unshare.processId()) : 0;
    if (!ready || m_initPid == 0) {
        m_unshare.waitForFinished(1000);
        *why = u"namespaces of %1 did not come up: %2"_s.arg(m_name, QString::fromUtf8(m_unshare.readAll()));
        return false;
    }
    return true;
}

QStringList NamespaceHost::nsenter(const QStringList &argv) const
{
    return QStringList{u"-t"_s, QString::number(m_initPid), u"--pid"_s, u"--net"_s, u"--mount"_s, u"--uts"_s, u"--"_s}
    + argv;
}

ProgramRun NamespaceHost::runIn(const QStringList &argv, const QString &input) const
{
    return runProgram(u"nsenter"_s, nsenter(argv), input);
}

NamespacePair::NamespacePair(const QString &directory)
    : a(u"flight-a"_s, u"10.231.0.1/24"_s, directory + u"/a"_s)
    , b(u"flight-b"_s, u"10.231.0.2/24"_s, directory + u"/b"_s)
{
    QDir().mkpath(directory + u"/a"_s);
    QDir().mkpath(directory + u"/b"_s);
}

bool NamespacePair::start(QString *why)
{
    if (!a.start(why) || !b.start(why))
        return false;
    // Made in this namespace under names unique to this process, then each end moved into its host as eth0.
    const QString ends[2] = {u"frv%1a"_s.arg(::getpid()), u"frv%1b"_s.arg(::getpid())};
    const ProgramRun made
        = runProgram(u"ip"_s, {u"link"_s, u"add"_s, ends[0], u"type"_s, u"veth"_s, u"peer"_s, u"name"_s, ends[1]});
    if (made.code != 0) {
        *why = u"ip link add veth: "_s + made.err.trimmed();
        return false;
    }
    NamespaceHost *hosts[2] = {&a, &b};
    for (int i = 0; i < 2; ++i) {
        NamespaceHost &host = *hosts[i];
        const ProgramRun moved = runProgram(
            u"ip"_s, {u"link"_s, u"set"_s, ends[i], u"netns"_s, QString::number(host.m_unshare.processId())});
        const ProgramRun configured = moved.code != 0
            ? moved
            : host.runIn({u"sh"_s, u"-c"_s,
                          u"ip link set \"$1\" name eth0 && ip addr add \"$2\" dev eth0 && ip link set eth0 up"_s,
                          u"sh"_s, ends[i], host.m_address});
        if (configured.code != 0) {
            runProgram(u"ip"_s, {u"link"_s, u"del"_s, ends[0]});
            *why = u"veth end of %1: %2"_s.arg(host.name(), configured.err.trimmed());
            return false;
        }
    }
    // Usable once both ends have their carrier (it comes up asynchronously).
    const auto up = [](const NamespaceHost &host) {
        return host.runIn({u"ip"_s, u"-o"_s, u"link"_s, u"show"_s, u"eth0"_s}).out.contains(u"state UP"_s);
    };
    if (!waitFor([&] { return up(a) && up(b); }, 10000)) {
        *why = u"the veth pair between %1 and %2 did not come up"_s.arg(a.name(), b.name());
        return false;
    }
    return true;
}

} // namespace Flight::TestSupport
