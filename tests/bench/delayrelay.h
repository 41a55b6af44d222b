// SPDX-License-Identifier: GPL-3.0-or-later
// A TCP relay on loopback that adds a fixed delay to every byte in each direction: the stand-in for a network
// namespace pair with `tc netem delay` where the kernel has no netem (this machine's has none). Each accepted
// connection is joined to 127.0.0.1:targetPort; what one side sends is written to the other `oneWayMs` after it was
// read, in order, so the round trip grows by 2 x oneWayMs while bandwidth is that of loopback. Benchmark code only.
// Thread: its own (one thread per direction of each connection); the destructor closes everything and joins.
#pragma once

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

class DelayRelay
{
public:
    DelayRelay(int targetPort, int oneWayMs);
    ~DelayRelay();
    DelayRelay(const DelayRelay &) = delete;
    DelayRelay &operator=(const DelayRelay &) = delete;

    int port() const { return m_port; } // 0 when it could not listen

private:
    void accept();
    void forward(int from, int to);

    int m_targetPort;
    int m_oneWayMs;
    int m_listenFd = -1;
    int m_port = 0;
    std::atomic<bool> m_stop = false;
    std::vector<int> m_fds;
    std::vector<std::thread> m_threads;
    std::thread m_acceptor;
};
