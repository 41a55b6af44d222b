// SPDX-License-Identifier: GPL-3.0-or-later
// What the fanotify capture tests share: the key of a live process, the accesses delivered for a path, writing a
// file, and running a perl script as another process.
#pragma once

#include "collectingsink.h"
#include "procfs.h"

#include <QFile>
#include <QList>
#include <spawn.h>
#include <sys/wait.h>

extern char **environ;

namespace FanotifyTesting {

inline Flight::Format::ProcKey keyOf(qint64 pid)
{
    const auto stat = Flight::Capture::readProcStat(pid);
    return stat ? Flight::Format::ProcKey{pid, stat->startTicks} : Flight::Format::ProcKey{};
}

// The accesses delivered for `path`, in the order delivered.
inline QList<Flight::Format::FileAccess> accesses(const CollectingSink &sink, const QByteArray &path)
{
    QList<Flight::Format::FileAccess> found;
    for (const Flight::Format::Event &e : sink.events()) {
        if (const auto *a = std::get_if<Flight::Format::FileAccess>(&e.body); a && a->path == path)
            found.append(*a);
    }
    return found;
}

inline bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// Runs a perl script (perl-base is essential on Debian) to its successful end; its pid in `spawned`.
inline bool runPerl(const QByteArray &script, pid_t &spawned)
{
    char *argv[] = {const_cast<char *>("/usr/bin/perl"), const_cast<char *>("-e"),
                    const_cast<char *>(script.constData()), nullptr};
    if (posix_spawn(&spawned, argv[0], nullptr, nullptr, argv, environ) != 0)
        return false;
    int status = 0;
    return ::waitpid(spawned, &status, 0) == spawned && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

} // namespace FanotifyTesting
