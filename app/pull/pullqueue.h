// SPDX-License-Identifier: GPL-3.0-or-later
// Work the host workers hand to the thread that owns the case (imports, records, progress): they post tasks, that
// thread runs them in order. call() posts a task and waits for its result, so a worker can import through the
// case's one connection while the other workers keep downloading.
// Thread: post()/call() from any thread; runUntilIdle() only on the owning thread.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>

namespace Deck::Pull {

class PullQueue
{
public:
    void post(std::function<void()> task);

    template <typename T> T call(std::function<T()> task)
    {
        auto promise = std::make_shared<std::promise<T>>();
        std::future<T> result = promise->get_future();
        post([promise, task = std::move(task)] { promise->set_value(task()); });
        return result.get();
    }

    // A worker is running / has ended; runUntilIdle() returns when none runs and no task is left.
    void workerStarted();
    void workerEnded();
    void runUntilIdle();

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_tasks;
    int m_workers = 0;
};

} // namespace Deck::Pull
