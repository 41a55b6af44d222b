// SPDX-License-Identifier: GPL-3.0-or-later
// The time arithmetic of the timeline, free of widgets: "nice" steps (1-2-5 ns .. ms, then 1 s, 2 s, 5 s, 10 s,
// 15 s, 30 s, 1 min .. 1 d, days) for bucket sizes and axis ticks, tick positions with their labels in UTC at the
// precision the step needs, and readable durations. Times are UTC ns since the epoch.
// Thread: any (pure functions).
#pragma once

#include <QList>
#include <QString>

namespace Deck::Models {

struct TimeTick
{
    qint64 ns = 0;
    QString label; // UTC, as precise as the step needs ("12:04:30", "12:04:30.250", "2025-10-09")
};

// The smallest nice step >= `ns` (at least 1 ns).
qint64 niceStepAtLeast(qint64 ns);
// The bucket for counting [from, to) in at most `maxBuckets` buckets (at least one).
qint64 bucketFor(qint64 from, qint64 to, int maxBuckets);
// Ticks at multiples of a nice step (aligned to the epoch, so to UTC midnight for day steps) inside [from, to], at
// most `maxTicks` of them; labels are distinct.
QList<TimeTick> timeTicks(qint64 from, qint64 to, int maxTicks);
// "2025-10-09 12:04:30.250 UTC": a time for tooltips and status lines, with the fraction trimmed to what `precision`
// (ns) needs.
QString utcText(qint64 ns, qint64 precision = 1'000'000);
// "10 s", "250 ms", "1 h 30 min", "2 d": a duration for people.
QString durationText(qint64 ns);
// Floor and ceiling of `ns` to a multiple of `step` (also for negative times).
qint64 floorTo(qint64 ns, qint64 step);
qint64 ceilTo(qint64 ns, qint64 step);

} // namespace Deck::Models
