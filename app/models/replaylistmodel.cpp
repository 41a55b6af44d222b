// SPDX-License-Identifier: GPL-3.0-or-later
#include "replaylistmodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QHash>
#include <QSet>

namespace Deck::Models {

QList<ReplayRow> compareRows(QList<ReplayRow> current, const QList<ReplayRow> &previous, bool hasPrevious)
{
    if (!hasPrevious)
        return current;
    QHash<QString, const ReplayRow *> before;
    for (const ReplayRow &row : previous) {
        if (row.change != ReplayRow::Change::Gone)
            before.insert(row.key, &row);
    }
    QSet<QString> now;
    for (ReplayRow &row : current) {
        now.insert(row.key);
        const ReplayRow *old = before.value(row.key);
        row.change = !old                               ? ReplayRow::Change::New
            : old->signature != row.signature ? ReplayRow::Change::Changed
                                              : ReplayRow::Change::Same;
    }
    for (const ReplayRow &row : previous) {
        if (row.change != ReplayRow::Change::Gone && !now.contains(row.key)) {
            ReplayRow gone = row;
            gone.change = ReplayRow::Change::Gone;
            current.append(std::move(gone));
        }
    }
    return current;
}

QVariant changeBackground(ReplayRow::Change change)
{
    switch (change) {
    case ReplayRow::Change::New:
        return QBrush(QColor(0xd8, 0xf5, 0xd0));
    case ReplayRow::Change::Changed:
        return QBrush(QColor(0xfb, 0xf0, 0xc0));
    case ReplayRow::Change::Same:
    case ReplayRow::Change::Gone:
        break;
    }
    return {};
}

ReplayListModel::ReplayListModel(QStringList headers, QObject *parent)
    : QAbstractTableModel(parent)
    , m_headers(std::move(headers))
{
}

void ReplayListModel::setRows(QList<ReplayRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int ReplayListModel::count(ReplayRow::Change change) const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [change](const ReplayRow &row) { return row.change == change; }));
}

int ReplayListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReplayListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

QVariant ReplayListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReplayRow &row = m_rows.at(index.row());
    const bool gone = row.change == ReplayRow::Change::Gone;
    switch (role) {
    case Qt::DisplayRole:
        return row.cells.value(index.column());
    case Qt::ToolTipRole:
        return row.toolTip.isEmpty() ? row.cells.value(index.column()) : row.toolTip;
    case Qt::BackgroundRole:
        return changeBackground(row.change);
    case Qt::ForegroundRole:
        return gone ? QVariant(QBrush(QColor(0x80, 0x80, 0x80))) : QVariant();
    case Qt::FontRole:
        if (gone) {
            QFont font;
            font.setStrikeOut(true);
            return font;
        }
        return {};
    case ProcessIdRole:
        return row.processId ? QVariant(*row.processId) : QVariant();
    case ChangeRole:
        return int(row.change);
    default:
        return {};
    }
}

QVariant ReplayListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return m_headers.value(section);
}

} // namespace Deck::Models
