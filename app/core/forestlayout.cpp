// SPDX-License-Identifier: GPL-3.0-or-later
#include "forestlayout.h"

#include "hugepages.h"

#include <algorithm>
#include <cstring>
#include <system_error>
#include <thread>
#include <tuple>

namespace Deck::Core {

namespace {

// Rows enough to sort their links on two threads (a thread's start costs some 50 µs; at 1M rows each sort is 60 ms).
constexpr qsizetype kTwoThreadRows = 100000;

// The ids and parent links of the rows [begin, end), each sorted.
struct SortedLinks
{
    struct Link
    {
        qint64 parentId;
        qint64 start;
        qint64 id;
        qsizetype row;
        bool operator<(const Link &other) const
        {
            return std::tie(parentId, start, id) < std::tie(other.parentId, other.start, other.id);
        }
    };
    HugeVector<std::pair<qint64, qsizetype>> rowOf; // (id, row), by id
    HugeVector<Link> links; // by (parent id, start, id): display order within each parent

    void collect(const QList<TreeRow> &rows, qsizetype begin, qsizetype end)
    {
        rowOf.reserve(size_t(end - begin));
        links.reserve(size_t(end - begin));
        for (qsizetype i = begin; i < end; ++i) {
            const ProcessRow &p = rows[i].process;
            rowOf.emplace_back(p.id, i);
            if (p.parentId)
                links.push_back({*p.parentId, p.startTs, p.id, i});
        }
        std::sort(rowOf.begin(), rowOf.end());
        std::sort(links.begin(), links.end());
    }
};

// Each row's children, as a run of row indexes in display order (by start, then id), found once for all rows: the
// links sorted by (parent id, start, id) and matched with the rows sorted by id in one merge (no hash of the ids).
// Many rows are sorted in two halves, one on a thread of its own, and the halves merged as they are matched.
class ChildIndex
{
public:
    explicit ChildIndex(const QList<TreeRow> &rows)
        : m_begin(size_t(rows.size()), 0)
        , m_end(size_t(rows.size()), 0)
    {
        SortedLinks first, second;
        if (rows.size() < kTwoThreadRows) {
            first.collect(rows, 0, rows.size());
        } else {
            const qsizetype middle = rows.size() / 2;
            const auto collectSecond = [&] { second.collect(rows, middle, rows.size()); };
            std::thread other;
            try {
                other = std::thread(collectSecond);
            } catch (const std::system_error &) {
                collectSecond(); // no thread to be had: both halves here
            }
            first.collect(rows, 0, middle);
            if (other.joinable())
                other.join();
        }
        m_children.reserve(first.links.size() + second.links.size());
        // Along the links in order their parent ids only grow, and so does each half's cursor among the ids.
        auto link1 = first.links.cbegin(), link2 = second.links.cbegin();
        auto id1 = first.rowOf.cbegin(), id2 = second.rowOf.cbegin();
        while (link1 != first.links.cend() || link2 != second.links.cend()) {
            const bool fromFirst = link2 == second.links.cend() || (link1 != first.links.cend() && *link1 < *link2);
            const SortedLinks::Link &link = fromFirst ? *link1++ : *link2++;
            while (id1 != first.rowOf.cend() && id1->first < link.parentId)
                ++id1;
            while (id2 != second.rowOf.cend() && id2->first < link.parentId)
                ++id2;
            size_t row;
            if (id1 != first.rowOf.cend() && id1->first == link.parentId)
                row = size_t(id1->second);
            else if (id2 != second.rowOf.cend() && id2->first == link.parentId)
                row = size_t(id2->second);
            else
                continue; // a parent the rows do not hold
            if (m_begin[row] == m_end[row])
                m_begin[row] = m_children.size();
            m_children.push_back(link.row);
            m_end[row] = m_children.size();
        }
    }

    // The children of row `row`, as a range of row indexes.
    std::pair<const qsizetype *, const qsizetype *> of(qsizetype row) const
    {
        return {m_children.data() + m_begin[size_t(row)], m_children.data() + m_end[size_t(row)]};
    }

private:
    HugeVector<size_t> m_begin, m_end;
    HugeVector<qsizetype> m_children;
};

// The rows at `kept`, in that order, in place: a million rows are a few hundred MB, and a second list of them cost
// more than laying them out. Each row is relocated once, by memcpy (TreeRow is Q_RELOCATABLE_TYPE): moving it field
// by field was a tenth of the whole forest.
QList<TreeRow> inOrder(QList<TreeRow> rows, const HugeVector<qsizetype> &kept)
{
    HugeVector<qsizetype> order = kept;
    std::vector<bool> placed(size_t(rows.size()), false);
    for (const qsizetype i : kept)
        placed[size_t(i)] = true;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (!placed[size_t(i)])
            order.push_back(i); // the rest after them, to be dropped: a whole permutation
    }
    // rows'[t] = rows[order[t]], one cycle at a time.
    std::fill(placed.begin(), placed.end(), false);
    TreeRow *const row = rows.data();
    alignas(TreeRow) std::byte first[sizeof(TreeRow)];
    for (size_t start = 0; start < order.size(); ++start) {
        if (placed[start] || order[start] == qsizetype(start)) {
            placed[start] = true;
            continue;
        }
        std::memcpy(static_cast<void *>(first), static_cast<const void *>(row + start), sizeof(TreeRow));
        size_t to = start;
        for (;;) {
            placed[to] = true;
            const size_t from = size_t(order[to]);
            if (from == start) {
                std::memcpy(static_cast<void *>(row + to), static_cast<const void *>(first), sizeof(TreeRow));
                break;
            }
            std::memcpy(static_cast<void *>(row + to), static_cast<const void *>(row + from), sizeof(TreeRow));
            to = from;
        }
    }
    rows.resize(qsizetype(kept.size()));
    return rows;
}

} // namespace

Descendants layOutForest(QList<TreeRow> rows, int maxDepth, int limit)
{
    Descendants result;
    const ChildIndex children(rows);
    // The layout's passes jump from row to row: they read and write small arrays, not the 300-byte rows.
    const size_t count = size_t(rows.size());
    std::vector<bool> hasChildren(count, false);
    std::vector<qsizetype> roots;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        hasChildren[size_t(i)] = rows[i].process.hasChildren;
        if (rows[i].depth == 0)
            roots.push_back(i);
    }
    std::sort(roots.begin(), roots.end(), [&rows](qsizetype a, qsizetype b) {
        return std::tie(rows[a].process.startTs, rows[a].process.id)
            < std::tie(rows[b].process.startTs, rows[b].process.id);
    });
    // Breadth-first, to know which rows the limit keeps and each one's depth.
    HugeVector<int> depth(count, -1); // -1: not kept
    std::vector<qsizetype> level = roots;
    qsizetype keptRows = 0;
    for (int d = 0; !level.empty(); ++d) {
        std::vector<qsizetype> next;
        for (const qsizetype i : level) {
            if (keptRows == limit) {
                result.truncated = true;
                break;
            }
            depth[size_t(i)] = d;
            ++keptRows;
            const auto [first, last] = children.of(i);
            if (d == maxDepth) {
                if (first != last || hasChildren[size_t(i)]) {
                    hasChildren[size_t(i)] = true;
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
    HugeVector<qsizetype> order;
    order.reserve(size_t(keptRows));
    std::vector<qsizetype> stack(roots.rbegin(), roots.rend());
    while (!stack.empty()) {
        const qsizetype i = stack.back();
        stack.pop_back();
        if (depth[size_t(i)] < 0)
            continue;
        if (depth[size_t(i)] < maxDepth) {
            const size_t before = stack.size();
            const auto [first, last] = children.of(i);
            for (auto it = last; it != first; --it) {
                if (depth[size_t(*(it - 1))] >= 0)
                    stack.push_back(*(it - 1));
            }
            hasChildren[size_t(i)] = stack.size() > before;
        }
        order.push_back(i);
    }
    result.rows = inOrder(std::move(rows), order);
    for (size_t t = 0; t < order.size(); ++t) {
        TreeRow &row = result.rows[qsizetype(t)];
        row.depth = depth[size_t(order[t])];
        row.process.hasChildren = hasChildren[size_t(order[t])];
    }
    return result;
}

} // namespace Deck::Core
