// SPDX-License-Identifier: GPL-3.0-or-later
#include "replaytreemodel.h"

#include "accountnames.h"
#include "bytetext.h"
#include "replaylistmodel.h"
#include "replayqueries.h"
#include "timescale.h"

namespace Deck::Models {

namespace {
constexpr int kColumns = 6;
}

void ReplayTreeModel::setProcesses(QList<Core::RunningProcess> processes, const QSet<qint64> &isNew)
{
    beginResetModel();
    m_processes = std::move(processes);
    m_new = isNew;
    m_nodes = QList<Node>(m_processes.size());
    m_roots.clear();
    // processTreeOrder gives depth-first lines: the parent of a line is the last line one level up.
    QList<qsizetype> path;
    for (const Core::TreeLine &line : Core::processTreeOrder(m_processes)) {
        path.resize(line.depth);
        Node &node = m_nodes[line.index];
        QList<qsizetype> &siblings = path.isEmpty() ? m_roots : m_nodes[path.constLast()].children;
        node.parent = path.isEmpty() ? -1 : path.constLast();
        node.row = int(siblings.size());
        siblings.append(line.index);
        path.append(line.index);
    }
    endResetModel();
}

QModelIndex ReplayTreeModel::indexOfProcess(qint64 processId) const
{
    for (qsizetype i = 0; i < m_processes.size(); ++i) {
        if (m_processes.at(i).process.id == processId)
            return createIndex(m_nodes.at(i).row, 0, quintptr(i));
    }
    return {};
}

QModelIndex ReplayTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= kColumns)
        return {};
    const QList<qsizetype> &siblings
        = parent.isValid() ? m_nodes.at(qsizetype(parent.internalId())).children : m_roots;
    if (parent.isValid() && parent.column() != 0)
        return {};
    if (row >= siblings.size())
        return {};
    return createIndex(row, column, quintptr(siblings.at(row)));
}

QModelIndex ReplayTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const qsizetype parent = m_nodes.at(qsizetype(child.internalId())).parent;
    return parent < 0 ? QModelIndex() : createIndex(m_nodes.at(parent).row, 0, quintptr(parent));
}

int ReplayTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_roots.size());
    return parent.column() == 0 ? int(m_nodes.at(qsizetype(parent.internalId())).children.size()) : 0;
}

int ReplayTreeModel::columnCount(const QModelIndex &) const
{
    return kColumns;
}

QString ReplayTreeModel::cell(const Core::RunningProcess &row, int column) const
{
    const Core::ProcessRow &p = row.process;
    switch (column) {
    case 0:
        return Core::displayBytes(p.comm.toUtf8());
    case 1:
        return QString::number(p.pid);
    case 2:
        return p.uid ? Core::userText(*p.uid, p.userName) : QString();
    case 3:
        return utcText(p.startTs);
    case 4:
        return p.argv.isEmpty() ? Core::displayBytes(p.exe) : Core::displayArgv(p.argv);
    default:
        return row.liveness == Core::Liveness::Running ? tr("running") : tr("alive at last sight");
    }
}

QVariant ReplayTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Core::RunningProcess &row = m_processes.at(qsizetype(index.internalId()));
    const bool isNew = m_new.contains(row.process.id);
    switch (role) {
    case Qt::DisplayRole:
        return cell(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == 5 && row.liveness == Core::Liveness::AliveAtLastSight)
            return tr("No exit was recorded, and the recording of this boot ends before this time.");
        return cell(row, index.column());
    case Qt::BackgroundRole:
        return isNew ? changeBackground(ReplayRow::Change::New) : QVariant();
    case ProcessIdRole:
        return row.process.id;
    case NewRole:
        return isNew;
    default:
        return {};
    }
}

QVariant ReplayTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case 0:
        return tr("Process");
    case 1:
        return tr("PID");
    case 2:
        return tr("User");
    case 3:
        return tr("Started (UTC)");
    case 4:
        return tr("Command line");
    case 5:
        return tr("State");
    default:
        return {};
    }
}

} // namespace Deck::Models
