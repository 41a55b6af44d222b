// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinehistogram.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deck::Models {

namespace {

const QStringList &knownKinds()
{
    static const QStringList kinds{u"proc.exec"_s,      u"proc.fork"_s,   u"proc.exit"_s,    u"proc.cred"_s,
                                   u"proc.snapshot"_s,  u"file.access"_s, u"net.endpoint"_s, u"state.change"_s,
                                   u"state.snapshot"_s, u"host.kmsg"_s,   u"rec.start"_s,    u"rec.heartbeat"_s,
                                   u"rec.stop"_s,       u"rec.loss"_s};
    return kinds;
}

} // namespace

int TimelineHistogram::kindOrder(const QString &kind)
{
    const qsizetype index = knownKinds().indexOf(kind);
    return index >= 0 ? int(index) : int(knownKinds().size());
}

TimelineHistogram::TimelineHistogram(const QList<Core::TimelineBucket> &buckets, qint64 from, qint64 to, qint64 bucket)
    : m_from(from)
    , m_bucket(std::max<qint64>(1, bucket))
    , m_bucketCount(int(std::max<qint64>(0, (to - from + m_bucket - 1) / m_bucket)))
{
    for (const Core::TimelineBucket &b : buckets) {
        if (bucketAt(b.start) >= 0 && !m_kinds.contains(b.kind))
            m_kinds.append(b.kind);
    }
    std::sort(m_kinds.begin(), m_kinds.end(), [](const QString &a, const QString &b) {
        const int orderA = kindOrder(a), orderB = kindOrder(b);
        return orderA != orderB ? orderA < orderB : a < b;
    });
    m_counts.resize(m_kinds.size(), QList<qint64>(m_bucketCount, 0));
    for (const Core::TimelineBucket &b : buckets) {
        if (const int index = bucketAt(b.start); index >= 0)
            m_counts[m_kinds.indexOf(b.kind)][index] += b.events;
    }
}

qint64 TimelineHistogram::count(const QString &kind, int bucket) const
{
    const qsizetype k = m_kinds.indexOf(kind);
    return k >= 0 && bucket >= 0 && bucket < m_bucketCount ? m_counts[k][bucket] : 0;
}

qint64 TimelineHistogram::total(int bucket) const
{
    qint64 sum = 0;
    for (const auto &counts : m_counts)
        sum += bucket >= 0 && bucket < m_bucketCount ? counts[bucket] : 0;
    return sum;
}

qint64 TimelineHistogram::totalEvents() const
{
    qint64 sum = 0;
    for (const auto &counts : m_counts) {
        for (const qint64 n : counts)
            sum += n;
    }
    return sum;
}

int TimelineHistogram::bucketAt(qint64 ns) const
{
    if (ns < m_from || m_bucketCount == 0)
        return -1;
    const qint64 index = (ns - m_from) / m_bucket;
    return index < m_bucketCount ? int(index) : -1;
}

QList<QList<QPointF>> TimelineHistogram::stackedOutlines(const QStringList &shown,
                                                         const std::function<qreal(qint64)> &toX) const
{
    QList<QList<QPointF>> outlines;
    QList<qint64> stack(m_bucketCount, 0);
    for (qsizetype k = 0; k < m_kinds.size(); ++k) {
        if (!shown.contains(m_kinds[k]))
            continue;
        QList<QPointF> points;
        for (int i = 0; i < m_bucketCount; ++i) {
            stack[i] += m_counts[k][i];
            const qint64 end = m_from + (i + 1) * m_bucket;
            // One step per run of equal heights: its left corner when the run starts, its right one when it ends.
            if (i == 0 || stack[i] != stack[i - 1])
                points.append({toX(m_from + i * m_bucket), qreal(stack[i])});
            if (i + 1 == m_bucketCount || stack[i] != stack[i + 1] + m_counts[k][i + 1])
                points.append({toX(end), qreal(stack[i])});
        }
        outlines.append(points);
    }
    return outlines;
}

qint64 TimelineHistogram::maxStacked(const QStringList &shown) const
{
    qint64 highest = 0;
    for (int i = 0; i < m_bucketCount; ++i) {
        qint64 sum = 0;
        for (qsizetype k = 0; k < m_kinds.size(); ++k)
            sum += shown.contains(m_kinds[k]) ? m_counts[k][i] : 0;
        highest = std::max(highest, sum);
    }
    return highest;
}

} // namespace Deck::Models
