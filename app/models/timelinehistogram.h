// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline's counts as the chart draws them: TimelineQueries::counts() returns the non-empty buckets only; a
// TimelineHistogram holds every bucket of [from, to) for every kind that occurs (zeros included, so that a quiet
// stretch is drawn as zero, not skipped), kinds in a fixed order (processes, files, network, integrity, the
// collector's own), and builds the outlines of the stacked step areas of the kinds shown.
// Thread: any (plain values).
#pragma once

#include "timelinequeries.h"

#include <QPointF>

namespace Deck::Models {

class TimelineHistogram
{
public:
    TimelineHistogram() = default;
    // `buckets` from TimelineQueries::counts() with this `from` and `bucket`; buckets outside [from, to) are ignored.
    TimelineHistogram(const QList<Core::TimelineBucket> &buckets, qint64 from, qint64 to, qint64 bucket);

    qint64 from() const { return m_from; }
    qint64 to() const { return m_from + m_bucket * bucketCount(); }
    qint64 bucket() const { return m_bucket; }
    int bucketCount() const { return m_bucketCount; }
    // The kinds that have events, in display order (kindOrder()).
    const QStringList &kinds() const { return m_kinds; }
    qint64 count(const QString &kind, int bucket) const;
    // All kinds in one bucket.
    qint64 total(int bucket) const;
    qint64 totalEvents() const;
    // The bucket holding `ns`, or -1.
    int bucketAt(qint64 ns) const;

    // The upper outline of each of `shown` (in kinds() order, hidden ones skipped) stacked on the ones before it, as
    // step lines: x from `toX(ns)`, y the running sum. Equal neighbouring buckets share one step.
    QList<QList<QPointF>> stackedOutlines(const QStringList &shown, const std::function<qreal(qint64)> &toX) const;
    // The highest stack of `shown`.
    qint64 maxStacked(const QStringList &shown) const;

    // Where a kind sorts: the archive format's kinds in a fixed order, unknown ones after them by name.
    static int kindOrder(const QString &kind);

private:
    qint64 m_from = 0;
    qint64 m_bucket = 1;
    int m_bucketCount = 0;
    QStringList m_kinds;
    QList<QList<qint64>> m_counts; // [kind][bucket]
};

} // namespace Deck::Models
