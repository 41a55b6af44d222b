// SPDX-License-Identifier: GPL-3.0-or-later
// The stitched links a "follow process" chain (followchain.h) may cross, internal to flightdeck_core, gathered as
// the chain reaches processes: either all of the whole case's at once, or, on a stored basis (scopedstitch.h), the
// 4-tuple groups of the processes reached so far, hop by hop, and of the side the chain asks about: the connections
// a process made (asClient), or those that make it a link's server (asServer: its accepts unless it is a listener,
// whose accepts are asListener's, and its ssh session). So a listener that accepted thousands of connections costs
// nothing when a chain only passes through it. Either way a process's links are the same: those the whole case
// gives it. Thread: the Database's thread.
#pragma once

#include "scopedstitch.h"

namespace Deck::Core {

class ChainLinks
{
public:
    explicit ChainLinks(StitchResult whole); // every link known
    ChainLinks(Database &db, StitchBasis basis, const StitchOptions &options);

    enum Side {
        Client = 1, // the connects: asClient
        Server = 2, // the ssh sessions, and the accepts of processes that never listened: asServer
        Accepts = 4, // every accept: asListener
    };
    // Makes known the links of these processes on `sides` (a combination of Side).
    Expected<void> reach(const QList<qint64> &processIds, int sides);

    const HostLink &link(qsizetype index) const { return m_links[index]; }
    // The links the process made, by linkBefore; the link whose server side it is (its accept, or a process of its
    // ssh session), the latest by linkBefore; the link its accept() as a listener took.
    QList<qsizetype> asClient(qint64 processId) const { return m_byClient.value(processId); }
    std::optional<qsizetype> asServer(qint64 processId) const;
    std::optional<qsizetype> asListener(qint64 processId) const;

    const QList<ClockOffset> &offsets() const { return m_offsets; }
    // The process's connections to monitored hosts that were not stitched (it must have been reached), by time.
    QList<UnstitchedConnection> unstitchedOf(qint64 processId) const;
    QSet<QString> monitoredAddresses() const;
    Expected<QHash<qint64, QString>> hostnames();

private:
    void add(const StitchResult &result);
    Expected<QSet<QString>> connections(const QList<qint64> &processIds, Side side);
    void add(const HostLink &link);

    std::optional<ScopedStitch> m_scoped;
    std::optional<StitchResult> m_whole; // its links moved into m_links
    QList<HostLink> m_links;
    QList<UnstitchedConnection> m_unstitched;
    QList<ClockOffset> m_offsets;
    QHash<qint64, int> m_reached; // the sides reached of each process
    QSet<QString> m_loaded; // 4-tuple groups stitched
    QHash<qint64, QList<qsizetype>> m_byClient;
    QHash<qint64, qsizetype> m_byServer;
    QHash<qint64, qsizetype> m_byListener;
};

} // namespace Deck::Core
