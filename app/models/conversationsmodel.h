// SPDX-License-Identifier: GPL-3.0-or-later
// Wireshark's Conversations for the case: one row per (host, protocol, local end, remote end, process) with the
// process, its user and group (`alice (1000)`, `staff (1000)`: the names as of the process's latest ids, the number
// alone when the case knows no name), the events and the first and last time (NetworkQueries::conversations), lazily
// paged.
// Thread: the GUI thread.
#pragma once

#include "aggregatetablemodel.h"

namespace Deck::Models {

class ConversationsModel : public AggregateTableModel
{
    Q_OBJECT
public:
    enum Column { Host, Protocol, Local, Remote, Process, User, Group, Events, First, Last, ColumnCount };

    using AggregateTableModel::AggregateTableModel;

    const Core::ConversationRow &conversation(int row) const { return m_rows.at(row); }

protected:
    QStringList headers() const override;
    QString text(int row, int column) const override;
    bool isNumber(int column) const override { return column == Events; }
    QString toolTip(int row, int column) const override;
    int orderOf(int column) const override;
    bool showsMarks(int column) const override { return column == Remote; }
    std::optional<Core::MarkTarget> markTarget(int row, int column) const override
    {
        if (column != Remote || m_rows.at(row).raddr.isEmpty())
            return std::nullopt;
        return Core::RemoteEndpoint{m_rows.at(row).raddr, m_rows.at(row).rport};
    }
    int loadedRows() const override { return int(m_rows.size()); }
    void clearRows() override { m_rows.clear(); }
    void requestPage(int offset) override;

private:
    QList<Core::ConversationRow> m_rows;
};

} // namespace Deck::Models
