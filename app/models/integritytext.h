// SPDX-License-Identifier: GPL-3.0-or-later
// How the integrity, alert and bookmark tables show their values: times in UTC to the millisecond (the full ns in
// the tooltip), severities and triage states as translated words with a colour that tells them apart at a glance.
// Thread: any (pure functions).
#pragma once

#include <QColor>
#include <QString>
#include <QVariant>

namespace Deck::Models {

// "2025-10-09 08:55:23.123" (UTC).
QString tableTime(qint64 ns);
// "2025-10-09T08:55:23.123456789Z".
QString fullTime(qint64 ns);
QString severityText(const QString &severity);
// A foreground colour for high and medium; invalid for the others.
QVariant severityColor(const QString &severity);
QString triageText(const QString &triage);
QVariant triageColor(const QString &triage);

} // namespace Deck::Models
