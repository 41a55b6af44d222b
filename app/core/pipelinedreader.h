// SPDX-License-Identifier: GPL-3.0-or-later
// Reads an archive's events on a second thread while the caller's thread stores them: decompressing and decoding
// JSON lines costs about as much as writing the rows, so on a machine with two cores the two halves overlap.
// Events travel in chunks through a small bounded queue (memory stays bounded however large the archive).
// Each event comes with its row's detail text (rowDetail()), also made on the second thread: encoding it on the storing
// thread took a twentieth of that thread's time.
// The caller's `consume` (which may keep the event it is handed) and `progress` run on the caller's thread only;
// `progress` gives the bytes of the events entry read up to the last event handed to `consume`.
// Stops at the first error on either side or when `cancelled` returns true (then the result has code
// Flight::Format::Reason::Cancelled).
#pragma once

#include "archivereader.h"

#include <memory>
#include <thread>

namespace Deck::Core {

class EventPipe;

// An event as read, and the text its row keeps in `detail` (rowDetail(); empty for rows without one).
struct ReadEvent
{
    Flight::Format::Event event;
    QByteArray detail;
};
using ReadEventSink = std::function<Flight::Expected<void>(ReadEvent &&)>;

// An archive's events being read on a second thread from construction on, into the bounded queue: made for the next
// archive of an import while the current one is stored (one transaction per archive, so the next one's rows must
// wait, but its decompressing and decoding need not). `reader` must be open; the accessors of reader() may be used
// meanwhile. Destroying it stops the reading.
class EventReadAhead
{
public:
    EventReadAhead(Flight::Format::ArchiveReader &reader, const Flight::Format::DecryptionKey *key);
    EventReadAhead(std::unique_ptr<Flight::Format::ArchiveReader> reader, const Flight::Format::DecryptionKey *key);
    ~EventReadAhead();
    EventReadAhead(const EventReadAhead &) = delete;
    EventReadAhead &operator=(const EventReadAhead &) = delete;

    Flight::Format::ArchiveReader &reader() { return *m_reader; }
    // As readEventsPipelined(); once.
    Flight::Expected<void> consume(const ReadEventSink &consume,
                                   const std::function<void(qint64 done, qint64 total)> &progress,
                                   const std::function<bool()> &cancelled);

private:
    void start(const Flight::Format::DecryptionKey *key);

    std::unique_ptr<Flight::Format::ArchiveReader> m_owned;
    Flight::Format::ArchiveReader *m_reader;
    std::unique_ptr<EventPipe> m_pipe;
    Flight::Expected<void> m_readResult;
    std::thread m_producer;
};

Flight::Expected<void> readEventsPipelined(Flight::Format::ArchiveReader &reader,
                                           const Flight::Format::DecryptionKey *key, const ReadEventSink &consume,
                                           const std::function<void(qint64 done, qint64 total)> &progress,
                                           const std::function<bool()> &cancelled);

} // namespace Deck::Core
