// SPDX-License-Identifier: GPL-3.0-or-later
// BLAKE2b-256 of files for the files and modules checks, streamed (flight_format's Blake2b256), bounded and cached.
// A file is opened without following a final symlink and without blocking (a FIFO is never read), and hashed only
// when it is a regular file of at most maxBytes. The digest is cached by device, inode, size, mtime and ctime, so a
// periodic sweep re-reads only files that changed; the cache keeps only the files asked for since the last
// startRound(), so it stays as large as the watched set. A file changed in the last 2 s is not cached (a change within
// one tick of the kernel's coarse timestamps would not change its version). One thread at a time.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <optional>
#include <sys/stat.h>

namespace Flight::Integrity {

class FileDigester
{
public:
    explicit FileDigester(qint64 maxBytes)
        : m_maxBytes(maxBytes)
    {
    }

    // Drops the digests not asked for since the previous call.
    void startRound();

    // The lowercase hex digest of the regular file at `path` (bytes for open(2)); nullopt when it is not a regular
    // file, cannot be read, is larger than maxBytes or changed while it was read. `st`, when given, is the lstat()
    // the caller already has (the file's identity is checked against it).
    std::optional<QString> digest(const QByteArray &path, const struct stat *st = nullptr);

private:
    struct Version
    {
        quint64 device, inode;
        qint64 size, mtimeNs, ctimeNs;
        bool operator==(const Version &) const = default;
    };
    friend size_t qHash(const Version &v, size_t seed)
    {
        return qHashMulti(seed, v.device, v.inode, v.size, v.mtimeNs, v.ctimeNs);
    }
    static Version versionOf(const struct stat &st);

    qint64 m_maxBytes;
    QHash<Version, QString> m_cache, m_used;
};

} // namespace Flight::Integrity
