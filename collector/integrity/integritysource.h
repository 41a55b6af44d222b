// SPDX-License-Identifier: GPL-3.0-or-later
// The integrity checks as a capture source (DESIGN.md "Capture", integrity; FORMAT.md state.snapshot, state.change,
// host.kmsg): start() observes every check and delivers one state.snapshot each; then one thread re-observes the
// cheap checks (modules, bpf, logins, accounts, listeners) every `interval` and the costly ones (files, packages,
// packagefiles: digests and package databases) every `sweep`, any check at once (after `triggerDelay`, to let a burst
// settle) when IntegrityTriggers says an event touched what it watches, and delivers a state.change for each difference
// (statediff.h). Kernel log lines about modules and BPF become host.kmsg events and trigger those two checks; kmsg
// records overwritten before they were read are a rec.loss {source "integrity.kmsg"}.
//
// Failures: a check that fails is left out of that round (its last good state stands; the failure is logged once
// until it changes); one that fails at start is degraded in backend() ("files: ...") and delivers its first snapshot
// when it first succeeds. A check that is not ready (kNotReady: packagefiles' first pass) is not a failure: backend()
// names it as in progress, not degraded, until its first snapshot. Without /dev/kmsg the source runs, degraded. The
// collector's own BPF programs (its fds in /proc/self/fdinfo) are marked `own`.
//
// Contract: start() blocks for the first observation (seconds on a host with many packages); stop() wakes the
// thread, lets a running check finish and joins; safe twice. Thread: start()/stop()/backend() from the owner.
#pragma once

#include "eventsource.h"
#include "integritycheck.h"
#include "integritytriggers.h"

#include <QMap>
#include <QMutex>
#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

namespace Flight::Integrity {

class KmsgReader;

struct IntegrityOptions
{
    CheckOptions checks;
    std::chrono::milliseconds interval{10'000};
    std::chrono::milliseconds sweep{600'000};
    std::chrono::milliseconds triggerDelay{500};
    QString kmsgPath = QStringLiteral("/dev/kmsg"); // empty: no kernel log
};

// The ids of the BPF programs this process holds open (prog_id in /proc/self/fdinfo).
QSet<quint32> ownBpfProgramIds();

class IntegritySource final : public Capture::EventSource
{
public:
    IntegritySource(IntegrityOptions options, std::shared_ptr<IntegrityTriggers> triggers);
    ~IntegritySource() override;
    IntegritySource(const IntegritySource &) = delete;
    IntegritySource &operator=(const IntegritySource &) = delete;

    Format::Backend backend() const override;
    Expected<void> start(Capture::EventSink &sink) override;
    void stop() override;

private:
    struct Check
    {
        std::unique_ptr<IntegrityCheck> check;
        std::chrono::milliseconds period;
        std::chrono::steady_clock::time_point due;
        std::optional<QList<Format::StateItem>> last; // nullopt until it first succeeded
        QString lastError;
        bool notReady = false; // the last observation failed with kNotReady
    };

    void run();
    void observe(Check &check);
    void readKernelLog();
    void deliver(Format::EventBody body);

    IntegrityOptions m_options;
    std::shared_ptr<IntegrityTriggers> m_triggers;
    std::vector<Check> m_checks;
    std::unique_ptr<KmsgReader> m_kmsg; // null without a kernel log
    QStringList m_problems; // at start: for backend()
    mutable QMutex m_pendingMutex; // m_pending: written by the thread, read by backend()
    QMap<QString, QString> m_pending; // check -> "in progress" text, from start until its first snapshot
    Capture::EventSink *m_sink = nullptr;
    int m_stopFd = -1;
    std::thread m_thread;
};

} // namespace Flight::Integrity
