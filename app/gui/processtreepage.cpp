// SPDX-License-Identifier: GPL-3.0-or-later
#include "processtreepage.h"

#include "followprocessdialog.h"
#include "markactions.h"
#include "processdetailwidget.h"
#include "processsearchbar.h"
#include "processtext.h"
#include "truststore.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace Deck::Gui {

using Models::ProcessTreeModel;

namespace {
constexpr int kHostsShownOpen = 5;
const auto kHeaderKey = QStringLiteral("processTree/header");
const auto kSplitKey = QStringLiteral("processTree/split");
} // namespace

ProcessTreePage::ProcessTreePage(Models::CaseSession &session, QWidget *parent)
    : Page(session, parent)
    , m_model(new ProcessTreeModel(session, this))
    , m_view(new QTreeView(this))
    , m_detail(new ProcessDetailWidget(session, this))
    , m_search(new ProcessSearchBar(session, this))
    , m_hosts(new QComboBox(this))
    , m_user(new QLineEdit(this))
    , m_time(new QLabel(this))
    , m_clearTime(new QToolButton(this))
    , m_status(new QLabel(this))
{
    m_hosts->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_hosts->setToolTip(tr("Show one host's processes, or every host as a top-level row"));
    m_user->setPlaceholderText(tr("any"));
    m_user->setMaximumWidth(110);
    m_user->setClearButtonEnabled(true);
    m_user->setToolTip(tr("Show the processes of one user, by uid or by the name the uid had on the host then (and, "
                          "dimmed, the processes above them)"));
    m_clearTime->setText(tr("All time"));
    m_clearTime->setToolTip(tr("Clear the time range (set in the timeline) for every view"));
    auto *parentAction = new QAction(tr("Parent"), this);
    parentAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    parentAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    parentAction->setToolTip(tr("Jump to the parent process (Alt+Up)"));
    connect(parentAction, &QAction::triggered, this, &ProcessTreePage::jumpToParent);
    addAction(parentAction);
    auto *parentButton = new QToolButton(this);
    parentButton->setDefaultAction(parentAction);
    auto *find = new QShortcut(QKeySequence::Find, this, [this] {
        m_search->field()->setFocus();
        m_search->field()->selectAll();
    });
    auto *findNext = new QShortcut(QKeySequence::FindNext, this, m_search, &ProcessSearchBar::next);
    auto *findPrevious = new QShortcut(QKeySequence::FindPrevious, this, m_search, &ProcessSearchBar::previous);
    for (auto *key : {find, findNext, findPrevious})
        key->setContext(Qt::WidgetWithChildrenShortcut);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Host:"), this));
    bar->addWidget(m_hosts);
    bar->addSpacing(8);
    bar->addWidget(new QLabel(tr("User:"), this));
    bar->addWidget(m_user);
    bar->addSpacing(8);
    bar->addWidget(m_time);
    bar->addWidget(m_clearTime);
    bar->addSpacing(8);
    bar->addWidget(m_search, 1);
    bar->addWidget(parentButton);

    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setTextElideMode(Qt::ElideRight);
    // Bookmark (Ctrl+B) and Add Note on the process of a row.
    auto *marks = MarkActions::attach(m_view, session, [](const QModelIndex &index) -> std::optional<Core::ObjectRef> {
        const QVariant id = index.data(ProcessTreeModel::ProcessIdRole);
        if (!id.isValid())
            return std::nullopt;
        return Core::ObjectRef{Core::ObjectType::Process, id.toLongLong()};
    });
    // A process with a bookmark or a note shows a marker and says which in its tool tip.
    auto *notes = new Models::NotesFeed(session, this);
    connect(notes, &Models::NotesFeed::notesChanged, this,
            [this, notes] { m_model->setMarks(notes->notes(), notes->bookmarked()); });
    // Follow Process (Ctrl+Alt+Shift+T): the process's chain across hosts (cross-host stitching).
    FollowProcessDialog::attach(m_view, marks, session, ProcessTreeModel::ProcessIdRole);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(true);
    const QFontMetrics metrics = m_view->fontMetrics();
    const auto fit = [&metrics](const char *sample) {
        return metrics.horizontalAdvance(QString::fromLatin1(sample)) + 3 * metrics.averageCharWidth();
    };
    for (const auto &[column, width] :
         {std::pair{ProcessTreeModel::ProcessColumn,
                    fit("python3  [ppid 1 not in case]") + 2 * m_view->indentation() + Models::markWidth()},
          {ProcessTreeModel::PidColumn, fit("4194304")},
          {ProcessTreeModel::UserColumn, fit("deploy-user (65534)")},
          {ProcessTreeModel::StartColumn, fit("2025-10-09 08:53:20.153")},
          {ProcessTreeModel::ExitColumn, fit("signal 9 (SIGKILL)")}})
        header->resizeSection(column, width);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({900, 500});
    split->setChildrenCollapsible(false);
    split->setObjectName(QStringLiteral("processTreeSplit"));
    QSettings settings;
    header->restoreState(settings.value(kHeaderKey).toByteArray());
    split->restoreState(settings.value(kSplitKey).toByteArray());
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    Models::SelectionHub &hub = session.selection();
    connect(m_hosts, &QComboBox::currentIndexChanged, this, &ProcessTreePage::applyFilter);
    connect(m_user, &QLineEdit::editingFinished, this, &ProcessTreePage::applyFilter);
    connect(m_user, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            applyFilter();
    });
    connect(m_clearTime, &QToolButton::clicked, this, [&hub] { hub.setTimeRange({}); });
    connect(&hub, &Models::SelectionHub::timeRangeChanged, this, [this](const Core::TimeRange &range) {
        showTimeRange(range);
        applyFilter();
    });
    connect(&hub, &Models::SelectionHub::processChanged, this, &ProcessTreePage::followProcess);
    connect(&hub, &Models::SelectionHub::hostChanged, this, &ProcessTreePage::followHost);
    connect(m_search, &ProcessSearchBar::chosen, &hub, &Models::SelectionHub::setProcess);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &ProcessTreePage::currentChanged);
    connect(m_model, &ProcessTreeModel::revealed, this, &ProcessTreePage::selectRevealed);
    connect(m_model, &ProcessTreeModel::revealFailed, this, [this](const QString &reason) {
        showStatus(tr("The selected process is not shown in the tree: %1.").arg(reason));
    });
    connect(m_model, &ProcessTreeModel::loadFailed, this, &ProcessTreePage::showStatus);
    // A case of a few hosts opens with each host's roots shown; a fleet stays folded.
    connect(m_model, &ProcessTreeModel::rowsInserted, this, [this](const QModelIndex &under, int first, int last) {
        if (under.isValid() || m_model->rowCount() > kHostsShownOpen)
            return;
        for (int row = first; row <= last; ++row) {
            const QModelIndex index = m_model->index(row, 0);
            if (index.data(ProcessTreeModel::RowKindRole).toInt() == int(Models::ProcessTreeNode::Kind::Host))
                m_view->expand(index);
        }
    });
    connect(&session, &Models::CaseSession::opened, this, &ProcessTreePage::loadHosts);
    connect(&session, &Models::CaseSession::closed, this, [this] {
        const QSignalBlocker blocker(m_hosts);
        m_hosts->clear();
        m_model->setFilter({}); // the next case has hosts of its own; the selection was cleared with the case
        showTimeRange({});
        showStatus(tr("No case open."));
    });
    connect(&m_hostLoading, &QFutureWatcher<HostList>::finished, this, [this] {
        if (m_hostLoading.future().resultCount() == 0)
            return;
        const HostList hosts = m_hostLoading.result();
        if (!hosts)
            return showStatus(hosts.error().message);
        const QSignalBlocker blocker(m_hosts);
        m_hosts->clear();
        m_hosts->addItem(tr("All hosts"));
        for (const auto &[id, name] : *hosts)
            m_hosts->addItem(name, id);
    });
    showTimeRange(hub.timeRange());
    showStatus(tr("No case open."));
}

ProcessTreePage::~ProcessTreePage()
{
    QSettings settings;
    settings.setValue(kHeaderKey, m_view->header()->saveState());
    if (const auto *split = findChild<QSplitter *>(QStringLiteral("processTreeSplit")))
        settings.setValue(kSplitKey, split->saveState());
    m_hostLoading.cancel();
    m_hostLoading.waitForFinished();
}

void ProcessTreePage::loadHosts()
{
    showStatus(tr("Expand a host or a process to load its children; Alt+Up jumps to the parent."));
    m_hostLoading.setFuture(session().worker().run([](Core::Database &db) -> HostList {
        auto hosts = Core::TrustStore(db).hosts();
        if (!hosts)
            return hosts.error();
        QList<QPair<qint64, QString>> list;
        for (const auto &host : std::as_const(*hosts))
            list.append({host.id, host.hostname});
        return list;
    }));
}

void ProcessTreePage::applyFilter()
{
    Models::ProcessTreeFilter filter;
    const QVariant host = m_hosts->currentData();
    if (host.isValid())
        filter.host = host.toLongLong();
    bool number = false;
    const qint64 uid = m_user->text().trimmed().toLongLong(&number);
    if (number)
        filter.uid = uid;
    else
        filter.userName = m_user->text().trimmed();
    filter.range = session().selection().timeRange();
    const auto &old = m_model->filter();
    if (filter.host == old.host && filter.uid == old.uid && filter.userName == old.userName
        && filter.range.from == old.range.from
        && filter.range.to == old.range.to)
        return;
    m_search->setHost(filter.host);
    m_model->setFilter(filter);
    if (const auto process = session().selection().process())
        m_model->reveal(*process);
}

void ProcessTreePage::followHost(std::optional<qint64> hostId)
{
    // A tree filtered to one host follows the selected host; "All hosts" stays as it is.
    if (!hostId || !m_hosts->currentData().isValid())
        return;
    if (const int index = m_hosts->findData(*hostId); index >= 0)
        m_hosts->setCurrentIndex(index);
}

void ProcessTreePage::followProcess(qint64 processId)
{
    m_detail->showProcess(processId);
    if (const auto *current = m_model->processAt(m_view->currentIndex()); current && current->id == processId)
        return;
    showStatus(tr("Finding process #%1 in the tree...").arg(processId));
    m_model->reveal(processId);
}

void ProcessTreePage::selectRevealed(const QModelIndex &index)
{
    for (QModelIndex up = index.parent(); up.isValid(); up = up.parent())
        m_view->expand(up);
    m_selecting = true;
    m_view->setCurrentIndex(index);
    m_selecting = false;
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    showStatus(QString());
}

void ProcessTreePage::currentChanged(const QModelIndex &index)
{
    if (m_selecting)
        return;
    if (const auto *process = m_model->processAt(index))
        session().selection().setProcess(process->id, process->hostId);
}

void ProcessTreePage::jumpToParent()
{
    const QModelIndex current = m_view->currentIndex();
    const auto *process = m_model->processAt(current);
    if (!process)
        return;
    if (const QModelIndex up = current.parent(); m_model->processAt(up)) {
        m_view->setCurrentIndex(up.siblingAtColumn(0));
        m_view->scrollTo(up);
        return;
    }
    const QString end = Models::ProcessText::chainEnd(*process);
    showStatus(end.isEmpty()
                   ? tr("%1 (pid %2) has no parent.").arg(Models::ProcessText::name(*process)).arg(process->pid)
                   : tr("%1 (pid %2): %3.").arg(Models::ProcessText::name(*process)).arg(process->pid).arg(end));
}

void ProcessTreePage::showTimeRange(const Core::TimeRange &range)
{
    m_clearTime->setVisible(range.from || range.to);
    if (!range.from && !range.to) {
        m_time->setText(tr("Time: all"));
        return;
    }
    const QString from = range.from ? Models::ProcessText::time(*range.from) : tr("start");
    const QString to = range.to ? Models::ProcessText::time(*range.to) : tr("end");
    m_time->setText(tr("Time: %1 to %2 UTC").arg(from, to));
}

void ProcessTreePage::showStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

} // namespace Deck::Gui
