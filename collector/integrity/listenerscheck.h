// SPDX-License-Identifier: GPL-3.0-or-later
// The `listeners` check: listening TCP sockets and bound, unconnected UDP sockets of <root>/proc/net/{tcp,tcp6,udp,
// udp6} (procnet.h), each with its owner from <root>/proc/<pid>/fd (the `socket:[inode]` links) and
// <root>/proc/<pid>/stat. Items (FORMAT.md §2.4): id `proto:addr:port`; proto, addr, port, and pid, start (clock
// ticks since boot), comm when a process holds the socket. Several holders (a listener shared by a server's
// workers) or several sockets on one address (SO_REUSEPORT): the holder that started first (least start, then
// pid), as FORMAT.md says for net.endpoint; a socket no process holds has no owner attributes.
// Independent of flight_capture's sock_diag code by design (integrity depends on format only); reading /proc/*/fd
// needs root for other users' processes. Tables missing under the root (no IPv6) count as empty.
#pragma once

#include "integritycheck.h"

#include <QHash>
#include <optional>

namespace Flight::Integrity {

struct SocketOwner
{
    qint64 pid = 0;
    qint64 start = 0;
    QString comm;
    bool operator==(const SocketOwner &) const = default;
};

// The comm and start time (field 22) of /proc/<pid>/stat content; nullopt when malformed.
std::optional<SocketOwner> parseStatOwner(qint64 pid, QByteArrayView stat);

// The first-started holder of each of `inodes` found in <root>/proc/*/fd.
QHash<quint64, SocketOwner> socketOwners(const QString &root, const QSet<quint64> &inodes);

class ListenersCheck : public IntegrityCheck
{
public:
    explicit ListenersCheck(const CheckOptions &options);
    QString name() const override { return QStringLiteral("listeners"); }
    Expected<QList<Format::StateItem>> observe() override;

private:
    QString m_root;
};

} // namespace Flight::Integrity
