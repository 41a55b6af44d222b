// SPDX-License-Identifier: GPL-3.0-or-later
// The indicator lists of the open case (indicatorstore.h): name, where it came from, how many indicators of each
// type, how many alerts it raised, when its content was fetched and when its source was last asked. Reloads when
// the case opens and when reload() is called (after an add, update or removal).
// Thread: the GUI thread.
#pragma once

#include "caselistmodel.h"
#include "indicatorstore.h"

namespace Deck::Models {

class IndicatorListModel : public CaseListModel
{
    Q_OBJECT
public:
    enum Column { Name, Indicators, Matches, Updated, Checked, Source, ColumnCount };

    explicit IndicatorListModel(CaseSession &session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const Core::IndicatorListInfo &list(int row) const { return m_rows.at(row); }
    const QList<Core::IndicatorListInfo> &lists() const { return m_rows; }

protected:
    void query() override;
    void clearRows() override;

private:
    QList<Core::IndicatorListInfo> m_rows;
};

} // namespace Deck::Models
