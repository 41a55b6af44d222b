// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanotifysource.h"

#include "hostinfo.h"
#include "mountinfo.h"
#include "procfs.h"

#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <sys/fanotify.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Capture {

namespace {

constexpr quint64 kMask = FAN_OPEN | FAN_OPEN_EXEC | FAN_CLOSE_WRITE;
constexpr int kPollMs = 200; // the aggregator's windows are closed at least this often

QString errorText(int error)
{
    QString text = QString::fromLocal8Bit(std::strerror(error));
    if (!text.isEmpty())
        text[0] = text[0].toLower();
    return text;
}

// The path of an event's file descriptor; a deleted file's name without the kernel's " (deleted)".
QByteArray pathOf(int fd, bool deleted)
{
    char buffer[PATH_MAX];
    const QByteArray link = "/proc/self/fd/" + QByteArray::number(fd);
    const ssize_t n = ::readlink(link.constData(), buffer, sizeof buffer);
    if (n <= 0)
        return {};
    QByteArray path(buffer, n);
    if (deleted && path.endsWith(" (deleted)"))
        path.chop(10);
    return path;
}

// The pidfd from the info records that follow the metadata in `record` (FAN_REPORT_PIDFD); FAN_NOPIDFD if none.
int pidfdOf(QByteArrayView record, quint32 metadataLength)
{
    for (qsizetype offset = metadataLength; offset + qsizetype(sizeof(fanotify_event_info_header)) <= record.size();) {
        fanotify_event_info_header header;
        std::memcpy(&header, record.data() + offset, sizeof header);
        if (header.len < sizeof header || offset + header.len > record.size())
            break;
        if (header.info_type == FAN_EVENT_INFO_TYPE_PIDFD && header.len >= sizeof(fanotify_event_info_pidfd)) {
            fanotify_event_info_pidfd info;
            std::memcpy(&info, record.data() + offset, sizeof info);
            return info.pidfd;
        }
        offset += header.len;
    }
    return FAN_NOPIDFD;
}

} // namespace

FanotifySource::FanotifySource(FanotifyOptions options)
    : m_options(std::move(options))
    , m_filter(m_options.include, m_options.exclude)
    , m_aggregator(m_options.aggregateWindow)
{
}

FanotifySource::~FanotifySource()
{
    stop();
}

Format::Backend FanotifySource::backend() const
{
    QString reason = u"creates, deletes and renames are not captured; counts of repeated accesses are lower bounds "
                     "(fanotify merges queued events)"_s;
    if (!m_unmarked.isEmpty())
        reason += u"; not marked: "_s + m_unmarked.join(u", "_s);
    return {u"file"_s, u"fanotify"_s, false, reason};
}

Expected<void> FanotifySource::start(EventSink &sink)
{
    if (m_thread.joinable())
        return Error{u"fanotify: already started"_s};
    m_fanotify = ::fanotify_init(FAN_CLASS_NOTIF | FAN_CLOEXEC | FAN_NONBLOCK | FAN_REPORT_PIDFD,
                                 O_RDONLY | O_LARGEFILE | O_CLOEXEC);
    if (m_fanotify < 0)
        return Error{u"fanotify: %1"_s.arg(errorText(errno))};
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
    m_thread = std::thread([this] { run(); });
    return {};
}

Expected<void> FanotifySource::markFilesystems()
{
    auto mounts = readMountInfo();
    if (!mounts)
        return Error{u"fanotify: %1"_s.arg(mounts.error().message)};
    for (const Mount &mount : *mounts) {
        const quint64 device = makedev(mount.major, mount.minor);
        if (!isCapturedFilesystem(mount.type) || m_markedDevices.contains(device))
            continue;
        if (::fanotify_mark(m_fanotify, FAN_MARK_ADD | FAN_MARK_FILESYSTEM, kMask, AT_FDCWD,
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
    if (m_markedDevices.isEmpty())
        return Error{u"fanotify: no filesystem could be marked (%1)"_s.arg(m_unmarked.join(u", "_s))};
    return {};
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
    return {m_events.load(), m_unkeyed.load(), m_overflows.load(), m_marks.load()};
}

void FanotifySource::closeAll()
{
    for (int *fd : {&m_fanotify, &m_mountinfo, &m_wake}) {
        if (*fd >= 0)
            ::close(*fd);
        *fd = -1;
    }
}

void FanotifySource::run()
{
    ::pthread_setname_np(::pthread_self(), "flightrec-fanot");
    for (;;) {
        pollfd fds[3] = {{m_fanotify, POLLIN, 0}, {m_mountinfo, POLLPRI, 0}, {m_wake, POLLIN, 0}};
        const int ready = ::poll(fds, 3, kPollMs);
        QList<Format::Event> out;
        const bool stopping = ready > 0 && (fds[2].revents & POLLIN);
        if (ready > 0 && (fds[1].revents & POLLPRI)) {
            if (auto marked = markFilesystems(); !marked) // a new mount: mark it too
                qWarning("%s", qPrintable(marked.error().message));
        }
        readEvents(out);
        if (stopping)
            m_aggregator.flushAll(out);
        else
            m_aggregator.flush(boottimeNs(), out);
        deliver(out);
        if (stopping)
            return;
    }
}

void FanotifySource::readEvents(QList<Format::Event> &out)
{
    alignas(fanotify_event_metadata) char buffer[64 * 1024];
    for (int batch = 0; batch < 64; ++batch) { // then close windows and look at the wake-up fd again
        const ssize_t n = ::read(m_fanotify, buffer, sizeof buffer);
        if (n <= 0)
            return;
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
            handle(event, QByteArrayView(buffer + offset, event.event_len), out);
            offset += event.event_len;
        }
    }
}

void FanotifySource::handle(const fanotify_event_metadata &event, QByteArrayView record, QList<Format::Event> &out)
{
    ++m_events;
    const int pidfd = pidfdOf(record, event.metadata_len);
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
    if (event.fd < 0 || event.pid == m_options.excludePid)
        return closeFds();
    struct stat st = {};
    const bool statted = ::fstat(event.fd, &st) == 0;
    const QByteArray path = pathOf(event.fd, statted && st.st_nlink == 0);
    if (path.isEmpty() || !m_filter.accepts(path))
        return closeFds();
    const auto key = keyOf(event.pid, pidfd);
    closeFds();
    if (!key) {
        ++m_unkeyed;
        return;
    }
    const qint64 mono = boottimeNs(), ts = realtimeNs();
    const auto add = [&](Format::FileOp op) {
        Format::FileAccess access{*key, op, path, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
        if (statted) {
            access.dev = qint64(st.st_dev);
            access.ino = qint64(st.st_ino);
        }
        m_aggregator.add({ts, mono, std::move(access)}, out);
    };
    if (event.mask & FAN_OPEN_EXEC)
        add(Format::FileOp::Exec);
    else if (event.mask & FAN_OPEN)
        add(Format::FileOp::Open);
    if (event.mask & FAN_CLOSE_WRITE)
        add(Format::FileOp::Write);
}

std::optional<Format::ProcKey> FanotifySource::keyOf(qint64 pid, int pidfd)
{
    if (pidfd < 0)
        return std::nullopt; // FAN_NOPIDFD: the process had ended when the event was read
    const auto stat = readProcStat(pid);
    // Still alive after the read: it held the pid all along, so the stat is its own.
    if (!stat || ::syscall(SYS_pidfd_send_signal, pidfd, 0, nullptr, 0) != 0)
        return std::nullopt;
    return Format::ProcKey{pid, stat->startTicks};
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
    for (Format::Event &event : events)
        m_sink->deliver(std::move(event));
}

} // namespace Flight::Capture
