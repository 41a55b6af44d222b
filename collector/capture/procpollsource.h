// SPDX-License-Identifier: GPL-3.0-or-later
// Processes by polling /proc: the last fallback, when neither eBPF nor the proc connector is allowed (DESIGN.md
// "Capture"); the manifest states it as degraded, with the caller's reason and what polling cannot see.
//
// Contract: start() reads the set of process keys (pid, start ticks) once without delivering anything (the recorder
// writes the start snapshot itself), then one thread re-reads it every interval and diffs:
//  - a key that appeared -> proc.snapshot ("seen alive"; not an observed exec) with the image read by readProcess();
//  - a key that disappeared -> proc.exit with neither code nor signal (polling cannot know them);
//  - a pid whose start changed (reuse) -> the exit of the old key, then the snapshot of the new one.
// A process that lives shorter than the interval is never seen, and nothing says so: that is inherent to polling and
// stated in backend().reason, not reported as rec.loss. Events are delivered from the polling thread; stop() wakes it
// at once and returns after its last delivery. A process that vanishes between its stat and its image is skipped.
#pragma once

#include "eventsource.h"
#include "procfs.h"

#include <QHash>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace Flight::Capture {

struct ProcPollOptions
{
    std::chrono::milliseconds interval{100};
    ReadOptions read;
};

class ProcPollSource final : public EventSource
{
public:
    // `degradedReason` says why neither eBPF nor the proc connector was used; it goes into backend().
    explicit ProcPollSource(QString degradedReason, ProcPollOptions options = {});
    ~ProcPollSource() override;
    ProcPollSource(const ProcPollSource &) = delete;
    ProcPollSource &operator=(const ProcPollSource &) = delete;

    void setDegradedReason(const QString &reason) { m_reason = reason; } // before start()
    Format::Backend backend() const override;
    Expected<void> start(EventSink &sink) override;
    void stop() override;

    // Polls done so far (any thread); lets tests wait for a full interval instead of sleeping.
    qint64 polls() const { return m_polls.load(); }

private:
    // One pass over /proc: appends the differences to `out` (when given) and remembers the new set of keys.
    void poll(QList<Format::Event> *out);
    void run();

    ProcPollOptions m_options;
    QString m_reason;
    EventSink *m_sink = nullptr;
    QHash<qint64, qint64> m_known; // pid -> start ticks; the polling thread's once it runs
    std::atomic<qint64> m_polls{0};
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
};

} // namespace Flight::Capture
