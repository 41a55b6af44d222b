// SPDX-License-Identifier: GPL-3.0-or-later
// How the views write times, durations and long identifiers for people: UTC always (times in a case are UTC and an
// analyst compares them across hosts), seconds precision in tables (the full ISO-8601 time with nanoseconds in
// tooltips), durations in the largest sensible units, digests and fingerprints shortened with the full text kept
// for tooltips and dialogs.
// Thread: any.
#pragma once

#include "timescale.h"

#include <QColor>
#include <QString>

namespace Deck::Models {

// Times and durations: utcText() and durationText() of timescale.h; tables show whole seconds (kTableTimePrecision).
constexpr qint64 kTableTimePrecision = 1'000'000'000;
// "BLAKE2B:k3Jd9aQx…" — the scheme and the first `keep` characters after it.
QString shortId(const QString &id, int keep = 10);

// Text colours of states an analyst must notice: a warning (held, a gap) and an alarm (untrusted, refused). Dark
// enough to read on a light background.
inline QColor warningColor()
{
    return QColor(0xb3, 0x5c, 0x00);
}
inline QColor alarmColor()
{
    return QColor(0xb0, 0x1c, 0x1c);
}

} // namespace Deck::Models
