// SPDX-License-Identifier: GPL-3.0-or-later
// Times as people and scripts write them: UTC ns since the epoch, or ISO-8601 in UTC with up to nine digits of
// fraction ("2025-10-09T08:55:23.123456789Z"; the date alone means its midnight; "Z", "+00:00" or no zone).
#pragma once

#include <QString>
#include <optional>

namespace Deck::Core {

// "2025-10-09T08:55:23.123456789Z".
QString isoTime(qint64 ns);
// ns, or ISO-8601 UTC; nullopt for anything else (another zone included: times in a case are UTC).
std::optional<qint64> parseTime(const QString &text);

} // namespace Deck::Core
