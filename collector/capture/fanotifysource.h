// SPDX-License-Identifier: GPL-3.0-or-later
// File access by fanotify (DESIGN.md "Capture"): a mark on every real local filesystem in mountinfo
// (isCapturedFilesystem; filesystems mounted later are marked when mountinfo changes) for open, open-for-exec and
// close-after-write, delivered as file.access events (ops open, exec, write) with the path, device and inode, the
// process key, and aggregation of repeats (FileAggregator). Creates, deletes and renames need a second,
// name-reporting group and are not captured by this source yet.
//
// Process keys. The event's pid is turned into a key only when that is certain: fanotify hands a pidfd for the
// process (FAN_REPORT_PIDFD); /proc/<pid>/stat is read, and the key is taken only if the pidfd's process is still
// alive afterwards (then the pid cannot have been reused in between). An access by a process that ended before its
// event was read cannot be keyed: it is counted, and reported as rec.loss {source "file.fanotify", reason "process
// ended before its access was read"}.
//
// Losses and limits. A full fanotify queue (FAN_Q_OVERFLOW) is reported as rec.loss (count 1: fanotify does not say
// how many; a lower bound). fanotify merges an event into an identical one still queued, so `count` of an aggregated
// event is a lower bound (see fileaggregator.h). Timestamps are the time the event was read (fanotify carries none).
// The collector's own accesses (excludePid) and paths the filter rejects are never delivered.
//
// Contract: start() creates the group and the marks, or fails with a one-line reason ("fanotify: operation not
// permitted") so the caller can fall back; one reader thread delivers; stop() drains what is queued, flushes the
// aggregator and joins. Needs CAP_SYS_ADMIN.
#pragma once

#include "eventsource.h"
#include "fileaggregator.h"
#include "pathfilter.h"

#include <QByteArrayList>
#include <QSet>
#include <atomic>
#include <chrono>
#include <thread>

struct fanotify_event_metadata;

namespace Flight::Capture {

struct FanotifyOptions
{
    QByteArrayList include{"/dev/shm"};
    QByteArrayList exclude{"/proc", "/sys", "/dev"};
    std::chrono::milliseconds aggregateWindow{2000};
    qint64 excludePid = 0; // the collector itself
};

class FanotifySource final : public EventSource
{
public:
    struct Stats
    {
        qint64 events = 0; // fanotify events read
        qint64 unkeyed = 0; // accesses whose process had ended
        qint64 overflows = 0;
        qint64 marks = 0; // filesystems marked
    };

    explicit FanotifySource(FanotifyOptions options = {});
    ~FanotifySource() override;
    FanotifySource(const FanotifySource &) = delete;
    FanotifySource &operator=(const FanotifySource &) = delete;

    Format::Backend backend() const override;
    Expected<void> start(EventSink &sink) override;
    void stop() override;
    Stats stats() const; // after stop(), or approximately while running

private:
    Expected<void> markFilesystems();
    void run();
    void readEvents(QList<Format::Event> &out);
    void handle(const ::fanotify_event_metadata &event, QByteArrayView record, QList<Format::Event> &out);
    std::optional<Format::ProcKey> keyOf(qint64 pid, int pidfd);
    void deliver(QList<Format::Event> &events);
    void closeAll();

    FanotifyOptions m_options;
    PathFilter m_filter;
    FileAggregator m_aggregator;
    EventSink *m_sink = nullptr;
    int m_fanotify = -1, m_mountinfo = -1, m_wake = -1;
    QSet<quint64> m_markedDevices;
    QStringList m_unmarked; // "mount point (type): reason"
    std::thread m_thread;
    std::atomic<qint64> m_events{0}, m_unkeyed{0}, m_overflows{0}, m_marks{0};
    qint64 m_unkeyedReported = 0, m_overflowsReported = 0;
};

} // namespace Flight::Capture
