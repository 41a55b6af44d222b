// SPDX-License-Identifier: GPL-3.0-or-later
#include "stitchinputs.h"

#include "database.h"
#include "querysql.h"

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

constexpr QByteArrayView kSshConnection = "SSH_CONNECTION=";

const QString kEndColumns = u"SELECT n.id, n.host_id, n.ts, n.process_id, p.uid, n.laddr, n.lport, n.raddr, n.rport, "
                           u"n.op FROM net_events n LEFT JOIN processes p ON p.id = n.process_id "
                           u"WHERE n.proto = 'tcp' AND n.raddr IS NOT NULL AND n.rport IS NOT NULL AND "_s;

// Appends the rows of `q` (kEndColumns) whose addresses may be another host's, by their op.
void appendEnds(QSqlQuery &q, ScopedEnds &ends)
{
    while (q.next()) {
        TcpEnd e{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                 optionalInt(q.value(3)),   optionalInt(q.value(4)), q.value(5).toString(),
                 q.value(6).toLongLong(),   q.value(7).toString(),   q.value(8).toLongLong()};
        if (!isLocalOnlyAddress(e.laddr) && !isLocalOnlyAddress(e.raddr))
            (q.value(9).toString() == "connect"_L1 ? ends.connects : ends.accepts).append(e);
    }
}

// The order the whole-case reader gives; ends read in pieces are put in it, once each.
void sortByTime(QList<TcpEnd> &ends)
{
    std::sort(ends.begin(), ends.end(),
              [](const TcpEnd &a, const TcpEnd &b) { return a.ts != b.ts ? a.ts < b.ts : a.eventId < b.eventId; });
    ends.erase(std::unique(ends.begin(), ends.end(),
                           [](const TcpEnd &a, const TcpEnd &b) { return a.eventId == b.eventId; }),
               ends.end());
}

QStringList keyFields(const QString &key)
{
    const QStringList fields = key.split(u' ');
    return fields.size() == 4 ? fields : QStringList();
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

QString connectKey(const TcpEnd &c)
{
    return connectionText(c.laddr, c.lport, c.raddr, c.rport);
}

QString acceptKey(const TcpEnd &a)
{
    return connectionText(a.raddr, a.rport, a.laddr, a.lport);
}

Expected<StitchFacts> readStitchFacts(Database &db)
{
    StitchFacts facts;
    auto addresses = db.query(u"SELECT DISTINCT host_id, laddr FROM net_events"_s);
    if (!addresses)
        return addresses.error();
    while (addresses->next()) {
        const QString address = addresses->value(1).toString();
        if (!isLocalOnlyAddress(address))
            facts.hostsByAddress[address].insert(addresses->value(0).toLongLong());
    }
    auto sessions = readSessions(db);
    if (!sessions)
        return sessions.error();
    facts.sessions = std::move(*sessions);
    auto open = db.query(u"SELECT host_id, COUNT(*) FROM net_events WHERE op = 'exists' AND proto = 'tcp' "
                         u"AND raddr IS NOT NULL GROUP BY host_id"_s);
    if (!open)
        return open.error();
    while (open->next())
        facts.openBeforeCapture.insert(open->value(0).toLongLong(), open->value(1).toLongLong());
    return facts;
}

Expected<void> readCaseSpans(Database &db, StitchInputs &in)
{
    auto losses = readSpans(db, u"SELECT host_id, ts, COALESCE(last_ts, ts) FROM losses"_s);
    if (!losses)
        return losses.error();
    in.losses = std::move(*losses);
    auto archives = readSpans(db, u"SELECT host_id, first_ts, last_ts FROM archives"_s);
    if (!archives)
        return archives.error();
    in.archives = std::move(*archives);
    auto hosts = db.query(u"SELECT id, hostname FROM hosts"_s);
    if (!hosts)
        return hosts.error();
    while (hosts->next())
        in.hostnames.insert(hosts->value(0).toLongLong(), hosts->value(1).toString());
    return {};
}

Expected<StitchInputs> readStitchInputs(Database &db, bool withFacts)
{
    StitchInputs in;
    ScopedEnds ends;
    for (const QString &op : {u"connect"_s, u"accept"_s}) {
        auto q = db.query(kEndColumns + u"n.op = ? ORDER BY n.ts, n.id"_s, {op});
        if (!q)
            return q.error();
        appendEnds(*q, ends);
    }
    in.connects = std::move(ends.connects);
    in.accepts = std::move(ends.accepts);
    if (withFacts) {
        auto facts = readStitchFacts(db);
        if (!facts)
            return facts.error();
        in.facts = std::move(*facts);
    }
    if (auto spans = readCaseSpans(db, in); !spans)
        return spans.error();
    auto listeners = db.query(u"SELECT DISTINCT process_id FROM net_events WHERE op = 'listen' "
                              u"AND process_id IS NOT NULL"_s);
    if (!listeners)
        return listeners.error();
    while (listeners->next())
        in.listeners.insert(listeners->value(0).toLongLong());
    return in;
}

Expected<ScopedEnds> readEndsOfConnections(Database &db, const QSet<QString> &keys)
{
    ScopedEnds ends;
    for (const QString &key : keys) {
        const QStringList f = keyFields(key);
        if (f.isEmpty())
            continue;
        // Both sides by their remote end first: net_events_remote (raddr, rport, laddr, lport).
        for (const auto &[op, remote, local] : {std::tuple{u"connect"_s, 2, 0}, std::tuple{u"accept"_s, 0, 2}}) {
            auto q = db.keptQuery(kEndColumns
                                      + u"n.raddr = ? AND n.rport = ? AND n.laddr = ? AND n.lport = ? AND n.op = ?"_s,
                                  {f[remote], f[remote + 1].toLongLong(), f[local], f[local + 1].toLongLong(), op});
            if (!q)
                return q.error();
            appendEnds(**q, ends);
        }
    }
    sortByTime(ends.connects);
    sortByTime(ends.accepts);
    return ends;
}

Expected<ScopedEnds> readEndsOfAddresses(Database &db, const QSet<qint64> &hostIds, const QSet<QString> &addresses)
{
    ScopedEnds ends;
    for (const qint64 host : hostIds) {
        auto q = db.query(kEndColumns + u"n.host_id = ? AND n.op IN ('connect', 'accept')"_s, {host});
        if (!q)
            return q.error();
        appendEnds(*q, ends);
    }
    const auto elsewhere = [&](const TcpEnd &e) { return !addresses.contains(e.laddr); };
    ends.connects.removeIf(elsewhere);
    ends.accepts.removeIf(elsewhere);
    for (const QString &address : addresses) {
        auto q = db.query(kEndColumns + u"n.raddr = ? AND n.op IN ('connect', 'accept')"_s, {address});
        if (!q)
            return q.error();
        appendEnds(*q, ends);
    }
    sortByTime(ends.connects);
    sortByTime(ends.accepts);
    return ends;
}

Expected<QSet<QString>> connectionsOfProcesses(Database &db, const QList<qint64> &processIds, const QString &op)
{
    QSet<QString> keys;
    for (const qint64 id : processIds) {
        auto q = db.keptQuery(u"SELECT op, laddr, lport, raddr, rport FROM net_events WHERE process_id = ? "
                              u"AND op = ? AND proto = 'tcp' AND raddr IS NOT NULL AND rport IS NOT NULL"_s,
                              {id, op});
        if (!q)
            return q.error();
        while ((*q)->next()) {
            const QSqlQuery &r = **q;
            const bool connect = r.value(0).toString() == "connect"_L1;
            const QString laddr = r.value(1).toString(), raddr = r.value(3).toString();
            const qint64 lport = r.value(2).toLongLong(), rport = r.value(4).toLongLong();
            keys.insert(connect ? connectionText(laddr, lport, raddr, rport) : connectionText(raddr, rport, laddr, lport));
        }
    }
    return keys;
}

Expected<QSet<qint64>> listenersAmong(Database &db, const QSet<qint64> &processIds)
{
    // In chunks of a bounded IN list: a host's accepts may come from thousands of forked servers.
    constexpr qsizetype kChunk = 200;
    const QList<qint64> ids(processIds.cbegin(), processIds.cend());
    QSet<qint64> listeners;
    for (qsizetype from = 0; from < ids.size(); from += kChunk) {
        const QList<qint64> chunk = ids.mid(from, kChunk);
        QVariantList params;
        for (const qint64 id : chunk)
            params.append(id);
        QStringList marks(chunk.size(), u"?"_s);
        auto q = db.query(u"SELECT DISTINCT process_id FROM net_events WHERE op = 'listen' AND process_id IN (%1)"_s.arg(
                              marks.join(u", "_s)),
                          params);
        if (!q)
            return q.error();
        while (q->next())
            listeners.insert(q->value(0).toLongLong());
    }
    return listeners;
}

} // namespace Deck::Core
