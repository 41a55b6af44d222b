// SPDX-License-Identifier: GPL-3.0-or-later
// Sockets of /proc/net/{tcp,tcp6,udp,udp6} (proc_net_tcp(5)): a pure parser, tested on fixtures. These tables show
// the network namespace of the reader (the collector's: the host's). Addresses are the kernel's words in host byte
// order, so a table is parsed on the host that wrote it. Hostile input: a malformed line is an error naming the
// line; at most kMaxProcNetLines lines.
#pragma once

#include "event.h"
#include "expected.h"

#include <QList>

namespace Flight::Integrity {

struct ProcNetSocket
{
    Format::Proto proto = Format::Proto::Tcp;
    Format::Endpoint local, remote; // canonical address text (inet_ntop)
    int state = 0; // TCP_ESTABLISHED 1 ... TCP_LISTEN 10; UDP: 7 (TCP_CLOSE) unconnected, 1 connected
    quint64 inode = 0;
    qint64 uid = 0;
    bool operator==(const ProcNetSocket &) const = default;
};

inline constexpr qsizetype kMaxProcNetLines = 1 << 20;

// `ipv6`: the table is tcp6/udp6 (32 hex digits per address).
Expected<QList<ProcNetSocket>> parseProcNet(QByteArrayView content, Format::Proto proto, bool ipv6);

// A listening TCP socket (state LISTEN), or a UDP socket bound to a port and connected to nobody.
bool isListening(const ProcNetSocket &socket);

} // namespace Flight::Integrity
