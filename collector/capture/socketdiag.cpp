// SPDX-License-Identifier: GPL-3.0-or-later
#include "socketdiag.h"

#include "hostinfo.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Capture {

namespace {

// Larger than any datagram of a dump: the kernel sizes them to the reader's buffer, at most 32 KiB.
constexpr qsizetype kReceiveBytes = 64 * 1024;

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

const char *protoText(Format::Proto proto)
{
    return proto == Format::Proto::Tcp ? "TCP" : "UDP";
}

Format::Endpoint endpoint(int family, const __be32 (&addr)[4], __be16 port)
{
    char text[INET6_ADDRSTRLEN] = {};
    ::inet_ntop(family, addr, text, sizeof(text)); // cannot fail: the family is checked, the buffer is large enough
    return {QString::fromLatin1(text), ntohs(port)};
}

bool isWildcard(const Format::Endpoint &e)
{
    return e.port == 0 && (e.addr == "0.0.0.0"_L1 || e.addr == "::"_L1);
}

// Reads the int status that NLMSG_ERROR and NLMSG_DONE carry; nullopt when the payload is too short.
std::optional<int> statusOf(QByteArrayView payload)
{
    int status = 0;
    if (payload.size() < qsizetype(sizeof(status)))
        return std::nullopt;
    std::memcpy(&status, payload.data(), sizeof(status));
    return status;
}

} // namespace

bool isOpenTcpState(int state)
{
    switch (state) {
    case TCP_ESTABLISHED:
    case TCP_SYN_SENT:
    case TCP_FIN_WAIT1:
    case TCP_FIN_WAIT2:
    case TCP_CLOSE_WAIT:
    case TCP_LAST_ACK:
    case TCP_LISTEN:
    case TCP_CLOSING:
        return true;
    default:
        return false;
    }
}

Expected<SockDiagBatch> parseSockDiagDatagram(QByteArrayView datagram, Format::Proto proto, quint32 sequence)
{
    SockDiagBatch batch;
    qsizetype offset = 0;
    while (offset < datagram.size() && !batch.done) {
        const qsizetype left = datagram.size() - offset;
        nlmsghdr header;
        if (left < qsizetype(sizeof(header)))
            return Error{u"sock_diag: truncated netlink header at offset %1 (%2 bytes left)"_s.arg(offset).arg(left)};
        std::memcpy(&header, datagram.data() + offset, sizeof(header));
        if (header.nlmsg_len < sizeof(header) || qsizetype(header.nlmsg_len) > left)
            return Error{u"sock_diag: netlink message at offset %1 claims %2 bytes, %3 are left"_s.arg(offset)
                             .arg(header.nlmsg_len)
                             .arg(left)};
        const QByteArrayView payload
            = datagram.sliced(offset + qsizetype(sizeof(header)), qsizetype(header.nlmsg_len - sizeof(header)));
        const qsizetype at = offset;
        offset += std::min(left, qsizetype(NLMSG_ALIGN(header.nlmsg_len)));
        if (header.nlmsg_seq != sequence)
            continue; // left over from an earlier dump that was abandoned
        switch (header.nlmsg_type) {
        case NLMSG_NOOP:
            break;
        case NLMSG_DONE: {
            // Linux puts the dump's status in the payload; a negative one means the dump failed.
            const auto status = statusOf(payload);
            if (status && *status < 0)
                return Error{u"sock_diag: the %1 dump failed: %2"_s.arg(QLatin1StringView(protoText(proto)),
                                                                        errnoText(-*status))};
            batch.done = true;
            break;
        }
        case NLMSG_ERROR: {
            const auto status = statusOf(payload);
            if (!status)
                return Error{u"sock_diag: truncated error message at offset %1"_s.arg(at)};
            if (*status != 0)
                return Error{u"sock_diag: the kernel refused the %1 dump: %2"_s.arg(QLatin1StringView(protoText(proto)),
                                                                                    errnoText(-*status))};
            break; // an acknowledgement
        }
        case SOCK_DIAG_BY_FAMILY: {
            inet_diag_msg msg;
            if (payload.size() < qsizetype(sizeof(msg)))
                return Error{u"sock_diag: socket message at offset %1 has %2 bytes, expected at least %3"_s.arg(at)
                                 .arg(payload.size())
                                 .arg(sizeof(msg))};
            std::memcpy(&msg, payload.data(), sizeof(msg));
            if (msg.idiag_family != AF_INET && msg.idiag_family != AF_INET6)
                return Error{
                    u"sock_diag: socket message at offset %1 has address family %2"_s.arg(at).arg(msg.idiag_family)};
            DiagSocket s;
            s.family = msg.idiag_family;
            s.proto = proto;
            s.state = msg.idiag_state;
            s.local = endpoint(s.family, msg.id.idiag_src, msg.id.idiag_sport);
            s.remote = endpoint(s.family, msg.id.idiag_dst, msg.id.idiag_dport);
            s.inode = msg.idiag_inode;
            s.uid = msg.idiag_uid;
            s.cookie = quint64(msg.id.idiag_cookie[0]) | quint64(msg.id.idiag_cookie[1]) << 32;
            batch.sockets.append(std::move(s));
            break;
        }
        default:
            return Error{
                u"sock_diag: unexpected netlink message type %1 at offset %2"_s.arg(header.nlmsg_type).arg(at)};
        }
    }
    return batch;
}

Expected<SockDiag> SockDiag::open()
{
    const int fd = ::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (fd < 0)
        return Error{u"sock_diag: opening a NETLINK_SOCK_DIAG socket: %1"_s.arg(errnoText(errno))};
    // The kernel answers at once; the timeout only keeps a caller (and a source's stop()) from waiting forever.
    const timeval timeout{5, 0};
    if (::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout)) != 0) {
        const int error = errno;
        ::close(fd);
        return Error{u"sock_diag: setting a receive timeout: %1"_s.arg(errnoText(error))};
    }
    return SockDiag(fd);
}

SockDiag::SockDiag(SockDiag &&other) noexcept
    : m_fd(std::exchange(other.m_fd, -1))
    , m_sequence(other.m_sequence)
{
}

SockDiag &SockDiag::operator=(SockDiag &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
        m_sequence = other.m_sequence;
    }
    return *this;
}

SockDiag::~SockDiag()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Expected<QList<DiagSocket>> SockDiag::dump(int family, Format::Proto proto)
{
    const QString what = u"the %1 %2 dump"_s.arg(QLatin1StringView(family == AF_INET6 ? "IPv6" : "IPv4"),
                                                 QLatin1StringView(protoText(proto)));
    struct
    {
        nlmsghdr header;
        inet_diag_req_v2 body;
    } request = {};
    request.header.nlmsg_len = sizeof(request);
    request.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    request.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    request.header.nlmsg_seq = ++m_sequence;
    request.body.sdiag_family = __u8(family);
    request.body.sdiag_protocol = proto == Format::Proto::Tcp ? IPPROTO_TCP : IPPROTO_UDP;
    quint32 states = 0;
    for (int state = TCP_ESTABLISHED; state <= TCP_CLOSING; ++state) {
        if (proto == Format::Proto::Udp || isOpenTcpState(state))
            states |= 1u << state;
    }
    request.body.idiag_states = states;
    sockaddr_nl kernel = {};
    kernel.nl_family = AF_NETLINK;
    if (::sendto(m_fd, &request, sizeof(request), 0, reinterpret_cast<sockaddr *>(&kernel), sizeof(kernel))
        != ssize_t(sizeof(request)))
        return Error{u"sock_diag: requesting %1: %2"_s.arg(what, errnoText(errno))};

    QList<DiagSocket> sockets;
    QByteArray buffer(kReceiveBytes, Qt::Uninitialized);
    for (;;) {
        sockaddr_nl from = {};
        iovec io{buffer.data(), size_t(buffer.size())};
        msghdr message = {};
        message.msg_name = &from;
        message.msg_namelen = sizeof(from);
        message.msg_iov = &io;
        message.msg_iovlen = 1;
        const ssize_t n = ::recvmsg(m_fd, &message, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int error = errno;
            return Error{u"sock_diag: reading %1: %2"_s.arg(
                what, error == EAGAIN ? u"no answer within 5 s"_s : errnoText(error))};
        }
        if (message.msg_flags & MSG_TRUNC)
            return Error{u"sock_diag: reading %1: a datagram larger than %2 bytes"_s.arg(what).arg(buffer.size())};
        if (from.nl_pid != 0)
            continue; // only the kernel answers a dump
        auto batch = parseSockDiagDatagram(QByteArrayView(buffer.constData(), n), proto, m_sequence);
        if (!batch)
            return batch.error();
        sockets.append(std::move(batch->sockets));
        if (batch->done)
            return sockets;
    }
}

Expected<QList<DiagSocket>> SockDiag::dump(Format::Proto proto)
{
    auto sockets = dump(AF_INET, proto);
    if (!sockets)
        return sockets;
    auto v6 = dump(AF_INET6, proto);
    if (!v6)
        return v6;
    sockets->append(std::move(*v6));
    return sockets;
}

Format::NetEndpoint endpointOf(const DiagSocket &socket, Format::NetOp op, std::optional<Format::ProcKey> owner)
{
    Format::NetEndpoint e;
    e.proc = owner;
    e.op = op;
    e.proto = socket.proto;
    e.local = socket.local;
    const bool connected
        = socket.proto == Format::Proto::Tcp ? socket.state != TCP_LISTEN : socket.state == TCP_ESTABLISHED;
    if (connected && !isWildcard(socket.remote))
        e.remote = socket.remote;
    return e;
}

QList<Format::Event> socketSnapshotEvents(const QList<DiagSocket> &sockets, const SocketOwnerMap &owners, qint64 ts,
                                          qint64 mono)
{
    QList<Format::Event> events;
    for (const DiagSocket &s : sockets) {
        if (s.proto == Format::Proto::Tcp && !isOpenTcpState(s.state))
            continue;
        if (s.inode != 0 && owners.excluded.contains(s.inode))
            continue;
        const auto owner = s.inode != 0 ? owners.ownerOf(s.inode) : std::nullopt;
        events.append({ts, mono, endpointOf(s, Format::NetOp::Exists, owner)});
    }
    return events;
}

Expected<QList<Format::Event>> takeSocketSnapshot(qint64 excludePid, const QString &root)
{
    auto diag = SockDiag::open();
    if (!diag)
        return diag.error();
    auto sockets = diag->dump(Format::Proto::Tcp);
    if (!sockets)
        return sockets.error();
    auto udp = diag->dump(Format::Proto::Udp);
    if (!udp)
        return udp.error();
    sockets->append(std::move(*udp));
    const qint64 ts = realtimeNs(), mono = boottimeNs();
    return socketSnapshotEvents(*sockets, scanSocketOwners(excludePid, root), ts, mono);
}

} // namespace Flight::Capture
