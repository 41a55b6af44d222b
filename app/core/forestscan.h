// SPDX-License-Identifier: GPL-3.0-or-later
// The rows of a whole process forest (ProcessQueries::forest): every process of one host read in one scan, users'
// names resolved in memory, values that repeat shared (nativerows.h), all from one snapshot of the case (the
// caller's transaction, or a read-only one begun here). On PostgreSQL a host of kTwoLaneRows processes or more is
// read in two lanes, each a connection and a thread reading the processes of even or odd id, the second joined to the
// first's snapshot (pg_export_snapshot): the server's turning rows into binary values and this process's taking them
// in were each one process's work; for 1M processes two lanes took 0.73-0.78x psql's time against 0.90-1.00x for one
// (tests/bench/README.md, bench_forest). When the server refuses the second connection, its half is read on the first
// (logged). Internal to flightdeck_core. Thread: the Database's; the second lane's thread ends within the call.
#pragma once

#include "processqueries.h"

namespace Deck::Core {

class Database;

constexpr qint64 kTwoLaneRows = 100000;

// Every process of host `hostId`, in no particular order, each with depth 0 where `isRoot` (an SQL condition on
// processes `p`, with `isRootParams` for its '?') holds and -1 elsewhere: the input of layOutForest().
Expected<QList<TreeRow>> scanHostProcesses(Database &db, qint64 hostId, const QString &isRoot,
                                           const QVariantList &isRootParams);

} // namespace Deck::Core
