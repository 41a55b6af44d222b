// SPDX-License-Identifier: GPL-3.0-or-later
// The process tree of the open case as a lazy tree: every host as a top-level row (or, with a host filter, that
// host's roots at the top), each process's children fetched in pages when the view expands it (canFetchMore /
// fetchMore) on a worker of the model's own, a "Loading..." row standing in while a page is on its way. Nothing is
// read before it is asked for, so a host with a million processes costs one page of roots.
//
// Filters: host (server side), time range (roots: server side; children: kept when alive in the range) and user
// (kept when the uid matches). A process outside the user or time filter that has children is still shown, dimmed,
// as the way down to processes below it that may match; one without children is left out.
//
// reveal(id) expands the way to a process lazily: its ancestors come from ProcessQueries::ancestors, then each level
// is fetched page by page until the next process on the way is loaded; revealed(index) or revealFailed(reason) ends it.
// Every reset (filter, case opened or closed) starts a new generation, and pages of an older one are dropped.
// Thread: the GUI thread; SQL runs only on the model's worker.
#pragma once

#include "markdecoration.h"
#include "notesfeed.h"
#include "processtreenode.h"

#include <QAbstractItemModel>
#include <memory>

namespace Deck::Models {

class CaseSession;
class CaseWorker;

struct ProcessTreeFilter
{
    std::optional<qint64> host; // absent: every host as a top-level row
    std::optional<qint64> uid;
    Core::TimeRange range;
    QString userName; // non-empty: the processes whose uid had this name on their host then (accountnames.h)
};

class ProcessTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { ProcessColumn, PidColumn, UserColumn, StartColumn, ExitColumn, ArgvColumn, ColumnCount };
    enum Role {
        ProcessIdRole = Qt::UserRole + 1, // qint64, for process rows
        HostIdRole, // qint64, for process and host rows
        RowKindRole, // int(ProcessTreeNode::Kind)
    };

    explicit ProcessTreeModel(CaseSession &session, QObject *parent = nullptr);
    ~ProcessTreeModel() override;

    const ProcessTreeFilter &filter() const { return m_filter; }
    // Replaces the filter and reloads (a new generation).
    void setFilter(const ProcessTreeFilter &filter);
    // Rows per fetched page (default 500); for tests that page through a small tree.
    void setPageSize(int rows) { m_pageSize = std::max(1, rows); }
    // Empties the tree and loads the top level again.
    void reload();

    // The process shown at `index`, or nullptr for a host, a placeholder or an invalid index.
    const Core::ProcessRow *processAt(const QModelIndex &index) const;
    // The index of a loaded process (column 0), invalid when it is not loaded.
    QModelIndex indexOfProcess(qint64 processId) const;
    // Fetches what lies between the top and the process; ends with revealed() or revealFailed(). A later call
    // replaces an unfinished one.
    void reveal(qint64 processId);
    // The case's notes and bookmarks (NotesFeed): a marked process shows its marker before its name
    // (markdecoration.h: a bookmark's, a note's or both) and says which in its tool tip, with the note.
    void setMarks(const NoteTexts &notes, const BookmarkedObjects &bookmarked);
    // Fetches in flight (pages and reveals).
    int pending() const { return m_pending; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void revealed(const QModelIndex &index);
    void revealFailed(const QString &reason);
    void loadFailed(const QString &message); // names the case and the reason
    void pendingChanged(int pending);

private:
    using Node = ProcessTreeNode;
    struct Fetched;

    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node, int column = 0) const;
    bool keeps(const Core::ProcessRow &row) const;
    bool canFetch(const Node *node) const;
    void fetch(Node *node);
    void startFetch(Node *node);
    void land(Node *node, const Fetched &fetched);
    void appendRows(Node *node, std::vector<std::unique_ptr<Node>> rows);
    void setPlaceholder(Node *node, bool shown);
    void continueReveal();
    void failReveal(const QString &reason);
    void track(int delta);

    CaseSession &m_session;
    NoteTexts m_notes;
    BookmarkedObjects m_bookmarked;
    std::unique_ptr<CaseWorker> m_worker;
    std::unique_ptr<Node> m_root;
    ProcessTreeFilter m_filter;
    quint64 m_generation = 0;
    int m_pageSize = 500;
    int m_pending = 0;
    // The reveal under way: the host, then the processes from the topmost ancestor down to the target.
    std::optional<qint64> m_revealHost;
    QList<qint64> m_revealPath;
    quint64 m_revealSerial = 0;
};

} // namespace Deck::Models
