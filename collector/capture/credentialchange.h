// SPDX-License-Identifier: GPL-3.0-or-later
// proc.cred from the kernel's UID and GID events (procconnector.h), for both process sources that take credential
// changes from the proc connector: NetlinkProcSource (through ProcEventTracker) and the eBPF source (through
// ProcCredReader). Not thread-safe: the table's owner calls it.
//
// The rules: a UID event carries uid/euid and a GID event gid/egid; the other pair, and prev_*, come from the process
// table, which holds the ids as the events leave them (/proc may already show changes whose events are still queued).
// An event that leaves all four unchanged is not delivered: glibc applies setuid() to every thread, and each thread
// reports it. A process the table does not know (its fork was lost, which a rec.loss reports) is learnt from /proc if
// it started no later than the event; prev_* are then the values /proc shows now, and the change is delivered even if
// it looks like none, because the table cannot tell.
#pragma once

#include "procconnector.h"
#include "processtable.h"

namespace Flight::Capture {

// Pure: the proc.cred that the UID or GID `event` makes of process `proc`, whose ids were `before`. nullopt when the
// event leaves all four ids as they were and `beforeKnown`, or when `event` is neither a UID nor a GID event.
std::optional<Format::ProcCred> credentialChange(const Format::ProcKey &proc, const ProcIds &before,
                                                 const ProcConnectorEvent &event, bool beforeKnown = true);

struct CredentialOutcome
{
    std::optional<Format::ProcCred> cred; // to deliver, at the event's time
    bool learnt = false; // the table did not know the process: prev_* are what /proc showed
    bool unkeyed = false; // neither the table nor /proc (with a start no later than the event) knows it: nothing
};

// Applies the UID or GID `event` to `table` (ProcessTable::findOrLearn, then the process's ids become the event's).
// `notAfterTicks`: the event's time in clock ticks since boot, plus one (the offset between the kernel's clock and
// boot time is read in user space, a little after the kernel stamped the event).
CredentialOutcome applyCredentialEvent(ProcessTable &table, const ProcConnectorEvent &event, qint64 notAfterTicks);

} // namespace Flight::Capture
