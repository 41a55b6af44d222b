// SPDX-License-Identifier: GPL-3.0-or-later
#include "filedigester.h"

#include "digest.h"
#include "hostfiles.h"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace Flight::Integrity {

namespace {

constexpr qint64 kRacyNs = 2'000'000'000;

qint64 ns(const timespec &t)
{
    return qint64(t.tv_sec) * 1'000'000'000LL + t.tv_nsec;
}

} // namespace

FileDigester::Version FileDigester::versionOf(const struct stat &st)
{
    return {quint64(st.st_dev), quint64(st.st_ino), qint64(st.st_size), ns(st.st_mtim), ns(st.st_ctim)};
}

void FileDigester::startRound()
{
    m_cache = std::move(m_used);
    m_used.clear();
}

std::optional<QString> FileDigester::digest(const QByteArray &path, const struct stat *expected)
{
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | O_NOFOLLOW);
    if (fd < 0)
        return std::nullopt;
    struct stat st = {};
    std::optional<QString> result;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= m_maxBytes
        && (!expected || (expected->st_dev == st.st_dev && expected->st_ino == st.st_ino))) {
        const Version version = versionOf(st);
        if (const auto cached = m_cache.constFind(version); cached != m_cache.cend()) {
            result = *cached;
        } else {
            Format::Blake2b256 hasher;
            char buffer[65536];
            qint64 total = 0;
            ssize_t n = 0;
            while ((n = ::read(fd, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR)) {
                if (n < 0)
                    continue;
                total += n;
                if (total > m_maxBytes)
                    break;
                hasher.add(QByteArrayView(buffer, n));
            }
            struct stat after = {};
            // A file written while it was read has no trustworthy digest this round; the next one hashes it.
            if (n == 0 && total == st.st_size && ::fstat(fd, &after) == 0 && versionOf(after) == version)
                result = QString::fromLatin1(hasher.finish().toHex());
        }
        // Timestamps have the kernel's coarse clock granularity: a file changed within the same tick, after it was
        // read, keeps its version. Only digests of files quiet for a while are cached (git's "racy" rule).
        if (result && realtimeNs() - version.ctimeNs > kRacyNs)
            m_used.insert(version, *result);
    }
    ::close(fd);
    return result;
}

} // namespace Flight::Integrity
