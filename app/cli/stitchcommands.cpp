// SPDX-License-Identifier: GPL-3.0-or-later
// flightdeck-cli query links, clocks and follow: cross-host stitching (stitchqueries.h), the clock offsets it
// estimates, and the chain of a process across hosts (followchain.h). Raw times are the recording host's clock;
// "corrected" ones are on the clock of the chain's first host.
#include "followchain.h"
#include "querycontext.h"
#include "queryoptions.h"
#include "timetext.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace Deck::Core;

namespace Deck::Cli {

namespace {

bool readStitchOptions(const QueryContext &c, StitchOptions &options)
{
    if (!readHost(c, options.hostId))
        return false;
    for (const auto &[name, slot] :
         {std::pair{u"skew"_s, &options.maxSkewNs}, std::pair{u"tolerance"_s, &options.toleranceNs}}) {
        if (!c.isSet(name))
            continue;
        const auto given = durationArgument(c.command, u"--"_s + name, c.value(name));
        if (!given)
            return false;
        *slot = *given;
    }
    return true;
}

QString endpoint(const QString &address, qint64 port)
{
    return address.contains(u':') ? u"[%1]:%2"_s.arg(address).arg(port) : u"%1:%2"_s.arg(address).arg(port);
}

QJsonObject offsetJson(const QueryContext &c, const ClockOffset &o)
{
    return {{u"type"_s, u"clock"_s},
            {u"host_a"_s, c.hosts.value(o.hostA)},
            {u"host_b"_s, c.hosts.value(o.hostB)},
            {u"offset_ns"_s, QString::number(o.offsetNs)},
            {u"min_ns"_s, QString::number(o.minNs)},
            {u"max_ns"_s, QString::number(o.maxNs)},
            {u"pairs"_s, o.pairs}};
}

QString offsetLine(const QueryContext &c, const ClockOffset &o)
{
    return u"clock of %1 - clock of %2: %3 (median of %4 pairs, from %5 to %6)\n"_s
        .arg(c.hosts.value(o.hostB), c.hosts.value(o.hostA), offsetText(o.offsetNs))
        .arg(o.pairs)
        .arg(offsetText(o.minNs), offsetText(o.maxNs));
}

QJsonObject linkJson(const QueryContext &c, const HostLink &l)
{
    QJsonObject o{{u"type"_s, u"link"_s},
                  {u"evidence"_s, l.evidence},
                  {u"proto"_s, l.proto},
                  {u"client_host"_s, c.hosts.value(l.clientHostId)},
                  {u"client"_s, endpoint(l.clientAddr, l.clientPort)},
                  {u"server_host"_s, c.hosts.value(l.serverHostId)},
                  {u"server"_s, endpoint(l.serverAddr, l.serverPort)},
                  {u"connect_event"_s, l.connectEventId},
                  {u"accepted_by_listener"_s, l.acceptedByListener}};
    insertTime(o, u"connect"_s, l.connectTs);
    if (l.acceptTs) {
        insertTime(o, u"accept"_s, *l.acceptTs);
        o.insert(u"accept_event"_s, *l.acceptEventId);
    }
    for (const auto &[name, value] :
         {std::pair{u"client_process"_s, l.clientProcessId}, std::pair{u"server_process"_s, l.serverProcessId},
          std::pair{u"client_uid"_s, l.clientUid}, std::pair{u"server_uid"_s, l.serverUid}})
        if (value)
            o.insert(name, *value);
    QJsonArray sessions;
    for (const qint64 id : l.sessionProcessIds)
        sessions.append(id);
    o.insert(u"ssh_session_processes"_s, sessions);
    return o;
}

QString process(std::optional<qint64> id)
{
    return id ? u"#%1"_s.arg(*id) : u"(no process)"_s;
}

QString linkLine(const QueryContext &c, const HostLink &l)
{
    return u"%1 %2 %3 %4 -> %5 %6 %7 [%8] connect %9 accept %10\n"_s
        .arg(c.hosts.value(l.clientHostId), process(l.clientProcessId), endpoint(l.clientAddr, l.clientPort))
        .arg(l.proto, c.hosts.value(l.serverHostId), process(l.serverProcessId), endpoint(l.serverAddr, l.serverPort),
             l.evidence, isoTime(l.connectTs), isoOrDash(l.acceptTs));
}

QJsonObject unstitchedJson(const QueryContext &c, const UnstitchedConnection &u)
{
    QJsonArray peers;
    for (const qint64 h : u.peerHostIds)
        peers.append(c.hosts.value(h));
    QJsonObject o{{u"type"_s, u"unstitched"_s},
                  {u"side"_s, u.side},
                  {u"host"_s, c.hosts.value(u.hostId)},
                  {u"event"_s, u.eventId},
                  {u"local"_s, endpoint(u.laddr, u.lport)},
                  {u"remote"_s, endpoint(u.raddr, u.rport)},
                  {u"peer_hosts"_s, peers},
                  {u"reason"_s, u.reason}};
    insertTime(o, u"event"_s, u.ts);
    if (u.processId)
        o.insert(u"process"_s, *u.processId);
    return o;
}

QString unstitchedLine(const QueryContext &c, const UnstitchedConnection &u)
{
    return u"not stitched: %1 %2 %3 %4 %5 -> %6: %7\n"_s.arg(c.hosts.value(u.hostId), u.side, isoTime(u.ts),
                                                             process(u.processId), endpoint(u.laddr, u.lport),
                                                             endpoint(u.raddr, u.rport), u.reason);
}

} // namespace

int queryLinks(QueryContext &c)
{
    StitchOptions options;
    if (!readStitchOptions(c, options))
        return ExitUsage;
    auto result = StitchQueries(c.db).stitch(options);
    if (!result)
        return c.fail(result.error());
    const StitchResult &r = *result;
    if (c.global.json) {
        for (const HostLink &l : r.links)
            printJson(linkJson(c, l));
        for (const ClockOffset &o : r.offsets)
            printJson(offsetJson(c, o));
        for (const UnstitchedConnection &u : r.unstitched)
            printJson(unstitchedJson(c, u));
        for (const UnmonitoredPeers &p : r.unmonitored)
            printJson({{u"type"_s, u"unmonitored"_s},
                       {u"host"_s, c.hosts.value(p.hostId)},
                       {u"side"_s, p.side},
                       {u"connections"_s, p.connections},
                       {u"addresses"_s, p.addresses}});
        printJson({{u"type"_s, u"open_before_capture"_s}, {u"connections"_s, r.openBeforeCapture}});
        return ExitOk;
    }
    QString text;
    for (const HostLink &l : r.links)
        text += linkLine(c, l);
    if (r.links.isEmpty())
        text += u"no connection between monitored hosts was stitched\n"_s;
    for (const ClockOffset &o : r.offsets)
        text += offsetLine(c, o);
    for (const UnstitchedConnection &u : r.unstitched)
        text += unstitchedLine(c, u);
    for (const UnmonitoredPeers &p : r.unmonitored)
        text += u"not stitched: %1 %2 %3 connection(s) with %4 address(es) of no monitored host (an unmonitored "
                u"host, or address translation)\n"_s
                    .arg(c.hosts.value(p.hostId), p.side == "connect"_L1 ? u"made"_s : u"accepted"_s)
                    .arg(p.connections)
                    .arg(p.addresses);
    if (r.openBeforeCapture > 0)
        text
            += u"not stitched: %1 TCP connection(s) already open when a collector started\n"_s.arg(r.openBeforeCapture);
    printOut(text);
    return ExitOk;
}

int queryClocks(QueryContext &c)
{
    StitchOptions options;
    if (!readStitchOptions(c, options))
        return ExitUsage;
    auto result = StitchQueries(c.db).clockOffsets(options);
    if (!result)
        return c.fail(result.error());
    for (const ClockOffset &o : result->offsets) {
        if (c.global.json)
            printJson(offsetJson(c, o));
        else
            printOut(offsetLine(c, o));
    }
    if (result->offsets.isEmpty() && !c.global.json)
        printOut(u"no clock offset: no connection between monitored hosts was stitched\n"_s);
    return ExitOk;
}

int queryFollow(QueryContext &c)
{
    const auto id = processArgument(c.db, c.command, c.positional(0));
    StitchOptions options;
    PageRequest page;
    if (!id || !readStitchOptions(c, options) || !readPage(c, page, 5000))
        return ExitUsage;
    auto chain = FollowQueries(c.db).follow(*id, options, page.limit);
    if (!chain)
        return c.fail(chain.error());
    QString text;
    for (const FollowStep &s : chain->steps) {
        if (s.kind == FollowStep::Kind::Connection) {
            const HostLink &l = chain->links[*s.link];
            if (c.global.json) {
                QJsonObject o = linkJson(c, l);
                o.insert(u"depth"_s, s.depth);
                if (s.correctedTs)
                    insertTime(o, u"connect_corrected"_s, *s.correctedTs);
                if (s.acceptCorrectedTs)
                    insertTime(o, u"accept_corrected"_s, *s.acceptCorrectedTs);
                printJson(o);
                continue;
            }
            text += QString(s.depth * 2, u' ')
                + u"%1 %2 -> %3 %4 %5 [%6] connect %7, accept %8 (corrected %9)\n"_s.arg(
                    c.hosts.value(l.clientHostId), endpoint(l.clientAddr, l.clientPort), c.hosts.value(l.serverHostId),
                    endpoint(l.serverAddr, l.serverPort), l.proto, l.evidence, isoTime(l.connectTs),
                    isoOrDash(s.acceptRawTs), isoOrDash(s.acceptCorrectedTs));
            continue;
        }
        if (c.global.json) {
            QJsonObject o = processJson(*s.process, c.hosts);
            o.insert(u"type"_s, u"process"_s);
            o.insert(u"role"_s, s.role);
            o.insert(u"depth"_s, s.depth);
            if (s.correctedTs)
                insertTime(o, u"start_corrected"_s, *s.correctedTs);
            printJson(o);
            continue;
        }
        text += QString(s.depth * 2, u' ') + processLine(*s.process, c.hosts)
            + u" [%1, corrected %2]\n"_s.arg(s.role, isoOrDash(s.correctedTs));
    }
    for (const ClockOffset &o : chain->offsets) {
        if (c.global.json)
            printJson(offsetJson(c, o));
        else
            text += offsetLine(c, o);
    }
    for (const UnstitchedConnection &u : chain->unstitched) {
        if (c.global.json)
            printJson(unstitchedJson(c, u));
        else
            text += unstitchedLine(c, u);
    }
    if (c.global.json) {
        printJson({{u"type"_s, u"summary"_s},
                   {u"origin_host"_s, c.hosts.value(chain->originHostId)},
                   {u"links"_s, chain->links.size()},
                   {u"unmonitored_connections"_s, chain->unmonitoredConnections},
                   {u"truncated"_s, chain->truncated}});
        return ExitOk;
    }
    if (chain->links.isEmpty())
        text += u"no stitched connection: the process made none to another monitored host that its server "
                u"recorded, and none reached it from one\n"_s;
    if (chain->unmonitoredConnections > 0)
        text += u"not stitched: %1 connection(s) to addresses of no monitored host\n"_s.arg(
            chain->unmonitoredConnections);
    if (chain->truncated)
        text += u"... the chain goes on: raise --limit\n"_s;
    text += u"corrected times are on the clock of %1\n"_s.arg(c.hosts.value(chain->originHostId));
    printOut(text);
    return ExitOk;
}

} // namespace Deck::Cli
