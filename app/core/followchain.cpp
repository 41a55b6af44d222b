// SPDX-License-Identifier: GPL-3.0-or-later
#include "followchain.h"

#include "database.h"
#include "processqueries.h"
#include "querysql.h"
#include "stitchinputs.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

std::optional<qint64> minus(qint64 ts, std::optional<qint64> offset)
{
    if (!offset)
        return std::nullopt;
    return ts - *offset;
}

std::optional<qint64> plus(std::optional<qint64> a, std::optional<qint64> b)
{
    if (!a || !b)
        return std::nullopt;
    return *a + *b;
}

class ChainBuilder
{
public:
    ChainBuilder(Database &db, StitchResult stitched, int maxSteps)
        : m_queries(db)
        , m_stitched(std::move(stitched))
        , m_maxSteps(maxSteps)
    {
        for (qsizetype i = 0; i < m_stitched.links.size(); ++i) {
            const HostLink &l = m_stitched.links[i];
            if (l.clientProcessId)
                m_byClient[*l.clientProcessId].append(i);
            if (l.serverProcessId)
                (l.acceptedByListener ? m_byListener : m_byServer).insert(*l.serverProcessId, i);
            for (const qint64 id : l.sessionProcessIds)
                m_byServer.insert(id, i);
        }
    }

    // The first client of the chain `processId` belongs to: up through the links whose server side holds it.
    Expected<qint64> origin(qint64 processId)
    {
        qint64 top = processId;
        QSet<qint64> seen{top};
        for (int hop = 0; hop < FollowQueries::kMaxHops; ++hop) {
            auto above = m_queries.ancestors(top);
            if (!above)
                return above.error();
            // The process itself may be the listener that accepted; its descendants are not that link's.
            std::optional<qsizetype> link = m_byServer.contains(top) ? std::optional(m_byServer.value(top))
                : m_byListener.contains(top)                         ? std::optional(m_byListener.value(top))
                                                                     : std::nullopt;
            for (qsizetype i = 0; !link && i < above->size(); ++i)
                if (m_byServer.contains(above->at(i).id))
                    link = m_byServer.value(above->at(i).id);
            if (!link || !m_stitched.links[*link].clientProcessId)
                break;
            top = *m_stitched.links[*link].clientProcessId;
            if (seen.contains(top))
                break; // hostile data: a loop of links
            seen.insert(top);
        }
        return top;
    }

    Expected<void> build(FollowChain &chain, qint64 rootId)
    {
        auto root = m_queries.process(rootId);
        if (!root)
            return root.error();
        chain.originHostId = root->hostId;
        m_chain = &chain;
        return emitProcess(*root, 0, u"client"_s, qint64(0));
    }

    const StitchResult &stitched() const { return m_stitched; }

private:
    bool full()
    {
        if (m_chain->steps.size() < m_maxSteps)
            return false;
        m_chain->truncated = true;
        return true;
    }

    // `toOrigin`: clock(this host) - clock(the origin host), when known.
    Expected<void> emitProcess(const ProcessRow &row, int depth, const QString &role, std::optional<qint64> toOrigin)
    {
        if (full())
            return {};
        FollowStep step;
        step.depth = depth;
        step.hostId = row.hostId;
        step.role = role;
        step.process = row;
        step.rawTs = row.startTs;
        step.correctedTs = minus(row.startTs, toOrigin);
        m_chain->steps.append(step);
        for (const qsizetype li : m_byClient.value(row.id)) {
            if (auto done = emitLink(li, depth + 1, toOrigin); !done)
                return done;
        }
        return {};
    }

    Expected<void> emitLink(qsizetype li, int depth, std::optional<qint64> clientToOrigin)
    {
        if (m_followed.contains(li) || full())
            return {};
        m_followed.insert(li);
        const HostLink &l = m_stitched.links[li];
        const std::optional<qint64> serverToOrigin
            = plus(clientToOrigin, clockOffset(m_stitched.offsets, l.clientHostId, l.serverHostId));
        FollowStep step;
        step.kind = FollowStep::Kind::Connection;
        step.depth = depth;
        step.hostId = l.clientHostId;
        step.role = u"connection"_s;
        step.link = m_chain->links.size();
        step.rawTs = l.connectTs;
        step.correctedTs = minus(l.connectTs, clientToOrigin);
        step.acceptRawTs = l.acceptTs;
        if (l.acceptTs)
            step.acceptCorrectedTs = minus(*l.acceptTs, serverToOrigin);
        m_chain->links.append(l);
        m_chain->steps.append(step);
        QSet<qint64> shown;
        QList<qint64> roots;
        if (l.serverProcessId)
            roots.append(*l.serverProcessId);
        roots.append(l.sessionProcessIds);
        for (const qint64 root : std::as_const(roots)) {
            if (shown.contains(root))
                continue;
            const QString role = l.acceptEventId && l.serverProcessId == root ? u"accept"_s : u"session"_s;
            const bool alone = l.acceptedByListener && l.serverProcessId == root;
            if (auto done = emitSubtree(root, depth + 1, role, serverToOrigin, shown, alone); !done)
                return done;
        }
        return {};
    }

    // The process and (unless `alone`) its descendants depth-first, siblings by start time.
    Expected<void> emitSubtree(qint64 rootId, int depth, const QString &role, std::optional<qint64> toOrigin,
                               QSet<qint64> &shown, bool alone)
    {
        auto tree = m_queries.descendants(rootId, alone ? 0 : ProcessQueries::kMaxDepth, m_maxSteps);
        if (!tree)
            return tree.error();
        if (tree->truncated && !alone)
            m_chain->truncated = true;
        QHash<qint64, QList<const TreeRow *>> children;
        for (const TreeRow &row : std::as_const(tree->rows))
            if (row.depth > 0 && row.process.parentId)
                children[*row.process.parentId].append(&row); // already by start time within a depth
        QList<const TreeRow *> stack;
        for (const TreeRow &row : std::as_const(tree->rows))
            if (row.depth == 0)
                stack.append(&row);
        while (!stack.isEmpty()) {
            const TreeRow *row = stack.takeLast();
            if (shown.contains(row->process.id))
                continue;
            shown.insert(row->process.id);
            const QString rowRole = row->depth == 0 ? role : u"descendant"_s;
            if (auto done = emitProcess(row->process, depth + row->depth, rowRole, toOrigin); !done)
                return done;
            const auto kids = children.value(row->process.id);
            for (auto it = kids.crbegin(); it != kids.crend(); ++it)
                stack.append(*it);
        }
        return {};
    }

    ProcessQueries m_queries;
    StitchResult m_stitched;
    int m_maxSteps;
    FollowChain *m_chain = nullptr;
    QHash<qint64, QList<qsizetype>> m_byClient;
    QHash<qint64, qsizetype> m_byServer;
    QHash<qint64, qsizetype> m_byListener;
    QSet<qsizetype> m_followed;
};

Expected<qint64> unmonitoredConnections(Database &db, qint64 processId, const QSet<QString> &monitored)
{
    auto q = db.query(u"SELECT raddr FROM net_events WHERE process_id = ? AND op = 'connect' AND proto = 'tcp' "
                      u"AND raddr IS NOT NULL"_s,
                      {processId});
    if (!q)
        return q.error();
    qint64 count = 0;
    while (q->next()) {
        const QString address = q->value(0).toString();
        if (!isLocalOnlyAddress(address) && !monitored.contains(address))
            ++count;
    }
    return count;
}

} // namespace

FollowQueries::FollowQueries(Database &db)
    : m_db(db)
{
}

Expected<FollowChain> FollowQueries::follow(qint64 processId, const StitchOptions &options, int maxSteps)
{
    StitchOptions all = options;
    all.hostId.reset(); // a chain crosses hosts
    auto stitched = StitchQueries(m_db).stitch(all);
    if (!stitched)
        return stitched.error();
    ChainBuilder builder(m_db, std::move(*stitched), std::max(1, maxSteps));
    FollowChain chain;
    chain.processId = processId;
    auto root = builder.origin(processId);
    if (!root)
        return root.error();
    if (auto built = builder.build(chain, *root); !built)
        return built.error();
    const StitchResult &s = builder.stitched();
    chain.hostnames = s.hostnames;
    QSet<qint64> hosts;
    for (const HostLink &l : std::as_const(chain.links))
        hosts << l.clientHostId << l.serverHostId;
    for (const ClockOffset &o : s.offsets)
        if (hosts.contains(o.hostA) && hosts.contains(o.hostB))
            chain.offsets.append(o);
    for (const UnstitchedConnection &u : s.unstitched)
        if (u.processId == processId)
            chain.unstitched.append(u);
    auto unmonitored = unmonitoredConnections(m_db, processId, s.monitoredAddresses);
    if (!unmonitored)
        return unmonitored.error();
    chain.unmonitoredConnections = *unmonitored;
    return chain;
}

} // namespace Deck::Core
