// SPDX-License-Identifier: GPL-3.0-or-later
// Loopback network peers for live capture tests: a TCP listener this process owns, and a forked child that waits on
// a pipe (so its key can be read from /proc first), then connects, optionally writes one byte, and closes at once.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QtGlobal>

namespace LoopbackPeers {

inline socklen_t loopbackAddress(int family, quint16 port, sockaddr_storage &address)
{
    address = {};
    if (family == AF_INET6) {
        auto *a6 = reinterpret_cast<sockaddr_in6 *>(&address);
        a6->sin6_family = AF_INET6;
        a6->sin6_addr = in6addr_loopback;
        a6->sin6_port = htons(port);
        return sizeof(sockaddr_in6);
    }
    auto *a4 = reinterpret_cast<sockaddr_in *>(&address);
    a4->sin_family = AF_INET;
    a4->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a4->sin_port = htons(port);
    return sizeof(sockaddr_in);
}

inline quint16 portOf(const sockaddr_storage &address)
{
    return ntohs(address.ss_family == AF_INET6 ? reinterpret_cast<const sockaddr_in6 *>(&address)->sin6_port
                                               : reinterpret_cast<const sockaddr_in *>(&address)->sin_port);
}

inline quint16 localPort(int fd)
{
    sockaddr_storage address{};
    socklen_t size = sizeof(address);
    return ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &size) == 0 ? portOf(address) : 0;
}

inline quint16 peerPort(int fd)
{
    sockaddr_storage address{};
    socklen_t size = sizeof(address);
    return ::getpeername(fd, reinterpret_cast<sockaddr *>(&address), &size) == 0 ? portOf(address) : 0;
}

struct Listener
{
    int fd = -1;
    quint16 port = 0;
};

// A TCP listener on the loopback address of `family`, on a port the kernel picks; fd -1 on failure.
inline Listener listenOnLoopback(int family)
{
    Listener l;
    l.fd = ::socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_storage address;
    const socklen_t size = loopbackAddress(family, 0, address);
    if (l.fd < 0 || ::bind(l.fd, reinterpret_cast<sockaddr *>(&address), size) != 0 || ::listen(l.fd, 8) != 0)
        return {};
    l.port = localPort(l.fd);
    return l;
}

struct Peer
{
    pid_t pid = -1;
    int go = -1; // write a byte to let it connect
};

inline Peer forkConnectingPeer(int family, quint16 port, bool write)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return {};
    const pid_t pid = ::fork();
    if (pid == 0) { // async-signal-safe calls only: the parent has threads
        char byte;
        if (::read(fds[0], &byte, 1) != 1)
            ::_exit(10);
        const int s = ::socket(family, SOCK_STREAM, 0);
        sockaddr_storage address;
        const socklen_t size = loopbackAddress(family, port, address);
        if (::connect(s, reinterpret_cast<sockaddr *>(&address), size) != 0)
            ::_exit(11);
        if (write && ::write(s, "x", 1) != 1)
            ::_exit(12);
        ::close(s);
        ::_exit(0);
    }
    ::close(fds[0]);
    return {pid, fds[1]};
}

inline bool release(Peer &peer)
{
    const bool ok = ::write(peer.go, "g", 1) == 1;
    ::close(peer.go);
    peer.go = -1;
    return ok;
}

} // namespace LoopbackPeers
