// SPDX-License-Identifier: GPL-3.0-or-later
#include "migrations.h"

#include "database.h"

#include <QSet>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

struct Migration
{
    int version;
    const char *description;
    QList<const char *> statements; // for both engines
    QList<const char *> sqliteOnly;
    QList<const char *> postgresOnly;
};

// Times are UTC ns (int64); op, kind, check and severity are the archive format's own words (FORMAT.md), so a
// case can be read with sqlite3/psql alone. Byte strings (paths, argv) are kept as raw bytes; argv and env are
// NUL-separated (a byte string never holds a NUL).
// Indexes serve the queries of the workstation: process tree (children by parent_id, roots per host), ancestors
// (parent_id), what one process did (process_id, ts), who touched a path (path_id, ts; paths by prefix), who talked
// to an address/port (raddr, rport), what ran at time T (host_id, start_ts), timelines and coverage (host_id, ts).
// Event tables carry no other index, so that a bulk import updates few b-trees.
const QList<Migration> &migrations()
{
    static const QList<Migration> list{
        {1,
         "case store: hosts, keys, archives, processes, events, quarantine, case notes, audit log",
         {
             "CREATE TABLE hosts (id {id}, machine_id TEXT NOT NULL UNIQUE, hostname TEXT NOT NULL, os TEXT, "
             "kernel TEXT, first_import_ts BIGINT NOT NULL, last_import_ts BIGINT NOT NULL, last_event_ts BIGINT)",
             // host_id NULL: trusted before any archive of the host arrived; bound by the first one it signs.
             // last_seq/last_digest: the off-host anchor of the key's hash chain.
             "CREATE TABLE host_keys (id {id}, host_id BIGINT, public_key TEXT NOT NULL UNIQUE, "
             "fingerprint TEXT NOT NULL, label TEXT, trusted_ts BIGINT NOT NULL, trusted_by TEXT NOT NULL, "
             "last_seq BIGINT, last_digest TEXT)",
             "CREATE INDEX host_keys_host ON host_keys (host_id)",
             "CREATE TABLE boots (id {id}, host_id BIGINT NOT NULL, boot_id TEXT NOT NULL, boot_ts BIGINT NOT NULL, "
             "clk_tck BIGINT NOT NULL, UNIQUE (host_id, boot_id))",
             // chain: first | intact | gap (missing archives before it) | late (filled a gap).
             "CREATE TABLE archives (id {id}, host_id BIGINT NOT NULL, key_id BIGINT NOT NULL, "
             "boot_id BIGINT NOT NULL, digest TEXT NOT NULL UNIQUE, seq BIGINT NOT NULL, prev_digest TEXT NOT NULL, "
             "chain TEXT NOT NULL, missing_before BIGINT NOT NULL DEFAULT 0, encrypted INTEGER NOT NULL, "
             "recovered INTEGER NOT NULL, events BIGINT NOT NULL, first_ts BIGINT NOT NULL, last_ts BIGINT NOT NULL, "
             "created_ts BIGINT NOT NULL, collector_version TEXT NOT NULL, source TEXT NOT NULL, "
             "imported_ts BIGINT NOT NULL, imported_by TEXT NOT NULL, manifest {blob} NOT NULL, UNIQUE (key_id, seq))",
             "CREATE INDEX archives_host ON archives (host_id, seq)",
             // The quarantine: archives held back (reason: 'untrusted signer' or 'fork'), not imported.
             "CREATE TABLE held_archives (id {id}, digest TEXT NOT NULL UNIQUE, path TEXT NOT NULL, "
             "reason TEXT NOT NULL, detail TEXT NOT NULL, machine_id TEXT NOT NULL, hostname TEXT NOT NULL, "
             "seq BIGINT NOT NULL, signer TEXT NOT NULL, fingerprint TEXT NOT NULL, events BIGINT NOT NULL, "
             "held_ts BIGINT NOT NULL)",
             // One row per process key (host, boot, pid, start). parent_id is resolved whenever the parent's row
             // exists, also when it arrives in a later archive. The image (comm ... env) is the latest exec or
             // snapshot (image_ts); ids the latest image or credential change (ids_ts).
             "CREATE TABLE processes (id {id}, host_id BIGINT NOT NULL, boot_id BIGINT NOT NULL, "
             "pid BIGINT NOT NULL, start BIGINT NOT NULL, start_ts BIGINT NOT NULL, parent_pid BIGINT, "
             "parent_start BIGINT, parent_id BIGINT, first_ts BIGINT, last_ts BIGINT, image_kind TEXT, "
             "image_ts BIGINT, comm TEXT, exe {blob}, argv {blob}, argv_truncated INTEGER, cwd {blob}, "
             "loginuid BIGINT, sessionid BIGINT, tty TEXT, cgroup {blob}, exe_digest TEXT, env {blob}, "
             "ids_ts BIGINT, uid BIGINT, euid BIGINT, gid BIGINT, egid BIGINT, exit_ts BIGINT, exit_code BIGINT, "
             "exit_signal BIGINT, exit_core INTEGER, UNIQUE (host_id, boot_id, pid, start))",
             "CREATE INDEX processes_parent ON processes (parent_id)",
             "CREATE INDEX processes_start ON processes (host_id, start_ts)",
             "CREATE INDEX processes_roots ON processes (host_id, start_ts) WHERE parent_id IS NULL",
             "CREATE INDEX processes_unresolved ON processes (host_id, boot_id, parent_pid, parent_start) "
             "WHERE parent_id IS NULL AND parent_pid <> 0",
             // Paths interned by their BLAKE2b-128 digest (a b-tree entry of fixed size, whatever the path length).
             "CREATE TABLE paths (id {id}, digest {blob} NOT NULL UNIQUE, path {blob} NOT NULL)",
             // kind: proc.snapshot | proc.exec | proc.fork | proc.exit | proc.cred; detail: the event's JSON line.
             "CREATE TABLE process_events (id {id}, archive_id BIGINT NOT NULL, host_id BIGINT NOT NULL, "
             "process_id BIGINT NOT NULL, ts BIGINT NOT NULL, mono BIGINT NOT NULL, kind TEXT NOT NULL, "
             "exe_path_id BIGINT, detail TEXT)",
             "CREATE INDEX process_events_process ON process_events (process_id, ts)",
             "CREATE INDEX process_events_time ON process_events (host_id, ts)",
             "CREATE TABLE file_events (id {id}, archive_id BIGINT NOT NULL, host_id BIGINT NOT NULL, "
             "process_id BIGINT NOT NULL, ts BIGINT NOT NULL, mono BIGINT NOT NULL, op TEXT NOT NULL, "
             "path_id BIGINT NOT NULL, to_path_id BIGINT, dev BIGINT, ino BIGINT, count BIGINT NOT NULL, "
             "last_ts BIGINT)",
             "CREATE INDEX file_events_process ON file_events (process_id, ts)",
             "CREATE INDEX file_events_path ON file_events (path_id, ts)",
             "CREATE INDEX file_events_time ON file_events (host_id, ts)",
             "CREATE TABLE net_events (id {id}, archive_id BIGINT NOT NULL, host_id BIGINT NOT NULL, "
             "process_id BIGINT, ts BIGINT NOT NULL, mono BIGINT NOT NULL, op TEXT NOT NULL, proto TEXT NOT NULL, "
             "laddr TEXT NOT NULL, lport BIGINT NOT NULL, raddr TEXT, rport BIGINT, count BIGINT NOT NULL, "
             "last_ts BIGINT)",
             "CREATE INDEX net_events_process ON net_events (process_id, ts)",
             "CREATE INDEX net_events_remote ON net_events (raddr, rport)",
             "CREATE INDEX net_events_time ON net_events (host_id, ts)",
             // kind: state.snapshot | state.change; detail: the event's JSON line (items, added, removed, changed).
             "CREATE TABLE state_changes (id {id}, archive_id BIGINT NOT NULL, host_id BIGINT NOT NULL, "
             "ts BIGINT NOT NULL, mono BIGINT NOT NULL, kind TEXT NOT NULL, check_name TEXT NOT NULL, "
             "severity TEXT, items BIGINT NOT NULL, detail TEXT NOT NULL)",
             "CREATE INDEX state_changes_time ON state_changes (host_id, ts)",
             // host.kmsg, rec.start, rec.stop, rec.heartbeat: the collector's own account (coverage, downtime).
             "CREATE TABLE host_events (id {id}, archive_id BIGINT NOT NULL, host_id BIGINT NOT NULL, "
             "ts BIGINT NOT NULL, mono BIGINT NOT NULL, kind TEXT NOT NULL, detail TEXT NOT NULL)",
             "CREATE INDEX host_events_time ON host_events (host_id, ts)",
             "CREATE TABLE losses (id {id}, archive_id BIGINT NOT NULL, host_id BIGINT NOT NULL, ts BIGINT NOT NULL, "
             "last_ts BIGINT, source TEXT NOT NULL, count BIGINT NOT NULL, unit TEXT NOT NULL, reason TEXT, "
             "first_seq BIGINT, last_seq BIGINT)",
             "CREATE INDEX losses_time ON losses (host_id, ts)",
             // triage: new | investigating | benign | malicious.
             "CREATE TABLE alerts (id {id}, host_id BIGINT NOT NULL, ts BIGINT NOT NULL, source TEXT NOT NULL, "
             "state_change_id BIGINT, severity TEXT NOT NULL, title TEXT NOT NULL, triage TEXT NOT NULL, "
             "triage_by TEXT, triage_ts BIGINT)",
             "CREATE INDEX alerts_time ON alerts (host_id, ts)",
             // object_type: process | file_event | net_event | state_change | path | host | alert | archive.
             "CREATE TABLE bookmarks (id {id}, object_type TEXT NOT NULL, object_id BIGINT NOT NULL, "
             "label TEXT NOT NULL, created_ts BIGINT NOT NULL, created_by TEXT NOT NULL)",
             "CREATE INDEX bookmarks_object ON bookmarks (object_type, object_id)",
             "CREATE TABLE notes (id {id}, object_type TEXT NOT NULL, object_id BIGINT NOT NULL, text TEXT NOT NULL, "
             "created_ts BIGINT NOT NULL, created_by TEXT NOT NULL, updated_ts BIGINT)",
             "CREATE INDEX notes_object ON notes (object_type, object_id)",
             // Chain of custody: action import | quarantine | refuse | fork | trust | export.
             "CREATE TABLE audit_log (id {id}, ts BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, "
             "object TEXT NOT NULL, detail TEXT NOT NULL)",
         },
         {"CREATE INDEX paths_prefix ON paths (path)"},
         // A b-tree entry is limited to about 2.7 kB in PostgreSQL; prefixes longer than 1024 bytes recheck.
         {"CREATE INDEX paths_prefix ON paths (substring(path from 1 for 1024))"}},
        {2,
         "SSH pull: the inventory of hosts to pull from, and the files pulled from each",
         {
             // key_file NULL: authenticate with the keys of ssh-agent. jump_host: the name of another remote host
             // to connect through (one hop). No password is ever stored.
             "CREATE TABLE remote_hosts (id {id}, name TEXT NOT NULL UNIQUE, address TEXT NOT NULL, "
             "port INTEGER NOT NULL, username TEXT NOT NULL, key_file TEXT, outbox TEXT NOT NULL, jump_host TEXT, "
             "created_ts BIGINT NOT NULL, updated_ts BIGINT NOT NULL)",
             // One row per remote file pulled: its name and size on the host, the local copy, what the importer
             // made of it (statusName of the outcome) and the archive digest; removed_ts when it was deleted from
             // the host after its import. A file listed again with the same name and size whose archive is in
             // the case is not downloaded again.
             "CREATE TABLE pulled_files (id {id}, remote_host_id BIGINT NOT NULL, name TEXT NOT NULL, "
             "size BIGINT NOT NULL, local_path TEXT NOT NULL, status TEXT NOT NULL, digest TEXT, "
             "pulled_ts BIGINT NOT NULL, removed_ts BIGINT, UNIQUE (remote_host_id, name))",
         },
         {},
         {}},
        {3,
         "analysis: alerts from detection rules and indicators with the evidence that raised them; what a process's "
         "standard streams and executable were at its latest exec",
         {
             // rule: the detection rule's or the indicator list's name (NULL for the importer's integrity alerts);
             // detail: one line of what matched, for the analyst.
             "ALTER TABLE alerts ADD COLUMN rule TEXT",
             "ALTER TABLE alerts ADD COLUMN detail TEXT",
             "CREATE INDEX alerts_rule ON alerts (source, rule)",
             // The objects (object_type as in bookmarks) an alert points at; the first one (lowest ordinal) is the
             // one the alert is about.
             "CREATE TABLE alert_evidence (alert_id BIGINT NOT NULL, ordinal INTEGER NOT NULL, "
             "object_type TEXT NOT NULL, object_id BIGINT NOT NULL, PRIMARY KEY (alert_id, ordinal))",
             "CREATE INDEX alert_evidence_object ON alert_evidence (object_type, object_id)",
             // stdio: the kinds of file descriptors 0, 1 and 2 at the latest exec, space-separated words of
             // FORMAT.md (tty, pipe, socket, file, null, none, other); exe_mode: the executable's st_mode then (its
             // setuid and setgid bits). NULL when the collector did not record them.
             "ALTER TABLE processes ADD COLUMN stdio TEXT",
             "ALTER TABLE processes ADD COLUMN exe_mode BIGINT",
         },
         {},
         {}},
        {4,
         "indicators: lists of addresses, domains, digests and path patterns matched against the case",
         {
             // source: a file path or an http(s) URL (from_url 1); digest: BLAKE2b-256 hex of the list's bytes;
             // etag/last_modified: the server's validators for conditional updates; fetched_ts: when the stored
             // content was read; checked_ts: when the source was last asked. Matches are alerts (source 'indicator',
             // rule = name).
             "CREATE TABLE indicator_lists (id {id}, name TEXT NOT NULL UNIQUE, source TEXT NOT NULL, "
             "from_url INTEGER NOT NULL, fetched_ts BIGINT NOT NULL, checked_ts BIGINT NOT NULL, "
             "digest TEXT NOT NULL, etag TEXT, last_modified TEXT, bad_lines BIGINT NOT NULL, "
             "added_ts BIGINT NOT NULL, added_by TEXT NOT NULL)",
             // type: address | domain | digest | path; value normalised (indicatorparser.h); algorithm: digests'
             // (md5, sha1, sha256, sha512, blake2b-256, blake2b-512; NULL when the list leaves it open); line: where
             // the list holds it.
             "CREATE TABLE indicators (list_id BIGINT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL, "
             "algorithm TEXT, line BIGINT NOT NULL, PRIMARY KEY (list_id, type, value))",
         },
         {},
         {}},
        {5,
         "process tree: children in start order from one index; roots by host and a NULL parent",
         {
             // A parent's children by (start_ts, id), a page at a time without sorting them all (a page of a
             // parent with 50k children read and sorted every child); its prefix serves every parent_id lookup of
             // processes_parent, which goes (so an import maintains as many indexes as before).
             "CREATE INDEX processes_children ON processes (parent_id, start_ts, id)",
             "DROP INDEX processes_parent",
         },
         // Roots on SQLite: parent_id becomes a key column, so that `host_id = ? AND parent_id IS NULL` matches two
         // columns of it and the planner takes it (with statistics it took processes_parent for `parent_id IS
         // NULL`, which it guessed to be 3 rows, and sorted every root of the case: 28.7 ms for a page). PostgreSQL
         // keeps (host_id, start_ts): its planner does not take IS NULL as an equality, so with parent_id as a key
         // column it would sort the host's roots instead of reading a page in start order.
         {
             "DROP INDEX processes_roots",
             "CREATE INDEX processes_roots ON processes (host_id, parent_id, start_ts, id) WHERE parent_id IS NULL",
         },
         // The event tables' time indexes on PostgreSQL end in id: the events table reads each table in (ts, id)
         // order, which SQLite's (host_id, ts) gives (its rowid ends every index) and PostgreSQL's did not, so it
         // had to sort the scope's events before the first page (13.5 s to the first rows of a 1M-event case
         // before this; not measured after it).
         {
             "DROP INDEX process_events_time",
             "CREATE INDEX process_events_time ON process_events (host_id, ts, id)",
             "DROP INDEX file_events_time",
             "CREATE INDEX file_events_time ON file_events (host_id, ts, id)",
             "DROP INDEX net_events_time",
             "CREATE INDEX net_events_time ON net_events (host_id, ts, id)",
             "DROP INDEX state_changes_time",
             "CREATE INDEX state_changes_time ON state_changes (host_id, ts, id)",
             "DROP INDEX host_events_time",
             "CREATE INDEX host_events_time ON host_events (host_id, ts, id)",
             "DROP INDEX losses_time",
             "CREATE INDEX losses_time ON losses (host_id, ts, id)",
         }},
        {6,
         "replay: network closes by their ends, network events without a process by time",
         {
             // The connections open at T (PointInTimeQueries::connectionsAt) are the events of the processes alive
             // at T and of no process that no close of the same ends followed by T: a close is found by its ends, the
             // events of no process by time. Both are partial indexes over a small part of net_events, so an import
             // maintains little more. The expressions are the query's own (a NULL end compares as '' and -1).
             "CREATE INDEX net_events_closes ON net_events (host_id, lport, (COALESCE(raddr, '')), "
             "(COALESCE(rport, -1)), ts) WHERE op = 'close'",
             "CREATE INDEX net_events_unowned ON net_events (host_id, ts) WHERE process_id IS NULL",
         },
         {},
         {}},
        {7,
         "account names: the name each user and group id had on a host over time (the collector's accounts check)",
         {
             // kind: uid | gid; num: the id; name: what the host called it from ts on (NULL: removed then). The key
             // serves the lookup of an id's newest row at or before a time.
             "CREATE TABLE account_names (host_id BIGINT NOT NULL, kind TEXT NOT NULL, num BIGINT NOT NULL, "
             "ts BIGINT NOT NULL, name TEXT, PRIMARY KEY (host_id, kind, num, ts))",
             // When a full list was taken: an id missing from the newest list at or before a time had no name then.
             "CREATE TABLE account_snapshots (host_id BIGINT NOT NULL, ts BIGINT NOT NULL, PRIMARY KEY (host_id, ts))",
             // user == "name" in display filters: the ids that ever had a name.
             "CREATE INDEX account_names_name ON account_names (kind, name)",
         },
         {},
         {}},
        {8,
         "remote endpoints as case objects: a remote address (or address and port) that a bookmark or note names",
         {
             // Interned when an analyst first marks one (object_type 'endpoint', object_id = id). port -1: the
             // address whatever the port (as migration 6 compares a NULL end as -1).
             "CREATE TABLE remote_endpoints (id {id}, address TEXT NOT NULL, port BIGINT NOT NULL, "
             "UNIQUE (address, port))",
         },
         {},
         {}},
        {9,
         "timeline: how many events of each kind each host recorded in each second, kept at import",
         {
             // epoch_second: floor(ts / 1 s); kind: the timeline's (eventseconds.h). The key serves one host's range
             // of seconds; the whole case's timeline reads every row (a few per recorded second and host).
             "CREATE TABLE event_seconds (host_id BIGINT NOT NULL, epoch_second BIGINT NOT NULL, kind TEXT NOT NULL, "
             "events BIGINT NOT NULL, PRIMARY KEY (host_id, epoch_second, kind))",
             // The events imported before: each table's kinds are its own (no two tables share one).
             "INSERT INTO event_seconds SELECT host_id, "
             "(ts - ((ts % 1000000000) + 1000000000) % 1000000000) / 1000000000, kind, COUNT(*) "
             "FROM process_events GROUP BY 1, 2, 3",
             "INSERT INTO event_seconds SELECT host_id, "
             "(ts - ((ts % 1000000000) + 1000000000) % 1000000000) / 1000000000, 'file.access', COUNT(*) "
             "FROM file_events GROUP BY 1, 2",
             "INSERT INTO event_seconds SELECT host_id, "
             "(ts - ((ts % 1000000000) + 1000000000) % 1000000000) / 1000000000, 'net.endpoint', COUNT(*) "
             "FROM net_events GROUP BY 1, 2",
             "INSERT INTO event_seconds SELECT host_id, "
             "(ts - ((ts % 1000000000) + 1000000000) % 1000000000) / 1000000000, kind, COUNT(*) "
             "FROM state_changes GROUP BY 1, 2, 3",
             "INSERT INTO event_seconds SELECT host_id, "
             "(ts - ((ts % 1000000000) + 1000000000) % 1000000000) / 1000000000, kind, COUNT(*) "
             "FROM host_events GROUP BY 1, 2, 3",
             "INSERT INTO event_seconds SELECT host_id, "
             "(ts - ((ts % 1000000000) + 1000000000) % 1000000000) / 1000000000, 'rec.loss', COUNT(*) "
             "FROM losses GROUP BY 1, 2",
         },
         {},
         {}},
        {10,
         "cross-host stitching: the basis computed over the whole case, kept until an archive arrives; connections "
         "by both ends",
         {
             // part: the skew and tolerance it was computed with; archives/last_archive_id: the archives table's
             // COUNT(*) and MAX(id) then (stitchbasis.h says why that tells a stale basis); content: the host pairs'
             // offsets, addresses, ssh session processes and connections open at each collector's start, in the
             // format stitchbasis.cpp writes (a cache: it can be deleted at any time and is computed again).
             "CREATE TABLE stitch_basis (part TEXT NOT NULL PRIMARY KEY, archives BIGINT NOT NULL, "
             "last_archive_id BIGINT NOT NULL, computed_ts BIGINT NOT NULL, content {blob} NOT NULL)",
             // A connection's 4-tuple group is two lookups: its connects by (server end, client end), its accepts by
             // (client end, server end); (raddr, rport) alone read every connect to the same server port. The same
             // number of indexes as before, so an import maintains no more b-trees.
             "DROP INDEX net_events_remote",
             "CREATE INDEX net_events_remote ON net_events (raddr, rport, laddr, lport)",
         },
         {},
         {}},
    };
    return list;
}

QString forEngine(const char *statement, Engine engine)
{
    QString sql = QString::fromLatin1(statement);
    const bool sqlite = engine == Engine::Sqlite;
    sql.replace("{id}"_L1,
                sqlite ? "INTEGER PRIMARY KEY"_L1 : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"_L1);
    sql.replace("{blob}"_L1, sqlite ? "BLOB"_L1 : "BYTEA"_L1);
    return sql;
}

} // namespace

Expected<int> schemaVersion(Database &db)
{
    auto created = db.execute(u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                              u"applied_ts BIGINT NOT NULL, description TEXT NOT NULL)"_s);
    if (!created)
        return created.error();
    auto version = db.scalar(u"SELECT COALESCE(MAX(version), 0) FROM schema_version"_s);
    if (!version)
        return version.error();
    return version->toInt();
}

Expected<int> migrate(Database &db)
{
    auto current = schemaVersion(db);
    if (!current)
        return current;
    if (*current > kSchemaVersion)
        return storeError(StoreReason::NewerSchema,
                          u"%1: the case has schema version %2, this flightdeck understands up to %3; use a newer "
                          u"flightdeck"_s.arg(db.name())
                              .arg(*current)
                              .arg(kSchemaVersion));
    QSet<int> applied;
    auto versions = db.query(u"SELECT version FROM schema_version"_s);
    if (!versions)
        return versions.error();
    while (versions->next())
        applied.insert(versions->value(0).toInt());
    for (const Migration &migration : migrations()) {
        if (applied.contains(migration.version))
            continue;
        if (auto begun = db.begin(); !begun)
            return begun.error();
        QList<const char *> statements = migration.statements;
        statements += db.engine() == Engine::Sqlite ? migration.sqliteOnly : migration.postgresOnly;
        for (const char *statement : std::as_const(statements)) {
            if (auto done = db.execute(forEngine(statement, db.engine())); !done) {
                db.rollback();
                return storeError(StoreReason::Migration,
                                  u"migration %1 failed: %2"_s.arg(migration.version).arg(done.error().message));
            }
        }
        auto recorded = db.execute(u"INSERT INTO schema_version (version, applied_ts, description) VALUES (?, ?, ?)"_s,
                                   {migration.version, Database::nowNs(), QString::fromLatin1(migration.description)});
        if (!recorded) {
            db.rollback();
            return recorded.error();
        }
        if (auto committed = db.commit(); !committed)
            return committed.error();
        *current = std::max(*current, migration.version);
    }
    return *current;
}

Expected<void> createStagingTables(Database &db)
{
    const char *tables[] = {
        "CREATE TEMP TABLE IF NOT EXISTS stage_keys (pid BIGINT NOT NULL, start BIGINT NOT NULL, "
        "start_ts BIGINT NOT NULL)",
        "CREATE TEMP TABLE IF NOT EXISTS stage_paths (digest {blob} NOT NULL, path {blob} NOT NULL)",
        "CREATE TEMP TABLE IF NOT EXISTS stage_seconds (epoch_second BIGINT NOT NULL, kind TEXT NOT NULL, "
        "events BIGINT NOT NULL)",
        "CREATE TEMP TABLE IF NOT EXISTS stage_processes (id BIGINT NOT NULL, is_new INTEGER NOT NULL, "
        "start_ts BIGINT NOT NULL, pid BIGINT NOT NULL, "
        "start BIGINT NOT NULL, parent_id BIGINT, parent_pid BIGINT, "
        "parent_start BIGINT, first_ts BIGINT, last_ts BIGINT, fork_comm TEXT, image_kind TEXT, image_ts BIGINT, "
        "comm TEXT, exe {blob}, argv {blob}, argv_truncated INTEGER, cwd {blob}, loginuid BIGINT, sessionid BIGINT, "
        "tty TEXT, cgroup {blob}, exe_digest TEXT, env {blob}, stdio TEXT, exe_mode BIGINT, ids_ts BIGINT, uid BIGINT, "
        "euid BIGINT, gid BIGINT, egid BIGINT, exit_ts BIGINT, exit_code BIGINT, exit_signal BIGINT, exit_core INTEGER)",
    };
    // PostgreSQL: emptied in place at each commit (see emptyStagingTable).
    const QString onCommit = db.engine() == Engine::Postgres ? u" ON COMMIT DELETE ROWS"_s : QString();
    for (const char *table : tables) {
        if (auto done = db.execute(forEngine(table, db.engine()) + onCommit); !done)
            return done;
    }
    return {};
}

Expected<void> emptyStagingTable(Database &db, QLatin1StringView table)
{
    // PostgreSQL: a DELETE leaves its rows dead in the table, and autovacuum never visits temporary tables; when the
    // staging tables were only DELETEd from, a connection's dead rows piled up with every archive it imported and
    // every later scan read them all (10M events in one session: DELETE FROM stage_paths took 0.5 s in the first
    // quarter, 3.2 s in the last). So they are made ON COMMIT DELETE ROWS: each commit cuts them to nothing in
    // place, and a DELETE between the chunks of one archive leaves at most that archive's rows. (TRUNCATE instead
    // gave each table new storage every time: 3-6 ms a call, more than the DELETEs.) SQLite truncates a DELETE
    // without WHERE by itself.
    return db.execute(u"DELETE FROM %1"_s.arg(table));
}

} // namespace Deck::Core
