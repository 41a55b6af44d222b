// SPDX-License-Identifier: GPL-3.0-or-later
// A display filter (displayfilter.h) as SQL conditions, one per branch of the event stream (eventbranches.h): a
// field a branch has no row for makes its comparison false there (Wireshark's rule: `not proc.pid == 1` keeps the
// state changes), and a branch whose condition folds to false is left out of the query altogether. Every value is
// a '?' parameter; the SQL text holds only the fixed fragments of this file. A comparison is never NULL (a NULL
// column compares false), so `not` means what it says. Internal to flightdeck_core.
#pragma once

#include "databaselocation.h"
#include "displayfilter.h"
#include "eventbranches.h"

#include <QVariantList>
#include <array>

namespace Deck::Core {

struct BranchCondition
{
    enum class State { Never, Always, Sql };
    State state = State::Always;
    QString sql; // State::Sql: a condition on x (the event), p (its process), pa (its path)
    QVariantList params;
    bool process = false; // the condition reads p
    bool path = false; // the condition reads pa
};

std::array<BranchCondition, kEventBranches> compileDisplayFilter(const FilterNode &filter, Engine engine);

// The SQL expression a field reads on a branch (on x, p and pa), or empty when the branch has no column for it.
QString filterFieldColumn(const QString &field, int branch, Engine engine);

} // namespace Deck::Core
