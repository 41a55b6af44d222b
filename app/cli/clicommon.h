// SPDX-License-Identifier: GPL-3.0-or-later
// What every flightdeck-cli command shares: the exit codes and one-line errors of DESIGN.md's CLI contract,
// argument parsing, opening the case, JSON lines, times, and the progress line (drawn on stderr only when both
// stdout and stderr are terminals).
#pragma once

#include "database.h"
#include "importer.h"
#include "progressline.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QStringList>
#include <memory>
#include <optional>

namespace Deck::Cli {

enum ExitCode : int {
    ExitOk = 0,
    ExitInvalidData = 1, // an archive is invalid, untrusted or contradicts its chain
    ExitUsage = 2, // usage, I/O or environment error
};

// Options given before the command (flightdeck-cli --db DB [--json] COMMAND ...).
struct GlobalOptions
{
    QString db;
    bool json = false;
};

void printError(const QString &message); // "flightdeck-cli: <message>" on stderr
void printOut(const QString &text);
void printJson(const QJsonObject &object); // one compact line

// Adds --help, --db and --json to `parser`, parses `arguments` (the command name first) and merges them into
// `global`. Returns an exit code when the command must end now (help shown, usage error printed).
std::optional<int> parseCommand(QCommandLineParser &parser, const QStringList &arguments, GlobalOptions &global,
                                int minPositional, int maxPositional);

// Opens (and migrates) the case named by --db; prints the error and returns nullptr when it cannot.
std::unique_ptr<Core::Database> openCase(const GlobalOptions &global);

// UTC time "2025-10-09 08:55:23.123" of a time stamp in ns.
QString formatTime(qint64 ns);

// Shows the importer's progress on `progress` and prints each outcome as it comes: imported and already imported
// archives on stdout, the others as one-line errors on stderr; with `json`, one JSON object per archive on stdout.
void wireImporter(Core::Importer &importer, bool json, Flight::Format::ProgressLine &progress);
// Prints one outcome as `import` does (stdout when the archive is in the case, else a one-line error; JSON too).
void printOutcome(const Core::ImportOutcome &outcome, bool json);
// One archive's outcome as the JSON object `import --json` prints.
QJsonObject outcomeJson(const Core::ImportOutcome &outcome);
// The exit code of a batch: the worst of its outcomes.
int exitCodeOf(const QList<Core::ImportOutcome> &outcomes);
// Loads the case key for encrypted archives (--case-key); prints the error and returns false when it cannot.
bool loadCaseKey(const QString &path, Core::ImportOptions &options);

// The rules of `folder` (empty: the installed default folder), each unusable file reported as one error line; with
// `required`, a missing folder is an error (nullopt), else it means no rules.
std::optional<QList<Core::DetectionRule>> loadRules(const QString &command, const QString &folder, bool required);
// --rules DIR and --no-rules, taken by every command that imports (import, pull, inbox, trust, quarantine trust),
// so that every intake evaluates the same rules in each archive's import transaction.
QList<QCommandLineOption> ruleOptions();
// Sets options.rules from those options: --rules DIR, else the installed rules folder when there is one, none with
// --no-rules. Prints the error and returns false when they cannot be used.
bool applyRuleOptions(const QCommandLineParser &parser, const QString &command, Core::ImportOptions &options);

int runImport(const QStringList &arguments, GlobalOptions global);
int runDetect(const QStringList &arguments, GlobalOptions global);
int runHosts(const QStringList &arguments, GlobalOptions global);
int runTrust(const QStringList &arguments, GlobalOptions global);
int runQuarantine(const QStringList &arguments, GlobalOptions global);
int runRemote(const QStringList &arguments, GlobalOptions global);
int runPull(const QStringList &arguments, GlobalOptions global);
int runInbox(const QStringList &arguments, GlobalOptions global);
int runQuery(const QStringList &arguments, GlobalOptions global);
int runExport(const QStringList &arguments, GlobalOptions global);
int runReport(const QStringList &arguments, GlobalOptions global);
int runIndicators(const QStringList &arguments, GlobalOptions global);

} // namespace Deck::Cli
