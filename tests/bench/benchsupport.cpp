// SPDX-License-Identifier: GPL-3.0-or-later
// Signals, clocks, /proc readers and session set-up shared by the benchmarks (see benchsupport.h).
#include "benchsupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <sys/prctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::BenchSupport {

namespace {

std::atomic<bool> g_interrupted{false};
std::atomic<pid_t> g_terminateOnInterrupt{0};

void onSignal(int)
{
    g_interrupted = true;
    if (const pid_t pid = g_terminateOnInterrupt; pid > 0)
        ::kill(pid, SIGTERM);
}

} // namespace

bool startAsRoot(const char *program, const char *why)
{
    if (::geteuid() != 0) {
        std::fprintf(stderr, "%s: must run as root (%s)\n", program, why);
        return false;
    }
    struct sigaction action = {};
    action.sa_handler = onSignal;
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT})
        sigaction(sig, &action, nullptr);
    return true;
}

bool interrupted()
{
    return g_interrupted;
}

void terminateOnInterrupt(pid_t pid)
{
    g_terminateOnInterrupt = pid;
}

double now()
{
    return clockSeconds(CLOCK_MONOTONIC);
}

double clockSeconds(clockid_t clock)
{
    timespec ts{};
    ::clock_gettime(clock, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

double cpuOf(const rusage &usage)
{
    const auto secs = [](const timeval &tv) { return double(tv.tv_sec) + double(tv.tv_usec) / 1e6; };
    return secs(usage.ru_utime) + secs(usage.ru_stime);
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

QByteArray readProcFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly | QIODevice::Unbuffered) ? f.read(64 * 1024) : QByteArray();
}

double cpuSeconds(qint64 pid)
{
    const QString base = u"/proc/%1/task"_s.arg(pid);
    const QStringList tasks = QDir(base).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    double total = 0;
    for (const QString &t : tasks)
        total += double(readProcFile(base + u'/' + t + u"/schedstat"_s).split(' ').value(0).toLongLong()) / 1e9;
    return tasks.isEmpty() ? -1 : total;
}

qint64 vmHwmKb(qint64 pid)
{
    for (const QByteArray &line : readProcFile(u"/proc/%1/status"_s.arg(pid)).split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

QByteArray loadAverage()
{
    return readProcFile(u"/proc/loadavg"_s).split(' ').mid(0, 3).join(' ');
}

QStringList processesNamed(const QList<QByteArray> &names)
{
    QStringList found;
    for (const QString &p : QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!p.front().isDigit())
            continue;
        if (const QByteArray comm = readProcFile(u"/proc/"_s + p + u"/comm"_s).trimmed(); names.contains(comm))
            found.append(u"%1 (%2)"_s.arg(QString::fromLatin1(comm), p));
    }
    return found;
}

qint64 pidOf(const QByteArray &comm)
{
    const QString found = processesNamed({comm}).value(0);
    return found.mid(found.indexOf(u'(') + 1).chopped(1).toLongLong();
}

void settle(qint64 pid)
{
    int quiet = 0;
    double before = cpuSeconds(pid);
    for (int i = 0; i < 50 && quiet < 2 && pid > 0 && !interrupted(); ++i) {
        ::usleep(100000);
        const double after = cpuSeconds(pid);
        quiet = after - before < 0.002 ? quiet + 1 : 0;
        before = after;
    }
}

void ownGroupAndDeathSignal(QProcess &process)
{
    const pid_t parent = ::getpid();
    process.setChildProcessModifier([parent] {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent)
            ::_exit(1);
    });
}

FlightrecCopy copyFlightrec(const QString &built, const QString &dir)
{
    FlightrecCopy copy;
    copy.built = built;
    copy.builtAt = QFileInfo(built).lastModified().toString(Qt::ISODate);
    copy.flightrec = QDir(dir).filePath(u"flightrec"_s);
    copy.key = QDir(dir).filePath(u"bench.key"_s);
    if (!QFile::copy(built, copy.flightrec))
        return copy;
    QProcess keygen;
    keygen.start(copy.flightrec, {u"keygen"_s, u"--key"_s, copy.key});
    copy.ready = keygen.waitForFinished(30000) && keygen.exitStatus() == QProcess::NormalExit && keygen.exitCode() == 0;
    return copy;
}

RemoveOnExit::~RemoveOnExit()
{
    QDir(dir).removeRecursively();
    QFile::remove(dir + u".conf"_s);
}

} // namespace Flight::BenchSupport
