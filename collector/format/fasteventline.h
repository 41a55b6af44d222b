// SPDX-License-Identifier: GPL-3.0-or-later
// One event line as the decoder's fast path sees it (fasteventdecoder.h): the members it knows, parsed once into
// typed values, then read with the full decoder's types and ranges (fieldreader.h); every reader returns false where
// FieldReader would fail. parse() refuses unknown and duplicate members, nesting other than an array of strings or an
// object of strings, and anything after the object.
#pragma once

#include "event.h"
#include "fastjsonscanner.h"
#include "formatversion.h"
#include "netaddress.h"

#include <array>

namespace Flight::Format::FastPath {

inline constexpr qint64 kMaxInt64 = std::numeric_limits<qint64>::max();
inline constexpr qsizetype kMaxName = 256;

// The members of the kinds the fast path reads, in the order the encoder writes them (lookups try the member after
// the previous one first).
enum Member : int {
    Kind,
    Ts,
    Mono,
    Pid,
    Start,
    Ppid,
    Pstart,
    Comm,
    Exe,
    Argv,
    ArgvTruncated,
    Cwd,
    Uid,
    Euid,
    Gid,
    Egid,
    Loginuid,
    Sessionid,
    Tty,
    Cgroup,
    ExeDigest,
    Stdio,
    ExeMode,
    Env,
    PrevUid,
    PrevEuid,
    PrevGid,
    PrevEgid,
    Code,
    Signal,
    Core,
    Op,
    Proto,
    Path,
    To,
    Laddr,
    Lport,
    Raddr,
    Rport,
    Dev,
    Ino,
    Count,
    LastTs,
    LastMono,
    MemberCount
};
// The names in columns, as the enum above (clang-format would put 44 of them one per line).
// clang-format off
inline constexpr std::array<std::string_view, MemberCount> kMemberNames{
    "kind",     "ts",        "mono",       "pid",      "start",          "ppid",
    "pstart",   "comm",      "exe",        "argv",     "argv_truncated", "cwd",
    "uid",      "euid",      "gid",        "egid",     "loginuid",       "sessionid",
    "tty",      "cgroup",    "exe_digest", "stdio",    "exe_mode",       "env",
    "prev_uid", "prev_euid", "prev_gid",   "prev_egid", "code",          "signal",
    "core",     "op",        "proto",      "path",     "to",             "laddr",
    "lport",    "raddr",     "rport",      "dev",      "ino",            "count",
    "last_ts",  "last_mono"};
// clang-format on

using Mask = quint64;
constexpr Mask bit(Member m)
{
    return Mask(1) << m;
}
template <typename... M> constexpr Mask bits(M... m)
{
    return (bit(m) | ...);
}

struct Value
{
    char type = 0; // '"' string, '0' integer, 'b' boolean, '[' array, '{' object
    bool escaped = false;
    bool boolean = false;
    qint64 number = 0;
    const char *begin = nullptr; // string: its content; array/object: from the bracket to past the closing one
    const char *end = nullptr;
};

// The parsed members of one line, read with the full decoder's types and ranges.
class Line
{
public:
    bool parse(QByteArrayView text);

    bool has(Member m) const { return m_present & bit(m); }
    Mask present() const { return m_present; }

    bool integer(Member m, qint64 min, qint64 max, qint64 &out) const
    {
        const Value &v = m_values[m];
        if (v.type != '0' || v.number < min || v.number > max)
            return false;
        out = v.number;
        return true;
    }
    bool optInteger(Member m, qint64 min, qint64 max, std::optional<qint64> &out) const
    {
        if (!has(m))
            return true;
        qint64 n = 0;
        if (!integer(m, min, max, n))
            return false;
        out = n;
        return true;
    }
    bool optBool(Member m, bool &out) const
    {
        out = false;
        if (!has(m))
            return true;
        out = m_values[m].boolean;
        return m_values[m].type == 'b';
    }
    bool bytes(Member m, QByteArray &out, qsizetype maxBytes = std::numeric_limits<qsizetype>::max()) const
    {
        const Value &v = m_values[m];
        if (v.type != '"')
            return false;
        out = unescape(v.begin, v.end, v.escaped);
        return out.size() <= maxBytes;
    }
    bool optBytes(Member m, std::optional<QByteArray> &out) const
    {
        if (!has(m))
            return true;
        QByteArray b;
        if (!bytes(m, b))
            return false;
        out = std::move(b);
        return true;
    }
    bool text(Member m, qsizetype maxBytes, QString &out) const
    {
        QByteArray b;
        if (!bytes(m, b, maxBytes))
            return false;
        out = QString::fromLatin1(b);
        return true;
    }
    bool optText(Member m, qsizetype maxBytes, std::optional<QString> &out) const
    {
        if (!has(m))
            return true;
        QString s;
        if (!text(m, maxBytes, s))
            return false;
        out = std::move(s);
        return true;
    }
    bool procKey(Member pid, Member start, qint64 minPid, ProcKey &out) const
    {
        return integer(pid, minPid, kMaxPid, out.pid) && integer(start, 0, kMaxInt64, out.start);
    }
    bool id(Member m, qint64 &out) const { return integer(m, 0, kUnsetId - 1, out); }
    bool optId(Member m, std::optional<qint64> &out) const { return optInteger(m, 0, kUnsetId - 1, out); }
    template <typename Enum> bool enumMember(Member m, std::optional<Enum> (*fromName)(QByteArrayView), Enum &out) const
    {
        QByteArray name;
        if (!bytes(m, name, kMaxName))
            return false;
        const auto value = fromName(name);
        if (value)
            out = *value;
        return value.has_value();
    }
    bool address(Member m, QString &out) const
    {
        QString text;
        if (!this->text(m, 64, text))
            return false;
        auto canonical = canonicalAddress(text);
        if (canonical)
            out = std::move(*canonical);
        return canonical.has_value();
    }
    bool repeat(std::optional<Repeat> &out) const
    {
        const Mask all = bits(Count, LastTs, LastMono);
        if ((m_present & all) == 0)
            return true;
        Repeat r;
        if ((m_present & all) != all || !integer(Count, 2, kMaxInt64, r.count)
            || !integer(LastTs, 0, kMaxInt64, r.lastTs) || !integer(LastMono, 0, kMaxInt64, r.lastMono))
            return false;
        out = r;
        return true;
    }
    bool argv(QList<QByteArray> &out) const;
    bool env(QMap<QString, QByteArray> &out) const;

private:
    bool value(Scanner &s, Value &v);

    std::array<Value, MemberCount> m_values;
    Mask m_present = 0;
};

} // namespace Flight::Format::FastPath
