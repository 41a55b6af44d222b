// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanotifyfid.h"

#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/fanotify.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Capture {

namespace {

constexpr qsizetype kMetadataSize = sizeof(fanotify_event_metadata);
constexpr qsizetype kHeaderSize = sizeof(fanotify_event_info_header);
constexpr qsizetype kFidSize = sizeof(fanotify_event_info_fid); // header and fsid; a struct file_handle follows
constexpr qsizetype kHandleHeaderSize = sizeof(file_handle); // handle_bytes and handle_type; f_handle follows
static_assert(sizeof(fanotify_event_info_fid::fsid) == sizeof(quint64));

template <typename T> T copyAt(QByteArrayView bytes, qsizetype offset)
{
    T value;
    std::memcpy(&value, bytes.data() + offset, sizeof value);
    return value;
}

Error malformed(qsizetype offset, const QString &what)
{
    return Error{u"fanotify event: %1 (byte %2)"_s.arg(what).arg(offset)};
}

// The record of `length` bytes at `offset`, already checked to lie within `record`: fsid, file handle and, when
// `named`, the NUL-terminated name after the handle (what follows the NUL is padding).
Expected<DirEntryId> parseFid(QByteArrayView record, qsizetype offset, qsizetype length, bool named)
{
    if (length < kFidSize + kHandleHeaderSize)
        return malformed(offset, u"a file handle record of %1 bytes is too short for its fixed part"_s.arg(length));
    const auto info = copyAt<fanotify_event_info_fid>(record, offset);
    const auto handle = copyAt<file_handle>(record, offset + kFidSize);
    const qsizetype handleStart = offset + kFidSize + kHandleHeaderSize, end = offset + length;
    if (handle.handle_bytes == 0 || handle.handle_bytes > MAX_HANDLE_SZ || handle.handle_bytes > end - handleStart)
        return malformed(
            offset, u"a file handle of %1 bytes does not fit its record of %2"_s.arg(handle.handle_bytes).arg(length));
    DirEntryId id;
    std::memcpy(&id.dir.fsid, &info.fsid, sizeof id.dir.fsid);
    id.dir.handleType = handle.handle_type;
    id.dir.handle = record.sliced(handleStart, handle.handle_bytes).toByteArray();
    if (!named)
        return id;
    const qsizetype nameStart = handleStart + handle.handle_bytes;
    const qsizetype nul = record.sliced(nameStart, end - nameStart).indexOf('\0');
    if (nul < 0)
        return malformed(nameStart, u"the name does not end within its record"_s);
    id.name = record.sliced(nameStart, nul).toByteArray();
    if (id.name.isEmpty() || id.name.contains('/') || id.name == "." || id.name == "..")
        return malformed(nameStart, u"\"%1\" is not a name in a directory"_s.arg(QString::fromUtf8(id.name)));
    return id;
}

} // namespace

Expected<FidEvent> parseFidEvent(QByteArrayView record)
{
    if (record.size() < kMetadataSize)
        return malformed(0, u"%1 bytes are too few for the metadata"_s.arg(record.size()));
    const auto metadata = copyAt<fanotify_event_metadata>(record, 0);
    if (metadata.vers != FANOTIFY_METADATA_VERSION)
        return malformed(0,
                         u"metadata version %1, expected %2"_s.arg(int(metadata.vers)).arg(FANOTIFY_METADATA_VERSION));
    if (metadata.event_len != record.size())
        return malformed(0, u"event length %1 in a record of %2 bytes"_s.arg(metadata.event_len).arg(record.size()));
    if (metadata.metadata_len < kMetadataSize || metadata.metadata_len > metadata.event_len)
        return malformed(
            0, u"metadata length %1 in an event of %2 bytes"_s.arg(metadata.metadata_len).arg(metadata.event_len));
    FidEvent event;
    event.mask = metadata.mask;
    event.pid = metadata.pid;
    bool pidfd = false;
    for (qsizetype offset = metadata.metadata_len; offset < record.size();) {
        if (record.size() - offset < kHeaderSize)
            return malformed(offset, u"%1 bytes left, too few for an info record"_s.arg(record.size() - offset));
        const auto header = copyAt<fanotify_event_info_header>(record, offset);
        if (header.len < kHeaderSize || header.len > record.size() - offset)
            return malformed(offset,
                             u"an info record of type %1 claims %2 bytes, %3 are left"_s.arg(int(header.info_type))
                                 .arg(header.len)
                                 .arg(record.size() - offset));
        std::optional<DirEntryId> *entry = nullptr;
        switch (header.info_type) {
        case FAN_EVENT_INFO_TYPE_DFID_NAME:
            entry = &event.entry;
            break;
        case FAN_EVENT_INFO_TYPE_OLD_DFID_NAME:
            entry = &event.from;
            break;
        case FAN_EVENT_INFO_TYPE_NEW_DFID_NAME:
            entry = &event.to;
            break;
        case FAN_EVENT_INFO_TYPE_FID: {
            if (event.target)
                return malformed(offset, u"a second file handle record"_s);
            auto target = parseFid(record, offset, header.len, false);
            if (!target)
                return target.error();
            event.target = std::move(target->dir);
            break;
        }
        case FAN_EVENT_INFO_TYPE_PIDFD:
            if (pidfd || header.len < qsizetype(sizeof(fanotify_event_info_pidfd)))
                return malformed(offset, u"a second or short pidfd record"_s);
            pidfd = true;
            break;
        default: // not asked for (FAN_EVENT_INFO_TYPE_DFID, _ERROR) or newer than this code: skipped by its length
            break;
        }
        if (entry) {
            if (*entry)
                return malformed(offset, u"a second directory entry record of type %1"_s.arg(int(header.info_type)));
            auto parsed = parseFid(record, offset, header.len, true);
            if (!parsed)
                return parsed.error();
            *entry = std::move(*parsed);
        }
        offset += header.len;
    }
    if ((event.mask & (FAN_CREATE | FAN_DELETE)) && !event.entry)
        return malformed(0, u"a create or delete without its directory entry"_s);
    if ((event.mask & FAN_RENAME) && !(event.from && event.to))
        return malformed(0, u"a rename without its old and new directory entries"_s);
    return event;
}

int pidfdOf(QByteArrayView record)
{
    if (record.size() < kMetadataSize)
        return FAN_NOPIDFD;
    const auto metadata = copyAt<fanotify_event_metadata>(record, 0);
    qsizetype offset = metadata.metadata_len;
    if (offset < kMetadataSize)
        return FAN_NOPIDFD;
    while (record.size() - offset >= kHeaderSize) {
        const auto header = copyAt<fanotify_event_info_header>(record, offset);
        if (header.len < kHeaderSize || header.len > record.size() - offset)
            break;
        if (header.info_type == FAN_EVENT_INFO_TYPE_PIDFD && header.len >= sizeof(fanotify_event_info_pidfd))
            return copyAt<fanotify_event_info_pidfd>(record, offset).pidfd;
        offset += header.len;
    }
    return FAN_NOPIDFD;
}

quint64 fsidOf(const struct ::statfs &fs)
{
    static_assert(sizeof fs.f_fsid == sizeof(quint64));
    quint64 fsid = 0;
    std::memcpy(&fsid, &fs.f_fsid, sizeof fsid);
    return fsid;
}

FidResolver::~FidResolver()
{
    release();
}

FidResolver::Seen FidResolver::seen(quint64 fsid, quint64 device) const
{
    const auto it = m_mounts.constFind(fsid);
    if (it == m_mounts.cend())
        return Seen::New;
    return it->device == device ? Seen::Known : Seen::Clash;
}

void FidResolver::addMount(quint64 fsid, quint64 device, const QByteArray &mountPoint)
{
    m_mounts.insert(fsid, {device, mountPoint, -1});
}

QByteArray FidResolver::mountPoint(quint64 fsid) const
{
    return m_mounts.value(fsid).mountPoint;
}

int FidResolver::open(const FileId &id, int flags)
{
    const auto it = m_mounts.find(id.fsid);
    if (it == m_mounts.end())
        return -1;
    if (it->fd < 0) {
        // Opened for reading: open_by_handle_at takes no O_PATH descriptor as its mount_fd.
        it->fd = ::open(it->mountPoint.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        struct statfs fs = {};
        if (it->fd >= 0 && (::fstatfs(it->fd, &fs) != 0 || fsidOf(fs) != id.fsid)) {
            ::close(it->fd); // the mount point shows another filesystem now
            it->fd = -1;
        }
        if (it->fd < 0)
            return -1;
    }
    // struct file_handle ends in a flexible array: built in malloc'd memory, which is aligned for it.
    auto *handle = static_cast<file_handle *>(std::malloc(sizeof(file_handle) + size_t(id.handle.size())));
    if (!handle)
        return -1;
    handle->handle_bytes = uint(id.handle.size());
    handle->handle_type = id.handleType;
    std::memcpy(handle->f_handle, id.handle.constData(), size_t(id.handle.size()));
    const int fd = ::open_by_handle_at(it->fd, handle, flags | O_CLOEXEC);
    std::free(handle);
    return fd;
}

void FidResolver::release()
{
    for (Mount &mount : m_mounts) {
        if (mount.fd >= 0)
            ::close(mount.fd);
        mount.fd = -1;
    }
}

void FidResolver::clear()
{
    release();
    m_batch.clear();
    m_mounts.clear();
    m_directories.clear();
    m_removed.clear();
    m_inodes.clear();
}

namespace {

// Inserts into a hash of at most `limit` entries, forgetting an arbitrary one beyond.
template <typename T>
void insertBounded(QHash<QByteArray, T> &hash, const QByteArray &key, const T &value, qsizetype limit)
{
    if (!hash.contains(key) && hash.size() >= limit)
        hash.erase(hash.begin());
    hash.insert(key, value);
}

} // namespace

std::optional<FidResolver::Resolved> FidResolver::resolvedInBatch(const FileId &dir) const
{
    const auto it = m_batch.constFind(keyOf(dir));
    return it == m_batch.cend() ? std::nullopt : std::optional(*it);
}

void FidResolver::setResolvedInBatch(const FileId &dir, const Resolved &resolved)
{
    insertBounded(m_batch, keyOf(dir), resolved, kMaxDirectories);
}

std::optional<FidResolver::Inode> FidResolver::inodeOf(const FileId &id)
{
    const QByteArray key = keyOf(id);
    if (const auto it = m_inodes.constFind(key); it != m_inodes.cend())
        return *it;
    const int fd = open(id, O_PATH);
    if (fd < 0)
        return std::nullopt;
    struct stat st = {};
    const bool statted = ::fstat(fd, &st) == 0;
    ::close(fd);
    if (!statted)
        return std::nullopt;
    const Inode inode{qint64(st.st_dev), qint64(st.st_ino)};
    insertBounded(m_inodes, key, inode, kMaxInodes);
    return inode;
}

void FidResolver::directorySeen(const FileId &dir, const QByteArray &path)
{
    insertBounded(m_directories, keyOf(dir), path, kMaxDirectories);
}

void FidResolver::directoryRemoved(const FileId &dir, qint64 at)
{
    const QByteArray key = keyOf(dir);
    if (const auto it = m_directories.constFind(key); it != m_directories.cend()) {
        insertBounded(m_removed, key, Removed{*it, at}, kMaxDirectories);
        m_directories.erase(it);
    }
}

void FidResolver::forgetRemovedBefore(qint64 time)
{
    m_removed.removeIf([time](const auto &entry) { return entry.value().at < time; });
}

QByteArray FidResolver::lastPathOf(const FileId &dir) const
{
    const QByteArray key = keyOf(dir);
    if (const auto it = m_directories.constFind(key); it != m_directories.cend())
        return *it;
    return m_removed.value(key).path;
}

QByteArray FidResolver::keyOf(const FileId &id)
{
    return QByteArray(reinterpret_cast<const char *>(&id.fsid), sizeof id.fsid)
        + QByteArray(reinterpret_cast<const char *>(&id.handleType), sizeof id.handleType) + id.handle;
}

} // namespace Flight::Capture
