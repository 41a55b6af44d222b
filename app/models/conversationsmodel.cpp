// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversationsmodel.h"

#include "graphnodes.h"

#include <QLocale>
#include <algorithm>

namespace Deck::Models {

QStringList ConversationsModel::headers() const
{
    return {tr("Host"), tr("Protocol"), tr("Local"),       tr("Remote"),    tr("Process"),
            tr("User"), tr("Events"),   tr("First (UTC)"), tr("Last (UTC)")};
}

int ConversationsModel::orderOf(int column) const
{
    using O = Core::ConversationOrder;
    static const O orders[]{O::Host, O::Protocol, O::Local, O::Remote, O::Process,
                            O::User, O::Events,   O::First, O::Last};
    return int(orders[std::clamp(column, 0, int(ColumnCount) - 1)]);
}

void ConversationsModel::requestPage(int offset)
{
    fetch(m_rows, offset,
          [](Core::Database &db, const Core::NetworkFilter &filter, Core::Sorting sorting, int limit, int at) {
              return Core::NetworkQueries(db).conversations(filter, sorting, limit, at);
          });
}

QVariant ConversationsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::ConversationRow &row = m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole)
        return index.column() == Events ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role == Qt::ToolTipRole && index.column() == Process && row.processId)
        return tr("%1, pid %2: click to select the process in every view").arg(row.comm).arg(*row.pid);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Host:
        return row.hostname;
    case Protocol:
        return row.proto;
    case Local:
        return addressWithPort(row.laddr, row.lport);
    case Remote:
        return addressWithPort(row.raddr, row.rport);
    case Process:
        return row.pid ? tr("%1 [%2]").arg(row.comm).arg(*row.pid) : tr("(no process)");
    case User:
        return row.uid ? tr("uid %1").arg(*row.uid) : QString();
    case Events:
        return QLocale().toString(row.events);
    case First:
        return displayTime(row.firstTs);
    case Last:
        return displayTime(row.lastTs);
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Deck::Models
