// SPDX-License-Identifier: GPL-3.0-or-later
// flightdeck-cli import: verify archives (files, folders walked recursively) and import them into the case.
#include "clicommon.h"
#include "readingarchives.h"

#include <QElapsedTimer>
#include <atomic>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace Deck::Core;

namespace Deck::Cli {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int)
{
    g_interrupted.store(true);
}

} // namespace

QJsonObject outcomeJson(const ImportOutcome &o)
{
    QJsonObject object{
        {u"path"_s, o.path}, {u"status"_s, QString::fromLatin1(statusName(o.status))}, {u"message"_s, o.message}};
    if (!o.digest.isEmpty()) {
        object.insert(u"host"_s, o.hostname);
        object.insert(u"machine_id"_s, o.machineId);
        object.insert(u"seq"_s, o.seq);
        object.insert(u"digest"_s, o.digest);
        object.insert(u"signer"_s, o.signerFingerprint);
        object.insert(u"events"_s, o.events);
    }
    if (!o.chain.isEmpty()) {
        object.insert(u"chain"_s, o.chain);
        object.insert(u"missing_before"_s, o.missingBefore);
    }
    return object;
}

void wireImporter(Importer &importer, bool json, Flight::Format::ProgressLine &progress)
{
    auto reading = std::make_shared<ReadingArchives>();
    importer.setProgressHandler([&progress, reading](const ImportProgress &p) {
        const ReadingArchives::Shown shown = reading->progressed(p);
        progress.update(shown.label(), shown.bytesDone, shown.bytesTotal);
    });
    importer.setOutcomeHandler([json, &progress, reading](const ImportOutcome &o) {
        reading->ended(o.path);
        progress.clear();
        printOutcome(o, json);
    });
}

void printOutcome(const ImportOutcome &o, bool json)
{
    if (json)
        printJson(outcomeJson(o));
    if (o.exitCode() != 0)
        printError(o.message);
    else if (!json)
        printOut(o.message + u'\n');
}

int exitCodeOf(const QList<ImportOutcome> &outcomes)
{
    int code = ExitOk;
    for (const ImportOutcome &o : outcomes)
        code = std::max(code, o.exitCode());
    return code;
}

bool loadCaseKey(const QString &path, ImportOptions &options)
{
    if (path.isEmpty())
        return true;
    auto key = Flight::Format::DecryptionKey::load(path);
    if (!key) {
        printError(key.error().message);
        return false;
    }
    options.caseKey = *key;
    return true;
}

int runImport(const QStringList &arguments, GlobalOptions global)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Verify archives and import them into the case, each completely or not at all. Folders are searched\n"
        "recursively for *.frec. One line per archive: imported / already imported on stdout; invalid, refused,\n"
        "quarantined (unknown signer) and forked archives as errors on stderr. Exit 0 when every archive is in the\n"
        "case, 1 when any is invalid, untrusted or forked, 2 on a usage, I/O or database error or when cancelled."_s);
    const QCommandLineOption caseKey(u"case-key"_s, u"X25519 key file that decrypts archives encrypted to the case."_s,
                                     u"FILE"_s);
    const QCommandLineOption source(u"source"_s, u"Where the archives came from (recorded per archive)."_s, u"TEXT"_s);
    parser.addOptions({caseKey, source});
    parser.addOptions(ruleOptions());
    parser.addPositionalArgument(u"PATH"_s, u"Archives or folders."_s, u"PATH..."_s);
    if (auto end = parseCommand(parser, arguments, global, 1, -1))
        return *end;
    ImportOptions options;
    options.source = parser.value(source);
    if (!loadCaseKey(parser.value(caseKey), options) || !applyRuleOptions(parser, u"import"_s, options))
        return ExitUsage;
    const QStringList paths = parser.positionalArguments();
    QStringList missing;
    if (Importer::findArchives(paths, &missing).isEmpty() && missing.isEmpty()) {
        printError(u"import: no .frec files in %1"_s.arg(paths.join(u", "_s)));
        return ExitUsage;
    }
    auto db = openCase(global);
    if (!db)
        return ExitUsage;

    Importer importer(*db, options);
    Flight::Format::ProgressLine progress;
    wireImporter(importer, global.json, progress);
    importer.setCancelFlag(&g_interrupted);
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    QElapsedTimer timer;
    timer.start();
    const QList<ImportOutcome> outcomes = importer.importPaths(paths);
    const double seconds = std::max<qint64>(timer.elapsed(), 1) / 1000.0;
    progress.clear();

    int code = exitCodeOf(outcomes);
    if (g_interrupted.load()) {
        printError(u"import: cancelled; the archive being imported was rolled back, the rest not started"_s);
        code = ExitUsage;
    }
    if (!global.json) {
        QMap<ImportStatus, int> counts;
        qint64 events = 0;
        for (const ImportOutcome &o : outcomes) {
            ++counts[o.status];
            if (o.status == ImportStatus::Imported)
                events += o.events;
        }
        QStringList parts;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            parts.append(u"%1 %2"_s.arg(it.value()).arg(QLatin1StringView(statusName(it.key()))));
        printOut(u"import: %1; %2 events in %3 s (%4 events/s)\n"_s.arg(parts.join(u", "_s))
                     .arg(events)
                     .arg(seconds, 0, 'f', 2)
                     .arg(qint64(events / seconds)));
    }
    return code;
}

} // namespace Deck::Cli
