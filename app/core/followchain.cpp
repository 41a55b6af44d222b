// SPDX-License-Identifier: GPL-3.0-or-later
#include "followchain.h"

#include "chainlinks.h"
#include "database.h"
#include "processqueries.h"
#include "querysql.h"

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
    ChainBuilder(Database &db, ChainLinks &links, int maxSteps)
        : m_queries(db)
        , m_links(links)
        , m_maxSteps(maxSteps)
    {
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
            QList<qint64> line{top};
            for (const ProcessRow &row : std::as_const(*above))
                line.append(row.id);
            if (auto reached = m_links.reach(line, ChainLinks::Server); !reached)
                return reached.error();
            // The process itself may be the listener that accepted; its descendants are not that link's.
            std::optional<qsizetype> link = m_links.asServer(top);
            if (!link) {
                if (auto reached = m_links.reach({top}, ChainLinks::Accepts); !reached)
                    return reached.error();
                link = m_links.asListener(top);
            }
            for (qsizetype i = 0; !link && i < above->size(); ++i)
                link = m_links.asServer(above->at(i).id);
            if (!link || !m_links.link(*link).clientProcessId)
                break;
            top = *m_links.link(*link).clientProcessId;
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
        if (auto reached = m_links.reach({row.id}, ChainLinks::Client); !reached)
            return reached.error();
        for (const qsizetype li : m_links.asClient(row.id)) {
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
        const HostLink l = m_links.link(li); // a copy: reaching further may add links
        const std::optional<qint64> serverToOrigin
            = plus(clientToOrigin, clockOffset(m_links.offsets(), l.clientHostId, l.serverHostId));
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
        QList<qint64> ids;
        for (const TreeRow &row : std::as_const(tree->rows)) {
            ids.append(row.process.id);
            if (row.depth == 0)
                stack.append(&row);
        }
        if (auto reached = m_links.reach(ids, ChainLinks::Client); !reached) // the subtree's in one go
            return reached.error();
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
    ChainLinks &m_links;
    int m_maxSteps;
    FollowChain *m_chain = nullptr;
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
    std::optional<ChainLinks> links;
    if (all.wholeCase) {
        auto whole = stitchWholeCase(m_db, all);
        if (!whole)
            return whole.error();
        links.emplace(std::move(*whole));
    } else {
        auto prepared = prepareStitch(m_db, all);
        if (!prepared)
            return prepared.error();
        if (prepared->whole) // computing the basis stitched the whole case: every link is known already
            links.emplace(std::move(*prepared->whole));
        else
            links.emplace(m_db, std::move(prepared->basis), all);
    }
    ChainBuilder builder(m_db, *links, std::max(1, maxSteps));
    FollowChain chain;
    chain.processId = processId;
    // The asked process's own connections, for what of them was not stitched.
    if (auto own = links->reach({processId}, ChainLinks::Client | ChainLinks::Accepts); !own)
        return own.error();
    auto root = builder.origin(processId);
    if (!root)
        return root.error();
    if (auto built = builder.build(chain, *root); !built)
        return built.error();
    auto hostnames = links->hostnames();
    if (!hostnames)
        return hostnames.error();
    chain.hostnames = std::move(*hostnames);
    QSet<qint64> hosts;
    for (const HostLink &l : std::as_const(chain.links))
        hosts << l.clientHostId << l.serverHostId;
    for (const ClockOffset &o : links->offsets())
        if (hosts.contains(o.hostA) && hosts.contains(o.hostB))
            chain.offsets.append(o);
    chain.unstitched = links->unstitchedOf(processId);
    auto unmonitored = unmonitoredConnections(m_db, processId, links->monitoredAddresses());
    if (!unmonitored)
        return unmonitored.error();
    chain.unmonitoredConnections = *unmonitored;
    return chain;
}

} // namespace Deck::Core
