// SPDX-License-Identifier: GPL-3.0-or-later
// The look of the list tables of the integrity and bookmarks pages: whole rows selected one at a time, fixed row
// heights (STYLE.md: big tables), no word wrap, alternating row colours, no row numbers, the last column stretched,
// columns sized to their contents up to `maxColumnWidth`, long text elided at its end (the tooltip has it whole).
// Thread: the GUI thread.
#pragma once

class QTableView;

namespace Deck::Gui {

void setUpListTable(QTableView *view);
// Sizes each column but the last to its contents, at most `maxColumnWidth` pixels.
void fitListColumns(QTableView *view, int maxColumnWidth = 360);

} // namespace Deck::Gui
