// SPDX-License-Identifier: GPL-3.0-or-later
// The kernel's socket table over NETLINK_SOCK_DIAG (inet_diag_req_v2 with NLM_F_DUMP): the TCP and UDP sockets of
// IPv4 and IPv6, with their states, ends, inodes and uids; and the start-up snapshot built from it, which the network
// sources deliver first (FORMAT.md net.endpoint `exists`).
//
// Two layers: parseSockDiagDatagram() is pure and treats its input as hostile (every length is checked before it is
// read, an error names the offset and the reason); SockDiag is the thin socket around it. Socket cookies (the
// kernel's per-boot socket id, never reused, shared by TCP and UDP) tell sockets apart from one dump to the next.
//
// Contract: SockDiag::open() fails with a one-line reason ("sock_diag: ...") when the socket cannot be opened;
// dump() sends one request and reads the answer to its NLMSG_DONE, skipping datagrams that did not come from the
// kernel and messages left over from an earlier, abandoned dump (another sequence number). Not thread-safe: one
// owner thread.
#pragma once

#include "event.h"
#include "expected.h"
#include "socketowners.h"

#include <QList>

namespace Flight::Capture {

// One socket of a dump. `state` is the kernel's TCP state number (TCP_LISTEN, TCP_ESTABLISHED, ...); a UDP socket is
// TCP_ESTABLISHED when connected and TCP_CLOSE otherwise. The remote end of a listening or unconnected socket is the
// wildcard address with port 0.
struct DiagSocket
{
    int family = 0; // AF_INET or AF_INET6
    Format::Proto proto = Format::Proto::Tcp;
    int state = 0;
    Format::Endpoint local, remote;
    quint64 inode = 0; // 0: no process file refers to it (not yet accepted, or closed and lingering)
    quint32 uid = 0;
    quint64 cookie = 0;
    bool operator==(const DiagSocket &) const = default;
};

struct SockDiagBatch
{
    QList<DiagSocket> sockets;
    bool done = false; // NLMSG_DONE was read: the dump is complete
};

// One datagram of a dump answer. `proto` is the protocol the request asked for (inet_diag_msg does not carry it);
// messages whose sequence number is not `sequence` are skipped. Fails on a truncated or malformed message, a kernel
// error (NLMSG_ERROR, or a negative NLMSG_DONE status), an address family other than AF_INET/AF_INET6, or an
// unexpected message type.
Expected<SockDiagBatch> parseSockDiagDatagram(QByteArrayView datagram, Format::Proto proto, quint32 sequence);

// The TCP states a dump asks for: every state of a socket a process holds or has just closed, that is all but
// SYN_RECV (a half-open request, not yet a socket), TIME_WAIT (gone from every process) and CLOSE.
bool isOpenTcpState(int state);

class SockDiag
{
public:
    [[nodiscard]] static Expected<SockDiag> open();
    SockDiag(SockDiag &&other) noexcept;
    SockDiag &operator=(SockDiag &&other) noexcept;
    SockDiag(const SockDiag &) = delete;
    SockDiag &operator=(const SockDiag &) = delete;
    ~SockDiag();

    // The sockets of one family (AF_INET, AF_INET6) and protocol; TCP only in isOpenTcpState().
    [[nodiscard]] Expected<QList<DiagSocket>> dump(int family, Format::Proto proto);
    // Both families of `proto`.
    [[nodiscard]] Expected<QList<DiagSocket>> dump(Format::Proto proto);

private:
    explicit SockDiag(int fd)
        : m_fd(fd)
    {
    }
    int m_fd = -1;
    quint32 m_sequence = 0;
};

// The start-up snapshot: one `exists` event, at `mono` (CLOCK_BOOTTIME) and `ts`, for every socket of `sockets` that
// the excluded process does not hold alone. A listening TCP socket has its local end only; a connected TCP socket and
// a connected UDP socket have both ends; a bound UDP socket has its local end. The key is the socket's owner
// (socketowners.h), absent when no process holds it.
QList<Format::Event> socketSnapshotEvents(const QList<DiagSocket> &sockets, const SocketOwnerMap &owners, qint64 ts,
                                          qint64 mono);

// Dumps TCP and UDP over a new SockDiag, reads the owners and returns socketSnapshotEvents(); fails naming what
// could not be dumped.
[[nodiscard]] Expected<QList<Format::Event>> takeSocketSnapshot(qint64 excludePid,
                                                                const QString &root = QStringLiteral("/"));

// The net.endpoint body of a socket, for `op`: the remote end only for a connected socket.
Format::NetEndpoint endpointOf(const DiagSocket &socket, Format::NetOp op, std::optional<Format::ProcKey> owner);

} // namespace Flight::Capture
