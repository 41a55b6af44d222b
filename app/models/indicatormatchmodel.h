// SPDX-License-Identifier: GPL-3.0-or-later
// The matches of the open case's indicator lists (alerts of source 'indicator'), newest first: time (UTC), host,
// list, severity, triage, title and what matched. At most 5000 rows (truncated()). evidence(row) is the object the
// alert is about (a net event, process or file event), for selecting it in every view.
// Thread: the GUI thread.
#pragma once

#include "caselistmodel.h"
#include "indicatorstore.h"

namespace Deck::Models {

class IndicatorMatchModel : public CaseListModel
{
    Q_OBJECT
public:
    enum Column { Time, Host, List, Severity, Triage, Title, Detail, ColumnCount };

    explicit IndicatorMatchModel(CaseSession &session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const Core::IndicatorMatch &matchAt(int row) const { return m_rows.at(row); }

protected:
    void query() override;
    void clearRows() override;

private:
    QList<Core::IndicatorMatch> m_rows;
};

} // namespace Deck::Models
