// SPDX-License-Identifier: GPL-3.0-or-later
#include "stitchinputs.h"

#include "database.h"
#include "querysql.h"

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

constexpr QByteArrayView kSshConnection = "SSH_CONNECTION=";

Expected<QList<TcpEnd>> readTcpEnds(Database &db, const QString &op)
{
    auto q = db.query(u"SELECT n.id, n.host_id, n.ts, n.process_id, p.uid, n.laddr, n.lport, n.raddr, n.rport "
                      u"FROM net_events n LEFT JOIN processes p ON p.id = n.process_id "
                      u"WHERE n.op = ? AND n.proto = 'tcp' AND n.raddr IS NOT NULL AND n.rport IS NOT NULL "
                      u"ORDER BY n.ts, n.id"_s,
                      {op});
    if (!q)
        return q.error();
    QList<TcpEnd> ends;
    while (q->next()) {
        TcpEnd e{q->value(0).toLongLong(), q->value(1).toLongLong(), q->value(2).toLongLong(),
                 optionalInt(q->value(3)), optionalInt(q->value(4)), q->value(5).toString(),
                 q->value(6).toLongLong(), q->value(7).toString(),   q->value(8).toLongLong()};
        if (!isLocalOnlyAddress(e.laddr) && !isLocalOnlyAddress(e.raddr))
            ends.append(e);
    }
    return ends;
}

// The value of SSH_CONNECTION in an environment stored as NUL-separated NAME=value elements; empty when absent.
QString sshConnection(const QByteArray &env)
{
    for (const QByteArray &element : env.split('\0')) {
        if (element.startsWith(kSshConnection))
            return QString::fromUtf8(element.mid(kSshConnection.size())).simplified();
    }
    return {};
}

Expected<QList<SshSessionProcess>> readSessions(Database &db)
{
    auto q = db.query(u"SELECT id, host_id, start_ts, parent_id, uid, env FROM processes "
                      u"WHERE env IS NOT NULL AND "_s
                          + containsBytes(db.engine(), u"env"_s) + u" > 0 ORDER BY host_id, start_ts, id"_s,
                      {kSshConnection.toByteArray()});
    if (!q)
        return q.error();
    QList<SshSessionProcess> sessions;
    while (q->next()) {
        const QString connection = sshConnection(q->value(5).toByteArray());
        if (connection.split(u' ').size() != 4)
            continue; // not the four fields sshd writes
        sessions.append({q->value(0).toLongLong(), q->value(1).toLongLong(), q->value(2).toLongLong(),
                         optionalInt(q->value(3)), optionalInt(q->value(4)), connection});
    }
    return sessions;
}

Expected<QList<TimeSpan>> readSpans(Database &db, const QString &sql)
{
    auto q = db.query(sql);
    if (!q)
        return q.error();
    QList<TimeSpan> spans;
    while (q->next())
        spans.append({q->value(0).toLongLong(), q->value(1).toLongLong(), q->value(2).toLongLong()});
    return spans;
}

} // namespace

bool isLocalOnlyAddress(const QString &address)
{
    return address.startsWith("127."_L1) || address.startsWith("::ffff:127."_L1) || address == "::1"_L1
        || address == "0.0.0.0"_L1 || address == "::"_L1 || address.isEmpty();
}

QString connectionText(const QString &clientAddr, qint64 clientPort, const QString &serverAddr, qint64 serverPort)
{
    return u"%1 %2 %3 %4"_s.arg(clientAddr).arg(clientPort).arg(serverAddr).arg(serverPort);
}

Expected<StitchInputs> readStitchInputs(Database &db)
{
    StitchInputs in;
    auto connects = readTcpEnds(db, u"connect"_s);
    if (!connects)
        return connects.error();
    in.connects = std::move(*connects);
    auto accepts = readTcpEnds(db, u"accept"_s);
    if (!accepts)
        return accepts.error();
    in.accepts = std::move(*accepts);
    auto addresses = db.query(u"SELECT DISTINCT host_id, laddr FROM net_events"_s);
    if (!addresses)
        return addresses.error();
    while (addresses->next()) {
        const QString address = addresses->value(1).toString();
        if (!isLocalOnlyAddress(address))
            in.hostsByAddress[address].insert(addresses->value(0).toLongLong());
    }
    auto sessions = readSessions(db);
    if (!sessions)
        return sessions.error();
    in.sessions = std::move(*sessions);
    auto losses = readSpans(db, u"SELECT host_id, ts, COALESCE(last_ts, ts) FROM losses"_s);
    if (!losses)
        return losses.error();
    in.losses = std::move(*losses);
    auto archives = readSpans(db, u"SELECT host_id, first_ts, last_ts FROM archives"_s);
    if (!archives)
        return archives.error();
    in.archives = std::move(*archives);
    auto listeners = db.query(u"SELECT DISTINCT process_id FROM net_events WHERE op = 'listen' "
                              u"AND process_id IS NOT NULL"_s);
    if (!listeners)
        return listeners.error();
    while (listeners->next())
        in.listeners.insert(listeners->value(0).toLongLong());
    auto hosts = db.query(u"SELECT id, hostname FROM hosts"_s);
    if (!hosts)
        return hosts.error();
    while (hosts->next())
        in.hostnames.insert(hosts->value(0).toLongLong(), hosts->value(1).toString());
    auto open = db.query(u"SELECT host_id, COUNT(*) FROM net_events WHERE op = 'exists' AND proto = 'tcp' "
                         u"AND raddr IS NOT NULL GROUP BY host_id"_s);
    if (!open)
        return open.error();
    while (open->next())
        in.openBeforeCapture.insert(open->value(0).toLongLong(), open->value(1).toLongLong());
    return in;
}

} // namespace Deck::Core
