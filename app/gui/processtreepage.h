// SPDX-License-Identifier: GPL-3.0-or-later
// The process tree page: a filter bar (host, user, the shared time range, search), the lazy tree
// (Models::ProcessTreeModel) and the detail panel beside it. Selecting a process sets the shared selection; a
// process selected elsewhere is revealed here (its ancestors expanded as they load). Jump to parent: Alt+Up.
// Thread: the GUI thread.
#pragma once

#include "page.h"
#include "processtreemodel.h"

#include <QFutureWatcher>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;
class QTreeView;

namespace Deck::Gui {

class ProcessDetailWidget;
class ProcessSearchBar;

class ProcessTreePage : public Page
{
    Q_OBJECT
public:
    explicit ProcessTreePage(Models::CaseSession &session, QWidget *parent = nullptr);
    ~ProcessTreePage() override;

    QString title() const override { return tr("Process Tree"); }

    Models::ProcessTreeModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    ProcessDetailWidget *detail() const { return m_detail; }
    ProcessSearchBar *search() const { return m_search; }
    QComboBox *hosts() const { return m_hosts; }
    QLineEdit *user() const { return m_user; }
    QLabel *status() const { return m_status; }

    // Selects the parent of the current process (Alt+Up); says so when the case does not hold it.
    void jumpToParent();

private:
    using HostList = Core::Expected<QList<QPair<qint64, QString>>>;
    void loadHosts();
    void applyFilter();
    void followProcess(qint64 processId);
    void followHost(std::optional<qint64> hostId);
    void showTimeRange(const Core::TimeRange &range);
    void selectRevealed(const QModelIndex &index);
    void currentChanged(const QModelIndex &index);
    void showStatus(const QString &text);

    Models::ProcessTreeModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    ProcessDetailWidget *m_detail = nullptr;
    ProcessSearchBar *m_search = nullptr;
    QComboBox *m_hosts = nullptr;
    QLineEdit *m_user = nullptr;
    QLabel *m_time = nullptr;
    QToolButton *m_clearTime = nullptr;
    QLabel *m_status = nullptr;
    QFutureWatcher<HostList> m_hostLoading;
    bool m_selecting = false; // the page itself is moving the view's current row
};

} // namespace Deck::Gui
