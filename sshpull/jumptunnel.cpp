// SPDX-License-Identifier: GPL-3.0-or-later
#include "jumptunnel.h"

#include "writeall.h"

#include <cerrno>
#include <libssh/libssh.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace Flight::SshPull {

Expected<std::unique_ptr<JumpTunnel>> JumpTunnel::open(std::unique_ptr<SshSession> via, const SshTarget &target)
{
    ssh_channel channel = ssh_channel_new(via->m_ssh);
    if (!channel)
        return via->failure(SshReason::Protocol, u"cannot open a channel to %1"_s.arg(target.name));
    {
        SshSession::Operation operation(*via);
        if (ssh_channel_open_forward(channel, target.address.toUtf8().constData(), target.port, "127.0.0.1", 0)
            != SSH_OK) {
            ssh_channel_free(channel);
            return via->failure(
                SshReason::Unreachable,
                u"the jump host cannot connect to %1 (%2 port %3)"_s.arg(target.name, target.address).arg(target.port));
        }
    }
    int pair[2] = {-1, -1};
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
        ssh_channel_close(channel);
        ssh_channel_free(channel);
        return sshError(SshReason::LocalFile, u"%1: cannot create a socket pair for the jump host"_s.arg(target.name));
    }
    return std::unique_ptr<JumpTunnel>(new JumpTunnel(std::move(via), channel, pair[0], pair[1]));
}

JumpTunnel::JumpTunnel(std::unique_ptr<SshSession> via, ssh_channel_struct *channel, int bridgeFd, int localFd)
    : m_via(std::move(via))
    , m_channel(channel)
    , m_bridgeFd(bridgeFd)
    , m_localFd(localFd)
    , m_thread([this] { bridge(); })
{
}

JumpTunnel::~JumpTunnel()
{
    ::shutdown(m_bridgeFd, SHUT_RDWR); // ends the bridge if the target's end is still open
    if (m_thread.joinable())
        m_thread.join();
    if (m_localFd >= 0)
        ::close(m_localFd);
    ::close(m_bridgeFd);
    ssh_channel_close(m_channel);
    ssh_channel_free(m_channel);
    m_via.reset();
}

void JumpTunnel::bridge()
{
    std::vector<char> buffer(64 * 1024);
    const socket_t viaFd = ssh_get_fd(m_via->m_ssh);
    for (;;) {
        pollfd fds[2] = {{m_bridgeFd, POLLIN, 0}, {viaFd, POLLIN, 0}};
        if (::poll(fds, 2, 50) < 0 && errno != EINTR)
            return;
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            const ssize_t got = ::read(m_bridgeFd, buffer.data(), buffer.size());
            if (got <= 0 || ssh_channel_write(m_channel, buffer.data(), uint32_t(got)) != int(got))
                return;
        }
        // Also when the socket was quiet: libssh may hold data it read earlier.
        for (;;) {
            const int got = ssh_channel_read_nonblocking(m_channel, buffer.data(), uint32_t(buffer.size()), 0);
            if (got < 0)
                return;
            if (got == 0)
                break;
            if (!writeAll(m_bridgeFd, buffer.data(), size_t(got), FdKind::Socket))
                return;
        }
        if (ssh_channel_is_eof(m_channel) || ssh_channel_is_closed(m_channel)) {
            ::shutdown(m_bridgeFd, SHUT_WR);
            return;
        }
    }
}

} // namespace Flight::SshPull
