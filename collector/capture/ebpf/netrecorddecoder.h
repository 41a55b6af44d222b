// SPDX-License-Identifier: GPL-3.0-or-later
// Turns the records of net.bpf.c (netrecord.h) into FORMAT.md net.endpoint events. Pure: no I/O, any thread. A record
// is untrusted bytes until checked: its size, kind, operation, protocol and address family must be ones this build
// knows, or decode() fails with a one-line reason and the source reports the record as lost.
#pragma once

#include "event.h"
#include "expected.h"

#include <QByteArrayView>

namespace Flight::Capture {

class NetRecordDecoder
{
public:
    explicit NetRecordDecoder(qint64 clockTicksPerSecond);

    // `realtimeOffset`: CLOCK_REALTIME - CLOCK_BOOTTIME in ns (BootClock::offset()).
    Expected<Format::Event> decode(QByteArrayView record, qint64 realtimeOffset) const;

private:
    qint64 m_nsPerTick;
};

} // namespace Flight::Capture
