// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventspage.h"

#include "casemarks.h"
#include "displayfilterbar.h"
#include "eventtabledelegate.h"
#include "markactions.h"
#include "timetext.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QShortcut>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deck::Gui {

namespace {

// A table of millions of rows: one line per row at a fixed height (no per-row size hints), rows selected whole.
void setUpBigTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setWordWrap(false);
    view->setShowGrid(false);
    view->setAlternatingRowColors(true);
    view->setTextElideMode(Qt::ElideRight);
    view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    auto *rows = view->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(view->fontMetrics().height() + 6);
    rows->hide();
    auto *columns = view->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setStretchLastSection(true);
    columns->setHighlightSections(false);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

QString timeText(qint64 ns)
{
    return Core::isoTime(ns).replace(u'T', u' ').chopped(1);
}

} // namespace

EventsPage::EventsPage(Models::CaseSession &session, QWidget *parent)
    : Page(session, parent)
    , m_filter(new DisplayFilterBar(this))
    , m_scope(new QLabel(this))
    , m_widen(new QToolButton(this))
    , m_status(new QLabel(this))
    , m_countButton(new QToolButton(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new QLabel(this))
    , m_view(new QTableView(this))
{
    m_view->setModel(&m_model);
    m_view->setItemDelegate(new EventTableDelegate(m_view)); // paints a screen of cells several times faster
    setUpBigTable(m_view);
    const QFontMetrics metrics = m_view->fontMetrics();
    const int widths[] = {metrics.horizontalAdvance(u"2026-12-03 08:55:23.123456789 "_s) + Models::markWidth(),
                          metrics.horizontalAdvance(u"hostname-long"_s),
                          metrics.horizontalAdvance(u"python3 (123456) "_s),
                          metrics.horizontalAdvance(u"deploy-user (65534) "_s),
                          metrics.horizontalAdvance(u"proc.snapshot  "_s),
                          metrics.horizontalAdvance(u"M"_s) * 34};
    for (int c = 0; c < int(std::size(widths)); ++c)
        m_view->setColumnWidth(c, widths[c] + 12);

    m_widen->setObjectName(u"widenScope"_s);
    m_widen->setText(tr("Show all hosts and times"));
    m_widen->setToolTip(tr("Clear the host and time range selected in the other views"));
    m_scope->setTextFormat(Qt::PlainText);
    m_status->setTextFormat(Qt::PlainText);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(u"QLabel { color: palette(placeholder-text); font-size: 11pt; }"_s);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    auto *scopeRow = new QHBoxLayout;
    scopeRow->addWidget(m_scope);
    scopeRow->addWidget(m_widen);
    scopeRow->addStretch(1);
    scopeRow->addWidget(m_status);
    scopeRow->addWidget(m_countButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addLayout(scopeRow);
    layout->addWidget(m_stack, 1);

    auto *focusFilter = new QShortcut(QKeySequence(tr("Ctrl+/")), this);
    focusFilter->setContext(Qt::WidgetWithChildrenShortcut);
    connect(focusFilter, &QShortcut::activated, m_filter, &DisplayFilterBar::focusEditor);

    connect(m_filter, &DisplayFilterBar::applied, this, [this](const Core::FilterNode &filter) {
        m_filterNode = filter;
        reload();
    });
    m_countButton->setObjectName(u"countButton"_s);
    m_countButton->hide();
    connect(m_countButton, &QToolButton::clicked, this, [this] {
        if (m_model.isCounting())
            m_model.stopCounting();
        else
            m_model.countOn();
    });
    auto *stopCount = new QShortcut(QKeySequence(Qt::Key_Escape), m_view);
    stopCount->setContext(Qt::WidgetShortcut);
    connect(stopCount, &QShortcut::activated, &m_model, &Models::EventTableModel::stopCounting);
    connect(&m_model, &Models::EventTableModel::countChanged, this, &EventsPage::showCount);
    connect(&m_model, &Models::EventTableModel::failed, this,
            [this](const QString &message) { m_status->setText(tr("Query failed: %1").arg(message)); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &EventsPage::rowSelected);
    MarkActions::attach(m_view, session); // the model's ObjectRefRole
    auto *notes = new Models::NotesFeed(session, this);
    connect(notes, &Models::NotesFeed::notesChanged, this,
            [this, notes] { m_model.setMarks(notes->notes(), notes->bookmarked()); });
    // A page that lands under the selected row completes the selection it could not make before.
    connect(&m_model, &Models::EventTableModel::pageLoaded, this, [this](int first, int last) {
        const int row = m_view->currentIndex().row();
        if (row >= first && row <= last)
            rowSelected(m_view->currentIndex());
    });

    auto &selection = session.selection();
    connect(&selection, &Models::SelectionHub::timeRangeChanged, this, &EventsPage::reload);
    // The host this page follows is one selected elsewhere: the one its own row selection sets does not narrow it.
    connect(&selection, &Models::SelectionHub::hostChanged, this, [this](std::optional<qint64> host) {
        if (m_selecting)
            return;
        m_host = host;
        reload();
    });
    connect(m_widen, &QToolButton::clicked, this, [this] {
        this->session().selection().setHost(std::nullopt);
        this->session().selection().setTimeRange({});
    });
    connect(&session, &Models::CaseSession::opened, this, &EventsPage::caseOpened);
    connect(&session, &Models::CaseSession::closed, this, &EventsPage::caseClosed);
    caseClosed();
}

EventsPage::~EventsPage()
{
    m_model.clear(); // before its workers go
}

QString EventsPage::statusText() const
{
    return m_status->text();
}

void EventsPage::caseOpened()
{
    // The page's own connections: their statements are planned once for any values (Database::preferGenericPlans).
    m_pages = session().openWorker();
    m_walker = session().openWorker();
    for (Models::CaseWorker *worker : {m_pages.get(), m_walker.get()})
        (void)worker->run([](Core::Database &db) { return db.preferGenericPlans(); });
    m_hostNames.clear();
    auto hostNames = session().worker().run([](Core::Database &db) {
        QHash<qint64, QString> names;
        if (auto q = db.query(u"SELECT id, hostname FROM hosts"_s)) {
            while (q->next())
                names.insert(q->value(0).toLongLong(), q->value(1).toString());
        }
        return names;
    });
    auto *watcher = new QFutureWatcher<QHash<qint64, QString>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        if (watcher->future().resultCount() > 0)
            m_hostNames = watcher->result();
        watcher->deleteLater();
        showScope();
    });
    watcher->setFuture(hostNames);
    reload();
}

void EventsPage::caseClosed()
{
    m_model.clear();
    m_walker.reset();
    m_pages.reset();
    m_host.reset();
    m_status->clear();
    m_empty->setText(tr("Open a case (File > Open) to see every event it holds: processes, files, connections, "
                        "integrity changes and losses, in time order."));
    m_stack->setCurrentWidget(m_empty);
    showScope();
}

void EventsPage::reload()
{
    showScope();
    if (!session().isOpen() || !m_walker || !m_pages)
        return;
    Core::EventScope scope;
    scope.hostId = m_host;
    scope.range = session().selection().timeRange();
    scope.filter = m_filterNode;
    m_stack->setCurrentWidget(m_view);
    m_model.show(m_pages.get(), m_walker.get(), scope);
}

void EventsPage::showScope()
{
    const auto &selection = session().selection();
    const auto range = selection.timeRange();
    QStringList parts;
    parts << (m_host ? tr("Host %1 only").arg(m_hostNames.value(*m_host, u"#"_s + QString::number(*m_host)))
                     : tr("All hosts"));
    if (range.from || range.to)
        parts << tr("from %1 to %2 UTC")
                     .arg(range.from ? timeText(*range.from) : tr("the start"),
                          range.to ? timeText(*range.to) : tr("the end"));
    else
        parts << tr("all times");
    m_scope->setText(parts.join(u", "_s));
    m_widen->setVisible(m_host || range.from || range.to);
}

void EventsPage::showCount(int rows, bool complete)
{
    m_countButton->setVisible(!complete && session().isOpen());
    if (!session().isOpen())
        return;
    const QLocale locale;
    const qint64 estimate = m_model.estimatedRows();
    const QString counted = locale.toString(rows), about = locale.toString(estimate);
    if (complete)
        m_status->setText(tr("%1 events").arg(counted));
    else if (m_model.isCounting())
        m_status->setText(estimate < 0 ? tr("%1 events so far, counting…").arg(counted)
                                       : tr("%1 events so far of about %2, counting…").arg(counted, about));
    else
        m_status->setText(estimate < 0 ? tr("%1 events counted; counting stopped").arg(counted)
                                       : tr("%1 events counted of about %2; counting stopped").arg(counted, about));
    m_countButton->setText(m_model.isCounting() ? tr("Stop counting") : tr("Count the rest"));
    m_countButton->setToolTip(m_model.isCounting()
                                  ? tr("Stop counting the events (Esc): the rows counted so far stay and can be read")
                                  : tr("Count the rest of the events, to scroll beyond the rows counted"));
    if (complete && rows == 0) {
        m_empty->setText(
            m_filter->text().trimmed().isEmpty()
                ? tr("No events in this case for the host and time range selected.")
                : tr("No event matches the filter “%1” for the host and time range selected.").arg(m_filter->text()));
        m_stack->setCurrentWidget(m_empty);
    } else {
        m_stack->setCurrentWidget(m_view);
    }
}

void EventsPage::rowSelected(const QModelIndex &current)
{
    const Models::EventRowView *row = current.isValid() ? m_model.loadedRow(current.row()) : nullptr;
    if (!row)
        return;
    auto &selection = session().selection();
    m_selecting = true;
    if (row->processId)
        selection.setProcess(*row->processId, row->hostId);
    if (!row->path.isEmpty())
        selection.setPath(row->path);
    if (row->endpoint)
        selection.setEndpoint(row->endpoint);
    m_selecting = false;
}

} // namespace Deck::Gui
