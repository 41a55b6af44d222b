// SPDX-License-Identifier: GPL-3.0-or-later
// Which process holds a socket: /proc/<pid>/fd links read "socket:[<inode>]", and the socket table (socketdiag.h)
// gives each socket's inode. One pass over /proc maps every socket inode to its owner's key (pid and start ticks from
// /proc/<pid>/stat, FORMAT.md §2.2).
//
// Several processes can hold one socket (a listener shared by a server's workers, a descriptor inherited across
// fork): the owner is the one that started first (least start ticks, then least pid), which is the one that created
// or inherited it before the others could, in the common case the parent (FORMAT.md net.endpoint). The excluded
// process (the collector) is never an owner; a socket that only it holds is listed apart so that callers leave it
// out. Processes and descriptors that vanish during the pass are skipped. Reentrant; no state between calls.
#pragma once

#include "event.h"

#include <QHash>
#include <QSet>
#include <optional>

namespace Flight::Capture {

struct SocketOwnerMap
{
    QHash<quint64, Format::ProcKey> owners; // socket inode -> owner
    QSet<quint64> excluded; // inodes held by the excluded process and by no other

    std::optional<Format::ProcKey> ownerOf(quint64 inode) const
    {
        const auto it = owners.constFind(inode);
        return it == owners.cend() ? std::nullopt : std::optional<Format::ProcKey>(*it);
    }
};

// The inode of a "socket:[<inode>]" link target; nullopt for anything else.
std::optional<quint64> socketInode(QByteArrayView linkTarget);

// One pass over <root>/proc. `excludePid` 0 excludes nobody.
SocketOwnerMap scanSocketOwners(qint64 excludePid, const QString &root = QStringLiteral("/"));

} // namespace Flight::Capture
