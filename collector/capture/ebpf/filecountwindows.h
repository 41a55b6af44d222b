// SPDX-License-Identifier: GPL-3.0-or-later
// The userspace half of file.bpf.c's in-kernel aggregation (FORMAT.md file.access `count`, `last_ts`): the kernel
// counts every access of a (process, file, operation) in its `counts` map and writes one record, with the path, for the
// first; this class holds that record for `window` and then takes the kernel's count with
// bpf_map_lookup_and_delete_elem(), so the archive gets one event per (process, path, operation) and window with the
// exact number of accesses and the times of the first and the last. The next access after the take starts a new entry,
// a new record and a new window. A record the kernel could not count (its map was full: FLIGHT_FILE_UNCOUNTED) stands
// for one access and is folded by a FileAggregator instead, with the same window. Paths the filter rejects are counted
// by the kernel all the same (an entry is cheaper than a record per access) and dropped when their window closes; an
// access whose path the kernel could not read is reported as rec.loss {source "file.ebpf"} with its count.
// Exactness has one gap: a program on another CPU that looked the entry up just before the take and adds just after
// adds to the deleted entry (freed after an RCU grace period, never reused for another key meanwhile), so that access
// is missing from the count: at most one per CPU, window and key, in a span of nanoseconds.
// Not thread-safe: the consumer thread of EbpfFileSource owns it.
#pragma once

#include "bootclock.h"
#include "event.h"
#include "expected.h"
#include "fileaggregator.h"
#include "pathfilter.h"

#include <QHash>
#include <chrono>
#include <deque>

namespace Flight::Capture {

class FileCountWindows
{
public:
    // `countsFd`: file.bpf.c's `counts` map; `nsPerTick`: 1e9 / CLK_TCK, for process keys in clock ticks.
    FileCountWindows(int countsFd, std::chrono::nanoseconds window, PathFilter filter, qint64 nsPerTick);

    // Takes one ring-buffer record; fails, naming the defect, when it is not a well-formed file record.
    Expected<void> add(QByteArrayView record, const BootClock &clock, QList<Format::Event> &out);
    // Closes every window opened at or before nowMono - window (CLOCK_BOOTTIME ns), or all of them.
    void close(qint64 nowMono, const BootClock &clock, QList<Format::Event> &out);
    void closeAll(const BootClock &clock, QList<Format::Event> &out);

    qsizetype pending() const { return m_pending.size(); }

private:
    struct Window
    {
        Format::FileAccess access;
        qint64 firstMono = 0;
        bool accepted = false; // the filter accepts the path
        bool pathMissing = false;
    };
    void closeFront(const BootClock &clock, QList<Format::Event> &out);

    int m_countsFd;
    qint64 m_windowNs;
    PathFilter m_filter;
    qint64 m_nsPerTick;
    FileAggregator m_uncounted;
    QHash<QByteArray, Window> m_pending; // by the kernel's key (struct flight_file_key), as bytes
    std::deque<std::pair<qint64, QByteArray>> m_opened; // (first mono, key), in the order the records came
};

} // namespace Flight::Capture
