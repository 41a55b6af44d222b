// SPDX-License-Identifier: GPL-3.0-or-later
// What cross-host stitching (stitchqueries.h) reads from a case, internal to flightdeck_core: TCP connects and
// accepts, the addresses each host used locally, the processes that carry an SSH_CONNECTION, and where each host's
// record has losses or no archive. Thread: the Database's thread.
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

struct StitchInputs
{
    QList<TcpEnd> connects; // by time
    QList<TcpEnd> accepts; // by time
    QHash<QString, QSet<qint64>> hostsByAddress; // local addresses (no loopback, no wildcard) -> hosts
    QList<SshSessionProcess> sessions;
    QList<TimeSpan> losses;
    QList<TimeSpan> archives; // the first to last time of each archive
    QSet<qint64> listeners; // processes that called listen(): an accept of theirs is no session of its own
    QHash<qint64, QString> hostnames;
    QHash<qint64, qint64> openBeforeCapture; // per host: TCP connections open when its collector started
};

Expected<StitchInputs> readStitchInputs(Database &db);

// Loopback (127/8, ::1, their IPv4-mapped form) or the wildcard address: never another host's.
bool isLocalOnlyAddress(const QString &address);
// "client_ip client_port server_ip server_port", the form of SSH_CONNECTION.
QString connectionText(const QString &clientAddr, qint64 clientPort, const QString &serverAddr, qint64 serverPort);

} // namespace Deck::Core
