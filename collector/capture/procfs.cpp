// SPDX-License-Identifier: GPL-3.0-or-later
#include "procfs.h"

#include "exedigests.h"
#include "stdiokinds.h"

#include <QDir>
#include <QFile>
#include <algorithm>
#include <sys/stat.h>
#include <sys/sysmacros.h>

using namespace Qt::StringLiterals;

namespace Flight::Capture {

namespace {

std::optional<qint64> toInt(QByteArrayView text)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

Expected<QByteArray> readAll(const QString &path, qint64 limit, bool *truncated = nullptr)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return Error{u"%1: %2"_s.arg(path, file.errorString())};
    QByteArray content = file.read(limit + 1);
    if (truncated)
        *truncated = content.size() > limit;
    content.truncate(limit);
    return content;
}

std::optional<QByteArray> readLink(const QString &path)
{
    const QByteArray name = QFile::encodeName(path);
    QByteArray target(4096, Qt::Uninitialized);
    const ssize_t n = ::readlink(name.constData(), target.data(), size_t(target.size()));
    if (n <= 0)
        return std::nullopt;
    target.truncate(n);
    return target;
}

// The kind of descriptor `fd` of the process at `dir`: stat() follows the /proc link to the inode itself (a pipe, a
// socket, a device). A missing entry is a closed descriptor — or a process that is gone, which the caller rules out.
QString stdioKindAt(const QString &dir, int fd)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(dir + u"fd/%1"_s.arg(fd)).constData(), &st) == 0)
        return stdioKind(st.st_mode, major(st.st_rdev), minor(st.st_rdev));
    return errno == ENOENT ? kStdioClosed : kStdioUnknown;
}

// stdio and exe_mode of a user process. What was read counts only if afterwards the process is still the same one and
// not exiting (PF_EXITING: its descriptors may already be closed): otherwise "unknown", never a closed table's guess.
void readStdioAndMode(const QString &dir, const ProcStat &before, Format::ProcessImage &p)
{
    QStringList words;
    for (int fd = 0; fd < 3; ++fd)
        words.append(stdioKindAt(dir, fd));
    struct stat exe = {};
    const bool haveExe = ::stat(QFile::encodeName(dir + u"exe"_s).constData(), &exe) == 0;
    constexpr quint64 kExiting = 0x00000004; // PF_EXITING
    const auto after = readAll(dir + u"stat"_s, 4096);
    const auto stat = after ? parseProcStat(*after) : Expected<ProcStat>(after.error());
    if (!stat || stat->startTicks != before.startTicks || (stat->flags & kExiting) || stat->state == 'Z'
        || stat->state == 'X') {
        p.stdio = stdioText({kStdioUnknown, kStdioUnknown, kStdioUnknown});
        return;
    }
    p.stdio = stdioText(words);
    if (haveExe)
        p.exeMode = exe.st_mode;
}

} // namespace

Expected<ProcStat> parseProcStat(QByteArrayView content)
{
    const qsizetype open = content.indexOf('(');
    const qsizetype close = content.lastIndexOf(')');
    if (open < 1 || close < open)
        return Error{u"stat: no '(comm)'"_s};
    ProcStat stat;
    const auto pid = toInt(content.first(open).trimmed());
    const QList<QByteArray> fields = content.sliced(close + 1).toByteArray().simplified().split(' ');
    // fields[0] is field 3 (state); field N is fields[N - 3]
    if (!pid || fields.size() < 20 || fields[0].size() != 1)
        return Error{u"stat: too few fields"_s};
    stat.pid = *pid;
    stat.comm = QString::fromUtf8(content.sliced(open + 1, close - open - 1));
    stat.state = fields[0][0];
    const auto ppid = toInt(fields[1]), tty = toInt(fields[4]), start = toInt(fields[19]);
    bool flagsOk = false;
    stat.flags = fields[6].toULongLong(&flagsOk);
    if (!ppid || !tty || !start || !flagsOk)
        return Error{u"stat: malformed number"_s};
    stat.ppid = *ppid;
    stat.ttyNr = *tty;
    stat.startTicks = *start;
    return stat;
}

Expected<ProcIds> parseProcStatus(QByteArrayView content)
{
    std::optional<ProcIds> ids = ProcIds{};
    bool haveUid = false, haveGid = false;
    for (const QByteArray &line : content.toByteArray().split('\n')) {
        const bool uid = line.startsWith("Uid:"), gid = line.startsWith("Gid:");
        if (!uid && !gid)
            continue;
        const QList<QByteArray> values = line.mid(4).simplified().split(' ');
        const auto real = toInt(values.value(0)), effective = toInt(values.value(1));
        if (!real || !effective)
            return Error{u"status: malformed %1 line"_s.arg(uid ? u"Uid"_s : u"Gid"_s)};
        (uid ? ids->uid : ids->gid) = *real;
        (uid ? ids->euid : ids->egid) = *effective;
        (uid ? haveUid : haveGid) = true;
    }
    if (!haveUid || !haveGid)
        return Error{u"status: no Uid/Gid lines"_s};
    return *ids;
}

QList<QByteArray> splitNul(QByteArrayView content)
{
    QList<QByteArray> parts = content.toByteArray().split('\0');
    if (!parts.isEmpty() && parts.back().isEmpty())
        parts.removeLast();
    return parts;
}

QMap<QString, QByteArray> parseEnviron(QByteArrayView content, const QStringList &allowed)
{
    QMap<QString, QByteArray> found;
    for (const QByteArray &entry : splitNul(content)) {
        const qsizetype eq = entry.indexOf('=');
        if (eq <= 0)
            continue;
        const QString name = QString::fromUtf8(entry.first(eq));
        if (allowed.contains(name))
            found.insert(name, entry.mid(eq + 1));
    }
    return found;
}

std::optional<QByteArray> parseCgroup(QByteArrayView content)
{
    for (const QByteArray &line : content.toByteArray().split('\n')) {
        if (line.startsWith("0::"))
            return line.mid(3);
    }
    return std::nullopt;
}

std::optional<QString> ttyName(qint64 ttyNr)
{
    if (ttyNr <= 0)
        return std::nullopt;
    const qint64 major = (ttyNr >> 8) & 0xfff;
    const qint64 minor = (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00);
    if (major >= 136 && major <= 143)
        return u"pts/%1"_s.arg(minor + (major - 136) * 256);
    if (major == 4 && minor < 64)
        return u"tty%1"_s.arg(minor);
    if (major == 4)
        return u"ttyS%1"_s.arg(minor - 64);
    return u"%1:%2"_s.arg(major).arg(minor);
}

Expected<Format::ProcessImage> readProcess(qint64 pid, const ReadOptions &options,
                                           const std::function<std::optional<qint64>(qint64)> &parentStart)
{
    const QString dir = QDir(options.root).filePath(u"proc/%1/"_s.arg(pid));
    auto statText = readAll(dir + u"stat"_s, 4096);
    if (!statText)
        return statText.error();
    auto stat = parseProcStat(*statText);
    if (!stat)
        return Error{dir + stat.error().message};
    auto statusText = readAll(dir + u"status"_s, 64 * 1024);
    if (!statusText)
        return statusText.error();
    auto ids = parseProcStatus(*statusText);
    if (!ids)
        return Error{dir + ids.error().message};

    Format::ProcessImage p;
    p.proc = {stat->pid, stat->startTicks};
    p.parent = {stat->ppid, stat->ppid > 0 ? parentStart(stat->ppid).value_or(0) : 0};
    p.comm = stat->comm;
    p.uid = ids->uid;
    p.euid = ids->euid;
    p.gid = ids->gid;
    p.egid = ids->egid;
    p.tty = ttyName(stat->ttyNr);
    if (!stat->isKernelThread()) {
        bool truncated = false;
        if (auto cmdline = readAll(dir + u"cmdline"_s, options.maxArgvBytes, &truncated))
            p.argv = splitNul(*cmdline);
        p.argvTruncated = truncated;
        p.exe = readLink(dir + u"exe"_s);
        if (options.digests && p.exe)
            p.exeDigest = options.digests->ofProcess(p.proc, options.root, p.exe);
        p.cwd = readLink(dir + u"cwd"_s);
        if (auto environ = readAll(dir + u"environ"_s, options.maxArgvBytes); environ && !options.environment.isEmpty())
            p.env = parseEnviron(*environ, options.environment);
        if (auto cgroup = readAll(dir + u"cgroup"_s, 64 * 1024))
            p.cgroup = parseCgroup(*cgroup);
        readStdioAndMode(dir, *stat, p);
    }
    constexpr qint64 kUnset = 4294967295LL;
    if (auto text = readAll(dir + u"loginuid"_s, 32); text && toInt(text->trimmed()).value_or(kUnset) != kUnset)
        p.loginuid = toInt(text->trimmed());
    if (auto text = readAll(dir + u"sessionid"_s, 32); text && toInt(text->trimmed()).value_or(kUnset) != kUnset)
        p.sessionid = toInt(text->trimmed());
    return p;
}

Expected<ProcStat> readProcStat(qint64 pid, const QString &root)
{
    const QString path = QDir(root).filePath(u"proc/%1/stat"_s.arg(pid));
    auto text = readAll(path, 4096);
    if (!text)
        return text.error();
    auto stat = parseProcStat(*text);
    if (!stat)
        return Error{path + u": "_s + stat.error().message};
    return stat;
}

Expected<ProcIds> readProcIds(qint64 pid, const QString &root)
{
    const QString path = QDir(root).filePath(u"proc/%1/status"_s.arg(pid));
    auto text = readAll(path, 64 * 1024);
    if (!text)
        return text.error();
    auto ids = parseProcStatus(*text);
    if (!ids)
        return Error{path + u": "_s + ids.error().message};
    return ids;
}

QList<qint64> listPids(const QString &root)
{
    QList<qint64> pids;
    const QStringList names = QDir(QDir(root).filePath(u"proc"_s)).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &name : names) {
        bool ok = false;
        const qint64 pid = name.toLongLong(&ok);
        if (ok && pid > 0)
            pids.append(pid);
    }
    std::sort(pids.begin(), pids.end());
    return pids;
}

} // namespace Flight::Capture
