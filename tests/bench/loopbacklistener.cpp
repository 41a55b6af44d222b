// SPDX-License-Identifier: GPL-3.0-or-later
// The accepting side of bench_overhead's TCP loop (see loopbacklistener.h).
#include "loopbacklistener.h"

#include <arpa/inet.h>
#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>

namespace Flight::BenchOverhead {

LoopbackListener::LoopbackListener()
{
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), len) != 0 || ::listen(m_fd, 1024) != 0
        || ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len) != 0)
        return;
    m_addr = addr;
    m_thread = std::thread([fd = m_fd] {
        for (int c;
             (c = ::accept4(fd, nullptr, nullptr, SOCK_CLOEXEC)) >= 0 || errno == EINTR || errno == ECONNABORTED;)
            if (c >= 0)
                ::close(c);
    });
}

LoopbackListener::~LoopbackListener()
{
    if (m_thread.joinable()) {
        ::shutdown(m_fd, SHUT_RDWR); // accept() returns EINVAL
        m_thread.join();
    }
    if (m_fd >= 0)
        ::close(m_fd);
}

} // namespace Flight::BenchOverhead
