// SPDX-License-Identifier: GPL-3.0-or-later
// A host's processes in a random tree, written into a case, and the forest they make computed from the parent links
// alone: the answer ProcessQueries::forest is checked against (tst_processforest, tst_forestlanes). Processes
// 1..count: roots whose parent the case does not hold (every 50th or so), the rest under an earlier process; starts
// not in id order (siblings are ordered by start, not by id); two in three exited. Then three that no root reaches:
// a loop of two and one under a parent the case does not hold. Test code only.
#pragma once

#include "database.h"

#include <QList>
#include <optional>

namespace Deck::TestSupport {

struct RandomForest
{
    static constexpr qint64 kBase = 1000000; // the earliest start

    qint64 count = 0;
    qint64 firstId = 0; // process i is the row firstId + i

    static qint64 parentOf(qint64 i); // 0: a root
    static qint64 startOf(qint64 i);
    static std::optional<qint64> exitOf(qint64 i);

    // A new host `machine` with these processes (one transaction, then ANALYZE); its id.
    Flight::Expected<qint64> write(Core::Database &db, const QString &machine) const;

    // Processes i (not row ids) and their depths, in display order: roots alive in [from, to), each followed by its
    // subtree, siblings by (start, id), nothing deeper than maxDepth.
    struct Layout
    {
        QList<qint64> ids;
        QList<int> depths;
    };
    Layout expected(std::optional<qint64> from, std::optional<qint64> to, int maxDepth) const;
};

} // namespace Deck::TestSupport
