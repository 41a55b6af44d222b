// SPDX-License-Identifier: GPL-3.0-or-later
// The integrity changes of the open case as a table: time (UTC), host, check, severity, what changed (in words,
// changetext.h) and the triage state of the alert raised from the change. It follows the shared selection's host and
// time range (caselistmodel.h). Rows are loaded and described on the session's worker (at most `limit` rows,
// truncated() says that more matched). Sorting is done in memory (the list is bounded).
// Thread: the GUI thread.
#pragma once

#include "caselistmodel.h"
#include "changetext.h"
#include "integrityqueries.h"

namespace Deck::Models {

class IntegrityModel : public CaseListModel
{
    Q_OBJECT
public:
    enum Column { Time, Host, Check, Severity, Summary, Alert, ColumnCount };
    enum Role { DetailRole = Qt::UserRole + 1, AlertIdRole, HostIdRole };

    explicit IntegrityModel(CaseSession &session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setLimit(int limit) { m_limit = limit; }
    const Core::IntegrityRow &row(int row) const { return m_rows.at(row).row; }
    const ChangeReadout &readout(int row) const { return m_rows.at(row).readout; }
    // The row of a state change, or -1.
    int rowOfStateChange(qint64 stateChangeId) const;

protected:
    void query() override;
    void clearRows() override;

private:
    struct Entry
    {
        Core::IntegrityRow row;
        ChangeReadout readout;
        QString summary;
    };
    struct Result
    {
        QList<Entry> entries;
        bool truncated = false;
        QString error;
    };
    void sortRows();

    QList<Entry> m_rows;
    int m_limit = 5000;
    int m_sortColumn = Time;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace Deck::Models
