// SPDX-License-Identifier: GPL-3.0-or-later
// Process events from the kernel's proc connector (NETLINK_CONNECTOR, CN_IDX_PROC) plus /proc reads: the first
// fallback when eBPF cannot run (DESIGN.md "Capture"); the manifest states it as degraded, with the caller's reason.
//
// Contract: start() opens and subscribes the socket (ProcConnectorSocket, every event type; CAP_NET_ADMIN on older
// kernels, 6.18 lets anyone; fails when the subscription is not acknowledged within a second, e.g. without
// CONFIG_PROC_EVENTS), learns the keys of all live processes and starts one reader thread; every event is delivered
// from that thread. stop() wakes the reader at once (eventfd), lets it hand over what the kernel had already queued
// (at most about half a second of work; what is left then is reported as a rec.loss), unsubscribes and closes. The
// kernel reports the event, not the process image: argv, exe, cwd and credentials are read from /proc when the event is
// handled, so a process that execs and exits very fast may be reported incompletely (proceventtracker.h says how).
//
// Loss: when the receive buffer overflows (ENOBUFS) or the kernel's per-CPU sequence numbers show a gap, the reader
// keeps draining what is queued, then delivers one rec.loss (source "proc.netlink", count = overflow reports, at least
// 1, a lower bound; the span from the last event delivered before it to the moment of the resync) and resyncs the
// process table from /proc (ProcEventTracker::resync: proc.exit without code for vanished processes, proc.snapshot
// for processes it did not know). If the queue does not drain within a second, it resyncs anyway.
#pragma once

#include "eventsource.h"
#include "procconnector.h"
#include "procconnectorsocket.h"
#include "procfs.h"

#include <QMutex>
#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

namespace Flight::Capture {

class ProcEventTracker;

struct NetlinkProcOptions
{
    // Requested receive buffer (SO_RCVBUFFORCE as root, else SO_RCVBUF, which the kernel caps at rmem_max).
    qint64 receiveBufferBytes = 32 * 1024 * 1024;
    ReadOptions read;
    // Test only: the reader waits this long before every receive, so that a small buffer overflows for real.
    std::chrono::milliseconds testReceiveDelay{0};
};

class NetlinkProcSource final : public EventSource
{
public:
    struct Stats
    {
        qint64 messages = 0; // kernel messages received
        qint64 events = 0; // events delivered (rec.loss included)
        qint64 overflows = 0; // ENOBUFS reports
        qint64 droppedMessages = 0; // messages missing by the per-CPU sequence numbers (threads included)
        qint64 resyncs = 0;
        qint64 receiveBufferBytes = 0; // what the kernel granted (SO_RCVBUF read back)
        qint64 estimatedStarts = 0, incompleteExecs = 0, credsWithoutPrev = 0, unkeyed = 0; // ProcEventTracker
    };

    // `degradedReason` says why eBPF was not used; it goes into backend().
    explicit NetlinkProcSource(QString degradedReason, NetlinkProcOptions options = {});
    ~NetlinkProcSource() override;
    NetlinkProcSource(const NetlinkProcSource &) = delete;
    NetlinkProcSource &operator=(const NetlinkProcSource &) = delete;

    void setDegradedReason(const QString &reason) { m_reason = reason; } // before start()
    Format::Backend backend() const override;
    Expected<void> start(EventSink &sink) override;
    void stop() override;

    // Any thread.
    Stats stats() const;

private:
    Expected<void> subscribe();
    void run();
    void handleDatagram(QByteArrayView datagram);
    void noteSequence(const ProcConnectorEvent &event);
    void beginLoss(const QString &reason);
    void finishLoss(bool resync);
    void deliver(QList<Format::Event> &events);
    void publishStats();
    void closeAll();

    NetlinkProcOptions m_options;
    QString m_reason;
    ProcConnectorSocket m_socket;
    int m_wake = -1;
    EventSink *m_sink = nullptr;
    std::unique_ptr<ProcEventTracker> m_tracker;
    QList<ProcConnectorEvent> m_early; // received before the subscription was acknowledged
    std::thread m_thread;

    // Reader thread only.
    ProcConnectorSequence m_sequence;
    bool m_lossPending = false;
    qint64 m_lossOverflows = 0;
    QString m_lossReason;
    qint64 m_lossTs = 0, m_lossMono = 0;
    qint64 m_lastTs = 0, m_lastMono = 0; // of the last event delivered
    Stats m_counting;

    mutable QMutex m_statsMutex;
    Stats m_stats;
};

} // namespace Flight::Capture
