// SPDX-License-Identifier: GPL-3.0-or-later
#include "chainlinks.h"

#include <algorithm>

namespace Deck::Core {

namespace {

std::optional<qsizetype> lookup(const QHash<qint64, qsizetype> &index, qint64 processId)
{
    const auto it = index.constFind(processId);
    return it == index.cend() ? std::nullopt : std::optional(*it);
}

} // namespace

ChainLinks::ChainLinks(StitchResult whole)
    : m_offsets(whole.offsets)
{
    add(whole);
    whole.links.clear();
    whole.unstitched.clear();
    m_whole = std::move(whole);
}

ChainLinks::ChainLinks(Database &db, StitchBasis basis, const StitchOptions &options)
    : m_offsets(basis.estimate.offsets)
{
    StitchOptions all = options;
    all.hostId.reset(); // a chain crosses hosts
    m_scoped.emplace(db, std::move(basis), all);
}

void ChainLinks::add(const HostLink &l)
{
    const qsizetype i = m_links.size();
    m_links.append(l);
    // Several links on one process: the latest by linkBefore, the one the whole case's order puts last.
    const auto keepLatest = [&](QHash<qint64, qsizetype> &index, qint64 processId) {
        const auto it = index.find(processId);
        if (it == index.end() || linkBefore(m_links[*it], l))
            index.insert(processId, i);
    };
    if (l.clientProcessId) {
        QList<qsizetype> &made = m_byClient[*l.clientProcessId];
        made.insert(std::upper_bound(made.begin(), made.end(), i,
                                     [&](qsizetype a, qsizetype b) { return linkBefore(m_links[a], m_links[b]); }),
                    i);
    }
    if (l.serverProcessId)
        keepLatest(l.acceptedByListener ? m_byListener : m_byServer, *l.serverProcessId);
    for (const qint64 id : l.sessionProcessIds)
        keepLatest(m_byServer, id);
}

void ChainLinks::add(const StitchResult &result)
{
    for (const HostLink &l : result.links)
        add(l);
    m_unstitched += result.unstitched;
}

Expected<QSet<QString>> ChainLinks::connections(const QList<qint64> &processIds, Side side)
{
    if (side == Client)
        return connectionsOfProcesses(m_scoped->db(), processIds, QStringLiteral("connect"));
    if (side == Accepts)
        return connectionsOfProcesses(m_scoped->db(), processIds, QStringLiteral("accept"));
    const QSet<qint64> ids(processIds.cbegin(), processIds.cend());
    auto listeners = listenersAmong(m_scoped->db(), ids);
    if (!listeners)
        return listeners.error();
    QList<qint64> accepting;
    for (const qint64 id : processIds)
        if (!listeners->contains(id))
            accepting.append(id);
    auto keys = connectionsOfProcesses(m_scoped->db(), accepting, QStringLiteral("accept"));
    if (!keys)
        return keys;
    for (const SshSessionProcess &s : m_scoped->basis().facts.sessions)
        if (ids.contains(s.id))
            keys->insert(s.connection);
    return keys;
}

Expected<void> ChainLinks::reach(const QList<qint64> &processIds, int sides)
{
    if (!m_scoped)
        return {};
    QSet<QString> keys;
    for (const Side side : {Client, Server, Accepts}) {
        if (!(sides & side))
            continue;
        QList<qint64> fresh;
        for (const qint64 id : processIds) {
            int &reached = m_reached[id];
            if (!(reached & side))
                fresh.append(id);
            reached |= side;
        }
        if (fresh.isEmpty())
            continue;
        auto more = connections(fresh, side);
        if (!more)
            return more.error();
        keys.unite(*more);
    }
    keys.subtract(m_loaded);
    if (keys.isEmpty())
        return {};
    m_loaded.unite(keys);
    auto stitched = m_scoped->connections(keys);
    if (!stitched)
        return stitched.error();
    add(*stitched);
    return {};
}

std::optional<qsizetype> ChainLinks::asServer(qint64 processId) const
{
    return lookup(m_byServer, processId);
}

std::optional<qsizetype> ChainLinks::asListener(qint64 processId) const
{
    return lookup(m_byListener, processId);
}

QList<UnstitchedConnection> ChainLinks::unstitchedOf(qint64 processId) const
{
    QList<UnstitchedConnection> own;
    for (const UnstitchedConnection &u : m_unstitched)
        if (u.processId == processId)
            own.append(u);
    std::sort(own.begin(), own.end(), unstitchedBefore);
    return own;
}

QSet<QString> ChainLinks::monitoredAddresses() const
{
    if (m_whole)
        return m_whole->monitoredAddresses;
    QSet<QString> addresses;
    for (auto it = m_scoped->basis().facts.hostsByAddress.cbegin(); it != m_scoped->basis().facts.hostsByAddress.cend();
         ++it)
        addresses.insert(it.key());
    return addresses;
}

Expected<QHash<qint64, QString>> ChainLinks::hostnames()
{
    if (m_whole)
        return m_whole->hostnames;
    return m_scoped->hostnames();
}

} // namespace Deck::Core
