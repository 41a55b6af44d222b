// SPDX-License-Identifier: GPL-3.0-or-later
// Realistic sample events and archives for tests, fuzz corpora and benchmarks (never for production code).
#pragma once

#include "archivewriter.h"
#include "event.h"

namespace Flight::TestSupport {

// One event of every kind in Format::EventBody, with optional members filled in and non-UTF-8 bytes where a
// member allows them. Times start at `firstTs` and grow by one millisecond per event.
QList<Format::Event> oneEventOfEachKind(qint64 firstTs = 1763800000123456789LL);

// `count` events cycling through the kinds of oneEventOfEachKind(), with distinct pids and paths.
QList<Format::Event> mixedEvents(int count, qint64 firstTs = 1763800000123456789LL);

Format::HostInfo sampleHost(const QString &hostname = QStringLiteral("web1"));
Format::ArchiveHeader sampleHeader(qint64 seq = 1, const QString &prevDigest = {},
                                   const QString &hostname = QStringLiteral("web1"));

// Writes `events` into a finished archive at `path`.
Expected<Format::SealedArchive> writeArchive(const QString &path, const Format::SigningKey &key,
                                             const QList<Format::Event> &events,
                                             const Format::ArchiveHeader &header = sampleHeader(),
                                             const Format::WriterOptions &options = {});

} // namespace Flight::TestSupport
