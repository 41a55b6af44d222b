// SPDX-License-Identifier: GPL-3.0-or-later
#include "indicatorspage.h"

#include "emptystatelabel.h"
#include "indicatorlistmodel.h"
#include "indicatormatchmodel.h"
#include "indicatorsync.h"
#include "indicatorupdater.h"
#include "listtablesetup.h"
#include "objectfacts.h"

#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deck::Gui {

namespace {

// The remote end of "tcp 10.0.0.2:40300 -> 203.0.113.5:443" (objectfacts.h), for the shared selection.
std::optional<Models::Endpoint> remoteEndOf(const QString &extra)
{
    const qsizetype arrow = extra.indexOf(u"-> "_s);
    if (arrow < 0)
        return std::nullopt;
    const QString remote = extra.mid(arrow + 3).trimmed();
    const qsizetype colon = remote.lastIndexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    bool ok = false;
    const qint64 port = remote.mid(colon + 1).toLongLong(&ok);
    return Models::Endpoint{remote.left(colon), ok ? std::optional<qint64>(port) : std::nullopt};
}

} // namespace

IndicatorsPage::IndicatorsPage(Models::CaseSession &session, QWidget *parent)
    : Page(session, parent)
    , m_listModel(new Models::IndicatorListModel(session, this))
    , m_matchModel(new Models::IndicatorMatchModel(session, this))
    , m_updater(new Models::IndicatorUpdater(session, this))
    , m_lists(new QTableView(this))
    , m_matches(new QTableView(this))
    , m_addFile(new QPushButton(tr("Add &File..."), this))
    , m_addUrl(new QPushButton(tr("Add &URL..."), this))
    , m_update(new QPushButton(tr("&Update All"), this))
    , m_match(new QPushButton(tr("&Match Again"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_refresh(new QSpinBox(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_matchesTitle(new QLabel(this))
{
    m_lists->setObjectName(u"indicatorListView"_s);
    m_matches->setObjectName(u"indicatorMatchView"_s);
    m_lists->setModel(m_listModel);
    m_matches->setModel(m_matchModel);
    setUpListTable(m_lists);
    setUpListTable(m_matches);
    m_refresh->setRange(0, 24 * 60);
    m_refresh->setSuffix(tr(" min"));
    m_refresh->setSpecialValueText(tr("never"));
    m_refresh->setValue(Models::IndicatorUpdater::refreshMinutes());
    m_refresh->setToolTip(tr("While a case is open, lists from URLs are fetched again this often (conditional "
                             "requests: an unchanged list is not downloaded again)."));
    m_progress->setVisible(false);
    m_progress->setMaximumWidth(240);
    m_cancel->setVisible(false);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    EmptyStateLabel::attach(m_lists, [this]() -> QString {
        if (!Page::session().isOpen())
            return tr("Open a case to manage its indicator lists.");
        if (!m_listModel->error().isEmpty())
            return m_listModel->error();
        return tr("No indicator lists yet.\n\nAdd a list of IP addresses and CIDR ranges, domains, file digests or "
                  "path patterns from a file or a URL: plain text, one per line ('#' comments), or CSV with a "
                  "'type' and a 'value' column. Every match becomes an alert.");
    });
    EmptyStateLabel::attach(m_matches, [this]() -> QString {
        if (!Page::session().isOpen() || m_listModel->rowCount() == 0)
            return {};
        return tr("No indicator matched the case.\n\nAddresses are matched against connections (remote and local), "
                  "digests against the executables' BLAKE2b-256, path patterns against every recorded path, and "
                  "domains against process arguments and paths (the collector records no DNS).");
    });

    auto *bar = new QHBoxLayout;
    for (QPushButton *button : {m_addFile, m_addUrl, m_update, m_match, m_remove})
        bar->addWidget(button);
    bar->addStretch(1);
    auto *refreshLabel = new QLabel(tr("Refresh URL lists &every:"), this);
    refreshLabel->setBuddy(m_refresh);
    bar->addWidget(refreshLabel);
    bar->addWidget(m_refresh);
    auto *statusBar = new QHBoxLayout;
    statusBar->addWidget(m_progress);
    statusBar->addWidget(m_cancel);
    statusBar->addWidget(m_status, 1);
    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(m_matchesTitle);
    lowerLayout->addWidget(m_matches, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_lists);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addLayout(statusBar);
    layout->addWidget(splitter, 1);

    connect(m_addFile, &QPushButton::clicked, this, &IndicatorsPage::addFile);
    connect(m_addUrl, &QPushButton::clicked, this, &IndicatorsPage::addUrl);
    connect(m_update, &QPushButton::clicked, this, [this] { m_updater->updateAll(); });
    connect(m_match, &QPushButton::clicked, this, [this] { m_updater->matchNow(); });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeCurrent(); });
    connect(m_cancel, &QPushButton::clicked, m_updater, &Models::IndicatorUpdater::cancel);
    connect(m_refresh, &QSpinBox::valueChanged, m_updater, &Models::IndicatorUpdater::setRefreshMinutes);
    connect(m_matches, &QAbstractItemView::activated, this, [this](const QModelIndex &index) { selectMatch(index.row()); });
    connect(m_lists->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &IndicatorsPage::updateButtons);
    connect(m_updater, &Models::IndicatorUpdater::busyChanged, this, [this](bool busy) {
        m_progress->setVisible(busy);
        m_cancel->setVisible(busy);
        if (busy)
            m_progress->setRange(0, 0);
        updateButtons();
    });
    connect(m_updater, &Models::IndicatorUpdater::progress, this,
            [this](const QString &label, qint64 done, qint64 total) {
                m_progress->setRange(0, total > 0 ? 1000 : 0);
                if (total > 0)
                    m_progress->setValue(int(1000 * done / total));
                m_progress->setFormat(label);
                m_progress->setTextVisible(true);
                showStatus(total > 0 ? tr("%1: %2 of %3 KiB").arg(label).arg(done / 1024).arg(total / 1024)
                                     : (done > 0 ? tr("%1: %2 KiB").arg(label).arg(done / 1024) : label));
            });
    connect(m_updater, &Models::IndicatorUpdater::finished, this,
            [this](const QString &message, bool) { showStatus(message); });
    connect(m_updater, &Models::IndicatorUpdater::changed, this, [this] {
        m_listModel->reload();
        m_matchModel->reload();
    });
    connect(m_listModel, &Models::IndicatorListModel::loaded, this, [this] {
        fitListColumns(m_lists, 300);
        updateButtons();
    });
    connect(m_matchModel, &Models::IndicatorMatchModel::loaded, this, [this] {
        fitListColumns(m_matches, 420);
        updateButtons();
    });
    connect(&session, &Models::CaseSession::closed, this, [this] {
        showStatus({});
        updateButtons();
    });
    connect(&session, &Models::CaseSession::opened, this, &IndicatorsPage::updateButtons);
    updateButtons();
}

void IndicatorsPage::updateButtons()
{
    const bool open = session().isOpen();
    const bool idle = open && !m_updater->busy();
    const int row = m_lists->currentIndex().row();
    for (QPushButton *button : {m_addFile, m_addUrl})
        button->setEnabled(idle);
    m_update->setEnabled(idle && m_listModel->rowCount() > 0);
    m_match->setEnabled(idle && m_listModel->rowCount() > 0);
    m_remove->setEnabled(idle && row >= 0 && row < m_listModel->rowCount());
    const int matches = m_matchModel->rowCount();
    m_matchesTitle->setText(!open ? QString()
                            : matches == 0 ? tr("Matches")
                            : m_matchModel->truncated()
                                ? tr("Matches: the newest %1 (double-click to select the evidence in every view)").arg(matches)
                                : tr("Matches: %1 (double-click to select the evidence in every view)").arg(matches));
}

void IndicatorsPage::showStatus(const QString &text)
{
    m_status->setText(text);
}

void IndicatorsPage::addFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Add Indicator List"), {},
                                                      tr("Indicator lists (*.txt *.csv *.list *.ioc);;All files (*)"));
    if (path.isEmpty())
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Add Indicator List"), tr("Name of the list:"),
                                               QLineEdit::Normal, Core::defaultIndicatorListName(path), &ok);
    if (ok)
        m_updater->addFile(path, name.trimmed());
}

void IndicatorsPage::addUrl()
{
    bool ok = false;
    const QString url = QInputDialog::getText(this, tr("Add Indicator List"), tr("URL of the list (http or https):"),
                                              QLineEdit::Normal, u"https://"_s, &ok).trimmed();
    if (!ok || url.isEmpty())
        return;
    if (!Core::IndicatorFetcher::isUrl(url)) {
        QMessageBox::warning(this, tr("Add Indicator List"), tr("%1 is not an http or https URL.").arg(url));
        return;
    }
    const QString name = QInputDialog::getText(this, tr("Add Indicator List"), tr("Name of the list:"),
                                               QLineEdit::Normal, Core::defaultIndicatorListName(url), &ok);
    if (ok)
        m_updater->addUrl(url, name.trimmed());
}

void IndicatorsPage::removeCurrent(bool ask)
{
    const int row = m_lists->currentIndex().row();
    if (row < 0 || row >= m_listModel->rowCount())
        return;
    const QString name = m_listModel->list(row).name;
    if (ask
        && QMessageBox::question(this, tr("Remove Indicator List"),
                                 tr("Remove the indicator list \u201c%1\u201d? The alerts it raised stay in the case.")
                                     .arg(name))
               != QMessageBox::Yes)
        return;
    m_updater->remove(name);
}

void IndicatorsPage::selectMatch(int row)
{
    if (row < 0 || row >= m_matchModel->rowCount())
        return;
    const Core::IndicatorMatch &match = m_matchModel->matchAt(row);
    if (!match.about) {
        session().selection().setHost(match.hostId);
        return;
    }
    const Core::ObjectRef about = *match.about;
    auto *watcher = new QFutureWatcher<Core::Expected<QList<Core::ObjectFacts>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, about] {
        watcher->deleteLater();
        if (watcher->isCanceled())
            return;
        const auto facts = watcher->result();
        if (!facts || facts->isEmpty() || !facts->constFirst().exists) {
            showStatus(facts ? tr("The evidence of this match is no longer in the case.") : facts.error().message);
            return;
        }
        const Core::ObjectFacts &fact = facts->constFirst();
        auto &hub = session().selection();
        if (fact.processId && fact.hostId)
            hub.setProcess(*fact.processId, *fact.hostId);
        else if (fact.hostId)
            hub.setHost(*fact.hostId);
        if (!fact.path.isEmpty())
            hub.setPath(fact.path);
        if (about.type == Core::ObjectType::NetEvent)
            hub.setEndpoint(remoteEndOf(fact.extra));
    });
    watcher->setFuture(session().worker().run([about](Core::Database &db) { return Core::objectFacts(db, {about}); }));
}

} // namespace Deck::Gui
