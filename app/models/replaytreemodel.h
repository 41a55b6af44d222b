// SPDX-License-Identifier: GPL-3.0-or-later
// The processes alive at the replay's time as a tree (a process whose parent is not alive then is a root), the ones
// that were not alive at the previous position highlighted. Small enough to hold whole: a host runs thousands of
// processes at one time, not millions.
// Columns: process (comm), pid, user, started, command line, state.
// Thread: the GUI thread.
#pragma once

#include "pointintimequeries.h"

#include <QAbstractItemModel>
#include <QSet>

namespace Deck::Models {

class ReplayTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    static constexpr int ProcessIdRole = Qt::UserRole + 1;
    static constexpr int NewRole = Qt::UserRole + 2; // bool: not alive at the previous position

    using QAbstractItemModel::QAbstractItemModel;

    // `isNew` marks the processes to highlight.
    void setProcesses(QList<Core::RunningProcess> processes, const QSet<qint64> &isNew);
    int processCount() const { return int(m_processes.size()); }
    int newCount() const { return int(m_new.size()); }
    // The index of a process in column 0, invalid when it is not in the tree.
    QModelIndex indexOfProcess(qint64 processId) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        qsizetype parent = -1; // node index; -1: a root
        int row = 0; // among its siblings
        QList<qsizetype> children;
    };
    QString cell(const Core::RunningProcess &row, int column) const;

    QList<Core::RunningProcess> m_processes; // node i is process i
    QList<Node> m_nodes;
    QList<qsizetype> m_roots;
    QSet<qint64> m_new;
};

} // namespace Deck::Models
