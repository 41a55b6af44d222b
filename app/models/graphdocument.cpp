// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphdocument.h"

#include <algorithm>
#include <limits>

namespace Deck::Models {

namespace {
constexpr int kSweeps = 4;

QString moreKey(const QString &of)
{
    return QStringLiteral("m:") + of;
}
} // namespace

const GraphNode *GraphDocument::node(const QString &key) const
{
    const auto it = m_index.constFind(key);
    return it == m_index.cend() ? nullptr : &m_nodes[*it];
}

int GraphDocument::columns() const
{
    int count = 0;
    for (const GraphNode &n : m_nodes)
        count = std::max(count, n.column + 1);
    return count;
}

qint64 GraphDocument::hidden() const
{
    qint64 sum = 0;
    for (const GraphNode &n : m_nodes) {
        if (n.kind == NodeKind::More)
            sum += n.id;
    }
    return sum;
}

void GraphDocument::merge(const GraphPiece &piece)
{
    int neighbourColumn = -1;
    for (const GraphNode &incoming : piece.nodes) {
        if (const auto it = m_index.constFind(incoming.key); it != m_index.cend()) {
            GraphNode &existing = m_nodes[*it];
            if (!incoming.label.isEmpty())
                existing.label = incoming.label;
            if (!incoming.detail.isEmpty())
                existing.detail = incoming.detail;
            if (existing.id == 0 && existing.kind != NodeKind::More)
                existing.id = incoming.id; // a seed's row, known once expanded
        } else if (m_nodes.size() >= kMaxNodes) {
            m_full = true; // the bound holds whatever a source returned
            continue;
        } else {
            m_index.insert(incoming.key, m_nodes.size());
            m_nodes.append(incoming);
        }
        if (incoming.key != piece.of && incoming.kind != NodeKind::Host && neighbourColumn < 0)
            neighbourColumn = incoming.column; // where the More node goes: beside the neighbours
    }
    for (const GraphEdge &edge : piece.edges)
        addEdge(edge);

    // The expanded node; absent for a seed that is no node (an overview of everything).
    const qsizetype of = m_index.value(piece.of, -1);
    if (of >= 0)
        m_nodes[of].expanded = true;
    // The More node of an earlier page of this expansion is replaced by this page's.
    const QString more = moreKey(piece.of);
    if (const qsizetype old = m_index.value(more, -1); old >= 0) {
        m_nodes.removeAt(old);
        m_edges.removeIf([&](const GraphEdge &e) { return e.to == more; });
        m_index.clear();
        for (qsizetype i = 0; i < m_nodes.size(); ++i)
            m_index.insert(m_nodes[i].key, i);
        m_edgeIndex.clear();
        for (qsizetype i = 0; i < m_edges.size(); ++i)
            m_edgeIndex.insert(m_edges[i].from + u'\n' + m_edges[i].to, i);
    }
    const qint64 left = piece.neighbours - piece.offset - piece.shown;
    if (left <= 0)
        return;
    GraphNode rest;
    rest.key = more;
    rest.kind = NodeKind::More;
    const int ofColumn = of >= 0 ? m_nodes[of].column : 0;
    rest.column = neighbourColumn >= 0 ? neighbourColumn : (ofColumn > 0 ? ofColumn - 1 : ofColumn + 1);
    rest.id = left;
    rest.continueAt = piece.offset + piece.shown;
    m_index.insert(rest.key, m_nodes.size());
    m_nodes.append(rest);
    addEdge(GraphEdge{piece.of, more, {}, 0, 0});
}

void GraphDocument::addEdge(const GraphEdge &edge)
{
    if (!m_index.contains(edge.from) || !m_index.contains(edge.to))
        return; // an end was left out at the bound
    const QString key = edge.from + u'\n' + edge.to;
    if (const auto it = m_edgeIndex.constFind(key); it != m_edgeIndex.cend()) {
        GraphEdge &existing = m_edges[*it];
        // The same neighbour seen from both ends: one expansion's sums stand, they count the same events.
        if (existing.ops.isEmpty())
            existing = edge;
        return;
    }
    m_edgeIndex.insert(key, m_edges.size());
    m_edges.append(edge);
}

void GraphDocument::layout()
{
    const int count = columns();
    QList<QList<qsizetype>> byColumn(count);
    for (qsizetype i = 0; i < m_nodes.size(); ++i)
        byColumn[m_nodes[i].column].append(i);
    const auto number = [&] {
        for (const auto &column : byColumn) {
            for (qsizetype r = 0; r < column.size(); ++r)
                m_nodes[column[r]].row = int(r);
        }
    };
    number();
    QList<QList<qsizetype>> neighbours(m_nodes.size());
    for (const GraphEdge &e : std::as_const(m_edges)) {
        const qsizetype a = m_index.value(e.from, -1);
        const qsizetype b = m_index.value(e.to, -1);
        if (a >= 0 && b >= 0) {
            neighbours[a].append(b);
            neighbours[b].append(a);
        }
    }
    // Orders one column by the mean row of each node's neighbours in the column `towards`; More nodes last.
    const auto sweep = [&](int column, int towards) {
        QList<std::pair<double, qsizetype>> keyed;
        for (qsizetype i : std::as_const(byColumn[column])) {
            double sum = 0;
            int seen = 0;
            for (qsizetype n : std::as_const(neighbours[i])) {
                if (m_nodes[n].column == towards) {
                    sum += m_nodes[n].row;
                    ++seen;
                }
            }
            double key = seen ? sum / seen : m_nodes[i].row;
            if (m_nodes[i].kind == NodeKind::More)
                key = std::numeric_limits<double>::max();
            keyed.append({key, i});
        }
        std::stable_sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        for (qsizetype r = 0; r < keyed.size(); ++r) {
            byColumn[column][r] = keyed[r].second;
            m_nodes[keyed[r].second].row = int(r);
        }
    };
    for (int pass = 0; pass < kSweeps; ++pass) {
        for (int c = 1; c < count; ++c)
            sweep(c, c - 1);
        for (int c = count - 2; c >= 0; --c)
            sweep(c, c + 1);
    }
}

} // namespace Deck::Models
