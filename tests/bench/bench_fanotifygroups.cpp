// SPDX-License-Identifier: GPL-3.0-or-later
// What one kind of fanotify group costs the process doing the opens, apart from everything else flightrec does
// (issue 4): OPENS open+close of one file in this thread with no group, with a descriptor-reporting group
// (FAN_REPORT_PIDFD: what FanotifySource falls back to), with a name-reporting group (FAN_REPORT_DFID_NAME |
// FAN_REPORT_FID | FAN_REPORT_PIDFD: its access group), with the same without the file's own handle (no
// FAN_REPORT_FID) and without pidfds, with the name group marking the mount instead of the filesystem, and with the
// name group and an ignore mark for FAN_OPEN on the file itself (what FanotifySource's file_ignore_repeats adds for a
// file it just recorded). Each marks for open, open-exec and close-write. The group is read by a child process that
// drains it at once and closes every descriptor it hands out, as the collector does (a reader in this process would
// share its descriptor table). RUNS rounds in rotating order; per round the fastest of 3 loops counts; ratio = group /
// no group of the same round, median (range).
// Usage: bench_fanotifygroups [OPENS (200000)] [RUNS (7)]; root. Exit 0 when measured, 1 when it could not.
#include "benchsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/fanotify.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Flight::BenchSupport;

namespace {

enum Group { NoGroup, Descriptors, Names, NamesNoTarget, NamesNoPidfd, NamesMount, NamesIgnored, GroupCount };
constexpr std::array<const char *, GroupCount> kNames{
    "no group", "descriptor group", "name group", "  without file handle", "  without pidfd", "  mount mark",
    "  file ignored"};

// The child: creates the group, marks the filesystem of `file`, says so on `ready`, then drains until killed.
[[noreturn]] void readGroup(Group group, const char *file, int ready)
{
    unsigned flags = FAN_CLASS_NOTIF | FAN_CLOEXEC | FAN_NONBLOCK;
    if (group != NamesNoPidfd)
        flags |= FAN_REPORT_PIDFD;
    if (group != Descriptors)
        flags |= FAN_REPORT_DFID_NAME;
    if (group != Descriptors && group != NamesNoTarget)
        flags |= FAN_REPORT_FID;
    const unsigned markType = group == NamesMount ? FAN_MARK_MOUNT : FAN_MARK_FILESYSTEM;
    const int fd = ::fanotify_init(flags, O_RDONLY | O_LARGEFILE | O_CLOEXEC);
    if (fd < 0
        || ::fanotify_mark(fd, FAN_MARK_ADD | markType, FAN_OPEN | FAN_OPEN_EXEC | FAN_CLOSE_WRITE, AT_FDCWD, file)
            != 0
        || (group == NamesIgnored
            && ::fanotify_mark(fd, FAN_MARK_ADD | FAN_MARK_IGNORE | FAN_MARK_EVICTABLE, FAN_OPEN, AT_FDCWD, file) != 0)) {
        std::fprintf(stderr, "bench_fanotifygroups: %s: %s\n", kNames[group], std::strerror(errno));
        ::_exit(1);
    }
    const char one = 1;
    if (::write(ready, &one, 1) != 1)
        ::_exit(1);
    alignas(fanotify_event_metadata) static char buffer[64 * 1024];
    for (;;) {
        pollfd p{fd, POLLIN, 0};
        ::poll(&p, 1, -1);
        ssize_t n;
        while ((n = ::read(fd, buffer, sizeof buffer)) > 0) {
            for (ssize_t offset = 0; offset + ssize_t(sizeof(fanotify_event_metadata)) <= n;) {
                fanotify_event_metadata event;
                std::memcpy(&event, buffer + offset, sizeof event);
                if (event.event_len < sizeof event)
                    break;
                if (event.fd >= 0)
                    ::close(event.fd);
                for (size_t info = event.metadata_len; info + sizeof(fanotify_event_info_header) <= event.event_len;) {
                    fanotify_event_info_header header;
                    std::memcpy(&header, buffer + offset + info, sizeof header);
                    if (header.len < sizeof header)
                        break;
                    if (header.info_type == FAN_EVENT_INFO_TYPE_PIDFD) {
                        fanotify_event_info_pidfd pidfd;
                        std::memcpy(&pidfd, buffer + offset + info, sizeof pidfd);
                        if (pidfd.pidfd >= 0)
                            ::close(pidfd.pidfd);
                    }
                    info += header.len;
                }
                offset += event.event_len;
            }
        }
    }
}

// CPU seconds of this thread for the fastest of 3 loops of `opens` open+close of `file`, with `group` read by a
// child; -1 when the group could not be set up.
double measure(Group group, const QByteArray &file, qint64 opens)
{
    pid_t child = -1;
    if (group != NoGroup) {
        int ready[2];
        if (::pipe2(ready, O_CLOEXEC) != 0)
            return -1;
        child = ::fork();
        if (child == 0)
            readGroup(group, file.constData(), ready[1]);
        ::close(ready[1]);
        char byte = 0;
        const bool started = child > 0 && ::read(ready[0], &byte, 1) == 1;
        ::close(ready[0]);
        if (!started) {
            if (child > 0)
                ::waitpid(child, nullptr, 0);
            return -1;
        }
    }
    double best = -1;
    for (int loop = 0; loop < 3 && !interrupted(); ++loop) {
        const double start = clockSeconds(CLOCK_THREAD_CPUTIME_ID);
        for (qint64 i = 0; i < opens; ++i)
            ::close(::open(file.constData(), O_RDONLY | O_CLOEXEC));
        const double cpu = clockSeconds(CLOCK_THREAD_CPUTIME_ID) - start;
        best = best < 0 ? cpu : std::min(best, cpu);
    }
    if (child > 0) {
        ::kill(child, SIGKILL);
        ::waitpid(child, nullptr, 0);
    }
    return best;
}

} // namespace

int main(int argc, char **argv)
{
    if (!startAsRoot("bench_fanotifygroups", "fanotify filesystem marks need CAP_SYS_ADMIN"))
        return 1;
    const qint64 opens = argc > 1 ? std::atoll(argv[1]) : 200000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 7;
    if (opens <= 0 || runs <= 0) {
        std::fprintf(stderr, "bench_fanotifygroups: usage: bench_fanotifygroups [OPENS] [RUNS]\n");
        return 1;
    }
    // On the root filesystem, like bench_overhead's loop (/tmp may be a tmpfs).
    QTemporaryDir dir(QStringLiteral("/var/tmp/bench_fanotifygroups-XXXXXX"));
    const QByteArray file = QFile::encodeName(dir.filePath(QStringLiteral("opened")));
    if (!dir.isValid() || ::close(::open(file.constData(), O_CREAT | O_WRONLY | O_CLOEXEC, 0600)) != 0) {
        std::fprintf(stderr, "bench_fanotifygroups: cannot create a file under /var/tmp\n");
        return 1;
    }
    std::printf("bench_fanotifygroups: %lld open+close of %s, %d rounds; CPU time of the opening thread\n",
                static_cast<long long>(opens), file.constData(), runs);
    std::printf("  machine: %ld CPUs, load average %s\n", ::sysconf(_SC_NPROCESSORS_ONLN), loadAverage().constData());
    std::array<QList<double>, GroupCount> perOpen, ratios;
    for (int run = 0; run < runs && !interrupted(); ++run) {
        std::array<double, GroupCount> cpu{};
        for (int i = 0; i < GroupCount; ++i) {
            const auto group = Group((run + i) % GroupCount);
            cpu[group] = measure(group, file, opens);
            if (cpu[group] < 0) {
                std::fprintf(stderr, "bench_fanotifygroups: %s could not be measured\n", kNames[group]);
                return 1;
            }
        }
        for (int g = 0; g < GroupCount; ++g) {
            perOpen[g].append(cpu[g] / double(opens) * 1e6);
            ratios[g].append(cpu[g] / cpu[NoGroup]);
        }
    }
    if (interrupted())
        return 1;
    std::printf("load average at the end: %s\n", loadAverage().constData());
    std::printf("%-22s %12s %22s\n", "reader", "us per open", "vs no group");
    for (int g = 0; g < GroupCount; ++g) {
        const auto [low, high] = std::minmax_element(ratios[g].cbegin(), ratios[g].cend());
        std::printf("%-22s %12.3f %9.3fx (%.2f-%.2f)\n", kNames[g], median(perOpen[g]), median(ratios[g]), *low, *high);
    }
    return 0;
}
