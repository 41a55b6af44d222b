// SPDX-License-Identifier: GPL-3.0-or-later
#include "coveragelanes.h"

#include "timescale.h"

#include <QCoreApplication>
#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Deck::Models {

namespace {

constexpr qint64 kUnknownStart = std::numeric_limits<qint64>::min();
using Span = std::pair<qint64, qint64>;

// The translation context of the lanes' texts (they are made outside any QObject).
struct CoverageText
{
    Q_DECLARE_TR_FUNCTIONS(Deck::Models::CoverageLanes)
};

// Sorted, overlapping and touching spans joined.
QList<Span> merged(QList<Span> spans)
{
    std::sort(spans.begin(), spans.end());
    QList<Span> out;
    for (const Span &span : std::as_const(spans)) {
        if (span.second <= span.first)
            continue;
        if (!out.isEmpty() && span.first <= out.last().second)
            out.last().second = std::max(out.last().second, span.second);
        else
            out.append(span);
    }
    return out;
}

// [from, to) without `holes` (merged).
QList<Span> complement(const QList<Span> &holes, qint64 from, qint64 to)
{
    QList<Span> out;
    qint64 at = from;
    for (const Span &hole : holes) {
        if (hole.second <= at)
            continue;
        if (hole.first >= to)
            break;
        if (hole.first > at)
            out.append({at, hole.first});
        at = std::max(at, hole.second);
    }
    if (at < to)
        out.append({at, to});
    return out;
}

QString downtimeDetail(const Core::Downtime &down)
{
    const QString length = durationText(down.to - down.from);
    if (down.clean)
        return CoverageText::tr(
                   "The collector was stopped from %1 (rec.stop) until %2 (rec.start): nothing was recorded for %3.")
            .arg(utcText(down.from), utcText(down.to), length);
    return CoverageText::tr(
               "The collector ended without a rec.stop (a crash or power loss): last heard of at %1 (end of its "
               "last archive in the case), started again at %2; nothing is known of these %3.")
        .arg(utcText(down.from), utcText(down.to), length);
}

QString gapDetail(const Core::ChainGap &gap)
{
    const QString archives = gap.firstMissing == gap.lastMissing
        ? CoverageText::tr("Archive %1 of signing key #%2 is not in the case").arg(gap.firstMissing).arg(gap.keyId)
        : CoverageText::tr("Archives %1 to %2 of signing key #%3 are not in the case")
              .arg(gap.firstMissing)
              .arg(gap.lastMissing)
              .arg(gap.keyId);
    if (!gap.afterTs)
        return CoverageText::tr(
                   "%1 (a hole in the hash chain): they were recorded before %2; the case has no evidence of that "
                   "time.")
            .arg(archives, utcText(gap.beforeTs));
    return CoverageText::tr(
               "%1 (a hole in the hash chain): what was recorded between %2 and %3 is missing, not absent.")
        .arg(archives, utcText(*gap.afterTs), utcText(gap.beforeTs));
}

QString lossDetail(const Core::LossRow &loss)
{
    const QString span = loss.lastTs && *loss.lastTs != loss.ts
        ? CoverageText::tr("from %1 to %2").arg(utcText(loss.ts), utcText(*loss.lastTs))
        : CoverageText::tr("at %1").arg(utcText(loss.ts));
    const QString why = loss.reason.isEmpty() ? loss.source : u"%1: %2"_s.arg(loss.source, loss.reason);
    // No translations are loaded yet, so the English plural is chosen here; `plural` lets a translation pick its own.
    const int plural = int(std::clamp<qint64>(loss.count, 0, std::numeric_limits<int>::max()));
    const QString count = QString::number(loss.count);
    if (loss.unit == "archives"_L1) {
        if (loss.count == 1)
            return CoverageText::tr("1 archive deleted before it was pulled (%1) %2: its events are lost.")
                .arg(why, span);
        return CoverageText::tr("%3 archives deleted before they were pulled (%1) %2: their events are lost.", nullptr,
                                plural)
            .arg(why, span, count);
    }
    if (loss.count == 1)
        return CoverageText::tr("The collector lost 1 event (%1) %2: it knows it did not record it.").arg(why, span);
    return CoverageText::tr("The collector lost %3 events (%1) %2: it knows it did not record them.", nullptr, plural)
        .arg(why, span, count);
}

} // namespace

CoverageState CoverageLane::stateAt(qint64 ns) const
{
    const auto covering = segmentsAt(ns);
    return covering.isEmpty() ? CoverageState::NotRecorded : covering.first().state;
}

QList<CoverageSegment> CoverageLane::segmentsAt(qint64 ns) const
{
    QList<CoverageSegment> covering;
    for (const CoverageSegment &segment : segments) {
        if (segment.from <= ns && ns < segment.to)
            covering.append(segment);
    }
    std::stable_sort(covering.begin(), covering.end(),
                     [](const CoverageSegment &a, const CoverageSegment &b) { return a.state > b.state; });
    return covering;
}

QList<CoverageSegment> CoverageLane::segmentsOf(CoverageState state) const
{
    QList<CoverageSegment> found;
    for (const CoverageSegment &segment : segments) {
        if (segment.state == state)
            found.append(segment);
    }
    return found;
}

QList<CoverageLane> buildCoverageLanes(const QList<Core::HostCoverage> &coverage,
                                       const QHash<qint64, Core::TimeRange> &extents)
{
    QList<CoverageLane> lanes;
    for (const Core::HostCoverage &host : coverage) {
        CoverageLane lane{host.hostId, host.hostname, std::nullopt, {}};
        if (extents.contains(host.hostId))
            lane.extent = extents.value(host.hostId);
        QList<Span> holes;
        for (const Core::Downtime &down : host.downtime) {
            lane.segments.append({down.from, down.to, down.clean ? CoverageState::Stopped : CoverageState::Crashed,
                                  downtimeDetail(down)});
            holes.append({down.from, down.to});
        }
        for (const Core::ChainGap &gap : host.gaps) {
            const qint64 from = gap.afterTs.value_or(kUnknownStart);
            lane.segments.append({from, gap.beforeTs, CoverageState::ChainGap, gapDetail(gap)});
            holes.append({from, gap.beforeTs});
        }
        for (const Core::LossRow &loss : host.losses) {
            // last_ts is the last lost moment, inclusive.
            const qint64 to = std::max(loss.ts, loss.lastTs.value_or(loss.ts)) + 1;
            lane.segments.append({loss.ts, to, CoverageState::Lost, lossDetail(loss)});
        }
        if (lane.extent && lane.extent->from && lane.extent->to) {
            for (const Span &span : complement(merged(holes), *lane.extent->from, *lane.extent->to))
                lane.segments.append(
                    {span.first, span.second, CoverageState::Recorded,
                     CoverageText::tr("Recorded from %1 to %2: where no events are shown here, nothing happened "
                                      "that the collector watches.")
                         .arg(utcText(span.first), utcText(span.second))});
        }
        std::stable_sort(lane.segments.begin(), lane.segments.end(), [](const auto &a, const auto &b) {
            return a.state != b.state ? a.state < b.state : a.from < b.from;
        });
        lanes.append(std::move(lane));
    }
    return lanes;
}

QList<std::pair<qint64, qint64>> unrecordedSpans(const QList<CoverageLane> &lanes, qint64 from, qint64 to)
{
    QList<Span> seen;
    for (const CoverageLane &lane : lanes) {
        for (const CoverageSegment &segment : lane.segments) {
            if (segment.state == CoverageState::Recorded || segment.state == CoverageState::Lost)
                seen.append({segment.from, segment.to});
        }
    }
    return complement(merged(seen), from, to);
}

QString coverageStateName(CoverageState state)
{
    switch (state) {
    case CoverageState::NotRecorded:
        return CoverageText::tr("No archive");
    case CoverageState::Recorded:
        return CoverageText::tr("Recorded");
    case CoverageState::Stopped:
        return CoverageText::tr("Collector stopped");
    case CoverageState::Crashed:
        return CoverageText::tr("Collector gone (crash)");
    case CoverageState::ChainGap:
        return CoverageText::tr("Archives missing");
    case CoverageState::Lost:
        return CoverageText::tr("Events lost");
    }
    return {};
}

QString coverageStateMeaning(CoverageState state)
{
    switch (state) {
    case CoverageState::NotRecorded:
        return CoverageText::tr(
            "Before the host's first or after its last archive in the case: no evidence either way.");
    case CoverageState::Recorded:
        return CoverageText::tr("The collector was recording: no events means nothing happened that it watches.");
    case CoverageState::Stopped:
        return CoverageText::tr("The collector was stopped (rec.stop until the next rec.start): nothing was recorded.");
    case CoverageState::Crashed:
        return CoverageText::tr(
            "The collector ended without rec.stop (crash or power loss) until it started again: nothing is "
            "known.");
    case CoverageState::ChainGap:
        return CoverageText::tr(
            "Archives of the host's hash chain are not in the case: what they recorded is missing.");
    case CoverageState::Lost:
        return CoverageText::tr("The collector knows it dropped events here (rec.loss): the counts are incomplete.");
    }
    return {};
}

} // namespace Deck::Models
