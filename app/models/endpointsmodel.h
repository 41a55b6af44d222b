// SPDX-License-Identifier: GPL-3.0-or-later
// Wireshark's Endpoints for the case: one row per remote address with its ports, events, conversations, the
// processes and hosts that talked to it and the first and last time (NetworkQueries::endpoints), lazily paged.
// Thread: the GUI thread.
#pragma once

#include "aggregatetablemodel.h"

#include <algorithm>

namespace Deck::Models {

class EndpointsModel : public AggregateTableModel
{
    Q_OBJECT
public:
    enum Column { Address, Ports, Events, Conversations, Processes, Hosts, First, Last, ColumnCount };

    using AggregateTableModel::AggregateTableModel;

    const Core::EndpointRow &endpoint(int row) const { return m_rows.at(row); }

protected:
    QStringList headers() const override;
    QString text(int row, int column) const override;
    bool isNumber(int column) const override { return column == Events || column == Conversations || column == Hosts; }
    int orderOf(int column) const override { return std::clamp(column, 0, int(ColumnCount) - 1); }
    bool showsMarks(int column) const override { return column == Address; }
    std::optional<Core::MarkTarget> markTarget(int row, int column) const override
    {
        if (column != Address)
            return std::nullopt;
        return Core::RemoteEndpoint{m_rows.at(row).address, std::nullopt};
    }
    int loadedRows() const override { return int(m_rows.size()); }
    void clearRows() override { m_rows.clear(); }
    void requestPage(int offset) override;

private:
    QList<Core::EndpointRow> m_rows;
};

} // namespace Deck::Models
