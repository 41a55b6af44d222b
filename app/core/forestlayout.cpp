// SPDX-License-Identifier: GPL-3.0-or-later
#include "forestlayout.h"

#include <QHash>

#include <algorithm>
#include <tuple>
#include <vector>

namespace Deck::Core {

namespace {

// Each row's children, as a run of row indexes in display order (by start, then id), found once for all rows.
class ChildIndex
{
public:
    explicit ChildIndex(const QList<TreeRow> &rows)
        : m_begin(size_t(rows.size()), 0)
        , m_end(size_t(rows.size()), 0)
    {
        QHash<qint64, qsizetype> rowOf;
        rowOf.reserve(rows.size());
        for (qsizetype i = 0; i < rows.size(); ++i)
            rowOf.insert(rows[i].process.id, i);
        struct Link
        {
            qsizetype parent;
            qint64 start;
            qint64 id;
            qsizetype row;
        };
        std::vector<Link> links;
        links.reserve(size_t(rows.size()));
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const ProcessRow &p = rows[i].process;
            if (!p.parentId)
                continue;
            const auto parent = rowOf.constFind(*p.parentId);
            if (parent != rowOf.cend())
                links.push_back({*parent, p.startTs, p.id, i});
        }
        std::sort(links.begin(), links.end(), [](const Link &a, const Link &b) {
            return std::tie(a.parent, a.start, a.id) < std::tie(b.parent, b.start, b.id);
        });
        m_children.reserve(links.size());
        for (size_t i = 0; i < links.size(); ++i) {
            if (i == 0 || links[i].parent != links[i - 1].parent)
                m_begin[size_t(links[i].parent)] = i;
            m_end[size_t(links[i].parent)] = i + 1;
            m_children.push_back(links[i].row);
        }
    }

    // The children of row `row`, as a range of row indexes.
    std::pair<const qsizetype *, const qsizetype *> of(qsizetype row) const
    {
        return {m_children.data() + m_begin[size_t(row)], m_children.data() + m_end[size_t(row)]};
    }

private:
    std::vector<size_t> m_begin, m_end;
    std::vector<qsizetype> m_children;
};

// The rows at `order` (kept), in that order, moved in place: a million rows are a few hundred MB, and a second list
// of them cost more than laying them out.
QList<TreeRow> inOrder(QList<TreeRow> rows, std::vector<qsizetype> order, const std::vector<bool> &kept)
{
    const qsizetype keptRows = qsizetype(order.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (!kept[size_t(i)])
            order.push_back(i); // the rest after them, to be dropped: a whole permutation
    }
    // rows'[t] = rows[order[t]], one cycle at a time.
    std::vector<bool> placed(order.size(), false);
    for (size_t start = 0; start < order.size(); ++start) {
        if (placed[start] || order[start] == qsizetype(start)) {
            placed[start] = true;
            continue;
        }
        TreeRow first = std::move(rows[qsizetype(start)]);
        size_t to = start;
        for (;;) {
            placed[to] = true;
            const size_t from = size_t(order[to]);
            if (from == start) {
                rows[qsizetype(to)] = std::move(first);
                break;
            }
            rows[qsizetype(to)] = std::move(rows[qsizetype(from)]);
            to = from;
        }
    }
    rows.resize(keptRows);
    return rows;
}

} // namespace

Descendants layOutForest(QList<TreeRow> rows, int maxDepth, int limit)
{
    Descendants result;
    const ChildIndex children(rows);
    std::vector<qsizetype> roots;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows[i].depth == 0)
            roots.push_back(i);
    }
    std::sort(roots.begin(), roots.end(), [&rows](qsizetype a, qsizetype b) {
        return std::tie(rows[a].process.startTs, rows[a].process.id)
            < std::tie(rows[b].process.startTs, rows[b].process.id);
    });
    // Breadth-first, to know which rows the limit keeps and each one's depth.
    std::vector<bool> kept(size_t(rows.size()), false);
    std::vector<qsizetype> level = roots;
    qsizetype keptRows = 0;
    for (int depth = 0; !level.empty(); ++depth) {
        std::vector<qsizetype> next;
        for (const qsizetype i : level) {
            if (keptRows == limit) {
                result.truncated = true;
                break;
            }
            kept[size_t(i)] = true;
            rows[i].depth = depth;
            ++keptRows;
            const auto [first, last] = children.of(i);
            if (depth == maxDepth) {
                if (first != last || rows[i].process.hasChildren) {
                    rows[i].process.hasChildren = true;
                    result.truncated = true;
                }
                continue;
            }
            next.insert(next.end(), first, last);
        }
        if (keptRows == limit && !next.empty())
            result.truncated = true;
        level = std::move(next);
        if (keptRows == limit)
            break;
    }
    // Depth-first in display order over the kept rows: where each row goes.
    std::vector<qsizetype> order;
    order.reserve(size_t(rows.size()));
    std::vector<qsizetype> stack(roots.rbegin(), roots.rend());
    while (!stack.empty()) {
        const qsizetype i = stack.back();
        stack.pop_back();
        if (!kept[size_t(i)])
            continue;
        TreeRow &row = rows[i];
        const size_t before = stack.size();
        if (row.depth < maxDepth) {
            const auto [first, last] = children.of(i);
            for (auto it = last; it != first; --it) {
                if (kept[size_t(*(it - 1))])
                    stack.push_back(*(it - 1));
            }
            row.process.hasChildren = stack.size() > before;
        }
        order.push_back(i);
    }
    result.rows = inOrder(std::move(rows), order, kept);
    return result;
}

} // namespace Deck::Core
