// SPDX-License-Identifier: GPL-3.0-or-later
// Reads an archive's events on a second thread while the caller's thread stores them: decompressing and decoding
// JSON lines costs about as much as writing the rows, so on a machine with two cores the two halves overlap.
// Events travel in chunks through a small bounded queue (memory stays bounded however large the archive).
// The caller's `consume` (which may keep the event it is handed) and `progress` run on the caller's thread only.
// Stops at the first error on either side or when `cancelled` returns true (then the result has code
// Flight::Format::Reason::Cancelled).
#pragma once

#include "archivereader.h"

namespace Deck::Core {

Flight::Expected<void>
readEventsPipelined(Flight::Format::ArchiveReader &reader, const Flight::Format::DecryptionKey *key,
                    const std::function<Flight::Expected<void>(Flight::Format::Event &&)> &consume,
                    const std::function<void(qint64 done, qint64 total)> &progress,
                    const std::function<bool()> &cancelled);

} // namespace Deck::Core
