// SPDX-License-Identifier: GPL-3.0-or-later
// The Events page: every event of the case in one lazy table (EventTableModel) under a display-filter bar, narrowed
// to the host and time range of the shared selection (shown above the table, with a button that widens it again).
// Selecting a row selects its process, its path or its remote endpoint in the other views. Ctrl+/ goes to the filter.
// While the rows are counted (in the background; the rows counted can be scrolled) the status shows the estimate and
// a button stops the count (Esc in the table) or takes it up again. A row's event (a process event: its process; a
// host event or a loss: its host) can be bookmarked and noted from its context menu (MarkActions); a row whose
// object has a note shows a marker in its first column with the note as its tool tip (every row keeps the marker's
// place, so the times line up). The cells are painted by EventTableDelegate (the style's pixels, at a fraction of its
// CPU time).
// Thread: the GUI thread; the stream is walked on a worker of the page's own, pages are read on the session's.
#pragma once

#include "eventtablemodel.h"
#include "page.h"

class QLabel;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace Deck::Gui {

class DisplayFilterBar;

class EventsPage : public Page
{
    Q_OBJECT
public:
    explicit EventsPage(Models::CaseSession &session, QWidget *parent = nullptr);
    ~EventsPage() override;

    QString title() const override { return tr("Events"); }

    // For tests and the benchmark.
    Models::EventTableModel &model() { return m_model; }
    QTableView *view() const { return m_view; }
    DisplayFilterBar *filterBar() const { return m_filter; }
    QString statusText() const;
    QToolButton *countButton() const { return m_countButton; }

private:
    void caseOpened();
    void caseClosed();
    void reload();
    void showCount(int rows, bool complete);
    void rowSelected(const QModelIndex &current);
    void showScope();

    Models::EventTableModel m_model;
    std::unique_ptr<Models::CaseWorker> m_pages; // page reads (the model's prefetches and jumps)
    std::unique_ptr<Models::CaseWorker> m_walker; // the count of every row, in the background
    Core::FilterNode m_filterNode;
    QHash<qint64, QString> m_hostNames;
    std::optional<qint64> m_host; // the host selected in another view, which this page is narrowed to
    DisplayFilterBar *m_filter = nullptr;
    QLabel *m_scope = nullptr;
    QToolButton *m_widen = nullptr;
    QLabel *m_status = nullptr;
    QToolButton *m_countButton = nullptr; // stops the count, or counts on
    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QTableView *m_view = nullptr;
    bool m_selecting = false; // this page is setting the shared selection: do not follow its echo
};

} // namespace Deck::Gui
