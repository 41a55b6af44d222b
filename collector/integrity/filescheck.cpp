// SPDX-License-Identifier: GPL-3.0-or-later
#include "filescheck.h"

#include "digest.h"
#include "hostfiles.h"
#include "statediff.h"

#include <QDir>
#include <algorithm>
#include <dirent.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Integrity {

namespace {

QList<QByteArray> components(QByteArrayView path)
{
    QList<QByteArray> parts = path.toByteArray().split('/');
    parts.removeAll(QByteArray());
    return parts;
}

bool isPattern(QByteArrayView part)
{
    return part.contains('*') || part.contains('?') || part.contains('[');
}

// The names in directory `path` (bytes for open(2)), sorted; empty when it cannot be read.
QList<QByteArray> listDirectory(const QByteArray &path)
{
    QList<QByteArray> names;
    const int fd = ::open(path.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return names;
    DIR *dir = ::fdopendir(fd);
    if (!dir) {
        ::close(fd);
        return names;
    }
    while (const dirent *entry = ::readdir(dir)) {
        const QByteArray name(entry->d_name);
        if (name != "." && name != "..")
            names.append(name);
    }
    ::closedir(dir);
    std::sort(names.begin(), names.end());
    return names;
}

QString octalMode(mode_t mode)
{
    return u"%1"_s.arg(uint(mode & 07777), 4, 8, QChar(u'0'));
}

qint64 ns(const timespec &t)
{
    return qint64(t.tv_sec) * 1'000'000'000LL + t.tv_nsec;
}

} // namespace

FilesCheck::FilesCheck(const CheckOptions &options)
    : m_root(options.root)
    , m_maxEntries(options.maxWatchedEntries)
    , m_maxDepth(options.maxWatchedDepth)
    , m_digester(options.maxFileBytes)
{
    for (const QString &path : options.watchedPaths) {
        const QString clean = QDir::cleanPath(path);
        if (clean.startsWith(u'/') && !clean.contains(u"/../"_s) && !clean.endsWith(u"/.."_s))
            m_watched.append(clean.toUtf8());
        else
            qCWarning(lcIntegrity) << "files: ignoring watched path" << path << "(not an absolute path)";
    }
}

QList<QByteArray> FilesCheck::expand(const QByteArray &pattern) const
{
    QList<QByteArray> found{QByteArray()}; // component lists joined, without the leading '/'
    for (const QByteArray &part : components(pattern)) {
        QList<QByteArray> next;
        for (const QByteArray &prefix : std::as_const(found)) {
            const QByteArray base = prefix.isEmpty() ? QByteArray() : prefix + '/';
            if (!isPattern(part)) {
                next.append(base + part);
                continue;
            }
            for (const QByteArray &name : listDirectory(underRoot(m_root, '/' + prefix)))
                if (::fnmatch(part.constData(), name.constData(), FNM_PERIOD) == 0)
                    next.append(base + name);
        }
        found = std::move(next);
    }
    for (QByteArray &path : found)
        path.prepend('/');
    return found;
}

bool FilesCheck::watches(QByteArrayView path) const
{
    const QList<QByteArray> parts = components(path);
    for (const QByteArray &watched : m_watched) {
        const QList<QByteArray> pattern = components(watched);
        if (parts.size() < pattern.size())
            continue;
        bool match = true;
        for (qsizetype i = 0; i < pattern.size() && match; ++i)
            match = ::fnmatch(pattern[i].constData(), parts[i].constData(), FNM_PERIOD) == 0;
        if (match)
            return true;
    }
    return false;
}

void FilesCheck::add(const QByteArray &hostPath, int depth, QList<Format::StateItem> &items)
{
    if (items.size() >= m_maxEntries) {
        m_truncated = true;
        return;
    }
    const QByteArray path = underRoot(m_root, hostPath);
    Format::StateItem item{itemText(hostPath), {}};
    struct stat st = {};
    if (::lstat(path.constData(), &st) != 0) {
        item.attrs.insert(u"kind"_s, u"missing"_s);
        items.append(std::move(item));
        return;
    }
    item.attrs.insert(u"mode"_s, octalMode(st.st_mode));
    item.attrs.insert(u"uid"_s, qint64(st.st_uid));
    item.attrs.insert(u"gid"_s, qint64(st.st_gid));
    if (S_ISDIR(st.st_mode)) {
        item.attrs.insert(u"kind"_s, u"dir"_s);
        items.append(std::move(item));
        if (depth >= m_maxDepth)
            return;
        for (const QByteArray &name : listDirectory(path))
            add(hostPath + (hostPath.endsWith('/') ? "" : "/") + name, depth + 1, items);
        return;
    }
    item.attrs.insert(u"size"_s, qint64(st.st_size));
    item.attrs.insert(u"mtime_ts"_s, ns(st.st_mtim));
    if (S_ISLNK(st.st_mode)) {
        item.attrs.insert(u"kind"_s, u"link"_s);
        char target[4096];
        const ssize_t n = ::readlink(path.constData(), target, sizeof target);
        if (n >= 0)
            item.attrs.insert(u"digest"_s, Format::Blake2b256::hexHash(QByteArrayView(target, n)));
    } else {
        item.attrs.insert(u"kind"_s, u"file"_s);
        if (S_ISREG(st.st_mode)) {
            if (const auto digest = m_digester.digest(path, &st))
                item.attrs.insert(u"digest"_s, *digest);
        }
    }
    items.append(std::move(item));
}

Expected<QList<Format::StateItem>> FilesCheck::observe()
{
    m_truncated = false;
    m_digester.startRound();
    QList<Format::StateItem> items;
    for (const QByteArray &watched : std::as_const(m_watched)) {
        const QList<QByteArray> parts = components(watched);
        const bool pattern
            = std::any_of(parts.cbegin(), parts.cend(), [](const QByteArray &p) { return isPattern(p); });
        for (const QByteArray &path : expand(watched)) {
            struct stat st = {};
            if (pattern && ::lstat(underRoot(m_root, path).constData(), &st) != 0)
                continue; // a pattern names what exists; only a literal path can be missing
            add(path, 0, items);
        }
    }
    if (m_truncated)
        qCWarning(lcIntegrity) << "files: more than" << m_maxEntries << "watched entries; the rest is not checked";
    return uniqueSorted(items);
}

} // namespace Flight::Integrity
