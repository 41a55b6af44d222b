// SPDX-License-Identifier: GPL-3.0-or-later
#include "timescale.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deck::Models {

namespace {

constexpr qint64 kUs = 1000;
constexpr qint64 kMs = 1000 * kUs;
constexpr qint64 kSecond = 1000 * kMs;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

// Above a second the steps follow the clock and the calendar, not powers of ten.
constexpr qint64 kClockSteps[]
    = {kSecond,     2 * kSecond, 5 * kSecond,  10 * kSecond, 15 * kSecond, 30 * kSecond, kMinute,
       2 * kMinute, 5 * kMinute, 10 * kMinute, 15 * kMinute, 30 * kMinute, kHour,        2 * kHour,
       3 * kHour,   6 * kHour,   12 * kHour,   kDay,         2 * kDay,     7 * kDay};

struct TimeText
{
    Q_DECLARE_TR_FUNCTIONS(Deck::Models::TimeScale)
};

QString fraction(qint64 nsOfSecond, int digits)
{
    qint64 value = nsOfSecond;
    for (int i = digits; i < 9; ++i)
        value /= 10;
    return u"%1"_s.arg(value, digits, 10, QLatin1Char('0'));
}

int fractionDigits(qint64 precision)
{
    if (precision % kSecond == 0)
        return 0;
    if (precision % kMs == 0)
        return 3;
    if (precision % kUs == 0)
        return 6;
    return 9;
}

QString tickLabel(qint64 ns, qint64 step, bool manyDays)
{
    const qint64 seconds = floorTo(ns, kSecond) / kSecond;
    const QDateTime time = QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc());
    if (step >= kDay)
        return time.toString(u"yyyy-MM-dd"_s);
    if (step >= kMinute)
        return time.toString(manyDays ? u"MM-dd HH:mm"_s : u"HH:mm"_s);
    QString label = time.toString(manyDays ? u"MM-dd HH:mm:ss"_s : u"HH:mm:ss"_s);
    if (const int digits = fractionDigits(step))
        label += u'.' + fraction(ns - seconds * kSecond, digits);
    return label;
}

} // namespace

qint64 floorTo(qint64 ns, qint64 step)
{
    const qint64 rest = ns % step;
    return rest < 0 ? ns - rest - step : ns - rest;
}

qint64 ceilTo(qint64 ns, qint64 step)
{
    const qint64 floor = floorTo(ns, step);
    return floor == ns ? ns : floor + step;
}

qint64 niceStepAtLeast(qint64 ns)
{
    if (ns <= 1)
        return 1;
    if (ns <= kSecond) {
        for (qint64 decade = 1; decade <= kSecond; decade *= 10) {
            for (const qint64 factor : {1, 2, 5}) {
                if (decade * factor >= ns)
                    return decade * factor;
            }
        }
    }
    for (const qint64 step : kClockSteps) {
        if (step >= ns)
            return step;
    }
    return ceilTo(ns, 7 * kDay); // weeks
}

qint64 bucketFor(qint64 from, qint64 to, int maxBuckets)
{
    const qint64 span = std::max<qint64>(1, to - from);
    const qint64 buckets = std::max(1, maxBuckets);
    return niceStepAtLeast((span + buckets - 1) / buckets);
}

QList<TimeTick> timeTicks(qint64 from, qint64 to, int maxTicks)
{
    QList<TimeTick> ticks;
    if (to <= from || maxTicks < 1)
        return ticks;
    const qint64 step = niceStepAtLeast((to - from + maxTicks - 1) / maxTicks);
    const bool manyDays = floorTo(from, kDay) != floorTo(to, kDay);
    for (qint64 ns = ceilTo(from, step); ns <= to; ns += step)
        ticks.append({ns, tickLabel(ns, step, manyDays)});
    return ticks;
}

QString utcText(qint64 ns, qint64 precision)
{
    const qint64 seconds = floorTo(ns, kSecond) / kSecond;
    QString text = QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(u"yyyy-MM-dd HH:mm:ss"_s);
    if (const int digits = fractionDigits(std::max<qint64>(1, precision)))
        text += u'.' + fraction(ns - seconds * kSecond, digits);
    return text + u" UTC"_s;
}

QString durationText(qint64 ns)
{
    struct Unit
    {
        qint64 size;
        const char *name;
    };
    static const Unit units[] = {{kDay, QT_TRANSLATE_NOOP("Deck::Models::TimeScale", "%1 d")},
                                 {kHour, QT_TRANSLATE_NOOP("Deck::Models::TimeScale", "%1 h")},
                                 {kMinute, QT_TRANSLATE_NOOP("Deck::Models::TimeScale", "%1 min")},
                                 {kSecond, QT_TRANSLATE_NOOP("Deck::Models::TimeScale", "%1 s")},
                                 {kMs, QT_TRANSLATE_NOOP("Deck::Models::TimeScale", "%1 ms")},
                                 {kUs, QT_TRANSLATE_NOOP("Deck::Models::TimeScale", "%1 µs")},
                                 {1, QT_TRANSLATE_NOOP("Deck::Models::TimeScale", "%1 ns")}};
    if (ns <= 0)
        return TimeText::tr("%1 ns").arg(0);
    // The two largest units, as "1 h 30 min"; below a second, one unit with a decimal fraction when it needs one.
    QStringList parts;
    qint64 rest = ns;
    for (const Unit &unit : units) {
        if (rest < unit.size)
            continue;
        if (unit.size <= kSecond && parts.isEmpty()) {
            const double value = double(rest) / double(unit.size);
            parts.append(TimeText::tr(unit.name).arg(QString::number(value, 'g', rest % unit.size ? 3 : 10)));
            break;
        }
        parts.append(TimeText::tr(unit.name).arg(rest / unit.size));
        rest %= unit.size;
        if (parts.size() == 2 || rest == 0 || unit.size <= kSecond)
            break;
    }
    return parts.join(u' ');
}

} // namespace Deck::Models
