// SPDX-License-Identifier: GPL-3.0-or-later
// Decodes one untrusted event line. Every member is checked for presence, type and range; unknown kinds and
// members are rejected (FORMAT.md §2.1).
#include "archiveerror.h"
#include "eventcodec.h"
#include "fasteventdecoder.h"
#include "fieldreader.h"
#include "formatversion.h"
#include "netaddress.h"

#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Flight::Format {

namespace {

constexpr qint64 kMaxInt64 = std::numeric_limits<qint64>::max();
constexpr qsizetype kMaxName = 256;
constexpr qsizetype kMaxText = 8 * 1024;
constexpr qsizetype kMaxItemAttrs = 64;

class Decoder
{
public:
    Decoder(const QJsonObject &object, const char *kind)
        : r(object, QString::fromLatin1(kind))
        , m_object(&object)
    {
    }

    StateItem item(const QJsonValue &value, const QString &what)
    {
        StateItem item;
        if (!value.isObject()) {
            r.fail(u"%1 is not an object"_s.arg(what));
            return item;
        }
        const QJsonObject o = value.toObject();
        if (o.size() > kMaxItemAttrs + 1) {
            r.fail(u"%1 has more than %2 attributes"_s.arg(what).arg(kMaxItemAttrs));
            return item;
        }
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QJsonValue v = it.value();
            if (it.key() == "id"_L1) {
                if (!v.isString() || v.toString().isEmpty() || v.toString().size() > kMaxText)
                    r.fail(u"%1 has no valid 'id'"_s.arg(what));
                item.id = v.toString();
            } else if (it.key().isEmpty() || it.key().size() > kMaxName) {
                r.fail(u"%1 has an attribute name that is empty or too long"_s.arg(what));
            } else if (v.isBool()) {
                item.attrs.insert(it.key(), v.toBool());
            } else if (v.isString() && v.toString().size() <= kMaxText) {
                item.attrs.insert(it.key(), v.toString());
            } else if (v.isDouble() && v.toInteger(0) == v.toInteger(1)) {
                item.attrs.insert(it.key(), v.toInteger());
            } else {
                r.fail(u"%1 attribute '%2' is not a string, integer or boolean"_s.arg(what, it.key()));
            }
        }
        if (item.id.isEmpty())
            r.fail(u"%1 has no valid 'id'"_s.arg(what));
        return item;
    }

    QList<StateItem> items(const std::optional<QJsonArray> &array, const char *name)
    {
        QList<StateItem> list;
        if (!array)
            return list;
        QSet<QString> ids;
        list.reserve(array->size());
        for (qsizetype i = 0; i < array->size() && !r.failed(); ++i) {
            list.append(item(array->at(i), u"%1[%2]"_s.arg(QLatin1StringView(name)).arg(i)));
            if (ids.contains(list.back().id))
                r.fail(u"%1[%2] repeats id '%3'"_s.arg(QLatin1StringView(name)).arg(i).arg(list.back().id));
            ids.insert(list.back().id);
        }
        return list;
    }

    std::optional<Repeat> repeat()
    {
        const auto count = r.optInt64("count", 2, kMaxInt64);
        const auto lastTs = r.optInt64("last_ts", 0, kMaxInt64);
        const auto lastMono = r.optInt64("last_mono", 0, kMaxInt64);
        if (!count && !lastTs && !lastMono)
            return std::nullopt;
        if (!count || !lastTs || !lastMono) {
            r.fail(u"members 'count', 'last_ts' and 'last_mono' must come together"_s);
            return std::nullopt;
        }
        return Repeat{*count, *lastTs, *lastMono};
    }

    QString address(const char *name)
    {
        const QString text = r.string(name, 64);
        if (r.failed())
            return text;
        auto canonical = canonicalAddress(text);
        if (!canonical) {
            r.fail(u"member '%1' is not an IP address"_s.arg(QLatin1StringView(name)));
            return text;
        }
        return *canonical;
    }

    template <typename Enum> Enum enumMember(const char *name, std::optional<Enum> (*fromName)(QByteArrayView))
    {
        const QString text = r.string(name, kMaxName);
        if (r.failed())
            return Enum{};
        const auto value = fromName(text.toUtf8());
        if (!value)
            r.fail(u"member '%1' has unknown value '%2'"_s.arg(QLatin1StringView(name), text));
        return value.value_or(Enum{});
    }

    QString check()
    {
        const QString check = r.string("check", kMaxName);
        if (!r.failed() && !isKnownCheck(check))
            r.fail(u"unknown check '%1'"_s.arg(check));
        return check;
    }

    QList<Backend> backends(const QJsonArray &array)
    {
        QList<Backend> list;
        for (qsizetype i = 0; i < array.size() && !r.failed(); ++i) {
            const QJsonObject o = array.at(i).toObject();
            FieldReader b(o, u"backends[%1]"_s.arg(i));
            Backend backend{b.string("source", kMaxName), b.string("backend", kMaxName), b.boolean("degraded"),
                            b.string("reason", kMaxText)};
            if (!array.at(i).isObject())
                b.fail(u"is not an object"_s);
            if (!b.finish())
                r.fail(b.errorMessage());
            list.append(std::move(backend));
        }
        return list;
    }

    QMap<QString, qint64> stats(const QJsonObject &o)
    {
        QMap<QString, qint64> map;
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key().isEmpty() || it.key().size() > kMaxName || !it.value().isDouble()
                || it.value().toInteger(0) != it.value().toInteger(1)) {
                r.fail(u"stats member '%1' is not a named integer"_s.arg(it.key()));
                break;
            }
            map.insert(it.key(), it.value().toInteger());
        }
        return map;
    }

    void image(ProcessImage &p)
    {
        p.proc = r.procKey("pid", "start");
        p.parent = r.procKey("ppid", "pstart", 0);
        p.comm = r.string("comm", 64);
        p.exe = r.optBytes("exe");
        const QJsonArray argv = r.array("argv");
        p.argv.reserve(argv.size());
        for (qsizetype i = 0; i < argv.size() && !r.failed(); ++i)
            p.argv.append(r.bytesValue(argv.at(i), u"argv[%1]"_s.arg(i)));
        p.argvTruncated = r.optBool("argv_truncated");
        p.cwd = r.optBytes("cwd");
        p.uid = r.id("uid");
        p.euid = r.id("euid");
        p.gid = r.id("gid");
        p.egid = r.id("egid");
        p.loginuid = r.optId("loginuid");
        p.sessionid = r.optId("sessionid");
        p.tty = r.optString("tty", kMaxName);
        p.cgroup = r.optBytes("cgroup");
        if (m_objectHas("exe_digest"))
            p.exeDigest = r.hexDigest("exe_digest", false);
        p.stdio = r.optString("stdio", 32);
        if (p.stdio && !isStdioText(*p.stdio))
            r.fail(u"member 'stdio' is not three of the words of FORMAT.md"_s);
        p.exeMode = r.optInt64("exe_mode", 0, kMaxFileMode);
        if (m_objectHas("env")) {
            const QJsonObject env = r.object("env");
            for (auto it = env.begin(); it != env.end() && !r.failed(); ++it) {
                if (it.key().isEmpty() || it.key().size() > kMaxName)
                    r.fail(u"env has a name that is empty or too long"_s);
                p.env.insert(it.key(), r.bytesValue(it.value(), u"env '%1'"_s.arg(it.key())));
            }
        }
    }

    bool m_objectHas(const char *name) const { return m_object->contains(QLatin1StringView(name)); }

    EventBody body(std::size_t kindIndex);

    FieldReader r;
    const QJsonObject *m_object;
};

template <typename T, std::size_t I = 0> constexpr std::size_t indexOf()
{
    if constexpr (std::is_same_v<std::variant_alternative_t<I, EventBody>, T>)
        return I;
    else
        return indexOf<T, I + 1>();
}

EventBody Decoder::body(std::size_t kindIndex)
{
    switch (kindIndex) {
    case indexOf<ProcSnapshot>():
    case indexOf<ProcExec>(): {
        ProcessImage p;
        image(p);
        if (kindIndex == indexOf<ProcSnapshot>())
            return ProcSnapshot{p};
        return ProcExec{p};
    }
    case indexOf<ProcFork>(): {
        ProcFork e;
        e.proc = r.procKey("pid", "start");
        e.parent = r.procKey("ppid", "pstart", 0);
        e.comm = r.optString("comm", 64);
        return e;
    }
    case indexOf<ProcExit>(): {
        ProcExit e;
        e.proc = r.procKey("pid", "start");
        e.code = r.optInt64("code", 0, 255);
        e.signal = r.optInt64("signal", 1, 64);
        e.core = r.optBool("core");
        return e;
    }
    case indexOf<ProcCred>(): {
        ProcCred e;
        e.proc = r.procKey("pid", "start");
        e.uid = r.id("uid");
        e.euid = r.id("euid");
        e.gid = r.id("gid");
        e.egid = r.id("egid");
        e.prevUid = r.id("prev_uid");
        e.prevEuid = r.id("prev_euid");
        e.prevGid = r.id("prev_gid");
        e.prevEgid = r.id("prev_egid");
        return e;
    }
    case indexOf<FileAccess>(): {
        FileAccess e;
        e.proc = r.procKey("pid", "start");
        e.op = enumMember("op", fileOpFromName);
        e.path = r.bytes("path");
        e.to = r.optBytes("to");
        if (!r.failed() && (e.op == FileOp::Rename) != e.to.has_value())
            r.fail(u"member 'to' is required for op 'rename' and only for it"_s);
        e.dev = r.optInt64("dev", 0, kMaxInt64);
        e.ino = r.optInt64("ino", 0, kMaxInt64);
        e.repeat = repeat();
        return e;
    }
    case indexOf<NetEndpoint>(): {
        NetEndpoint e;
        e.proc = r.optProcKey("pid", "start");
        e.op = enumMember("op", netOpFromName);
        e.proto = enumMember("proto", protoFromName);
        e.local = Endpoint{address("laddr"), r.int64("lport", 0, 65535)};
        const bool hasRemote = m_objectHas("raddr");
        if (hasRemote != m_objectHas("rport"))
            r.fail(u"members 'raddr' and 'rport' must come together"_s);
        if (hasRemote)
            e.remote = Endpoint{address("raddr"), r.int64("rport", 0, 65535)};
        e.repeat = repeat();
        return e;
    }
    case indexOf<StateSnapshot>(): {
        StateSnapshot e;
        e.check = check();
        e.items = items(r.array("items"), "items");
        return e;
    }
    case indexOf<StateChange>(): {
        StateChange e;
        e.check = check();
        e.severity = enumMember("severity", severityFromName);
        e.added = items(r.optArray("added"), "added");
        e.removed = items(r.optArray("removed"), "removed");
        const QJsonArray changed = r.optArray("changed").value_or(QJsonArray());
        for (qsizetype i = 0; i < changed.size() && !r.failed(); ++i) {
            const QJsonObject o = changed.at(i).toObject();
            FieldReader c(o, u"changed[%1]"_s.arg(i));
            ItemChange change;
            change.id = c.string("id", kMaxText);
            change.before = item(c.object("before"), u"changed[%1].before"_s.arg(i));
            change.after = item(c.object("after"), u"changed[%1].after"_s.arg(i));
            if (!c.finish())
                r.fail(c.errorMessage());
            e.changed.append(std::move(change));
        }
        if (!r.failed() && e.added.isEmpty() && e.removed.isEmpty() && e.changed.isEmpty())
            r.fail(u"a change with nothing added, removed or changed"_s);
        return e;
    }
    case indexOf<KernelLog>():
        return KernelLog{r.int64("seq", 0, kMaxInt64), r.int64("level", 0, 7), r.string("text", kMaxText)};
    case indexOf<RecorderStart>(): {
        RecorderStart e;
        e.version = r.string("version", kMaxName);
        e.pid = r.int64("pid", 1, kMaxPid);
        e.backends = backends(r.array("backends"));
        return e;
    }
    case indexOf<RecorderStop>():
        return RecorderStop{r.string("reason", kMaxText)};
    case indexOf<RecorderHeartbeat>():
        return RecorderHeartbeat{stats(r.object("stats"))};
    default: {
        static_assert(indexOf<RecorderLoss>() == std::variant_size_v<EventBody> - 1);
        RecorderLoss e;
        e.source = r.string("source", kMaxName);
        e.count = r.int64("count", 1, kMaxInt64);
        if (m_objectHas("unit"))
            e.unit = enumMember("unit", lossUnitFromName);
        e.reason = r.optString("reason", kMaxText);
        e.lastTs = r.optInt64("last_ts", 0, kMaxInt64);
        e.lastMono = r.optInt64("last_mono", 0, kMaxInt64);
        e.firstSeq = r.optInt64("first_seq", 1, kMaxInt64);
        e.lastSeq = r.optInt64("last_seq", 1, kMaxInt64);
        if (e.lastTs.has_value() != e.lastMono.has_value() || e.firstSeq.has_value() != e.lastSeq.has_value())
            r.fail(u"members 'last_ts'/'last_mono' and 'first_seq'/'last_seq' come in pairs"_s);
        return e;
    }
    }
}

} // namespace

Expected<Event> decodeEvent(QByteArrayView line)
{
    if (auto fast = decodeEventFast(line))
        return std::move(*fast);
    return decodeEventFull(line);
}

Expected<Event> decodeEventFull(QByteArrayView line)
{
    static const QList<QByteArray> kinds = allKindNames();
    auto malformed = [](const QString &why) { return makeError(Reason::MalformedEvent, why); };

    if (const auto problem = strictJsonProblem(line, kMaxEventDepth))
        return malformed(*problem);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(line.data(), line.size()), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return malformed(u"malformed JSON at byte %1: %2"_s.arg(parseError.offset).arg(parseError.errorString()));
    if (!doc.isObject())
        return malformed(u"not a JSON object"_s);
    const QJsonObject object = doc.object();

    const QJsonValue kindValue = object.value("kind"_L1);
    if (!kindValue.isString())
        return malformed(u"missing member 'kind'"_s);
    const QByteArray kind = kindValue.toString().toUtf8();
    const auto kindIndex = kinds.indexOf(kind);
    if (kindIndex < 0)
        return malformed(u"unknown kind '%1'"_s.arg(kindValue.toString().left(64)));

    Decoder decoder(object, kinds[kindIndex].constData());
    decoder.r.string("kind", kMaxName);
    Event event;
    event.ts = decoder.r.int64("ts", 0, kMaxInt64);
    event.mono = decoder.r.int64("mono", 0, kMaxInt64);
    event.body = decoder.body(static_cast<std::size_t>(kindIndex));
    if (!decoder.r.finish())
        return malformed(decoder.r.errorMessage());
    return event;
}

} // namespace Flight::Format
