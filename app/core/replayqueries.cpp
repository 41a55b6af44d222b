// SPDX-License-Identifier: GPL-3.0-or-later
#include "replayqueries.h"

#include "database.h"
#include "querysql.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace Deck::Core {

bool isListener(const NetEventRow &event)
{
    return event.op == "listen"_L1 || event.op == "bind"_L1 || (event.op == "exists"_L1 && event.raddr.isEmpty());
}

QString evidenceName(OpenFileAt::Evidence evidence)
{
    switch (evidence) {
    case OpenFileAt::Evidence::OpenBeforeClosedAfter:
        return u"opened before, closed after writing after"_s;
    case OpenFileAt::Evidence::OpenNotSeen:
        return u"closed after writing after, open not recorded"_s;
    case OpenFileAt::Evidence::WithinRepeatedWrites:
        break;
    }
    return u"within repeated writes around"_s;
}

QList<TreeLine> processTreeOrder(const QList<RunningProcess> &processes)
{
    QHash<qint64, qsizetype> indexOf;
    for (qsizetype i = 0; i < processes.size(); ++i)
        indexOf.insert(processes.at(i).process.id, i);
    QHash<qsizetype, QList<qsizetype>> children; // -1: the roots; the lists keep the processes' start order
    for (qsizetype i = 0; i < processes.size(); ++i) {
        const auto parent = processes.at(i).process.parentId;
        children[parent && indexOf.contains(*parent) ? indexOf.value(*parent) : -1].append(i);
    }
    QList<TreeLine> lines;
    lines.reserve(processes.size());
    QList<TreeLine> stack;
    const QList<qsizetype> roots = children.value(-1);
    for (auto it = roots.crbegin(); it != roots.crend(); ++it)
        stack.append({*it, 0});
    while (!stack.isEmpty()) {
        const TreeLine line = stack.takeLast();
        lines.append(line);
        const QList<qsizetype> below = children.value(line.index);
        for (auto it = below.crbegin(); it != below.crend(); ++it)
            stack.append({*it, line.depth + 1});
    }
    if (lines.size() < processes.size()) { // parents in a cycle (a hostile case): each of them shown as a root
        QList<bool> shown(processes.size(), false);
        for (const TreeLine &line : std::as_const(lines))
            shown[line.index] = true;
        for (qsizetype i = 0; i < processes.size(); ++i) {
            if (!shown.at(i))
                lines.append({i, 0});
        }
    }
    return lines;
}

ReplayQueries::ReplayQueries(Database &db)
    : m_db(db)
{
}

Expected<HostReplay> ReplayQueries::replay(qint64 hostId, qint64 at, int limit)
{
    HostReplay replay;
    replay.hostId = hostId;
    replay.at = at;
    auto knowledge = ReplayKnowledge::load(m_db, hostId);
    if (!knowledge)
        return knowledge.error();
    replay.span = knowledge->span;
    PointInTimeQueries pointInTime(m_db);
    auto host = pointInTime.hostAt(hostId, at);
    if (!host)
        return host.error();
    std::optional<qint64> bootTs;
    if (host->bootId) {
        auto ts = m_db.scalar(u"SELECT boot_ts FROM boots WHERE id = ?"_s, {*host->bootId});
        if (!ts)
            return ts.error();
        bootTs = ts->toLongLong();
    }
    const auto judge = [&](ReplayPart &part, std::optional<qint64> basis, const QStringList &sources) {
        part.knowledge = knowledge->judge(at, basis, sources);
        return part.knowledge.knowledge != Knowledge::Unknown;
    };
    if (judge(replay.processesPart, bootTs, {u"proc."_s}) && host->bootId) {
        auto running = pointInTime.runningAt(hostId, at, {limit, std::nullopt});
        if (!running)
            return running.error();
        replay.processes = std::move(running->rows);
        replay.processesPart.truncated = running->next.has_value();
    }
    if (judge(replay.filesPart, bootTs, {u"file."_s}) && host->bootId) {
        auto files = filesOpenForWriting(hostId, *host->bootId, at, limit, &replay.filesPart.truncated);
        if (!files)
            return files.error();
        replay.files = std::move(*files);
    }
    if (judge(replay.networkPart, bootTs, {u"net."_s})) {
        auto connections = pointInTime.connectionsAt(hostId, at);
        if (!connections)
            return connections.error();
        replay.connections = std::move(*connections);
        replay.networkPart.truncated = replay.connections.size() > limit;
        if (replay.networkPart.truncated)
            replay.connections.resize(limit);
    }
    const std::tuple<QString, ReplayPart *, QList<StateItemAt> *> checks[] = {
        {u"modules"_s, &replay.modulesPart, &replay.modules},
        {u"bpf"_s, &replay.bpfPart, &replay.bpf},
        {u"packages"_s, &replay.packagesPart, &replay.packages},
    };
    for (const auto &[check, part, items] : checks) {
        std::optional<qint64> snapshotTs;
        auto state = stateAt(hostId, check, at, &snapshotTs);
        if (!state)
            return state.error();
        if (!judge(*part, snapshotTs, {u"integrity."_s}))
            continue;
        if (!snapshotTs) {
            part->knowledge.knowledge = state->isEmpty() ? Knowledge::Unknown : Knowledge::Incomplete;
            part->knowledge.caveats.prepend({Caveat::Kind::NoSnapshot, 0, at, check, 0, {}});
        }
        *items = std::move(*state);
        part->truncated = items->size() > limit;
        if (part->truncated)
            items->resize(limit);
    }
    return replay;
}

Expected<std::optional<qint64>> ReplayQueries::neighbourEvent(qint64 hostId, qint64 at, bool forward)
{
    // Each table's (host_id, ts) index gives its nearest row at once; heartbeats change nothing and are passed by.
    static const QStringList tables{u"process_events"_s, u"file_events"_s,  u"net_events"_s,
                                    u"state_changes"_s,  u"host_events"_s, u"losses"_s};
    std::optional<qint64> best;
    for (const QString &table : tables) {
        const QString heartbeat = table == "host_events"_L1 ? u" AND kind <> 'rec.heartbeat'"_s : QString();
        auto ts = m_db.scalar(u"SELECT ts FROM %1 WHERE host_id = ? AND ts %2 ?%3 ORDER BY ts %4 LIMIT 1"_s.arg(
                                  table, forward ? u">"_s : u"<"_s, heartbeat, forward ? u"ASC"_s : u"DESC"_s),
                              {hostId, at});
        if (!ts)
            return ts.error();
        if (ts->isNull())
            continue;
        const qint64 value = ts->toLongLong();
        if (!best || (forward ? value < *best : value > *best))
            best = value;
    }
    return best;
}

} // namespace Deck::Core
