// SPDX-License-Identifier: GPL-3.0-or-later
// The Hosts view, the entry point of a case: every host with its trust state, archives, verdicts, chain and coverage
// (HostListModel); below it the chain of custody of the selected host (ArchiveListModel) and the quarantine
// (HeldArchiveModel), where a held archive's signer is decided in a TrustDialog. The decision runs as a TrustJob off
// the GUI thread with a progress bar and Cancel; its outcome (or each archive's error, naming the file and the
// reason) is shown under the quarantine, and the lists reload.
// Placed in the left dock: it stays in sight beside the central views, so that choosing a host there filters them.
// Selecting a host sets SelectionHub::setHost; a host selected elsewhere is selected here.
// Thread: the GUI thread.
#pragma once

#include "page.h"

class QAbstractItemModel;
class QLabel;
class QProgressBar;
class QSplitter;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace Deck::Models {
class ArchiveListModel;
class HeldArchiveModel;
class HostListModel;
class TrustJob;
struct TrustReport;
} // namespace Deck::Models

namespace Deck::Gui {

class TrustDialog;

class HostsPage : public Page
{
    Q_OBJECT
public:
    explicit HostsPage(Models::CaseSession &session, QWidget *parent = nullptr);
    ~HostsPage() override;

    QString title() const override { return tr("Hosts"); }
    Placement placement() const override { return Placement::LeftDock; }
    QSize sizeHint() const override { return {600, 720}; }

    // For tests: the views, models and the last outcome shown.
    QTableView *hostView() const { return m_hostView; }
    QTableView *archiveView() const { return m_archiveView; }
    QTableView *heldView() const { return m_heldView; }
    Models::HostListModel *hosts() const { return m_hosts; }
    Models::ArchiveListModel *archives() const { return m_archives; }
    Models::HeldArchiveModel *held() const { return m_held; }
    QString outcomeText() const;
    bool isTrusting() const;

    // Opens the trust dialog (window-modal, not blocking) for the held archive in `row` of held(); returns it.
    TrustDialog *decideTrust(int row);

private:
    QTableView *createTable(QAbstractItemModel *model);
    void buildQuarantineTab();
    void selectHostRow(std::optional<qint64> hostId);
    void hostRowChanged(const QModelIndex &current);
    void hostActivated(const QModelIndex &index);
    void updateEmptyState();
    void showArchivesOf(int hostRow);
    void updateQuarantineTitle();
    void startTrust(const QString &publicKey, const QString &label);
    void showTrustReport(const Models::TrustReport &report);
    void showOutcome(const QString &text, bool error);

    Models::HostListModel *m_hosts;
    Models::ArchiveListModel *m_archives;
    Models::HeldArchiveModel *m_held;
    Models::TrustJob *m_job;
    QLabel *m_empty = nullptr;
    QTableView *m_hostView = nullptr;
    QSplitter *m_splitter = nullptr; // hosts above, details below; its state is kept in QSettings
    QTabWidget *m_details = nullptr;
    QStackedWidget *m_archiveStack = nullptr; // the archives, or why there are none to show
    QLabel *m_noArchives = nullptr;
    QTableView *m_archiveView = nullptr;
    QTableView *m_heldView = nullptr;
    QWidget *m_quarantineTab = nullptr;
    QPushButton *m_decide = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_outcome = nullptr;
};

} // namespace Deck::Gui
