// SPDX-License-Identifier: GPL-3.0-or-later
// How the report writes times and amounts: UTC to the millisecond ("2025-10-09 08:55:23.123 UTC" in prose, without
// the zone in tables whose header says UTC), spans and durations in the largest unit that keeps them readable.
#pragma once

#include <QString>
#include <optional>

namespace Deck::Report {

// "2025-10-09 08:55:23.123".
QString reportTime(qint64 ns);
// "2025-10-09 08:55:23.123 – 08:57:01.000" (the date once when both ends share it).
QString reportSpan(qint64 from, qint64 to);
// "1 h 12 min", "3.2 s", "450 ms".
QString reportDuration(qint64 ns);
// The smallest step of at least `minimum` ns that people count time in: 1, 2 or 5 times a power of ten below a
// second, then 1, 2, 5, 10, 15, 30 s, minutes, hours, days, weeks (for time axis labels and timeline buckets).
qint64 roundTimeStep(qint64 minimum);
// "1 event", "2 events".
QString countOf(qint64 count, const QString &singular, const QString &plural);

} // namespace Deck::Report
