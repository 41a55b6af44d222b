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

QString countOf(qint64 count, const QString &singular, const QString &plural)
{
    return u"%1 %2"_s.arg(count).arg(count == 1 ? singular : plural);
}

} // namespace Deck::Report
