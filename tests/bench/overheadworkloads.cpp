// SPDX-License-Identifier: GPL-3.0-or-later
// The timed workloads of bench_overhead (see overheadworkloads.h).
#include "overheadworkloads.h"

#include "benchsupport.h"
#include "loopbacklistener.h"

#include <QFile>
#include <QList>
#include <QString>
#include <cerrno>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Flight::BenchSupport;

namespace Flight::BenchOverhead {

namespace {

// Runs `args` to its end and returns its CPU time (user + system), or -1 when it failed; waits for that pid only
// (QProcess owns the collector's).
double runChild(const QList<QByteArray> &args)
{
    std::vector<char *> argv;
    for (const QByteArray &a : args)
        argv.push_back(const_cast<char *>(a.constData()));
    argv.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::execvp(argv[0], argv.data());
        ::_exit(127);
    }
    int status = 0;
    rusage ru{};
    while (pid > 0 && ::wait4(pid, &status, 0, &ru) < 0 && errno == EINTR) { }
    return pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? cpuOf(ru) : -1;
}

} // namespace

Expected<Timing> runWorkload(Workload w, const Sizes &sizes, const QByteArray &file, const LoopbackListener &listener)
{
    const clockid_t clock = w == OpenClose ? CLOCK_THREAD_CPUTIME_ID : CLOCK_PROCESS_CPUTIME_ID;
    const double start = now(), cpuStart = clockSeconds(clock);
    double childCpu = -1;
    switch (w) {
    case OpenClose:
        for (qint64 i = 0; i < sizes.opens; ++i) {
            const int fd = ::open(file.constData(), O_RDONLY | O_CLOEXEC);
            if (fd < 0)
                return Error{u"%1: cannot open"_s.arg(QFile::decodeName(file))};
            ::close(fd);
        }
        break;
    case Dd:
        childCpu = runChild({"dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=" + QByteArray::number(sizes.ddBytes),
                             "status=none"});
        if (childCpu < 0)
            return Error{u"dd failed"_s};
        break;
    case Tcp:
        for (qint64 i = 0; i < sizes.connections; ++i) {
            const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
            const linger reset{1, 0};
            ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
            const bool connected
                = ::connect(fd, reinterpret_cast<const sockaddr *>(&listener.address()), sizeof(sockaddr_in)) == 0;
            ::close(fd);
            if (!connected)
                return Error{u"connect to 127.0.0.1:%1 failed"_s.arg(listener.port())};
        }
        break;
    case WorkloadCount:
        break;
    }
    return Timing{now() - start, childCpu >= 0 ? childCpu : clockSeconds(clock) - cpuStart};
}

} // namespace Flight::BenchOverhead
