// SPDX-License-Identifier: GPL-3.0-or-later
#include "archiveloader.h"

#include "accountnames.h"
#include "bulkwriter.h"
#include "database.h"
#include "digest.h"
#include "eventcodec.h"
#include "migrations.h"
#include "pipelinedreader.h"

#include <QSet>
#include <limits>

using namespace Qt::StringLiterals;
using namespace Flight::Format;

namespace Deck::Core {

namespace {

constexpr qsizetype kChunkEvents = 20000;

bool isAccountsEvent(const Event &event)
{
    const auto *snapshot = std::get_if<StateSnapshot>(&event.body);
    const auto *change = std::get_if<StateChange>(&event.body);
    return (snapshot && snapshot->check == "accounts"_L1) || (change && change->check == "accounts"_L1);
}

} // namespace

QByteArray rowDetail(const Event &event)
{
    // The process row holds what snapshots and forks say; file, network and loss rows have a column for everything.
    const EventBody &body = event.body;
    if (std::holds_alternative<ProcSnapshot>(body) || std::holds_alternative<ProcFork>(body)
        || std::holds_alternative<FileAccess>(body) || std::holds_alternative<NetEndpoint>(body)
        || std::holds_alternative<RecorderLoss>(body))
        return {};
    QByteArray line = encodeEvent(event);
    line.chop(1);
    return line;
}

ArchiveLoader::ArchiveLoader(Database &db, ArchiveContext context, ImportSession &session)
    : m_db(db)
    , m_context(context)
    , m_session(session)
    , m_paths(session.paths)
{
    m_chunk.reserve(kChunkEvents);
    m_details.reserve(kChunkEvents);
}

ArchiveLoader::~ArchiveLoader()
{
    qDeleteAll(m_processes);
}

Expected<void> ArchiveLoader::add(ReadEvent &&read)
{
    Event &event = read.event;
    merge(event);
    if (isAccountsEvent(event))
        m_accounts.append(event);
    m_firstTs = std::min(m_firstTs, event.ts);
    m_lastTs = std::max(m_lastTs, event.ts);
    m_chunk.append(std::move(event));
    m_details.append(std::move(read.detail));
    if (m_chunk.size() >= kChunkEvents)
        return flush();
    return {};
}

Expected<void> ArchiveLoader::flush()
{
    for (auto step :
         {&ArchiveLoader::resolveProcesses, &ArchiveLoader::resolvePaths, &ArchiveLoader::writeProcessEvents,
          &ArchiveLoader::writeFileEvents, &ArchiveLoader::writeNetEvents, &ArchiveLoader::writeOtherEvents}) {
        if (auto done = (this->*step)(); !done)
            return done;
    }
    m_chunk.clear();
    m_details.clear();
    return {};
}

Expected<void> ArchiveLoader::resolvePaths()
{
    // The session's cache is bounded; it is emptied before the chunk's paths are looked at, so that every path the
    // chunk's rows refer to is resolved again (emptied later, rows would get path id 0).
    if (m_paths.size() > 2000000)
        m_paths.clear();
    QSet<QByteArray> pending;
    QList<qsizetype> unresolved; // events with a path not in the cache
    // The id of `path` into `id` when the cache has it; else the path is pending.
    const auto find = [&](const QByteArray &path, qint64 &id) {
        if (const auto it = m_paths.constFind(path); it != m_paths.cend()) {
            id = *it;
            return true;
        }
        pending.insert(path);
        return false;
    };
    const auto pathsOf = [&](const Event &event, PathIds &ids, const auto &lookup) {
        bool known = true;
        if (const auto *file = std::get_if<FileAccess>(&event.body)) {
            known = lookup(file->path, ids.path);
            if (file->to)
                known = lookup(*file->to, ids.to) && known;
        } else if (const auto *exec = std::get_if<ProcExec>(&event.body); exec && exec->exe) {
            known = lookup(*exec->exe, ids.path);
        }
        return known;
    };
    m_pathIds.resize(m_chunk.size());
    for (qsizetype i = 0; i < m_chunk.size(); ++i) {
        if (!pathsOf(m_chunk[i], m_pathIds[i], find))
            unresolved.append(i);
    }
    if (pending.isEmpty())
        return {};
    BulkWriter &bulk = m_db.bulk();
    if (auto started = bulk.start("stage_paths"_L1, {"digest"_L1, "path"_L1}); !started)
        return started;
    for (const QByteArray &path : std::as_const(pending)) {
        bulk.addBlob(Blake2b256::hash(path).left(16));
        bulk.addBlob(path);
        if (auto row = bulk.endRow(); !row)
            return row;
    }
    if (auto finished = bulk.finish(); !finished)
        return finished;
    // The new paths' ids come back from the insert; only paths the case had before this session need a lookup.
    // In digest order: importers of other hosts may be inserting the same new paths at the same time (PostgreSQL),
    // and each waits for the other's uncommitted ones; taken in one order, two such inserts never wait for each
    // other in a circle. (Across two chunks of one archive they still can: PostgreSQL then ends one import, and the
    // Importer runs it again.)
    auto inserted = m_db.query(u"INSERT INTO paths (digest, path) SELECT digest, path FROM stage_paths WHERE true "
                               u"ORDER BY digest ON CONFLICT (digest) DO NOTHING RETURNING id, path"_s);
    if (!inserted)
        return inserted.error();
    qsizetype found = 0;
    for (; inserted->next(); ++found)
        m_paths.insert(inserted->value(1).toByteArray(), inserted->value(0).toLongLong());
    if (found < pending.size()) {
        auto ids
            = m_db.query(u"SELECT (SELECT p.id FROM paths p WHERE p.digest = s.digest), s.path FROM stage_paths s"_s);
        if (!ids)
            return ids.error();
        while (ids->next())
            m_paths.insert(ids->value(1).toByteArray(), ids->value(0).toLongLong());
    }
    const auto known = [&](const QByteArray &path, qint64 &id) {
        id = m_paths.value(path);
        return true;
    };
    for (const qsizetype i : std::as_const(unresolved))
        pathsOf(m_chunk[i], m_pathIds[i], known);
    return emptyStagingTable(m_db, "stage_paths"_L1);
}

Expected<void> ArchiveLoader::writeProcessEvents()
{
    BulkWriter &bulk = m_db.bulk();
    bool started = false;
    for (qsizetype i = 0; i < m_chunk.size(); ++i) {
        const Event &event = m_chunk[i];
        const ProcKey *key = nullptr;
        const QByteArray *exe = nullptr;
        std::visit(
            [&](const auto &body) {
                using T = std::decay_t<decltype(body)>;
                if constexpr (std::is_same_v<T, ProcSnapshot> || std::is_same_v<T, ProcFork>) {
                    key = &body.proc;
                } else if constexpr (std::is_same_v<T, ProcExec>) {
                    key = &body.proc;
                    exe = body.exe ? &*body.exe : nullptr;
                } else if constexpr (std::is_same_v<T, ProcExit> || std::is_same_v<T, ProcCred>) {
                    key = &body.proc;
                }
            },
            event.body);
        if (!key)
            continue;
        if (!started) {
            if (auto begun = bulk.start("process_events"_L1,
                                        {"archive_id"_L1, "host_id"_L1, "process_id"_L1, "ts"_L1, "mono"_L1, "kind"_L1,
                                         "exe_path_id"_L1, "detail"_L1});
                !begun)
                return begun;
            started = true;
        }
        bulk.addInt(m_context.archiveId);
        bulk.addInt(m_context.hostId);
        bulk.addInt(m_processes.value(*key)->id);
        bulk.addInt(event.ts);
        bulk.addInt(event.mono);
        bulk.addText(QByteArrayView(kindName(event)));
        exe ? bulk.addInt(m_pathIds[i].path) : bulk.addNull();
        m_details.at(i).isEmpty() ? bulk.addNull() : bulk.addText(QByteArrayView(m_details.at(i)));
        if (auto row = bulk.endRow(); !row)
            return row;
        m_seconds.add(QLatin1StringView(kindName(event)), event.ts);
    }
    return started ? bulk.finish() : Expected<void>();
}

Expected<void> ArchiveLoader::writeFileEvents()
{
    BulkWriter &bulk = m_db.bulk();
    bool started = false;
    for (qsizetype i = 0; i < m_chunk.size(); ++i) {
        const Event &event = m_chunk[i];
        const auto *file = std::get_if<FileAccess>(&event.body);
        if (!file)
            continue;
        if (!started) {
            if (auto begun = bulk.start("file_events"_L1,
                                        {"archive_id"_L1, "host_id"_L1, "process_id"_L1, "ts"_L1, "mono"_L1, "op"_L1,
                                         "path_id"_L1, "to_path_id"_L1, "dev"_L1, "ino"_L1, "count"_L1, "last_ts"_L1});
                !begun)
                return begun;
            started = true;
        }
        bulk.addInt(m_context.archiveId);
        bulk.addInt(m_context.hostId);
        bulk.addInt(m_processes.value(file->proc)->id);
        bulk.addInt(event.ts);
        bulk.addInt(event.mono);
        bulk.addText(QByteArrayView(fileOpName(file->op)));
        bulk.addInt(m_pathIds[i].path);
        file->to ? bulk.addInt(m_pathIds[i].to) : bulk.addNull();
        bulk.addOptional(file->dev);
        bulk.addOptional(file->ino);
        bulk.addInt(file->repeat ? file->repeat->count : 1);
        file->repeat ? bulk.addInt(file->repeat->lastTs) : bulk.addNull();
        if (auto row = bulk.endRow(); !row)
            return row;
        m_seconds.add(kFileAccessKind, event.ts);
    }
    return started ? bulk.finish() : Expected<void>();
}

Expected<void> ArchiveLoader::writeNetEvents()
{
    BulkWriter &bulk = m_db.bulk();
    bool started = false;
    for (const Event &event : std::as_const(m_chunk)) {
        const auto *net = std::get_if<NetEndpoint>(&event.body);
        if (!net)
            continue;
        if (!started) {
            if (auto begun
                = bulk.start("net_events"_L1,
                             {"archive_id"_L1, "host_id"_L1, "process_id"_L1, "ts"_L1, "mono"_L1, "op"_L1, "proto"_L1,
                              "laddr"_L1, "lport"_L1, "raddr"_L1, "rport"_L1, "count"_L1, "last_ts"_L1});
                !begun)
                return begun;
            started = true;
        }
        bulk.addInt(m_context.archiveId);
        bulk.addInt(m_context.hostId);
        net->proc ? bulk.addInt(m_processes.value(*net->proc)->id) : bulk.addNull();
        bulk.addInt(event.ts);
        bulk.addInt(event.mono);
        bulk.addText(QByteArrayView(netOpName(net->op)));
        bulk.addText(QByteArrayView(protoName(net->proto)));
        bulk.addText(net->local.addr);
        bulk.addInt(net->local.port);
        if (net->remote) {
            bulk.addText(net->remote->addr);
            bulk.addInt(net->remote->port);
        } else {
            bulk.addNull();
            bulk.addNull();
        }
        bulk.addInt(net->repeat ? net->repeat->count : 1);
        net->repeat ? bulk.addInt(net->repeat->lastTs) : bulk.addNull();
        if (auto row = bulk.endRow(); !row)
            return row;
        m_seconds.add(kNetEndpointKind, event.ts);
    }
    return started ? bulk.finish() : Expected<void>();
}

// State events, the collector's own events and losses: few per archive, so written one table at a time in a loop.
Expected<void> ArchiveLoader::writeOtherEvents()
{
    BulkWriter &bulk = m_db.bulk();
    enum Table { State, Host, Loss };
    for (const Table table : {State, Host, Loss}) {
        bool started = false;
        for (qsizetype i = 0; i < m_chunk.size(); ++i) {
            const Event &event = m_chunk[i];
            const auto *snapshot = std::get_if<StateSnapshot>(&event.body);
            const auto *change = std::get_if<StateChange>(&event.body);
            const auto *loss = std::get_if<RecorderLoss>(&event.body);
            const bool hostEvent = std::holds_alternative<KernelLog>(event.body)
                || std::holds_alternative<RecorderStart>(event.body) || std::holds_alternative<RecorderStop>(event.body)
                || std::holds_alternative<RecorderHeartbeat>(event.body);
            const bool mine = table == State ? (snapshot || change) : table == Host ? hostEvent : loss != nullptr;
            if (!mine)
                continue;
            if (!started) {
                const QList<QLatin1StringView> columns = table == State
                    ? QList{"archive_id"_L1, "host_id"_L1,  "ts"_L1,    "mono"_L1,  "kind"_L1,
                            "check_name"_L1, "severity"_L1, "items"_L1, "detail"_L1}
                    : table == Host ? QList{"archive_id"_L1, "host_id"_L1, "ts"_L1, "mono"_L1, "kind"_L1, "detail"_L1}
                                    : QList{"archive_id"_L1, "host_id"_L1, "ts"_L1,     "last_ts"_L1,   "source"_L1,
                                            "count"_L1,      "unit"_L1,    "reason"_L1, "first_seq"_L1, "last_seq"_L1};
                const auto name = table == State ? "state_changes"_L1 : table == Host ? "host_events"_L1 : "losses"_L1;
                if (auto begun = bulk.start(name, columns); !begun)
                    return begun;
                started = true;
            }
            bulk.addInt(m_context.archiveId);
            bulk.addInt(m_context.hostId);
            bulk.addInt(event.ts);
            if (table == State) {
                bulk.addInt(event.mono);
                bulk.addText(QByteArrayView(kindName(event)));
                bulk.addText(snapshot ? snapshot->check : change->check);
                change ? bulk.addText(QByteArrayView(severityName(change->severity))) : bulk.addNull();
                bulk.addInt(snapshot ? snapshot->items.size()
                                     : change->added.size() + change->removed.size() + change->changed.size());
                bulk.addText(QByteArrayView(m_details.at(i)));
            } else if (table == Host) {
                bulk.addInt(event.mono);
                bulk.addText(QByteArrayView(kindName(event)));
                bulk.addText(QByteArrayView(m_details.at(i)));
            } else {
                bulk.addOptional(loss->lastTs);
                bulk.addText(loss->source);
                bulk.addInt(loss->count);
                bulk.addText(QByteArrayView(lossUnitName(loss->unit)));
                bulk.addOptionalText(loss->reason);
                bulk.addOptional(loss->firstSeq);
                bulk.addOptional(loss->lastSeq);
            }
            if (auto row = bulk.endRow(); !row)
                return row;
            m_seconds.add(table == Loss ? kLossKind : QLatin1StringView(kindName(event)), event.ts);
        }
        if (started) {
            if (auto finished = bulk.finish(); !finished)
                return finished;
        }
    }
    return {};
}

Expected<void> ArchiveLoader::finish()
{
    if (auto flushed = flush(); !flushed)
        return flushed;
    if (auto written = writeProcesses(); !written)
        return written;
    if (auto stored = storeAccounts(m_db, m_context.hostId, m_firstTs, m_accounts); !stored)
        return stored;
    if (auto counted = m_seconds.store(m_db, m_context.hostId); !counted)
        return counted;
    return raiseAlerts();
}

Expected<void> ArchiveLoader::raiseAlerts()
{
    auto raised = m_db.execute(u"INSERT INTO alerts (host_id, ts, source, state_change_id, severity, title, triage) "
                               u"SELECT host_id, ts, 'state.change', id, severity, check_name || ': ' || "
                               u"CAST(items AS TEXT) || ' items changed', 'new' FROM state_changes "
                               u"WHERE host_id = ? AND ts BETWEEN ? AND ? AND archive_id = ? AND kind = 'state.change' "
                               u"AND severity = 'high'"_s,
                               {m_context.hostId, m_firstTs, m_lastTs, m_context.archiveId});
    if (!raised)
        return raised;
    return m_db.execute(u"INSERT INTO alert_evidence (alert_id, ordinal, object_type, object_id) "
                        u"SELECT a.id, 0, 'state_change', a.state_change_id FROM alerts a "
                        u"JOIN state_changes s ON s.id = a.state_change_id WHERE s.archive_id = ? "
                        u"AND a.source = 'state.change'"_s,
                        {m_context.archiveId});
}

} // namespace Deck::Core
