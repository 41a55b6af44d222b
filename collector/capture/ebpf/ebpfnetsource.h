// SPDX-License-Identifier: GPL-3.0-or-later
// The primary network endpoint backend (DESIGN.md "Capture"): the programs of net.bpf.c deliver net.endpoint events
// for TCP connect, accept, listen and close and UDP bind and first send to each destination, IPv4 and IPv6, each with
// the key of the process that did it (how each is attributed is described at the top of net.bpf.c). TCP comes from
// raw tracepoints, UDP from cgroup programs on the cgroup v2 root; when those cannot be attached (no cgroup v2 mount)
// the source still runs, degraded, and its backend reason says UDP is not captured.
//
// Contract: start() loads and attaches the programs, delivers the start-up snapshot of the sockets already open (op
// `exists`, with their owners, see socketdiag.h) and starts one consumer thread that decodes the ring buffer into the
// sink and reads the loss counters every lossPollInterval. stop() detaches, drains what is left, reports the last
// losses and joins; safe twice, and the destructor calls it. start() fails with a one-line reason when the mechanism
// cannot run here, so the caller falls back to polling.
#pragma once

#include "eventsource.h"

#include <chrono>
#include <memory>

namespace Flight::Capture {

struct EbpfNetOptions
{
    // Ring buffer size in bytes: a power of two and a multiple of the page size.
    qint64 ringBufferBytes = 1024 * 1024;
    // A process (normally the collector's own) whose sockets are left out; 0: none.
    qint64 excludePid = 0;
    // scope = namespace: the inode numbers of the collector's pid and network namespaces; only sockets of processes of
    // that pid namespace (and, before a process claims it, of that network namespace) are recorded. 0: all.
    quint32 pidNamespace = 0;
    quint32 netNamespace = 0;
    // Where the cgroup v2 hierarchy is mounted; empty: found in /proc/self/mountinfo.
    QString cgroupRoot;
    // Deliver the sockets open at start as `exists` events.
    bool startSnapshot = true;
    std::chrono::milliseconds lossPollInterval{100};
};

class EbpfNetSource final : public EventSource
{
public:
    explicit EbpfNetSource(EbpfNetOptions options = {});
    ~EbpfNetSource() override;
    EbpfNetSource(const EbpfNetSource &) = delete;
    EbpfNetSource &operator=(const EbpfNetSource &) = delete;

    Format::Backend backend() const override;
    Expected<void> start(EventSink &sink) override;
    void stop() override;

private:
    struct State;
    EbpfNetOptions m_options;
    QString m_degradedReason;
    std::unique_ptr<State> m_state;
};

} // namespace Flight::Capture
