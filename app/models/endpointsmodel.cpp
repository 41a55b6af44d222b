// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpointsmodel.h"

#include "graphnodes.h"

#include <QLocale>

namespace Deck::Models {

static_assert(int(EndpointsModel::Last) == int(Core::EndpointOrder::Last), "columns sort by the query's orders");

QStringList EndpointsModel::headers() const
{
    return {tr("Address"),   tr("Ports"), tr("Events"),      tr("Conversations"),
            tr("Processes"), tr("Hosts"), tr("First (UTC)"), tr("Last (UTC)")};
}

void EndpointsModel::requestPage(int offset)
{
    fetch(m_rows, offset,
          [](Core::Database &db, const Core::NetworkFilter &filter, Core::Sorting sorting, int limit, int at) {
              return Core::NetworkQueries(db).endpoints(filter, sorting, limit, at);
          });
}

QVariant EndpointsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::EndpointRow &row = m_rows.at(index.row());
    const auto column = Column(index.column());
    if (role == Qt::TextAlignmentRole) {
        const bool number = column == Events || column == Conversations || column == Hosts;
        return number ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Address:
        return row.address;
    case Ports: {
        if (row.ports.isEmpty())
            return tr("%n ports", nullptr, int(row.portCount));
        QStringList ports;
        for (qint64 port : row.ports)
            ports << QString::number(port);
        return ports.join(QStringLiteral(", "));
    }
    case Events:
        return QLocale().toString(row.events);
    case Conversations:
        return QLocale().toString(row.conversations);
    case Processes:
        return row.processes.isEmpty() ? tr("%n processes", nullptr, int(row.processCount))
                                       : row.processes.join(QStringLiteral(", "));
    case Hosts:
        return QLocale().toString(row.hostCount);
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
