// SPDX-License-Identifier: GPL-3.0-or-later
#include "scopedstitch.h"

namespace Deck::Core {

ScopedStitch::ScopedStitch(Database &db, StitchBasis basis, const StitchOptions &options)
    : m_db(db)
    , m_basis(std::move(basis))
    , m_options(options)
{
}

Expected<void> ScopedStitch::readSpans()
{
    if (m_spans)
        return {};
    StitchInputs spans;
    if (auto read = readCaseSpans(m_db, spans); !read)
        return read.error();
    m_spans = std::move(spans);
    return {};
}

Expected<QHash<qint64, QString>> ScopedStitch::hostnames()
{
    if (auto read = readSpans(); !read)
        return read.error();
    return m_spans->hostnames;
}

Expected<StitchResult> ScopedStitch::match(ScopedEnds ends, const StitchOptions &options)
{
    if (auto read = readSpans(); !read)
        return read.error();
    StitchInputs in;
    in.losses = m_spans->losses;
    in.archives = m_spans->archives;
    in.hostnames = m_spans->hostnames;
    in.facts.hostsByAddress = m_basis.facts.hostsByAddress;
    in.facts.openBeforeCapture = m_basis.facts.openBeforeCapture;
    QSet<QString> keys;
    QSet<qint64> accepting;
    for (const TcpEnd &c : std::as_const(ends.connects))
        keys.insert(connectKey(c));
    for (const TcpEnd &a : std::as_const(ends.accepts)) {
        keys.insert(acceptKey(a));
        if (a.processId)
            accepting.insert(*a.processId);
    }
    // The sessions of these groups only: no other group's can be claimed by them.
    for (const SshSessionProcess &s : std::as_const(m_basis.facts.sessions))
        if (keys.contains(s.connection))
            in.facts.sessions.append(s);
    auto listeners = listenersAmong(m_db, accepting);
    if (!listeners)
        return listeners.error();
    in.listeners = std::move(*listeners);
    in.connects = std::move(ends.connects);
    in.accepts = std::move(ends.accepts);
    return stitchEnds(std::move(in), options, &m_basis.estimate);
}

Expected<StitchResult> ScopedStitch::connections(const QSet<QString> &keys)
{
    auto ends = readEndsOfConnections(m_db, keys);
    if (!ends)
        return ends.error();
    StitchOptions all = m_options;
    all.hostId.reset();
    return match(std::move(*ends), all);
}

Expected<StitchResult> ScopedStitch::host(qint64 hostId)
{
    QSet<QString> addresses;
    QSet<qint64> sharing{hostId};
    for (auto it = m_basis.facts.hostsByAddress.cbegin(); it != m_basis.facts.hostsByAddress.cend(); ++it) {
        if (it.value().contains(hostId)) {
            addresses.insert(it.key());
            sharing.unite(it.value());
        }
    }
    auto ends = readEndsOfAddresses(m_db, sharing, addresses);
    if (!ends)
        return ends.error();
    StitchOptions one = m_options;
    one.hostId = hostId;
    return match(std::move(*ends), one);
}

} // namespace Deck::Core
