// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinedata.h"

namespace Deck::Models {

Core::Expected<TimelineOverview> loadTimelineOverview(Core::Database &db)
{
    TimelineOverview overview;
    Core::TimelineQueries timeline(db);
    auto extent = timeline.extent(std::nullopt);
    if (!extent)
        return extent.error();
    overview.extent = *extent;
    auto coverage = Core::CoverageQueries(db).coverage();
    if (!coverage)
        return coverage.error();
    QHash<qint64, Core::TimeRange> extents;
    for (const Core::HostCoverage &host : std::as_const(*coverage)) {
        auto hostExtent = timeline.extent(host.hostId);
        if (!hostExtent)
            return hostExtent.error();
        if (*hostExtent)
            extents.insert(host.hostId, **hostExtent);
    }
    overview.lanes = buildCoverageLanes(*coverage, extents);
    return overview;
}

Core::Expected<TimelineHistogram> loadTimelineHistogram(Core::Database &db, std::optional<qint64> hostId, qint64 from,
                                                        qint64 to, qint64 bucket)
{
    auto counts = Core::TimelineQueries(db).counts({hostId, from, to, bucket});
    if (!counts)
        return counts.error();
    return TimelineHistogram(*counts, from, to, bucket);
}

} // namespace Deck::Models
