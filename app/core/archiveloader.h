// SPDX-License-Identifier: GPL-3.0-or-later
// Turns the events of one verified archive into rows, inside the importer's transaction. Events are buffered in
// chunks; per chunk, the process keys not yet known are looked up (a staging table driving one index lookup each) and
// those the case lacks get new ids (rows come later), the new paths get their rows (staging table, one INSERT ... ON
// CONFLICT ... RETURNING), then each event table is written in bulk — the same SQL on both engines. finish() writes
// each process the archive introduced as one complete row, merges what it said about the others into their rows
// (latest image, credentials, exit), resolves parents (also those of children imported before their parent) and
// raises alerts for high-severity changes.
// Errors leave the transaction to be rolled back; the session's paths must then be cleared (their ids are gone).
#pragma once

#include "event.h"
#include "eventseconds.h"
#include "storeerror.h"

#include <QHash>
#include <limits>

namespace Flight::Format {
size_t qHash(const ProcKey &key, size_t seed = 0) noexcept;
}

namespace Deck::Core {

class BulkWriter;
class Database;
struct ReadEvent;

// The text a row keeps in its `detail` column: the event as its archive line (without the newline), for process
// events other than snapshots and forks (the process row holds what they say), state events and the collector's own
// events; empty for the others. Made on the reading thread (pipelinedreader.h).
QByteArray rowDetail(const Flight::Format::Event &event);

struct ArchiveContext
{
    qint64 archiveId = 0;
    qint64 hostId = 0;
    qint64 bootId = 0;
    qint64 bootTs = 0; // UTC ns of the boot (manifest host.boot_ts)
    qint64 clkTck = 100;
};

// What one import session keeps across archives: the interned paths known to be in the case (raw path -> paths.id;
// cleared after a rollback, whose ids are gone) and, for PostgreSQL, how many process rows it added since the
// planner's statistics were last refreshed (a bulk import outdates them within minutes).
struct ImportSession
{
    QHash<QByteArray, qint64> paths;
    qint64 rowsSinceAnalyze = 0;
    qint64 rowsAtAnalyze = 0;
};

class ArchiveLoader
{
public:
    ArchiveLoader(Database &db, ArchiveContext context, ImportSession &session);
    ~ArchiveLoader();
    ArchiveLoader(const ArchiveLoader &) = delete;
    ArchiveLoader &operator=(const ArchiveLoader &) = delete;

    Expected<void> add(ReadEvent &&event);
    Expected<void> finish();

    qint64 lastEventTs() const { return m_lastTs; }

private:
    // What the archive said about one process so far.
    struct Process
    {
        qint64 id = 0;
        bool isNew = false; // no row yet: finish() inserts it
        Flight::Format::ProcKey key;
        std::optional<Flight::Format::ProcKey> parent;
        qint64 firstTs = std::numeric_limits<qint64>::max();
        qint64 lastTs = std::numeric_limits<qint64>::min();
        std::optional<QString> forkComm;
        const char *imageKind = nullptr;
        qint64 imageTs = 0;
        Flight::Format::ProcessImage image;
        std::optional<qint64> idsTs;
        qint64 uid = 0, euid = 0, gid = 0, egid = 0;
        std::optional<qint64> exitTs, exitCode, exitSignal;
        bool exitCore = false;
    };

    Process &touch(const Flight::Format::ProcKey &key, qint64 ts);
    void merge(const Flight::Format::Event &event);
    Expected<void> flush();
    Expected<void> resolveProcesses();
    Expected<QHash<Flight::Format::ProcKey, qint64>> lookupKeys(const QList<Flight::Format::ProcKey> &keys);
    Expected<QList<qint64>> newProcessIds(qsizetype count);
    Expected<void> resolvePaths();
    Expected<void> writeProcessEvents();
    Expected<void> writeFileEvents();
    Expected<void> writeNetEvents();
    Expected<void> writeOtherEvents();
    Expected<void> writeProcesses();
    void addProcessColumns(BulkWriter &bulk, const Process &p, std::optional<qint64> parentId, bool staged) const;
    Expected<void> raiseAlerts();
    Expected<void> refreshStatistics(qint64 newRows);

    Database &m_db;
    ArchiveContext m_context;
    ImportSession &m_session;
    QHash<QByteArray, qint64> &m_paths;
    QList<Flight::Format::Event> m_chunk;
    // The path ids of m_chunk's events, by index: the file's path (or the exec's exe) and a rename's new name; found
    // once by resolvePaths(), so that the path cache is hashed once per path, not once more per row.
    struct PathIds
    {
        qint64 path = 0;
        qint64 to = 0;
    };
    QList<PathIds> m_pathIds;
    QList<QByteArray> m_details; // rowDetail() of m_chunk's events, by index
    QHash<Flight::Format::ProcKey, Process *> m_processes;
    EventSeconds m_seconds; // the timeline's counts of the rows written, stored by finish()
    QList<Flight::Format::Event> m_accounts; // the accounts check's events, stored by finish() (accountnames.h)
    qint64 m_lastProcessId = -1; // SQLite: the last id handed out (the transaction is the only writer)
    qint64 m_newProcesses = 0;
    qint64 m_firstTs = std::numeric_limits<qint64>::max();
    qint64 m_lastTs = 0;
};

} // namespace Deck::Core
