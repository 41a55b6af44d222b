// SPDX-License-Identifier: GPL-3.0-or-later
#include "timetext.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Deck::Core {

QString isoTime(qint64 ns)
{
    qint64 seconds = ns / 1000000000;
    qint64 fraction = ns % 1000000000;
    if (fraction < 0) {
        fraction += 1000000000;
        --seconds;
    }
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(u"yyyy-MM-ddTHH:mm:ss"_s)
        + u".%1Z"_s.arg(fraction, 9, 10, QLatin1Char('0'));
}

std::optional<qint64> parseTime(const QString &text)
{
    bool isNumber = false;
    const qint64 ns = text.toLongLong(&isNumber);
    if (isNumber)
        return ns;
    static const QRegularExpression iso(
        u"^(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2})?)(?:\\.(\\d{1,9}))?)?(Z|\\+00:?00)?$"_s);
    const auto match = iso.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const QDate date = QDate::fromString(match.captured(1), Qt::ISODate);
    QTime time(0, 0);
    if (match.hasCaptured(2)) {
        const QString clock = match.captured(2);
        time = QTime::fromString(clock, clock.size() == 5 ? u"HH:mm"_s : u"HH:mm:ss"_s);
    }
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    const qint64 seconds = QDateTime(date, time, QTimeZone::utc()).toSecsSinceEpoch();
    const QString digits = match.captured(3).leftJustified(9, u'0');
    qint64 result = 0;
    if (__builtin_mul_overflow(seconds, qint64(1000000000), &result)
        || __builtin_add_overflow(result, digits.toLongLong(), &result))
        return std::nullopt;
    return result;
}

} // namespace Deck::Core
