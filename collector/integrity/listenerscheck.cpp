// SPDX-License-Identifier: GPL-3.0-or-later
#include "listenerscheck.h"

#include "hostfiles.h"
#include "procnet.h"
#include "statediff.h"

#include <QHash>
#include <algorithm>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Integrity {

namespace {

constexpr qint64 kMaxTableBytes = 64LL << 20;
constexpr qint64 kMaxStatBytes = 4096;

QList<QByteArray> numericEntries(const QByteArray &path)
{
    QList<QByteArray> names;
    DIR *dir = ::opendir(path.constData());
    if (!dir)
        return names;
    while (const dirent *entry = ::readdir(dir)) {
        const QByteArray name(entry->d_name);
        if (!name.isEmpty() && std::all_of(name.cbegin(), name.cend(), [](char c) { return c >= '0' && c <= '9'; }))
            names.append(name);
    }
    ::closedir(dir);
    return names;
}

bool before(const SocketOwner &a, const SocketOwner &b)
{
    return a.start != b.start ? a.start < b.start : a.pid < b.pid;
}

} // namespace

std::optional<SocketOwner> parseStatOwner(qint64 pid, QByteArrayView stat)
{
    const qsizetype open = stat.indexOf('('), close = stat.lastIndexOf(')');
    if (open < 0 || close < open)
        return std::nullopt;
    const QList<QByteArray> fields = stat.sliced(close + 1).toByteArray().simplified().split(' ');
    if (fields.size() < 20) // fields 3 ... 22
        return std::nullopt;
    bool ok = false;
    const qint64 start = fields[19].toLongLong(&ok);
    if (!ok || start < 0)
        return std::nullopt;
    return SocketOwner{
        pid, start, itemText(stat.sliced(open + 1, close - open - 1).first(std::min<qsizetype>(close - open - 1, 64)))};
}

QHash<quint64, SocketOwner> socketOwners(const QString &root, const QSet<quint64> &inodes)
{
    QHash<quint64, SocketOwner> owners;
    if (inodes.isEmpty())
        return owners;
    const QByteArray proc = underRoot(root, "/proc");
    for (const QByteArray &pidName : numericEntries(proc)) {
        const qint64 pid = pidName.toLongLong();
        const QByteArray fdDir = proc + '/' + pidName + "/fd";
        std::optional<SocketOwner> owner; // read once, when the process holds one of `inodes`
        bool ownerRead = false;
        for (const QByteArray &fd : numericEntries(fdDir)) {
            char target[64];
            const ssize_t n = ::readlink((fdDir + '/' + fd).constData(), target, sizeof target);
            const QByteArrayView link(target, n > 0 ? n : 0);
            if (!link.startsWith("socket:[") || !link.endsWith(']'))
                continue;
            bool ok = false;
            const quint64 inode = link.sliced(8, link.size() - 9).toULongLong(&ok);
            if (!ok || !inodes.contains(inode))
                continue;
            if (!ownerRead) {
                ownerRead = true;
                if (const auto stat = readBounded(proc + '/' + pidName + "/stat", kMaxStatBytes))
                    owner = parseStatOwner(pid, *stat);
            }
            if (!owner)
                break; // the process is gone
            const auto known = owners.constFind(inode);
            if (known == owners.cend() || before(*owner, *known))
                owners.insert(inode, *owner);
        }
    }
    return owners;
}

ListenersCheck::ListenersCheck(const CheckOptions &options)
    : m_root(options.root)
{
}

Expected<QList<Format::StateItem>> ListenersCheck::observe()
{
    struct Table
    {
        const char *path;
        Format::Proto proto;
        bool ipv6;
    };
    static constexpr Table tables[] = {{"/proc/net/tcp", Format::Proto::Tcp, false},
                                       {"/proc/net/tcp6", Format::Proto::Tcp, true},
                                       {"/proc/net/udp", Format::Proto::Udp, false},
                                       {"/proc/net/udp6", Format::Proto::Udp, true}};
    QList<ProcNetSocket> listeners;
    QSet<quint64> inodes;
    for (const Table &table : tables) {
        const QByteArray path = underRoot(m_root, table.path);
        const auto content = readBounded(path, kMaxTableBytes, true);
        if (!content)
            return content.error();
        const auto sockets = parseProcNet(*content, table.proto, table.ipv6);
        if (!sockets)
            return Error{u"%1: %2"_s.arg(QString::fromUtf8(path), sockets.error().message)};
        for (const ProcNetSocket &s : *sockets) {
            if (isListening(s)) {
                listeners.append(s);
                if (s.inode != 0)
                    inodes.insert(s.inode);
            }
        }
    }
    const QHash<quint64, SocketOwner> owners = socketOwners(m_root, inodes);
    // Owned sockets first, the first-started owner first, so that uniqueSorted() keeps that one per address.
    std::stable_sort(listeners.begin(), listeners.end(), [&](const ProcNetSocket &a, const ProcNetSocket &b) {
        const auto oa = owners.constFind(a.inode), ob = owners.constFind(b.inode);
        if ((oa == owners.cend()) != (ob == owners.cend()))
            return oa != owners.cend();
        return oa != owners.cend() && before(*oa, *ob);
    });
    QList<Format::StateItem> items;
    for (const ProcNetSocket &s : std::as_const(listeners)) {
        const QString proto = QString::fromLatin1(Format::protoName(s.proto));
        Format::StateItem item{u"%1:%2:%3"_s.arg(proto, s.local.addr).arg(s.local.port),
                               {{u"proto"_s, proto}, {u"addr"_s, s.local.addr}, {u"port"_s, s.local.port}}};
        if (const auto owner = owners.constFind(s.inode); owner != owners.cend()) {
            item.attrs.insert(u"pid"_s, owner->pid);
            item.attrs.insert(u"start"_s, owner->start);
            item.attrs.insert(u"comm"_s, owner->comm);
        }
        items.append(std::move(item));
    }
    return uniqueSorted(items);
}

} // namespace Flight::Integrity
