// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanotifysource.h"

#include "hostinfo.h"
#include "mountinfo.h"
#include "procfs.h"
#include "scopedfd.h"

#include <QFile>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <sys/fanotify.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Capture {

namespace {

constexpr quint64 kMask = FAN_OPEN | FAN_OPEN_EXEC | FAN_CLOSE_WRITE;
constexpr quint64 kNamedMask = FAN_CREATE | FAN_DELETE | FAN_RENAME | FAN_ONDIR;
constexpr int kPollMs = 200; // the aggregator's windows are closed at least this often
constexpr int kWaitingPollMs = 20; // how often accesses waiting for the process events are looked at
constexpr auto kStopWait = std::chrono::milliseconds(300); // what stop() gives the process events to catch up

QString errorText(int error)
{
    QString text = QString::fromLocal8Bit(std::strerror(error));
    if (!text.isEmpty())
        text[0] = text[0].toLower();
    return text;
}

// The path of a descriptor; a removed file's or directory's without the kernel's " (deleted)". Whether it was removed
// is asked after the link was read: a removal clears the link count before the name shows " (deleted)", so a removal
// racing with the read cannot leave the suffix on (a name that really ends so, of a file still linked, keeps it).
QByteArray pathOf(int fd)
{
    char buffer[PATH_MAX];
    const QByteArray link = "/proc/self/fd/" + QByteArray::number(fd);
    const ssize_t n = ::readlink(link.constData(), buffer, sizeof buffer);
    if (n <= 0)
        return {};
    QByteArray path(buffer, n);
    struct stat st = {};
    if (path.endsWith(" (deleted)") && ::fstat(fd, &st) == 0 && st.st_nlink == 0)
        path.chop(10);
    return path;
}

} // namespace

FanotifySource::FanotifySource(FanotifyOptions options)
    : m_options(std::move(options))
    , m_filter(m_options.include, m_options.exclude)
    , m_aggregator(m_options.aggregateWindow)
    , m_namedMissing(u"not started"_s)
{
}

FanotifySource::~FanotifySource()
{
    stop();
}

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

void FanotifySource::stop()
{
    if (!m_thread.joinable())
        return;
    const quint64 one = 1;
    if (::write(m_wake, &one, sizeof one) != sizeof one)
        qWarning("fanotify: cannot wake the reader");
    m_thread.join();
    closeAll();
}

FanotifySource::Stats FanotifySource::stats() const
{
    return {m_events.load(),      m_unkeyed.load(),    m_keyedLate.load(), m_overflows.load(),  m_marks.load(),
            m_namedEvents.load(), m_unresolved.load(), m_malformed.load(), m_namedMarks.load(), m_handleMarks.load(),
            m_ignoreMarks.load()};
}

void FanotifySource::closeAll()
{
    for (int *fd : {&m_groups[Descriptors], &m_groups[Access], &m_groups[Names], &m_mountinfo, &m_wake}) {
        if (*fd >= 0)
            ::close(*fd);
        *fd = -1;
    }
    m_resolver.clear();
    m_namedDevices.clear();
    m_ignored.clear(); // the marks went with the group
}

void FanotifySource::run()
{
    ::pthread_setname_np(::pthread_self(), "flightrec-fanot");
    for (;;) {
        // A negative fd (a group not created) is ignored by poll.
        pollfd fds[5] = {{m_groups[Descriptors], POLLIN, 0},
                         {m_groups[Access], POLLIN, 0},
                         {m_groups[Names], POLLIN, 0},
                         {m_mountinfo, POLLPRI, 0},
                         {m_wake, POLLIN, 0}};
        const int ready = ::poll(fds, 5, m_waiting.empty() ? kPollMs : kWaitingPollMs);
        QList<Format::Event> out;
        const bool stopping = ready > 0 && (fds[4].revents & POLLIN);
        if (ready > 0 && (fds[3].revents & POLLPRI)) {
            if (auto marked = markFilesystems(); !marked) // a new mount: mark it too
                qWarning("%s", qPrintable(marked.error().message));
        }
        // Names first: a directory created, filled and removed since the last look is seen created before the
        // accesses in it are resolved; its removal keeps its path until the access group's queue was seen empty after.
        for (const Group group : {Names, Descriptors, Access})
            readEvents(group, out);
        m_resolver.release(); // mount points held only while a batch is resolved: they would keep filesystems busy
        m_resolver.forgetRemovedBefore(m_groups[Access] >= 0 ? m_emptySince[Access] : boottimeNs());
        if (stopping) {
            const auto deadline = std::chrono::steady_clock::now() + kStopWait;
            while (!m_waiting.empty() && std::chrono::steady_clock::now() < deadline) {
                keyWaiting(false, out);
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        }
        keyWaiting(stopping, out);
        if (stopping)
            m_aggregator.flushAll(out);
        else
            m_aggregator.flush(boottimeNs(), out);
        liftIgnoreMarks();
        deliver(out);
        if (stopping)
            return;
    }
}

void FanotifySource::readEvents(Group group, QList<Format::Event> &out)
{
    const int fd = m_groups[group];
    if (fd < 0)
        return;
    alignas(fanotify_event_metadata) char buffer[64 * 1024];
    for (int batch = 0; batch < 64; ++batch) { // then close windows and look at the wake-up fd again
        const qint64 before = boottimeNs();
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EAGAIN)
            m_emptySince[group] = before; // what is queued from now on was queued after this
        if (n <= 0)
            return;
        m_resolver.newBatch();
        m_batchKeys[group].clear();
        // Walked by offsets with copies, not FAN_EVENT_NEXT's casts: each record is checked against what was read.
        for (ssize_t offset = 0; offset + ssize_t(sizeof(fanotify_event_metadata)) <= n;) {
            fanotify_event_metadata event;
            std::memcpy(&event, buffer + offset, sizeof event);
            if (event.event_len < sizeof event || offset + ssize_t(event.event_len) > n)
                return;
            if (event.vers != FANOTIFY_METADATA_VERSION) {
                qWarning("fanotify: metadata version %d, expected %d", event.vers, FANOTIFY_METADATA_VERSION);
                return;
            }
            const QByteArrayView record(buffer + offset, event.event_len);
            switch (group) {
            case Descriptors:
                handle(event, record, out);
                break;
            case Access:
                handleAccess(event, record, out);
                break;
            case Names:
            case GroupCount:
                handleNamed(event, record, out);
                break;
            }
            offset += event.event_len;
        }
    }
}

void FanotifySource::handle(const fanotify_event_metadata &event, QByteArrayView record, QList<Format::Event> &out)
{
    ++m_events;
    const int pidfd = pidfdOf(record);
    const auto closeFds = [&] {
        if (event.fd >= 0)
            ::close(event.fd);
        if (pidfd >= 0)
            ::close(pidfd);
    };
    if (event.mask & FAN_Q_OVERFLOW) {
        ++m_overflows;
        return closeFds();
    }
    if (event.fd < 0 || leftOut(event.pid))
        return closeFds();
    struct stat st = {};
    const bool statted = ::fstat(event.fd, &st) == 0;
    const QByteArray path = pathOf(event.fd);
    if (path.isEmpty() || !m_filter.accepts(path))
        return closeFds();
    const auto key = keyOf(Descriptors, event.pid, pidfd);
    closeFds();
    QList<Format::FileAccess> accesses;
    const auto access = [&](Format::FileOp op) {
        accesses.append({{}, op, path, std::nullopt, std::nullopt, std::nullopt, std::nullopt});
        if (statted) {
            accesses.last().dev = qint64(st.st_dev);
            accesses.last().ino = qint64(st.st_ino);
        }
    };
    if (event.mask & FAN_OPEN_EXEC)
        access(Format::FileOp::Exec);
    else if (event.mask & FAN_OPEN)
        access(Format::FileOp::Open);
    if (event.mask & FAN_CLOSE_WRITE)
        access(Format::FileOp::Write);
    attribute(event.pid, key, std::move(accesses), Descriptors, out);
}

std::optional<FidEvent> FanotifySource::parseHandleEvent(const fanotify_event_metadata &event, QByteArrayView record)
{
    if (event.fd >= 0) // FAN_NOFD in a group that reports file handles
        ::close(event.fd);
    if (event.mask & FAN_Q_OVERFLOW) {
        ++m_overflows;
        return std::nullopt;
    }
    if (leftOut(event.pid))
        return std::nullopt;
    auto parsed = parseFidEvent(record);
    if (!parsed) {
        if (m_malformed++ == 0)
            qWarning("%s", qPrintable(parsed.error().message));
        return std::nullopt;
    }
    return std::move(*parsed);
}

void FanotifySource::handleAccess(const fanotify_event_metadata &event, QByteArrayView record,
                                  QList<Format::Event> &out)
{
    ++m_events;
    const ScopedFd pidfd(pidfdOf(record)); // FAN_REPORT_PIDFD
    const auto parsed = parseHandleEvent(event, record);
    if (!parsed)
        return;
    if (!parsed->entry) { // the kernel names the directory and the file of every access of a non-directory
        ++m_malformed;
        return;
    }
    std::optional<qint64> dev, ino;
    QByteArray path = entryPath(*parsed->entry, dev);
    if (path.isEmpty()) {
        // Its directory may be gone, created after the name group was last read: the name group's queue holds that.
        readEvents(Names, out);
        path = entryPath(*parsed->entry, dev);
    }
    if (path.isEmpty()) {
        ++m_unresolved;
        return;
    }
    if (!m_filter.accepts(path))
        return;
    const auto key = keyOf(Access, event.pid, pidfd.get());
    if (parsed->target) {
        if (const auto inode = m_resolver.inodeOf(*parsed->target)) {
            dev = inode->dev;
            ino = inode->ino;
        }
    }
    // A second open of the file by this process within its window (an exec is never ignored).
    const bool repeatedOpen = m_options.ignoreRepeats && key && parsed->target && (parsed->mask & FAN_OPEN)
        && !(parsed->mask & FAN_OPEN_EXEC)
        && m_aggregator.holds({*key, Format::FileOp::Open, path, std::nullopt, dev, ino, std::nullopt});
    QList<Format::FileAccess> accesses;
    const auto access = [&](Format::FileOp op) {
        accesses.append({{}, op, path, std::nullopt, dev, ino, std::nullopt});
    };
    if (parsed->mask & FAN_OPEN_EXEC)
        access(Format::FileOp::Exec);
    else if (parsed->mask & FAN_OPEN)
        access(Format::FileOp::Open);
    if (parsed->mask & FAN_CLOSE_WRITE)
        access(Format::FileOp::Write);
    attribute(event.pid, key, std::move(accesses), Access, out);
    if (repeatedOpen)
        ignoreOpens(*parsed->target);
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

void FanotifySource::handleNamed(const fanotify_event_metadata &event, QByteArrayView record, QList<Format::Event> &out)
{
    ++m_namedEvents;
    const ScopedFd pidfd(pidfdOf(record)); // FAN_REPORT_PIDFD
    const auto parsed = parseHandleEvent(event, record);
    if (!parsed)
        return;
    const bool rename = parsed->mask & FAN_RENAME;
    std::optional<qint64> dev, ino;
    const QByteArray path = entryPath(rename ? *parsed->from : *parsed->entry, dev);
    const QByteArray to = rename ? entryPath(*parsed->to, dev) : QByteArray();
    if (path.isEmpty() || (rename && to.isEmpty())) {
        ++m_unresolved;
        return;
    }
    if ((parsed->mask & FAN_ONDIR) && parsed->target) { // for the events in it, should it be gone when they are read
        // A merged create and delete stands where the create was queued, before the events in the directory.
        if (rename || (parsed->mask & FAN_CREATE))
            m_resolver.directorySeen(*parsed->target, rename ? to : path);
        else // removed: the events in it were queued before this one
            m_resolver.directoryRemoved(*parsed->target, boottimeNs());
    }
    const bool pathAccepted = m_filter.accepts(path), toAccepted = rename && m_filter.accepts(to);
    if (!pathAccepted && !toAccepted)
        return;
    QList<std::pair<Format::FileOp, QByteArray>> ops;
    if (rename && pathAccepted && toAccepted)
        ops.append({Format::FileOp::Rename, path});
    else if (rename) // between an accepted and an excluded path: only the accepted side shows, as a delete or create
        ops.append({pathAccepted ? Format::FileOp::Delete : Format::FileOp::Create, pathAccepted ? path : to});
    if (!rename && (parsed->mask & FAN_CREATE))
        ops.append({Format::FileOp::Create, path});
    if (!rename && (parsed->mask & FAN_DELETE)) // after the create when fanotify merged the two
        ops.append({Format::FileOp::Delete, path});
    const auto key = keyOf(Names, event.pid, pidfd.get(), m_namedPidfd);
    if (parsed->target) { // gone, for most deletes, unless seen by an earlier event
        if (const auto inode = m_resolver.inodeOf(*parsed->target)) {
            dev = inode->dev;
            ino = inode->ino;
        }
    }
    const QByteArray suffix = (parsed->mask & FAN_ONDIR) ? "/" : "";
    QList<Format::FileAccess> accesses;
    for (const auto &[op, name] : ops) {
        accesses.append({{}, op, name + suffix, std::nullopt, dev, ino, std::nullopt});
        if (op == Format::FileOp::Rename)
            accesses.last().to = to + suffix;
    }
    attribute(event.pid, key, std::move(accesses), Names, out);
}

void FanotifySource::attribute(qint64 pid, const std::optional<Format::ProcKey> &key,
                               QList<Format::FileAccess> accesses, Group group, QList<Format::Event> &out)
{
    const qint64 mono = boottimeNs(), ts = realtimeNs();
    if (key)
        add(*key, ts, mono, std::move(accesses), out);
    else if (m_options.lifetimes)
        m_waiting.push_back({pid, m_emptySince[group], mono, ts, std::move(accesses)});
    else
        ++m_unkeyed;
}

void FanotifySource::add(const Format::ProcKey &key, qint64 ts, qint64 mono, QList<Format::FileAccess> accesses,
                         QList<Format::Event> &out)
{
    for (Format::FileAccess &access : accesses) {
        access.proc = key;
        if (access.op == Format::FileOp::Rename) // each one delivered: renames are few, and which name a file
            out.append({ts, mono, std::move(access)}); // ended up under matters
        else
            m_aggregator.add({ts, mono, std::move(access)}, out);
    }
}

void FanotifySource::keyWaiting(bool giveUp, QList<Format::Event> &out)
{
    if (m_waiting.empty())
        return;
    const qint64 complete = m_options.lifetimes->completeUntil();
    const qint64 waitedEnough = boottimeNs() - qint64(std::chrono::nanoseconds(m_options.keyWait).count());
    while (!m_waiting.empty()) {
        Waiting &waiting = m_waiting.front();
        const bool ready = complete >= waiting.readAt;
        if (!ready && !giveUp && waiting.readAt > waitedEnough)
            return; // the rest were read later still
        const auto key
            = ready ? m_options.lifetimes->keyOf(waiting.pid, waiting.queuedAfter, waiting.readAt) : std::nullopt;
        if (key) {
            ++m_keyedLate;
            add(*key, waiting.ts, waiting.readAt, std::move(waiting.accesses), out);
        } else {
            ++m_unkeyed;
        }
        m_waiting.pop_front();
    }
}

QByteArray FanotifySource::entryPath(const DirEntryId &entry, std::optional<qint64> &dev)
{
    QByteArray dir;
    if (const auto resolved = m_resolver.resolvedInBatch(entry.dir)) {
        dir = resolved->path;
        dev = resolved->dev;
    } else if (const int fd = m_resolver.open(entry.dir, O_PATH | O_DIRECTORY); fd >= 0) {
        struct stat st = {};
        const bool statted = ::fstat(fd, &st) == 0;
        dir = pathOf(fd);
        ::close(fd);
        if (!dir.startsWith('/')) {
            dir.clear(); // not reachable from the collector's root
        } else {
            if (statted)
                dev = qint64(st.st_dev);
            m_resolver.directorySeen(entry.dir, dir);
            m_resolver.setResolvedInBatch(entry.dir, {dir, dev});
        }
    }
    if (dir.isEmpty()) // removed before the event was read (or on a filesystem not marked under this fsid)
        dir = m_resolver.lastPathOf(entry.dir);
    if (dir.isEmpty())
        return {};
    return dir.endsWith('/') ? dir + entry.name : dir + '/' + entry.name;
}

std::optional<Format::ProcKey> FanotifySource::keyOf(Group group, qint64 pid, int pidfd, bool verified)
{
    if (!m_options.keyByPidfd)
        return std::nullopt;
    if (!verified) { // a group without pidfds: the pid may have been reused since the event
        const auto stat = readProcStat(pid);
        return stat ? std::optional(Format::ProcKey{pid, stat->startTicks}) : std::nullopt;
    }
    if (pidfd < 0)
        return std::nullopt; // FAN_NOPIDFD: the process had ended when the event was read
    if (const auto it = m_batchKeys[group].constFind(pid); it != m_batchKeys[group].cend())
        return *it;
    const auto stat = readProcStat(pid);
    // Still alive after the read: it held the pid all along, so the stat is its own.
    if (!stat || ::syscall(SYS_pidfd_send_signal, pidfd, 0, nullptr, 0) != 0)
        return std::nullopt;
    const Format::ProcKey key{pid, stat->startTicks};
    m_batchKeys[group].insert(pid, key);
    return key;
}

void FanotifySource::deliver(QList<Format::Event> &events)
{
    const qint64 mono = boottimeNs(), ts = realtimeNs();
    const auto loss = [&](qint64 count, const QString &reason) {
        events.append(
            {ts, mono,
             Format::RecorderLoss{u"file.fanotify"_s, count, Format::LossUnit::Events, reason, {}, {}, {}, {}}});
    };
    if (const qint64 overflows = m_overflows.load(); overflows > m_overflowsReported) {
        loss(overflows - m_overflowsReported, u"fanotify queue overflow (a lower bound)"_s);
        m_overflowsReported = overflows;
    }
    if (const qint64 unkeyed = m_unkeyed.load(); unkeyed > m_unkeyedReported) {
        loss(unkeyed - m_unkeyedReported, u"process ended before its access was read"_s);
        m_unkeyedReported = unkeyed;
    }
    if (const qint64 unresolved = m_unresolved.load(); unresolved > m_unresolvedReported) {
        loss(unresolved - m_unresolvedReported,
             u"directory of an access, create, delete or rename gone before its path was read"_s);
        m_unresolvedReported = unresolved;
    }
    if (const qint64 malformed = m_malformed.load(); malformed > m_malformedReported) {
        loss(malformed - m_malformedReported, u"malformed fanotify event"_s);
        m_malformedReported = malformed;
    }
    for (Format::Event &event : events)
        m_sink->deliver(std::move(event));
}

} // namespace Flight::Capture
