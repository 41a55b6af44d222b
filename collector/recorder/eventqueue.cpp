// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventqueue.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Flight::Recorder {

EventQueue::EventQueue(qint64 capacity)
    : m_capacity(capacity)
{
}

void EventQueue::deliver(Format::Event event)
{
    {
        std::lock_guard lock(m_mutex);
        if (qint64(m_events.size()) >= m_capacity) {
            if (m_droppedPending++ == 0) {
                m_firstDropTs = event.ts;
                m_firstDropMono = event.mono;
            }
            m_lastDropTs = event.ts;
            m_lastDropMono = event.mono;
            ++m_droppedTotal;
            return;
        }
        m_events.push_back(std::move(event));
        m_deepest = std::max(m_deepest, qint64(m_events.size()));
    }
    m_ready.notify_one();
}

QList<Format::Event> EventQueue::take(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    m_ready.wait_for(lock, timeout, [this] { return !m_events.empty() || m_droppedPending > 0 || m_woken; });
    m_woken = false;
    QList<Format::Event> batch;
    const qsizetype taken = std::min(qsizetype(m_events.size()), kMaxBatch);
    batch.reserve(taken + 1);
    for (qsizetype i = 0; i < taken; ++i) {
        batch.append(std::move(m_events.front()));
        m_events.pop_front(); // frees the deque's blocks as they empty
    }
    if (m_droppedPending > 0) {
        batch.append({m_firstDropTs, m_firstDropMono,
                      Format::RecorderLoss{kQueueLossSource,
                                           m_droppedPending,
                                           Format::LossUnit::Events,
                                           u"the recorder's queue was full"_s,
                                           m_lastDropTs,
                                           m_lastDropMono,
                                           {},
                                           {}}});
        m_droppedPending = 0;
    }
    return batch;
}

void EventQueue::wake()
{
    {
        std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_ready.notify_one();
}

qint64 EventQueue::deepest() const
{
    std::lock_guard lock(m_mutex);
    return m_deepest;
}

qint64 EventQueue::dropped() const
{
    std::lock_guard lock(m_mutex);
    return m_droppedTotal;
}

} // namespace Flight::Recorder
