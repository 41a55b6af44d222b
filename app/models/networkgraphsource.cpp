// SPDX-License-Identifier: GPL-3.0-or-later
#include "networkgraphsource.h"

#include "graphnodes.h"
#include "networkqueries.h"
#include "processqueries.h"
#include "stitchedlinks.h"

#include <QCoreApplication>

namespace Deck::Models {

namespace {
constexpr int kHostColumn = 0;
constexpr int kRemoteColumn = 2;

// "tcp 443" / "tcp 22, 80" / "udp 312 ports"
QString portsText(const Core::LinkRow &link)
{
    QStringList ports;
    for (qint64 port : link.ports)
        ports << QString::number(port);
    const QString protos = link.protos.isEmpty() ? QStringLiteral("ip") : link.protos.join(u'/');
    if (ports.isEmpty() && link.portCount > 0)
        return QCoreApplication::translate("Deck::Models::NetworkGraph", "%1 %2 ports").arg(protos).arg(link.portCount);
    return ports.isEmpty() ? protos : protos + u' ' + ports.join(QStringLiteral(", "));
}

QString unattributedKey(qint64 hostId)
{
    return QStringLiteral("p:none:%1").arg(hostId);
}
} // namespace

GraphNode hostSeed(qint64 hostId)
{
    return hostNode(hostId, QString(), kHostColumn);
}

GraphNode overviewSeed()
{
    GraphNode node = hostNode(0, QString(), kHostColumn);
    node.key = QStringLiteral("h:all");
    return node;
}

GraphNode remoteSeed(const QString &address)
{
    return remoteNode(address, kRemoteColumn);
}

Core::Expected<GraphPiece> networkGraphPiece(Core::Database &db, const GraphNode &node, const Core::TimeRange &range,
                                             int limit, int offset)
{
    GraphPiece piece;
    piece.of = node.key;
    piece.offset = offset;
    Core::NetworkFilter filter;
    filter.range = range;
    switch (node.kind) {
    case NodeKind::Host:
        if (node.id > 0)
            filter.hostId = node.id; // else the overview: every host
        break;
    case NodeKind::Process: {
        filter.processId = node.id;
        auto process = Core::ProcessQueries(db).process(node.id);
        if (!process)
            return process.error();
        piece.nodes.append(processNode(*process, kNetworkProcessColumn));
        break;
    }
    case NodeKind::Remote:
        filter.remoteAddress = node.address;
        piece.nodes.append(remoteNode(node.address, kRemoteColumn));
        break;
    case NodeKind::File:
    case NodeKind::More:
        return piece;
    }
    auto links = Core::NetworkQueries(db).links(filter, limit, offset);
    if (!links)
        return links.error();
    piece.neighbours = links->total;
    piece.shown = int(links->rows.size());
    for (const Core::LinkRow &link : std::as_const(links->rows)) {
        GraphNode host = hostNode(link.hostId, link.hostname, kHostColumn);
        GraphNode process;
        if (link.process) {
            process = processNode(*link.process, kNetworkProcessColumn);
        } else {
            process.key = unattributedKey(link.hostId);
            process.kind = NodeKind::Process;
            process.column = kNetworkProcessColumn;
            process.hostId = link.hostId;
            process.expanded = true; // nothing to expand: the events name no process
            process.label = QCoreApplication::translate("Deck::Models::NetworkGraph", "(no process)");
            process.detail
                = QCoreApplication::translate("Deck::Models::NetworkGraph", "Network events of %1 that name no process")
                      .arg(link.hostname);
        }
        piece.nodes << host << process << remoteNode(link.raddr, kRemoteColumn);
        piece.edges.append(GraphEdge{host.key, process.key, {}, link.firstTs, link.lastTs});
        piece.edges.append(
            GraphEdge{process.key, remoteKey(link.raddr), {{portsText(link), link.events}}, link.firstTs, link.lastTs});
    }
    if (node.kind == NodeKind::Host && node.id > 0 && links->rows.isEmpty())
        piece.nodes.append(node); // a host without connections still shows
    // Connections between monitored hosts, process to process (cross-host stitching).
    if (auto stitched = addStitchedLinks(db, node, range, kNetworkProcessColumn, kHostColumn, piece); !stitched)
        return stitched.error();
    return piece;
}

} // namespace Deck::Models
