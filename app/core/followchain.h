// SPDX-License-Identifier: GPL-3.0-or-later
// "Follow process", like Wireshark's Follow Stream: from a process, the chain across monitored hosts — the client
// process, each stitched connection it made (stitchqueries.h), the server's accepting process and its descendants
// (ssh -> sshd -> sshd session -> bash -> command), and on through the connections those made in turn. A process on
// the server side of a link (the accepting process, one of its descendants, or a process of the ssh session) is
// followed back to the client first, so the chain is the same from any process of it.
// Each step carries its host, its raw time (that host's clock) and the time corrected to the clock of the chain's
// first host by the estimated offsets; corrected is absent where a host pair has no estimate. Raw times are never
// changed. When the process made connections that could not be stitched, they are listed with the reason.
// Thread: the Database's thread. Errors: the store's, naming the database; NotFound for an unknown process.
#pragma once

#include "stitchqueries.h"

namespace Deck::Core {

struct FollowStep
{
    enum class Kind { Process, Connection };
    Kind kind = Kind::Process;
    int depth = 0;
    qint64 hostId = 0;
    QString role; // client | accept | session | descendant (processes), connection
    std::optional<ProcessRow> process; // Kind::Process
    std::optional<qint64> link; // Kind::Connection: the index into FollowChain::links
    qint64 rawTs = 0; // a process's start, a connection's connect (the client's clock)
    std::optional<qint64> correctedTs; // on the first host's clock
    std::optional<qint64> acceptRawTs; // Kind::Connection: the server's accept (its clock), when recorded
    std::optional<qint64> acceptCorrectedTs;
};

struct FollowChain
{
    qint64 processId = 0; // the process asked about
    qint64 originHostId = 0; // the host whose clock the corrected times use
    QList<FollowStep> steps; // in display order (depth-first)
    QList<HostLink> links; // the links the chain crosses
    QList<ClockOffset> offsets; // the estimates it used
    QList<UnstitchedConnection> unstitched; // the asked process's connections to monitored hosts not stitched
    qint64 unmonitoredConnections = 0; // the asked process's connections to hosts not monitored
    bool truncated = false; // more than the step limit
    QHash<qint64, QString> hostnames; // every host of the case by id
};

class FollowQueries
{
public:
    static constexpr int kMaxHops = 16;

    explicit FollowQueries(Database &db);

    Expected<FollowChain> follow(qint64 processId, const StitchOptions &options = {}, int maxSteps = 5000);

private:
    Database &m_db;
};

} // namespace Deck::Core
