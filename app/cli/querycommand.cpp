// SPDX-License-Identifier: GPL-3.0-or-later
// flightdeck-cli query SUBCOMMAND: the query API of flightdeck_core on the command line — the process tree, what a
// process did, who touched a path or talked to an address, what ran at a time, search, timeline, and coverage.
// Listings print one row a line (or one JSON object a line with --json); a listing cut at --limit ends with a
// line naming the --after cursor of the next page. The tree subcommands are here, the others in
// queryactivitycommands.cpp.
#include "querycontext.h"
#include "queryoptions.h"

#include <functional>

using namespace Qt::StringLiterals;
using namespace Deck::Core;

namespace Deck::Cli {

int QueryContext::fail(const Error &error) const
{
    printError(u"%1: %2"_s.arg(command, error.message));
    return ExitUsage;
}

bool readRange(const QueryContext &c, TimeRange &range)
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

bool readPage(const QueryContext &c, PageRequest &page, int defaultLimit)
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

void printNext(const QueryContext &c, const std::optional<Cursor> &next)
{
    if (!next)
        return;
    if (c.global.json)
        printJson({{u"next"_s, cursorText(*next)}});
    else
        printOut(u"... more: --after %1\n"_s.arg(cursorText(*next)));
}

void printProcess(const QueryContext &c, const ProcessRow &row, int depth)
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

bool readHost(const QueryContext &c, std::optional<qint64> &host)
{
    if (c.isSet(u"host"_s))
        host = hostArgument(c.db, c.command, c.value(u"host"_s));
    return !c.isSet(u"host"_s) || host.has_value();
}

bool readDepth(const QueryContext &c, int &depth)
{
    if (!c.isSet(u"depth"_s))
        return true;
    const auto given = numberArgument(c.command, u"--depth"_s, c.value(u"depth"_s));
    if (given)
        depth = int(std::min<qint64>(*given, ProcessQueries::kMaxDepth));
    return given.has_value();
}

int printTree(const QueryContext &c, const Expected<Descendants> &tree)
{
    if (!tree)
        return c.fail(tree.error());
    for (const TreeRow &row : std::as_const(tree->rows))
        printProcess(c, row.process, row.depth);
    if (tree->truncated && !c.global.json)
        printOut(u"... the tree goes on: raise --limit or --depth, or list the children of a process\n"_s);
    return ExitOk;
}
namespace {

int tree(QueryContext &c)
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

int children(QueryContext &c)
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

int ancestors(QueryContext &c)
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

int descendants(QueryContext &c)
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
struct Subcommand
{
    const char *name;
    const char *synopsis;
    int minPositional;
    int maxPositional;
    QStringList options;
    std::function<int(QueryContext &)> run;
};

const QList<Subcommand> &subcommands()
{
    static const QList<Subcommand> list{
        {"tree",
         "--host HOST [--from T] [--to T] [--depth N] [--limit N]: the host's process trees",
         0,
         0,
         {u"host"_s, u"from"_s, u"to"_s, u"depth"_s, u"limit"_s},
         tree},
        {"children",
         "PROCESS [--limit N] [--after CURSOR]: a process's children",
         1,
         1,
         {u"limit"_s, u"after"_s},
         children},
        {"ancestors", "PROCESS: the process and its parents up to the root", 1, 1, {}, ancestors},
        {"descendants",
         "PROCESS [--depth N] [--limit N]: the process's subtree",
         1,
         1,
         {u"depth"_s, u"limit"_s},
         descendants},
        {"did",
         "PROCESS [--window DURATION] [--limit N]: everything the process did",
         1,
         1,
         {u"window"_s, u"limit"_s},
         queryDid},
        {"who-touched",
         "PATH [--prefix | --glob] [--from T] [--to T] [--limit N] [--after CURSOR]",
         1,
         1,
         {u"prefix"_s, u"glob"_s, u"from"_s, u"to"_s, u"limit"_s, u"after"_s},
         queryWhoTouched},
        {"who-connected",
         "[ADDRESS] [--port P] [--side either|remote|local] [--from T] [--to T] [--limit N] [--after CURSOR]",
         0,
         1,
         {u"port"_s, u"side"_s, u"from"_s, u"to"_s, u"limit"_s, u"after"_s},
         queryWhoConnected},
        {"at", "TIME --host HOST: processes running and connections open at TIME", 1, 1, {u"host"_s}, queryAt},
        {"replay",
         "TIME --host HOST [--limit N]: the host's state at TIME: processes (tree), files open for writing, "
         "connections and listeners, modules, BPF programs, packages, each with what is not known",
         1,
         1,
         {u"host"_s, u"limit"_s},
         queryReplay},
        {"search",
         "TEXT [--host HOST] [--limit N]: processes (argv, exe, cwd, name) and paths holding TEXT",
         1,
         1,
         {u"host"_s, u"limit"_s},
         querySearch},
        {"timeline",
         "[--host HOST] [--from T] [--to T] [--bucket DURATION]: events per kind per bucket",
         0,
         0,
         {u"host"_s, u"from"_s, u"to"_s, u"bucket"_s},
         queryTimeline},
        {"losses",
         "[--host HOST] [--from T] [--to T]: losses, chain gaps and downtime per host",
         0,
         0,
         {u"host"_s, u"from"_s, u"to"_s},
         queryLosses},
        {"links",
         "[--host HOST] [--skew DURATION] [--tolerance DURATION]: connections stitched between monitored hosts, "
         "clock offsets, and what could not be stitched",
         0,
         0,
         {u"host"_s, u"skew"_s, u"tolerance"_s},
         queryLinks},
        {"clocks",
         "[--host HOST] [--skew DURATION] [--tolerance DURATION]: each host pair's clock offset",
         0,
         0,
         {u"host"_s, u"skew"_s, u"tolerance"_s},
         queryClocks},
        {"follow",
         "PROCESS [--skew DURATION] [--tolerance DURATION] [--limit N]: the process's chain across hosts",
         1,
         1,
         {u"skew"_s, u"tolerance"_s, u"limit"_s},
         queryFollow},
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
        {u"skew"_s, {"How far apart two hosts' clocks may be (default 10m).", "DURATION"}},
        {u"tolerance"_s,
         {"How far a pair may lie from its host pair's estimated clock offset (default 5s).", "DURATION"}},
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
    if ((name == "tree"_L1 || name == "at"_L1 || name == "replay"_L1) && !parser.isSet(u"host"_s)) {
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
    QueryContext context{command, global, parser, sub->options, *db, std::move(*hosts)};
    return sub->run(context);
}

} // namespace Deck::Cli
