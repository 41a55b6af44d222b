// SPDX-License-Identifier: GPL-3.0-or-later
#include "exedigests.h"

#include "digest.h"
#include "procfs.h"
#include "scopedfd.h"

#include <QDir>
#include <QFile>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Capture {

namespace {

constexpr qsizetype kCacheLimit = 16384; // file versions; the cache starts over beyond this

qint64 nanoseconds(const timespec &t)
{
    return qint64(t.tv_sec) * 1'000'000'000LL + t.tv_nsec;
}

// Opened for reading the way a digest of a path is taken.
int openForDigest(const QByteArray &path)
{
    return ::open(path.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
}

} // namespace

ExeDigests::ExeDigests(qint64 maxFileBytes)
    : m_maxFileBytes(maxFileBytes)
{
}

std::optional<QString> ExeDigests::ofProcess(const Format::ProcKey &key, const QString &procRoot,
                                             const std::optional<QByteArray> &path,
                                             const std::optional<ExecutedFile> &executed)
{
    const ScopedFd live(openForDigest(QFile::encodeName(QDir(procRoot).filePath(u"proc/%1/exe"_s.arg(key.pid)))));
    if (live.get() >= 0) {
        // Opened first, checked second: if the start still matches, the file is this process's executable.
        const auto stat = readProcStat(key.pid, procRoot);
        if (stat && stat->startTicks == key.start)
            if (auto digest = ofOpenFile(live.get(), executed))
                return digest;
    }
    if (path && executed) {
        const ScopedFd file(openForDigest(*path));
        if (file.get() >= 0)
            if (auto digest = ofOpenFile(file.get(), executed))
                return digest;
    }
    ++m_counters.unverified;
    return std::nullopt;
}

std::optional<QString> ExeDigests::ofOpenFile(int fd, const std::optional<ExecutedFile> &executed)
{
    struct stat st = {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return std::nullopt;
    const FileVersion version{quint64(st.st_dev), quint64(st.st_ino), qint64(st.st_size), nanoseconds(st.st_mtim),
                              nanoseconds(st.st_ctim)};
    if (executed
        && (executed->inode != version.inode || executed->mtimeNs != version.mtimeNs
            || executed->ctimeNs != version.ctimeNs))
        return std::nullopt; // another file, or the executed one changed since
    {
        const QMutexLocker lock(&m_mutex);
        if (const auto it = m_cache.constFind(version); it != m_cache.cend()) {
            ++m_counters.cached;
            return *it;
        }
    }
    if (version.size > m_maxFileBytes) {
        ++m_counters.tooLarge;
        return std::nullopt;
    }
    auto digest = hashFile(fd, version.size);
    struct stat after = {};
    if (!digest || ::fstat(fd, &after) != 0 || nanoseconds(after.st_ctim) != version.ctimeNs)
        return std::nullopt; // written while it was read: no digest rather than one of a mixture
    const QMutexLocker lock(&m_mutex);
    if (m_cache.size() >= kCacheLimit)
        m_cache.clear();
    m_cache.insert(version, *digest);
    ++m_counters.hashed;
    return digest;
}

std::optional<QString> ExeDigests::hashFile(int fd, qint64 size)
{
    Format::Blake2b256 hash;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    qint64 offset = 0;
    for (;;) {
        const ssize_t n = ::pread(fd, buffer.data(), size_t(buffer.size()), offset);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return std::nullopt;
        if (n == 0)
            break;
        hash.add(QByteArrayView(buffer.constData(), n));
        offset += n;
    }
    if (offset != size)
        return std::nullopt;
    return QString::fromLatin1(hash.finish().toHex());
}

} // namespace Flight::Capture
