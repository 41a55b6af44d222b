// SPDX-License-Identifier: GPL-3.0-or-later
// exe_digest (FORMAT.md §2.4): the BLAKE2b-256 of the file a process executes, only when the file hashed is provably
// the one executed:
//  - from /proc/<pid>/exe while the process is alive: its start time is checked after the open, so a reused pid
//    never lends its executable (a deleted or replaced binary is still hashed: the kernel keeps the executed file);
//  - otherwise, for a process already gone, from the path, when the kernel recorded at the exec what it executed
//    (inode, mtime, ctime: ExecutedFile) and the file at the path now is that one;
//  - otherwise no digest (an absent exe_digest means "not verified", never a guess).
// Each file version is hashed once: digests are cached by device, inode, size, mtime and ctime, so a binary written
// in place is hashed again. Files larger than maxFileBytes are not hashed (counted). Thread-safe.
#pragma once

#include "event.h"

#include <QHash>
#include <QMutex>
#include <atomic>
#include <optional>

namespace Flight::Capture {

// What the kernel saw of the executed file at the exec (eBPF records it).
struct ExecutedFile
{
    quint64 inode = 0;
    qint64 mtimeNs = 0;
    qint64 ctimeNs = 0;
};

class ExeDigests
{
public:
    struct Counters
    {
        std::atomic<qint64> hashed{0}; // files read and hashed
        std::atomic<qint64> cached{0}; // digests answered from the cache
        std::atomic<qint64> unverified{0}; // no digest: the executed file could not be proven
        std::atomic<qint64> tooLarge{0};
    };

    explicit ExeDigests(qint64 maxFileBytes = 1LL << 30);

    // The digest of the executable of process `key`, read under `procRoot` ("/" on a live host); `path` and
    // `executed` (when the source knows them) allow the fallback for a process already gone.
    std::optional<QString> ofProcess(const Format::ProcKey &key, const QString &procRoot,
                                     const std::optional<QByteArray> &path,
                                     const std::optional<ExecutedFile> &executed = std::nullopt);

    const Counters &counters() const { return m_counters; }

private:
    struct FileVersion
    {
        quint64 device, inode;
        qint64 size, mtimeNs, ctimeNs;
        bool operator==(const FileVersion &) const = default;
    };
    friend size_t qHash(const FileVersion &v, size_t seed)
    {
        return qHashMulti(seed, v.device, v.inode, v.size, v.mtimeNs, v.ctimeNs);
    }

    // The digest of the open file `fd` if it is `executed` (when given); nullopt otherwise. Closes nothing.
    std::optional<QString> ofOpenFile(int fd, const std::optional<ExecutedFile> &executed);
    std::optional<QString> hashFile(int fd, qint64 size);

    qint64 m_maxFileBytes;
    QMutex m_mutex;
    QHash<FileVersion, QString> m_cache;
    Counters m_counters;
};

} // namespace Flight::Capture
