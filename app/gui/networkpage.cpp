// SPDX-License-Identifier: GPL-3.0-or-later
#include "networkpage.h"

#include "graphmarks.h"
#include "graphnodes.h"
#include "graphpages.h"
#include "graphview.h"
#include "markactions.h"
#include "networkgraphsource.h"
#include "notesfeed.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Deck::Gui {

namespace {
// Fixed row heights (the view never measures rows), widths for the text a column holds, sorting by the query.
void setUpTable(QTableView *view, QAbstractItemModel *model, const QStringList &widest, int sortColumn,
                Qt::SortOrder order)
{
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSortIndicator(sortColumn, order);
    view->setSortingEnabled(true); // sort() runs the query again in that order
    for (int column = 0; column < widest.size(); ++column) {
        const QString header = model->headerData(column, Qt::Horizontal).toString();
        const int text = std::max(view->fontMetrics().horizontalAdvance(widest[column]),
                                  view->fontMetrics().horizontalAdvance(header) + 16);
        view->setColumnWidth(column, text + 18);
    }
}

QString countText(const Models::AggregateTableModel &model, const QString &loadedOf, const QString &all)
{
    if (model.isLoading() && model.rowCount() == 0)
        return QObject::tr("Loading…");
    if (model.rowCount() < model.total())
        return loadedOf.arg(QLocale().toString(model.rowCount()), QLocale().toString(model.total()));
    return all.arg(QLocale().toString(model.total()));
}
} // namespace

NetworkPage::NetworkPage(Models::CaseSession &session, QWidget *parent)
    : Page(session, parent)
    , m_controller(&Models::networkGraphPiece, 3)
    , m_panel(new GraphPanel(m_controller, {}, this))
    , m_marks(new GraphMarks(m_panel->view(), m_controller, session))
    , m_tables(new QTabWidget(this))
    , m_conversationsView(new QTableView(this))
    , m_endpointsView(new QTableView(this))
    , m_conversationsStatus(new QLabel(this))
    , m_endpointsStatus(new QLabel(this))
{
    m_panel->view()->setPlaceholder(tr("No network events in this case (or in the selected time range)."));
    const QString timeSample = Models::displayTime(0);
    setUpTable(m_conversationsView, &m_conversations,
               {QStringLiteral("hostname-long"), QStringLiteral("proto"), QStringLiteral("255.255.255.255:65535"),
                QStringLiteral("255.255.255.255:65535"), QStringLiteral("python3 [400000]"),
                QStringLiteral("username (10000)"), QStringLiteral("groupname (10000)"), QStringLiteral("1,000,000"),
                timeSample, timeSample},
               Models::ConversationsModel::First, Qt::AscendingOrder);
    setUpTable(m_endpointsView, &m_endpoints,
               {QStringLiteral("255.255.255.255"), QStringLiteral("22, 80, 443, 8080"), QStringLiteral("1,000,000"),
                QStringLiteral("1,000,000"), QStringLiteral("curl, python3, wget"), QStringLiteral("1000"), timeSample,
                timeSample},
               Models::EndpointsModel::Events, Qt::DescendingOrder);
    // Room for the marks' markers beside an address.
    for (const auto &[view, column] : {std::pair{m_conversationsView, int(Models::ConversationsModel::Remote)},
                                       std::pair{m_endpointsView, int(Models::EndpointsModel::Address)}})
        view->setColumnWidth(column, view->columnWidth(column) + Models::markWidth());
    m_tables->addTab(tablePage(m_conversationsView, m_conversationsStatus), tr("Conversations"));
    m_tables->addTab(tablePage(m_endpointsView, m_endpointsStatus), tr("Endpoints"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_panel);
    splitter->addWidget(m_tables);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({600, 400}); // in proportion: the graph gets the larger part
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    m_panel->setLonelyText(tr("%1: no network events with a remote end in this time range."));
    auto &hub = session.selection();
    connect(&session, &Models::CaseSession::opened, this, &NetworkPage::caseOpened);
    connect(&session, &Models::CaseSession::closed, this, &NetworkPage::caseClosed);
    connect(&hub, &Models::SelectionHub::processChanged, this, &NetworkPage::followProcess);
    connect(&hub, &Models::SelectionHub::endpointChanged, this, &NetworkPage::followEndpoint);
    connect(&hub, &Models::SelectionHub::timeRangeChanged, this, &NetworkPage::followRange);
    connect(m_panel->view(), &GraphView::nodeClicked, this, &NetworkPage::selectNode);
    connect(m_panel->view(), &GraphView::nodeActivated, &m_controller, &Models::GraphController::expand);
    connect(m_conversationsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &NetworkPage::conversationSelected);
    connect(m_endpointsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &NetworkPage::endpointSelected);
    // Bookmarks and notes: a remote address in the Endpoints table, the remote address:port in Conversations; their
    // markers beside the address.
    auto *marks = new Models::NotesFeed(session, this);
    m_endpoints.setMarks(marks);
    m_conversations.setMarks(marks);
    MarkActions::attach(m_endpointsView, session, [this](const QModelIndex &index) -> std::optional<Core::MarkTarget> {
        return Core::RemoteEndpoint{m_endpoints.endpoint(index.row()).address, std::nullopt};
    });
    MarkActions::attach(m_conversationsView, session,
                        [this](const QModelIndex &index) -> std::optional<Core::MarkTarget> {
                            const Core::ConversationRow &row = m_conversations.conversation(index.row());
                            if (row.raddr.isEmpty())
                                return std::nullopt;
                            return Core::RemoteEndpoint{row.raddr, row.rport};
                        });
    const std::pair<Models::AggregateTableModel *, QLabel *> tables[]{{&m_conversations, m_conversationsStatus},
                                                                      {&m_endpoints, m_endpointsStatus}};
    for (const auto &[model, status] : tables) {
        connect(model, &Models::AggregateTableModel::loaded, this, &NetworkPage::showCounts);
        connect(model, &Models::AggregateTableModel::modelReset, this, &NetworkPage::showCounts);
        connect(model, &Models::AggregateTableModel::failed, status, [label = status](const QString &message) {
            label->setText(tr("The table could not be read: %1").arg(message));
        });
    }
    if (session.isOpen())
        caseOpened();
}

NetworkPage::~NetworkPage()
{
    m_controller.setWorker(nullptr);
    m_conversations.setWorker(nullptr);
    m_endpoints.setWorker(nullptr);
}

QWidget *NetworkPage::tablePage(QTableView *view, QLabel *status)
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(view, 1);
    layout->addWidget(status);
    return page;
}

void NetworkPage::caseOpened()
{
    m_worker = session().openWorker();
    Core::NetworkFilter filter;
    filter.range = session().selection().timeRange();
    m_conversations.setWorker(nullptr);
    m_endpoints.setWorker(nullptr);
    m_conversations.setFilter(filter);
    m_endpoints.setFilter(filter);
    m_conversations.setWorker(m_worker.get());
    m_endpoints.setWorker(m_worker.get());
    m_controller.setWorker(m_worker.get());
    followTimeSpan(session(), *m_worker, m_panel);
    m_controller.start(Models::overviewSeed());
}

void NetworkPage::caseClosed()
{
    m_controller.setWorker(nullptr);
    m_conversations.setWorker(nullptr);
    m_endpoints.setWorker(nullptr);
    m_worker.reset();
}

void NetworkPage::followProcess(qint64 processId)
{
    const QString key = Models::processKey(processId);
    if (!m_selecting && !m_controller.document().node(key)) {
        const auto host = session().selection().host();
        m_controller.start(Models::processSeed(processId, host.value_or(0), Models::kNetworkProcessColumn));
    }
    m_panel->view()->setCurrent(key);
}

void NetworkPage::followEndpoint(const std::optional<Models::Endpoint> &endpoint)
{
    if (!endpoint || endpoint->address.isEmpty())
        return;
    const QString key = Models::remoteKey(endpoint->address);
    if (!m_selecting && !m_controller.document().node(key))
        m_controller.start(Models::remoteSeed(endpoint->address));
    m_panel->view()->setCurrent(key);
}

void NetworkPage::followRange(const Core::TimeRange &range)
{
    m_panel->setHubRange(range);
    for (Models::AggregateTableModel *model : {static_cast<Models::AggregateTableModel *>(&m_conversations),
                                               static_cast<Models::AggregateTableModel *>(&m_endpoints)}) {
        Core::NetworkFilter filter = model->filter();
        filter.range = range;
        model->setFilter(filter);
    }
}

void NetworkPage::selectNode(const QString &key)
{
    const auto *node = m_controller.document().node(key);
    if (!node)
        return;
    auto &hub = session().selection();
    m_selecting = true;
    if (node->kind == Models::NodeKind::Process && node->id > 0)
        hub.setProcess(node->id, node->hostId);
    else if (node->kind == Models::NodeKind::Remote)
        hub.setEndpoint(Models::Endpoint{node->address, std::nullopt});
    else if (node->kind == Models::NodeKind::Host)
        hub.setHost(node->id);
    m_selecting = false;
}

void NetworkPage::conversationSelected(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const Core::ConversationRow &row = m_conversations.conversation(index.row());
    auto &hub = session().selection();
    m_selecting = true;
    if (row.processId)
        hub.setProcess(*row.processId, row.hostId);
    hub.setEndpoint(Models::Endpoint{row.raddr, row.rport});
    m_selecting = false;
    // The graph shows the conversation's process (or its remote end) with everything it talked to.
    const QString key = row.processId ? Models::processKey(*row.processId) : Models::remoteKey(row.raddr);
    if (!m_controller.document().node(key)) {
        m_controller.start(row.processId
                               ? Models::processSeed(*row.processId, row.hostId, Models::kNetworkProcessColumn)
                               : Models::remoteSeed(row.raddr));
    }
    m_panel->view()->setCurrent(key);
}

void NetworkPage::endpointSelected(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QString address = m_endpoints.endpoint(index.row()).address;
    m_selecting = true;
    session().selection().setEndpoint(Models::Endpoint{address, std::nullopt});
    m_selecting = false;
    if (!m_controller.document().node(Models::remoteKey(address)))
        m_controller.start(Models::remoteSeed(address));
    m_panel->view()->setCurrent(Models::remoteKey(address));
}

void NetworkPage::showCounts()
{
    m_conversationsStatus->setText(
        countText(m_conversations, tr("%1 of %2 conversations (scroll for more)"), tr("%1 conversations")));
    m_endpointsStatus->setText(
        countText(m_endpoints, tr("%1 of %2 remote addresses (scroll for more)"), tr("%1 remote addresses")));
}

} // namespace Deck::Gui
