// SPDX-License-Identifier: GPL-3.0-or-later
#include "clockoffsets.h"

#include <QMap>
#include <algorithm>

namespace Deck::Core {

QList<ClockOffset> estimateClockOffsets(const QList<ClockSample> &samples)
{
    QMap<std::pair<qint64, qint64>, QList<qint64>> byPair;
    for (const ClockSample &s : samples) {
        if (s.clientHostId == s.serverHostId)
            continue;
        if (s.clientHostId < s.serverHostId)
            byPair[{s.clientHostId, s.serverHostId}].append(s.deltaNs);
        else
            byPair[{s.serverHostId, s.clientHostId}].append(-s.deltaNs);
    }
    QList<ClockOffset> offsets;
    for (auto it = byPair.begin(); it != byPair.end(); ++it) {
        QList<qint64> &deltas = it.value();
        std::sort(deltas.begin(), deltas.end());
        const qsizetype n = deltas.size();
        // The median; of an even count, the mean of the middle two (halved first: no overflow).
        const qint64 median = n % 2 ? deltas[n / 2] : deltas[n / 2 - 1] / 2 + deltas[n / 2] / 2;
        offsets.append({it.key().first, it.key().second, median, deltas.constFirst(), deltas.constLast(), int(n)});
    }
    return offsets;
}

QString offsetText(qint64 ns)
{
    const qint64 us = (ns < 0 ? ns - 500 : ns + 500) / 1000; // rounded to the µs, half away from zero
    const qint64 magnitude = us < 0 ? -us : us;
    return QStringLiteral("%1%2.%3 ms")
        .arg(us < 0 ? QStringLiteral("-") : QStringLiteral("+"))
        .arg(magnitude / 1000)
        .arg(magnitude % 1000, 3, 10, QLatin1Char('0'));
}

std::optional<qint64> clockOffset(const QList<ClockOffset> &offsets, qint64 from, qint64 to)
{
    if (from == to)
        return 0;
    for (const ClockOffset &o : offsets) {
        if (o.hostA == from && o.hostB == to)
            return o.offsetNs;
        if (o.hostA == to && o.hostB == from)
            return -o.offsetNs;
    }
    return std::nullopt;
}

} // namespace Deck::Core
