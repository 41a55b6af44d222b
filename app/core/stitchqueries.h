// SPDX-License-Identifier: GPL-3.0-or-later
// Cross-host stitching: a TCP connection from one monitored host to another, seen by both collectors, links the
// client process (its `connect`) to the server's accepting process (its `accept`) and so to that process's
// descendants — an ssh client to sshd and the session's shell and commands. A pair matches when
// - the 4-tuple agrees: the client's local address:port is the server's remote one and the reverse, same protocol;
// - the two hosts differ, and neither address is a loopback one;
// - the times agree within `maxSkew` (a window that tolerates the hosts' clock offset); of several candidates (a
//   port used again), the one nearest the pair's estimated offset wins, and it must lie within `tolerance` of it.
//   Each accept is used by one connect.
// The clock offset of each host pair is then the median of its matched pairs (clockoffsets.h).
// SSH sessions: a process on the server whose recorded SSH_CONNECTION ("client_ip client_port server_ip
// server_port", in the collector's environment allowlist) names the connection belongs to it; it confirms the link
// and, when the server's accept was not recorded, is the link on its own (evidence "ssh-env").
// What cannot be stitched is said, never dropped: a connect to another monitored host's address without a matching
// accept (with the reason the case can give: a loss recorded there, no recording there at that time, or none
// known — address translation or an unrecorded accept), an accept from a monitored host's address without its
// connect, and the connections to and from addresses of no monitored host (unmonitored hosts or NAT), counted.
// Connections already open when a collector started (`exists`) are not stitched: their time is not the handshake's.
// What it reads: the host pairs' offsets need every connection of the case; they are computed once and kept
// (stitchbasis.h) until an archive arrives. With them, a host's links read only the connections that host takes part
// in (scopedstitch.h), and "follow process" (followchain.h) only those of its chain; the whole case's links read
// every TCP connect and accept (memory grows with them). Each answer is the same as the whole case's filtered to
// it. Thread: the Database's thread. Errors: the store's, naming the database.
#pragma once

#include "clockoffsets.h"
#include "querytypes.h"

#include <QHash>
#include <QSet>

namespace Deck::Core {

struct StitchOptions
{
    qint64 maxSkewNs = 600'000'000'000; // the two hosts' clocks may differ by this much
    qint64 toleranceNs = 5'000'000'000; // a pair's distance from its host pair's offset
    std::optional<qint64> hostId; // only links and unstitched connections that involve this host
    // Compute everything over the whole case, reading and storing no basis: the reference the scoped answers equal
    // (tests, benchmarks).
    bool wholeCase = false;
};

struct HostLink
{
    QString evidence; // "4-tuple", "4-tuple+ssh-env" (SSH_CONNECTION agrees) or "ssh-env" (no accept recorded)
    QString proto;
    qint64 clientHostId = 0;
    QString clientAddr;
    qint64 clientPort = 0;
    qint64 serverHostId = 0;
    QString serverAddr;
    qint64 serverPort = 0;
    qint64 connectEventId = 0;
    qint64 connectTs = 0; // raw, the client's clock
    std::optional<qint64> clientProcessId;
    std::optional<qint64> clientUid;
    std::optional<qint64> acceptEventId;
    std::optional<qint64> acceptTs; // raw, the server's clock
    std::optional<qint64> serverProcessId; // the accepting process, else the first ssh session process
    // The accepting process is the listener itself (a server that does not fork, or the sockdiag fallback's owner):
    // its descendants serve other connections too and are not this one's.
    bool acceptedByListener = false;
    std::optional<qint64> serverUid; // the ssh session's user when there is one, else the accepting process's
    QList<qint64> sessionProcessIds; // the top processes on the server whose SSH_CONNECTION names this connection
};

struct UnstitchedConnection
{
    QString side; // "connect" (a client's) or "accept" (a server's)
    qint64 hostId = 0;
    std::optional<qint64> processId;
    qint64 eventId = 0;
    qint64 ts = 0;
    QString laddr;
    qint64 lport = 0;
    QString raddr;
    qint64 rport = 0;
    QList<qint64> peerHostIds; // the monitored hosts that use raddr
    QString reason; // one sentence
};

// Connections with an address of no monitored host at the other end: per host and side, how many and where to.
struct UnmonitoredPeers
{
    qint64 hostId = 0;
    QString side; // "connect" or "accept"
    qint64 connections = 0;
    qint64 addresses = 0;
};

struct StitchResult
{
    QList<HostLink> links; // by connect time
    QList<ClockOffset> offsets;
    QList<UnstitchedConnection> unstitched; // with a monitored host at the other end, by time
    QList<UnmonitoredPeers> unmonitored; // by host, side
    qint64 openBeforeCapture = 0; // TCP sockets open when a collector started (exists), not stitched
    QSet<QString> monitoredAddresses; // the local addresses the hosts of the case used (no loopback, no wildcard)
    QHash<qint64, QString> hostnames; // every host of the case by id
};

// The host pairs' clock offsets alone (`query clocks`, the Hosts view): read from the stored basis.
struct StitchOffsets
{
    QList<ClockOffset> offsets; // those involving options.hostId when given
    QHash<qint64, QString> hostnames; // every host of the case by id
};

class StitchQueries
{
public:
    explicit StitchQueries(Database &db);

    Expected<StitchResult> stitch(const StitchOptions &options = {});
    Expected<StitchOffsets> clockOffsets(const StitchOptions &options = {});

private:
    Database &m_db;
};

} // namespace Deck::Core
