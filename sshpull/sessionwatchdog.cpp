// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionwatchdog.h"

#include <sys/socket.h>

namespace Flight::SshPull {

using Clock = std::chrono::steady_clock;

SessionWatchdog::SessionWatchdog(int fd, std::chrono::milliseconds limit, const std::atomic<bool> *cancel)
    : m_fd(fd)
    , m_limit(limit)
    , m_cancel(cancel)
    , m_deadline(Clock::now() + limit)
    , m_thread([this] { run(); })
{
}

SessionWatchdog::~SessionWatchdog()
{
    stop();
}

void SessionWatchdog::extend()
{
    std::lock_guard lock(m_mutex);
    m_deadline = Clock::now() + m_limit;
}

void SessionWatchdog::idle()
{
    std::lock_guard lock(m_mutex);
    m_deadline = Clock::time_point::max();
}

void SessionWatchdog::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void SessionWatchdog::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        const auto now = Clock::now();
        Trip trip = Trip::None;
        if (m_cancel && m_cancel->load(std::memory_order_relaxed))
            trip = Trip::Cancelled;
        else if (now >= m_deadline)
            trip = Trip::Timeout;
        if (trip != Trip::None) {
            m_trip.store(trip);
            ::shutdown(m_fd, SHUT_RDWR); // the fd stays open (and ours) until stop() returned
            return;
        }
        m_wake.wait_for(lock, std::min<Clock::duration>(m_deadline - now, std::chrono::milliseconds(100)));
    }
}

} // namespace Flight::SshPull
