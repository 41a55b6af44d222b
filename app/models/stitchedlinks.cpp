// SPDX-License-Identifier: GPL-3.0-or-later
#include "stitchedlinks.h"

#include "graphnodes.h"
#include "processqueries.h"
#include "stitchqueries.h"

#include <QCoreApplication>

namespace Deck::Models {

namespace {

bool inRange(qint64 ts, const Core::TimeRange &range)
{
    return (!range.from || ts >= *range.from) && (!range.to || ts < *range.to);
}

} // namespace

Core::Expected<void> addStitchedLinks(Core::Database &db, const GraphNode &node, const Core::TimeRange &range,
                                      int processColumn, int hostColumn, GraphPiece &piece)
{
    Core::StitchOptions options;
    if (node.kind == NodeKind::Host && node.id > 0)
        options.hostId = node.id;
    else if (node.kind == NodeKind::Process)
        options.hostId = node.hostId > 0 ? std::optional(node.hostId) : std::nullopt;
    else if (node.kind != NodeKind::Host)
        return {};
    auto stitched = Core::StitchQueries(db).stitch(options);
    if (!stitched)
        return stitched.error();
    Core::ProcessQueries processes(db);
    int added = 0;
    for (const Core::HostLink &link : std::as_const(stitched->links)) {
        if (!link.clientProcessId || !link.serverProcessId || !inRange(link.connectTs, range))
            continue;
        if (node.kind == NodeKind::Process && link.clientProcessId != node.id && link.serverProcessId != node.id)
            continue;
        if (added++ == GraphDocument::kPerExpansion)
            break;
        auto client = processes.process(*link.clientProcessId);
        if (!client)
            return client.error();
        auto server = processes.process(*link.serverProcessId);
        if (!server)
            return server.error();
        for (const Core::ProcessRow *p : {&*client, &*server}) {
            const GraphNode host = hostNode(p->hostId, stitched->hostnames.value(p->hostId), hostColumn);
            const GraphNode process = processNode(*p, processColumn);
            piece.nodes << host << process;
            piece.edges.append(GraphEdge{host.key, process.key, {}, link.connectTs, link.connectTs});
        }
        GraphEdge edge{processKey(client->id),
                       processKey(server->id),
                       {{QCoreApplication::translate("Deck::Models::NetworkGraph", "%1 %2 to %3 (stitched: %4)")
                             .arg(link.proto)
                             .arg(link.serverPort)
                             .arg(stitched->hostnames.value(link.serverHostId), link.evidence),
                         1}},
                       link.connectTs,
                       link.acceptTs.value_or(link.connectTs)};
        edge.stitched = true;
        piece.edges.append(edge);
    }
    return {};
}

} // namespace Deck::Models
