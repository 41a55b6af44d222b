// SPDX-License-Identifier: GPL-3.0-or-later
#include "listtablesetup.h"

#include <QHeaderView>
#include <QTableView>

namespace Deck::Gui {

void setUpListTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideRight);
    view->setShowGrid(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setMinimumSectionSize(view->fontMetrics().averageCharWidth() * 8);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

void fitListColumns(QTableView *view, int maxColumnWidth)
{
    const int columns = view->model() ? view->model()->columnCount() : 0;
    for (int column = 0; column + 1 < columns; ++column) {
        view->resizeColumnToContents(column);
        if (view->columnWidth(column) > maxColumnWidth)
            view->setColumnWidth(column, maxColumnWidth);
    }
}

} // namespace Deck::Gui
