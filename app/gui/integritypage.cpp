// SPDX-License-Identifier: GPL-3.0-or-later
#include "integritypage.h"

#include "alertmodel.h"
#include "casemarks.h"
#include "changedetail.h"
#include "detectioncontrols.h"
#include "emptystatelabel.h"
#include "integritymodel.h"
#include "integritytext.h"
#include "listtablesetup.h"
#include "markactions.h"
#include "queryresult.h"
#include "rulealertdetail.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QSplitter>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deck::Gui {

namespace {

struct TriageChoice
{
    Core::Triage triage;
    const char *label;
    Qt::Key key;
};
constexpr TriageChoice kTriageChoices[] = {
    {Core::Triage::New, QT_TRANSLATE_NOOP("Deck::Gui::IntegrityPage", "&New"), Qt::Key_N},
    {Core::Triage::Investigating, QT_TRANSLATE_NOOP("Deck::Gui::IntegrityPage", "&Investigating"), Qt::Key_I},
    {Core::Triage::Benign, QT_TRANSLATE_NOOP("Deck::Gui::IntegrityPage", "&Benign"), Qt::Key_B},
    {Core::Triage::Malicious, QT_TRANSLATE_NOOP("Deck::Gui::IntegrityPage", "&Malicious"), Qt::Key_M},
};

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

IntegrityPage::IntegrityPage(Models::CaseSession &session, QWidget *parent)
    : Page(session, parent)
    , m_alertModel(new Models::AlertModel(session, this))
    , m_changeModel(new Models::IntegrityModel(session, this))
{
    auto *left = new QSplitter(Qt::Vertical, this);
    left->addWidget(createAlertsBox());
    left->addWidget(createChangesBox());
    left->setStretchFactor(0, 2);
    left->setStretchFactor(1, 3);

    m_detail = new QTextBrowser(this);
    m_detail->setObjectName(u"changeDetail"_s);
    m_detail->setOpenLinks(false);
    // Readable even when the hosts dock takes its share of a small screen: the lists scroll sideways instead.
    m_detail->setMinimumWidth(m_detail->fontMetrics().averageCharWidth() * 36);
    m_ruleDetail = new RuleAlertDetail(session, m_detail, this);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({600, 400}); // in proportion: the detail pane gets two fifths

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(createFilterBar());
    layout->addWidget(split, 1);

    connect(&session, &Models::CaseSession::opened, this, &IntegrityPage::loadHosts);
    connect(&session, &Models::CaseSession::closed, this, &IntegrityPage::loadHosts);
    connect(&session.selection(), &Models::SelectionHub::hostChanged, this, &IntegrityPage::followHost);
    connect(&session.selection(), &Models::SelectionHub::timeRangeChanged, this, &IntegrityPage::showCounts);
    showEmptyState();
    showCounts();
}

QWidget *IntegrityPage::createFilterBar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_host = new QComboBox(bar);
    m_host->setObjectName(u"hostFilter"_s);
    m_host->setMinimumContentsLength(16);
    m_host->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto *hostLabel = new QLabel(tr("&Host:"), bar);
    hostLabel->setBuddy(m_host);
    m_range = new QLabel(bar);
    m_allTimes = new QToolButton(bar);
    m_allTimes->setText(tr("Show All Times"));
    m_allTimes->setToolTip(tr("Clear the time range of every view"));
    row->addWidget(hostLabel);
    row->addWidget(m_host);
    row->addSpacing(16);
    row->addWidget(m_range);
    row->addWidget(m_allTimes);
    row->addStretch(1);
    m_detections = new DetectionControls(session(), row, this);
    connect(m_detections, &DetectionControls::runFinished, m_alertModel, &Models::AlertModel::reload);
    connect(m_host, &QComboBox::activated, this, [this] {
        const QVariant id = m_host->currentData();
        session().selection().setHost(id.isValid() ? std::optional<qint64>(id.toLongLong()) : std::nullopt);
    });
    connect(m_allTimes, &QToolButton::clicked, this, [this] { session().selection().setTimeRange({}); });
    loadHosts();
    return bar;
}

QWidget *IntegrityPage::createAlertsBox()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *header = new QHBoxLayout;
    header->addWidget(heading(tr("Alerts"), box));
    m_alertCount = new QLabel(box);
    header->addWidget(m_alertCount);
    header->addStretch(1);
    m_triageFilter = new QComboBox(box);
    m_triageFilter->setObjectName(u"triageFilter"_s);
    m_triageFilter->addItem(tr("All alerts"), QStringList());
    m_triageFilter->addItem(tr("Open (new or investigating)"), QStringList{u"new"_s, u"investigating"_s});
    for (const auto &choice : kTriageChoices)
        m_triageFilter->addItem(tr("Only %1").arg(Models::triageText(Core::triageName(choice.triage))),
                                QStringList{Core::triageName(choice.triage)});
    auto *showLabel = new QLabel(tr("&Show:"), box);
    showLabel->setBuddy(m_triageFilter);
    header->addWidget(showLabel);
    header->addWidget(m_triageFilter);
    header->addSpacing(12);
    header->addWidget(new QLabel(tr("Triage:"), box));

    m_alerts = new QTableView(box);
    m_alerts->setObjectName(u"alertView"_s);
    m_alerts->setModel(m_alertModel);
    setUpListTable(m_alerts);
    // The title column stays: a detection rule's alert says in its title what it is about.
    for (const auto &choice : kTriageChoices) {
        auto *action = new QAction(tr(choice.label), this);
        const QString state = Core::triageName(choice.triage);
        action->setObjectName(u"triage-"_s + state);
        action->setShortcut(QKeySequence(Qt::ALT | choice.key));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(tr("Mark the selected alert %1 (%2)")
                               .arg(Models::triageText(state), action->shortcut().toString(QKeySequence::NativeText)));
        action->setEnabled(false);
        connect(action, &QAction::triggered, this, [this, state] { setSelectedTriage(state); });
        addAction(action);
        m_triageActions.append(action);
        auto *button = new QToolButton(box);
        button->setDefaultAction(action);
        header->addWidget(button);
    }
    layout->addLayout(header);
    layout->addWidget(m_alerts);

    EmptyStateLabel::attach(m_alerts, [this]() -> QString {
        if (!session().isOpen() || !m_alertModel->error().isEmpty())
            return {};
        if (!m_alertModel->triageFilter().isEmpty())
            return tr("No alert in the triage states shown.");
        const auto &hub = session().selection();
        if (hub.host() || hub.timeRange().from || hub.timeRange().to)
            return tr("No alerts on the selected host in the selected time range.");
        return tr("No alerts in this case: none of its integrity changes is of high severity, and no detection "
                  "rule matched (Run Detections evaluates the rules again).");
    });
    auto *marks = MarkActions::attach(m_alerts, session());
    connect(marks, &MarkActions::menuRequested, this, [this](QMenu *menu, const QModelIndex &index) {
        if (!index.isValid())
            return;
        m_alerts->setCurrentIndex(index);
        QMenu *triage = menu->addMenu(tr("Set &Triage"));
        for (QAction *action : std::as_const(m_triageActions))
            triage->addAction(action);
    });
    connect(m_triageFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_alertModel->setTriageFilter(m_triageFilter->currentData().toStringList()); });
    connect(m_alerts->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &IntegrityPage::showAlert);
    connect(m_alerts, &QAbstractItemView::activated, this,
            [this](const QModelIndex &index) { focusHost(index.data(Models::AlertModel::HostIdRole).toLongLong()); });
    connect(m_alertModel, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const QModelIndex current = m_alerts->currentIndex();
        m_keptAlert = current.isValid() ? std::optional(current.data(Models::AlertModel::AlertIdRole).toLongLong())
                                        : std::nullopt;
    });
    connect(m_alertModel, &Models::AlertModel::loaded, this, [this] {
        fitListColumns(m_alerts);
        const int row = m_keptAlert ? m_alertModel->rowOfAlert(*m_keptAlert) : -1;
        if (row >= 0)
            m_alerts->setCurrentIndex(m_alertModel->index(row, 0));
        else if (!m_changes->currentIndex().isValid())
            showEmptyState(); // what was shown is no longer listed
    });
    // A reset drops the current row without a signal: the triage buttons follow here, the counts too.
    connect(m_alertModel, &QAbstractItemModel::modelReset, this, [this] {
        for (QAction *action : std::as_const(m_triageActions))
            action->setEnabled(false);
        showCounts();
    });
    return box;
}

QWidget *IntegrityPage::createChangesBox()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *header = new QHBoxLayout;
    header->addWidget(heading(tr("State changes"), box));
    m_changeCount = new QLabel(box);
    header->addWidget(m_changeCount, 1);
    layout->addLayout(header);
    m_changes = new QTableView(box);
    m_changes->setObjectName(u"changeView"_s);
    m_changes->setModel(m_changeModel);
    setUpListTable(m_changes);
    m_changes->setSortingEnabled(true);
    m_changes->sortByColumn(Models::IntegrityModel::Time, Qt::AscendingOrder);
    layout->addWidget(m_changes);
    MarkActions::attach(m_changes, session());
    EmptyStateLabel::attach(m_changes, [this]() -> QString {
        if (!session().isOpen() || !m_changeModel->error().isEmpty())
            return {};
        const auto &hub = session().selection();
        if (hub.host() || hub.timeRange().from || hub.timeRange().to)
            return tr("No integrity change on the selected host in the selected time range.");
        return tr("No integrity change in this case: the collectors' checks saw the same state throughout.");
    });

    connect(m_changes->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &IntegrityPage::showChange);
    connect(m_changes, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        focusHost(index.data(Models::IntegrityModel::HostIdRole).toLongLong());
    });
    connect(m_changeModel, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const QModelIndex current = m_changes->currentIndex();
        m_keptChange = current.isValid() && m_changeModel->row(current.row()).source
                == Core::IntegrityRow::Source::StateChange
            ? std::optional(m_changeModel->row(current.row()).id)
            : std::nullopt;
    });
    connect(m_changeModel, &Models::IntegrityModel::loaded, this, [this] {
        fitListColumns(m_changes);
        const int row = m_keptChange ? m_changeModel->rowOfStateChange(*m_keptChange) : -1;
        if (row >= 0)
            m_changes->setCurrentIndex(m_changeModel->index(row, 0));
        else if (!m_alerts->currentIndex().isValid())
            showEmptyState();
    });
    connect(m_changeModel, &QAbstractItemModel::modelReset, this, &IntegrityPage::showCounts);
    return box;
}

QAction *IntegrityPage::triageAction(const QString &state) const
{
    for (QAction *action : m_triageActions) {
        if (action->objectName() == u"triage-"_s + state)
            return action;
    }
    return nullptr;
}

void IntegrityPage::setSelectedTriage(const QString &state)
{
    const QModelIndex current = m_alerts->currentIndex();
    const auto triage = Core::triageFromName(state);
    if (!current.isValid() || !triage)
        return;
    const qint64 alertId = current.data(Models::AlertModel::AlertIdRole).toLongLong();
    MarkActions::report(this, Models::CaseMarks::of(session()).setTriage(alertId, *triage),
                        tr("Alert #%1 marked %2.").arg(alertId).arg(Models::triageText(state)));
}

// An alert and its state change are one thing seen twice: selecting either selects the other (m_syncing keeps the
// second selection from answering back), and the pane shows the alert, which says more (who triaged, when).
void IntegrityPage::showAlert(const QModelIndex &index)
{
    for (QAction *action : std::as_const(m_triageActions))
        action->setEnabled(index.isValid());
    if (m_syncing)
        return;
    if (!index.isValid()) {
        showEmptyState();
        return;
    }
    const Core::AlertRow &row = m_alertModel->row(index.row());
    const int changeRow = row.stateChangeId ? m_changeModel->rowOfStateChange(*row.stateChangeId) : -1;
    m_syncing = true;
    if (changeRow >= 0)
        m_changes->setCurrentIndex(m_changeModel->index(changeRow, 0));
    else
        m_changes->selectionModel()->clear();
    m_syncing = false;
    if (!row.rule.isEmpty()) {
        m_ruleDetail->show(row);
        return;
    }
    if (row.detail.isEmpty()) {
        m_detail->setHtml(u"<h3>%1</h3><p>%2</p>"_s.arg(
            row.title.toHtmlEscaped(), tr("The state change of this alert is not in the case.").toHtmlEscaped()));
        return;
    }
    m_detail->setHtml(changeDetailHtml({row.hostname, row.ts, row.severity, row.detail, row.id, row.title, row.triage,
                                        row.triageBy, row.triageTs}));
}

void IntegrityPage::showChange(const QModelIndex &index)
{
    if (m_syncing)
        return;
    if (!index.isValid()) {
        showEmptyState();
        return;
    }
    const Core::IntegrityRow &row = m_changeModel->row(index.row());
    const int alertRow = row.alertId ? m_alertModel->rowOfAlert(*row.alertId) : -1;
    if (alertRow >= 0) {
        m_alerts->setCurrentIndex(m_alertModel->index(alertRow, 0)); // shows the alert
        return;
    }
    m_syncing = true;
    m_alerts->selectionModel()->clear();
    m_syncing = false;
    m_detail->setHtml(changeDetailHtml({row.hostname, row.ts, row.severity, row.detail, row.alertId, {}, row.triage,
                                        {}, {}}));
}

void IntegrityPage::showEmptyState()
{
    if (!session().isOpen()) {
        m_detail->setHtml(u"<p>%1</p>"_s.arg(tr("Open a case (Case > Open Case...) to see the integrity changes of "
                                                 "its hosts and the alerts raised from them.")
                                                  .toHtmlEscaped()));
        return;
    }
    m_detail->setHtml(
        u"<p>%1</p><p style=\"color:#555\">%2</p>"_s.arg(
            tr("Select an alert or a state change to see what changed.").toHtmlEscaped(),
            tr("The collector's integrity checks report installed packages, package files that differ from dpkg's "
               "digests, kernel modules, BPF programs, watched files, logins and listening sockets; kernel log "
               "lines about modules and BPF are listed with them. High-severity changes raise alerts. Double-click "
               "a row to show its host in every view.")
                .toHtmlEscaped()));
}

void IntegrityPage::focusHost(qint64 hostId)
{
    session().selection().setHost(hostId);
}

void IntegrityPage::followHost()
{
    const auto host = session().selection().host();
    int index = host ? m_host->findData(QVariant(*host)) : 0;
    if (index < 0) { // a host imported after the list was read: named by its row id until the case is reopened
        m_host->addItem(tr("host #%1").arg(*host), QVariant(*host));
        index = m_host->count() - 1;
    }
    m_host->setCurrentIndex(index);
}

void IntegrityPage::loadHosts()
{
    m_host->clear();
    m_host->addItem(tr("All hosts"));
    m_host->setEnabled(session().isOpen());
    showEmptyState();
    if (!session().isOpen())
        return;
    Models::whenDone(
        session().worker(), this, [](Core::Database &db) { return Core::IntegrityQueries(db).hosts(); },
        [this](Core::Expected<QList<Core::HostName>> hosts) {
            if (!hosts)
                return;
            // A host followed before the names came got an item named by its row id (followHost): the names
            // replace it, and whatever an earlier load added.
            while (m_host->count() > 1)
                m_host->removeItem(m_host->count() - 1);
            for (const Core::HostName &host : std::as_const(*hosts))
                m_host->addItem(host.hostname, host.id);
            followHost();
        });
}

void IntegrityPage::showCounts()
{
    const Core::TimeRange &range = session().selection().timeRange();
    if (!range.from && !range.to) {
        m_range->setText(tr("Time: all"));
    } else {
        m_range->setText(tr("Time: %1 to %2 UTC")
                             .arg(range.from ? Models::tableTime(*range.from) : tr("the start"),
                                  range.to ? Models::tableTime(*range.to) : tr("the end")));
    }
    m_allTimes->setVisible(range.from || range.to);
    const bool open = session().isOpen();
    auto counted = [open](int rows, bool truncated, const QString &error, const QString &one, const QString &many) {
        if (!open)
            return QString();
        if (!error.isEmpty())
            return tr("could not be read: %1").arg(error);
        const QString text = rows == 1 ? one : many.arg(rows);
        return truncated ? tr("%1 (the first ones only; narrow the host or time range)").arg(text) : text;
    };
    m_alertCount->setText(counted(m_alertModel->rowCount(), m_alertModel->truncated(), m_alertModel->error(),
                                  tr("1 alert"), tr("%1 alerts")));
    m_changeCount->setText(counted(m_changeModel->rowCount(), m_changeModel->truncated(), m_changeModel->error(),
                                   tr("1 change"), tr("%1 changes")));
}

} // namespace Deck::Gui
