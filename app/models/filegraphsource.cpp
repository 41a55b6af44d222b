// SPDX-License-Identifier: GPL-3.0-or-later
#include "filegraphsource.h"

#include "filegraphqueries.h"
#include "graphnodes.h"

#include <QSet>

namespace Deck::Models {

namespace {
constexpr int kProcessColumn = 0;
constexpr int kFileColumn = 1;

void addLinks(GraphPiece &piece, const Core::FileLinks &found)
{
    QHash<QString, qsizetype> edges;
    for (const Core::FileLink &link : found.links) {
        const QString from = processKey(link.processId);
        const QString to = fileKey(link.path);
        auto it = edges.constFind(from + u'\n' + to);
        if (it == edges.cend()) {
            it = edges.insert(from + u'\n' + to, piece.edges.size());
            piece.edges.append(GraphEdge{from, to, {}, link.firstTs, link.lastTs});
        }
        GraphEdge &edge = piece.edges[*it];
        edge.ops[link.op] += link.count;
        edge.firstTs = std::min(edge.firstTs, link.firstTs);
        edge.lastTs = std::max(edge.lastTs, link.lastTs);
    }
    piece.neighbours = found.neighbours;
}
} // namespace

GraphNode fileSeed(const QByteArray &path)
{
    return fileNode(path, kFileColumn);
}

Core::Expected<GraphPiece> fileGraphPiece(Core::Database &db, const GraphNode &node, const Core::TimeRange &range,
                                          int limit, int offset)
{
    GraphPiece piece;
    piece.of = node.key;
    piece.offset = offset;
    Core::FileGraphQueries queries(db);
    if (node.kind == NodeKind::Process) {
        auto found = queries.filesOf(node.id, range, limit, offset);
        if (!found)
            return found.error();
        piece.nodes.append(processNode(found->processes.value(0), kProcessColumn));
        QSet<qint64> paths;
        for (const Core::FileLink &link : std::as_const(found->links)) {
            if (!paths.contains(link.pathId)) {
                paths.insert(link.pathId);
                piece.nodes.append(fileNode(link.path, kFileColumn, link.pathId));
            }
        }
        piece.shown = int(paths.size());
        addLinks(piece, *found);
    } else if (node.kind == NodeKind::File) {
        auto found = queries.processesOf(node.path, range, limit, offset);
        if (!found)
            return found.error();
        // The file's row is the links' (none when it has no events in the range: the node keeps what it had).
        piece.nodes.append(fileNode(node.path, kFileColumn, found->links.isEmpty() ? node.id : found->links[0].pathId));
        for (const Core::ProcessRow &process : std::as_const(found->processes))
            piece.nodes.append(processNode(process, kProcessColumn));
        piece.shown = int(found->processes.size());
        addLinks(piece, *found);
    }
    return piece;
}

} // namespace Deck::Models
