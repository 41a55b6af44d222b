// SPDX-License-Identifier: GPL-3.0-or-later
#include "bootclock.h"

#include "hostinfo.h"

namespace Flight::Capture {

void BootClock::refresh()
{
    const qint64 before = boottimeNs();
    const qint64 real = realtimeNs();
    const qint64 after = boottimeNs();
    m_offset = real - (before + (after - before) / 2);
}

} // namespace Flight::Capture
