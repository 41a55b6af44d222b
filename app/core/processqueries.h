// SPDX-License-Identifier: GPL-3.0-or-later
// The process tree of a case: roots per host and lazy, paged children (ordered by start time), the ancestors of a
// process up to its root, and its descendants (bounded). Parent links are the importer's parent_id, which is
// resolved also when the parent's row arrived in a later archive; a chain whose top names a parent the case does
// not hold ends there (its parentPid/parentStart say whom it named). Hostile data can make a loop of parent links,
// so every walk is bounded by kMaxDepth.
// Thread: the Database's thread. Errors: the store's, naming the database.
#pragma once

#include "querytypes.h"

namespace Deck::Core {

struct TreeRow
{
    ProcessRow process;
    int depth = 0; // 0 = the process asked about
};

} // namespace Deck::Core
Q_DECLARE_TYPEINFO(Deck::Core::TreeRow, Q_RELOCATABLE_TYPE);
namespace Deck::Core {

struct Descendants
{
    QList<TreeRow> rows; // by depth, then start time
    bool truncated = false; // more rows than the limit, or deeper than maxDepth
};

class ProcessQueries
{
public:
    static constexpr int kMaxDepth = 1000;

    explicit ProcessQueries(Database &db);

    Expected<ProcessRow> process(qint64 id);
    // The process with this pid on the host, the latest started at or before `at` (or the latest of all).
    Expected<ProcessRow> processByPid(qint64 hostId, qint64 pid, std::optional<qint64> at = std::nullopt);

    // Processes without a known parent row on the host, by start time; within `range`: those alive during it (started
    // before its end and not exited before its start).
    Expected<Page<ProcessRow>> roots(qint64 hostId, const TimeRange &range = {}, const PageRequest &page = {});
    Expected<Page<ProcessRow>> children(qint64 processId, const PageRequest &page = {});
    // The chain from the process's parent up to the root (nearest first); empty for a root.
    Expected<QList<ProcessRow>> ancestors(qint64 processId);
    // The process itself (depth 0) and its descendants down to maxDepth, at most `limit` rows.
    Expected<Descendants> descendants(qint64 processId, int maxDepth = kMaxDepth, int limit = 100000);
    // Every tree of the host (roots alive in `range`, as roots()) in display order: each process followed by its
    // subtree, siblings by start time. At most `limit` rows (cut breadth-first); deeper than maxDepth is cut. Up to
    // kForestWalkLimit rows the engine walks down from the roots; above, the host's processes are read in one scan
    // (forestscan.h: from one snapshot, in two lanes on PostgreSQL) and the trees built in memory (forestlayout.h).
    static constexpr int kForestWalkLimit = 20000;
    Expected<Descendants> forest(qint64 hostId, const TimeRange &range = {}, int maxDepth = kMaxDepth,
                                 int limit = 1000000);

private:
    // The rows reached from the processes matching `start` (a condition on processes `x`) by following children;
    // ordered by (depth, start) with hasChildren filled when `ordered`, else in the engine's breadth-first order
    // without hasChildren (the caller derives both from the rows).
    Expected<Descendants> walkDown(const QString &start, QVariantList params, int maxDepth, int limit, bool ordered);

    Database &m_db;
};

Cursor processCursor(const ProcessRow &row);

} // namespace Deck::Core
