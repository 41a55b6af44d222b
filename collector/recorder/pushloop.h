// SPDX-License-Identifier: GPL-3.0-or-later
// The daemon's periodic push (push_to in the config): a thread that pushes the outbox (pusher.h) every
// push_interval, retrying a failed pass after 10 s, 20 s, 40 s, ... (never longer than push_interval). Each pass's
// outcome goes to `log` as one line. The recorder keeps sealing while a pass runs; retention may delete an archive a
// pass has not reached, which is then simply not pushed (and is reported as a loss by the recorder, as for a pull).
// Thread: create and destroy on one thread; the destructor stops the loop (a running pass is cancelled within
// 100 ms).
#pragma once

#include "config.h"

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace Flight::Recorder {

class PushLoop
{
public:
    PushLoop(const Config &config, std::function<void(const QString &)> log);
    ~PushLoop();
    PushLoop(const PushLoop &) = delete;
    PushLoop &operator=(const PushLoop &) = delete;

private:
    void run();

    Config m_config;
    std::function<void(const QString &)> m_log;
    std::atomic<bool> m_stop = false;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::thread m_thread;
};

} // namespace Flight::Recorder
