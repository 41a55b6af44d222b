// SPDX-License-Identifier: GPL-3.0-or-later
// ArchiveLoader's process rows (the class is split by responsibility; archiveloader.cpp writes the event tables):
// merging what an archive says about each process, finding or creating the rows of process keys, writing the merged
// rows and linking parents, and keeping PostgreSQL's statistics fresh enough for the lookups.
#include "archiveloader.h"
#include "bulkwriter.h"
#include "database.h"
#include "keptstatements.h"
#include "migrations.h"

#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Flight::Format;

namespace Flight::Format {
size_t qHash(const ProcKey &key, size_t seed) noexcept
{
    return ::qHashMulti(seed, key.pid, key.start);
}
} // namespace Flight::Format

namespace Deck::Core {

namespace {

// Wall-clock start of a process: boot time plus its start in clock ticks, saturating on absurd values.
qint64 startTs(qint64 bootTs, qint64 startTicks, qint64 clkTck)
{
    const qint64 tickNs = clkTck > 0 ? 1000000000 / clkTck : 10000000;
    qint64 ns = 0, sum = 0;
    if (__builtin_mul_overflow(startTicks, tickNs, &ns) || __builtin_add_overflow(bootTs, ns, &sum))
        return std::numeric_limits<qint64>::max();
    return sum;
}

// argv and env as one byte string, elements separated by NUL (which no element contains).
QByteArray joinBytes(const QList<QByteArray> &parts)
{
    QByteArray joined;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i > 0)
            joined.append('\0');
        joined.append(parts[i]);
    }
    return joined;
}

QByteArray joinEnv(const QMap<QString, QByteArray> &env)
{
    QList<QByteArray> parts;
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        parts.append(it.key().toUtf8() + '=' + it.value());
    return joinBytes(parts);
}

// The columns of a process row that addProcessColumns() writes, in its order: the table's after id, host_id and
// boot_id, the staging table's after id, is_new and fork_comm.
const QList<QLatin1StringView> &processColumns()
{
    static const QList<QLatin1StringView> columns{
        "start_ts"_L1,     "pid"_L1,       "start"_L1,    "parent_id"_L1,      "parent_pid"_L1,
        "parent_start"_L1, "first_ts"_L1,  "last_ts"_L1,  "image_kind"_L1,     "image_ts"_L1,
        "comm"_L1,         "exe"_L1,       "argv"_L1,     "argv_truncated"_L1, "cwd"_L1,
        "loginuid"_L1,     "sessionid"_L1, "tty"_L1,      "cgroup"_L1,         "exe_digest"_L1,
        "env"_L1,          "stdio"_L1,     "exe_mode"_L1, "ids_ts"_L1,         "uid"_L1,
        "euid"_L1,         "gid"_L1,       "egid"_L1,     "exit_ts"_L1,        "exit_code"_L1,
        "exit_signal"_L1,  "exit_core"_L1};
    return columns;
}

} // namespace

ArchiveLoader::Process &ArchiveLoader::touch(const ProcKey &key, qint64 ts)
{
    Process *&process = m_processes[key];
    if (!process) {
        process = new Process;
        process->key = key;
    }
    process->firstTs = std::min(process->firstTs, ts);
    process->lastTs = std::max(process->lastTs, ts);
    return *process;
}

void ArchiveLoader::merge(const Event &event)
{
    const auto image = [&](const ProcessImage &body, const char *kind) {
        Process &p = touch(body.proc, event.ts);
        if (!p.parent)
            p.parent = body.parent;
        if (!p.imageKind || event.ts >= p.imageTs) {
            p.imageKind = kind;
            p.imageTs = event.ts;
            p.image = body;
        }
        if (!p.idsTs || event.ts >= *p.idsTs) {
            p.idsTs = event.ts;
            p.uid = body.uid, p.euid = body.euid, p.gid = body.gid, p.egid = body.egid;
        }
    };
    std::visit(
        [&](const auto &body) {
            using T = std::decay_t<decltype(body)>;
            if constexpr (std::is_same_v<T, ProcSnapshot> || std::is_same_v<T, ProcExec>) {
                image(body, T::kKind);
            } else if constexpr (std::is_same_v<T, ProcFork>) {
                Process &p = touch(body.proc, event.ts);
                p.parent = body.parent; // the fork names the parent that created it
                if (body.comm)
                    p.forkComm = body.comm;
            } else if constexpr (std::is_same_v<T, ProcExit>) {
                Process &p = touch(body.proc, event.ts);
                const bool known = body.code || body.signal;
                // An exit that says how it ended supersedes one that only saw the process gone (FORMAT.md).
                if (!p.exitTs || (known && !p.exitCode && !p.exitSignal)) {
                    p.exitTs = event.ts;
                    p.exitCode = body.code;
                    p.exitSignal = body.signal;
                    p.exitCore = body.core;
                }
            } else if constexpr (std::is_same_v<T, ProcCred>) {
                Process &p = touch(body.proc, event.ts);
                if (!p.idsTs || event.ts >= *p.idsTs) {
                    p.idsTs = event.ts;
                    p.uid = body.uid, p.euid = body.euid, p.gid = body.gid, p.egid = body.egid;
                }
            } else if constexpr (std::is_same_v<T, FileAccess>) {
                touch(body.proc, event.ts);
            } else if constexpr (std::is_same_v<T, NetEndpoint>) {
                if (body.proc)
                    touch(*body.proc, event.ts);
            }
        },
        event.body);
}

// The chunk's process keys not seen before in this archive: the rows the case has are found; the others get ids now
// and their rows at finish(), written once and whole (an early bare row, completed at the end, cost every process
// two writes of its row and of its indexes).
Expected<void> ArchiveLoader::resolveProcesses()
{
    QList<ProcKey> pending;
    for (const Process *p : std::as_const(m_processes)) {
        if (p->id == 0)
            pending.append(p->key);
    }
    auto ids = lookupKeys(pending);
    if (!ids)
        return ids.error();
    QList<Process *> fresh;
    for (const ProcKey &key : std::as_const(pending)) {
        Process *p = m_processes.value(key);
        if (const auto it = ids->constFind(key); it != ids->cend())
            p->id = *it;
        else
            fresh.append(p);
    }
    auto newIds = newProcessIds(fresh.size());
    if (!newIds)
        return newIds.error();
    for (qsizetype i = 0; i < fresh.size(); ++i) {
        fresh[i]->id = newIds->at(i);
        fresh[i]->isNew = true;
    }
    return {};
}

// Ids for `count` process rows to be inserted at finish(). PostgreSQL: from the identity's sequence, safe beside
// other hosts' importers. SQLite: counted on from the largest id, which only this transaction can change (it holds
// the write lock since it wrote the archive's row; no other row of processes is written before finish()).
Expected<QList<qint64>> ArchiveLoader::newProcessIds(qsizetype count)
{
    QList<qint64> ids;
    if (count == 0)
        return ids;
    ids.reserve(count);
    if (m_db.engine() == Engine::Postgres) {
        // The sequence's name is looked up once (MATERIALIZED): per row it cost 2.5 us, 85 % of the statement.
        auto rows = m_db.keptQuery(u"WITH s AS MATERIALIZED (SELECT CAST(pg_get_serial_sequence('processes', 'id') "
                                   u"AS regclass) AS seq) SELECT nextval(s.seq) FROM s, "
                                   u"generate_series(1, CAST(? AS BIGINT))"_s,
                                   {count}, Database::Fetch::AtOnce);
        if (!rows)
            return rows.error();
        while ((*rows)->next())
            ids.append((*rows)->value(0).toLongLong());
        if (ids.size() != count)
            return storeError(StoreReason::Sql, u"%1: %2 new process ids asked for, %3 given"_s.arg(m_db.name())
                                                    .arg(count)
                                                    .arg(ids.size()));
        return ids;
    }
    if (m_lastProcessId < 0) {
        auto last = m_db.scalar(u"SELECT COALESCE(MAX(id), 0) FROM processes"_s);
        if (!last)
            return last.error();
        m_lastProcessId = last->toLongLong();
    }
    for (qsizetype i = 0; i < count; ++i)
        ids.append(++m_lastProcessId);
    return ids;
}

// The rows of `keys` in this boot that the case has. Driven by the staging table with one index lookup per key (a
// correlated subquery), so that the plan does not depend on table statistics that a bulk import outdates: given the
// host as a constant, PostgreSQL reads in statistics taken before the host's rows came that the host has none, rates
// processes_start (host_id, start_ts) as good as the unique index, and walks all the host's rows per key (seconds per
// chunk). Given as a subquery's value, the host is priced at the table's average share, and only the unique index
// finds one row for it.
Expected<QHash<ProcKey, qint64>> ArchiveLoader::lookupKeys(const QList<ProcKey> &keys)
{
    QHash<ProcKey, qint64> ids;
    if (keys.isEmpty())
        return ids;
    BulkWriter &bulk = m_db.bulk();
    if (auto started = bulk.start("stage_keys"_L1, {"pid"_L1, "start"_L1, "start_ts"_L1}); !started)
        return started.error();
    for (const ProcKey &key : keys) {
        bulk.addInt(key.pid);
        bulk.addInt(key.start);
        bulk.addInt(startTs(m_context.bootTs, key.start, m_context.clkTck));
        if (auto row = bulk.endRow(); !row)
            return row.error();
    }
    if (auto finished = bulk.finish(); !finished)
        return finished.error();
    if (auto refreshed = refreshStatistics(0); !refreshed)
        return refreshed.error();
    auto kept = m_db.keptQuery(u"SELECT k.pid, k.start, (SELECT p.id FROM processes p WHERE "
                               u"p.host_id = (SELECT CAST(? AS BIGINT)) AND p.boot_id = (SELECT CAST(? AS BIGINT)) "
                               u"AND p.pid = k.pid AND p.start = k.start "
                               u"ORDER BY p.host_id, p.boot_id, p.pid, p.start LIMIT 1) FROM stage_keys k"_s,
                               {m_context.hostId, m_context.bootId}, Database::Fetch::AtOnce);
    if (!kept)
        return kept.error();
    QSqlQuery *rows = *kept;
    while (rows->next()) {
        if (!rows->value(2).isNull())
            ids.insert(ProcKey{rows->value(0).toLongLong(), rows->value(1).toLongLong()}, rows->value(2).toLongLong());
    }
    if (auto emptied = emptyStagingTable(m_db, "stage_keys"_L1); !emptied)
        return emptied.error();
    return ids;
}

// PostgreSQL plans each lookup from statistics; once the rows added since they were taken outnumber a fifth of the
// table (a new host, a first import), ANALYZE them again — it samples, so it stays cheap however big the case is.
Expected<void> ArchiveLoader::refreshStatistics(qint64 newRows)
{
    if (m_db.engine() != Engine::Postgres)
        return {};
    m_session.rowsSinceAnalyze += newRows;
    if (m_session.rowsSinceAnalyze < std::max<qint64>(2000, m_session.rowsAtAnalyze / 5))
        return {};
    m_session.rowsAtAnalyze += m_session.rowsSinceAnalyze;
    m_session.rowsSinceAnalyze = 0;
    // Only the columns lookups and joins filter on: the wide ones (argv, env) make a full ANALYZE ten times dearer.
    return m_db.execute(u"ANALYZE processes (host_id, boot_id, pid, start, start_ts, parent_id, parent_pid, "
                        u"parent_start)"_s);
}

// What the archive said about `p` as the columns of processColumns(). `staged`: for the staging table, whose comm is
// the image's alone (the fork's has its own column); the table's comm is the image's, else the fork's.
void ArchiveLoader::addProcessColumns(BulkWriter &bulk, const Process &p, std::optional<qint64> parentId,
                                      bool staged) const
{
    bulk.addInt(startTs(m_context.bootTs, p.key.start, m_context.clkTck));
    bulk.addInt(p.key.pid);
    bulk.addInt(p.key.start);
    bulk.addOptional(parentId);
    bulk.addOptional(p.parent ? std::optional(p.parent->pid) : std::nullopt);
    bulk.addOptional(p.parent ? std::optional(p.parent->start) : std::nullopt);
    bulk.addInt(p.firstTs);
    bulk.addInt(p.lastTs);
    if (p.imageKind) {
        const ProcessImage &image = p.image;
        bulk.addText(QByteArrayView(p.imageKind));
        bulk.addInt(p.imageTs);
        bulk.addText(image.comm);
        bulk.addOptionalBlob(image.exe);
        bulk.addBlob(joinBytes(image.argv));
        bulk.addInt(image.argvTruncated ? 1 : 0);
        bulk.addOptionalBlob(image.cwd);
        bulk.addOptional(image.loginuid);
        bulk.addOptional(image.sessionid);
        bulk.addOptionalText(image.tty);
        bulk.addOptionalBlob(image.cgroup);
        bulk.addOptionalText(image.exeDigest);
        image.env.isEmpty() ? bulk.addNull() : bulk.addBlob(joinEnv(image.env));
        bulk.addOptionalText(image.stdio);
        bulk.addOptional(image.exeMode);
    } else {
        bulk.addNull(); // image_kind
        bulk.addNull(); // image_ts
        staged ? bulk.addNull() : bulk.addOptionalText(p.forkComm);
        for (int i = 0; i < 12; ++i)
            bulk.addNull();
    }
    if (p.idsTs) {
        for (const qint64 value : {*p.idsTs, p.uid, p.euid, p.gid, p.egid})
            bulk.addInt(value);
    } else {
        for (int i = 0; i < 5; ++i)
            bulk.addNull();
    }
    bulk.addOptional(p.exitTs);
    bulk.addOptional(p.exitCode);
    bulk.addOptional(p.exitSignal);
    p.exitTs ? bulk.addInt(p.exitCore ? 1 : 0) : bulk.addNull();
}

// Each process the archive introduced, inserted as one whole row; what it said about the others merged into their
// rows: the newer image and credentials win, an exit that says how the process ended supersedes one that does not,
// first and last seen widen.
Expected<void> ArchiveLoader::writeProcesses()
{
    if (m_processes.isEmpty())
        return {};
    // Parents: those in this archive are known; the others are looked up (absent ones wait for their parent).
    QSet<ProcKey> outside;
    for (const Process *p : std::as_const(m_processes)) {
        if (p->parent && p->parent->pid != 0 && !m_processes.contains(*p->parent))
            outside.insert(*p->parent);
    }
    auto parentIds = lookupKeys(outside.values());
    if (!parentIds)
        return parentIds.error();
    const auto parentId = [&](const Process *p) -> std::optional<qint64> {
        if (!p->parent || p->parent->pid == 0)
            return std::nullopt;
        if (const Process *parent = m_processes.value(*p->parent))
            return parent->id;
        if (const auto it = parentIds->constFind(*p->parent); it != parentIds->cend())
            return *it;
        return std::nullopt;
    };
    // New processes go straight into the table, ordered by id, written once and whole. Those an earlier archive
    // created are staged whole for the merge below; the new ones are staged by key only, for the children that
    // waited for them.
    QList<const Process *> fresh;
    for (const Process *p : std::as_const(m_processes)) {
        if (p->isNew)
            fresh.append(p);
    }
    std::sort(fresh.begin(), fresh.end(), [](const Process *a, const Process *b) { return a->id < b->id; });
    m_newProcesses = fresh.size();
    BulkWriter &bulk = m_db.bulk();
    if (!fresh.isEmpty()) {
        auto started = bulk.start("processes"_L1, QList{"id"_L1, "host_id"_L1, "boot_id"_L1} + processColumns());
        if (!started)
            return started;
        for (const Process *p : std::as_const(fresh)) {
            bulk.addInt(p->id);
            bulk.addInt(m_context.hostId);
            bulk.addInt(m_context.bootId);
            addProcessColumns(bulk, *p, parentId(p), false);
            if (auto row = bulk.endRow(); !row)
                return row;
        }
        if (auto finished = bulk.finish(); !finished)
            return finished;
    }
    auto started = bulk.start("stage_processes"_L1, QList{"id"_L1, "is_new"_L1, "fork_comm"_L1} + processColumns());
    if (!started)
        return started;
    for (const Process *p : std::as_const(m_processes)) {
        bulk.addInt(p->id);
        bulk.addInt(p->isNew ? 1 : 0);
        if (p->isNew) {
            bulk.addNull();
            bulk.addInt(startTs(m_context.bootTs, p->key.start, m_context.clkTck));
            bulk.addInt(p->key.pid);
            bulk.addInt(p->key.start);
            for (qsizetype i = 3; i < processColumns().size(); ++i)
                bulk.addNull();
        } else {
            bulk.addOptionalText(p->forkComm);
            addProcessColumns(bulk, *p, parentId(p), true);
        }
        if (auto row = bulk.endRow(); !row)
            return row;
    }
    if (auto finished = bulk.finish(); !finished)
        return finished;

    static const QString update = [] {
        const QString newerImage = u"s.image_ts IS NOT NULL AND (processes.image_ts IS NULL OR "
                                   u"s.image_ts >= processes.image_ts)"_s;
        const QString newerIds = u"s.ids_ts IS NOT NULL AND (processes.ids_ts IS NULL OR "
                                 u"s.ids_ts >= processes.ids_ts)"_s;
        const QString betterExit = u"s.exit_ts IS NOT NULL AND (processes.exit_ts IS NULL OR "
                                   u"(processes.exit_code IS NULL AND processes.exit_signal IS NULL AND "
                                   u"(s.exit_code IS NOT NULL OR s.exit_signal IS NOT NULL)))"_s;
        QStringList sets{
            u"parent_id = CASE WHEN processes.parent_pid IS NULL OR processes.parent_pid = s.parent_pid "
            u"THEN COALESCE(processes.parent_id, s.parent_id) ELSE processes.parent_id END"_s,
            u"parent_pid = COALESCE(processes.parent_pid, s.parent_pid)"_s,
            u"parent_start = COALESCE(processes.parent_start, s.parent_start)"_s,
            u"first_ts = CASE WHEN processes.first_ts IS NULL OR s.first_ts < processes.first_ts "
            u"THEN s.first_ts ELSE processes.first_ts END"_s,
            u"last_ts = CASE WHEN processes.last_ts IS NULL OR s.last_ts > processes.last_ts "
            u"THEN s.last_ts ELSE processes.last_ts END"_s,
            u"comm = CASE WHEN %1 THEN s.comm ELSE COALESCE(processes.comm, s.fork_comm) END"_s.arg(newerImage),
        };
        const auto group = [&](const QString &condition, const QStringList &columns) {
            for (const QString &column : columns)
                sets.append(u"%1 = CASE WHEN %2 THEN s.%1 ELSE processes.%1 END"_s.arg(column, condition));
        };
        group(newerImage,
              {u"image_kind"_s, u"image_ts"_s, u"exe"_s, u"argv"_s, u"argv_truncated"_s, u"cwd"_s, u"loginuid"_s,
               u"sessionid"_s, u"tty"_s, u"cgroup"_s, u"exe_digest"_s, u"env"_s, u"stdio"_s, u"exe_mode"_s});
        group(newerIds, {u"ids_ts"_s, u"uid"_s, u"euid"_s, u"gid"_s, u"egid"_s});
        group(betterExit, {u"exit_ts"_s, u"exit_code"_s, u"exit_signal"_s, u"exit_core"_s});
        return u"UPDATE processes SET %1 FROM stage_processes s WHERE processes.id = s.id AND s.is_new = 0"_s.arg(
            sets.join(u", "_s));
    }();
    if (m_db.engine() == Engine::Postgres) {
        if (auto analyzed = m_db.execute(u"ANALYZE stage_processes (id, pid, start)"_s); !analyzed)
            return analyzed;
    }
    if (m_newProcesses < m_processes.size()) {
        if (auto updated = m_db.execute(update); !updated)
            return updated;
    }
    // Children (from earlier archives too) that waited for one of this archive's processes. Only rows whose parent
    // is still missing are in the partial index this walks, so the cost does not grow with the case.
    auto waiting = executeKept(m_db,
                               u"UPDATE processes SET parent_id = s.id FROM stage_processes s "
                               u"WHERE processes.host_id = ? AND processes.boot_id = ? AND processes.parent_id IS NULL "
                               u"AND processes.parent_pid <> 0 AND processes.parent_pid = s.pid "
                               u"AND processes.parent_start = s.start"_s,
                               {m_context.hostId, m_context.bootId});
    if (!waiting)
        return waiting;
    if (auto emptied = emptyStagingTable(m_db, "stage_processes"_L1); !emptied)
        return emptied;
    return refreshStatistics(m_newProcesses);
}

} // namespace Deck::Core
