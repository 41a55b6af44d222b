// SPDX-License-Identifier: GPL-3.0-or-later
// Every event of the open case (or of a host, a time range, a display filter) in one lazy table, in time order, for
// tens of millions of rows (Wireshark's technique): show() starts a new generation that walks the stream's keys on
// a worker of the page's own, in slices, keeping one key per page of kPageRows rows and inserting the rows in
// batches as the slices land (so the first rows show at once and the count grows); data() answers from a small
// cache of pages and, on a miss, asks the quick worker for the page (read from its key) and returns a placeholder
// until dataChanged() says it landed. Results of an older generation are dropped. Sorted by time only; rows have
// one line of text, so views can use fixed row heights.
// Thread: the GUI thread. The workers must outlive the generation they were given to (clear() ends it).
#pragma once

#include "caseworker.h"
#include "eventrowview.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QHash>

namespace Deck::Models {

class EventTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int kPageRows = 256;
    static constexpr int kCachedPages = 64;
    static constexpr int kFirstSlice = 4 * kPageRows; // small, so that the first page shows at once
    static constexpr int kSlice = 256 * kPageRows;

    explicit EventTableModel(QObject *parent = nullptr);

    // Starts a new generation: no rows, then the events of `scope` as they are walked. `pages` reads pages of rows
    // (quick queries), `walker` walks the keys (long; a worker of the caller's own).
    void show(CaseWorker *pages, CaseWorker *walker, const Core::EventScope &scope);
    // No rows, no workers.
    void clear();

    bool isComplete() const { return m_complete; } // every row of the generation is counted
    // The row's data when its page is loaded; nullptr otherwise (and then nothing is asked for).
    const EventRowView *loadedRow(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void countChanged(int rows, bool complete);
    void pageLoaded(int firstRow, int lastRow);
    void failed(const QString &message); // a query failed: names the case and the reason

private:
    using PageResult = Core::Expected<QList<EventRowView>>;
    template <typename T, typename Done> void watch(const QFuture<T> &future, Done done);
    void walkNext();
    void requestPage(int page);
    void storePage(int page, QList<EventRowView> rows);

    CaseWorker *m_pages = nullptr;
    CaseWorker *m_walker = nullptr;
    Core::EventScope m_scope;
    quint64 m_generation = 0;
    int m_rows = 0;
    bool m_complete = true;
    std::optional<Core::EventKey> m_walkedTo;
    QList<Core::EventKey> m_anchors; // the key of row page * kPageRows, per page
    QHash<int, QList<EventRowView>> m_cache;
    QList<int> m_recent; // cached pages, least recently loaded first
    QSet<int> m_requested;
};

} // namespace Deck::Models
