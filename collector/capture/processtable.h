// SPDX-License-Identifier: GPL-3.0-or-later
// What a process source believes is alive: pid -> start ticks (the key), parent key, credentials and comm, and its
// repair from /proc after events were lost (DESIGN.md: after a loss, a /proc resync). Not thread-safe: the source's
// reader thread owns it. ProcEventTracker (netlink) keeps it itself; the eBPF source feeds it the events it delivers
// (apply()). Both change credentials with applyCredentialEvent() (credentialchange.h).
//
// resync() re-reads /proc and appends, in this order:
//  - proc.exit without code or signal for every process the table holds that is gone, or whose pid now has another
//    start (reuse) — its exit was lost, or is still queued behind the loss and will follow with its code;
//  - proc.snapshot ("seen alive") for every live process the table did not hold, or held with another comm or other
//    credentials (its fork, exec or credential change was lost).
// The table then holds exactly what /proc showed.
#pragma once

#include "event.h"
#include "procfs.h"

#include <QHash>

namespace Flight::Capture {

class ProcessTable
{
public:
    struct Entry
    {
        qint64 start = 0;
        Format::ProcKey parent;
        ProcIds ids;
        QString comm;
    };

    explicit ProcessTable(ReadOptions options);

    // Learns every live process from /proc (stat and status only), delivering nothing: the recorder writes the
    // start snapshot itself.
    void learnLiveProcesses();

    // Keeps the table in step with an event the source delivers: fork, exec and snapshot add or replace the process,
    // exit removes it, cred changes its credentials. Events for another start of the pid are ignored.
    void apply(const Format::Event &event);

    void resync(QList<Format::Event> &out);

    Entry *find(qint64 pid);
    const Entry *find(qint64 pid) const;
    // The entry of `pid`, else one learnt from /proc now (stat and status; the parent's start from the table) if that
    // process started no later than `notAfterTicks` (clock ticks since boot): a later start is another process that
    // reused the pid. nullptr when neither.
    Entry *findOrLearn(qint64 pid, qint64 notAfterTicks);
    Entry &insert(qint64 pid, Entry entry);
    void erase(qint64 pid);
    qsizetype size() const { return m_entries.size(); }
    const ReadOptions &options() const { return m_options; }

private:
    ReadOptions m_options;
    QHash<qint64, Entry> m_entries;
};

} // namespace Flight::Capture
