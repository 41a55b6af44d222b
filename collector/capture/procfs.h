// SPDX-License-Identifier: GPL-3.0-or-later
// Reading processes from /proc: pure parsers for each file (tested on fixtures) and readProcess(), which reads one
// live process. Processes come and go while they are read; a process that vanished is an error the caller skips.
#pragma once

#include "event.h"
#include "expected.h"

#include <QStringList>
#include <memory>

namespace Flight::Capture {

struct ProcStat
{
    qint64 pid = 0;
    QString comm;
    char state = '?';
    qint64 ppid = 0;
    qint64 ttyNr = 0;
    quint64 flags = 0;
    qint64 startTicks = 0; // field 22: start time in clock ticks since boot (FORMAT.md §2.2)
    bool isKernelThread() const { return flags & 0x00200000; } // PF_KTHREAD
};

struct ProcIds
{
    qint64 uid = 0, euid = 0, gid = 0, egid = 0;
    bool operator==(const ProcIds &) const = default;
};

inline ProcIds idsOf(const Format::ProcessImage &p)
{
    return {p.uid, p.euid, p.gid, p.egid};
}

// /proc/<pid>/stat (the comm may hold spaces and parentheses).
Expected<ProcStat> parseProcStat(QByteArrayView content);
// The Uid: and Gid: lines of /proc/<pid>/status.
Expected<ProcIds> parseProcStatus(QByteArrayView content);
// NUL-separated strings (cmdline, environ); a trailing NUL ends the last one.
QList<QByteArray> splitNul(QByteArrayView content);
// The allow-listed variables of /proc/<pid>/environ.
QMap<QString, QByteArray> parseEnviron(QByteArrayView content, const QStringList &allowed);
// The cgroup v2 path ("0::/path") of /proc/<pid>/cgroup, or nullopt.
std::optional<QByteArray> parseCgroup(QByteArrayView content);
// "pts/3", "tty1", "ttyS0", or "MAJOR:MINOR" for the stat tty_nr; nullopt when there is none.
std::optional<QString> ttyName(qint64 ttyNr);

class ExeDigests;

struct ReadOptions
{
    QString root = QStringLiteral("/");
    QStringList environment{QStringLiteral("SSH_CONNECTION"), QStringLiteral("SUDO_USER"),
                            QStringLiteral("LD_PRELOAD")};
    qint64 maxArgvBytes = 2 * 1024 * 1024;
    std::shared_ptr<ExeDigests> digests; // when set, readProcess() adds exe_digest
};

// Reads one process; the parent's start time comes from `parentStart` (the caller's map of pid -> start ticks),
// so that the parent key is taken from the same moment as the process.
Expected<Format::ProcessImage> readProcess(qint64 pid, const ReadOptions &options,
                                           const std::function<std::optional<qint64>(qint64)> &parentStart);

// /proc/<pid>/stat and the ids of /proc/<pid>/status of one live process: cheaper than readProcess() when only the
// key, the parent or the credentials are needed. Fails naming the file when the process is gone.
Expected<ProcStat> readProcStat(qint64 pid, const QString &root = QStringLiteral("/"));
Expected<ProcIds> readProcIds(qint64 pid, const QString &root = QStringLiteral("/"));

// The pids in <root>/proc, ascending.
QList<qint64> listPids(const QString &root = QStringLiteral("/"));

} // namespace Flight::Capture
