// SPDX-License-Identifier: GPL-3.0-or-later
// The sink every capture source delivers into: a bounded, thread-safe queue drained by the recorder's writer loop.
// When full it drops and counts; the next take() hands out a rec.loss event for the drops ("recorder.queue"),
// so memory stays bounded and nothing is lost silently. take() hands out at most kMaxBatch events at a time: a full
// queue moved out at once would hold every event twice over while it is moved.
//
// Memory: a queued Format::Event takes about 450 bytes (the variant is as large as its largest body, plus its heap
// strings), so a deep queue of 65,536 events would hold about 30 MB. Beyond `structuredDepth` events (and for as long
// as any event waits in that form), events are kept as their journal lines instead (encodeEvent, FORMAT.md §2: about
// 190 bytes for a net.endpoint), appended to chunks of kChunkBytes, and decoded again by take(). Order is kept: every
// structured event is older than every encoded one. The line encoding is the archive's own, so what take() hands out
// equals what was delivered; lines that do not decode again (which the format's round trip rules out) are counted
// as dropped and reported in a rec.loss of their own, never silently lost. The encoding and decoding cost CPU only
// while the queue is that deep; the delivering thread encodes (outside the lock), so a source pays for it while the
// writer is behind: with a structured depth of 1024 the eBPF network source's consumer fell behind its ring buffer in
// bursts on a loaded machine (2 runs of 3), with 4096 it did not (3 of 3; tests/bench/README.md).
#pragma once

#include "eventsource.h"

#include <atomic>
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
    static constexpr qsizetype kMaxBatch = 1024;
    static constexpr qint64 kStructuredDepth = 4096;
    static constexpr qsizetype kChunkBytes = 256 * 1024;

    explicit EventQueue(qint64 capacity, qint64 structuredDepth = kStructuredDepth);

    void deliver(Format::Event event) override; // any thread
    // Waits up to `timeout` for at least one event or a wake(); returns the oldest events queued, at most kMaxBatch,
    // and a rec.loss after them for what was dropped since the last take(). Writer thread only.
    QList<Format::Event> take(std::chrono::milliseconds timeout);
    void wake();

    qint64 deepest() const; // largest depth seen
    qint64 dropped() const; // total events dropped because the queue was full (or did not decode again)

private:
    qint64 depth() const { return qint64(m_events.size()) + m_encoded; } // under m_mutex
    void countDrop(qint64 ts, qint64 mono); // under m_mutex
    // Moves up to `max` encoded lines out of the chunks into `lines` (each ends in '\n'); returns how many.
    qsizetype takeLines(qsizetype max, QByteArray &lines); // under m_mutex

    mutable std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<Format::Event> m_events; // the oldest, structured
    std::deque<QByteArray> m_chunks; // then encoded lines, in order; the first is read from m_readOffset on
    qsizetype m_readOffset = 0;
    qint64 m_encoded = 0; // lines in m_chunks
    std::atomic<bool> m_encoding{false}; // a hint for deliver() to encode before it takes the lock
    qint64 m_capacity, m_structuredDepth;
    qint64 m_deepest = 0;
    qint64 m_droppedTotal = 0;
    qint64 m_droppedPending = 0;
    qint64 m_firstDropTs = 0, m_firstDropMono = 0, m_lastDropTs = 0, m_lastDropMono = 0;
    bool m_woken = false;
};

} // namespace Flight::Recorder
