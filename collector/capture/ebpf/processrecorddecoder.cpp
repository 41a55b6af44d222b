// SPDX-License-Identifier: GPL-3.0-or-later
#include "processrecorddecoder.h"

#include "exedigests.h"
#include "processrecord.h"
#include "procfs.h"
#include "stdiokinds.h"

#include <QDir>
#include <QFile>
#include <cstring>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Capture {

namespace {

constexpr quint32 kUnsetId = 0xffffffffu;
constexpr size_t kRecentExits = 4096;
// What d_path(), and so readlink(/proc/<pid>/exe), puts after the name of a file no mount reaches any more.
constexpr char kDeleted[] = " (deleted)";

template <typename T> T recordAs(QByteArrayView record)
{
    T value;
    std::memcpy(&value, record.data(), sizeof(T));
    return value;
}

QString comm(const char (&text)[FLIGHT_COMM_LEN])
{
    return QString::fromUtf8(text, qsizetype(strnlen(text, FLIGHT_COMM_LEN)));
}

// A path section of the record as d_path() shows it: `unlinked` (the record's flag) adds " (deleted)".
QByteArray pathText(QByteArrayView path, bool unlinked)
{
    return unlinked ? path.toByteArray() + kDeleted : path.toByteArray();
}

std::optional<qint64> idOrUnset(quint32 id)
{
    return id == kUnsetId ? std::nullopt : std::optional<qint64>(id);
}

// The /proc fallbacks: only while /proc/<pid> is still the process of `key` (checked once, on first use).
class ProcEntry
{
public:
    ProcEntry(const QString &root, const Format::ProcKey &key)
        : m_dir(QDir(root).filePath(u"proc/%1/"_s.arg(key.pid)))
        , m_key(key)
    {
    }

    std::optional<QByteArray> read(const QString &name, qint64 limit) const
    {
        QFile file(m_dir + name);
        if (!same() || !file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
            return std::nullopt;
        return file.read(limit);
    }

    std::optional<QByteArray> link(const QString &name) const
    {
        if (!same())
            return std::nullopt;
        const QByteArray path = QFile::encodeName(m_dir + name);
        QByteArray target(FLIGHT_PATH_MAX, Qt::Uninitialized);
        const ssize_t n = ::readlink(path.constData(), target.data(), size_t(target.size()));
        if (n <= 0)
            return std::nullopt;
        target.truncate(n);
        return target;
    }

private:
    bool same() const
    {
        if (!m_same) {
            QFile stat(m_dir + u"stat"_s);
            const auto parsed = stat.open(QIODevice::ReadOnly | QIODevice::Unbuffered)
                ? parseProcStat(stat.read(4096))
                : Expected<ProcStat>(Error{stat.errorString()});
            m_same = parsed && parsed->startTicks == m_key.start;
        }
        return *m_same;
    }

    QString m_dir;
    Format::ProcKey m_key;
    mutable std::optional<bool> m_same;
};

} // namespace

ProcessRecordDecoder::ProcessRecordDecoder(Options options)
    : m_options(std::move(options))
{
    if (m_options.clockTicksPerSecond > 0)
        m_nsPerTick = quint64(1'000'000'000 / m_options.clockTicksPerSecond);
}

qint64 ProcessRecordDecoder::ticks(quint64 startNs) const
{
    return qint64(startNs / m_nsPerTick);
}

Format::ProcKey ProcessRecordDecoder::key(quint32 pid, quint64 startNs) const
{
    return pid == 0 ? Format::ProcKey{} : Format::ProcKey{qint64(pid), ticks(startNs)};
}

bool ProcessRecordDecoder::seenExit(const Format::ProcKey &key)
{
    const KeyPair k{key.pid, key.start};
    if (m_recentExits.contains(k))
        return true;
    m_recentExits.insert(k);
    m_recentExitOrder.push_back(k);
    if (m_recentExitOrder.size() > kRecentExits) {
        m_recentExits.remove(m_recentExitOrder.front());
        m_recentExitOrder.pop_front();
    }
    return false;
}

Expected<std::optional<Format::Event>> ProcessRecordDecoder::decode(QByteArrayView record, qint64 realtimeOffset)
{
    if (size_t(record.size()) < sizeof(flight_header))
        return Error{u"record of %1 bytes is shorter than a header"_s.arg(record.size())};
    const auto h = recordAs<flight_header>(record);
    if (h.size != size_t(record.size()))
        return Error{u"record says %1 bytes, ring buffer gave %2"_s.arg(h.size).arg(record.size())};
    const auto expectSize = [&](size_t size) -> Expected<void> {
        if (size_t(record.size()) != size)
            return Error{u"record of kind %1 has %2 bytes, expected %3"_s.arg(h.kind).arg(record.size()).arg(size)};
        return {};
    };
    const qint64 mono = qint64(h.mono_ns);
    const qint64 ts = mono + realtimeOffset;
    const Format::ProcKey proc = key(h.proc.pid, h.proc.start_ns);

    switch (h.kind) {
    case FLIGHT_RECORD_EXEC: {
        auto exec = decodeExec(record);
        if (!exec)
            return exec.error();
        exec->ts = ts;
        exec->mono = mono;
        return std::optional<Format::Event>(std::move(*exec));
    }
    case FLIGHT_RECORD_FORK: {
        if (auto ok = expectSize(sizeof(flight_fork_record)); !ok)
            return ok.error();
        const auto r = recordAs<flight_fork_record>(record);
        Format::ProcFork fork{proc, key(h.parent.pid, h.parent.start_ns), comm(r.comm)};
        return std::optional<Format::Event>(Format::Event{ts, mono, std::move(fork)});
    }
    case FLIGHT_RECORD_EXIT: {
        if (auto ok = expectSize(sizeof(flight_exit_record)); !ok)
            return ok.error();
        if (seenExit(proc))
            return std::optional<Format::Event>();
        const quint32 status = recordAs<flight_exit_record>(record).exit_code;
        Format::ProcExit exit{proc, {}, {}, false};
        if ((status & 0x7f) == 0) {
            exit.code = (status >> 8) & 0xff;
        } else {
            exit.signal = status & 0x7f;
            exit.core = (status & 0x80) != 0;
        }
        return std::optional<Format::Event>(Format::Event{ts, mono, exit});
    }
    default:
        return Error{u"record of unknown kind %1"_s.arg(h.kind)};
    }
}

Expected<Format::Event> ProcessRecordDecoder::decodeExec(QByteArrayView record)
{
    if (size_t(record.size()) < sizeof(flight_exec_record))
        return Error{u"exec record of %1 bytes is shorter than its fixed part"_s.arg(record.size())};
    const auto r = recordAs<flight_exec_record>(record);
    const quint64 dataSize = quint64(r.argv_len) + r.exe_len + r.cwd_len + r.cgroup_len + r.env_len;
    if (sizeof(flight_exec_record) + dataSize != quint64(record.size()))
        return Error{u"exec record of %1 bytes does not match its section lengths"_s.arg(record.size())};
    QByteArrayView data = record.sliced(sizeof(flight_exec_record));
    const auto take = [&data](quint32 length) {
        const QByteArrayView part = data.first(length);
        data = data.sliced(length);
        return part;
    };
    const QByteArrayView argv = take(r.argv_len), exe = take(r.exe_len), cwd = take(r.cwd_len),
                         cgroup = take(r.cgroup_len), environ = take(r.env_len);

    Format::ProcExec p;
    p.proc = key(r.h.proc.pid, r.h.proc.start_ns);
    p.parent = key(r.h.parent.pid, r.h.parent.start_ns);
    p.comm = comm(r.comm);
    p.uid = r.uid;
    p.euid = r.euid;
    p.gid = r.gid;
    p.egid = r.egid;
    p.loginuid = idOrUnset(r.loginuid);
    p.sessionid = idOrUnset(r.sessionid);
    p.tty = ttyName(r.tty_nr);

    const ProcEntry proc(m_options.procRoot, p.proc);
    if (r.flags & FLIGHT_EXEC_ARGV_FAULT) {
        const auto cmdline = proc.read(u"cmdline"_s, FLIGHT_ARGV_MAX + 1);
        p.argv = cmdline ? splitNul(*cmdline) : QList<QByteArray>();
        p.argvTruncated = !cmdline || cmdline->size() > FLIGHT_ARGV_MAX || quint64(cmdline->size()) < r.arg_area;
    } else {
        p.argv = splitNul(argv);
        p.argvTruncated = (r.flags & FLIGHT_EXEC_ARGV_TRUNCATED) != 0;
    }
    if (!exe.isEmpty())
        p.exe = pathText(exe, r.flags & FLIGHT_EXEC_EXE_UNLINKED);
    else if (r.flags & FLIGHT_EXEC_EXE_INCOMPLETE)
        p.exe = proc.link(u"exe"_s);
    if (m_options.digests && p.exe && r.exe_inode != 0)
        p.exeDigest = m_options.digests->ofProcess(p.proc, m_options.procRoot, p.exe,
                                                   ExecutedFile{r.exe_inode, r.exe_mtime_ns, r.exe_ctime_ns});
    if (r.exe_inode != 0)
        p.exeMode = r.exe_mode;
    QStringList stdio;
    for (int fd = 0; fd < 3; ++fd) {
        if (r.stdio_flags & (FLIGHT_STDIO_UNREADABLE << fd))
            stdio.append(kStdioUnknown);
        else if (!(r.stdio_flags & (FLIGHT_STDIO_OPEN << fd)))
            stdio.append(kStdioClosed);
        else
            stdio.append(stdioKind(r.stdio_mode[fd], r.stdio_rdev[fd] >> 20, r.stdio_rdev[fd] & 0xfffff));
    }
    p.stdio = stdioText(stdio);
    if (!cwd.isEmpty())
        p.cwd = pathText(cwd, r.flags & FLIGHT_EXEC_CWD_UNLINKED);
    else if (r.flags & FLIGHT_EXEC_CWD_INCOMPLETE)
        p.cwd = proc.link(u"cwd"_s);
    if (!cgroup.isEmpty())
        p.cgroup = cgroup.toByteArray();
    else if (const auto text
             = (r.flags & FLIGHT_EXEC_CGROUP_INCOMPLETE) ? proc.read(u"cgroup"_s, 64 * 1024) : std::nullopt)
        p.cgroup = parseCgroup(*text);
    if (!m_options.environment.isEmpty() && !environ.isEmpty()) {
        // The area may have been cut at FLIGHT_ENV_MAX: a last entry without its NUL is incomplete, not a value.
        const qsizetype end = environ.endsWith('\0') ? environ.size() : environ.lastIndexOf('\0') + 1;
        p.env = parseEnviron(environ.first(end), m_options.environment);
    }
    return Format::Event{0, 0, std::move(p)};
}

} // namespace Flight::Capture
