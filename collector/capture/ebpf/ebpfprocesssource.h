// SPDX-License-Identifier: GPL-3.0-or-later
// The primary process capture backend (DESIGN.md "Capture"): the BPF programs of process.bpf.c on the raw
// tracepoints sched_process_exec/fork/exit and sys_enter/sys_exit (set*id calls) deliver proc.exec, proc.fork,
// proc.exit and proc.cred events, with argv, exe, cwd, cgroup and environment read in the kernel at the exec.
//
// Contract: start() loads and attaches the programs and starts one consumer thread, which polls the ring buffer,
// decodes the records (ProcessRecordDecoder) and calls sink.deliver() for each event, and every lossPollInterval
// reads the loss counters (LossReader) and refreshes the boot-to-UTC clock offset. After a loss it drains the ring
// buffer and resyncs its process table from /proc (ProcessTable::resync: a proc.exit without code for each process
// that ended unseen, a proc.snapshot for each one whose fork, exec or credential change was lost). stop() detaches the
// programs, drains every record still in the ring buffer, reports the last losses and joins the thread; it is safe to
// call twice, and the destructor calls it. Errors: start() returns a one-line reason ("bpf: loading the process
// programs: operation not permitted", "BTF not available: ...") when the mechanism cannot run here, so the caller falls
// back to the next source. Thread: start()/stop() from one owning thread; the sink is called from the consumer thread
// only.
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
    // Environment variables recorded in proc.exec; empty: the environment area is not read at all.
    QStringList environment{QStringLiteral("SSH_CONNECTION"), QStringLiteral("SUDO_USER"),
                            QStringLiteral("LD_PRELOAD")};
    // proc.cred events need the raw syscall tracepoints, which put every system call on the machine on the kernel's
    // slow path: measured +170 ns per call on a 6.18 VM (of which our programs take a few ns). Off: no proc.cred
    // (an exec still records the credentials it runs with).
    bool credentialEvents = true;
    // When set, proc.exec events (and the resync's snapshots) get exe_digest.
    std::shared_ptr<ExeDigests> digests;
    std::chrono::milliseconds lossPollInterval{100};
    // Test seam: start with the consumer not reading the ring buffer (losses are still polled), as a stalled
    // collector would; setConsumerPaused(false) lets it catch up.
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
    std::unique_ptr<State> m_state;
};

} // namespace Flight::Capture
