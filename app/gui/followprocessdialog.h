// SPDX-License-Identifier: GPL-3.0-or-later
// "Follow Process" (like Wireshark's Follow Stream): a window with the chain of one process across monitored hosts
// (Core::FollowQueries on the case's worker, shown by Models::FollowChainModel), the clock offsets it used and what
// could not be stitched. Selecting a process of the chain selects it for every view. attach() gives a view of
// processes the action (context menu and Ctrl+Alt+Shift+T, Wireshark's Follow TCP Stream key).
// Thread: the GUI thread. The dialog deletes itself when closed.
#pragma once

#include "casesession.h"
#include "followchainmodel.h"

#include <QDialog>
#include <QFutureWatcher>

class QAbstractItemView;
class QLabel;
class QTreeView;

namespace Deck::Gui {

class MarkActions;

class FollowProcessDialog : public QDialog
{
    Q_OBJECT
public:
    FollowProcessDialog(Models::CaseSession &session, qint64 processId, QWidget *parent = nullptr);
    ~FollowProcessDialog() override;

    // Adds "Follow Process" to `view` (and to the context menu of `marks`) for the process of the current row, read
    // from `processIdRole`.
    static QAction *attach(QAbstractItemView *view, MarkActions *marks, Models::CaseSession &session,
                           int processIdRole);

    Models::FollowChainModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    void loaded(); // the chain (or the error) is shown

private:
    void showChain(const Core::Expected<Core::FollowChain> &chain);

    Models::CaseSession &m_session;
    Models::FollowChainModel *m_model;
    QTreeView *m_view;
    QLabel *m_title;
    QLabel *m_notes;
    QFutureWatcher<Core::Expected<Core::FollowChain>> m_watcher;
};

} // namespace Deck::Gui
