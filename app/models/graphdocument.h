// SPDX-License-Identifier: GPL-3.0-or-later
// The graph of the file access graph and the network map as plain data: nodes (hosts, processes, files, remote
// addresses, and "N more" placeholders) in layout columns, and edges that sum the operations between two nodes.
// Expansions add pieces to it (merge()) up to kMaxNodes (More nodes aside), whatever a piece holds; what an expansion
// left out becomes a More node that continues it. layout() orders each column to keep edges short (a few barycenter
// sweeps; linear in the edges), so that a view only has to place rows. A value type: built and laid out on a worker,
// handed to the GUI thread whole.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

namespace Deck::Models {

enum class NodeKind { Host, Process, File, Remote, More };

struct GraphNode
{
    QString key; // unique in the graph: "p:<id>", "f:<hex path>", "h:<id>", "r:<address>", "m:<key it continues>"
    NodeKind kind = NodeKind::Process;
    int column = 0;
    QString label; // one short line
    QString detail; // the tooltip: everything known about it
    qint64 id = 0; // process, host or (File) interned path row id; for More, how many neighbours are not shown
    qint64 hostId = 0;
    QByteArray path; // File
    QString address; // Remote
    int continueAt = 0; // More: the offset its expansion goes on from
    int row = 0; // filled by layout()
    bool expanded = false;
};

struct GraphEdge
{
    QString from;
    QString to;
    QMap<QString, qint64> ops; // operation (open, write, connect 443/tcp...) -> events
    qint64 firstTs = 0;
    qint64 lastTs = 0;
    bool stitched = false; // a cross-host link between two processes (stitchedlinks.h), drawn dashed
};

// What one expansion of `of` found: nodes (the expanded node itself included, with its full label), edges, and the
// neighbours it left out after `offset + shown`.
struct GraphPiece
{
    QString of;
    QList<GraphNode> nodes;
    QList<GraphEdge> edges;
    int offset = 0;
    int shown = 0; // neighbours in this piece
    qint64 neighbours = 0; // all of them
};

class GraphDocument
{
public:
    static constexpr int kMaxNodes = 240;
    static constexpr int kPerExpansion = 40;

    const QList<GraphNode> &nodes() const { return m_nodes; }
    const QList<GraphEdge> &edges() const { return m_edges; }
    const GraphNode *node(const QString &key) const;
    bool isEmpty() const { return m_nodes.isEmpty(); }
    int columns() const;
    // How many more nodes an expansion may add.
    int capacity() const { return std::max(0, kMaxNodes - int(m_nodes.size())); }
    // Neighbours left out over all expansions (the sum of the More nodes).
    qint64 hidden() const;
    // An expansion was cut short because the graph is full.
    bool full() const { return m_full; }
    void setFull() { m_full = true; }

    void merge(const GraphPiece &piece);
    void layout();

private:
    void addEdge(const GraphEdge &edge);

    QList<GraphNode> m_nodes;
    QHash<QString, qsizetype> m_index;
    QList<GraphEdge> m_edges;
    QHash<QString, qsizetype> m_edgeIndex;
    bool m_full = false;
};

} // namespace Deck::Models
