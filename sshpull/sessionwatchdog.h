// SPDX-License-Identifier: GPL-3.0-or-later
// Bounds a blocking libssh session from outside: a thread that shuts the session's socket down when the deadline
// passes or the cancel flag is set, so that whatever libssh is blocked in (TCP connect, banner, key exchange,
// authentication, an SFTP read) returns at once with an error. libssh's own timeout does not cover every wait.
// Thread: construct, move the deadline and stop on the session's thread; the watchdog's thread only shuts down.
// stop() must run before the socket is closed (the destructor calls it).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace Flight::SshPull {

class SessionWatchdog
{
public:
    enum class Trip { None, Timeout, Cancelled };

    SessionWatchdog(int fd, std::chrono::milliseconds limit, const std::atomic<bool> *cancel);
    ~SessionWatchdog();
    SessionWatchdog(const SessionWatchdog &) = delete;
    SessionWatchdog &operator=(const SessionWatchdog &) = delete;

    // Moves the deadline to now + the limit (an operation started, or made progress).
    void extend();
    // No deadline until the next extend(): the session is idle between operations (its owner is busy elsewhere,
    // e.g. importing). Cancellation is still watched.
    void idle();
    void stop();
    Trip tripped() const { return m_trip.load(); }

private:
    void run();

    const int m_fd;
    const std::chrono::milliseconds m_limit;
    const std::atomic<bool> *m_cancel;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::chrono::steady_clock::time_point m_deadline;
    bool m_stopping = false;
    std::atomic<Trip> m_trip{Trip::None};
    std::thread m_thread;
};

} // namespace Flight::SshPull
