// SPDX-License-Identifier: GPL-3.0-or-later
// Search over the text a person remembers: a byte string contained in a process's argv, exe, cwd or name, or in
// any path the case interned. Case-sensitive, raw bytes (a needle may hold any byte but NUL, which separates argv
// elements and so never matches within one).
//
// Why a scan and no full-text index: the searched columns live in the two tables that are small next to the event
// tables (one row per process and per distinct path, about a tenth of the events), and a substring scan over them
// (instr() on SQLite, position() on PostgreSQL, both byte-wise on BLOB/bytea) answers in tens of milliseconds on a
// million-event case (tests/bench/bench_queries). An FTS5 table or a pg_trgm GIN index would be written for every
// process and path row of every import — the import path another part of the project is making fast — and both
// tokenise text, while paths and argv are bytes that need not be UTF-8 and are searched for in pieces ("/tmp/.x",
// "-enc") that a word tokeniser splits wrongly.
// Thread: the Database's thread. Errors: the store's, naming the database.
#pragma once

#include "querytypes.h"

#include <QStringList>

namespace Deck::Core {

struct ProcessHit
{
    ProcessRow process;
    QStringList fields; // where the needle is: argv, exe, cwd, comm
};

struct PathHit
{
    qint64 pathId = 0;
    QByteArray path;
};

struct SearchResults
{
    QList<ProcessHit> processes; // by start time
    QList<PathHit> paths; // by their bytes
    bool truncated = false; // a list was cut at the limit
};

class SearchQueries
{
public:
    explicit SearchQueries(Database &db);

    // Paths are interned for the whole case, so `hostId` narrows the processes only.
    Expected<SearchResults> search(const QByteArray &needle, std::optional<qint64> hostId = std::nullopt,
                                   int limit = 1000);

private:
    Database &m_db;
};

} // namespace Deck::Core
