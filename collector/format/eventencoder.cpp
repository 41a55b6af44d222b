// SPDX-License-Identifier: GPL-3.0-or-later
// Members are written in the order of FORMAT.md's tables; optional members only when present.
#include "eventcodec.h"
#include "jsonwriter.h"

namespace Flight::Format {

namespace {

class EventEncoder
{
public:
    explicit EventEncoder(QByteArray &out)
        : w(out)
    {
    }

    void key(const char *pidName, const char *startName, const ProcKey &k)
    {
        w.member(pidName, k.pid);
        w.member(startName, k.start);
    }

    void optBytes(const char *name, const std::optional<QByteArray> &value)
    {
        if (value) {
            w.key(name);
            w.bytes(*value);
        }
    }

    void optInt(const char *name, const std::optional<qint64> &value)
    {
        if (value)
            w.member(name, *value);
    }

    void repeat(const std::optional<Repeat> &r)
    {
        if (!r)
            return;
        w.member("count", r->count);
        w.member("last_ts", r->lastTs);
        w.member("last_mono", r->lastMono);
    }

    void item(const StateItem &item)
    {
        w.beginObject();
        w.member("id", item.id);
        for (auto it = item.attrs.cbegin(); it != item.attrs.cend(); ++it) {
            w.key(it.key().toUtf8());
            std::visit([this](const auto &v) { w.value(v); }, it.value());
        }
        w.endObject();
    }

    void items(const char *name, const QList<StateItem> &list, bool always)
    {
        if (list.isEmpty() && !always)
            return;
        w.key(name);
        w.beginArray();
        for (const StateItem &i : list)
            item(i);
        w.endArray();
    }

    void operator()(const ProcessImage &p)
    {
        key("pid", "start", p.proc);
        key("ppid", "pstart", p.parent);
        w.member("comm", p.comm);
        optBytes("exe", p.exe);
        w.key("argv");
        w.beginArray();
        for (const QByteArray &arg : p.argv)
            w.bytes(arg);
        w.endArray();
        if (p.argvTruncated)
            w.member("argv_truncated", true);
        optBytes("cwd", p.cwd);
        w.member("uid", p.uid);
        w.member("euid", p.euid);
        w.member("gid", p.gid);
        w.member("egid", p.egid);
        optInt("loginuid", p.loginuid);
        optInt("sessionid", p.sessionid);
        if (p.tty)
            w.member("tty", *p.tty);
        optBytes("cgroup", p.cgroup);
        if (p.exeDigest)
            w.member("exe_digest", *p.exeDigest);
        if (p.stdio)
            w.member("stdio", *p.stdio);
        optInt("exe_mode", p.exeMode);
        if (!p.env.isEmpty()) {
            w.key("env");
            w.beginObject();
            for (auto it = p.env.cbegin(); it != p.env.cend(); ++it) {
                w.key(it.key().toUtf8());
                w.bytes(it.value());
            }
            w.endObject();
        }
    }

    void operator()(const ProcFork &e)
    {
        key("pid", "start", e.proc);
        key("ppid", "pstart", e.parent);
        if (e.comm)
            w.member("comm", *e.comm);
    }

    void operator()(const ProcExit &e)
    {
        key("pid", "start", e.proc);
        optInt("code", e.code);
        optInt("signal", e.signal);
        if (e.core)
            w.member("core", true);
    }

    void operator()(const ProcCred &e)
    {
        key("pid", "start", e.proc);
        w.member("uid", e.uid);
        w.member("euid", e.euid);
        w.member("gid", e.gid);
        w.member("egid", e.egid);
        w.member("prev_uid", e.prevUid);
        w.member("prev_euid", e.prevEuid);
        w.member("prev_gid", e.prevGid);
        w.member("prev_egid", e.prevEgid);
    }

    void operator()(const FileAccess &e)
    {
        key("pid", "start", e.proc);
        w.member("op", fileOpName(e.op));
        w.key("path");
        w.bytes(e.path);
        optBytes("to", e.to);
        optInt("dev", e.dev);
        optInt("ino", e.ino);
        repeat(e.repeat);
    }

    void operator()(const NetEndpoint &e)
    {
        if (e.proc)
            key("pid", "start", *e.proc);
        w.member("op", netOpName(e.op));
        w.member("proto", protoName(e.proto));
        w.member("laddr", e.local.addr);
        w.member("lport", e.local.port);
        if (e.remote) {
            w.member("raddr", e.remote->addr);
            w.member("rport", e.remote->port);
        }
        repeat(e.repeat);
    }

    void operator()(const StateSnapshot &e)
    {
        w.member("check", e.check);
        items("items", e.items, true);
    }

    void operator()(const StateChange &e)
    {
        w.member("check", e.check);
        w.member("severity", severityName(e.severity));
        items("added", e.added, false);
        items("removed", e.removed, false);
        if (e.changed.isEmpty())
            return;
        w.key("changed");
        w.beginArray();
        for (const ItemChange &c : e.changed) {
            w.beginObject();
            w.member("id", c.id);
            w.key("before");
            item(c.before);
            w.key("after");
            item(c.after);
            w.endObject();
        }
        w.endArray();
    }

    void operator()(const KernelLog &e)
    {
        w.member("seq", e.seq);
        w.member("level", e.level);
        w.member("text", e.text);
    }

    void operator()(const RecorderStart &e)
    {
        w.member("version", e.version);
        w.member("pid", e.pid);
        w.key("backends");
        backends(e.backends);
    }

    void operator()(const RecorderStop &e) { w.member("reason", e.reason); }

    void operator()(const RecorderHeartbeat &e)
    {
        w.key("stats");
        stats(e.stats);
    }

    void operator()(const RecorderLoss &e)
    {
        w.member("source", e.source);
        w.member("count", e.count);
        if (e.unit != LossUnit::Events)
            w.member("unit", lossUnitName(e.unit));
        if (e.reason)
            w.member("reason", *e.reason);
        optInt("last_ts", e.lastTs);
        optInt("last_mono", e.lastMono);
        optInt("first_seq", e.firstSeq);
        optInt("last_seq", e.lastSeq);
    }

    void backends(const QList<Backend> &list)
    {
        w.beginArray();
        for (const Backend &b : list) {
            w.beginObject();
            w.member("source", b.source);
            w.member("backend", b.backend);
            w.member("degraded", b.degraded);
            w.member("reason", b.reason);
            w.endObject();
        }
        w.endArray();
    }

    void stats(const QMap<QString, qint64> &map)
    {
        w.beginObject();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            w.member(it.key().toUtf8(), it.value());
        w.endObject();
    }

    JsonWriter w;
};

} // namespace

void encodeEvent(const Event &event, QByteArray &out)
{
    EventEncoder encoder(out);
    encoder.w.beginObject();
    encoder.w.member("kind", kindName(event));
    encoder.w.member("ts", event.ts);
    encoder.w.member("mono", event.mono);
    std::visit(encoder, event.body);
    encoder.w.endObject();
    out.append('\n');
}

QByteArray encodeEvent(const Event &event)
{
    QByteArray out;
    out.reserve(256);
    encodeEvent(event, out);
    return out;
}

} // namespace Flight::Format
