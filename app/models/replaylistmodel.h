// SPDX-License-Identifier: GPL-3.0-or-later
// A flat table of the replay's rows (files open for writing, connections and listeners, the items of an integrity
// check) marked against the previous position of the slider: rows that appeared or changed are highlighted, and rows
// that are gone stay listed, struck through and greyed, until the next move. The rows are built by
// ReplayController; the model only presents them.
// Thread: the GUI thread.
#pragma once

#include <QAbstractTableModel>
#include <optional>

namespace Deck::Models {

struct ReplayRow
{
    enum class Change { Same, New, Changed, Gone };
    QString key; // the row's identity from one position to the next
    QString signature; // when it differs under the same key, the row changed
    QStringList cells;
    QString toolTip;
    Change change = Change::Same;
    std::optional<qint64> processId; // the process it belongs to, for selecting it
};

// `current` marked against `previous` (the rows shown before; their Gone rows are left out): New, Changed, and the
// previous rows that are not in `current` appended as Gone. With no previous position nothing is marked.
QList<ReplayRow> compareRows(QList<ReplayRow> current, const QList<ReplayRow> &previous, bool hasPrevious);

class ReplayListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int ProcessIdRole = Qt::UserRole + 1; // qint64, or invalid
    static constexpr int ChangeRole = Qt::UserRole + 2; // int(ReplayRow::Change)

    explicit ReplayListModel(QStringList headers, QObject *parent = nullptr);

    void setRows(QList<ReplayRow> rows);
    const QList<ReplayRow> &rows() const { return m_rows; }
    // How many rows are of `change`.
    int count(ReplayRow::Change change) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_headers;
    QList<ReplayRow> m_rows;
};

// The background of a new or changed row, and of a new process in the tree (light green / light yellow).
QVariant changeBackground(ReplayRow::Change change);

} // namespace Deck::Models
