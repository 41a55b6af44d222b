// SPDX-License-Identifier: GPL-3.0-or-later
// FanotifySource's groups and marks (the class is split by responsibility; fanotifysource.cpp reads and resolves the
// events, fanotifyprocesskeys.cpp keys them to processes): creating the groups, marking every captured filesystem
// with the group that can report on it, the backend reason that says what was and was not marked, and the ignore
// marks of ignoreRepeats.
#include "fanotifysource.h"

#include "hostinfo.h"
#include "mountinfo.h"
#include "scopedfd.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/fanotify.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Capture {

namespace {

constexpr quint64 kMask = FAN_OPEN | FAN_OPEN_EXEC | FAN_CLOSE_WRITE;
constexpr quint64 kNamedMask = FAN_CREATE | FAN_DELETE | FAN_RENAME | FAN_ONDIR;

QString errorText(int error)
{
    QString text = QString::fromLocal8Bit(std::strerror(error));
    if (!text.isEmpty())
        text[0] = text[0].toLower();
    return text;
}

} // namespace

Format::Backend FanotifySource::backend() const
{
    QStringList reason;
    if (!m_options.whyNotBetter.isEmpty())
        reason.append(m_options.whyNotBetter);
    if (m_options.accesses && !m_accessMissing.isEmpty())
        reason.append(u"paths of opens, execs and writes are read when the event is read, so a file renamed meanwhile "
                      "shows its new name (%1)"_s.arg(m_accessMissing));
    else if (m_options.accesses && !m_byDescriptor.isEmpty())
        reason.append(u"paths of opens, execs and writes read when the event is read on: "_s
                      + m_byDescriptor.join(u", "_s));
    if (!m_namedMissing.isEmpty())
        reason.append(u"creates, deletes and renames are not captured (%1)"_s.arg(m_namedMissing));
    else if (!m_namedPidfd)
        reason.append(u"creates, deletes and renames are keyed by pid without a pidfd (a reused pid can be "
                      "misattributed)"_s);
    reason.append(u"counts of repeated %1 are lower bounds (fanotify merges queued events)"_s.arg(
        m_options.accesses ? u"accesses"_s : u"creates and deletes"_s));
    if (m_options.ignoreRepeats && m_groups[Access] >= 0)
        reason.append(u"file_ignore_repeats: once a process's open of a file is read twice within %1 ms, opens of that "
                      "file by any process are not seen for up to %1 ms more (execs and writes are)"_s.arg(
                          qint64(m_options.aggregateWindow.count())));
    if (!m_unmarked.isEmpty())
        reason.append(u"not marked: "_s + m_unmarked.join(u", "_s));
    if (m_namedMissing.isEmpty() && !m_namedUnmarked.isEmpty())
        reason.append(u"creates, deletes and renames not captured on: "_s + m_namedUnmarked.join(u", "_s));
    return {u"file"_s, u"fanotify"_s, false, reason.join(u"; "_s)};
}

Expected<void> FanotifySource::start(EventSink &sink)
{
    if (m_thread.joinable())
        return Error{u"fanotify: already started"_s};
    if (m_options.accesses) {
        m_groups[Descriptors] = ::fanotify_init(FAN_CLASS_NOTIF | FAN_CLOEXEC | FAN_NONBLOCK | FAN_REPORT_PIDFD,
                                                O_RDONLY | O_LARGEFILE | O_CLOEXEC);
        if (m_groups[Descriptors] < 0)
            return Error{u"fanotify: %1"_s.arg(errorText(errno))};
    }
    createHandleGroups();
    if (!m_options.accesses && m_groups[Names] < 0)
        return Error{u"fanotify: %1"_s.arg(m_namedMissing)};
    if (auto marked = markFilesystems(); !marked) {
        closeAll();
        return marked;
    }
    m_mountinfo = ::open("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
    m_wake = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_mountinfo < 0 || m_wake < 0) {
        const int error = errno;
        closeAll();
        return Error{u"fanotify: %1"_s.arg(errorText(error))};
    }
    m_sink = &sink;
    std::fill(std::begin(m_emptySince), std::end(m_emptySince), boottimeNs()); // nothing was queued before the marks
    m_thread = std::thread([this] { run(); });
    return {};
}

void FanotifySource::createHandleGroups()
{
    constexpr unsigned kNotify = FAN_CLASS_NOTIF | FAN_CLOEXEC | FAN_NONBLOCK;
    constexpr unsigned kOpenFlags = O_RDONLY | O_LARGEFILE | O_CLOEXEC;
    // Accepted together since Linux 5.17 (FAN_REPORT_TARGET_FID came last).
    if (!m_options.accesses) {
        m_accessMissing.clear();
    } else if (m_options.accessByHandle) {
        m_groups[Access]
            = ::fanotify_init(kNotify | FAN_REPORT_DFID_NAME | FAN_REPORT_FID | FAN_REPORT_PIDFD, kOpenFlags);
        m_accessMissing = m_groups[Access] < 0
            ? u"fanotify name reporting with pidfds (Linux 5.17+): %1"_s.arg(errorText(errno))
            : QString();
    } else {
        m_accessMissing = u"file handles turned off"_s;
    }
    constexpr unsigned kNamed = kNotify | FAN_REPORT_DFID_NAME_TARGET;
    m_groups[Names] = ::fanotify_init(kNamed | FAN_REPORT_PIDFD, kOpenFlags);
    m_namedPidfd = m_groups[Names] >= 0;
    // Should a kernel refuse the pair, keys come from /proc/<pid>/stat alone (keyOf, unverified) rather than not at
    // all.
    if (m_groups[Names] < 0 && errno == EINVAL)
        m_groups[Names] = ::fanotify_init(kNamed, kOpenFlags);
    m_namedMissing
        = m_groups[Names] < 0 ? u"fanotify name reporting (Linux 5.17+): %1"_s.arg(errorText(errno)) : QString();
}

Expected<void> FanotifySource::markFilesystems()
{
    auto mounts = readMountInfo();
    if (!mounts)
        return Error{u"fanotify: %1"_s.arg(mounts.error().message)};
    // The handle groups resolve handles through the mount first seen: one of the whole filesystem reaches every path.
    std::stable_partition(mounts->begin(), mounts->end(), [](const Mount &m) { return m.root == "/"; });
    for (const Mount &mount : *mounts) {
        const quint64 device = makedev(mount.major, mount.minor);
        if (!isCapturedFilesystem(mount.type))
            continue;
        markNamed(mount.mountPoint, mount.type, device);
        if (!m_options.accesses || m_markedDevices.contains(device))
            continue;
        if (markAccess(mount.mountPoint, mount.type)
            || ::fanotify_mark(m_groups[Descriptors], FAN_MARK_ADD | FAN_MARK_FILESYSTEM, kMask, AT_FDCWD,
                               mount.mountPoint.constData())
                == 0) {
            m_markedDevices.insert(device);
            m_marks = m_markedDevices.size();
            continue;
        }
        const int error = errno;
        if (error == EPERM)
            return Error{u"fanotify: marking %1: %2"_s.arg(QString::fromUtf8(mount.mountPoint), errorText(error))};
        const QString entry = u"%1 (%2): %3"_s.arg(QString::fromUtf8(mount.mountPoint), mount.type, errorText(error));
        if (!m_unmarked.contains(entry))
            m_unmarked.append(entry);
    }
    if (!m_options.accesses && m_namedDevices.isEmpty())
        return Error{u"fanotify: no filesystem could be marked (%1)"_s.arg(m_namedUnmarked.join(u", "_s))};
    if (m_options.accesses && m_markedDevices.isEmpty())
        return Error{u"fanotify: no filesystem could be marked (%1)"_s.arg(m_unmarked.join(u", "_s))};
    return {};
}

QString FanotifySource::registerHandles(const QByteArray &mountPoint)
{
    struct statfs fs = {};
    struct stat st = {};
    if (::statfs(mountPoint.constData(), &fs) != 0 || ::stat(mountPoint.constData(), &st) != 0)
        return errorText(errno);
    const quint64 fsid = fsidOf(fs);
    switch (m_resolver.seen(fsid, quint64(st.st_dev))) {
    case FidResolver::Seen::New:
        m_resolver.addMount(fsid, quint64(st.st_dev), mountPoint);
        return {};
    case FidResolver::Seen::Known:
        return {};
    case FidResolver::Seen::Clash:
        break;
    }
    return u"same fsid as %1"_s.arg(QString::fromUtf8(m_resolver.mountPoint(fsid)));
}

void FanotifySource::markNamed(const QByteArray &mountPoint, const QString &type, quint64 device)
{
    if (m_groups[Names] < 0 || m_namedDevices.contains(device))
        return;
    QString failed = registerHandles(mountPoint);
    if (failed.isEmpty()
        && ::fanotify_mark(m_groups[Names], FAN_MARK_ADD | FAN_MARK_FILESYSTEM, kNamedMask, AT_FDCWD,
                           mountPoint.constData())
            != 0)
        failed = errorText(errno);
    if (failed.isEmpty()) {
        m_namedDevices.insert(device);
        m_namedMarks = m_namedDevices.size();
        return;
    }
    const QString entry = u"%1 (%2): %3"_s.arg(QString::fromUtf8(mountPoint), type, failed);
    if (!m_namedUnmarked.contains(entry))
        m_namedUnmarked.append(entry);
}

bool FanotifySource::markAccess(const QByteArray &mountPoint, const QString &type)
{
    if (m_groups[Access] < 0)
        return false;
    QString failed = registerHandles(mountPoint);
    if (failed.isEmpty()
        && ::fanotify_mark(m_groups[Access], FAN_MARK_ADD | FAN_MARK_FILESYSTEM, kMask, AT_FDCWD,
                           mountPoint.constData())
            == 0) {
        ++m_handleMarks;
        return true;
    }
    if (failed.isEmpty())
        failed = errorText(errno);
    const QString entry = u"%1 (%2): %3"_s.arg(QString::fromUtf8(mountPoint), type, failed);
    if (!m_byDescriptor.contains(entry))
        m_byDescriptor.append(entry);
    return false;
}

void FanotifySource::ignoreOpens(const FileId &target)
{
    if (m_ignored.size() >= kMaxIgnoreMarks)
        return;
    const ScopedFd fd(m_resolver.open(target, O_PATH));
    struct stat st = {};
    if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode))
        return; // gone, or not a regular file: a directory's ignore mark would need FAN_MARK_IGNORED_SURV_MODIFY
    const std::pair<qint64, qint64> inode{qint64(st.st_dev), qint64(st.st_ino)};
    if (m_ignored.contains(inode))
        return;
    // fanotify_mark takes no O_PATH descriptor as the object itself, but follows the descriptor's link: the very
    // inode the event named (its handle), whatever names it has now. Evictable: the mark does not pin the inode.
    const QByteArray link = "/proc/self/fd/" + QByteArray::number(fd.get());
    if (::fanotify_mark(m_groups[Access], FAN_MARK_ADD | FAN_MARK_IGNORE | FAN_MARK_EVICTABLE, FAN_OPEN, AT_FDCWD,
                        link.constData())
            != 0
        && (errno != EINVAL // a kernel before 6.0: the older kind of ignore mask, pinning the inode until lifted
            || ::fanotify_mark(m_groups[Access], FAN_MARK_ADD | FAN_MARK_IGNORED_MASK, FAN_OPEN, AT_FDCWD,
                               link.constData())
                != 0))
        return;
    if (m_ignored.isEmpty())
        m_ignoredSince = boottimeNs();
    m_ignored.insert(inode);
    ++m_ignoreMarks;
}

void FanotifySource::liftIgnoreMarks()
{
    const qint64 window = qint64(std::chrono::nanoseconds(m_options.aggregateWindow).count());
    if (m_ignored.isEmpty() || boottimeNs() < m_ignoredSince + window)
        return;
    // All inode marks of the access group are ignore marks (its own marks are filesystem marks).
    if (::fanotify_mark(m_groups[Access], FAN_MARK_FLUSH, 0, AT_FDCWD, nullptr) != 0)
        qWarning("fanotify: cannot lift the ignore marks: %s", std::strerror(errno));
    m_ignored.clear();
}

} // namespace Flight::Capture
