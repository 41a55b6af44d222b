// SPDX-License-Identifier: GPL-3.0-or-later
// The exec loop of bench_exec (see execloop.h).
#include "execloop.h"

#include "benchsupport.h"

#include <QString>
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Flight::BenchSupport;

namespace Flight::BenchExec {

namespace {

// pid plus start time in clock ticks since boot, as the collector keys processes (0 when it is gone).
Format::ProcKey procKey(pid_t pid)
{
    const QByteArray stat = readProcFile(u"/proc/%1/stat"_s.arg(pid));
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' '); // from field 3, state
    return {pid, fields.value(22 - 3).toLongLong()};
}

// The loop itself, in its own process: waitpid(-1) there reaps only the loop's children.
LoopResult execLoop(const char *marker, qint64 count, double rate)
{
    char *const argv[] = {const_cast<char *>("/bin/true"), const_cast<char *>(marker), nullptr};
    const int maxRunning = 2 * std::max(1, int(::sysconf(_SC_NPROCESSORS_ONLN)));
    LoopResult r;
    int running = 0;
    const auto reap = [&](int flags) {
        int status = 0;
        if (::waitpid(-1, &status, flags) <= 0)
            return false;
        --running;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            ++r.failed;
        return true;
    };
    const double start = now();
    for (qint64 i = 0; i < count && !interrupted(); ++i) {
        if (rate > 0) {
            const double due = start + double(i) / rate;
            const timespec ts{time_t(due), long((due - double(time_t(due))) * 1e9)};
            ::clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nullptr);
        }
        while (running >= maxRunning && reap(0)) { }
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::execv(argv[0], argv);
            ::_exit(127);
        }
        if (pid < 0) {
            ++r.failed;
            reap(0);
            continue;
        }
        ++running;
        ++r.spawned;
        while (running > 0 && reap(WNOHANG)) { }
    }
    while (running > 0 && reap(0)) { }
    r.seconds = now() - start;
    rusage self{}, children{};
    ::getrusage(RUSAGE_SELF, &self);
    ::getrusage(RUSAGE_CHILDREN, &children);
    r.cpu = cpuOf(self) + cpuOf(children);
    return r;
}

} // namespace

Expected<LoopResult> runExecLoop(const QByteArray &marker, qint64 count, double rate)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return Error{u"exec loop: cannot create a pipe"_s};
    const pid_t loop = ::fork();
    if (loop == 0) {
        ::close(fds[0]);
        ::prctl(PR_SET_PDEATHSIG, SIGTERM); // its handler ends the loop
        const LoopResult r = execLoop(marker.constData(), count, rate);
        ::_exit(::write(fds[1], &r, sizeof r) == sizeof r ? 0 : 1);
    }
    ::close(fds[1]);
    terminateOnInterrupt(loop);
    const Format::ProcKey key = loop > 0 ? procKey(loop) : Format::ProcKey{}; // still there: it exits after it wrote
    LoopResult r;
    ssize_t n = -1;
    while (loop > 0 && (n = ::read(fds[0], &r, sizeof r)) < 0 && errno == EINTR) { }
    ::close(fds[0]);
    while (loop > 0 && ::waitpid(loop, nullptr, 0) < 0 && errno == EINTR) { }
    terminateOnInterrupt(0);
    if (n != sizeof r)
        return Error{u"exec loop: the loop process failed"_s};
    r.loop = key;
    return r;
}

} // namespace Flight::BenchExec
