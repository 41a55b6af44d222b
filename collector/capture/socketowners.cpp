// SPDX-License-Identifier: GPL-3.0-or-later
#include "socketowners.h"

#include "procfs.h"

#include <QDir>
#include <QFile>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Capture {

std::optional<quint64> socketInode(QByteArrayView linkTarget)
{
    constexpr QByteArrayView prefix = "socket:[";
    if (!linkTarget.startsWith(prefix) || !linkTarget.endsWith(']'))
        return std::nullopt;
    const QByteArrayView digits = linkTarget.sliced(prefix.size(), linkTarget.size() - prefix.size() - 1);
    if (digits.isEmpty() || digits.size() > 20)
        return std::nullopt;
    for (const char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    bool ok = false;
    const quint64 inode = digits.toULongLong(&ok);
    return ok ? std::optional<quint64>(inode) : std::nullopt;
}

SocketOwnerMap scanSocketOwners(qint64 excludePid, const QString &root)
{
    SocketOwnerMap map;
    const QDir proc(QDir(root).filePath(u"proc"_s));
    for (const qint64 pid : listPids(root)) {
        const QString fdDir = proc.filePath(u"%1/fd"_s.arg(pid));
        QList<quint64> inodes;
        for (const QString &name : QDir(fdDir).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot)) {
            const QByteArray link = QFile::encodeName(fdDir + u'/' + name);
            char buffer[64];
            const ssize_t n = ::readlink(link.constData(), buffer, sizeof(buffer));
            if (n <= 0 || n == ssize_t(sizeof(buffer)))
                continue; // closed meanwhile, or a path (longer than any socket link)
            if (const auto inode = socketInode(QByteArrayView(buffer, n)))
                inodes.append(*inode);
        }
        if (inodes.isEmpty())
            continue;
        if (pid == excludePid) {
            for (const quint64 inode : inodes) {
                if (!map.owners.contains(inode))
                    map.excluded.insert(inode);
            }
            continue;
        }
        const auto stat = readProcStat(pid, root);
        if (!stat)
            continue; // ended meanwhile
        const Format::ProcKey key{pid, stat->startTicks};
        for (const quint64 inode : inodes) {
            map.excluded.remove(inode);
            auto it = map.owners.find(inode);
            if (it == map.owners.end())
                map.owners.insert(inode, key);
            else if (std::pair(key.start, key.pid) < std::pair(it->start, it->pid))
                *it = key;
        }
    }
    return map;
}

} // namespace Flight::Capture
