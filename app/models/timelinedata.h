// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline's two queries, as jobs for a CaseWorker: the coverage of every host with the case's time extent
// (once per case: a few rows per host), and the event counts of a view (again at every zoom and pan).
// Thread: the worker's (they take the Database). Errors: the store's, naming the database.
#pragma once

#include "coveragelanes.h"
#include "timelinehistogram.h"

namespace Deck::Models {

struct TimelineOverview
{
    std::optional<Core::TimeRange> extent; // first .. last event of every archive; absent when the case has none
    QList<CoverageLane> lanes; // one per host, by hostname
};

Core::Expected<TimelineOverview> loadTimelineOverview(Core::Database &db);

// The counts of `hostId` (all hosts when absent) in [from, to) in buckets of `bucket` ns; `from` should be a
// multiple of `bucket` so that buckets stay put while the view pans.
Core::Expected<TimelineHistogram> loadTimelineHistogram(Core::Database &db, std::optional<qint64> hostId, qint64 from,
                                                        qint64 to, qint64 bucket);

} // namespace Deck::Models
