// SPDX-License-Identifier: GPL-3.0-or-later
#include "delayrelay.h"

#include <arpa/inet.h>
#include <chrono>
#include <deque>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;

int connectLoopback(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        if (fd >= 0)
            ::close(fd);
        return -1;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

bool writeAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t wrote = ::write(fd, data, size);
        if (wrote <= 0)
            return false;
        data += wrote;
        size -= size_t(wrote);
    }
    return true;
}

} // namespace

DelayRelay::DelayRelay(int targetPort, int oneWayMs)
    : m_targetPort(targetPort)
    , m_oneWayMs(oneWayMs)
{
    m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (m_listenFd < 0 || ::bind(m_listenFd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
        || ::listen(m_listenFd, 64) != 0
        || ::getsockname(m_listenFd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return;
    m_port = ntohs(address.sin_port);
    m_acceptor = std::thread([this] { accept(); });
}

DelayRelay::~DelayRelay()
{
    m_stop = true;
    if (m_listenFd >= 0)
        ::shutdown(m_listenFd, SHUT_RDWR);
    if (m_acceptor.joinable())
        m_acceptor.join();
    for (const int fd : m_fds)
        ::shutdown(fd, SHUT_RDWR);
    for (auto &thread : m_threads)
        thread.join();
    for (const int fd : m_fds)
        ::close(fd);
    if (m_listenFd >= 0)
        ::close(m_listenFd);
}

void DelayRelay::accept()
{
    while (!m_stop) {
        const int client = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0)
            return;
        const int server = connectLoopback(m_targetPort);
        if (server < 0) {
            ::close(client);
            continue;
        }
        const int one = 1;
        ::setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        m_fds.push_back(client);
        m_fds.push_back(server);
        m_threads.emplace_back([this, client, server] { forward(client, server); });
        m_threads.emplace_back([this, client, server] { forward(server, client); });
    }
}

// Reads `from` as data comes and writes each piece to `to` once it is oneWayMs old.
void DelayRelay::forward(int from, int to)
{
    std::deque<std::pair<Clock::time_point, std::vector<char>>> queue;
    bool open = true;
    std::vector<char> buffer(256 * 1024);
    while (!m_stop && (open || !queue.empty())) {
        int timeoutMs = open ? -1 : 0;
        if (!queue.empty()) {
            const auto wait = std::chrono::ceil<std::chrono::milliseconds>(queue.front().first - Clock::now());
            timeoutMs = int(std::max<long>(0, wait.count()));
        }
        pollfd readable{from, POLLIN, 0};
        const int ready = open ? ::poll(&readable, 1, timeoutMs) : 0;
        if (!open && timeoutMs > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(timeoutMs));
        if (ready > 0) {
            const ssize_t got = ::read(from, buffer.data(), buffer.size());
            if (got <= 0)
                open = false;
            else
                queue.emplace_back(Clock::now() + std::chrono::milliseconds(m_oneWayMs),
                                   std::vector<char>(buffer.begin(), buffer.begin() + got));
        }
        while (!queue.empty() && queue.front().first <= Clock::now()) {
            if (!writeAll(to, queue.front().second.data(), queue.front().second.size()))
                return;
            queue.pop_front();
        }
    }
    ::shutdown(to, SHUT_WR);
}
