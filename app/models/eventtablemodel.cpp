// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventtablemodel.h"

#include "objectrefrole.h"
#include "queryresult.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QSemaphore>

namespace Deck::Models {

EventTableModel::EventTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
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
    m_stopped = m_walking = false;
    m_walkedTo.reset();
    m_firstTs.reset();
    m_spanEnd.reset();
    m_anchors.clear();
    m_cache.clear();
    m_recent.clear();
    m_requested.clear();
    m_landings.clear();
    for (QFuture<PageResult> &future : m_prefetches)
        future.cancel();
    m_prefetches.clear();
    endResetModel();
    Q_EMIT countChanged(0, true);
}

qint64 EventTableModel::estimatedRows() const
{
    if (m_complete)
        return m_rows;
    if (!m_firstTs || !m_spanEnd || !m_walkedTo || m_walkedTo->ts <= *m_firstTs)
        return -1;
    // The stream is in time order: the rows walked over the time walked, times the whole span.
    const double share
        = double(m_walkedTo->ts - *m_firstTs) / double(std::max(*m_spanEnd, m_walkedTo->ts) - *m_firstTs);
    return std::max<qint64>(m_rows + 1, qint64(double(m_rows) / share));
}

void EventTableModel::stopCounting()
{
    if (m_complete || m_stopped)
        return;
    m_stopped = true; // the slice in flight is taken, no further one is asked for
    Q_EMIT countChanged(m_rows, false);
}

void EventTableModel::countOn()
{
    if (m_complete || !m_stopped)
        return;
    m_stopped = false;
    if (!m_walking)
        walkNext();
    Q_EMIT countChanged(m_rows, false);
}

void EventTableModel::askSpanEnd()
{
    auto future
        = m_pages->run([scope = m_scope](Core::Database &db) { return Core::EventTableQueries(db).lastTime(scope); });
    whenFinished(
        future, this,
        [this, generation = m_generation](const Core::Expected<std::optional<qint64>> &last) {
            if (generation != m_generation || !last)
                return; // no estimate: the count alone is shown
            m_spanEnd = *last;
            if (!m_complete)
                Q_EMIT countChanged(m_rows, false);
        },
        [] {});
}

void EventTableModel::walkNext()
{
    const int limit = m_rows == 0 ? kFirstSlice : m_sliceRows;
    m_walking = true;
    auto future
        = m_walker->run([scope = m_scope, after = m_walkedTo, first = qint64(m_rows), limit](Core::Database &db) {
              return Core::EventTableQueries(db).walk(scope, after, first, limit, kPageRows);
          });
    whenFinished(
        future, this,
        [this, generation = m_generation, limit](const Core::Expected<Core::EventKeySlice> &slice) {
            if (generation != m_generation)
                return;
            m_walking = false;
            if (!slice) {
                m_complete = true;
                Q_EMIT failed(slice.error().message);
                Q_EMIT countChanged(m_rows, true);
                return;
            }
            // A Qt model counts rows in an int: a stream longer than that is shown up to INT_MAX rows.
            const bool firstSlice = m_rows == 0;
            const int added = int(std::min<qint64>(slice->rows, INT_MAX - m_rows));
            if (added > 0) {
                if (firstSlice)
                    m_firstTs = slice->anchors.value(0).ts;
                beginInsertRows({}, m_rows, m_rows + added - 1);
                m_rows += added;
                m_anchors += slice->anchors;
                endInsertRows();
            }
            m_walkedTo = slice->last;
            m_complete = slice->rows < limit || m_rows == INT_MAX;
            if (!m_complete && firstSlice)
                askSpanEnd(); // only for a stream longer than the first slice
            Q_EMIT countChanged(m_rows, m_complete);
            if (!m_complete && !m_stopped)
                walkNext();
        },
        [] {});
}

struct EventTableModel::PageLanding
{
    QSemaphore landed; // released by the worker once `rows` is set
    PageResult rows = QList<EventRowView>();
    bool late = false; // the GUI thread waited for it once in vain: it does not wait again (it lands by dataChanged)
};

void EventTableModel::requestPage(int page, bool prefetch)
{
    if (page < 0 || page >= m_anchors.size() || !m_pages || m_requested.contains(page) || m_cache.contains(page))
        return;
    if (!prefetch) {
        // The view needs this page now: what was prefetched for where it was waits no more before it.
        for (auto it = m_prefetches.begin(); it != m_prefetches.end(); ++it) {
            it->cancel(); // skipped if still queued; a running one's rows are dropped
            m_requested.remove(it.key());
            m_landings.remove(it.key());
        }
        m_prefetches.clear();
    }
    m_requested.insert(page);
    auto landing = std::make_shared<PageLanding>();
    m_landings.insert(page, landing);
    auto future = m_pages->run([scope = m_scope, from = m_anchors[page], landing](Core::Database &db) -> PageResult {
        const auto read = [&]() -> PageResult {
            auto rows = Core::EventTableQueries(db).rows(scope, from, kPageRows);
            if (!rows)
                return rows.error();
            QList<EventRowView> views;
            views.reserve(rows->size());
            for (const Core::EventTableRow &row : std::as_const(*rows))
                views.append(eventRowView(row));
            return views;
        };
        landing->rows = read();
        landing->landed.release();
        return landing->rows;
    });
    if (prefetch)
        m_prefetches.insert(page, future);
    whenFinished(
        future, this,
        [this, generation = m_generation, page](const PageResult &rows) {
            if (generation != m_generation)
                return;
            m_requested.remove(page);
            m_prefetches.remove(page);
            m_landings.remove(page);
            if (!rows) {
                Q_EMIT failed(rows.error().message);
                return;
            }
            if (!m_cache.contains(page)) // else awaitRow() had it in time
                storePage(page, *rows);
        },
        [] {});
}

const EventRowView *EventTableModel::awaitRow(int row)
{
    const int page = row / kPageRows;
    requestPage(page, false); // unless it is asked for already: a prefetch, or a miss that came late
    const auto landing = m_landings.value(page);
    if (!landing || landing->late || m_missWaitMs == 0)
        return nullptr;
    if (!landing->landed.tryAcquire(1, m_missWaitMs)) {
        landing->late = true; // one wait per page, not one per cell
        return nullptr;
    }
    if (!landing->rows)
        return nullptr; // the watcher reports the error
    cachePage(page, *landing->rows);
    // Told later, not inside the paint that asked: what follows a loaded page (the selection it completes).
    const int first = page * kPageRows, last = std::min(m_rows, first + kPageRows) - 1;
    QMetaObject::invokeMethod(
        this,
        [this, generation = m_generation, first, last] {
            if (generation == m_generation)
                Q_EMIT pageLoaded(first, last);
        },
        Qt::QueuedConnection);
    return loadedRow(row);
}

void EventTableModel::prefetchAround(int row)
{
    // Nearest first, below before above: the rows under a shown one are the likeliest to be shown next (the rest of
    // the viewport, a page-down).
    const int here = row / kPageRows;
    const int first = std::max(0, row - kPrefetchRows) / kPageRows;
    const int last = std::min(m_rows - 1, row + kPrefetchRows) / kPageRows;
    for (int distance = 1; here + distance <= last || here - distance >= first; ++distance) {
        if (here + distance <= last)
            requestPage(here + distance, true);
        if (here - distance >= first)
            requestPage(here - distance, true);
    }
    requestPage(here, true);
}

void EventTableModel::cachePage(int page, QList<EventRowView> rows)
{
    const int first = page * kPageRows;
    const int last = std::min(m_rows, first + kPageRows) - 1;
    rows.resize(std::min<qsizetype>(rows.size(), last - first + 1));
    m_cache.insert(page, std::move(rows));
    m_recent.removeOne(page);
    m_recent.append(page);
    while (m_recent.size() > kCachedPages)
        m_cache.remove(m_recent.takeFirst());
}

void EventTableModel::storePage(int page, QList<EventRowView> rows)
{
    cachePage(page, std::move(rows));
    const int first = page * kPageRows;
    const int last = std::min(m_rows, first + kPageRows) - 1;
    Q_EMIT dataChanged(index(first, 0), index(last, kEventColumns - 1));
    Q_EMIT pageLoaded(first, last);
}

void EventTableModel::setMarks(const NoteTexts &notes, const BookmarkedObjects &bookmarked)
{
    m_notes = notes;
    m_bookmarked = bookmarked;
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, 0), {Qt::DecorationRole, Qt::ToolTipRole});
}

ObjectMarks EventTableModel::marksOf(const EventRowView &row) const
{
    return row.object ? Models::marksOf(m_notes, m_bookmarked, {int(row.object->type), row.object->id}) : ObjectMarks();
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

const EventRowView *EventTableModel::shownRow(int row) const
{
    const EventRowView *shown = loadedRow(row);
    if (!shown) // the page is asked for once; when it is late, the view repaints when dataChanged says it landed
        shown = const_cast<EventTableModel *>(this)->awaitRow(row);
    return shown;
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return cellData(shownRow(index.row()), index, role);
}

void EventTableModel::multiData(const QModelIndex &index, QModelRoleDataSpan roleDataSpan) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        for (QModelRoleData &roleData : roleDataSpan)
            roleData.clearData();
        return;
    }
    const EventRowView *row = shownRow(index.row());
    for (QModelRoleData &roleData : roleDataSpan)
        roleData.setData(cellData(row, index, roleData.role()));
}

QVariant EventTableModel::cellData(const EventRowView *row, const QModelIndex &index, int role) const
{
    if (!row) {
        if (role == Qt::DisplayRole)
            return index.column() == 0 ? tr("loading…") : QString();
        if (role == Qt::ForegroundRole)
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        if (role == Qt::DecorationRole && index.column() == 0)
            return markDecoration({}); // the marker's place, as in every row: the times line up
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        // A shown row asks for the pages around it, so that scrolling on (a page up or down) finds them loaded.
        if (index.column() == 0)
            const_cast<EventTableModel *>(this)->prefetchAround(index.row());
        return row->text[index.column()];
    case Qt::ToolTipRole:
        if (index.column() == 0) {
            const QString marks = markToolTip(marksOf(*row));
            return marks.isEmpty() ? QVariant() : QVariant(marks);
        }
        return index.column() >= int(EventColumn::Object) ? row->toolTip : QVariant();
    case Qt::DecorationRole:
        // The marks' marker (a bookmark's ribbon, a note's square) before the time, or a blank in its place.
        return index.column() == 0 ? markDecoration(marksOf(*row)) : QVariant();
    case ObjectRefRole:
        return row->object ? QVariant::fromValue(*row->object) : QVariant();
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
