// SPDX-License-Identifier: GPL-3.0-or-later
// Integrity and alerts: the alerts of the case with their triage (top left; filter by triage state, set the triage
// of the selected alert with the buttons, the context menu or Alt+N/I/B/M), every integrity state change and kernel
// log line about modules and BPF (bottom left), and what the selected one changed in readable form (right).
// Both lists follow the shared host and time range; the host box sets the shared host. Selecting a row only shows
// its detail — the lists are a cross-host queue, and narrowing every view on each click would lose it — while
// double-click or Enter makes the row's host the shared host, so that the process tree, events and timeline show
// that host. Bookmark and note actions (markactions.h) on both lists. Detection rules: Run Detections and the rules
// folder (detectioncontrols.h) in the filter bar; a rule alert's detail shows the rule's description and its evidence,
// each item selecting its object in every view (rulealertdetail.h).
// Thread: the GUI thread.
#pragma once

#include "page.h"

#include <QTableView>

class QComboBox;
class QLabel;
class QTextBrowser;
class QToolButton;

namespace Deck::Models {
class AlertModel;
class IntegrityModel;
} // namespace Deck::Models

namespace Deck::Gui {

class DetectionControls;
class RuleAlertDetail;

class IntegrityPage : public Page
{
    Q_OBJECT
public:
    explicit IntegrityPage(Models::CaseSession &session, QWidget *parent = nullptr);

    QString title() const override { return tr("Integrity && Alerts"); }

    QTableView *alertView() const { return m_alerts; }
    QTableView *changeView() const { return m_changes; }
    Models::AlertModel *alertModel() const { return m_alertModel; }
    Models::IntegrityModel *changeModel() const { return m_changeModel; }
    QTextBrowser *detailView() const { return m_detail; }
    // The triage action for a state name (new, investigating, benign, malicious).
    QAction *triageAction(const QString &state) const;
    DetectionControls *detectionControls() const { return m_detections; }
    RuleAlertDetail *ruleAlertDetail() const { return m_ruleDetail; }

private:
    QWidget *createAlertsBox();
    QWidget *createChangesBox();
    QWidget *createFilterBar();
    void setSelectedTriage(const QString &state);
    void showAlert(const QModelIndex &index);
    void showChange(const QModelIndex &index);
    void showEmptyState();
    void followHost();
    void loadHosts();
    void showCounts();
    void focusHost(qint64 hostId);

    Models::AlertModel *m_alertModel;
    Models::IntegrityModel *m_changeModel;
    QTableView *m_alerts = nullptr;
    QTableView *m_changes = nullptr;
    QTextBrowser *m_detail = nullptr;
    DetectionControls *m_detections = nullptr;
    RuleAlertDetail *m_ruleDetail = nullptr;
    QComboBox *m_host = nullptr;
    QComboBox *m_triageFilter = nullptr;
    QLabel *m_range = nullptr;
    QToolButton *m_allTimes = nullptr;
    QLabel *m_alertCount = nullptr;
    QLabel *m_changeCount = nullptr;
    QList<QAction *> m_triageActions;
    std::optional<qint64> m_keptAlert; // selection kept across reloads
    std::optional<qint64> m_keptChange;
    bool m_syncing = false; // selecting an alert's state change (or a change's alert) in the other list
};

} // namespace Deck::Gui
