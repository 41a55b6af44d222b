// SPDX-License-Identifier: GPL-3.0-or-later
#include "displaytext.h"

#include <QCoreApplication>
#include <QDateTime>

namespace Deck::Models {

QString utcText(qint64 ns)
{
    const qint64 ms = ns >= 0 ? ns / 1000000 : -((-ns + 999999) / 1000000);
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString durationText(qint64 ns)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("Deck::Models::DisplayText", text); };
    const qint64 ms = std::max<qint64>(0, ns) / 1000000;
    const qint64 s = ms / 1000;
    if (s < 1)
        return tr("%1 ms").arg(ms);
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return s % 60 ? tr("%1 min %2 s").arg(s / 60).arg(s % 60) : tr("%1 min").arg(s / 60);
    if (s < 86400)
        return (s / 60) % 60 ? tr("%1 h %2 min").arg(s / 3600).arg((s / 60) % 60) : tr("%1 h").arg(s / 3600);
    return (s / 3600) % 24 ? tr("%1 d %2 h").arg(s / 86400).arg((s / 3600) % 24) : tr("%1 d").arg(s / 86400);
}

QString shortId(const QString &id, int keep)
{
    const qsizetype colon = id.indexOf(u':');
    const qsizetype end = colon + 1 + keep;
    return end < id.size() ? id.left(end) + QChar(0x2026) : id;
}

} // namespace Deck::Models
