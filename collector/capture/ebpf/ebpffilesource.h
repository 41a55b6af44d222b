// SPDX-License-Identifier: GPL-3.0-or-later
// File access by eBPF (DESIGN.md "Capture"), as file.access events with the path at the time of the access, the
// process key, device and inode: opens, opens for exec and closes after writing come from file.bpf.c, which counts
// repeated accesses in the kernel (FileCountWindows), so a process reopening a file costs a hash-map update instead of
// a fanotify event; creates, deletes and renames come from fanotify's name group (FanotifySource with accesses off:
// they do not fire on open or close). Scope as the fanotify backend's: files on the real local filesystems of
// mountinfo (isCapturedFilesystem; the kernel's `devices` map follows mount changes), never the collector's own
// accesses, the include/exclude prefixes applied in userspace.
//
// Needs fentry/fexit programs (BPF trampolines, CONFIG_DYNAMIC_FTRACE_WITH_DIRECT_CALLS) on security_file_open and
// __fput: where the kernel refuses them (a kernel without BTF, no CAP_BPF and CAP_PERFMON, or a policy that allows raw
// tracepoints but not trampolines), start() fails with a one-line reason and the selection falls back to fanotify.
//
// Contract: start() loads and attaches the programs, fills `devices`, starts the name group (when it cannot start,
// the source runs degraded and its backend reason says creates, deletes and renames are not captured) and one
// consumer thread that reads the ring buffer, closes windows and reads the loss counters. stop() detaches, drains,
// closes every window and joins; safe twice, and the destructor calls it.
// Losses: a first access whose record did not fit the ring buffer (it starts no count: the next access tries again)
// is rec.loss {source "file.ebpf", reason "ring buffer full"}, via LossReader; an access whose path the kernel could
// not read is rec.loss {source "file.ebpf"} with its count (FileCountWindows).
#pragma once

#include "eventsource.h"
#include "processlifetimes.h"

#include <QByteArrayList>
#include <chrono>
#include <memory>

namespace Flight::Capture {

struct EbpfFileOptions
{
    QByteArrayList include{"/dev/shm"};
    QByteArrayList exclude{"/proc", "/sys", "/dev"};
    // 0: every access is an event of its own (a record per access: the kernel counts nothing).
    std::chrono::milliseconds aggregateWindow{2000};
    qint64 excludePid = 0; // the collector itself
    // scope = namespace: the inode number of the collector's pid namespace; only its processes are recorded. 0: all.
    quint32 pidNamespace = 0;
    // Ring buffer size in bytes: a power of two and a multiple of the page size. A record is about 4 KiB (the path
    // space), written once per (process, file, operation) and window.
    qint64 ringBufferBytes = 8 * 1024 * 1024;
    // Entries of the kernel's count map; when it is full each access is a record of its own (correct, slower).
    quint32 maxCounts = 65536;
    // Creates, deletes and renames by fanotify's name group; off: not captured (the backend reason says so).
    bool names = true;
    std::shared_ptr<const ProcessLifetimes> lifetimes; // for the name group's keys
    std::chrono::milliseconds lossPollInterval{100};
};

class EbpfFileSource final : public EventSource
{
public:
    struct Stats
    {
        qint64 records = 0; // ring-buffer records read
        qint64 uncounted = 0; // accesses recorded one by one because the count map was full
    };

    explicit EbpfFileSource(EbpfFileOptions options = {});
    ~EbpfFileSource() override;
    EbpfFileSource(const EbpfFileSource &) = delete;
    EbpfFileSource &operator=(const EbpfFileSource &) = delete;

    Format::Backend backend() const override;
    Expected<void> start(EventSink &sink) override;
    void stop() override;
    Stats stats() const; // approximately while running, exactly after stop()

private:
    struct State;
    EbpfFileOptions m_options;
    QString m_namesMissing;
    std::unique_ptr<EventSource> m_names;
    std::unique_ptr<State> m_state;
    Stats m_lastStats;
};

} // namespace Flight::Capture
