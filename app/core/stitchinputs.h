// SPDX-License-Identifier: GPL-3.0-or-later
// What cross-host stitching (stitchqueries.h) reads from a case, internal to flightdeck_core: TCP connects and
// accepts, the addresses each host used locally, the processes that carry an SSH_CONNECTION, and where each host's
// record has losses or no archive. Either all of the case (readStitchInputs) or the connects and accepts of some
// connections only (readScopedEnds: whole 4-tuple groups, see stitcher.h), the facts about the whole case then
// coming from the stored basis (stitchbasis.h). Thread: the Database's thread.
#pragma once

#include "querytypes.h"

#include <QHash>
#include <QSet>

namespace Deck::Core {

struct TcpEnd
{
    qint64 eventId = 0;
    qint64 hostId = 0;
    qint64 ts = 0;
    std::optional<qint64> processId;
    std::optional<qint64> uid;
    QString laddr;
    qint64 lport = 0;
    QString raddr;
    qint64 rport = 0;
};

// A process whose environment names an ssh connection.
struct SshSessionProcess
{
    qint64 id = 0;
    qint64 hostId = 0;
    qint64 startTs = 0;
    std::optional<qint64> parentId;
    std::optional<qint64> uid;
    QString connection; // the SSH_CONNECTION value: "client_ip client_port server_ip server_port"
};

struct TimeSpan
{
    qint64 hostId = 0;
    qint64 from = 0;
    qint64 to = 0;
};

// What the case as a whole says, whichever connections are stitched.
struct StitchFacts
{
    QHash<QString, QSet<qint64>> hostsByAddress; // local addresses (no loopback, no wildcard) -> hosts
    QList<SshSessionProcess> sessions;
    QHash<qint64, qint64> openBeforeCapture; // per host: TCP connections open when its collector started
};

struct StitchInputs
{
    QList<TcpEnd> connects; // by (time, id)
    QList<TcpEnd> accepts; // by (time, id)
    StitchFacts facts;
    QList<TimeSpan> losses;
    QList<TimeSpan> archives; // the first to last time of each archive
    QSet<qint64> listeners; // processes that called listen(): an accept of theirs is no session of its own
    QHash<qint64, QString> hostnames;
};

// Everything stitching reads, over the whole case (the facts too unless `withFacts` is false).
Expected<StitchInputs> readStitchInputs(Database &db, bool withFacts = true);

// A connection as its client names it ("client_ip client_port server_ip server_port", connectionText): the key of a
// 4-tuple group, which holds its connects and its mirrored accepts.
struct ScopedEnds
{
    QList<TcpEnd> connects; // by (time, id)
    QList<TcpEnd> accepts; // by (time, id)
};
// The connects and accepts of the 4-tuple groups `keys` (index lookups on net_events_remote).
Expected<ScopedEnds> readEndsOfConnections(Database &db, const QSet<QString> &keys);
// The connects and accepts of `hostIds` whose local address is in `addresses`, and those of any host whose remote
// address is in `addresses`: with `addresses` all a host uses and `hostIds` every host that uses one of them, whole
// 4-tuple groups (a group's ends all have the same two addresses).
Expected<ScopedEnds> readEndsOfAddresses(Database &db, const QSet<qint64> &hostIds, const QSet<QString> &addresses);
// The 4-tuple groups the TCP connects (op "connect") or accepts ("accept") of these processes belong to.
Expected<QSet<QString>> connectionsOfProcesses(Database &db, const QList<qint64> &processIds, const QString &op);
// Of these processes, those that called listen().
Expected<QSet<qint64>> listenersAmong(Database &db, const QSet<qint64> &processIds);
// Losses, archive spans and host names: small tables read whole.
Expected<void> readCaseSpans(Database &db, StitchInputs &in);
// The facts of the whole case (full scans of net_events and of the processes' environments).
Expected<StitchFacts> readStitchFacts(Database &db);

// The key of the group a connect (its client's view) or an accept (mirrored) belongs to.
QString connectKey(const TcpEnd &connect);
QString acceptKey(const TcpEnd &accept);

// Loopback (127/8, ::1, their IPv4-mapped form) or the wildcard address: never another host's.
bool isLocalOnlyAddress(const QString &address);
// "client_ip client_port server_ip server_port", the form of SSH_CONNECTION.
QString connectionText(const QString &clientAddr, qint64 clientPort, const QString &serverAddr, qint64 serverPort);

} // namespace Deck::Core
