// SPDX-License-Identifier: GPL-3.0-or-later
// File access by fanotify (DESIGN.md "Capture"), as file.access events with the path, the process key and, where
// known, device and inode. Up to three fanotify groups mark every real local filesystem in mountinfo
// (isCapturedFilesystem; filesystems mounted later are marked when mountinfo changes), all reporting pidfds:
// - the access group (FAN_REPORT_DFID_NAME | FAN_REPORT_FID, Linux 5.17+ with pidfds) for open, open-for-exec and
//   close-after-write: ops open, exec, write. Each event carries its directory's file handle and the file's name at
//   the time of the event (a file renamed before the event was read keeps the name it had), and the file's own
//   handle, from which device and inode are read (FidResolver::inodeOf). It creates no descriptor per event, neither
//   in the process doing the access nor in the reader;
// - the descriptor group (no file handles: an fd per event, its path read from /proc/self/fd when the event is read)
//   for the same operations, marking only the filesystems the access group could not (a kernel that refuses it, a
//   filesystem that cannot encode file handles, or one whose fsid another filesystem has too); the backend reason
//   names them, as their paths are read-time names;
// - the name group (FAN_REPORT_DFID_NAME_TARGET) for FAN_CREATE, FAN_DELETE and FAN_RENAME, with FAN_ONDIR: ops
//   create, delete, rename, of files and directories (a directory's path ends in '/'). Apart from the access group
//   because FAN_ONDIR is a mark's, not an event's: one group would report every opendir.
// Events of the two handle groups carry directory file handles and names (parseFidEvent, fanotifyfid.h); a handle is
// opened with open_by_handle_at against the mount point registered for that fsid (statfs f_fsid; FidResolver; the
// mount of the filesystem's root when there is one), and its path read from /proc/self/fd, once per batch of events
// read (FidResolver::newBatch: a path cached longer could miss a rename). So the directory part of a path is where the
// directory was when the event was read; the name is the one the event carried. The mount points are opened only while
// a batch of events is resolved: a descriptor held for good would make every marked filesystem busy, and unmount fail.
// A directory removed before the events in it were read no longer opens: it is found where it was last seen (created,
// renamed, or opened for an earlier event). For that the name group is read first, and again when the directory of
// an access does not open (it may have been created since), and a removed directory's path is kept until the access
// group's queue has been seen empty after the removal was read. The name group is optional: if the kernel refuses it,
// accesses are still captured and the backend reason says creates, deletes and renames are not.
//
// Process keys. The event's pid is turned into a key only when that is certain: fanotify hands a pidfd for the
// process (FAN_REPORT_PIDFD); /proc/<pid>/stat is read, and the key is taken only if the pidfd's process is still
// alive afterwards (then the pid cannot have been reused in between). An event of a process that ended before the
// event was read (mv, rm, a copied binary that runs for a millisecond) is keyed from the process events instead
// (options.lifetimes, processlifetimes.h): the event was queued after the group's queue was last seen empty and
// before it was read, and if exactly one process held the pid in that span, it is that one's. The event waits until
// the process source has delivered everything up to its read (at most keyWait). One that still cannot be keyed is
// counted, and reported as rec.loss {source "file.fanotify", reason "process ended before its access was read"}.
// (Should a kernel refuse FAN_REPORT_PIDFD for the name group, its events are keyed from /proc/<pid>/stat alone, and
// the backend reason says so; the access group is not used without pidfds.) /proc/<pid>/stat is read once per pid and
// batch of events read (keyOf): every event of that pid in the batch with a pidfd is that same process's.
//
// Cost to the process doing the accesses: every open of a marked file makes the kernel build an event (two file
// handles and the name, an allocation even when it is then merged into one still queued), about 1.5x the CPU of an
// open+close of a cached file (tests/bench/README.md, bench_fanotifygroups). With ignoreRepeats (config
// file_ignore_repeats, off by default) a file a process keeps reopening gets an ignore mark, and its opens cost
// almost nothing until the mark is lifted, at the price in evidence its option states.
//
// Losses and limits, each a rec.loss {source "file.fanotify"}: a full queue of any group (FAN_Q_OVERFLOW; count 1
// per overflow: fanotify does not say how many, a lower bound); an event whose directory no longer opens by its
// handle and was never seen before, or lies on a filesystem not marked under its fsid; a malformed event. fanotify
// merges an event into an identical one still queued, so `count` of an aggregated event is a lower bound (see
// fileaggregator.h); creates and deletes are aggregated like accesses, renames never. Timestamps are the time the event
// was read (fanotify carries none). The collector's own activity (excludePid) and paths the filter rejects are never
// delivered; a rename between an accepted and a rejected path is delivered as the create or delete of the accepted
// name.
//
// Contract: start() creates the access group and its marks, or fails with a one-line reason ("fanotify: operation not
// permitted") so the caller can fall back; one reader thread delivers; stop() drains what is queued, flushes the
// aggregator and joins. Needs CAP_SYS_ADMIN (and CAP_DAC_READ_SEARCH for open_by_handle_at).
#pragma once

#include "eventsource.h"
#include "fanotifyfid.h"
#include "fileaggregator.h"
#include "pathfilter.h"
#include "processlifetimes.h"

#include <QByteArrayList>
#include <QSet>
#include <atomic>
#include <chrono>
#include <deque>
#include <thread>

struct fanotify_event_metadata;

namespace Flight::Capture {

struct FanotifyOptions
{
    QByteArrayList include{"/dev/shm"};
    QByteArrayList exclude{"/proc", "/sys", "/dev"};
    std::chrono::milliseconds aggregateWindow{2000};
    qint64 excludePid = 0; // the collector itself
    // scope = namespace: only processes of the collector's pid namespace (fanotify reports pid 0 for the others).
    bool ownPidNamespaceOnly = false;
    // The process source's record of which process held which pid; null: an access whose process ended before it was
    // read is a loss.
    std::shared_ptr<const ProcessLifetimes> lifetimes;
    std::chrono::milliseconds keyWait{2000};
    // Test seam: false treats every process as ended before its event was read (keys come from lifetimes only).
    bool keyByPidfd = true;
    // Test seam: false marks every filesystem with the descriptor group, as on a kernel without the access group.
    bool accessByHandle = true;
    // config file_ignore_repeats: when an open of a regular file by a process is read a second time within its
    // aggregation window, the access group ignores further opens of that file (an ignore mark on its inode, lifted
    // at most aggregateWindow later) so that a process reopening a file in a loop stops paying for an event per
    // open. The cost is evidence: opens of that file by *other* processes until the mark is lifted are not seen (execs
    // and writes still are), and the repeating process's count is a lower bound. Stated in the backend reason.
    bool ignoreRepeats = false;
    // false: the name group alone (creates, deletes, renames), for the eBPF file source, which captures opens, execs
    // and writes itself; start() then fails when the name group cannot be created or marks nothing.
    bool accesses = true;
    // Why a preferred backend did not run (FallbackSource's whyNotBetter); starts the backend reason.
    QString whyNotBetter;
};

class FanotifySource final : public EventSource
{
public:
    struct Stats
    {
        qint64 events = 0; // fanotify events read
        qint64 unkeyed = 0; // accesses whose process had ended and could not be keyed from the process events
        qint64 keyedLate = 0; // accesses whose process had ended, keyed from the process events
        qint64 overflows = 0;
        qint64 marks = 0; // filesystems marked
        qint64 named = 0; // events read by the name group
        qint64 unresolved = 0; // events whose directory could not be turned into a path
        qint64 malformed = 0; // events parseFidEvent rejected
        qint64 namedMarks = 0; // filesystems marked by the name group (0: creates, deletes, renames not captured)
        qint64 handleMarks = 0; // of `marks`, those marked by the access group (the rest: by the descriptor group)
        qint64 ignoreMarks = 0; // files whose opens were ignored for a while (ignoreRepeats)
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
    enum Group { Descriptors, Access, Names, GroupCount };

    bool leftOut(qint64 pid) const
    {
        return pid == m_options.excludePid || (m_options.ownPidNamespaceOnly && pid == 0);
    }

    Expected<void> markFilesystems();
    void createHandleGroups();
    // Empty when the filesystem at `mountPoint` is registered with the resolver (its handles can be opened), else why
    // not.
    QString registerHandles(const QByteArray &mountPoint);
    void markNamed(const QByteArray &mountPoint, const QString &type, quint64 device);
    bool markAccess(const QByteArray &mountPoint, const QString &type);
    void run();
    void readEvents(Group group, QList<Format::Event> &out);
    void handle(const ::fanotify_event_metadata &event, QByteArrayView record, QList<Format::Event> &out);
    void handleAccess(const ::fanotify_event_metadata &event, QByteArrayView record, QList<Format::Event> &out);
    void handleNamed(const ::fanotify_event_metadata &event, QByteArrayView record, QList<Format::Event> &out);
    // The event of a handle group, parsed, or nullopt (counted) when it is an overflow, the collector's own or
    // malformed. Its pidfd is left for the caller to close.
    std::optional<FidEvent> parseHandleEvent(const ::fanotify_event_metadata &event, QByteArrayView record);
    QByteArray entryPath(const DirEntryId &entry, std::optional<qint64> &dev);
    // The process key of an event of `group`'s current batch (one read()). A key verified by a live pidfd after the
    // read is reused for the batch's other events of that pid that carry a pidfd: those processes were alive during
    // the read, when only one process can have held the pid, and it was still alive after the read.
    std::optional<Format::ProcKey> keyOf(Group group, qint64 pid, int pidfd, bool verified = true);
    // ignoreRepeats: an ignore mark for FAN_OPEN on the regular file `target` names, in the access group; all of
    // them lifted together once the oldest is aggregateWindow old.
    void ignoreOpens(const FileId &target);
    void liftIgnoreMarks();
    // Delivers `accesses` (their proc not yet set) as `key`'s, or, without a key, keeps them for keyWaiting().
    void attribute(qint64 pid, const std::optional<Format::ProcKey> &key, QList<Format::FileAccess> accesses,
                   Group group, QList<Format::Event> &out);
    void add(const Format::ProcKey &key, qint64 ts, qint64 mono, QList<Format::FileAccess> accesses,
             QList<Format::Event> &out);
    // Keys what waits once the process events are complete up to its read (or gives up: `giveUp`, keyWait passed).
    void keyWaiting(bool giveUp, QList<Format::Event> &out);
    void deliver(QList<Format::Event> &events);
    void closeAll();

    FanotifyOptions m_options;
    PathFilter m_filter;
    FileAggregator m_aggregator;
    EventSink *m_sink = nullptr;
    int m_groups[GroupCount] = {-1, -1, -1}; // -1: not created (the access and name groups: m_*Missing says why)
    int m_mountinfo = -1, m_wake = -1;
    bool m_namedPidfd = false;
    QString m_accessMissing, m_namedMissing;
    FidResolver m_resolver; // the filesystems the handle groups marked
    QSet<quint64> m_markedDevices, m_namedDevices;
    QStringList m_unmarked, m_namedUnmarked; // "mount point (type): reason"
    QStringList m_byDescriptor; // "mount point (type): reason": marked by the descriptor group, though the access
                                // group exists
    // Accesses of processes that had ended when they were read, waiting for the process events.
    struct Waiting
    {
        qint64 pid = 0;
        qint64 queuedAfter = 0; // the group's queue was seen empty then (CLOCK_BOOTTIME)
        qint64 readAt = 0; // CLOCK_BOOTTIME
        qint64 ts = 0;
        QList<Format::FileAccess> accesses;
    };
    std::deque<Waiting> m_waiting; // in the order read
    qint64 m_emptySince[GroupCount] = {0, 0, 0}; // per group: when its queue was last seen empty
    QHash<qint64, Format::ProcKey> m_batchKeys[GroupCount]; // keyOf's per-batch keys, by pid
    QSet<std::pair<qint64, qint64>> m_ignored; // (dev, ino) with an ignore mark now; at most kMaxIgnoreMarks
    qint64 m_ignoredSince = 0; // CLOCK_BOOTTIME of the oldest mark in m_ignored
    static constexpr qsizetype kMaxIgnoreMarks = 4096;
    std::thread m_thread;
    std::atomic<qint64> m_events{0}, m_unkeyed{0}, m_keyedLate{0}, m_overflows{0}, m_marks{0};
    std::atomic<qint64> m_namedEvents{0}, m_unresolved{0}, m_malformed{0}, m_namedMarks{0}, m_handleMarks{0};
    std::atomic<qint64> m_ignoreMarks{0};
    qint64 m_unkeyedReported = 0, m_overflowsReported = 0, m_unresolvedReported = 0, m_malformedReported = 0;
};

} // namespace Flight::Capture
