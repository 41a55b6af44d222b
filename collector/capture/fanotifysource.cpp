// SPDX-License-Identifier: GPL-3.0-or-later
// FanotifySource's reader (the class is split by responsibility; fanotifymarks.cpp creates the groups and marks,
// fanotifyprocesskeys.cpp keys events to processes): the reader thread, reading each group's events, turning them
// into file accesses with their paths, and delivering them with the losses counted on the way.
#include "fanotifysource.h"

#include "hostinfo.h"
#include "scopedfd.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sys/fanotify.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Capture {

namespace {

constexpr int kPollMs = 200; // the aggregator's windows are closed at least this often
constexpr int kWaitingPollMs = 20; // how often accesses waiting for the process events are looked at
constexpr auto kStopWait = std::chrono::milliseconds(300); // what stop() gives the process events to catch up

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
