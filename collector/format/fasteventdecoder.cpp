// SPDX-License-Identifier: GPL-3.0-or-later
// Every "return std::nullopt" below means "not sure": the full decoder then decides. The rules mirror
// eventdecoder.cpp and fieldreader.cpp member by member; strictJsonProblem's rules are met by refusing what they
// forbid (fractions, exponents, duplicates, raw control characters, carriage returns) and every escape the reader
// has to think about (any non-ASCII byte, \u0000 and \u0080 and above, escaped member names).
#include "fasteventdecoder.h"

#include "fasteventline.h"

#include <algorithm>

namespace Flight::Format {

namespace {

using namespace FastPath;

constexpr Mask kCommon = bits(Kind, Ts, Mono);
constexpr Mask kImageRequired = kCommon | bits(Pid, Start, Ppid, Pstart, Comm, Argv, Uid, Euid, Gid, Egid);
constexpr Mask kImageAllowed
    = kImageRequired | bits(Exe, ArgvTruncated, Cwd, Loginuid, Sessionid, Tty, Cgroup, ExeDigest, Stdio, ExeMode, Env);
constexpr Mask kRepeat = bits(Count, LastTs, LastMono);

bool allowed(const Line &line, Mask required, Mask allowed)
{
    return (line.present() & required) == required && (line.present() & ~allowed) == 0;
}

bool isDigest(const QString &s)
{
    return s.size() == kDigestBytes * 2 && std::all_of(s.begin(), s.end(), [](QChar c) {
               return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
           });
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
        && l.optText(Stdio, 32, p.stdio) && l.optInteger(ExeMode, 0, kMaxFileMode, p.exeMode)
        && (!l.has(Env) || l.env(p.env));
    return ok && (!p.exeDigest || isDigest(*p.exeDigest)) && (!p.stdio || isStdioText(*p.stdio));
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
        const bool ok = allowed(l, kCommon | bits(Pid, Start, Op, Path),
                                kCommon | kRepeat | bits(Pid, Start, Op, Path, To, Dev, Ino))
            && l.procKey(Pid, Start, 1, e.proc) && l.enumMember(Op, fileOpFromName, e.op) && l.bytes(Path, e.path)
            && l.optBytes(To, e.to) && (e.op == FileOp::Rename) == e.to.has_value()
            && l.optInteger(Dev, 0, kMaxInt64, e.dev) && l.optInteger(Ino, 0, kMaxInt64, e.ino) && l.repeat(e.repeat);
        if (!ok)
            return std::nullopt;
        return e;
    }
    if (kind == NetEndpoint::kKind) {
        NetEndpoint e;
        const Mask required = kCommon | bits(Op, Member::Proto, Laddr, Lport);
        bool ok = allowed(l, required, required | kRepeat | bits(Pid, Start, Raddr, Rport))
            && l.has(Pid) == l.has(Start) && l.has(Raddr) == l.has(Rport) && l.enumMember(Op, netOpFromName, e.op)
            && l.enumMember(Member::Proto, protoFromName, e.proto) && l.address(Laddr, e.local.addr)
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
            || !l.optInteger(Code, 0, 255, e.code) || !l.optInteger(Signal, 1, 64, e.signal)
            || !l.optBool(Core, e.core))
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
