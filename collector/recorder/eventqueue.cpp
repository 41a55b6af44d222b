// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventqueue.h"

#include "eventcodec.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Flight::Recorder {

EventQueue::EventQueue(qint64 capacity, qint64 structuredDepth)
    : m_capacity(capacity)
    , m_structuredDepth(structuredDepth)
{
}

void EventQueue::countDrop(qint64 ts, qint64 mono)
{
    if (m_droppedPending++ == 0) {
        m_firstDropTs = ts;
        m_firstDropMono = mono;
    }
    m_lastDropTs = std::max(m_lastDropTs, ts);
    m_lastDropMono = std::max(m_lastDropMono, mono);
    ++m_droppedTotal;
}

void EventQueue::deliver(Format::Event event)
{
    QByteArray line;
    if (m_encoding.load(std::memory_order_relaxed)) // deep: encoded outside the lock
        Format::encodeEvent(event, line);
    {
        std::lock_guard lock(m_mutex);
        if (depth() >= m_capacity) {
            countDrop(event.ts, event.mono);
            return;
        }
        // Once one event waits encoded, every later one does too, so that take() keeps the order.
        if (line.isEmpty() && (m_encoded > 0 || qint64(m_events.size()) >= m_structuredDepth))
            Format::encodeEvent(event, line);
        if (line.isEmpty()) {
            m_events.push_back(std::move(event));
        } else {
            if (m_chunks.empty() || m_chunks.back().size() + line.size() > kChunkBytes) {
                m_chunks.emplace_back();
                m_chunks.back().reserve(std::max(kChunkBytes, line.size()));
            }
            m_chunks.back().append(line);
            ++m_encoded;
            m_encoding.store(true, std::memory_order_relaxed);
        }
        m_deepest = std::max(m_deepest, depth());
    }
    m_ready.notify_one();
}

qsizetype EventQueue::takeLines(qsizetype max, QByteArray &lines)
{
    qsizetype taken = 0;
    while (taken < max && !m_chunks.empty()) {
        const QByteArray &chunk = m_chunks.front();
        const qsizetype end = chunk.indexOf('\n', m_readOffset);
        if (end < 0) { // cannot happen: every line ends in '\n'; the rest of the chunk is dropped, not looped on
            m_chunks.pop_front();
            m_readOffset = 0;
            continue;
        }
        lines.append(chunk.constData() + m_readOffset, end + 1 - m_readOffset);
        m_readOffset = end + 1;
        ++taken;
        if (m_readOffset >= chunk.size()) {
            m_chunks.pop_front(); // its memory goes back as soon as it is read
            m_readOffset = 0;
        }
    }
    m_encoded -= taken;
    if (m_chunks.empty())
        m_encoded = 0;
    if (m_encoded == 0)
        m_encoding.store(qint64(m_events.size()) >= m_structuredDepth, std::memory_order_relaxed);
    return taken;
}

QList<Format::Event> EventQueue::take(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    m_ready.wait_for(lock, timeout, [this] { return depth() > 0 || m_droppedPending > 0 || m_woken; });
    m_woken = false;
    QList<Format::Event> batch;
    const qsizetype structured = std::min(qsizetype(m_events.size()), kMaxBatch);
    batch.reserve(structured + 1);
    for (qsizetype i = 0; i < structured; ++i) {
        batch.append(std::move(m_events.front()));
        m_events.pop_front(); // frees the deque's blocks as they empty
    }
    QByteArray lines;
    const qsizetype encoded = structured < kMaxBatch ? takeLines(kMaxBatch - structured, lines) : 0;
    if (encoded > 0) { // decoded outside the lock: producers go on meanwhile
        lock.unlock();
        batch.reserve(structured + encoded + 1);
        qint64 undecodable = 0;
        for (qsizetype start = 0; start < lines.size();) {
            const qsizetype end = lines.indexOf('\n', start);
            if (auto event = Format::decodeEvent(QByteArrayView(lines).sliced(start, end - start)))
                batch.append(std::move(*event));
            else
                ++undecodable;
            start = end + 1;
        }
        lock.lock();
        if (undecodable > 0) {
            m_droppedTotal += undecodable;
            batch.append({batch.isEmpty() ? 0 : batch.last().ts, batch.isEmpty() ? 0 : batch.last().mono,
                          Format::RecorderLoss{kQueueLossSource,
                                               undecodable,
                                               Format::LossUnit::Events,
                                               u"events kept as journal lines in the recorder's queue did not decode "
                                               "again"_s,
                                               {},
                                               {},
                                               {},
                                               {}}});
        }
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
        m_lastDropTs = m_lastDropMono = 0;
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
