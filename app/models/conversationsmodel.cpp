// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversationsmodel.h"

#include "accountnames.h"
#include "graphnodes.h"

#include <QLocale>
#include <algorithm>

namespace Deck::Models {

QStringList ConversationsModel::headers() const
{
    return {tr("Host"), tr("Protocol"), tr("Local"),  tr("Remote"),      tr("Process"),
            tr("User"), tr("Group"),    tr("Events"), tr("First (UTC)"), tr("Last (UTC)")};
}

int ConversationsModel::orderOf(int column) const
{
    using O = Core::ConversationOrder;
    static const O orders[]{O::Host, O::Protocol, O::Local,  O::Remote, O::Process,
                            O::User, O::Group,    O::Events, O::First,  O::Last};
    return int(orders[std::clamp(column, 0, int(ColumnCount) - 1)]);
}

void ConversationsModel::requestPage(int offset)
{
    fetch(m_rows, offset,
          [](Core::Database &db, const Core::NetworkFilter &filter, Core::Sorting sorting, int limit, int at) {
              return Core::NetworkQueries(db).conversations(filter, sorting, limit, at);
          });
}

QString ConversationsModel::toolTip(int row, int column) const
{
    const Core::ConversationRow &conversation = m_rows.at(row);
    if (column != Process || !conversation.pid)
        return {};
    return tr("%1, pid %2: click to select the process in every view").arg(conversation.comm).arg(*conversation.pid);
}

QString ConversationsModel::text(int row, int column) const
{
    const Core::ConversationRow &conversation = m_rows.at(row);
    switch (Column(column)) {
    case Host:
        return conversation.hostname;
    case Protocol:
        return conversation.proto;
    case Local:
        return addressWithPort(conversation.laddr, conversation.lport);
    case Remote:
        return addressWithPort(conversation.raddr, conversation.rport);
    case Process:
        return conversation.pid ? tr("%1 [%2]").arg(conversation.comm).arg(*conversation.pid) : tr("(no process)");
    case User:
        return conversation.uid ? Core::userText(*conversation.uid, conversation.userName) : QString();
    case Group:
        return conversation.gid ? Core::userText(*conversation.gid, conversation.groupName) : QString();
    case Events:
        return QLocale().toString(conversation.events);
    case First:
        return displayTime(conversation.firstTs);
    case Last:
        return displayTime(conversation.lastTs);
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Deck::Models
