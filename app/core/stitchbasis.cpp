// SPDX-License-Identifier: GPL-3.0-or-later
#include "stitchbasis.h"

#include "database.h"

#include <QDataStream>
#include <QIODevice>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace Deck::Core {

Q_LOGGING_CATEGORY(lcStitch, "flightdeck.stitch", QtInfoMsg)

namespace {

constexpr qint32 kBasisFormat = 1; // of the stored content; another one is computed again

struct Stamp
{
    qint64 archives = 0;
    qint64 lastArchiveId = 0;
    bool operator==(const Stamp &) const = default;
};

Expected<Stamp> readStamp(Database &db)
{
    auto q = db.query(u"SELECT COUNT(*), COALESCE(MAX(id), 0) FROM archives"_s);
    if (!q)
        return q.error();
    if (!q->next())
        return Stamp{};
    return Stamp{q->value(0).toLongLong(), q->value(1).toLongLong()};
}

QString partOf(const StitchOptions &options)
{
    return u"skew %1 tolerance %2"_s.arg(options.maxSkewNs).arg(options.toleranceNs);
}

void writeOptional(QDataStream &out, std::optional<qint64> value)
{
    out << bool(value) << value.value_or(0);
}

std::optional<qint64> readOptional(QDataStream &in)
{
    bool present = false;
    qint64 value = 0;
    in >> present >> value;
    return present ? std::optional(value) : std::nullopt;
}

void writeOffsets(QDataStream &out, const QList<ClockOffset> &offsets)
{
    out << qint64(offsets.size());
    for (const ClockOffset &o : offsets)
        out << o.hostA << o.hostB << o.offsetNs << o.minNs << o.maxNs << qint32(o.pairs);
}

QList<ClockOffset> readOffsets(QDataStream &in)
{
    qint64 n = 0;
    in >> n;
    QList<ClockOffset> offsets;
    for (qint64 i = 0; i < n && in.status() == QDataStream::Ok; ++i) {
        ClockOffset o;
        qint32 pairs = 0;
        in >> o.hostA >> o.hostB >> o.offsetNs >> o.minNs >> o.maxNs >> pairs;
        o.pairs = pairs;
        offsets.append(o);
    }
    return offsets;
}

QByteArray encode(const StitchBasis &basis)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << kBasisFormat;
    writeOffsets(out, basis.estimate.rough);
    writeOffsets(out, basis.estimate.offsets);
    out << basis.facts.hostsByAddress << basis.facts.openBeforeCapture << qint64(basis.facts.sessions.size());
    for (const SshSessionProcess &s : basis.facts.sessions) {
        out << s.id << s.hostId << s.startTs << s.connection;
        writeOptional(out, s.parentId);
        writeOptional(out, s.uid);
    }
    return bytes;
}

std::optional<StitchBasis> decode(const QByteArray &bytes)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    qint32 format = 0;
    in >> format;
    if (format != kBasisFormat)
        return std::nullopt;
    StitchBasis basis;
    basis.estimate.rough = readOffsets(in);
    basis.estimate.offsets = readOffsets(in);
    qint64 sessions = 0;
    in >> basis.facts.hostsByAddress >> basis.facts.openBeforeCapture >> sessions;
    for (qint64 i = 0; i < sessions && in.status() == QDataStream::Ok; ++i) {
        SshSessionProcess s;
        in >> s.id >> s.hostId >> s.startTs >> s.connection;
        s.parentId = readOptional(in);
        s.uid = readOptional(in);
        basis.facts.sessions.append(s);
    }
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return std::nullopt;
    return basis;
}

Expected<std::optional<StitchBasis>> loadBasis(Database &db, const QString &part, const Stamp &now)
{
    auto q = db.query(u"SELECT archives, last_archive_id, content FROM stitch_basis WHERE part = ?"_s, {part});
    if (!q)
        return q.error();
    if (!q->next() || Stamp{q->value(0).toLongLong(), q->value(1).toLongLong()} != now)
        return std::optional<StitchBasis>();
    return decode(q->value(2).toByteArray());
}

void storeBasis(Database &db, const QString &part, const Stamp &stamp, const StitchBasis &basis)
{
    if (db.inTransaction())
        return; // inside someone else's transaction: not ours to commit
    auto stored = [&]() -> Expected<void> {
        if (auto begun = db.begin(); !begun)
            return begun;
        if (auto gone = db.execute(u"DELETE FROM stitch_basis WHERE part = ?"_s, {part}); !gone)
            return gone;
        if (auto put = db.execute(u"INSERT INTO stitch_basis (part, archives, last_archive_id, computed_ts, content) "
                                  u"VALUES (?, ?, ?, ?, ?)"_s,
                                  {part, stamp.archives, stamp.lastArchiveId, Database::nowNs(), encode(basis)});
            !put)
            return put;
        return db.commit();
    }();
    if (!stored) {
        if (db.inTransaction())
            db.rollback();
        qCInfo(lcStitch, "%s: the stitching basis was not stored (computed again next time): %s", qPrintable(db.name()),
               qPrintable(stored.error().message));
    }
}

} // namespace

Expected<StitchResult> stitchWholeCase(Database &db, const StitchOptions &options, StitchEstimate *estimated,
                                       StitchFacts *facts)
{
    auto inputs = readStitchInputs(db);
    if (!inputs)
        return inputs.error();
    if (facts)
        *facts = inputs->facts;
    return stitchEnds(std::move(*inputs), options, nullptr, estimated);
}

Expected<PreparedStitch> prepareStitch(Database &db, const StitchOptions &options)
{
    const QString part = partOf(options);
    auto before = readStamp(db);
    if (!before)
        return before.error();
    auto stored = loadBasis(db, part, *before);
    if (!stored)
        return stored.error();
    PreparedStitch prepared;
    if (*stored) {
        prepared.basis = std::move(**stored);
        return prepared;
    }
    auto whole = stitchWholeCase(db, options, &prepared.basis.estimate, &prepared.basis.facts);
    if (!whole)
        return whole.error();
    prepared.whole = std::move(*whole);
    auto after = readStamp(db);
    if (!after)
        return after.error();
    if (*after == *before) // else an archive arrived meanwhile: what was read may mix both states
        storeBasis(db, part, *before, prepared.basis);
    return prepared;
}

} // namespace Deck::Core
