// SPDX-License-Identifier: GPL-3.0-or-later
// flightdeck-cli detect: evaluate the detection rules (a rules folder, detectionrule.h) over the case and raise
// their alerts; and the rule loading that import shares.
#include "clicommon.h"
#include "detector.h"
#include "queryoptions.h"
#include "timetext.h"

#include <QDir>
#include <QJsonArray>
#include <atomic>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace Deck::Core;

namespace Deck::Cli {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onDetectInterrupt(int)
{
    g_interrupted.store(true);
}

} // namespace

std::optional<QList<DetectionRule>> loadRules(const QString &command, const QString &folder, bool required)
{
    const QString chosen = folder.isEmpty() ? defaultRulesFolder() : folder;
    if (chosen.isEmpty()) {
        if (required)
            printError(u"%1: no rules folder installed (share/flightdeck/rules); give --rules DIR"_s.arg(command));
        return required ? std::nullopt : std::optional<QList<DetectionRule>>(QList<DetectionRule>());
    }
    const DetectionRuleSet set = loadDetectionRules(chosen);
    for (const QString &error : set.errors)
        printError(u"%1: rule skipped: %2"_s.arg(command, error));
    if (set.rules.isEmpty() && !QDir(chosen).exists())
        return std::nullopt;
    return set.rules;
}

QList<QCommandLineOption> ruleOptions()
{
    return {QCommandLineOption(u"rules"_s,
                               u"Detection rules evaluated on each archive's events (default: the installed "
                               u"share/flightdeck/rules, when there is one)."_s,
                               u"DIR"_s),
            QCommandLineOption(u"no-rules"_s, u"Evaluate no detection rules."_s)};
}

bool applyRuleOptions(const QCommandLineParser &parser, const QString &command, ImportOptions &options)
{
    if (parser.isSet(u"no-rules"_s)) {
        options.rules.clear();
        return true;
    }
    const auto ruleList = loadRules(command, parser.value(u"rules"_s), parser.isSet(u"rules"_s));
    if (ruleList)
        options.rules = *ruleList;
    return ruleList.has_value();
}

int runDetect(const QStringList &arguments, GlobalOptions global)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Evaluate the detection rules over the case and raise an alert for each rule and object that matches,\n"
        "with the events that raised it (a second run adds nothing). One line per new alert; a rule file that\n"
        "cannot be used is reported in one line and the other rules run. Exit 0 when the rules ran (alerts or\n"
        "not), 2 on a usage or database error or when cancelled (then nothing of the run is kept)."_s);
    const QCommandLineOption rules(u"rules"_s, u"The rules folder (default: the installed share/flightdeck/rules)."_s,
                                   u"DIR"_s);
    const QCommandLineOption host(u"host"_s, u"Only this host (hostname, machine id or row id)."_s, u"HOST"_s);
    const QCommandLineOption from(u"from"_s, u"Only events at or after this time (UTC ns or ISO-8601)."_s, u"T"_s);
    const QCommandLineOption to(u"to"_s, u"Only events before this time."_s, u"T"_s);
    parser.addOptions({rules, host, from, to});
    if (auto end = parseCommand(parser, arguments, global, 0, 0))
        return *end;
    DetectionScope scope;
    for (const auto &[option, end] : {std::pair{&from, &scope.range.from}, std::pair{&to, &scope.range.to}}) {
        if (!parser.isSet(*option))
            continue;
        *end = timeArgument(u"detect"_s, u"--"_s + option->names().constFirst(), parser.value(*option));
        if (!*end)
            return ExitUsage;
    }
    const auto ruleList = loadRules(u"detect"_s, parser.value(rules), true);
    if (!ruleList)
        return ExitUsage;
    auto db = openCase(global);
    if (!db)
        return ExitUsage;
    if (parser.isSet(host)) {
        scope.hostId = hostArgument(*db, u"detect"_s, parser.value(host));
        if (!scope.hostId)
            return ExitUsage;
    }
    std::signal(SIGINT, onDetectInterrupt);
    std::signal(SIGTERM, onDetectInterrupt);
    Flight::Format::ProgressLine progress;
    if (auto begun = db->begin(); !begun) {
        printError(u"detect: %1"_s.arg(begun.error().message));
        return ExitUsage;
    }
    auto summary = Detector(*db, *ruleList).run(scope, [&](int index, int count, const QString &name) {
        progress.update(u"[%1/%2] %3"_s.arg(index + 1).arg(count).arg(name), index, count);
        return !g_interrupted.load();
    });
    progress.clear();
    if (!summary) {
        db->rollback();
        printError(g_interrupted.load() ? u"detect: cancelled; no alert of this run was kept"_s
                                        : u"detect: %1"_s.arg(summary.error().message));
        return ExitUsage;
    }
    if (auto committed = db->commit(); !committed) {
        printError(u"detect: %1"_s.arg(committed.error().message));
        return ExitUsage;
    }
    for (const DetectionHit &hit : std::as_const(summary->raised)) {
        if (global.json)
            printJson({{u"alert"_s, hit.alertId},
                       {u"rule"_s, hit.rule},
                       {u"host_id"_s, hit.hostId},
                       {u"ts"_s, hit.ts},
                       {u"time"_s, isoTime(hit.ts)},
                       {u"detail"_s, hit.detail}});
        else
            printOut(u"%1  %2  #%3  %4\n"_s.arg(formatTime(hit.ts), hit.rule).arg(hit.alertId).arg(hit.detail));
    }
    if (!global.json)
        printOut(u"detect: %1 rules, %2 matching objects, %3 new alerts\n"_s.arg(summary->rules)
                     .arg(summary->matched)
                     .arg(summary->raised.size()));
    return ExitOk;
}

} // namespace Deck::Cli
