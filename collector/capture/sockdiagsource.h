// SPDX-License-Identifier: GPL-3.0-or-later
// Network endpoints by polling the kernel's socket table over NETLINK_SOCK_DIAG (socketdiag.h): the fallback when the
// eBPF programs cannot run (DESIGN.md "Capture"); the manifest states it as degraded, with the caller's reason and
// what polling misses.
//
// Contract: start() opens sock_diag (failing with a one-line reason when it cannot), delivers the start-up snapshot
// (op `exists` for every open socket, with its owner) and starts one thread that dumps the table every interval and
// reports what changed since the previous dump. A socket is identified by its cookie. TCP: a new listening socket is
// a `listen`; a new connected one an `accept` when its local end is that of a listener (a connection still in the
// accept queue, which no process holds yet, waits for the process that accepts it), else a `connect`; a socket gone
// (or in TIME_WAIT) a `close`, with the owner it had when first seen. A connecting socket (SYN_SENT) is reported once
// it is connected. UDP: a new bound socket is a `bind`, with the remote end when connected; datagrams are not seen.
// Owners come from one /proc pass (socketowners.h), made only when a poll finds a socket to report. The excluded
// pid's own sockets are left out. stop() wakes the thread at once and returns after its last delivery; safe twice.
// A socket that lives less than an interval is never seen.
#pragma once

#include "eventsource.h"
#include "socketdiag.h"

#include <QHash>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace Flight::Capture {

struct SockDiagOptions
{
    std::chrono::milliseconds interval{500};
    qint64 excludePid = 0;
    QString root = QStringLiteral("/"); // where /proc is found (the owners)
};

class SockDiagSource final : public EventSource
{
public:
    SockDiagSource(QString degradedReason, SockDiagOptions options = {});
    ~SockDiagSource() override;
    SockDiagSource(const SockDiagSource &) = delete;
    SockDiagSource &operator=(const SockDiagSource &) = delete;

    Format::Backend backend() const override;
    Expected<void> start(EventSink &sink) override;
    void stop() override;

    // Compares `now` (one dump) with the sockets known from start() or the previous call and appends the events
    // that says; `owners` is called at most once, when a socket must be reported. Public so that tests can drive it
    // with sockets of their own.
    void apply(const QList<DiagSocket> &now, const std::function<SocketOwnerMap()> &owners, QList<Format::Event> &out);

private:
    struct Known
    {
        DiagSocket socket;
        std::optional<Format::ProcKey> owner;
        bool reported = false; // false: an accepted connection no process holds yet
        bool excluded = false; // the excluded pid's alone: never reported
    };

    Expected<QList<DiagSocket>> dumpAll();
    void run();

    SockDiagOptions m_options;
    QString m_reason;
    QString m_udpReason; // why UDP is not seen, when its dump failed at start
    std::optional<SockDiag> m_diag;
    EventSink *m_sink = nullptr;
    QHash<quint64, Known> m_known; // by cookie; the polling thread's once it runs
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace Flight::Capture
