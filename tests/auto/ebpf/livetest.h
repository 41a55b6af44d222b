// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers for the live eBPF tests: start a source or skip when bpf() is denied, run real programs with an exact argv
// (posix_spawn, so the child's parent is this process and argv[0] is what we say), and process keys from /proc.
#pragma once

#include "event.h"
#include "procfs.h"
#include "skip.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QUuid>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

// Starts `source` into `sink`; skips when the kernel refuses BPF to this process, fails on any other error.
#define START_OR_SKIP(source, sink)                                                                                    \
    do {                                                                                                               \
        const auto started = (source).start(sink);                                                                     \
        if (!started && started.error().message.contains(QStringLiteral("not permitted")))                             \
            FLIGHT_SKIP("bpf() is not permitted to this process (needs CAP_BPF and CAP_PERFMON)");                     \
        QVERIFY2(started, qPrintable(started.error().message));                                                        \
    } while (false)

namespace SpawnHelpers {

// Starts argv[0] (a path, not searched in PATH) with `argv`, in `cwd` when given; with `terminal`, in a new
// session whose controlling terminal is that tty (opened as stdin). Returns the pid or -1.
inline pid_t spawn(const QList<QByteArray> &argv, const QByteArray &cwd = {}, const QByteArray &terminal = {})
{
    std::vector<char *> args;
    for (const QByteArray &arg : argv)
        args.push_back(const_cast<char *>(arg.constData()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (!cwd.isEmpty())
        posix_spawn_file_actions_addchdir_np(&actions, cwd.constData());
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    if (!terminal.isEmpty()) {
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID);
        posix_spawn_file_actions_addopen(&actions, 0, terminal.constData(), O_RDWR, 0); // a session leader's first tty
    }
    pid_t pid = -1;
    const int error = posix_spawn(&pid, args[0], &actions, &attributes, args.data(), environ);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    return error == 0 ? pid : -1;
}

// The wait status of `pid`.
inline int waitFor(pid_t pid)
{
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) { }
    return status;
}

inline std::optional<Flight::Format::ProcKey> keyOf(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const auto stat = Flight::Capture::parseProcStat(file.readAll());
    if (!stat)
        return std::nullopt;
    return Flight::Format::ProcKey{stat->pid, stat->startTicks};
}

inline Flight::Format::ProcKey selfKey()
{
    return keyOf(::getpid()).value_or(Flight::Format::ProcKey{});
}

// The path the kernel reports for `path`: symlinks resolved (/bin/sh -> /usr/bin/dash on Debian).
inline QByteArray canonical(const char *path)
{
    return QFile::encodeName(QFileInfo(QString::fromLocal8Bit(path)).canonicalFilePath());
}

inline QByteArray marker()
{
    return "flight-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

} // namespace SpawnHelpers
