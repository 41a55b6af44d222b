// SPDX-License-Identifier: GPL-3.0-or-later
// A table over an aggregate query of the network map (conversations, endpoints), read lazily: the first page of
// kPageRows rows when (re)loaded, the next ones when the view scrolls to the end (canFetchMore/fetchMore, as
// QSqlQueryModel does), each on the worker. Sorting is done by the query (sort() reloads), filtering by a
// NetworkFilter (setFilter() reloads); total() is the number of rows of the whole result. A page that arrives after
// a reload is dropped (generation number). Text is made when a cell is painted.
// Thread: the GUI thread; the worker is not owned and must outlive the model's requests.
#pragma once

#include "caseworker.h"
#include "endpointmarks.h"
#include "markdecoration.h"
#include "networkqueries.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>

namespace Deck::Models {

class AggregateTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int kPageRows = 500;

    using QAbstractTableModel::QAbstractTableModel;

    void setWorker(CaseWorker *worker);
    void setFilter(const Core::NetworkFilter &filter);
    const Core::NetworkFilter &filter() const { return m_filter; }
    qint64 total() const { return m_total; }
    bool isLoading() const { return m_loading; }
    void reload();

    QVariant data(const QModelIndex &index, int role) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order) override;

    // The case's marks (not owned; null: none): a cell that names a remote endpoint (markTarget()) shows its bookmark
    // and note markers (markdecoration.h) and says which in its tool tip, kept current as the marks change.
    void setMarks(const NotesFeed *feed);

Q_SIGNALS:
    void loaded(); // a page arrived
    void failed(const QString &message);

protected:
    virtual QStringList headers() const = 0;
    virtual QString text(int row, int column) const = 0;
    virtual bool isNumber(int column) const = 0; // right-aligned
    virtual QString toolTip(int row, int column) const
    {
        Q_UNUSED(row);
        Q_UNUSED(column);
        return {};
    }
    // The endpoint a cell names, for its marks; none by default.
    virtual std::optional<Core::MarkTarget> markTarget(int row, int column) const
    {
        Q_UNUSED(row);
        Q_UNUSED(column);
        return std::nullopt;
    }
    // Whether a cell of the column may name a marked object (markTarget()): its rows keep the marker's place.
    virtual bool showsMarks(int column) const
    {
        Q_UNUSED(column);
        return false;
    }
    // The query's order (a Core::ConversationOrder or EndpointOrder) of a column.
    virtual int orderOf(int column) const = 0;
    virtual int loadedRows() const = 0;
    virtual void clearRows() = 0;
    virtual void requestPage(int offset) = 0; // calls fetch() with its rows and query

    template <typename Row, typename Query> void fetch(QList<Row> &rows, int offset, Query query)
    {
        using Result = Core::Expected<Core::CountedRows<Row>>;
        const quint64 generation = m_generation;
        m_loading = true;
        auto future = m_worker->run([query, filter = m_filter, sorting = m_sorting, offset](Core::Database &db) {
            return query(db, filter, sorting, kPageRows, offset);
        });
        auto *watcher = new QFutureWatcher<Result>(this);
        connect(watcher, &QFutureWatcher<Result>::finished, this, [this, watcher, generation, &rows] {
            watcher->deleteLater();
            if (generation != m_generation || watcher->future().resultCount() == 0)
                return;
            const Result result = watcher->result();
            if (!result) {
                m_loading = false;
                m_exhausted = true;
                Q_EMIT failed(result.error().message);
                return;
            }
            m_total = result->total;
            m_exhausted = result->rows.size() < kPageRows;
            if (!result->rows.isEmpty()) {
                // Still loading while the rows go in: a view that asks for more meanwhile asks after them.
                beginInsertRows({}, int(rows.size()), int(rows.size() + result->rows.size() - 1));
                rows.append(result->rows);
                endInsertRows();
            }
            m_loading = false;
            Q_EMIT loaded();
        });
        watcher->setFuture(future);
    }

private:
    ObjectMarks marksAt(int row, int column) const;

    const NotesFeed *m_marks = nullptr;
    CaseWorker *m_worker = nullptr;
    Core::NetworkFilter m_filter;
    Core::Sorting m_sorting;
    quint64 m_generation = 0;
    qint64 m_total = 0;
    bool m_loading = false;
    bool m_exhausted = true;
};

// "10.0.0.2:443", "[2001:db8::1]:443", "10.0.0.2" without a port.
QString addressWithPort(const QString &address, std::optional<qint64> port);

} // namespace Deck::Models
