// SPDX-License-Identifier: GPL-3.0-or-later
// The primary process capture backend (DESIGN.md "Capture"): the BPF programs of process.bpf.c on the raw
// tracepoints sched_process_exec/fork/exit deliver proc.exec, proc.fork and proc.exit, with argv, exe, cwd, cgroup and
// environment read in the kernel at the exec; proc.cred comes from the kernel's process events connector (UID and GID
// events, sent by commit_creds(); ProcCredReader). No program hooks a system call: the raw syscall tracepoints would
// put every system call of the machine on the kernel's slow path.
//
// Contract: start() loads and attaches the programs, subscribes to the connector and starts one consumer thread, which
// waits on both, takes the ring buffer's records first and the connector's events after them, and delivers both in
// the order of their kernel timestamps (the connector's CLOCK_MONOTONIC converted to boot time), holding back what is
// stamped after the moment it began to read until the next round: a credential change is thereby applied to the
// process table after the fork or exec before it and before the exec after it, so prev_* and proc.exec's ids are
// those of the moment. Every lossPollInterval it reads the loss counters (LossReader) and refreshes the boot-to-UTC
// clock offset. A loss — ring buffer records (rec.loss "proc.ebpf") or connector messages (ENOBUFS, sequence gaps:
// rec.loss "proc.cred") — is followed, once everything queued is delivered, by a resync of its process table from
// /proc (ProcessTable::resync: a proc.exit without code for each process that ended unseen, a proc.snapshot for each
// one whose fork, exec or credential change was lost). stop() detaches the programs, drains the ring buffer and the
// connector, reports the last losses, joins the thread and unsubscribes; it is safe to call twice, and the destructor
// calls it. Errors: start() returns a one-line reason ("bpf: loading the process programs: operation not permitted",
// "BTF not available: ...") when the mechanism cannot run here, so the caller falls back to the next source; a
// connector that cannot be subscribed does not stop it: proc.cred is then not captured, and backend() is degraded and
// says why. Thread: start()/stop()/backend() from one owning thread; the sink is called from the consumer thread only.
#pragma once

#include "eventsource.h"

#include <QStringList>
#include <chrono>
#include <memory>

namespace Flight::Capture {

class ExeDigests;

struct EbpfProcessOptions
{
    // Ring buffer size in bytes: a power of two and a multiple of the page size.
    qint64 ringBufferBytes = 8 * 1024 * 1024;
    // A process (normally the collector's own) whose exec, exit and credential events are left out; 0: none.
    qint64 excludePid = 0;
    // scope = namespace: the inode number of the collector's pid namespace; only its processes are recorded, under
    // their pids in it. proc.cred is then not captured (the proc connector reports only in the initial namespaces,
    // with global pids) and backend() says so. 0: every process.
    quint32 pidNamespace = 0;
    // Environment variables recorded in proc.exec; empty: the environment area is not read at all.
    QStringList environment{QStringLiteral("SSH_CONNECTION"), QStringLiteral("SUDO_USER"),
                            QStringLiteral("LD_PRELOAD")};
    // Subscribe to the proc connector's UID and GID events for proc.cred (needs CONFIG_PROC_EVENTS; costs nothing
    // outside commit_creds()). Off: no proc.cred (an exec still records the credentials it runs with).
    bool credentialEvents = true;
    // The connector socket's receive buffer in bytes (what the kernel queues while the consumer is busy).
    qint64 connectorBufferBytes = 32 * 1024 * 1024;
    // When set, proc.exec events (and the resync's snapshots) get exe_digest.
    std::shared_ptr<ExeDigests> digests;
    std::chrono::milliseconds lossPollInterval{100};
    // Test seam: start with the consumer reading neither the ring buffer nor the connector (losses are still polled),
    // as a stalled collector would; setConsumerPaused(false) lets it catch up.
    bool startPaused = false;
    // Test seam: find the end of a thread group from signal->live, as on kernels before 6.16, even where the
    // sched_process_exit tracepoint passes group_dead itself.
    bool exitFromSignalLive = false;
};

class EbpfProcessSource final : public EventSource
{
public:
    explicit EbpfProcessSource(EbpfProcessOptions options = {});
    ~EbpfProcessSource() override;
    EbpfProcessSource(const EbpfProcessSource &) = delete;
    EbpfProcessSource &operator=(const EbpfProcessSource &) = delete;

    Format::Backend backend() const override;
    Expected<void> start(EventSink &sink) override;
    void stop() override;

    // Test seam (see EbpfProcessOptions::startPaused). Any thread.
    void setConsumerPaused(bool paused);

private:
    struct State;
    EbpfProcessOptions m_options;
    QString m_degradedReason; // why proc.cred is not captured although credentialEvents asked for it
    std::unique_ptr<State> m_state;
};

} // namespace Flight::Capture
