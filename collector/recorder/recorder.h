// SPDX-License-Identifier: GPL-3.0-or-later
// The recording pipeline (DESIGN.md "Recording and the archive"): capture sources deliver into a bounded queue; the
// writer loop appends to the journal (fsync at least every second), writes heartbeats, seals the journal into the
// outbox every `seal_interval` or `seal_size`, and applies retention, reporting deleted unpulled archives as a loss.
// Every new journal segment starts with the integrity state recorded so far (one state.snapshot per check), so each
// archive stands alone; every state.change at or above alert_severity also goes to the alert sinks (alerts.h).
// Journal files left by a collector that died are sealed first, as recovered. Runs on the calling thread.
#pragma once

#include "alerts.h"
#include "config.h"
#include "eventqueue.h"
#include "eventsource.h"
#include "journal.h"
#include "procfs.h"
#include "sealer.h"
#include "statetracker.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <atomic>
#include <memory>
#include <vector>

namespace Flight::Recorder {

// How the collector reads processes from /proc under `config` (environment allow-list, exe digests): the sources
// and the start snapshot share one digest cache per collector process.
Capture::ReadOptions processReadOptions(const Config &config);

class Recorder
{
public:
    Recorder(Config config, Format::SigningKey key, Format::HostInfo host, QString version);
    ~Recorder();

    // Seals what an earlier run left in the journal directory (recovered: true), opens a new journal, starts the
    // sources, and records rec.start and a snapshot of the live processes.
    Expected<void> start(std::vector<std::unique_ptr<Capture::EventSource>> sources);

    // The writer loop. Returns when `stop` becomes true or `deadline` expires: then stops the sources, records
    // rec.stop with `stopReason` and seals everything. `pruneOutbox` (retention) is off for one-shot recordings.
    Expected<void> run(const std::atomic<bool> &stop, QDeadlineTimer deadline, bool pruneOutbox);

    const QList<Format::SealedArchive> &sealed() const { return m_sealed; }
    qint64 recoveredFiles() const { return m_recovered; }
    QList<Format::Backend> backends() const;

private:
    Expected<void> append(const Format::Event &event);
    // proc.snapshot of every live process: at start, and after the queue dropped events (whatever they said about
    // processes is re-stated; a process absent from it that has no exit ended within the loss).
    Expected<void> appendLiveProcesses();
    Expected<void> resnapshotAfterQueueLoss(bool force);
    Expected<void> sealCurrent(bool finalSegment);
    Expected<void> sealAndPrune(bool pruneOutbox);
    Expected<void> sealFile(const QString &file, bool recovered);
    void heartbeat();
    QMap<QString, qint64> stats() const;
    JournalMeta meta() const;

    Config m_config;
    Format::HostInfo m_host;
    QString m_version;
    Sealer m_sealer;
    EventQueue m_queue;
    std::unique_ptr<Journal> m_journal;
    std::vector<std::unique_ptr<Capture::EventSource>> m_sources;
    StateTracker m_state;
    Alerter m_alerter;
    QList<Format::SealedArchive> m_sealed;
    qint64 m_recovered = 0;
    qint64 m_events = 0;
    qint64 m_lost = 0;
    bool m_queueLossPending = false;
    QDeadlineTimer m_nextResnapshot{0}; // at most one re-snapshot a second while the queue keeps overflowing
    QDeadlineTimer m_nextSeal;
    QDeadlineTimer m_nextHeartbeat;
    QElapsedTimer m_uptime;
};

} // namespace Flight::Recorder
