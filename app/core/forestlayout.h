// SPDX-License-Identifier: GPL-3.0-or-later
// The process forest laid out in memory (ProcessQueries::forest): from a host's process rows in any order, the trees
// that start at its roots in display order — each process followed by its subtree, siblings by (start, id).
// Internal to flightdeck_core. Thread: any (plain data).
#pragma once

#include "processqueries.h"

namespace Deck::Core {

// `rows`: processes whose depth is 0 for a root, anything else for the rest (their depth is computed here), in any
// order. Returns the processes the roots reach, depth filled; deeper than maxDepth is cut and so is more than `limit`
// rows, breadth-first (the rows nearest their roots are kept); either sets truncated. hasChildren: a kept child
// follows; at maxDepth, a child exists (one among the rows, or the row said so already: a walk that stopped there).
// A process no root reaches (under a parent the case does not hold, or in a loop of parent links) is left out.
Descendants layOutForest(QList<TreeRow> rows, int maxDepth, int limit);

} // namespace Deck::Core
