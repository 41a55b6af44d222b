// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifest.h"

#include "archiveerror.h"
#include "fieldreader.h"
#include "formatversion.h"
#include "jsonwriter.h"

#include <QJsonDocument>
#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Flight::Format {

namespace {
constexpr qint64 kMaxInt64 = std::numeric_limits<qint64>::max();
constexpr qsizetype kMaxText = 4096;
} // namespace

void EventTally::add(const Event &event)
{
    if (events == 0) {
        span = {event.ts, event.ts, event.mono, event.mono};
    } else {
        span.firstTs = std::min(span.firstTs, event.ts);
        span.lastTs = std::max(span.lastTs, event.ts);
        span.firstMono = std::min(span.firstMono, event.mono);
        span.lastMono = std::max(span.lastMono, event.mono);
    }
    ++events;
    ++counts[QString::fromLatin1(kindName(event))];
    // One summary per (source, unit), however many loss events: a collector stalled for hours must not make its
    // manifest unbounded.
    if (const auto *loss = std::get_if<RecorderLoss>(&event.body)) {
        const qint64 lastTs = std::max(event.ts, loss->lastTs.value_or(event.ts));
        const auto same = std::find_if(losses.begin(), losses.end(), [loss](const LossSummary &s) {
            return s.source == loss->source && s.unit == loss->unit;
        });
        if (same == losses.end()) {
            losses.append({loss->source, loss->count, loss->unit, event.ts, lastTs});
        } else {
            same->count = same->count > std::numeric_limits<qint64>::max() - loss->count
                ? std::numeric_limits<qint64>::max()
                : same->count + loss->count;
            same->firstTs = std::min(same->firstTs, event.ts);
            same->lastTs = std::max(same->lastTs, lastTs);
        }
    }
}

// --- writing

QByteArray manifestToJson(const Manifest &m)
{
    // Compact and deterministic, members in FORMAT.md order (QJsonDocument would sort them); `jq .` shows it to people.
    QByteArray out;
    JsonWriter w(out);
    w.beginObject();
    w.member("format", kFormatName.data());
    w.member("version", m.version);
    w.member("seq", m.seq);
    w.member("prev_digest", m.prevDigest);
    w.member("recovered", m.recovered);
    w.member("created_ts", m.createdTs);
    w.key("host");
    w.beginObject();
    w.member("machine_id", m.host.machineId);
    w.member("hostname", m.host.hostname);
    w.member("boot_id", m.host.bootId);
    w.member("kernel", m.host.kernel);
    w.member("os", m.host.os);
    w.member("clk_tck", m.host.clkTck);
    w.member("boot_ts", m.host.bootTs);
    w.endObject();
    w.key("collector");
    w.beginObject();
    w.member("version", m.collector.version);
    w.member("config_digest", m.collector.configDigest);
    w.member("scope", m.collector.scope);
    w.key("backends");
    w.beginArray();
    for (const Backend &b : m.collector.backends) {
        w.beginObject();
        w.member("source", b.source);
        w.member("backend", b.backend);
        w.member("degraded", b.degraded);
        w.member("reason", b.reason);
        w.endObject();
    }
    w.endArray();
    w.key("stats");
    w.beginObject();
    for (auto it = m.collector.stats.cbegin(); it != m.collector.stats.cend(); ++it)
        w.member(it.key().toUtf8(), it.value());
    w.endObject();
    w.endObject();
    w.key("span");
    w.beginObject();
    w.member("first_ts", m.tally.span.firstTs);
    w.member("last_ts", m.tally.span.lastTs);
    w.member("first_mono", m.tally.span.firstMono);
    w.member("last_mono", m.tally.span.lastMono);
    w.endObject();
    w.member("events", m.tally.events);
    w.key("counts");
    w.beginObject();
    for (auto it = m.tally.counts.cbegin(); it != m.tally.counts.cend(); ++it)
        w.member(it.key().toUtf8(), it.value());
    w.endObject();
    w.key("losses");
    w.beginArray();
    for (const LossSummary &l : m.tally.losses) {
        w.beginObject();
        w.member("source", l.source);
        w.member("count", l.count);
        w.member("unit", lossUnitName(l.unit));
        w.member("first_ts", l.firstTs);
        w.member("last_ts", l.lastTs);
        w.endObject();
    }
    w.endArray();
    w.key("entries");
    w.beginArray();
    for (const EntryInfo &e : m.entries) {
        w.beginObject();
        w.member("name", e.name);
        w.member("size", e.size);
        w.member("digest", e.digest);
        w.endObject();
    }
    w.endArray();
    w.member("signer", m.signer);
    if (m.encryption) {
        w.key("encryption");
        w.beginObject();
        w.member("scheme", m.encryption->scheme);
        w.member("recipient", m.encryption->recipient);
        w.member("sealed_key", QString::fromLatin1(m.encryption->sealedKey.toBase64()));
        w.member("chunk_size", m.encryption->chunkSize);
        w.endObject();
    }
    w.endObject();
    out.append('\n');
    return out;
}

// --- reading

namespace {

QString reasonText(const FieldReader &r)
{
    return r.errorMessage();
}

void readHost(FieldReader &top, HostInfo &h)
{
    const QJsonObject o = top.object("host");
    if (top.failed())
        return;
    FieldReader r(o, u"host"_s);
    h.machineId = r.string("machine_id", 64);
    h.hostname = r.string("hostname", 255);
    h.bootId = r.string("boot_id", 64);
    h.kernel = r.string("kernel", 256);
    h.os = r.string("os", 256);
    h.clkTck = r.int64("clk_tck", 1, 1000000);
    h.bootTs = r.int64("boot_ts", 0, kMaxInt64);
    if (!r.finish())
        top.fail(reasonText(r));
}

void readCollector(FieldReader &top, CollectorInfo &c)
{
    const QJsonObject o = top.object("collector");
    if (top.failed())
        return;
    FieldReader r(o, u"collector"_s);
    c.version = r.string("version", 64);
    c.configDigest = r.hexDigest("config_digest", true);
    c.scope = r.optString("scope", 16).value_or(u"host"_s); // absent before version 3: always the whole host
    if (c.scope != "host"_L1 && c.scope != "namespace"_L1)
        r.fail(u"member 'scope' is not host or namespace"_s);
    const QJsonArray backends = r.array("backends");
    for (qsizetype i = 0; i < backends.size() && !r.failed(); ++i) {
        const QJsonObject bo = backends.at(i).toObject();
        FieldReader b(bo, u"backends[%1]"_s.arg(i));
        c.backends.append(
            {b.string("source", 64), b.string("backend", 64), b.boolean("degraded"), b.string("reason", kMaxText)});
        if (!b.finish())
            r.fail(reasonText(b));
    }
    const QJsonObject stats = r.object("stats");
    for (auto it = stats.begin(); it != stats.end() && !r.failed(); ++it) {
        if (!it.value().isDouble() || it.value().toInteger(0) != it.value().toInteger(1))
            r.fail(u"stats member '%1' is not an integer"_s.arg(it.key()));
        c.stats.insert(it.key(), it.value().toInteger());
    }
    if (!r.finish())
        top.fail(reasonText(r));
}

void readTally(FieldReader &top, EventTally &t)
{
    const QJsonObject so = top.object("span");
    if (!top.failed()) {
        FieldReader s(so, u"span"_s);
        t.span = {s.int64("first_ts", 0, kMaxInt64), s.int64("last_ts", 0, kMaxInt64),
                  s.int64("first_mono", 0, kMaxInt64), s.int64("last_mono", 0, kMaxInt64)};
        if (!s.finish())
            top.fail(reasonText(s));
    }
    t.events = top.int64("events", 0, kMaxInt64);
    const QJsonObject counts = top.object("counts");
    for (auto it = counts.begin(); it != counts.end() && !top.failed(); ++it) {
        if (!it.value().isDouble() || it.value().toInteger(0) != it.value().toInteger(1) || it.value().toInteger() < 1)
            top.fail(u"counts member '%1' is not a positive integer"_s.arg(it.key()));
        t.counts.insert(it.key(), it.value().toInteger());
    }
    const QJsonArray losses = top.array("losses");
    for (qsizetype i = 0; i < losses.size() && !top.failed(); ++i) {
        const QJsonObject lo = losses.at(i).toObject();
        FieldReader l(lo, u"losses[%1]"_s.arg(i));
        LossSummary loss;
        loss.source = l.string("source", 256);
        loss.count = l.int64("count", 1, kMaxInt64);
        const auto unit = lossUnitFromName(l.string("unit", 16).toLatin1());
        if (!unit && !l.failed())
            l.fail(u"member 'unit' is not 'events' or 'archives'"_s);
        loss.unit = unit.value_or(LossUnit::Events);
        loss.firstTs = l.int64("first_ts", 0, kMaxInt64);
        loss.lastTs = l.int64("last_ts", 0, kMaxInt64);
        if (!l.finish())
            top.fail(reasonText(l));
        t.losses.append(loss);
    }
}

void readEntries(FieldReader &top, QList<EntryInfo> &entries)
{
    const QJsonArray array = top.array("entries");
    for (qsizetype i = 0; i < array.size() && !top.failed(); ++i) {
        const QJsonObject eo = array.at(i).toObject();
        FieldReader e(eo, u"entries[%1]"_s.arg(i));
        entries.append({e.string("name", 64), e.int64("size", 0, kMaxInt64), e.hexDigest("digest", false)});
        if (!e.finish())
            top.fail(reasonText(e));
    }
}

void readEncryption(FieldReader &top, std::optional<Encryption> &encryption, bool present)
{
    if (!present)
        return;
    const QJsonObject o = top.object("encryption");
    if (top.failed())
        return;
    FieldReader r(o, u"encryption"_s);
    Encryption e;
    e.scheme = r.string("scheme", 128);
    e.recipient = r.string("recipient", 128);
    const QString sealed = r.string("sealed_key", 256);
    e.chunkSize = r.int64("chunk_size", kMinChunkSize, kMaxChunkSize);
    if (!r.failed() && e.scheme != kEncryptionScheme)
        r.fail(u"unknown scheme '%1'"_s.arg(e.scheme));
    auto decoded = QByteArray::fromBase64Encoding(sealed.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!r.failed() && !decoded)
        r.fail(u"member 'sealed_key' is not base64"_s);
    e.sealedKey = decoded.decoded;
    if (!r.finish())
        top.fail(reasonText(r));
    encryption = e;
}

} // namespace

Expected<Manifest> manifestFromJson(QByteArrayView json)
{
    auto malformed
        = [](const QString &why) { return makeError(Reason::MalformedManifest, u"malformed manifest: "_s + why); };
    // The manifest nests 4 deep; the limit only keeps the strictness check's stack small.
    if (const auto problem = strictJsonProblem(json, 16))
        return malformed(*problem);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(json.data(), json.size()), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return malformed(u"not JSON (at byte %1: %2)"_s.arg(parseError.offset).arg(parseError.errorString()));
    if (!doc.isObject())
        return malformed(u"not a JSON object"_s);
    const QJsonObject object = doc.object();
    if (object.value("format"_L1).toString() != kFormatName)
        return malformed(u"'format' is not '%1'"_s.arg(kFormatName));

    FieldReader r(object, QString());
    r.string("format", 64);
    Manifest m;
    m.version = r.int64("version", 1, kMaxInt64);
    if (!r.failed() && m.version > kFormatVersion)
        return makeError(
            Reason::UnsupportedVersion,
            u"unsupported version %1 (this reader understands up to %2)"_s.arg(m.version).arg(kFormatVersion));
    m.seq = r.int64("seq", 1, kMaxInt64);
    m.prevDigest = r.hexDigest("prev_digest", true);
    if (!r.failed() && m.prevDigest.isEmpty() != (m.seq == 1))
        r.fail(u"'prev_digest' must be empty exactly when 'seq' is 1"_s);
    m.recovered = r.boolean("recovered");
    m.createdTs = r.int64("created_ts", 0, kMaxInt64);
    readHost(r, m.host);
    readCollector(r, m.collector);
    readTally(r, m.tally);
    readEntries(r, m.entries);
    m.signer = r.string("signer", 128);
    readEncryption(r, m.encryption, object.contains("encryption"_L1));
    if (!r.finish())
        return malformed(r.errorMessage());
    return m;
}

} // namespace Flight::Format
