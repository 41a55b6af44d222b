// SPDX-License-Identifier: GPL-3.0-or-later
// flightdeck-cli query SUBCOMMAND: the query API of flightdeck_core on the command line — the process tree, what a
// process did, who touched a path or talked to an address, what ran at a time, search, timeline, and coverage.
// Listings print one row a line (or one JSON object a line with --json); a listing cut at --limit ends with a
// line naming the --after cursor of the next page.
#include "bytetext.h"
#include "clicommon.h"
#include "processqueries.h"
#include "queryoptions.h"
#include "queryprint.h"
#include "searchqueries.h"
#include "timelinequeries.h"
#include "timetext.h"

#include <QJsonArray>
#include <functional>

using namespace Qt::StringLiterals;
using namespace Deck::Core;

namespace Deck::Cli {

namespace {

struct Context
{
    QString command; // "query who-touched", for messages
    GlobalOptions global;
    QCommandLineParser &parser;
    QStringList options; // the subcommand's options: only those can be set
    Database &db;
    HostNames hosts;

    bool isSet(const QString &name) const { return options.contains(name) && parser.isSet(name); }
    QString value(const QString &name) const { return parser.value(name); }
    QString positional(int i) const { return parser.positionalArguments().value(i); }
    int fail(const Error &error) const
    {
        printError(u"%1: %2"_s.arg(command, error.message));
        return ExitUsage;
    }
};

// Reads the options every listing may have; false when one is wrong (the error printed).
bool readRange(const Context &c, TimeRange &range)
{
    for (const auto &[name, slot] : {std::pair{u"from"_s, &range.from}, std::pair{u"to"_s, &range.to}}) {
        if (!c.isSet(name))
            continue;
        *slot = timeArgument(c.command, u"--"_s + name, c.value(name));
        if (!*slot)
            return false;
    }
    return true;
}

bool readPage(const Context &c, PageRequest &page, int defaultLimit = 1000)
{
    page.limit = defaultLimit;
    if (c.isSet(u"limit"_s)) {
        const auto limit = numberArgument(c.command, u"--limit"_s, c.value(u"limit"_s), 1);
        if (!limit)
            return false;
        page.limit = int(std::min<qint64>(*limit, 10000000));
    }
    if (c.isSet(u"after"_s)) {
        page.after = parseCursor(c.value(u"after"_s));
        if (!page.after) {
            printError(u"%1: --after '%2' is not a cursor (TS:ID, as printed at the end of a page)"_s.arg(
                c.command, c.value(u"after"_s)));
            return false;
        }
    }
    return true;
}

void printNext(const Context &c, const std::optional<Cursor> &next)
{
    if (!next)
        return;
    if (c.global.json)
        printJson({{u"next"_s, cursorText(*next)}});
    else
        printOut(u"... more: --after %1\n"_s.arg(cursorText(*next)));
}

void printProcess(const Context &c, const ProcessRow &row, int depth = -1)
{
    if (c.global.json) {
        QJsonObject o = processJson(row, c.hosts);
        if (depth >= 0)
            o.insert(u"depth"_s, depth);
        printJson(o);
    } else {
        printOut(QString(std::max(0, depth) * 2, u' ') + processLine(row, c.hosts) + u'\n');
    }
}

bool readDepth(const Context &c, int &depth)
{
    if (!c.isSet(u"depth"_s))
        return true;
    const auto given = numberArgument(c.command, u"--depth"_s, c.value(u"depth"_s));
    if (given)
        depth = int(std::min<qint64>(*given, ProcessQueries::kMaxDepth));
    return given.has_value();
}

int printTree(const Context &c, const Expected<Descendants> &tree)
{
    if (!tree)
        return c.fail(tree.error());
    for (const TreeRow &row : std::as_const(tree->rows))
        printProcess(c, row.process, row.depth);
    if (tree->truncated && !c.global.json)
        printOut(u"... the tree goes on: raise --limit or --depth, or list the children of a process\n"_s);
    return ExitOk;
}

int tree(Context &c)
{
    const auto host = hostArgument(c.db, c.command, c.value(u"host"_s));
    TimeRange range;
    PageRequest page;
    if (!host || !readRange(c, range) || !readPage(c, page, 10000))
        return ExitUsage;
    int depth = ProcessQueries::kMaxDepth;
    if (!readDepth(c, depth))
        return ExitUsage;
    return printTree(c, ProcessQueries(c.db).forest(*host, range, depth, page.limit));
}

int children(Context &c)
{
    const auto id = processArgument(c.db, c.command, c.positional(0));
    PageRequest page;
    if (!id || !readPage(c, page))
        return ExitUsage;
    auto rows = ProcessQueries(c.db).children(*id, page);
    if (!rows)
        return c.fail(rows.error());
    for (const ProcessRow &row : std::as_const(rows->rows))
        printProcess(c, row);
    printNext(c, rows->next);
    return ExitOk;
}

int ancestors(Context &c)
{
    const auto id = processArgument(c.db, c.command, c.positional(0));
    if (!id)
        return ExitUsage;
    ProcessQueries queries(c.db);
    auto self = queries.process(*id);
    if (!self)
        return c.fail(self.error());
    auto chain = queries.ancestors(*id);
    if (!chain)
        return c.fail(chain.error());
    printProcess(c, *self, 0);
    int depth = 0;
    for (const ProcessRow &row : std::as_const(*chain))
        printProcess(c, row, ++depth);
    const ProcessRow &top = chain->isEmpty() ? *self : chain->constLast();
    if (top.parentPid && *top.parentPid > 0 && !c.global.json)
        printOut(u"  (parent pid %1 is not in the case)\n"_s.arg(*top.parentPid));
    return ExitOk;
}

int descendants(Context &c)
{
    const auto id = processArgument(c.db, c.command, c.positional(0));
    PageRequest page;
    if (!id || !readPage(c, page, 100000))
        return ExitUsage;
    int depth = ProcessQueries::kMaxDepth;
    if (!readDepth(c, depth))
        return ExitUsage;
    return printTree(c, ProcessQueries(c.db).descendants(*id, depth, page.limit));
}

int did(Context &c)
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
            QJsonObject o{{u"type"_s, u"state"_s}, {u"kind"_s, s.kind}, {u"check"_s, s.check},
                          {u"severity"_s, s.severity}, {u"items"_s, s.items}};
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

int whoTouched(Context &c)
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

int whoConnected(Context &c)
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

int at(Context &c)
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
        printOut(u"%1 at %2: recording of this boot %3\n"_s.arg(c.hosts.value(*host), isoTime(*when),
                                                             !state->bootId ? u"unknown (before every boot in the case)"_s
                                                             : state->coverageEnd
                                                                 ? u"until %1"_s.arg(isoTime(*state->coverageEnd))
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

int search(Context &c)
{
    std::optional<qint64> host;
    if (c.isSet(u"host"_s) && !(host = hostArgument(c.db, c.command, c.value(u"host"_s))))
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

int timeline(Context &c)
{
    std::optional<qint64> host;
    if (c.isSet(u"host"_s) && !(host = hostArgument(c.db, c.command, c.value(u"host"_s))))
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

int losses(Context &c)
{
    std::optional<qint64> host;
    if (c.isSet(u"host"_s) && !(host = hostArgument(c.db, c.command, c.value(u"host"_s))))
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
        for (const LossRow &l : h.losses)
            emit(lossJson(l), u"lost %1 %2 from %3 (%4) %5 .. %6"_s.arg(l.count)
                                  .arg(l.unit, l.source, l.reason, isoTime(l.ts), isoTime(l.lastTs.value_or(l.ts))));
        for (const ChainGap &g : h.gaps)
            emit(gapJson(g), u"chain gap: archives %1..%2 missing, %3 .. %4"_s.arg(g.firstMissing)
                                 .arg(g.lastMissing)
                                 .arg(isoOrDash(g.afterTs), isoTime(g.beforeTs)));
        for (const Downtime &d : h.downtime)
            emit(downtimeJson(d), u"not recording %1 .. %2 (%3)"_s.arg(isoTime(d.from), isoTime(d.to),
                                                                     d.clean ? u"stopped"_s
                                                                             : u"ended without a stop"_s));
    }
    return ExitOk;
}

struct Subcommand
{
    const char *name;
    const char *synopsis;
    int minPositional;
    int maxPositional;
    QStringList options;
    std::function<int(Context &)> run;
};

const QList<Subcommand> &subcommands()
{
    static const QList<Subcommand> list{
        {"tree", "--host HOST [--from T] [--to T] [--depth N] [--limit N]: the host's process trees", 0, 0,
         {u"host"_s, u"from"_s, u"to"_s, u"depth"_s, u"limit"_s}, tree},
        {"children", "PROCESS [--limit N] [--after CURSOR]: a process's children", 1, 1,
         {u"limit"_s, u"after"_s}, children},
        {"ancestors", "PROCESS: the process and its parents up to the root", 1, 1, {}, ancestors},
        {"descendants", "PROCESS [--depth N] [--limit N]: the process's subtree", 1, 1,
         {u"depth"_s, u"limit"_s}, descendants},
        {"did", "PROCESS [--window DURATION] [--limit N]: everything the process did", 1, 1,
         {u"window"_s, u"limit"_s}, did},
        {"who-touched", "PATH [--prefix | --glob] [--from T] [--to T] [--limit N] [--after CURSOR]", 1, 1,
         {u"prefix"_s, u"glob"_s, u"from"_s, u"to"_s, u"limit"_s, u"after"_s}, whoTouched},
        {"who-connected",
         "[ADDRESS] [--port P] [--side either|remote|local] [--from T] [--to T] [--limit N] [--after CURSOR]", 0, 1,
         {u"port"_s, u"side"_s, u"from"_s, u"to"_s, u"limit"_s, u"after"_s}, whoConnected},
        {"at", "TIME --host HOST: processes running and connections open at TIME", 1, 1, {u"host"_s}, at},
        {"search", "TEXT [--host HOST] [--limit N]: processes (argv, exe, cwd, name) and paths holding TEXT", 1, 1,
         {u"host"_s, u"limit"_s}, search},
        {"timeline", "[--host HOST] [--from T] [--to T] [--bucket DURATION]: events per kind per bucket", 0, 0,
         {u"host"_s, u"from"_s, u"to"_s, u"bucket"_s}, timeline},
        {"losses", "[--host HOST] [--from T] [--to T]: losses, chain gaps and downtime per host", 0, 0,
         {u"host"_s, u"from"_s, u"to"_s}, losses},
    };
    return list;
}

QCommandLineOption option(const QString &name)
{
    static const QHash<QString, std::pair<const char *, const char *>> help{
        {u"host"_s, {"A hostname, machine id or host id.", "HOST"}},
        {u"from"_s, {"Start of the time range (UTC ns or ISO-8601 UTC), inclusive.", "T"}},
        {u"to"_s, {"End of the time range, exclusive.", "T"}},
        {u"depth"_s, {"How many generations below each process to show.", "N"}},
        {u"limit"_s, {"At most N rows (a page).", "N"}},
        {u"after"_s, {"The next page: the cursor printed at the end of the previous one.", "CURSOR"}},
        {u"window"_s, {"State changes this long before and after the lifetime (default 60s).", "DURATION"}},
        {u"prefix"_s, {"PATH is a leading part of the paths.", nullptr}},
        {u"glob"_s, {"PATH is a pattern: * any bytes (also /), ? one character, \\ escapes.", nullptr}},
        {u"port"_s, {"The port (on the chosen side).", "P"}},
        {u"side"_s, {"Which end ADDRESS and --port are: either (default), remote or local.", "SIDE"}},
        {u"bucket"_s, {"Bucket size: a number with ns, ms, s, m or h (default 60s).", "DURATION"}},
    };
    const auto [description, valueName] = help.value(name);
    return valueName ? QCommandLineOption(name, QString::fromLatin1(description), QString::fromLatin1(valueName))
                     : QCommandLineOption(name, QString::fromLatin1(description));
}

QString subcommandList()
{
    QString text;
    for (const Subcommand &s : subcommands())
        text += u"  query %1 %2\n"_s.arg(QLatin1StringView(s.name), QLatin1StringView(s.synopsis));
    return text;
}

} // namespace

int runQuery(const QStringList &arguments, GlobalOptions global)
{
    const QString name = arguments.value(1);
    if (name == "--help"_L1 || name == "-h"_L1) {
        printOut(u"usage: flightdeck-cli --db DB [--json] query SUBCOMMAND ...\n\n"_s + subcommandList()
                 + u"\nPROCESS is a process id as listed (#17) or HOST/PID (the latest process with that pid).\n"
                   u"Times are UTC ns or ISO-8601 UTC. PATH and TEXT take the escapes the listings print "
                   u"(\\xff, \\n, \\\\).\n"_s);
        return ExitOk;
    }
    const auto sub = std::find_if(subcommands().cbegin(), subcommands().cend(),
                                  [&](const Subcommand &s) { return name == QLatin1StringView(s.name); });
    if (sub == subcommands().cend()) {
        printError(name.isEmpty() ? u"query: which query? (see 'flightdeck-cli query --help')"_s
                                  : u"query: unknown query '%1' (see 'flightdeck-cli query --help')"_s.arg(name));
        return ExitUsage;
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromLatin1(sub->synopsis));
    for (const QString &o : sub->options)
        parser.addOption(option(o));
    const QString command = u"query "_s + name;
    QStringList rest = arguments.mid(2);
    rest.prepend(command);
    if (auto end = parseCommand(parser, rest, global, sub->minPositional, sub->maxPositional))
        return *end;
    if ((name == "tree"_L1 || name == "at"_L1) && !parser.isSet(u"host"_s)) {
        printError(u"%1: --host is required (see 'flightdeck-cli %1 --help')"_s.arg(command));
        return ExitUsage;
    }
    auto db = openCase(global);
    if (!db)
        return ExitUsage;
    auto hosts = hostNames(*db);
    if (!hosts) {
        printError(hosts.error().message);
        return ExitUsage;
    }
    Context context{command, global, parser, sub->options, *db, std::move(*hosts)};
    return sub->run(context);
}

} // namespace Deck::Cli
