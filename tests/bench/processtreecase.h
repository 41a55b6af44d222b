// SPDX-License-Identifier: GPL-3.0-or-later
// One host of many processes written straight into a case's processes table (the importer's speed is bench_import's
// business), for the process-tree benchmarks: a random recursive tree of depth about 30, 1% roots whose parent the
// case does not hold, one root (process 2) with 5% of all processes as children, a third of them exited, five users
// whose names the case knows (account_names, one snapshot). Rows go through the store's bulk path (prepared INSERTs
// on SQLite, binary COPY on PostgreSQL) in one transaction, then ANALYZE.
#pragma once

#include <QtGlobal>
#include <optional>

namespace Deck::Core {
class Database;
}

namespace Deck::Bench {

struct ProcessTreeShape
{
    qint64 host = 0;
    qint64 bigParent = 2; // a root with 5% of the processes as children
    qint64 deepest = 0;
    int depth = 0;
};

// Writes `processes` processes (ids 1..processes) on a new host; nullopt after printing the store's error.
std::optional<ProcessTreeShape> writeProcessTree(Core::Database &db, qint64 processes);

} // namespace Deck::Bench
