// SPDX-License-Identifier: GPL-3.0-or-later
// Every event of a case lives in one of six tables; the export and the events table read them as one time-ordered
// stream, a UNION ALL of one SELECT per table (a "branch"), each with the same columns in the same order
// (eventColumns()). EventBranch is public (an EventKey names its table by it); the SQL fragments are internal to
// flightdeck_core and hold no values.
#pragma once

#include "databaselocation.h"

#include <QString>

namespace Deck::Core {

// The branches, in the rank the stream's order uses to break ties between tables.
enum EventBranch { ProcessBranch, FileBranch, NetBranch, StateBranch, HostBranch, LossBranch };
inline constexpr int kEventBranches = 6;

// The names of the columns every branch selects, comma-separated: ts, r (the branch), id, host_id, k (the kind),
// pid, pstart, comm, exe, op, path, to_path, proto, laddr, lport, raddr, rport, n (count), detail, process_id, uid,
// argv, user_name (the uid's name at the event's time, accountnames.h).
QString eventColumns();
// "SELECT <eventColumns> FROM <table> x <joins>": the event table is `x`, its process `p`, its path `pa` and rename
// target `tp` (file events); every NULL is typed, since PostgreSQL resolves a UNION's column types pairwise.
QString eventBranchSelect(int branch, Engine engine);
// "<table> x" and the joins that give `p` (its process; LEFT for net events) and `pa` (the file event's path), for
// a branch that selects fewer columns; a join is left out when not asked for or when the branch has no such row.
QString eventBranchFrom(int branch, bool process, bool path);

} // namespace Deck::Core
