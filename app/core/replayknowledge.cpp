// SPDX-License-Identifier: GPL-3.0-or-later
#include "replayknowledge.h"

#include "database.h"
#include "querysql.h"
#include "timetext.h"

using namespace Qt::StringLiterals;

namespace Deck::Core {

Expected<ReplayKnowledge> ReplayKnowledge::load(Database &db, qint64 hostId)
{
    ReplayKnowledge knowledge;
    auto coverage = CoverageQueries(db).coverage(hostId);
    if (!coverage)
        return coverage.error();
    knowledge.coverage = coverage->value(0);
    auto span = db.query(u"SELECT MIN(first_ts), MAX(last_ts) FROM archives WHERE host_id = ?"_s, {hostId});
    if (!span)
        return span.error();
    if (span->next()) {
        knowledge.span.first = optionalInt(span->value(0));
        knowledge.span.last = optionalInt(span->value(1));
    }
    return knowledge;
}

PartKnowledge ReplayKnowledge::judge(qint64 at, std::optional<qint64> basis, const QStringList &sources) const
{
    PartKnowledge part;
    const auto unknown = [&part](Caveat caveat) {
        part.knowledge = Knowledge::Unknown;
        part.caveats = {std::move(caveat)};
        return part;
    };
    if (!span.first || at < *span.first || at > *span.last)
        return unknown({Caveat::Kind::OutsideRecording, span.first.value_or(0), span.last.value_or(0), {}, 0, {}});
    const qint64 since = basis.value_or(*span.first);
    for (const Downtime &down : coverage.downtime) {
        if (down.from < at && at < down.to)
            return unknown({Caveat::Kind::CollectorStopped, down.from, down.to, {}, 0, {}});
        if (down.to > since && down.to <= at)
            part.caveats.append({Caveat::Kind::CollectorStopped, down.from, down.to, {}, 0, {}});
    }
    for (const ChainGap &gap : coverage.gaps) {
        const qint64 from = gap.afterTs.value_or(*span.first);
        if (from < at && at < gap.beforeTs)
            return unknown({Caveat::Kind::MissingArchives, from, gap.beforeTs, {}, gap.lastMissing - gap.firstMissing + 1,
                            u"archives"_s});
        if (gap.beforeTs > since && gap.beforeTs <= at)
            part.caveats.append({Caveat::Kind::MissingArchives, from, gap.beforeTs, {},
                                 gap.lastMissing - gap.firstMissing + 1, u"archives"_s});
    }
    const QStringList counted = sources + QStringList{u"recorder.queue"_s, u"retention"_s};
    for (const LossRow &loss : coverage.losses) {
        const qint64 end = loss.lastTs.value_or(loss.ts);
        const bool relevant = std::any_of(counted.cbegin(), counted.cend(),
                                          [&loss](const QString &source) { return loss.source.startsWith(source); });
        if (relevant && end >= since && loss.ts <= at)
            part.caveats.append({Caveat::Kind::Loss, loss.ts, end, loss.source, loss.count, loss.unit});
    }
    if (!part.caveats.isEmpty())
        part.knowledge = Knowledge::Incomplete;
    return part;
}

QString knowledgeName(Knowledge knowledge)
{
    switch (knowledge) {
    case Knowledge::Known:
        return u"known"_s;
    case Knowledge::Incomplete:
        return u"incomplete"_s;
    case Knowledge::Unknown:
        break;
    }
    return u"unknown"_s;
}

QString caveatText(const Caveat &caveat)
{
    const QString span = u"from %1 to %2"_s.arg(isoTime(caveat.from), isoTime(caveat.to));
    switch (caveat.kind) {
    case Caveat::Kind::OutsideRecording:
        return caveat.from == 0 && caveat.to == 0 ? u"the case holds no recording of this host"_s
                                                  : u"outside the host's recording (%1)"_s.arg(span);
    case Caveat::Kind::CollectorStopped:
        return u"the collector was not running %1"_s.arg(span);
    case Caveat::Kind::MissingArchives:
        return u"%1 archive(s) missing from the chain %2"_s.arg(caveat.count).arg(span);
    case Caveat::Kind::Loss:
        return u"%1 lost %2 %3 %4"_s.arg(caveat.source).arg(caveat.count).arg(caveat.unit, span);
    case Caveat::Kind::NoSnapshot:
        break;
    }
    return u"no full snapshot of the check before this time: only the items later changes named"_s;
}

} // namespace Deck::Core
