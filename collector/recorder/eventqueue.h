// SPDX-License-Identifier: GPL-3.0-or-later
// The sink every capture source delivers into: a bounded, thread-safe queue drained by the recorder's writer loop.
// When full it drops and counts; the next take() hands out a rec.loss event for the drops ("recorder.queue"),
// so memory stays bounded and nothing is lost silently. take() hands out at most kMaxBatch events at a time: a full
// queue moved out at once would hold every event twice over while it is moved (a 65,536-event queue of net.endpoint
// events is about 30 MB; the copy would add some 22 MB more).
#pragma once

#include "eventsource.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>

namespace Flight::Recorder {

// The rec.loss source of events the queue dropped.
inline const QString kQueueLossSource = QStringLiteral("recorder.queue");

class EventQueue : public Capture::EventSink
{
public:
    explicit EventQueue(qint64 capacity);

    void deliver(Format::Event event) override; // any thread
    // Waits up to `timeout` for at least one event or a wake(); returns the oldest events queued, at most kMaxBatch,
    // and a rec.loss after them for what was dropped since the last take(). Writer thread only.
    QList<Format::Event> take(std::chrono::milliseconds timeout);
    static constexpr qsizetype kMaxBatch = 1024;
    void wake();

    qint64 deepest() const; // largest depth seen
    qint64 dropped() const; // total events dropped because the queue was full

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<Format::Event> m_events;
    qint64 m_capacity;
    qint64 m_deepest = 0;
    qint64 m_droppedTotal = 0;
    qint64 m_droppedPending = 0;
    qint64 m_firstDropTs = 0, m_firstDropMono = 0, m_lastDropTs = 0, m_lastDropMono = 0;
    bool m_woken = false;
};

} // namespace Flight::Recorder
