// SPDX-License-Identifier: GPL-3.0-or-later
// LoopbackListener: the server side of bench_overhead's TCP workload, a thread of its own that accepts and closes
// connections on 127.0.0.1 (a port the kernel picks) until the listener is destroyed. ok() tells whether the socket
// and the thread could be set up; the destructor shuts the socket down and joins the thread.
#pragma once

#include <QtGlobal>
#include <netinet/in.h>
#include <thread>

namespace Flight::BenchOverhead {

class LoopbackListener
{
public:
    LoopbackListener();
    ~LoopbackListener();
    LoopbackListener(const LoopbackListener &) = delete;
    LoopbackListener &operator=(const LoopbackListener &) = delete;

    bool ok() const { return m_thread.joinable(); }
    const sockaddr_in &address() const { return m_addr; }
    qint64 port() const { return ntohs(m_addr.sin_port); }

private:
    int m_fd = -1;
    sockaddr_in m_addr{};
    std::thread m_thread;
};

} // namespace Flight::BenchOverhead
