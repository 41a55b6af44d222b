// SPDX-License-Identifier: GPL-3.0-or-later
// The network map's aggregates over net_events, in the manner of Wireshark's Conversations and Endpoints:
// - conversations: one row per (host, protocol, local address:port, remote address:port, process) with the summed
//   event count, the first and last time and the process's pid, name, uid and gid, with the names the uid and gid had
//   on the host as of the process's latest ids (accountnames.h);
// - endpoints: one row per remote address with its ports, counts, and the processes and hosts that talked to it;
// - links: one row per (process, remote address), the edges of the network graph.
// Only events with a remote end count (a listen or bind alone is no conversation). All are filtered by a
// NetworkFilter, sorted in SQL by a fixed set of orders and read in pages (limit, offset), with a count of all rows
// for "N of M". An aggregated event counts when its first occurrence lies in the range.
// Thread: the Database's thread. Errors: the store's, naming the database.
#pragma once

#include "querytypes.h"

namespace Deck::Core {

struct NetworkFilter
{
    TimeRange range;
    std::optional<qint64> hostId;
    std::optional<qint64> processId;
    QString remoteAddress; // empty: any
};

struct ConversationRow
{
    qint64 hostId = 0;
    QString hostname;
    QString proto;
    QString laddr;
    qint64 lport = 0;
    QString raddr;
    std::optional<qint64> rport;
    qint64 events = 0;
    qint64 firstTs = 0;
    qint64 lastTs = 0;
    std::optional<qint64> processId; // absent when the events name no process
    std::optional<qint64> pid;
    QString comm;
    std::optional<qint64> uid;
    std::optional<qint64> gid;
    QString userName; // the uid's and gid's names as of the process's latest ids (ProcessRow::userName's rule);
    QString groupName; // empty: unknown (accountnames.h)
};

// The ports and process names of an endpoint or link are listed when there are at most this many of them; above,
// only their number is given (a port scan must not return 65535 ports per row).
inline constexpr int kListedAtMost = 12;

struct EndpointRow
{
    QString address;
    QList<qint64> ports; // sorted; empty when portCount > kListedAtMost
    qint64 portCount = 0;
    qint64 events = 0;
    qint64 conversations = 0;
    qint64 firstTs = 0;
    qint64 lastTs = 0;
    QStringList processes; // distinct process names, sorted; empty when processCount > kListedAtMost
    qint64 processCount = 0;
    qint64 hostCount = 0;
};

struct LinkRow
{
    std::optional<ProcessRow> process; // absent when the events name no process
    qint64 hostId = 0;
    QString hostname;
    QString raddr;
    QList<qint64> ports; // as EndpointRow::ports
    qint64 portCount = 0;
    QStringList protos;
    qint64 events = 0;
    qint64 firstTs = 0;
    qint64 lastTs = 0;
};

template <typename T> struct CountedRows
{
    QList<T> rows;
    qint64 total = 0; // rows of the whole result, shown or not
};

enum class ConversationOrder { First, Last, Events, Host, Local, Remote, Protocol, Process, User, Group };
enum class EndpointOrder { Address, Ports, Events, Conversations, Processes, Hosts, First, Last };

struct Sorting
{
    int column = 0; // a ConversationOrder or EndpointOrder
    bool descending = false;
};

class NetworkQueries
{
public:
    explicit NetworkQueries(Database &db);

    Expected<CountedRows<ConversationRow>> conversations(const NetworkFilter &filter, Sorting sorting, int limit,
                                                         int offset = 0);
    Expected<CountedRows<EndpointRow>> endpoints(const NetworkFilter &filter, Sorting sorting, int limit,
                                                 int offset = 0);
    // Each host's first link, then each host's second, ... (every host shows in a short page), by first time within a
    // round; at most `limit` links from `offset` on.
    Expected<CountedRows<LinkRow>> links(const NetworkFilter &filter, int limit, int offset = 0);

private:
    Database &m_db;
};

} // namespace Deck::Core
