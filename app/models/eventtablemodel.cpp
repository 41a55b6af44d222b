// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventtablemodel.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace Deck::Models {

EventTableModel::EventTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

template <typename T, typename Done> void EventTableModel::watch(const QFuture<T> &future, Done done)
{
    auto *watcher = new QFutureWatcher<T>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, done = std::move(done)] {
        if (watcher->future().resultCount() > 0)
            done(watcher->future().result());
        watcher->deleteLater();
    });
    watcher->setFuture(future);
}

void EventTableModel::show(CaseWorker *pages, CaseWorker *walker, const Core::EventScope &scope)
{
    clear();
    m_pages = pages;
    m_walker = walker;
    m_scope = scope;
    m_complete = !pages || !walker;
    if (!m_complete)
        walkNext();
}

void EventTableModel::clear()
{
    beginResetModel();
    ++m_generation;
    m_pages = m_walker = nullptr;
    m_rows = 0;
    m_complete = true;
    m_walkedTo.reset();
    m_anchors.clear();
    m_cache.clear();
    m_recent.clear();
    m_requested.clear();
    endResetModel();
    Q_EMIT countChanged(0, true);
}

void EventTableModel::walkNext()
{
    const int limit = m_rows == 0 ? kFirstSlice : kSlice;
    auto future
        = m_walker->run([scope = m_scope, after = m_walkedTo, first = qint64(m_rows), limit](Core::Database &db) {
              return Core::EventTableQueries(db).walk(scope, after, first, limit, kPageRows);
          });
    watch(future, [this, generation = m_generation, limit](const Core::Expected<Core::EventKeySlice> &slice) {
        if (generation != m_generation)
            return;
        if (!slice) {
            m_complete = true;
            Q_EMIT failed(slice.error().message);
            Q_EMIT countChanged(m_rows, true);
            return;
        }
        // A Qt model counts rows in an int: a stream longer than that is shown up to INT_MAX rows.
        const int added = int(std::min<qint64>(slice->rows, INT_MAX - m_rows));
        if (added > 0) {
            beginInsertRows({}, m_rows, m_rows + added - 1);
            m_rows += added;
            m_anchors += slice->anchors;
            endInsertRows();
        }
        m_walkedTo = slice->last;
        m_complete = slice->rows < limit || m_rows == INT_MAX;
        Q_EMIT countChanged(m_rows, m_complete);
        if (!m_complete)
            walkNext();
    });
}

void EventTableModel::requestPage(int page)
{
    if (page < 0 || page >= m_anchors.size() || !m_pages || m_requested.contains(page) || m_cache.contains(page))
        return;
    m_requested.insert(page);
    auto future = m_pages->run([scope = m_scope, from = m_anchors[page]](Core::Database &db) -> PageResult {
        auto rows = Core::EventTableQueries(db).rows(scope, from, kPageRows);
        if (!rows)
            return rows.error();
        QList<EventRowView> views;
        views.reserve(rows->size());
        for (const Core::EventTableRow &row : std::as_const(*rows))
            views.append(eventRowView(row));
        return views;
    });
    watch(future, [this, generation = m_generation, page](const PageResult &rows) {
        if (generation != m_generation)
            return;
        m_requested.remove(page);
        if (!rows) {
            Q_EMIT failed(rows.error().message);
            return;
        }
        storePage(page, *rows);
    });
}

void EventTableModel::storePage(int page, QList<EventRowView> rows)
{
    const int first = page * kPageRows;
    const int last = std::min(m_rows, first + kPageRows) - 1;
    rows.resize(std::min<qsizetype>(rows.size(), last - first + 1));
    m_cache.insert(page, std::move(rows));
    m_recent.removeOne(page);
    m_recent.append(page);
    while (m_recent.size() > kCachedPages)
        m_cache.remove(m_recent.takeFirst());
    Q_EMIT dataChanged(index(first, 0), index(last, kEventColumns - 1));
    Q_EMIT pageLoaded(first, last);
}

const EventRowView *EventTableModel::loadedRow(int row) const
{
    const auto page = m_cache.constFind(row / kPageRows);
    if (page == m_cache.constEnd() || row % kPageRows >= page->size())
        return nullptr;
    return &(*page)[row % kPageRows];
}

int EventTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int EventTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kEventColumns;
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EventRowView *row = loadedRow(index.row());
    if (!row) {
        if (role == Qt::DisplayRole) {
            // The page is asked for once; the view repaints when dataChanged says it landed.
            const_cast<EventTableModel *>(this)->requestPage(index.row() / kPageRows);
            return index.column() == 0 ? tr("loading…") : QString();
        }
        if (role == Qt::ForegroundRole)
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        // Reading past the middle of a page asks for the next one (the first quarter: the previous one), so that
        // scrolling on finds it loaded.
        if (index.column() == 0) {
            const int within = index.row() % kPageRows;
            if (within >= kPageRows / 2 || within < kPageRows / 4)
                const_cast<EventTableModel *>(this)->requestPage(index.row() / kPageRows
                                                                 + (within >= kPageRows / 2 ? 1 : -1));
        }
        return row->text[index.column()];
    case Qt::ToolTipRole:
        return index.column() >= int(EventColumn::Object) ? row->toolTip : QVariant();
    case Qt::ForegroundRole:
        return row->isLoss ? QVariant(QColor(0xb0, 0x30, 0x20)) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == int(EventColumn::User) ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= kEventColumns)
        return {};
    static const char *const titles[]
        = {QT_TR_NOOP("Time (UTC)"), QT_TR_NOOP("Host"),   QT_TR_NOOP("Process"), QT_TR_NOOP("User"),
           QT_TR_NOOP("Kind"),       QT_TR_NOOP("Object"), QT_TR_NOOP("Detail")};
    return tr(titles[section]);
}

} // namespace Deck::Models
