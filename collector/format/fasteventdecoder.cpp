// SPDX-License-Identifier: GPL-3.0-or-later
// Every "return std::nullopt" below means "not sure": the full decoder then decides. The rules mirror
// eventdecoder.cpp and fieldreader.cpp member by member; strictJsonProblem's rules are met by refusing what they
// forbid (fractions, exponents, duplicates, raw control characters, carriage returns) and every escape the reader
// has to think about (any non-ASCII byte, \u0000 and \u0080 and above, escaped member names).
#include "fasteventdecoder.h"

#include "formatversion.h"
#include "netaddress.h"

#include <QVarLengthArray>
#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

namespace Flight::Format {

namespace {

constexpr qint64 kMaxInt64 = std::numeric_limits<qint64>::max();
constexpr qsizetype kMaxName = 256;

// The members of the kinds the fast path reads, in the order the encoder writes them (lookups try the member after
// the previous one first).
enum Member : int {
    Kind, Ts, Mono, Pid, Start, Ppid, Pstart, Comm, Exe, Argv, ArgvTruncated, Cwd, Uid, Euid, Gid, Egid, Loginuid,
    Sessionid, Tty, Cgroup, ExeDigest, Env, PrevUid, PrevEuid, PrevGid, PrevEgid, Code, Signal, Core, Op, Proto,
    Path, To, Laddr, Lport, Raddr, Rport, Dev, Ino, Count, LastTs, LastMono, MemberCount
};
constexpr std::array<std::string_view, MemberCount> kMemberNames{
    "kind",     "ts",        "mono",     "pid",        "start",     "ppid",     "pstart",   "comm",
    "exe",      "argv",      "argv_truncated", "cwd",  "uid",       "euid",     "gid",      "egid",
    "loginuid", "sessionid", "tty",      "cgroup",     "exe_digest", "env",     "prev_uid", "prev_euid",
    "prev_gid", "prev_egid", "code",     "signal",     "core",      "op",       "proto",    "path",
    "to",       "laddr",     "lport",    "raddr",      "rport",     "dev",      "ino",      "count",
    "last_ts",  "last_mono"};

using Mask = quint64;
constexpr Mask bit(Member m)
{
    return Mask(1) << m;
}
template <typename... M> constexpr Mask bits(M... m)
{
    return (bit(m) | ...);
}

int memberIndex(std::string_view name, int hint)
{
    for (int i = 0; i < MemberCount; ++i) {
        const int at = (hint + i) % MemberCount;
        if (kMemberNames[at] == name)
            return at;
    }
    return -1;
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

int hexDigit(char h)
{
    return h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
}

class Scanner
{
public:
    Scanner(const char *begin, const char *end)
        : p(begin)
        , m_end(end)
    {
    }

    void space()
    {
        while (p < m_end && (*p == ' ' || *p == '\t'))
            ++p;
    }
    bool take(char c)
    {
        space();
        if (p < m_end && *p == c) {
            ++p;
            return true;
        }
        return false;
    }
    bool atEnd()
    {
        space();
        return p == m_end;
    }
    char peek()
    {
        space();
        return p < m_end ? *p : '\0';
    }

    // A string of printable ASCII and simple escapes; its content (escapes undecoded) in [begin, end).
    bool string(const char *&begin, const char *&end, bool &escaped)
    {
        if (!take('"'))
            return false;
        begin = p;
        escaped = false;
        while (p < m_end) {
            const auto c = static_cast<unsigned char>(*p);
            if (c == '"') {
                end = p++;
                return true;
            }
            if (c < 0x20 || c >= 0x80)
                return false;
            if (c != '\\') {
                ++p;
                continue;
            }
            escaped = true;
            if (p + 1 >= m_end)
                return false;
            if (p[1] == 'u') {
                if (p + 6 > m_end)
                    return false;
                int unit = 0;
                for (int k = 2; k < 6; ++k) {
                    const int digit = hexDigit(p[k]);
                    if (digit < 0)
                        return false;
                    unit = unit * 16 + digit;
                }
                if (unit < 1 || unit > 0x7f)
                    return false;
                p += 6;
            } else if (p[1] != '\0' && std::strchr("\"\\/bfnrt", p[1])) {
                p += 2;
            } else {
                return false;
            }
        }
        return false;
    }

    // A non-negative integer without fraction or exponent that fits qint64.
    bool number(qint64 &value)
    {
        space();
        if (p >= m_end || *p < '0' || *p > '9')
            return false;
        if (*p == '0' && p + 1 < m_end && p[1] >= '0' && p[1] <= '9')
            return false;
        quint64 n = 0;
        int digits = 0;
        for (; p < m_end && *p >= '0' && *p <= '9'; ++p) {
            if (++digits > 19)
                return false;
            n = n * 10 + quint64(*p - '0');
        }
        if (n > quint64(kMaxInt64) || (p < m_end && (*p == '.' || *p == 'e' || *p == 'E')))
            return false;
        value = qint64(n);
        return true;
    }

    bool literal(bool &value)
    {
        space();
        const auto rest = std::string_view(p, std::size_t(m_end - p));
        if (rest.starts_with("true")) {
            p += 4;
            value = true;
            return true;
        }
        if (rest.starts_with("false")) {
            p += 5;
            value = false;
            return true;
        }
        return false;
    }

    const char *p;

private:
    const char *m_end;
};

QByteArray unescape(const char *begin, const char *end, bool escaped)
{
    if (!escaped)
        return QByteArray(begin, end - begin);
    QByteArray out;
    out.reserve(end - begin);
    for (const char *p = begin; p < end; ++p) {
        if (*p != '\\') {
            out.append(*p);
            continue;
        }
        ++p;
        switch (*p) {
        case 'b': out.append('\b'); break;
        case 'f': out.append('\f'); break;
        case 'n': out.append('\n'); break;
        case 'r': out.append('\r'); break;
        case 't': out.append('\t'); break;
        case 'u':
            out.append(char(hexDigit(p[1]) * 4096 + hexDigit(p[2]) * 256 + hexDigit(p[3]) * 16 + hexDigit(p[4])));
            p += 4;
            break;
        default: out.append(*p); break; // " \ /
        }
    }
    return out;
}

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
        if ((m_present & all) != all || !integer(Count, 2, kMaxInt64, r.count) || !integer(LastTs, 0, kMaxInt64, r.lastTs)
            || !integer(LastMono, 0, kMaxInt64, r.lastMono))
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

bool Line::value(Scanner &s, Value &v)
{
    switch (s.peek()) {
    case '"':
        v.type = '"';
        return s.string(v.begin, v.end, v.escaped);
    case 't':
    case 'f':
        v.type = 'b';
        return s.literal(v.boolean);
    case '[': {
        // An array of strings (argv).
        v.type = '[';
        v.begin = s.p;
        s.take('[');
        if (!s.take(']')) {
            do {
                const char *b, *e;
                bool escaped;
                if (!s.string(b, e, escaped))
                    return false;
            } while (s.take(','));
            if (!s.take(']'))
                return false;
        }
        v.end = s.p;
        return true;
    }
    case '{': {
        // An object of strings with plain, distinct names (env).
        v.type = '{';
        v.begin = s.p;
        s.take('{');
        QVarLengthArray<std::string_view, 32> names;
        if (!s.take('}')) {
            do {
                const char *b, *e;
                bool escaped;
                if (!s.string(b, e, escaped) || escaped || !s.take(':'))
                    return false;
                const std::string_view name(b, std::size_t(e - b));
                if (std::find(names.begin(), names.end(), name) != names.end())
                    return false;
                names.append(name);
                if (!s.string(b, e, escaped))
                    return false;
            } while (s.take(','));
            if (!s.take('}'))
                return false;
        }
        v.end = s.p;
        return true;
    }
    default:
        v.type = '0';
        return s.number(v.number);
    }
}

bool Line::parse(QByteArrayView text)
{
    Scanner s(text.data(), text.data() + text.size());
    if (!s.take('{'))
        return false;
    int hint = 0;
    do {
        const char *b, *e;
        bool escaped;
        if (!s.string(b, e, escaped) || escaped || !s.take(':'))
            return false;
        const int m = memberIndex(std::string_view(b, std::size_t(e - b)), hint);
        if (m < 0 || (m_present & bit(Member(m))))
            return false;
        m_present |= bit(Member(m));
        hint = m + 1;
        if (!value(s, m_values[m]))
            return false;
    } while (s.take(','));
    return s.take('}') && s.atEnd();
}

bool Line::argv(QList<QByteArray> &out) const
{
    const Value &v = m_values[Argv];
    if (v.type != '[')
        return false;
    Scanner s(v.begin + 1, v.end - 1);
    while (!s.atEnd()) {
        const char *b, *e;
        bool escaped;
        s.string(b, e, escaped);
        out.append(unescape(b, e, escaped));
        s.take(',');
    }
    return true;
}

bool Line::env(QMap<QString, QByteArray> &out) const
{
    const Value &v = m_values[Env];
    if (v.type != '{')
        return false;
    Scanner s(v.begin + 1, v.end - 1);
    while (!s.atEnd()) {
        const char *b, *e;
        bool escaped;
        s.string(b, e, escaped);
        const QString name = QString::fromLatin1(b, e - b);
        if (name.isEmpty() || name.size() > kMaxName)
            return false;
        s.take(':');
        s.string(b, e, escaped);
        out.insert(name, unescape(b, e, escaped));
        s.take(',');
    }
    return true;
}

constexpr Mask kCommon = bits(Kind, Ts, Mono);
constexpr Mask kImageRequired = kCommon | bits(Pid, Start, Ppid, Pstart, Comm, Argv, Uid, Euid, Gid, Egid);
constexpr Mask kImageAllowed
    = kImageRequired | bits(Exe, ArgvTruncated, Cwd, Loginuid, Sessionid, Tty, Cgroup, ExeDigest, Env);
constexpr Mask kRepeat = bits(Count, LastTs, LastMono);

bool allowed(const Line &line, Mask required, Mask allowed)
{
    return (line.present() & required) == required && (line.present() & ~allowed) == 0;
}

bool isDigest(const QString &s)
{
    return s.size() == kDigestBytes * 2
        && std::all_of(s.begin(), s.end(), [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); });
}

bool image(const Line &l, ProcessImage &p)
{
    if (!allowed(l, kImageRequired, kImageAllowed))
        return false;
    bool ok = l.procKey(Pid, Start, 1, p.proc) && l.procKey(Ppid, Pstart, 0, p.parent) && l.text(Comm, 64, p.comm)
        && l.optBytes(Exe, p.exe) && l.argv(p.argv) && l.optBool(ArgvTruncated, p.argvTruncated)
        && l.optBytes(Cwd, p.cwd) && l.id(Uid, p.uid) && l.id(Euid, p.euid) && l.id(Gid, p.gid) && l.id(Egid, p.egid)
        && l.optId(Loginuid, p.loginuid) && l.optId(Sessionid, p.sessionid) && l.optText(Tty, kMaxName, p.tty)
        && l.optBytes(Cgroup, p.cgroup) && l.optText(ExeDigest, kDigestBytes * 2, p.exeDigest)
        && (!l.has(Env) || l.env(p.env));
    return ok && (!p.exeDigest || isDigest(*p.exeDigest));
}

std::optional<EventBody> body(const Line &l, QByteArrayView kind)
{
    if (kind == ProcExec::kKind || kind == ProcSnapshot::kKind) {
        ProcessImage p;
        if (!image(l, p))
            return std::nullopt;
        if (kind == ProcExec::kKind)
            return ProcExec{std::move(p)};
        return ProcSnapshot{std::move(p)};
    }
    if (kind == FileAccess::kKind) {
        FileAccess e;
        const bool ok = allowed(l, kCommon | bits(Pid, Start, Op, Path), kCommon | kRepeat | bits(Pid, Start, Op, Path, To, Dev, Ino))
            && l.procKey(Pid, Start, 1, e.proc) && l.enumMember(Op, fileOpFromName, e.op) && l.bytes(Path, e.path)
            && l.optBytes(To, e.to) && (e.op == FileOp::Rename) == e.to.has_value()
            && l.optInteger(Dev, 0, kMaxInt64, e.dev) && l.optInteger(Ino, 0, kMaxInt64, e.ino) && l.repeat(e.repeat);
        if (!ok)
            return std::nullopt;
        return e;
    }
    if (kind == NetEndpoint::kKind) {
        NetEndpoint e;
        const Mask required = kCommon | bits(Op, Proto, Laddr, Lport);
        bool ok = allowed(l, required, required | kRepeat | bits(Pid, Start, Raddr, Rport))
            && l.has(Pid) == l.has(Start) && l.has(Raddr) == l.has(Rport) && l.enumMember(Op, netOpFromName, e.op)
            && l.enumMember(Proto, protoFromName, e.proto) && l.address(Laddr, e.local.addr)
            && l.integer(Lport, 0, 65535, e.local.port) && l.repeat(e.repeat);
        if (ok && l.has(Pid)) {
            e.proc = ProcKey{};
            ok = l.procKey(Pid, Start, 1, *e.proc);
        }
        if (ok && l.has(Raddr)) {
            e.remote = Endpoint{};
            ok = l.address(Raddr, e.remote->addr) && l.integer(Rport, 0, 65535, e.remote->port);
        }
        if (!ok)
            return std::nullopt;
        return e;
    }
    if (kind == ProcFork::kKind) {
        ProcFork e;
        const Mask required = kCommon | bits(Pid, Start, Ppid, Pstart);
        if (!allowed(l, required, required | bit(Comm)) || !l.procKey(Pid, Start, 1, e.proc)
            || !l.procKey(Ppid, Pstart, 0, e.parent) || !l.optText(Comm, 64, e.comm))
            return std::nullopt;
        return e;
    }
    if (kind == ProcExit::kKind) {
        ProcExit e;
        const Mask required = kCommon | bits(Pid, Start);
        if (!allowed(l, required, required | bits(Code, Signal, Core)) || !l.procKey(Pid, Start, 1, e.proc)
            || !l.optInteger(Code, 0, 255, e.code) || !l.optInteger(Signal, 1, 64, e.signal) || !l.optBool(Core, e.core))
            return std::nullopt;
        return e;
    }
    if (kind == ProcCred::kKind) {
        ProcCred e;
        const Mask required = kCommon | bits(Pid, Start, Uid, Euid, Gid, Egid, PrevUid, PrevEuid, PrevGid, PrevEgid);
        if (!allowed(l, required, required) || !l.procKey(Pid, Start, 1, e.proc) || !l.id(Uid, e.uid)
            || !l.id(Euid, e.euid) || !l.id(Gid, e.gid) || !l.id(Egid, e.egid) || !l.id(PrevUid, e.prevUid)
            || !l.id(PrevEuid, e.prevEuid) || !l.id(PrevGid, e.prevGid) || !l.id(PrevEgid, e.prevEgid))
            return std::nullopt;
        return e;
    }
    return std::nullopt; // state, host and recorder events: rare, left to the full decoder
}

} // namespace

std::optional<Event> decodeEventFast(QByteArrayView text)
{
    Line line;
    if (!line.parse(text))
        return std::nullopt;
    QByteArray kind;
    Event event;
    if (!line.has(Kind) || !line.bytes(Kind, kind, kMaxName) || !line.integer(Ts, 0, kMaxInt64, event.ts)
        || !line.integer(Mono, 0, kMaxInt64, event.mono))
        return std::nullopt;
    auto decoded = body(line, kind);
    if (!decoded)
        return std::nullopt;
    event.body = std::move(*decoded);
    return event;
}

} // namespace Flight::Format
