// SPDX-License-Identifier: GPL-3.0-or-later
// What the case saw of each host over time, as the timeline's coverage lanes draw it. Recorded time (between the
// host's first and last archive, outside downtime and chain gaps: silence there means nothing happened) must look
// different from time the case has no evidence for: before the first or after the last archive, the collector
// stopped (rec.stop .. rec.start) or gone without a stop (a crash or power loss), archives missing from the hash
// chain, and the collector's own loss accounts (rec.loss). Built from CoverageQueries and TimelineQueries::extent.
// Thread: any (plain values).
#pragma once

#include "coveragequeries.h"

#include <QHash>

namespace Deck::Models {

// In the order they are drawn: a later state is drawn over an earlier one and wins in stateAt().
enum class CoverageState { NotRecorded, Recorded, Stopped, Crashed, ChainGap, Lost };

struct CoverageSegment
{
    qint64 from = 0; // std::numeric_limits<qint64>::min(): unknown start (archives missing before the first one)
    qint64 to = 0; // exclusive
    CoverageState state = CoverageState::Recorded;
    QString detail; // one translated sentence for the tooltip
};

struct CoverageLane
{
    qint64 hostId = 0;
    QString hostname;
    std::optional<Core::TimeRange> extent; // first .. last event of its archives
    QList<CoverageSegment> segments; // by state, then by time; segments of different states may overlap

    // The state shown at `ns` (the last-drawn state covering it; NotRecorded outside every segment).
    CoverageState stateAt(qint64 ns) const;
    // Every segment covering `ns`, most important first.
    QList<CoverageSegment> segmentsAt(qint64 ns) const;
    QList<CoverageSegment> segmentsOf(CoverageState state) const;
};

// One lane per host of `coverage`, in its order; `extents` by host id (a host without archives has none).
QList<CoverageLane> buildCoverageLanes(const QList<Core::HostCoverage> &coverage,
                                       const QHash<qint64, Core::TimeRange> &extents);

// The parts of [from, to) in which none of `lanes` recorded (Recorded or Lost): where the chart's zeros mean "not
// seen", not "nothing happened".
QList<std::pair<qint64, qint64>> unrecordedSpans(const QList<CoverageLane> &lanes, qint64 from, qint64 to);

// The name of a state and what it means, for the legend.
QString coverageStateName(CoverageState state);
QString coverageStateMeaning(CoverageState state);

} // namespace Deck::Models
