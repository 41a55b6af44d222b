// SPDX-License-Identifier: GPL-3.0-or-later
// The process table behind NetlinkProcSource: turns the kernel's process events (procconnector.h) into FORMAT.md
// events whose keys survive PID reuse, reading /proc at the moment an event is handled. Not thread-safe: one thread
// (the source's reader) owns it. It never fails; what it cannot know it counts (counters()).
//
// Keys. A pid's start ticks are read once — for every live process at start, at fork, at exec of a pid not yet known,
// at resync — and kept until its exit, so an exit never re-reads /proc after the pid could have been reused. A /proc
// read is accepted as the event's process only when the start it finds is not later than the event; when the child
// of a fork is already gone (or its pid already reused), its start is computed from the event's kernel timestamp,
// which can be one tick later than the kernel's value (counted as estimatedStarts).
//
// Credentials. The table keeps the uid/euid/gid/egid per process as the events leave them (read at start and at
// resync, inherited from the parent at fork, changed by UID/GID events); they are the prev_* of proc.cred and the
// credentials of proc.exec, because /proc may already show changes whose events are still queued. UID/GID events
// become proc.cred by the rules of credentialchange.h (shared with the eBPF source); one for a process the table did
// not know is counted as credsWithoutPrev.
//
// Exec of a process that is already gone when the event is handled: a proc.exec with the key and parent from the
// table, empty comm, argv [] with argv_truncated true (nothing of the argument area could be read), no exe, cwd, tty
// or cgroup, and the last known credentials. Exec of a process that is already exiting (a zombie keeps its comm but
// no memory or files): what /proc still shows, argv [] with argv_truncated true. Both count as incompleteExecs.
//
// Events of processes the table does not know and /proc no longer shows cannot be keyed; they are counted as unkeyed
// and not delivered. That happens only for processes that ended while start() ran, or after an overflow.
#pragma once

#include "procconnector.h"
#include "processtable.h"

namespace Flight::Capture {

class ProcEventTracker
{
public:
    struct Counters
    {
        qint64 estimatedStarts = 0;
        qint64 incompleteExecs = 0;
        qint64 credsWithoutPrev = 0;
        qint64 unkeyed = 0;
    };

    explicit ProcEventTracker(ReadOptions options);

    // Learns the key, parent, comm and credentials of every live process, delivering nothing (the recorder writes
    // the start snapshot itself).
    void learnLiveProcesses();

    // Appends the events for one kernel event: none for threads, acknowledgements and unchanged credentials.
    void handle(const ProcConnectorEvent &event, QList<Format::Event> &out);

    // After events were lost: ProcessTable::resync().
    void resync(QList<Format::Event> &out) { m_table.resync(out); }

    qsizetype size() const { return m_table.size(); }
    std::optional<Format::ProcKey> keyOf(qint64 pid) const;
    const Counters &counters() const { return m_counters; }

private:
    using Known = ProcessTable::Entry;

    void fork(const ProcConnectorEvent &e, QList<Format::Event> &out);
    void exec(const ProcConnectorEvent &e, QList<Format::Event> &out);
    void exit(const ProcConnectorEvent &e, QList<Format::Event> &out);
    void credentials(const ProcConnectorEvent &e, QList<Format::Event> &out);

    Format::ProcKey parentKey(qint64 ppid, qint64 notAfterTicks);
    // Clock ticks since boot at a kernel timestamp, rounded down like /proc. Checks allow one tick more: the offset
    // between the clocks is read in user space, a little after the kernel stamped the event.
    qint64 ticksAt(quint64 monotonicNs) const;
    Format::Event at(quint64 monotonicNs, Format::EventBody body) const;

    qint64 m_nsPerTick = 10000000;
    ProcessTable m_table;
    Counters m_counters;
};

} // namespace Flight::Capture
