// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelinedreader.h"

#include "archiveerror.h"
#include "archiveloader.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;
using namespace Flight::Format;

namespace Deck::Core {

namespace {

constexpr qsizetype kChunkEvents = 4096;
constexpr size_t kMaxChunks = 8;

// Events read, and how many bytes of the events entry (of how many) had been read when the chunk was full: the consumer
// reports that once it has taken the chunk's events, so progress tells what was stored, not how far the reader ran
// ahead (up to kMaxChunks chunks: most of an archive, whose bar then stood at 100 % while its rows were written).
struct EventChunk
{
    QList<ReadEvent> events;
    qint64 bytesRead = 0;
    qint64 bytesTotal = 0;
};

} // namespace

// A bounded queue of event chunks between one producer and one consumer.
class EventPipe
{
public:
    // Blocks while the queue is full; false when the consumer stopped.
    bool push(EventChunk &&chunk)
    {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [this] { return m_stopped || m_chunks.size() < kMaxChunks; });
        if (m_stopped)
            return false;
        m_chunks.push_back(std::move(chunk));
        m_notEmpty.notify_one();
        return true;
    }
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_notEmpty.notify_one();
    }
    // Blocks until a chunk arrives; false when the producer closed and the queue is drained.
    bool pop(EventChunk &chunk)
    {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [this] { return m_closed || !m_chunks.empty(); });
        if (m_chunks.empty())
            return false;
        chunk = std::move(m_chunks.front());
        m_chunks.pop_front();
        m_notFull.notify_one();
        return true;
    }
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_chunks.clear();
        m_notFull.notify_one();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_notFull, m_notEmpty;
    std::deque<EventChunk> m_chunks;
    bool m_closed = false;
    bool m_stopped = false;
};

EventReadAhead::EventReadAhead(ArchiveReader &reader, const DecryptionKey *key)
    : m_reader(&reader)
{
    start(key);
}

EventReadAhead::EventReadAhead(std::unique_ptr<ArchiveReader> reader, const DecryptionKey *key)
    : m_owned(std::move(reader))
    , m_reader(m_owned.get())
{
    start(key);
}

EventReadAhead::~EventReadAhead()
{
    m_pipe->stop();
    if (m_producer.joinable())
        m_producer.join();
}

void EventReadAhead::start(const DecryptionKey *key)
{
    m_pipe = std::make_unique<EventPipe>();
    m_producer = std::thread([this, key] {
        EventChunk chunk;
        chunk.events.reserve(kChunkEvents);
        qint64 bytesRead = 0, bytesTotal = 0;
        const auto sink = [&](const Event &event) {
            chunk.events.append({event, rowDetail(event)});
            if (chunk.events.size() < kChunkEvents)
                return true;
            chunk.bytesRead = bytesRead;
            chunk.bytesTotal = bytesTotal;
            const bool more = m_pipe->push(std::move(chunk));
            chunk = {};
            chunk.events.reserve(kChunkEvents);
            return more;
        };
        const auto bytes = [&](qint64 done, qint64 total) {
            bytesRead = done;
            bytesTotal = total;
        };
        m_readResult = m_reader->readEvents(sink, key, bytes);
        // The last partial chunk: the reader has checked the digest and the tally only now, so only a successful
        // read hands over the rest (the consumer discards everything on failure anyway).
        if (m_readResult && !chunk.events.isEmpty()) {
            chunk.bytesRead = bytesRead;
            chunk.bytesTotal = bytesTotal;
            m_pipe->push(std::move(chunk));
        }
        m_pipe->close();
    });
}

Flight::Expected<void> EventReadAhead::consume(const ReadEventSink &consume,
                                               const std::function<void(qint64, qint64)> &progress,
                                               const std::function<bool()> &cancelled)
{
    Flight::Expected<void> consumeResult;
    EventChunk chunk;
    while (m_pipe->pop(chunk)) {
        if (cancelled && cancelled()) {
            consumeResult = makeError(Reason::Cancelled, u"%1: import cancelled"_s.arg(m_reader->path()));
            break;
        }
        for (ReadEvent &event : chunk.events) {
            if (consumeResult = consume(std::move(event)); !consumeResult)
                break;
        }
        if (!consumeResult)
            break;
        if (progress && chunk.bytesTotal > 0)
            progress(chunk.bytesRead, chunk.bytesTotal);
    }
    m_pipe->stop();
    if (m_producer.joinable())
        m_producer.join();
    if (!consumeResult)
        return consumeResult;
    return m_readResult;
}

Flight::Expected<void> readEventsPipelined(ArchiveReader &reader, const DecryptionKey *key,
                                           const ReadEventSink &consume,
                                           const std::function<void(qint64, qint64)> &progress,
                                           const std::function<bool()> &cancelled)
{
    return EventReadAhead(reader, key).consume(consume, progress, cancelled);
}

} // namespace Deck::Core
