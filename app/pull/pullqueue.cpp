// SPDX-License-Identifier: GPL-3.0-or-later
#include "pullqueue.h"

namespace Deck::Pull {

void PullQueue::post(std::function<void()> task)
{
    {
        std::lock_guard lock(m_mutex);
        m_tasks.push_back(std::move(task));
    }
    m_wake.notify_all();
}

void PullQueue::workerStarted()
{
    std::lock_guard lock(m_mutex);
    ++m_workers;
}

void PullQueue::workerEnded()
{
    {
        std::lock_guard lock(m_mutex);
        --m_workers;
    }
    m_wake.notify_all();
}

void PullQueue::runUntilIdle()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return !m_tasks.empty() || m_workers == 0; });
        if (m_tasks.empty())
            return;
        std::function<void()> task = std::move(m_tasks.front());
        m_tasks.pop_front();
        lock.unlock();
        task();
        lock.lock();
    }
}

} // namespace Deck::Pull
