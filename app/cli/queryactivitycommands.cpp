// SPDX-License-Identifier: GPL-3.0-or-later
// flightdeck-cli query did, who-touched, who-connected, at, search, timeline and losses (querycommand.cpp parses
// the command line and dispatches).
#include "bytetext.h"
#include "querycontext.h"
#include "queryoptions.h"
#include "searchqueries.h"
#include "timelinequeries.h"
#include "timetext.h"

#include <QJsonArray>
#include <QMap>
#include <tuple>

using namespace Qt::StringLiterals;
using namespace Deck::Core;

namespace Deck::Cli {

int queryDid(QueryContext &c)
{
    const auto id = processArgument(c.db, c.command, c.positional(0));
    PageRequest page;
    if (!id || !readPage(c, page, 10000))
        return ExitUsage;
    qint64 window = 60'000'000'000;
    if (c.isSet(u"window"_s)) {
        const auto given = durationArgument(c.command, u"--window"_s, c.value(u"window"_s));
        if (!given)
            return ExitUsage;
        window = *given;
    }
    auto activity = ActivityQueries(c.db).did(*id, window, page.limit);
    if (!activity)
        return c.fail(activity.error());
    const ProcessActivity &a = *activity;
    if (c.global.json) {
        QJsonObject process = processJson(a.process, c.hosts);
        process.insert(u"type"_s, u"process"_s);
        printJson(process);
        for (const ProcessEventRow &e : a.events) {
            QJsonObject o{{u"type"_s, u"event"_s}, {u"kind"_s, e.kind}, {u"detail"_s, QString::fromUtf8(e.detail)}};
            insertTime(o, u"event"_s, e.ts);
            printJson(o);
        }
        for (const FileEventRow &f : a.files) {
            QJsonObject o = fileEventJson(f);
            o.insert(u"type"_s, u"file"_s);
            printJson(o);
        }
        for (const NetEventRow &n : a.connections) {
            QJsonObject o = netEventJson(n);
            o.insert(u"type"_s, u"net"_s);
            printJson(o);
        }
        for (const ProcessRow &child : a.children) {
            QJsonObject o = processJson(child, c.hosts);
            o.insert(u"type"_s, u"child"_s);
            printJson(o);
        }
        for (const StateChangeRow &s : a.stateChanges) {
            QJsonObject o{{u"type"_s, u"state"_s},
                          {u"kind"_s, s.kind},
                          {u"check"_s, s.check},
                          {u"severity"_s, s.severity},
                          {u"items"_s, s.items}};
            insertTime(o, u"event"_s, s.ts);
            printJson(o);
        }
        if (a.truncated)
            printJson({{u"truncated"_s, true}});
        return ExitOk;
    }
    printOut(processLine(a.process, c.hosts) + u'\n');
    QString text;
    text += u"events (%1):\n"_s.arg(a.events.size());
    for (const ProcessEventRow &e : a.events)
        text += u"  %1 %2\n"_s.arg(isoTime(e.ts), e.kind);
    text += u"files (%1):\n"_s.arg(a.files.size());
    for (const FileEventRow &f : a.files)
        text += u"  "_s + fileEventLine(f) + u'\n';
    text += u"network (%1):\n"_s.arg(a.connections.size());
    for (const NetEventRow &n : a.connections)
        text += u"  "_s + netEventLine(n) + u'\n';
    text += u"children (%1):\n"_s.arg(a.children.size());
    for (const ProcessRow &child : a.children)
        text += u"  "_s + processLine(child, c.hosts) + u'\n';
    text += u"host state changes near its lifetime (%1):\n"_s.arg(a.stateChanges.size());
    for (const StateChangeRow &s : a.stateChanges)
        text += u"  %1 %2 %3 %4, %5 items\n"_s.arg(isoTime(s.ts), s.kind, s.check, s.severity).arg(s.items);
    if (a.truncated)
        text += u"... lists cut at --limit %1\n"_s.arg(page.limit);
    printOut(text);
    return ExitOk;
}

int queryWhoTouched(QueryContext &c)
{
    if (c.isSet(u"prefix"_s) && c.isSet(u"glob"_s)) {
        printError(u"%1: give --prefix or --glob, not both"_s.arg(c.command));
        return ExitUsage;
    }
    const PathMatch match = c.isSet(u"prefix"_s) ? PathMatch::Prefix
        : c.isSet(u"glob"_s)                     ? PathMatch::Glob
                                                 : PathMatch::Exact;
    TimeRange range;
    PageRequest page;
    if (!readRange(c, range) || !readPage(c, page))
        return ExitUsage;
    auto rows = ActivityQueries(c.db).whoTouched(bytesArgument(c.positional(0)), match, range, page);
    if (!rows)
        return c.fail(rows.error());
    for (const FileTouchRow &row : std::as_const(rows->rows)) {
        if (c.global.json) {
            QJsonObject o = fileEventJson(row.event);
            o.insert(u"host"_s, c.hosts.value(row.process.hostId));
            o.insert(u"pid"_s, row.process.pid);
            o.insert(u"comm"_s, row.process.comm);
            o.insert(u"exe"_s, bytesJson(row.process.exe));
            printJson(o);
        } else {
            printOut(u"%1 #%2 %3/%4 %5\n"_s.arg(fileEventLine(row.event))
                         .arg(row.process.id)
                         .arg(c.hosts.value(row.process.hostId))
                         .arg(row.process.pid)
                         .arg(displayBytes(row.process.comm.toUtf8())));
        }
    }
    printNext(c, rows->next);
    return ExitOk;
}

int queryWhoConnected(QueryContext &c)
{
    std::optional<qint64> port;
    if (c.isSet(u"port"_s)) {
        port = numberArgument(c.command, u"--port"_s, c.value(u"port"_s));
        if (!port)
            return ExitUsage;
    }
    const QString sideText = c.isSet(u"side"_s) ? c.value(u"side"_s) : u"either"_s;
    const Side side = sideText == "remote"_L1 ? Side::Remote : sideText == "local"_L1 ? Side::Local : Side::Either;
    if (sideText != "remote"_L1 && sideText != "local"_L1 && sideText != "either"_L1) {
        printError(u"%1: --side '%2': give either, remote or local"_s.arg(c.command, sideText));
        return ExitUsage;
    }
    if (c.positional(0).isEmpty() && !port) {
        printError(u"%1: give an ADDRESS, a --port or both"_s.arg(c.command));
        return ExitUsage;
    }
    TimeRange range;
    PageRequest page;
    if (!readRange(c, range) || !readPage(c, page))
        return ExitUsage;
    auto rows = ActivityQueries(c.db).whoConnected(c.positional(0), port, side, range, page);
    if (!rows)
        return c.fail(rows.error());
    for (const ConnectionRow &row : std::as_const(rows->rows)) {
        if (c.global.json) {
            QJsonObject o = netEventJson(row.event);
            o.insert(u"host"_s, c.hosts.value(row.hostId));
            if (row.process) {
                o.insert(u"pid"_s, row.process->pid);
                o.insert(u"comm"_s, row.process->comm);
                o.insert(u"exe"_s, bytesJson(row.process->exe));
            }
            printJson(o);
        } else {
            printOut(u"%1 %2 %3\n"_s.arg(netEventLine(row.event), c.hosts.value(row.hostId),
                                         row.process ? u"#%1 pid %2 %3"_s.arg(row.process->id)
                                                           .arg(row.process->pid)
                                                           .arg(displayBytes(row.process->comm.toUtf8()))
                                                     : u"(no process)"_s));
        }
    }
    printNext(c, rows->next);
    return ExitOk;
}

int queryAt(QueryContext &c)
{
    const auto host = hostArgument(c.db, c.command, c.value(u"host"_s));
    const auto when = host ? timeArgument(c.command, u"TIME"_s, c.positional(0)) : std::nullopt;
    if (!host || !when)
        return ExitUsage;
    PointInTimeQueries queries(c.db);
    auto state = queries.hostAt(*host, *when);
    auto running = queries.runningAt(*host, *when, {10000000, std::nullopt});
    auto connections = queries.connectionsAt(*host, *when);
    if (!state || !running || !connections)
        return c.fail(!state ? state.error() : !running ? running.error() : connections.error());
    if (!c.global.json)
        printOut(u"%1 at %2: recording of this boot %3\n"_s.arg(
            c.hosts.value(*host), isoTime(*when),
            !state->bootId           ? u"unknown (before every boot in the case)"_s
                : state->coverageEnd ? u"until %1"_s.arg(isoTime(*state->coverageEnd))
                                     : u"without events"_s));
    for (const RunningProcess &row : std::as_const(running->rows)) {
        if (c.global.json) {
            QJsonObject o = processJson(row.process, c.hosts);
            o.insert(u"type"_s, u"process"_s);
            o.insert(u"liveness"_s, livenessName(row.liveness));
            printJson(o);
        } else {
            printOut(u"%1 %2\n"_s.arg(row.liveness == Liveness::Running ? u"running  "_s : u"last seen"_s,
                                      processLine(row.process, c.hosts)));
        }
    }
    for (const OpenConnection &row : std::as_const(*connections)) {
        if (c.global.json) {
            QJsonObject o = netEventJson(row.opened);
            o.insert(u"type"_s, u"connection"_s);
            o.insert(u"liveness"_s, livenessName(row.liveness));
            printJson(o);
        } else {
            printOut(u"%1 open since %2%3\n"_s.arg(row.liveness == Liveness::Running ? u"open     "_s : u"last seen"_s,
                                                   netEventLine(row.opened),
                                                   row.processId ? u" #%1"_s.arg(*row.processId) : QString()));
        }
    }
    return ExitOk;
}

int querySearch(QueryContext &c)
{
    std::optional<qint64> host;
    if (!readHost(c, host))
        return ExitUsage;
    PageRequest page;
    if (!readPage(c, page))
        return ExitUsage;
    auto results = SearchQueries(c.db).search(bytesArgument(c.positional(0)), host, page.limit);
    if (!results)
        return c.fail(results.error());
    for (const ProcessHit &hit : std::as_const(results->processes)) {
        if (c.global.json) {
            QJsonObject o = processJson(hit.process, c.hosts);
            o.insert(u"type"_s, u"process"_s);
            o.insert(u"fields"_s, QJsonArray::fromStringList(hit.fields));
            printJson(o);
        } else {
            printOut(u"%1 (in %2)\n"_s.arg(processLine(hit.process, c.hosts), hit.fields.join(u", "_s)));
        }
    }
    for (const PathHit &hit : std::as_const(results->paths)) {
        if (c.global.json)
            printJson({{u"type"_s, u"path"_s}, {u"path_id"_s, hit.pathId}, {u"path"_s, bytesJson(hit.path)}});
        else
            printOut(u"path %1\n"_s.arg(displayBytes(hit.path)));
    }
    if (results->truncated && !c.global.json)
        printOut(u"... more matches: raise --limit or search for more of the text\n"_s);
    return ExitOk;
}

int queryTimeline(QueryContext &c)
{
    std::optional<qint64> host;
    if (!readHost(c, host))
        return ExitUsage;
    TimeRange range;
    if (!readRange(c, range))
        return ExitUsage;
    qint64 bucket = 60'000'000'000;
    if (c.isSet(u"bucket"_s)) {
        const auto given = durationArgument(c.command, u"--bucket"_s, c.value(u"bucket"_s));
        if (!given)
            return ExitUsage;
        bucket = *given;
    }
    TimelineQueries queries(c.db);
    if (!range.from || !range.to) {
        auto extent = queries.extent(host);
        if (!extent)
            return c.fail(extent.error());
        if (!extent->has_value())
            return ExitOk; // no archives: nothing to count
        range.from = range.from.value_or(*(*extent)->from);
        range.to = range.to.value_or(*(*extent)->to);
    }
    auto buckets = queries.counts({host, *range.from, *range.to, bucket});
    if (!buckets)
        return c.fail(buckets.error());
    for (const TimelineBucket &b : std::as_const(*buckets)) {
        if (c.global.json) {
            QJsonObject o{{u"kind"_s, b.kind}, {u"events"_s, b.events}};
            insertTime(o, u"bucket"_s, b.start);
            printJson(o);
        } else {
            printOut(u"%1 %2 %3\n"_s.arg(isoTime(b.start)).arg(b.kind, -16).arg(b.events, 10));
        }
    }
    return ExitOk;
}

namespace {

// The text form of a host's losses: each loss record on its own line, except that a source that lost events for
// the same reason in many records (fanotify reporting every vanished directory, say) gets one line with the total,
// the number of records and the span; --json lists every record.
void printLossLines(const QString &hostname, const QList<LossRow> &losses)
{
    constexpr qsizetype kRecordsShownOneByOne = 5;
    QMap<std::tuple<QString, QString, QString>, QList<LossRow>> groups;
    for (const LossRow &l : losses)
        groups[{l.source, l.unit, l.reason}].append(l);
    for (auto group = groups.cbegin(); group != groups.cend(); ++group) {
        const QList<LossRow> &rows = group.value();
        const auto &[source, unit, reason] = group.key();
        if (rows.size() <= kRecordsShownOneByOne) {
            for (const LossRow &l : rows)
                printOut(u"%1 lost %2 %3 from %4 (%5) %6 .. %7\n"_s.arg(hostname).arg(l.count).arg(
                    unit, source, reason, isoTime(l.ts), isoTime(l.lastTs.value_or(l.ts))));
            continue;
        }
        qint64 total = 0;
        qint64 first = rows.constFirst().ts;
        qint64 last = first;
        for (const LossRow &l : rows) {
            total += l.count;
            first = std::min(first, l.ts);
            last = std::max(last, l.lastTs.value_or(l.ts));
        }
        printOut(u"%1 lost %2 %3 from %4 (%5) in %6 records, %7 .. %8 (--json lists each)\n"_s.arg(hostname)
                     .arg(total)
                     .arg(unit, source, reason)
                     .arg(rows.size())
                     .arg(isoTime(first), isoTime(last)));
    }
}

} // namespace

int queryLosses(QueryContext &c)
{
    std::optional<qint64> host;
    if (!readHost(c, host))
        return ExitUsage;
    TimeRange range;
    if (!readRange(c, range))
        return ExitUsage;
    auto hosts = CoverageQueries(c.db).coverage(host, range);
    if (!hosts)
        return c.fail(hosts.error());
    for (const HostCoverage &h : std::as_const(*hosts)) {
        const auto emit = [&](QJsonObject o, const QString &line) {
            if (c.global.json) {
                o.insert(u"host"_s, h.hostname);
                printJson(o);
            } else {
                printOut(u"%1 %2\n"_s.arg(h.hostname, line));
            }
        };
        if (c.global.json) {
            for (const LossRow &l : h.losses)
                emit(lossJson(l), {});
        } else {
            printLossLines(h.hostname, h.losses);
        }
        for (const ChainGap &g : h.gaps)
            emit(gapJson(g),
                 u"chain gap: archives %1..%2 missing, %3 .. %4"_s.arg(g.firstMissing)
                     .arg(g.lastMissing)
                     .arg(isoOrDash(g.afterTs), isoTime(g.beforeTs)));
        for (const Downtime &d : h.downtime)
            emit(downtimeJson(d),
                 u"not recording %1 .. %2 (%3)"_s.arg(isoTime(d.from), isoTime(d.to),
                                                      d.clean ? u"stopped"_s : u"ended without a stop"_s));
        // An empty answer must not look like a failed one: say that nothing was found, and where it was looked for.
        if (!c.global.json && h.losses.isEmpty() && h.gaps.isEmpty() && h.downtime.isEmpty())
            printOut(u"%1 no losses, chain gaps or downtime in %2\n"_s.arg(
                h.hostname, range.from || range.to ? u"the time range"_s : u"the case"_s));
    }
    if (!c.global.json && hosts->isEmpty())
        printOut(u"no hosts in the case\n"_s);
    return ExitOk;
}

} // namespace Deck::Cli
