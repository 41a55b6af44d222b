// SPDX-License-Identifier: GPL-3.0-or-later
// Converts CLOCK_BOOTTIME nanoseconds (what BPF programs stamp with bpf_ktime_get_boot_ns()) to UTC nanoseconds
// (CLOCK_REALTIME): ts = mono + offset, where offset = REALTIME - BOOTTIME is measured by refresh(). The offset
// changes when the wall clock is set or slewed, so the owner refreshes it periodically (the eBPF source: with
// every loss poll). Not thread-safe: one thread owns an instance.
#pragma once

#include <QtGlobal>

namespace Flight::Capture {

class BootClock
{
public:
    BootClock() { refresh(); }

    // Measures the offset, bracketing the CLOCK_REALTIME read with two CLOCK_BOOTTIME reads.
    void refresh();
    qint64 offset() const { return m_offset; }
    qint64 toRealtime(qint64 bootNs) const { return bootNs + m_offset; }

private:
    qint64 m_offset = 0;
};

} // namespace Flight::Capture
