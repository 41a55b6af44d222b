// SPDX-License-Identifier: GPL-3.0-or-later
// File handles from a name-reporting fanotify group (FAN_REPORT_DFID_NAME_TARGET, fanotify(7)), for FanotifySource.
//
// parseFidEvent takes one event record apart: the metadata and info records of a create, delete or rename become
// the directory file handles and names it carries and the handle of the object itself. The record is hostile input:
// every length is checked against the record before anything is read, fields are copied out by memcpy (the read
// buffer is not aligned for them), info types it does not use are skipped by their length, and a record that does
// not add up is an error naming the byte offset and what is wrong. Pure: it opens and closes nothing.
//
// FidResolver opens handles again: open_by_handle_at(2) against the mount point registered for the handle's fsid,
// opened only until release() (a descriptor held for good would keep the filesystem busy, and unmount would fail),
// and checked to still show that fsid. It also remembers where directories were last seen, for the events of a
// directory removed before they were read (its handle no longer opens); what a directory resolved to, for the other
// events of the same batch (one read(): all its events were queued before the read, so a path read after it is the
// path at read time for each of them; a path kept longer could miss a rename); and the device and inode of file handles
// it opened (a handle names one inode for good: it carries the inode's generation). Not thread-safe: the reader thread
// owns it.
#pragma once

#include "expected.h"

#include <QByteArray>
#include <QHash>
#include <optional>

struct statfs;

namespace Flight::Capture {

// A file handle from an info record: the filesystem (its statfs f_fsid, both words as one integer in memory order)
// and the handle as open_by_handle_at(2) takes it (struct file_handle's handle_type and f_handle bytes).
struct FileId
{
    quint64 fsid = 0;
    qint32 handleType = 0;
    QByteArray handle; // 1 ... MAX_HANDLE_SZ bytes
    bool operator==(const FileId &) const = default;
};

// A directory entry: the directory's handle and one path component in it (non-empty, no '/', not "." or "..").
struct DirEntryId
{
    FileId dir;
    QByteArray name;
    bool operator==(const DirEntryId &) const = default;
};

struct FidEvent
{
    quint64 mask = 0; // FAN_CREATE, FAN_DELETE (fanotify may merge both into one event), FAN_RENAME, FAN_ONDIR, ...
    qint32 pid = 0;
    std::optional<DirEntryId> entry; // FAN_EVENT_INFO_TYPE_DFID_NAME: present for create and delete
    std::optional<DirEntryId> from, to; // FAN_EVENT_INFO_TYPE_OLD_DFID_NAME / NEW_DFID_NAME: present for rename
    std::optional<FileId> target; // FAN_EVENT_INFO_TYPE_FID (FAN_REPORT_TARGET_FID): what was created, deleted or
                                  // renamed
};

// `record` is exactly one event: event_len bytes from its metadata on. A queue overflow (FAN_Q_OVERFLOW) parses
// with no records; a create or delete without its directory entry, or a rename without both, is an error. A pidfd
// record is checked but not returned: pidfdOf reads it, for accepted and rejected records alike.
[[nodiscard]] Expected<FidEvent> parseFidEvent(QByteArrayView record);

// The pidfd in an event record of any group with FAN_REPORT_PIDFD, else FAN_NOPIDFD (FAN_EPIDFD when the kernel
// could not make one). Reads the info records only as far as they are well-formed, so that the pidfd of an event
// parseFidEvent rejects can still be closed by whoever read it.
int pidfdOf(QByteArrayView record);

// statfs f_fsid as FileId::fsid holds it.
quint64 fsidOf(const struct ::statfs &fs);

class FidResolver
{
public:
    // A filesystem seen through a mount point, by its fsid and st_dev: New (mark it, then addMount), Known (the same
    // filesystem through another mount, or one hidden under it), or Clash (another filesystem with the same fsid, e.g.
    // a cloned disk image: its handles could open the wrong file, so it must not be marked).
    enum class Seen { New, Known, Clash };

    FidResolver() = default;
    ~FidResolver();
    FidResolver(const FidResolver &) = delete;
    FidResolver &operator=(const FidResolver &) = delete;

    Seen seen(quint64 fsid, quint64 device) const;
    void addMount(quint64 fsid, quint64 device, const QByteArray &mountPoint);
    QByteArray mountPoint(quint64 fsid) const;
    qsizetype mounts() const { return m_mounts.size(); }

    // A descriptor of the object (the caller closes it), or -1: gone, or on no registered filesystem.
    int open(const FileId &id, int flags);
    // Closes the mount points open() opened.
    void release();
    // Forgets every mount and directory.
    void clear();

    // Where a directory is now (it was created, renamed, or opened by its handle), or that it was removed (at `at`, a
    // CLOCK_BOOTTIME when the removal was read). A removed directory's last path is still given until
    // forgetRemovedBefore() passes its removal: events in it may wait in another group's queue. At most
    // kMaxDirectories of each are remembered, an arbitrary one forgotten beyond.
    void directorySeen(const FileId &dir, const QByteArray &path);
    void directoryRemoved(const FileId &dir, qint64 at);
    void forgetRemovedBefore(qint64 time);
    QByteArray lastPathOf(const FileId &dir) const;
    static constexpr qsizetype kMaxDirectories = 8192;

    // A directory's path and device as resolved for the events of one batch, until newBatch().
    struct Resolved
    {
        QByteArray path;
        std::optional<qint64> dev;
    };
    std::optional<Resolved> resolvedInBatch(const FileId &dir) const;
    void setResolvedInBatch(const FileId &dir, const Resolved &resolved);
    void newBatch() { m_batch.clear(); }

    // Device and inode of the object a handle names, known from an earlier call or opened now (O_PATH); nullopt
    // when it does not open (removed, or on no registered filesystem). At most kMaxInodes are remembered.
    struct Inode
    {
        qint64 dev = 0, ino = 0;
    };
    std::optional<Inode> inodeOf(const FileId &id);
    static constexpr qsizetype kMaxInodes = 16384;

private:
    struct Mount
    {
        quint64 device = 0;
        QByteArray mountPoint;
        int fd = -1; // between open() and release()
    };
    static QByteArray keyOf(const FileId &id);

    QHash<quint64, Mount> m_mounts; // by fsid
    QHash<QByteArray, QByteArray> m_directories; // keyOf(handle) -> path
    struct Removed
    {
        QByteArray path;
        qint64 at = 0;
    };
    QHash<QByteArray, Removed> m_removed; // keyOf(handle) -> last path, when its removal was read
    QHash<QByteArray, Resolved> m_batch; // keyOf(handle) -> path until newBatch()
    QHash<QByteArray, Inode> m_inodes; // keyOf(handle) -> inode
};

} // namespace Flight::Capture
