// SPDX-License-Identifier: GPL-3.0-or-later
// File access by scanning /proc/<pid>/fd: the fallback when fanotify is not permitted (DESIGN.md "Capture"); the
// manifest states it as degraded, with the caller's reason and what scanning cannot see.
//
// Contract: start() takes the baseline (the files open now, reported as `open`, or `write` when opened for writing,
// as the first events) and one thread rescans every interval, reporting each file a process newly holds open: the
// identity of an open file is (process key, fd, path, inode), so a file closed and opened again between two scans is
// not seen twice, and one opened and closed between them is never seen. Paths go through the same filter as fanotify
// (PathFilter); only regular files are reported (not sockets, pipes or anonymous inodes); the collector's own pid is
// left out. stop() wakes the thread at once and returns after its last delivery; safe twice.
#pragma once

#include "eventsource.h"
#include "pathfilter.h"

#include <QHash>
#include <QSet>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace Flight::Capture {

struct FdScanOptions
{
    std::chrono::milliseconds interval{1000};
    QByteArrayList include, exclude; // PathFilter prefixes
    qint64 excludePid = 0;
    QString root = QStringLiteral("/"); // where /proc is found (a fixture tree in tests)
};

class FdScanSource final : public EventSource
{
public:
    FdScanSource(QString degradedReason, FdScanOptions options = {});
    ~FdScanSource() override;
    FdScanSource(const FdScanSource &) = delete;
    FdScanSource &operator=(const FdScanSource &) = delete;

    Format::Backend backend() const override;
    Expected<void> start(EventSink &sink) override;
    void stop() override;

    // One pass over /proc: appends a file.access for every file newly open since the previous pass. Public so that
    // tests can drive it on a fixture tree without the thread.
    void scan(QList<Format::Event> &out);

private:
    struct OpenFile
    {
        Format::ProcKey proc;
        qint64 fd = 0;
        QByteArray path;
        qint64 dev = 0, ino = 0;
        bool operator==(const OpenFile &) const = default;
    };
    friend size_t qHash(const OpenFile &f, size_t seed)
    {
        return qHashMulti(seed, f.proc.pid, f.proc.start, f.fd, f.path, f.ino);
    }

    void run();

    FdScanOptions m_options;
    PathFilter m_filter;
    QString m_reason;
    EventSink *m_sink = nullptr;
    QSet<OpenFile> m_open; // the scanning thread's once it runs
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace Flight::Capture
