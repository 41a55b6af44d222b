// SPDX-License-Identifier: GPL-3.0-or-later
// Fixtures shared by tests, fuzz corpora and benchmarks (never production code): events of every kind, archive
// headers, and a one-call archive writer and reader. Plain values; deterministic except the keys callers pass in.
#pragma once

#include "archivereader.h"
#include "archivewriter.h"
#include "event.h"

namespace Flight::TestSupport {

using Flight::Expected;
using namespace Flight::Format;

// Realistic clock values: ts near 1.76e18 ns (late 2025) is beyond 2^53, so a reader that goes through a double
// would change it.
inline constexpr qint64 kBaseTs = 1760000000123456789LL;
inline constexpr qint64 kBaseMono = 98765432109876LL;

struct NamedEvent
{
    QByteArray name; // row name for data-driven tests
    Event event;
};

// At least one event of every kind, with optional members both present and absent. Names start with the kind.
QList<NamedEvent> sampleEvents();

// `count` events cycling through sampleEvents(), with ts/mono increasing by one millisecond per event.
QList<Event> mixedEvents(int count);

// The first event of each kind in sampleEvents(), one per kind.
QList<Event> oneEventOfEachKind();

HostInfo sampleHost(const QString &hostname = QStringLiteral("web-01"));
ArchiveHeader sampleHeader(qint64 seq = 1, const QString &prevDigest = {},
                           const QString &hostname = QStringLiteral("web-01"));

// Writes `events` to `path` with ArchiveWriter.
Expected<SealedArchive> writeArchive(const QString &path, const SigningKey &key, const QList<Event> &events,
                                     const ArchiveHeader &header = sampleHeader(), const WriterOptions &options = {});

// Opens `path` and reads every event.
Expected<QList<Event>> readAllEvents(const QString &path, const DecryptionKey *key = nullptr,
                                     const ReaderLimits &limits = {});

QByteArray readFile(const QString &path);
bool writeFile(const QString &path, QByteArrayView data);

} // namespace Flight::TestSupport
