// SPDX-License-Identifier: GPL-3.0-or-later
// Kernel log records of /dev/kmsg (Documentation/ABI/testing/dev-kmsg): "prio,seq,ts_usec,flags[,...];text\n"
// followed by continuation lines (" KEY=value") that carry the record's dictionary and are ignored. A pure parser,
// tested on fixtures, and the filter that keeps the lines `host.kmsg` records: kernel-facility lines about modules
// and BPF (module loads, signature and taint messages, out-of-tree/unsigned modules, livepatch, BPF and eBPF
// warnings, "Modules linked in" of an oops). Lines that user space wrote into /dev/kmsg (facility other than kernel)
// are never kept: root could otherwise forge kernel lines.
// Hostile input: a malformed record is an error naming the reason; text is cut to 8 KiB.
#pragma once

#include "event.h"
#include "expected.h"

namespace Flight::Integrity {

struct KmsgRecord
{
    qint64 seq = 0;
    int level = 0; // 0 (emerg) ... 7 (debug)
    int facility = 0; // 0: the kernel; user space writes with 1 (user) or what it says
    qint64 tsUsec = 0; // the kernel's timestamp: µs of its local clock since boot (not counting suspend)
    bool continuation = false; // flags 'c': a fragment continued by the next record
    QString text;
    bool operator==(const KmsgRecord &) const = default;
};

// One record as a read(2) of /dev/kmsg returns it (with or without its continuation lines).
Expected<KmsgRecord> parseKmsgRecord(QByteArrayView record);

// Whether `record` is a kernel line about modules or BPF.
bool isAboutModulesOrBpf(const KmsgRecord &record);

Format::KernelLog toKernelLog(const KmsgRecord &record);

} // namespace Flight::Integrity
