// SPDX-License-Identifier: GPL-3.0-or-later
// Indicators: the indicator lists of the case (source, count, last update, matches) and their matches. Add a list
// from a file or a URL (with progress and cancel), update the lists (files re-read, URLs re-fetched with conditional
// requests), remove one, match again; URL lists are refreshed periodically while the case is open (the interval is a
// setting of the page). Double-click (or Enter) on a match selects its evidence in every view: the process, its host,
// the path of a file event, the remote end of a connection.
// Thread: the GUI thread.
#pragma once

#include "page.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

namespace Deck::Models {
class IndicatorListModel;
class IndicatorMatchModel;
class IndicatorUpdater;
} // namespace Deck::Models

namespace Deck::Gui {

class IndicatorsPage : public Page
{
    Q_OBJECT
public:
    explicit IndicatorsPage(Models::CaseSession &session, QWidget *parent = nullptr);

    QString title() const override { return tr("Indicators"); }

    QTableView *listView() const { return m_lists; }
    QTableView *matchView() const { return m_matches; }
    Models::IndicatorListModel *listModel() const { return m_listModel; }
    Models::IndicatorMatchModel *matchModel() const { return m_matchModel; }
    Models::IndicatorUpdater *updater() const { return m_updater; }

    void addFile(); // asks for the file and the name
    void addUrl(); // asks for the URL and the name
    void removeCurrent(bool ask = true);
    // Makes the evidence of the match in `row` the shared selection.
    void selectMatch(int row);

private:
    void updateButtons();
    void showStatus(const QString &text);

    Models::IndicatorListModel *m_listModel;
    Models::IndicatorMatchModel *m_matchModel;
    Models::IndicatorUpdater *m_updater;
    QTableView *m_lists;
    QTableView *m_matches;
    QPushButton *m_addFile;
    QPushButton *m_addUrl;
    QPushButton *m_update;
    QPushButton *m_match;
    QPushButton *m_remove;
    QPushButton *m_cancel;
    QSpinBox *m_refresh;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_matchesTitle;
};

} // namespace Deck::Gui
