// SPDX-License-Identifier: GPL-3.0-or-later
// Every event of the open case (or of a host, a time range, a display filter) in one lazy table, in time order, for
// tens of millions of rows (Wireshark's technique): show() starts a new generation that walks the stream's keys on
// a worker of the page's own, in slices, keeping one key per page of kPageRows rows and inserting the rows in
// batches as the slices land (so the first rows show at once and the count grows); data() answers from a cache of
// pages and, on a miss, asks the quick worker for the page (read from its key: keyset pagination) and returns a
// placeholder until dataChanged() says it landed — unless it lands within missWaitMs(): data() waits that long for
// the page (a page reads in about 1 ms), so that a jump paints its rows once instead of placeholders and then rows
// (two paints: the 16 ms budget of DESIGN.md); a shown row prefetches the pages within kPrefetchRows of it, and a
// miss drops the prefetches still queued (they were for where the view was). Results of an older generation are
// dropped. Sorted by time only; rows have one line of text, so views can use fixed row heights.
// The count: until the walk ends, estimatedRows() extrapolates the rows walked over the scope's time span (the
// stream is in time order; the span's end is read from the tables' (host_id, ts) indexes); stopCounting() ends the
// walk after the slice in flight (the rows counted stay and can be scrolled), countOn() takes it up again; a new
// generation (show(), clear()) drops the old walk the same way.
// Thread: the GUI thread. The workers must outlive the generation they were given to (clear() ends it).
#pragma once

#include "caseworker.h"
#include "eventrowview.h"
#include "markdecoration.h"
#include "notesfeed.h"

#include <QAbstractTableModel>
#include <QFuture>
#include <QHash>

#include <memory>

namespace Deck::Models {

class EventTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // A page is about a screen of rows: a jump reads one or two pages, not two of 256 rows (it cost 4x as much).
    static constexpr int kPageRows = 64;
    static constexpr int kCachedPages = 512;
    static constexpr int kPrefetchRows = 2 * kPageRows;
    static constexpr int kFirstSlice = 16 * kPageRows; // small, so that the first page shows at once
    static constexpr int kSlice = 1024 * kPageRows;

    explicit EventTableModel(QObject *parent = nullptr);

    // Starts a new generation: no rows, then the events of `scope` as they are walked. `pages` reads pages of rows
    // (quick queries), `walker` walks the keys (long; a worker of the caller's own).
    void show(CaseWorker *pages, CaseWorker *walker, const Core::EventScope &scope);
    // No rows, no workers.
    void clear();

    bool isComplete() const { return m_complete; } // every row of the generation is counted
    bool isCounting() const { return !m_complete && !m_stopped; }
    // Until complete: the rows the scope likely has (at least rowCount()), or -1 when not known yet; then rowCount().
    qint64 estimatedRows() const;
    void stopCounting();
    void countOn();
    // Keys walked per slice after the first (tests make it small to stop a walk midway).
    void setSliceRows(int rows) { m_sliceRows = std::max(kPageRows, rows); }
    // How long data() waits on the GUI thread for a missing page before it answers with a placeholder; 0: never.
    static constexpr int kMissWaitMs = 8;
    void setMissWaitMs(int ms) { m_missWaitMs = std::max(0, ms); }
    int missWaitMs() const { return m_missWaitMs; }
    // The case's notes and bookmarks (NotesFeed): a row whose object has one shows its marker in its first column
    // (markdecoration.h: a bookmark's, a note's or both) and says which in its tool tip, with the note.
    void setMarks(const NoteTexts &notes, const BookmarkedObjects &bookmarked);
    ObjectMarks marksOf(const EventRowView &row) const;
    // The row's data when its page is loaded; nullptr otherwise (and then nothing is asked for).
    const EventRowView *loadedRow(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // Every role of a cell from one look-up of its row (the events table's delegate asks for all it paints at once).
    void multiData(const QModelIndex &index, QModelRoleDataSpan roleDataSpan) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // The rows counted, whether that is all, and the estimate (estimatedRows()) at that time.
    void countChanged(int rows, bool complete);
    void pageLoaded(int firstRow, int lastRow);
    void failed(const QString &message); // a query failed: names the case and the reason

private:
    using PageResult = Core::Expected<QList<EventRowView>>;
    void walkNext();
    struct PageLanding; // a page read's result, handed over as soon as the worker has it
    void requestPage(int page, bool prefetch);
    const EventRowView *awaitRow(int row); // asks for the row's page and waits up to m_missWaitMs for it
    void prefetchAround(int row);
    void askSpanEnd();
    void cachePage(int page, QList<EventRowView> rows); // without telling the views (they are painting it)
    void storePage(int page, QList<EventRowView> rows);
    const EventRowView *shownRow(int row) const; // loaded, or waited for (awaitRow); nullptr: the placeholder
    QVariant cellData(const EventRowView *row, const QModelIndex &index, int role) const;

    CaseWorker *m_pages = nullptr;
    CaseWorker *m_walker = nullptr;
    Core::EventScope m_scope;
    quint64 m_generation = 0;
    int m_rows = 0;
    bool m_complete = true;
    std::optional<Core::EventKey> m_walkedTo;
    bool m_stopped = false;
    bool m_walking = false; // a slice is in flight
    int m_sliceRows = kSlice;
    int m_missWaitMs = kMissWaitMs;
    std::optional<qint64> m_firstTs; // of the first row
    std::optional<qint64> m_spanEnd; // the last event time of the scope's hosts and range (the filter aside)
    QList<Core::EventKey> m_anchors; // the key of row page * kPageRows, per page
    QHash<int, QList<EventRowView>> m_cache;
    QList<int> m_recent; // cached pages, least recently loaded first
    QSet<int> m_requested;
    QHash<int, QFuture<PageResult>> m_prefetches; // queued or running; cancelled on a miss
    QHash<int, std::shared_ptr<PageLanding>> m_landings; // of every page asked for and not yet stored
    NoteTexts m_notes;
    BookmarkedObjects m_bookmarked;
};

} // namespace Deck::Models
