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

QString EndpointsModel::text(int row, int column) const
{
    const Core::EndpointRow &endpoint = m_rows.at(row);
    switch (Column(column)) {
    case Address:
        return endpoint.address;
    case Ports: {
        if (endpoint.ports.isEmpty())
            return tr("%n ports", nullptr, int(endpoint.portCount));
        QStringList ports;
        for (qint64 port : endpoint.ports)
            ports << QString::number(port);
        return ports.join(QStringLiteral(", "));
    }
    case Events:
        return QLocale().toString(endpoint.events);
    case Conversations:
        return QLocale().toString(endpoint.conversations);
    case Processes:
        return endpoint.processes.isEmpty() ? tr("%n processes", nullptr, int(endpoint.processCount))
                                            : endpoint.processes.join(QStringLiteral(", "));
    case Hosts:
        return QLocale().toString(endpoint.hostCount);
    case First:
        return displayTime(endpoint.firstTs);
    case Last:
        return displayTime(endpoint.lastTs);
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Deck::Models
