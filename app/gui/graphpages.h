// SPDX-License-Identifier: GPL-3.0-or-later
// What the graph pages share: following the case (their own worker, the case's extent for the time slider) and the
// hub's time range. Thread: the GUI thread.
#pragma once

#include "caseworker.h"
#include "graphpanel.h"
#include "page.h"

namespace Deck::Gui {

// Gives `panel` the span of the hub's range and, once known, the case's extent (queried on `worker`).
void followTimeSpan(Models::CaseSession &session, Models::CaseWorker &worker, GraphPanel *panel);

} // namespace Deck::Gui
