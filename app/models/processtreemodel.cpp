// SPDX-License-Identifier: GPL-3.0-or-later
#include "processtreemodel.h"

#include "casesession.h"
#include "processqueries.h"
#include "truststore.h"

#include <QFutureWatcher>

namespace Deck::Models {

namespace {
// A page that kept fewer rows than this after the user/time filter asks for the next one at once.
constexpr int kMinKeptRows = 50;
} // namespace

struct ProcessTreeModel::Fetched
{
    QList<Core::ProcessRow> rows;
    QList<QPair<qint64, QString>> hosts;
    std::optional<Core::Cursor> next;
    QString error;
};

ProcessTreeModel::ProcessTreeModel(CaseSession &session, QObject *parent)
    : QAbstractItemModel(parent)
    , m_session(session)
    , m_root(std::make_unique<Node>())
{
    connect(&session, &CaseSession::opened, this, &ProcessTreeModel::reload);
    connect(&session, &CaseSession::closed, this, &ProcessTreeModel::reload);
    if (session.isOpen())
        reload();
}

ProcessTreeModel::~ProcessTreeModel() = default;

void ProcessTreeModel::setFilter(const ProcessTreeFilter &filter)
{
    m_filter = filter;
    reload();
}

void ProcessTreeModel::reload()
{
    beginResetModel();
    ++m_generation;
    m_root = std::make_unique<Node>();
    m_revealPath.clear();
    m_revealHost.reset();
    endResetModel();
    if (!m_session.isOpen()) {
        m_worker.reset();
        return;
    }
    if (!m_worker)
        m_worker = m_session.openWorker();
    fetch(m_root.get());
}

ProcessTreeModel::Node *ProcessTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex ProcessTreeModel::indexOf(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

const Core::ProcessRow *ProcessTreeModel::processAt(const QModelIndex &index) const
{
    const Node *node = index.isValid() ? nodeOf(index) : nullptr;
    return node && node->kind == Node::Kind::Process ? &node->process : nullptr;
}

QModelIndex ProcessTreeModel::indexOfProcess(qint64 processId) const
{
    // Breadth-first over what is loaded: the tree holds only expanded levels.
    std::vector<const Node *> queue{m_root.get()};
    for (size_t i = 0; i < queue.size(); ++i) {
        for (const auto &child : queue[i]->children) {
            if (child->kind == Node::Kind::Process && child->process.id == processId)
                return indexOf(child.get());
            if (!child->children.empty())
                queue.push_back(child.get());
        }
    }
    return {};
}

bool ProcessTreeModel::keeps(const Core::ProcessRow &row) const
{
    if (m_filter.uid && row.uid != m_filter.uid)
        return false;
    if (!m_filter.userName.isEmpty() && row.userName != m_filter.userName)
        return false;
    if (m_filter.range.to && row.startTs >= *m_filter.range.to)
        return false;
    if (m_filter.range.from && row.exitTs && *row.exitTs < *m_filter.range.from)
        return false;
    return true;
}

bool ProcessTreeModel::canFetch(const Node *node) const
{
    if (!m_worker || !node->mayHaveChildren())
        return false;
    return node->fetch == Node::Fetch::NotFetched || (node->fetch == Node::Fetch::Partial && node->next);
}

void ProcessTreeModel::fetch(Node *node)
{
    if (!canFetch(node))
        return;
    // The rows change only after fetchMore() returns: a view (or QAbstractItemModelTester) may call it while it
    // handles another change of the model.
    node->fetch = Node::Fetch::Fetching;
    track(+1);
    QMetaObject::invokeMethod(
        this,
        [this, node, generation = m_generation] {
            if (generation == m_generation && m_worker)
                startFetch(node);
            else
                track(-1);
        },
        Qt::QueuedConnection);
}

void ProcessTreeModel::startFetch(Node *node)
{
    setPlaceholder(node, true);
    const Core::PageRequest page{m_pageSize, node->next};
    const Core::TimeRange range = m_filter.range;
    std::function<Fetched(Core::Database &)> job;
    const auto fromPage = [](Core::Expected<Core::Page<Core::ProcessRow>> result) {
        Fetched fetched;
        if (!result) {
            fetched.error = result.error().message;
            return fetched;
        }
        fetched.rows = std::move(result->rows);
        fetched.next = result->next;
        return fetched;
    };
    if (node->kind == Node::Kind::Process) {
        job = [id = node->process.id, page, fromPage](Core::Database &db) {
            return fromPage(Core::ProcessQueries(db).children(id, page));
        };
    } else if (node->kind == Node::Kind::Host || m_filter.host) {
        const qint64 host = node->kind == Node::Kind::Host ? node->hostId : *m_filter.host;
        job = [host, range, page, fromPage](Core::Database &db) {
            return fromPage(Core::ProcessQueries(db).roots(host, range, page));
        };
    } else {
        job = [](Core::Database &db) {
            Fetched fetched;
            auto hosts = Core::TrustStore(db).hosts();
            if (!hosts)
                fetched.error = hosts.error().message;
            else
                for (const auto &host : std::as_const(*hosts))
                    fetched.hosts.append({host.id, host.hostname});
            return fetched;
        };
    }
    auto *watcher = new QFutureWatcher<Fetched>(this);
    connect(watcher, &QFutureWatcher<Fetched>::finished, this, [this, watcher, node, generation = m_generation] {
        watcher->deleteLater();
        track(-1);
        if (watcher->future().resultCount() == 0 || generation != m_generation)
            return;
        land(node, watcher->result());
    });
    watcher->setFuture(m_worker->run(std::move(job)));
}

void ProcessTreeModel::land(Node *node, const Fetched &fetched)
{
    setPlaceholder(node, false);
    if (!fetched.error.isEmpty()) {
        node->fetch = Node::Fetch::Done;
        Q_EMIT loadFailed(fetched.error);
        failReveal(fetched.error);
        return;
    }
    std::vector<std::unique_ptr<Node>> rows;
    for (const auto &[hostId, hostname] : fetched.hosts) {
        auto host = std::make_unique<Node>();
        host->kind = Node::Kind::Host;
        host->hostId = hostId;
        host->hostname = hostname;
        rows.push_back(std::move(host));
    }
    for (const Core::ProcessRow &row : fetched.rows) {
        const bool kept = keeps(row);
        // Children start after their parent: below one that started after the range, nothing can match.
        const bool startedAfter = m_filter.range.to && row.startTs >= *m_filter.range.to;
        if (!kept && (!row.hasChildren || startedAfter))
            continue;
        auto process = std::make_unique<Node>();
        process->kind = Node::Kind::Process;
        process->process = row;
        process->hostId = row.hostId;
        process->context = !kept;
        rows.push_back(std::move(process));
    }
    const int kept = int(rows.size());
    appendRows(node, std::move(rows));
    node->next = fetched.next;
    node->fetch = fetched.next ? Node::Fetch::Partial : Node::Fetch::Done;
    if (node->kind == Node::Kind::Process && node->children.empty() && node->fetch == Node::Fetch::Done) {
        // Every child was filtered out: the row no longer offers an expander.
        node->process.hasChildren = false;
        const QModelIndex index = indexOf(node);
        Q_EMIT dataChanged(index, index.siblingAtColumn(ColumnCount - 1));
    }
    const bool filtered = m_filter.uid || !m_filter.userName.isEmpty() || m_filter.range.from || m_filter.range.to;
    if (node->fetch == Node::Fetch::Partial && kept < kMinKeptRows && filtered)
        fetch(node);
    continueReveal();
}

void ProcessTreeModel::appendRows(Node *node, std::vector<std::unique_ptr<Node>> rows)
{
    if (rows.empty())
        return;
    const int first = int(node->children.size());
    beginInsertRows(indexOf(node), first, first + int(rows.size()) - 1);
    for (auto &row : rows) {
        row->parent = node;
        row->row = int(node->children.size());
        node->children.push_back(std::move(row));
    }
    endInsertRows();
}

void ProcessTreeModel::setPlaceholder(Node *node, bool shown)
{
    const bool has = !node->children.empty() && node->children.back()->kind == Node::Kind::Placeholder;
    if (has == shown)
        return;
    const int row = shown ? int(node->children.size()) : int(node->children.size()) - 1;
    if (shown) {
        beginInsertRows(indexOf(node), row, row);
        auto placeholder = std::make_unique<Node>();
        placeholder->kind = Node::Kind::Placeholder;
        placeholder->parent = node;
        placeholder->row = row;
        node->children.push_back(std::move(placeholder));
        endInsertRows();
    } else {
        beginRemoveRows(indexOf(node), row, row);
        node->children.pop_back();
        endRemoveRows();
    }
}

void ProcessTreeModel::track(int delta)
{
    m_pending += delta;
    Q_EMIT pendingChanged(m_pending);
}

QModelIndex ProcessTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0 || (parent.isValid() && parent.column() != 0))
        return {};
    const Node *node = nodeOf(parent);
    if (row >= int(node->children.size()))
        return {};
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex ProcessTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int ProcessTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int ProcessTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool ProcessTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    const Node *node = nodeOf(parent);
    return !node->children.empty() || (node->mayHaveChildren() && node->fetch != Node::Fetch::Done);
}

bool ProcessTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    return canFetch(nodeOf(parent));
}

void ProcessTreeModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() && parent.column() != 0)
        return;
    fetch(nodeOf(parent));
}

} // namespace Deck::Models
