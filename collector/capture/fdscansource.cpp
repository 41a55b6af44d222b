// SPDX-License-Identifier: GPL-3.0-or-later
#include "fdscansource.h"

#include "hostinfo.h"
#include "procfs.h"

#include <QDir>
#include <QFile>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Capture {

namespace {

// The flags line of /proc/<pid>/fdinfo/<fd> (octal); nullopt when it cannot be read.
std::optional<int> openFlags(const QString &fdinfo)
{
    QFile file(fdinfo);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    for (const QByteArray &line : file.read(4096).split('\n')) {
        if (line.startsWith("flags:")) {
            bool ok = false;
            const int flags = line.mid(6).trimmed().toInt(&ok, 8);
            return ok ? std::optional<int>(flags) : std::nullopt;
        }
    }
    return std::nullopt;
}

} // namespace

FdScanSource::FdScanSource(QString degradedReason, FdScanOptions options)
    : m_options(std::move(options))
    , m_filter(m_options.include, m_options.exclude)
    , m_reason(std::move(degradedReason))
{
}

FdScanSource::~FdScanSource()
{
    stop();
}

Format::Backend FdScanSource::backend() const
{
    const QString limits = u"open files are scanned in /proc every %1 ms: a file opened and closed in between is not "
                           "seen, and creation, deletion and rename are not captured"_s.arg(m_options.interval.count());
    return {u"file"_s, u"fdscan"_s, true, m_reason.isEmpty() ? limits : m_reason + u"; "_s + limits};
}

Expected<void> FdScanSource::start(EventSink &sink)
{
    if (m_thread.joinable())
        return Error{u"fd scan: already started"_s};
    if (m_options.interval <= std::chrono::milliseconds(0))
        return Error{u"fd scan: interval %1 ms is not positive"_s.arg(m_options.interval.count())};
    if (!QDir(QDir(m_options.root).filePath(u"proc"_s)).exists())
        return Error{u"fd scan: %1/proc is not readable"_s.arg(m_options.root)};
    m_open.clear();
    QList<Format::Event> baseline;
    scan(baseline);
    for (Format::Event &event : baseline)
        sink.deliver(std::move(event));
    m_sink = &sink;
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
    return {};
}

void FdScanSource::stop()
{
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void FdScanSource::run()
{
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            if (m_wake.wait_for(lock, m_options.interval, [this] { return m_stopping; }))
                return;
        }
        QList<Format::Event> events;
        scan(events);
        for (Format::Event &event : events)
            m_sink->deliver(std::move(event));
    }
}

void FdScanSource::scan(QList<Format::Event> &out)
{
    const QDir proc(QDir(m_options.root).filePath(u"proc"_s));
    QSet<OpenFile> now;
    for (const qint64 pid : listPids(m_options.root)) {
        if (pid == m_options.excludePid)
            continue;
        const auto stat = readProcStat(pid, m_options.root);
        if (!stat)
            continue; // ended meanwhile
        const Format::ProcKey key{pid, stat->startTicks};
        const QString fdDir = proc.filePath(u"%1/fd"_s.arg(pid));
        for (const QString &name : QDir(fdDir).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot)) {
            bool isNumber = false;
            const qint64 fd = name.toLongLong(&isNumber);
            if (!isNumber)
                continue;
            const QByteArray link = QFile::encodeName(fdDir + u'/' + name);
            char buffer[4096];
            const ssize_t n = ::readlink(link.constData(), buffer, sizeof(buffer));
            if (n <= 0 || n == ssize_t(sizeof(buffer)) || buffer[0] != '/')
                continue; // closed meanwhile, or a socket, pipe or anonymous inode ("socket:[123]")
            const QByteArray target(buffer, n);
            if (!m_filter.accepts(target))
                continue;
            struct stat st = {};
            if (::stat(link.constData(), &st) != 0 || !S_ISREG(st.st_mode))
                continue;
            OpenFile file{key, fd, target, qint64(st.st_dev), qint64(st.st_ino)};
            if (!m_open.contains(file)) {
                const auto flags = openFlags(proc.filePath(u"%1/fdinfo/%2"_s.arg(pid).arg(fd)));
                const bool writing = flags && (*flags & O_ACCMODE) != O_RDONLY;
                Format::FileAccess access;
                access.proc = key;
                access.op = writing ? Format::FileOp::Write : Format::FileOp::Open;
                access.path = target;
                access.dev = file.dev;
                access.ino = file.ino;
                out.append({realtimeNs(), boottimeNs(), std::move(access)});
            }
            now.insert(std::move(file));
        }
    }
    m_open = std::move(now);
}

} // namespace Flight::Capture
