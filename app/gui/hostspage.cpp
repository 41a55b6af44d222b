// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostspage.h"

#include "archivelistmodel.h"
#include "heldarchivemodel.h"
#include "hostlistmodel.h"
#include "trustdialog.h"
#include "trustjob.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Deck::Gui {

using Models::HostListModel;

namespace {

// The text that stands in for an empty list and says why it is empty.
QLabel *placeholder()
{
    auto *label = new QLabel;
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setStyleSheet(QStringLiteral("QLabel { color: palette(dark); padding: 16px; }"));
    return label;
}

} // namespace

HostsPage::HostsPage(Models::CaseSession &session, QWidget *parent)
    : Page(session, parent)
    , m_hosts(new HostListModel(session, this))
    , m_archives(new Models::ArchiveListModel(session, this))
    , m_held(new Models::HeldArchiveModel(session, this))
    , m_job(new Models::TrustJob(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_empty = placeholder();
    layout->addWidget(m_empty);

    m_splitter = new QSplitter(Qt::Vertical);
    m_hostView = createTable(m_hosts);
    m_hostView->horizontalHeader()->setSectionResizeMode(HostListModel::Host, QHeaderView::ResizeToContents);
    m_splitter->addWidget(m_hostView);
    m_details = new QTabWidget;
    m_details->setDocumentMode(true);
    m_archiveView = createTable(m_archives);
    m_noArchives = placeholder();
    m_archiveStack = new QStackedWidget;
    m_archiveStack->addWidget(m_noArchives);
    m_archiveStack->addWidget(m_archiveView);
    m_details->addTab(m_archiveStack, tr("Archives"));
    showArchivesOf(-1);
    buildQuarantineTab();
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    layout->addWidget(m_splitter, 1);

    connect(m_hostView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &HostsPage::hostRowChanged);
    connect(m_hostView, &QTableView::activated, this, &HostsPage::hostActivated);
    connect(&session.selection(), &Models::SelectionHub::hostChanged, this, &HostsPage::selectHostRow);
    connect(m_hosts, &HostListModel::modelReset, this, [this] {
        updateEmptyState();
        selectHostRow(this->session().selection().host());
        m_hostView->resizeColumnsToContents();
    });
    connect(m_hosts, &HostListModel::offsetsEstimated, this,
            [this] { m_hostView->resizeColumnToContents(HostListModel::Clock); });
    connect(m_archives, &QAbstractItemModel::modelReset, m_archiveView, &QTableView::resizeColumnsToContents);
    connect(m_held, &QAbstractItemModel::modelReset, this, &HostsPage::updateQuarantineTitle);
    for (Models::CaseTableModel *model : QList<Models::CaseTableModel *>{m_hosts, m_held, m_archives})
        connect(model, &Models::CaseTableModel::failed, this, [this](const QString &message) {
            showOutcome(message, true);
            updateEmptyState();
        });
    connect(&session, &Models::CaseSession::opened, this, &HostsPage::updateEmptyState);
    connect(&session, &Models::CaseSession::closed, this, [this] {
        m_outcome->clear();
        updateEmptyState();
    });
    connect(m_job, &Models::TrustJob::progress, this, [this](int done, int total, const QString &path) {
        m_progress->setRange(0, std::max(1, total));
        m_progress->setValue(done);
        m_progress->setFormat(tr("Importing %1 (%2 of %3)").arg(path.section(u'/', -1)).arg(done + 1).arg(total));
    });
    connect(m_job, &Models::TrustJob::finished, this, &HostsPage::showTrustReport);
    updateEmptyState();
    updateQuarantineTitle();
    m_splitter->restoreState(QSettings().value(QStringLiteral("hosts/splitter")).toByteArray());
}

HostsPage::~HostsPage()
{
    QSettings().setValue(QStringLiteral("hosts/splitter"), m_splitter->saveState());
}

QTableView *HostsPage::createTable(QAbstractItemModel *model)
{
    auto *view = new QTableView;
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideMiddle);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return view;
}

void HostsPage::buildQuarantineTab()
{
    m_quarantineTab = new QWidget;
    auto *layout = new QVBoxLayout(m_quarantineTab);
    layout->setContentsMargins(0, 4, 0, 0);
    m_heldView = createTable(m_held);
    connect(m_heldView, &QTableView::activated, this, [this](const QModelIndex &index) { decideTrust(index.row()); });
    connect(m_held, &QAbstractItemModel::modelReset, m_heldView, &QTableView::resizeColumnsToContents);
    layout->addWidget(m_heldView, 1);

    auto *row = new QHBoxLayout;
    m_decide = new QPushButton(tr("&Decide Trust..."));
    m_decide->setToolTip(tr("Trust or refuse the signer of the selected archive (Enter or double-click a row)"));
    connect(m_decide, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_heldView->currentIndex();
        decideTrust(current.isValid() ? current.row() : 0);
    });
    row->addWidget(m_decide);
    m_progress = new QProgressBar;
    m_progress->setTextVisible(true);
    m_progress->hide();
    row->addWidget(m_progress, 1);
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, m_job, &Models::TrustJob::cancel);
    row->addWidget(m_cancel);
    row->addStretch();
    layout->addLayout(row);
    m_outcome = new QLabel;
    m_outcome->setWordWrap(true);
    m_outcome->setTextFormat(Qt::PlainText);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_outcome);
    m_details->addTab(m_quarantineTab, tr("Quarantine"));
}

QString HostsPage::outcomeText() const
{
    return m_outcome->text();
}

bool HostsPage::isTrusting() const
{
    return m_job->isRunning();
}

void HostsPage::updateEmptyState()
{
    const bool open = session().isOpen();
    const bool none = m_hosts->rowCount() == 0;
    if (!open)
        m_empty->setText(tr("No case open.\nOpen or create one with Case > Open Case... (Ctrl+O)."));
    else if (!m_hosts->lastError().isEmpty())
        m_empty->setText(tr("The hosts could not be read: %1").arg(m_hosts->lastError()));
    else
        m_empty->setText(tr("This case has no hosts yet.\nImport archives or pull them from your hosts; each host "
                            "appears here once its first archive is verified, or is held for your trust decision."));
    m_empty->setVisible(!open || (none && !m_hosts->isLoading()));
}

void HostsPage::updateQuarantineTitle()
{
    const int held = m_held->heldCount();
    const int refused = m_held->rowCount() - held;
    QString title = held > 0 ? tr("Quarantine (%1)").arg(held) : tr("Quarantine");
    if (refused > 0)
        title += tr(", %n refused", nullptr, refused);
    m_details->setTabText(m_details->indexOf(m_quarantineTab), title);
    m_decide->setEnabled(m_held->rowCount() > 0 && !m_job->isRunning());
}

void HostsPage::hostRowChanged(const QModelIndex &current)
{
    const QVariant id
        = current.isValid() ? m_hosts->data(current.siblingAtColumn(0), HostListModel::HostIdRole) : QVariant();
    const auto hostId = id.isValid() ? std::optional<qint64>(id.toLongLong()) : std::nullopt;
    m_archives->setHost(hostId);
    showArchivesOf(current.isValid() ? current.row() : -1);
    if (hostId)
        session().selection().setHost(hostId);
}

void HostsPage::showArchivesOf(int hostRow)
{
    const Models::HostOverview *host = hostRow >= 0 ? &m_hosts->host(hostRow) : nullptr;
    m_details->setTabText(0, host ? tr("Archives of %1").arg(host->hostname) : tr("Archives"));
    if (host && host->hostId) {
        m_archiveStack->setCurrentWidget(m_archiveView);
        return;
    }
    m_noArchives->setText(host ? tr("%1 has no imported archives: its archives wait in the Quarantine tab for a "
                                    "trust decision.")
                                     .arg(host->hostname)
                               : tr("Select a host above to see its chain of custody: every archive with its "
                                    "sequence number, time range, digest, signer, verdict and source."));
    m_archiveStack->setCurrentWidget(m_noArchives);
}

void HostsPage::hostActivated(const QModelIndex &index)
{
    // A host waiting for a trust decision opens it; another host shows its archives.
    if (!index.isValid())
        return;
    const QString machineId = m_hosts->host(index.row()).machineId;
    if (m_hosts->host(index.row()).held == 0) {
        m_details->setCurrentIndex(0);
        return;
    }
    m_details->setCurrentWidget(m_quarantineTab);
    for (int row = 0; row < m_held->heldCount(); ++row) {
        if (m_held->decision(row).machineId == machineId) {
            m_heldView->selectRow(row);
            decideTrust(row);
            return;
        }
    }
}

void HostsPage::selectHostRow(std::optional<qint64> hostId)
{
    if (!hostId)
        return;
    const int row = m_hosts->rowOfHost(*hostId);
    if (row < 0 || m_hostView->currentIndex().row() == row)
        return;
    m_hostView->selectRow(row);
}

TrustDialog *HostsPage::decideTrust(int row)
{
    if (row < 0 || row >= m_held->rowCount() || m_job->isRunning())
        return nullptr;
    auto *dialog = new TrustDialog(m_held->decision(row), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { startTrust(dialog->decision().publicKey, dialog->label()); });
    dialog->open();
    return dialog;
}

void HostsPage::startTrust(const QString &publicKey, const QString &label)
{
    Models::CaseWorker *writer = session().writer();
    if (!writer)
        return; // no case open: nothing to decide on
    m_outcome->clear();
    m_progress->setRange(0, 0); // busy until the first archive starts
    m_progress->setFormat(tr("Trusting the key..."));
    m_progress->show();
    m_cancel->show();
    m_decide->setEnabled(false);
    m_job->start(*writer, publicKey, label, session().importOptions());
}

void HostsPage::showTrustReport(const Models::TrustReport &report)
{
    m_progress->hide();
    m_cancel->hide();
    if (!report.error.isEmpty()) {
        showOutcome(tr("Not trusted: %1").arg(report.error), true);
    } else {
        QStringList lines;
        const QString where
            = report.trust.hostname.isEmpty() ? tr("the first host whose archives it signs") : report.trust.hostname;
        lines << tr("Trusted %1 for %2. Held archives imported: %3.")
                     .arg(report.fingerprint, where)
                     .arg(report.imported());
        for (const Core::ImportOutcome &outcome : report.outcomes) {
            if (outcome.exitCode() != 0)
                lines << outcome.message;
        }
        if (report.cancelled)
            lines << tr("Cancelled: the archive being imported was rolled back; those imported before stay.");
        showOutcome(lines.join(u'\n'), report.notImported() > 0 || report.cancelled);
    }
    m_hosts->reload();
    m_held->reload();
    m_archives->reload();
}

void HostsPage::showOutcome(const QString &text, bool error)
{
    m_outcome->setText(text);
    m_outcome->setStyleSheet(error ? QStringLiteral("QLabel { color: #b01c1c; }")
                                   : QStringLiteral("QLabel { color: #1d6b2a; }"));
}

} // namespace Deck::Gui
