// SPDX-License-Identifier: GPL-3.0-or-later
// flightdeck-cli indicators: indicator lists (addresses, CIDR ranges, domains, digests, path patterns) from files or
// URLs, stored in the case, kept up to date and matched against it (each hit an alert, source 'indicator').
#include "clicommon.h"
#include "indicatormatcher.h"
#include "indicatorsync.h"

#include <QFileInfo>
#include <QJsonArray>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace Deck::Core;

namespace Deck::Cli {

namespace {

std::atomic<bool> g_indicatorsInterrupted{false};

extern "C" void onIndicatorsInterrupt(int)
{
    g_indicatorsInterrupted.store(true);
}

QString typeCounts(const QHash<QString, qint64> &counts)
{
    QStringList parts;
    for (const QString &type : {u"address"_s, u"domain"_s, u"digest"_s, u"path"_s})
        if (counts.value(type) > 0)
            parts.append(u"%1 %2"_s.arg(counts.value(type)).arg(type));
    return parts.join(u", "_s);
}

QHash<QString, qint64> countsOf(const QList<Indicator> &indicators)
{
    QHash<QString, qint64> counts;
    for (const Indicator &indicator : indicators)
        ++counts[indicatorTypeName(indicator.type)];
    return counts;
}

QString outcomeName(IndicatorListUpdate::Outcome outcome)
{
    switch (outcome) {
    case IndicatorListUpdate::Outcome::Added:
        return u"added"_s;
    case IndicatorListUpdate::Outcome::Replaced:
        return u"replaced"_s;
    case IndicatorListUpdate::Outcome::Unchanged:
        return u"unchanged"_s;
    case IndicatorListUpdate::Outcome::NotModified:
        return u"not-modified"_s;
    }
    return {};
}

// Prints one stored or refreshed list; returns its exit code (1 when lines were rejected).
int printUpdate(const IndicatorListUpdate &update, bool json)
{
    const ParsedIndicators &parsed = update.parsed;
    for (const IndicatorProblem &problem : parsed.problems)
        printError(u"%1 (list %2), line %3: %4"_s.arg(update.source, update.name).arg(problem.line).arg(problem.reason));
    if (parsed.badLines > parsed.problems.size())
        printError(u"%1 (list %2): %3 more bad lines not shown"_s.arg(update.source, update.name).arg(
            parsed.badLines - parsed.problems.size()));
    if (json) {
        QJsonArray problems;
        for (const IndicatorProblem &problem : parsed.problems)
            problems.append(QJsonObject{{u"line"_s, problem.line}, {u"reason"_s, problem.reason}});
        printJson({{u"name"_s, update.name},
                   {u"source"_s, update.source},
                   {u"outcome"_s, outcomeName(update.outcome)},
                   {u"indicators"_s, parsed.indicators.size()},
                   {u"bad_lines"_s, parsed.badLines},
                   {u"duplicates"_s, parsed.duplicates},
                   {u"problems"_s, problems}});
    } else if (update.outcome == IndicatorListUpdate::Outcome::Unchanged
               || update.outcome == IndicatorListUpdate::Outcome::NotModified) {
        printOut(u"%1: %2 (%3)\n"_s.arg(update.name, outcomeName(update.outcome), update.source));
    } else {
        printOut(u"%1: %2, %3 indicators (%4) from %5%6\n"_s.arg(update.name, outcomeName(update.outcome))
                     .arg(parsed.indicators.size())
                     .arg(typeCounts(countsOf(parsed.indicators)), update.source,
                          parsed.badLines ? u"; %1 bad lines"_s.arg(parsed.badLines) : QString()));
    }
    return parsed.badLines > 0 ? ExitInvalidData : ExitOk;
}

// The exit code of a failed add or update: 1 when the list itself is bad, 2 for I/O and the environment.
int failure(const Error &error)
{
    printError(error.message);
    return error.code == int(StoreReason::Conflict) ? ExitInvalidData : ExitUsage;
}

int match(Database &db, const QString &onlyList, bool json)
{
    auto matched = matchIndicators(db, onlyList, &g_indicatorsInterrupted);
    if (!matched)
        return failure(matched.error());
    if (json) {
        QJsonObject perList;
        for (auto it = matched->raisedPerList.cbegin(); it != matched->raisedPerList.cend(); ++it)
            perList.insert(it.key(), it.value());
        printJson({{u"matched"_s, matched->indicators},
                   {u"hits"_s, matched->hits},
                   {u"alerts_raised"_s, matched->alertsRaised},
                   {u"raised_per_list"_s, perList}});
    } else {
        printOut(u"matched %1 indicators: %2 hits, %3 new alerts\n"_s.arg(matched->indicators)
                     .arg(matched->hits)
                     .arg(matched->alertsRaised));
    }
    return ExitOk;
}

FetchLimits limitsFrom(const QCommandLineParser &parser, const QCommandLineOption &timeout)
{
    FetchLimits limits;
    if (parser.isSet(timeout))
        limits.stallTimeoutMs = std::max(1, parser.value(timeout).toInt()) * 1000;
    return limits;
}

int add(Database &db, const QString &source, const QString &givenName, const FetchLimits &limits, bool json)
{
    const QString name = givenName.isEmpty() ? defaultIndicatorListName(source) : givenName;
    if (auto existing = IndicatorStore(db).list(name); existing) {
        printError(u"indicator list \u201c%1\u201d exists (from %2): use 'indicators update %1', or --name"_s.arg(
            name, existing->source));
        return ExitUsage;
    }
    Flight::Format::ProgressLine progress;
    Expected<IndicatorListUpdate> update = Error{};
    if (IndicatorFetcher::isUrl(source)) {
        const FetchResult fetched = IndicatorFetcher::fetchBlocking(
            QUrl(source), {}, {}, limits,
            [&](qint64 done, qint64 total) { progress.update(u"fetching "_s + name, done, total); },
            &g_indicatorsInterrupted);
        progress.clear();
        update = applyFetchResult(db, name, source, fetched);
    } else {
        auto bytes = readIndicatorFile(source, limits.maxBytes);
        if (!bytes)
            return failure(bytes.error());
        update = applyIndicatorList(db, name, QFileInfo(source).absoluteFilePath(), *bytes);
    }
    if (!update)
        return failure(update.error());
    const int code = printUpdate(*update, json);
    return std::max(code, match(db, name, json));
}

int update(Database &db, const QString &onlyList, const FetchLimits &limits, bool json)
{
    QList<IndicatorListInfo> lists;
    if (onlyList.isEmpty()) {
        auto all = IndicatorStore(db).lists();
        if (!all)
            return failure(all.error());
        lists = *all;
    } else {
        auto one = IndicatorStore(db).list(onlyList);
        if (!one)
            return failure(one.error());
        lists.append(*one);
    }
    int code = ExitOk;
    Flight::Format::ProgressLine progress;
    for (const IndicatorListInfo &list : std::as_const(lists)) {
        if (g_indicatorsInterrupted.load())
            break;
        auto refreshed = refreshIndicatorList(
            db, list, limits, [&](qint64 done, qint64 total) { progress.update(u"fetching "_s + list.name, done, total); },
            &g_indicatorsInterrupted);
        progress.clear();
        if (!refreshed) {
            printError(u"indicator list %1: %2"_s.arg(list.name, refreshed.error().message));
            code = std::max<int>(code, refreshed.error().code == int(StoreReason::Conflict) ? ExitInvalidData : ExitUsage);
            continue;
        }
        code = std::max(code, printUpdate(*refreshed, json));
    }
    if (g_indicatorsInterrupted.load()) {
        printError(u"indicators update: interrupted; the lists not yet fetched are as they were"_s);
        return ExitUsage;
    }
    return std::max(code, match(db, onlyList, json));
}

QJsonObject listJson(const IndicatorListInfo &list)
{
    QJsonObject counts;
    for (auto it = list.counts.cbegin(); it != list.counts.cend(); ++it)
        counts.insert(it.key(), it.value());
    return {{u"name"_s, list.name},         {u"source"_s, list.source},
            {u"from_url"_s, list.fromUrl},  {u"fetched_ts"_s, QString::number(list.fetchedTs)},
            {u"checked_ts"_s, QString::number(list.checkedTs)},
            {u"digest"_s, list.digest},     {u"etag"_s, list.etag},
            {u"last_modified"_s, list.lastModified},
            {u"indicators"_s, list.indicators},
            {u"counts"_s, counts},          {u"bad_lines"_s, list.badLines},
            {u"matches"_s, list.matches}};
}

int listLists(Database &db, bool json)
{
    auto lists = IndicatorStore(db).lists();
    if (!lists)
        return failure(lists.error());
    if (!json)
        printOut(u"%1 %2 %3 %4  %5\n"_s.arg(u"NAME"_s, -24)
                     .arg(u"INDICATORS"_s, 10)
                     .arg(u"MATCHES"_s, 7)
                     .arg(u"UPDATED (UTC)"_s, -23)
                     .arg(u"SOURCE"_s));
    for (const IndicatorListInfo &list : std::as_const(*lists)) {
        if (json)
            printJson(listJson(list));
        else
            printOut(u"%1 %2 %3 %4  %5\n"_s.arg(list.name, -24)
                         .arg(list.indicators, 10)
                         .arg(list.matches, 7)
                         .arg(formatTime(list.fetchedTs), -23)
                         .arg(list.source));
    }
    return ExitOk;
}

int show(Database &db, const QString &name, bool json)
{
    IndicatorStore store(db);
    auto list = store.list(name);
    if (!list)
        return failure(list.error());
    auto indicators = store.indicators(name);
    if (!indicators)
        return failure(indicators.error());
    if (json) {
        QJsonArray rows;
        for (const StoredIndicator &i : std::as_const(*indicators))
            rows.append(QJsonObject{{u"type"_s, indicatorTypeName(i.type)},
                                    {u"value"_s, i.value},
                                    {u"algorithm"_s, i.algorithm},
                                    {u"line"_s, i.line}});
        QJsonObject object = listJson(*list);
        object.insert(u"indicator_list"_s, rows);
        printJson(object);
        return ExitOk;
    }
    printOut(u"list:        %1\nsource:      %2\nfetched:     %3 UTC\nchecked:     %4 UTC\ndigest:      BLAKE2b-256 "
             u"%5\nindicators:  %6 (%7)\nbad lines:   %8\nmatches:     %9 alerts\n\n"_s.arg(list->name, list->source,
                                                                                          formatTime(list->fetchedTs),
                                                                                          formatTime(list->checkedTs),
                                                                                          list->digest)
                 .arg(list->indicators)
                 .arg(typeCounts(list->counts))
                 .arg(list->badLines)
                 .arg(list->matches));
    for (const StoredIndicator &i : std::as_const(*indicators))
        printOut(u"%1 %2 %3  %4\n"_s.arg(i.line, 6).arg(indicatorTypeName(i.type), -7).arg(i.algorithm, -11).arg(i.value));
    return ExitOk;
}

} // namespace

int runIndicators(const QStringList &arguments, GlobalOptions global)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Indicator lists: IP addresses and CIDR ranges, domains, file digests and path patterns (globs), from a\n"
        "file or an http(s) URL; plain text (one per line, type inferred, '#' comments) or CSV with a 'type' and a\n"
        "'value' column. Matches raise alerts (source 'indicator', rule = the list's name).\n"
        "  add FILE|URL [--name N]  store a list and match it\n"
        "  list                     the lists with their counts, matches and last update\n"
        "  show NAME                one list and its indicators\n"
        "  update [NAME]            re-read files, re-fetch URLs (conditional: 304 keeps the list), then match\n"
        "  match [NAME]             match the lists against the case (again)\n"
        "  remove NAME              forget a list (its alerts stay)\n"
        "Exit codes: 0 ok, 1 lines or a list were rejected, 2 usage, I/O or network error."_s);
    const QCommandLineOption name(u"name"_s, u"The list's name (default: the file's or URL's base name)."_s, u"N"_s);
    const QCommandLineOption timeout(u"timeout"_s, u"Give up a fetch after SECS without data (default 30)."_s,
                                     u"SECS"_s);
    parser.addOptions({name, timeout});
    parser.addPositionalArgument(u"SUBCOMMAND"_s, u"add, list, show, update, match or remove."_s);
    parser.addPositionalArgument(u"ARG"_s, u"The file, URL or list name."_s, u"[ARG]"_s);
    if (auto end = parseCommand(parser, arguments, global, 1, 2))
        return *end;
    const QString sub = parser.positionalArguments().constFirst();
    const QString arg = parser.positionalArguments().value(1);
    static const QStringList needArg{u"add"_s, u"show"_s, u"remove"_s};
    static const QStringList known{u"add"_s, u"list"_s, u"show"_s, u"update"_s, u"match"_s, u"remove"_s};
    if (!known.contains(sub)) {
        printError(u"indicators: unknown subcommand '%1' (see 'flightdeck-cli indicators --help')"_s.arg(sub));
        return ExitUsage;
    }
    if (needArg.contains(sub) && arg.isEmpty()) {
        printError(u"indicators %1: missing %2 (see 'flightdeck-cli indicators --help')"_s.arg(
            sub, sub == "add"_L1 ? u"FILE or URL"_s : u"NAME"_s));
        return ExitUsage;
    }
    auto db = openCase(global);
    if (!db)
        return ExitUsage;
    std::signal(SIGINT, onIndicatorsInterrupt);
    std::signal(SIGTERM, onIndicatorsInterrupt);
    if (sub == "add"_L1)
        return add(*db, arg, parser.value(name), limitsFrom(parser, timeout), global.json);
    if (sub == "list"_L1)
        return listLists(*db, global.json);
    if (sub == "show"_L1)
        return show(*db, arg, global.json);
    if (sub == "update"_L1)
        return update(*db, arg, limitsFrom(parser, timeout), global.json);
    if (sub == "match"_L1)
        return match(*db, arg, global.json);
    if (auto removed = IndicatorStore(*db).remove(arg); !removed)
        return failure(removed.error());
    if (!global.json)
        printOut(u"removed indicator list %1 (its alerts stay in the case)\n"_s.arg(arg));
    return ExitOk;
}

} // namespace Deck::Cli
