// SPDX-License-Identifier: GPL-3.0-or-later
#include "replaypage.h"

#include "integrityqueries.h"
#include "listtablesetup.h"
#include "queryresult.h"
#include "replaycontroller.h"
#include "replaypanel.h"
#include "replaytext.h"
#include "timescale.h"
#include "timetext.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QSlider>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deck::Gui {

namespace {
constexpr int kSliderSteps = 10000;
const QStringList kChecks{u"modules"_s, u"bpf"_s, u"packages"_s};
} // namespace

ReplayPage::ReplayPage(Models::CaseSession &session, QWidget *parent)
    : Page(session, parent)
    , m_controller(new Models::ReplayController(session, this))
{
    setObjectName(u"replayPage"_s);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createBar());

    m_tree = new QTreeView;
    m_tree->setObjectName(u"replayProcesses"_s);
    m_tree->setModel(m_controller->processes());
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(4, QHeaderView::Stretch);
    m_processPanel = new ReplayPanel(tr("Processes alive"), m_tree);

    m_filePanel = new ReplayPanel(tr("Files open for writing"), createTable(m_controller->files()));
    m_networkPanel = new ReplayPanel(tr("Connections and listeners"), createTable(m_controller->network()));
    m_itemTabs = new QTabWidget;
    const QStringList itemTitles{tr("Kernel modules"), tr("BPF programs"), tr("Packages")};
    for (qsizetype i = 0; i < kChecks.size(); ++i) {
        auto *panel = new ReplayPanel(itemTitles.at(i), createTable(m_controller->items(kChecks.at(i))));
        m_itemPanels.append(panel);
        m_itemTabs->addTab(panel, itemTitles.at(i));
    }

    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(m_filePanel);
    right->addWidget(m_networkPanel);
    right->addWidget(m_itemTabs);
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_processPanel);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    connect(m_controller, &Models::ReplayController::replayed, this, &ReplayPage::showReplay);
    connect(m_controller, &Models::ReplayController::busyChanged, this, &ReplayPage::showReplay);
    connect(m_controller, &Models::ReplayController::failed, this,
            [this](const QString &message) { m_status->setText(tr("The replay failed: %1").arg(message)); });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &index) {
        const QVariant id = index.data(Models::ReplayTreeModel::ProcessIdRole);
        if (id.isValid() && m_controller->host())
            this->session().selection().setProcess(id.toLongLong(), *m_controller->host());
    });
    connect(&session, &Models::CaseSession::opened, this, &ReplayPage::loadHosts);
    connect(&session, &Models::CaseSession::closed, this, &ReplayPage::loadHosts);
    connect(&session.selection(), &Models::SelectionHub::hostChanged, this, &ReplayPage::followHost);
    connect(&session.selection(), &Models::SelectionHub::timeRangeChanged, this, [this](const Core::TimeRange &range) {
        const auto &current = m_controller->current();
        if (range.from && current && (current->at < *range.from || (range.to && current->at >= *range.to)))
            m_controller->setTime(*range.from);
    });
    loadHosts();
}

ReplayPage::~ReplayPage() = default;

QWidget *ReplayPage::createBar()
{
    auto *bar = new QWidget(this);
    auto *rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    rows->addLayout(row);
    m_host = new QComboBox(bar);
    m_host->setObjectName(u"replayHost"_s);
    m_host->setMinimumContentsLength(14);
    m_host->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto *hostLabel = new QLabel(tr("&Host:"), bar);
    hostLabel->setBuddy(m_host);
    m_previous = new QToolButton(bar);
    m_previous->setArrowType(Qt::LeftArrow);
    m_previous->setToolTip(tr("Previous event (Left on the slider, or ,)"));
    m_next = new QToolButton(bar);
    m_next->setArrowType(Qt::RightArrow);
    m_next->setToolTip(tr("Next event (Right on the slider, or .)"));
    m_slider = new QSlider(Qt::Horizontal, bar);
    m_slider->setObjectName(u"replaySlider"_s);
    m_slider->setRange(0, kSliderSteps);
    m_slider->setPageStep(kSliderSteps / 20);
    m_slider->setToolTip(tr("Drag to replay the host; Left/Right step from event to event"));
    m_slider->installEventFilter(this);
    m_time = new QLineEdit(bar);
    m_time->setObjectName(u"replayTime"_s);
    m_time->setPlaceholderText(tr("UTC time, e.g. 2026-12-03T11:30:00Z"));
    m_time->setMinimumWidth(fontMetrics().horizontalAdvance(u"2026-12-03 11:30:00.000000000 UTC"_s) + 24);
    m_time->setToolTip(tr("The time replayed (UTC); type a time and press Enter to go there"));
    m_status = new QLabel(bar);
    m_status->setObjectName(u"replayStatus"_s);
    row->addWidget(hostLabel);
    row->addWidget(m_host);
    row->addSpacing(12);
    row->addWidget(m_previous);
    row->addWidget(m_slider, 1);
    row->addWidget(m_next);
    row->addWidget(m_time);
    rows->addWidget(m_status); // its own line, so that the slider keeps its width in a narrow window

    connect(m_host, &QComboBox::activated, this, [this] {
        const QVariant id = m_host->currentData();
        if (id.isValid())
            session().selection().setHost(id.toLongLong());
        m_controller->setHost(id.isValid() ? std::optional<qint64>(id.toLongLong()) : std::nullopt);
    });
    connect(m_previous, &QToolButton::clicked, this, [this] { m_controller->step(false); });
    connect(m_next, &QToolButton::clicked, this, [this] { m_controller->step(true); });
    connect(m_slider, &QSlider::valueChanged, this, &ReplayPage::sliderMoved);
    connect(m_time, &QLineEdit::returnPressed, this, &ReplayPage::jumpToTypedTime);
    auto *previous = new QShortcut(QKeySequence(u","_s), this, [this] { m_controller->step(false); });
    auto *next = new QShortcut(QKeySequence(u"."_s), this, [this] { m_controller->step(true); });
    previous->setContext(Qt::WidgetWithChildrenShortcut);
    next->setContext(Qt::WidgetWithChildrenShortcut);
    return bar;
}

QTableView *ReplayPage::createTable(Models::ReplayListModel *model)
{
    auto *view = new QTableView;
    view->setModel(model);
    setUpListTable(view);
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &index) {
        const QVariant id = index.data(Models::ReplayListModel::ProcessIdRole);
        if (id.isValid() && m_controller->host())
            session().selection().setProcess(id.toLongLong(), *m_controller->host());
    });
    return view;
}

bool ReplayPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_slider && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Left || key == Qt::Key_Right) {
            m_controller->step(key == Qt::Key_Right);
            return true;
        }
    }
    return Page::eventFilter(watched, event);
}

void ReplayPage::loadHosts()
{
    m_host->clear();
    m_host->setEnabled(session().isOpen());
    showReplay();
    if (!session().isOpen())
        return;
    Models::whenDone(
        session().worker(), this, [](Core::Database &db) { return Core::IntegrityQueries(db).hosts(); },
        [this](Core::Expected<QList<Core::HostName>> hosts) {
            if (!hosts)
                return;
            for (const Core::HostName &host : std::as_const(*hosts))
                m_host->addItem(host.hostname, host.id);
            followHost();
        });
}

void ReplayPage::followHost()
{
    const auto host = session().selection().host();
    int index = host ? m_host->findData(*host) : -1;
    if (index < 0 && m_host->count() > 0 && !m_controller->host())
        index = 0; // a replay needs one host: the first until the analyst picks one
    if (index < 0)
        return;
    m_host->setCurrentIndex(index);
    m_controller->setHost(m_host->itemData(index).toLongLong());
}

qint64 ReplayPage::timeOfSlider(int value) const
{
    const auto &current = m_controller->current();
    if (!current || !current->span.first)
        return 0;
    const qint64 first = *current->span.first, last = *current->span.last;
    return first + qint64((double(last - first) * value) / kSliderSteps);
}

int ReplayPage::sliderOfTime(qint64 ts) const
{
    const auto &current = m_controller->current();
    if (!current || !current->span.first || *current->span.last <= *current->span.first)
        return 0;
    const qint64 first = *current->span.first, last = *current->span.last;
    return int(std::clamp((double(ts - first) * kSliderSteps) / double(last - first), 0.0, double(kSliderSteps)));
}

void ReplayPage::sliderMoved(int value)
{
    if (m_controller->current())
        m_controller->setTime(timeOfSlider(value));
}

void ReplayPage::jumpToTypedTime()
{
    const auto ts = Core::parseTime(m_time->text().trimmed());
    if (!ts) {
        m_status->setText(tr("Not a time: type UTC as 2026-12-03T11:30:00Z or nanoseconds"));
        return;
    }
    m_controller->setTime(*ts);
}

void ReplayPage::showReplay()
{
    const auto &current = m_controller->current();
    const bool hasHost = m_controller->host().has_value();
    m_slider->setEnabled(current && current->span.first);
    m_previous->setEnabled(current.has_value());
    m_next->setEnabled(current.has_value());
    m_time->setEnabled(current.has_value());
    if (!current) {
        const QString why = !session().isOpen() ? tr("Open a case to replay a host.")
            : hasHost                          ? tr("Replaying…")
                                               : tr("Pick a host to replay.");
        for (ReplayPanel *panel : findChildren<ReplayPanel *>())
            panel->show(QString(), QString(), why);
        m_status->setText(m_controller->isBusy() ? tr("Replaying…") : QString());
        return;
    }
    if (!m_slider->isSliderDown()) {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(sliderOfTime(current->at));
    }
    if (!m_time->hasFocus())
        m_time->setText(Models::utcText(current->at, 1));
    if (!current->span.first)
        m_status->setText(tr("This host has no recording in the case."));
    else
        m_status->setText(m_controller->isBusy() ? tr("Replaying…")
                                                 : tr("recorded %1 to %2")
                                                       .arg(Models::utcText(*current->span.first, 1'000'000'000),
                                                            Models::utcText(*current->span.last, 1'000'000'000)));

    const auto counted = [](int count, int added, int gone) {
        QStringList changes;
        if (added > 0)
            changes.append(tr("+%1 new").arg(added));
        if (gone > 0)
            changes.append(tr("%1 gone").arg(gone));
        return changes.isEmpty() ? QString::number(count) : tr("%1 (%2)").arg(count).arg(changes.join(u", "_s));
    };
    const auto emptyText = [](const Core::ReplayPart &part, const QString &none) {
        return part.knowledge.knowledge == Core::Knowledge::Unknown ? tr("Not known at this time.") : none;
    };
    const auto listCount = [&counted](Models::ReplayListModel *model) {
        using Change = Models::ReplayRow::Change;
        return counted(model->rowCount() - model->count(Change::Gone), model->count(Change::New), model->count(Change::Gone));
    };
    auto *processes = m_controller->processes();
    m_processPanel->show(counted(processes->processCount(), processes->newCount(), m_controller->goneProcesses()),
                         Models::ReplayText::knowledge(current->processesPart, tr("processes")),
                         emptyText(current->processesPart, tr("No process of this boot was alive at this time.")));
    m_tree->expandAll();
    for (int column = 0; column < 4; ++column)
        m_tree->resizeColumnToContents(column);
    m_filePanel->show(listCount(m_controller->files()),
                      Models::ReplayText::knowledge(current->filesPart, tr("files")),
                      emptyText(current->filesPart,
                                tr("No file was open for writing at this time (as far as the recorded closes after "
                                   "writing show).")));
    m_networkPanel->show(listCount(m_controller->network()),
                         Models::ReplayText::knowledge(current->networkPart, tr("connections")),
                         emptyText(current->networkPart, tr("No connection or listener was open at this time.")));
    const Core::ReplayPart *parts[] = {&current->modulesPart, &current->bpfPart, &current->packagesPart};
    for (qsizetype i = 0; i < m_itemPanels.size(); ++i) {
        Models::ReplayListModel *model = m_controller->items(kChecks.at(i));
        m_itemPanels[i]->show(listCount(model), Models::ReplayText::knowledge(*parts[i], tr("items")),
                              emptyText(*parts[i], tr("None at this time.")));
        const int changed = model->count(Models::ReplayRow::Change::New) + model->count(Models::ReplayRow::Change::Changed)
            + model->count(Models::ReplayRow::Change::Gone);
        const QString title = m_itemTabs->tabText(int(i)).section(u" ("_s, 0, 0);
        m_itemTabs->setTabText(int(i), changed > 0 ? tr("%1 (%2 changed)").arg(title).arg(changed) : title);
        if (auto *table = qobject_cast<QTableView *>(m_itemPanels[i]->view()))
            fitListColumns(table);
    }
    for (ReplayPanel *panel : {m_filePanel, m_networkPanel}) {
        if (auto *table = qobject_cast<QTableView *>(panel->view()))
            fitListColumns(table);
    }
}

} // namespace Deck::Gui
