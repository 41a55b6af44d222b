// SPDX-License-Identifier: GPL-3.0-or-later
#include "integritytext.h"

#include "timetext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Deck::Models {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Deck::Models::IntegrityText", text);
}
} // namespace

QString tableTime(qint64 ns)
{
    const qint64 ms = ns >= 0 ? ns / 1000000 : -((-ns + 999999) / 1000000);
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
}

QString fullTime(qint64 ns)
{
    return Core::isoTime(ns);
}

QString severityText(const QString &severity)
{
    if (severity == "high"_L1)
        return tr("high");
    if (severity == "medium"_L1)
        return tr("medium");
    if (severity == "low"_L1)
        return tr("low");
    if (severity.isEmpty())
        return tr("\u2014"); // a kernel log line has no severity
    return severity;
}

QVariant severityColor(const QString &severity)
{
    if (severity == "high"_L1)
        return QColor(0xc6, 0x28, 0x28);
    if (severity == "medium"_L1)
        return QColor(0xb2, 0x6a, 0x00);
    return {};
}

QString triageText(const QString &triage)
{
    if (triage == "new"_L1)
        return tr("new");
    if (triage == "investigating"_L1)
        return tr("investigating");
    if (triage == "benign"_L1)
        return tr("benign");
    if (triage == "malicious"_L1)
        return tr("malicious");
    return triage;
}

QVariant triageColor(const QString &triage)
{
    if (triage == "new"_L1)
        return QColor(0x15, 0x65, 0xc0);
    if (triage == "investigating"_L1)
        return QColor(0xb2, 0x6a, 0x00);
    if (triage == "benign"_L1)
        return QColor(0x2e, 0x7d, 0x32);
    if (triage == "malicious"_L1)
        return QColor(0xc6, 0x28, 0x28);
    return {};
}

} // namespace Deck::Models
