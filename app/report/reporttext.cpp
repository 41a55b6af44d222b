// SPDX-License-Identifier: GPL-3.0-or-later
#include "reporttext.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Deck::Report {

namespace {

QDateTime utc(qint64 ns)
{
    // Floor division: times before 1970 keep their millisecond.
    const qint64 ms = ns >= 0 ? ns / 1'000'000 : -((-ns + 999'999) / 1'000'000);
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace

QString reportTime(qint64 ns)
{
    return utc(ns).toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
}

QString reportSpan(qint64 from, qint64 to)
{
    const QDateTime start = utc(from);
    const QDateTime end = utc(to);
    const QString endText = start.date() == end.date() ? end.toString(u"HH:mm:ss.zzz"_s) : reportTime(to);
    return u"%1 \u2013 %2"_s.arg(reportTime(from), endText);
}

QString reportDuration(qint64 ns)
{
    const qint64 ms = ns / 1'000'000;
    if (ms < 1000)
        return u"%1 ms"_s.arg(ms);
    if (ms < 60'000)
        return u"%1 s"_s.arg(double(ms) / 1000.0, 0, 'f', 1);
    const qint64 minutes = ms / 60'000;
    if (minutes < 60)
        return u"%1 min %2 s"_s.arg(minutes).arg(ms / 1000 % 60);
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return u"%1 h %2 min"_s.arg(hours).arg(minutes % 60);
    return u"%1 d %2 h"_s.arg(hours / 24).arg(hours % 24);
}

qint64 roundTimeStep(qint64 minimum)
{
    constexpr qint64 s = 1'000'000'000;
    static constexpr qint64 kSteps[] = {s / 1000,      s / 500,   s / 200,       s / 100,      s / 50,
                                        s / 20,        s / 10,    s / 5,         s / 2,        s,
                                        2 * s,         5 * s,     10 * s,        15 * s,       30 * s,
                                        60 * s,        120 * s,   300 * s,       600 * s,      900 * s,
                                        1800 * s,      3600 * s,  7200 * s,      3 * 3600 * s, 6 * 3600 * s,
                                        12 * 3600 * s, 86400 * s, 2 * 86400 * s, 7 * 86400 * s};
    for (qint64 step : kSteps) {
        if (step >= minimum)
            return step;
    }
    return (minimum / (7 * 86400 * s) + 1) * 7 * 86400 * s;
}

QString countOf(qint64 count, const QString &singular, const QString &plural)
{
    return u"%1 %2"_s.arg(count).arg(count == 1 ? singular : plural);
}

} // namespace Deck::Report
