// SPDX-License-Identifier: GPL-3.0-or-later
// Turns the ring-buffer records of process.bpf.c (layouts in processrecord.h) into FORMAT.md §2 events. A pure
// function of the record bytes, except for two things a record cannot carry (below). The exe and cwd paths read as
// readlink(/proc/<pid>/exe) does, so every backend names a file alike: one the program flagged unlinked (deleted, or
// a memfd: "/memfd:NAME") gets the " (deleted)" that d_path() adds. What a record cannot carry:
// - /proc fallbacks, taken only when the BPF program flagged a part it could not read (argv fault, a path walk that
//   did not reach the root): the live /proc/<pid> entry is used if it still belongs to the same process key (the
//   start time is checked, so a reused PID never lends its data), otherwise the part is left out (argv: marked
//   truncated) rather than guessed;
// - de-duplication (decode() returns nullopt): on kernels without sched_process_exit's group_dead argument, two
//   threads dying at once may both see the thread group dead, so a second proc.exit of a key is dropped.
// (proc.cred does not come through here: the eBPF source takes it from the proc connector, proccredreader.h.)
// Errors: a record that does not match its layout (wrong size, unknown kind) is an Error naming the reason; the
// caller counts it as lost. Not thread-safe: one consumer thread owns an instance.
#pragma once

#include "event.h"
#include "expected.h"

#include <QSet>
#include <QStringList>
#include <deque>
#include <memory>

namespace Flight::Capture {

class ExeDigests;

class ProcessRecordDecoder
{
public:
    struct Options
    {
        qint64 clockTicksPerSecond = 100;
        QStringList environment; // allow-listed environment variables kept from the exec record
        QString procRoot = QStringLiteral("/"); // where /proc is found, for the fallbacks
        std::shared_ptr<ExeDigests> digests; // when set, proc.exec gets exe_digest (this reads the executable)
    };

    explicit ProcessRecordDecoder(Options options);

    // `realtimeOffset` is CLOCK_REALTIME - CLOCK_BOOTTIME in ns (BootClock::offset()).
    Expected<std::optional<Format::Event>> decode(QByteArrayView record, qint64 realtimeOffset);

    // FORMAT.md §2.2: start_boottime in ns -> clock ticks since boot, rounded down as the kernel does for /proc.
    qint64 ticks(quint64 startNs) const;

private:
    Format::ProcKey key(quint32 pid, quint64 startNs) const;
    Expected<Format::Event> decodeExec(QByteArrayView record);
    bool seenExit(const Format::ProcKey &key);

    using KeyPair = std::pair<qint64, qint64>;
    Options m_options;
    quint64 m_nsPerTick = 10'000'000;
    QSet<KeyPair> m_recentExits;
    std::deque<KeyPair> m_recentExitOrder;
};

} // namespace Flight::Capture
