// SPDX-License-Identifier: GPL-3.0-or-later
#include "aggregatetablemodel.h"

using namespace Qt::StringLiterals;

namespace Deck::Models {

void AggregateTableModel::setWorker(CaseWorker *worker)
{
    m_worker = worker;
    reload();
}

void AggregateTableModel::setFilter(const Core::NetworkFilter &filter)
{
    m_filter = filter;
    reload();
}

void AggregateTableModel::reload()
{
    ++m_generation;
    beginResetModel();
    clearRows();
    m_total = 0;
    m_loading = false;
    m_exhausted = true;
    endResetModel();
    if (!m_worker)
        return;
    m_exhausted = false;
    requestPage(0);
}

QVariant AggregateTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return text(index.row(), index.column());
    case Qt::TextAlignmentRole:
        return isNumber(index.column()) ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole: {
        const QString marks = markToolTip(marksAt(index.row(), index.column()));
        const QString tip = toolTip(index.row(), index.column());
        if (!marks.isEmpty() || !tip.isEmpty())
            return marks.isEmpty() ? tip : tip.isEmpty() ? marks : marks + u"\n\n"_s + tip;
        break;
    }
    case Qt::DecorationRole:
        // The marker, or a blank in its place on every row of the column (the addresses line up).
        if (m_marks && showsMarks(index.column()))
            return markDecoration(marksAt(index.row(), index.column()));
        break;
    default:
        break;
    }
    return {};
}

int AggregateTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : loadedRows();
}

int AggregateTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(headers().size());
}

QVariant AggregateTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return headers().value(section);
    return {};
}

bool AggregateTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_worker && !m_loading && !m_exhausted;
}

void AggregateTableModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage(loadedRows());
}

void AggregateTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnCount())
        return;
    m_sorting = {orderOf(column), order == Qt::DescendingOrder};
    reload();
}

QString addressWithPort(const QString &address, std::optional<qint64> port)
{
    return Core::endpointText({address, port});
}

void AggregateTableModel::setMarks(const NotesFeed *feed)
{
    if (m_marks)
        disconnect(m_marks, nullptr, this, nullptr);
    m_marks = feed;
    const auto repaint = [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                               {Qt::DecorationRole, Qt::ToolTipRole});
    };
    if (m_marks)
        connect(m_marks, &NotesFeed::notesChanged, this, repaint);
    repaint();
}

ObjectMarks AggregateTableModel::marksAt(int row, int column) const
{
    const auto target = m_marks ? markTarget(row, column) : std::nullopt;
    if (!target)
        return {};
    return ObjectMarks{m_marks->isBookmarked(*target), m_marks->noteOf(*target)};
}

} // namespace Deck::Models
