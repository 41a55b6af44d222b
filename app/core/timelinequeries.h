// SPDX-License-Identifier: GPL-3.0-or-later
// Timeline counts: how many events of each kind fell into each bucket of a time range, over every event table
// (process events by their kind, file.access, net.endpoint, state events by kind, the collector's own events,
// rec.loss), for one host or all. Buckets of whole seconds starting on a second (what the timeline view and the
// report ask for) sum the importer's per-second counts (eventseconds.h); other buckets, and the second the range
// ends in, count the event rows over each table's (host_id, ts) index.
// Thread: the Database's thread. Errors: the store's, naming the database.
#pragma once

#include "querytypes.h"

namespace Deck::Core {

struct TimelineBucket
{
    qint64 start = 0; // the bucket's first ns
    QString kind; // the archive format's kind name
    qint64 events = 0;
};

struct TimelineRequest
{
    std::optional<qint64> hostId; // all hosts when absent
    qint64 from = 0;
    qint64 to = 0; // exclusive
    qint64 bucket = 60'000'000'000; // ns, >= 1
    bool recount = false; // count the event rows also where the per-second counts serve (a check of them)
};

class TimelineQueries
{
public:
    explicit TimelineQueries(Database &db);

    // Non-empty buckets only, by start time then kind.
    Expected<QList<TimelineBucket>> counts(const TimelineRequest &request);
    // The first and last event time of the host (or the case), from the archives; absent when there are none.
    Expected<std::optional<TimeRange>> extent(std::optional<qint64> hostId);

private:
    // Appends the buckets of the seconds of [from, the second of `to`) from event_seconds.
    Expected<void> summedSeconds(const TimelineRequest &request, qint64 bucket, QList<TimelineBucket> &buckets);
    // Appends the buckets of the event rows in [from, request.to).
    Expected<void> countedEvents(const TimelineRequest &request, qint64 from, qint64 bucket,
                                 QList<TimelineBucket> &buckets);

    Database &m_db;
};

} // namespace Deck::Core
