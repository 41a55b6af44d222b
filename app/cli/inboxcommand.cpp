// SPDX-License-Identifier: GPL-3.0-or-later
// flightdeck-cli inbox watch DIR: import the archives collectors push into an inbox folder as they arrive (complete
// ones only, each once), until interrupted; with --once, what is there now, then exit.
#include "clicommon.h"
#include "inboxwatcher.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::Pull;

namespace Deck::Cli {

namespace {

std::atomic<bool> g_stopInbox{false};

extern "C" void onInboxInterrupt(int)
{
    g_stopInbox.store(true);
}

bool parseSeconds(const QString &text, double max, int &ms)
{
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (!ok || seconds < 0 || seconds > max)
        return false;
    ms = int(seconds * 1000);
    return true;
}

// --once: scans until no file is still being written (each gets settle time to finish), at most `rounds` times.
int watchOnce(InboxWatcher &watcher, int settleMs)
{
    QList<ImportOutcome> outcomes = watcher.scanOnce();
    for (int round = 0; round < 10 && watcher.nextSettleInMs() >= 0 && !g_stopInbox.load(); ++round) {
        QThread::msleep(ulong(std::min<qint64>(watcher.nextSettleInMs() + 50, settleMs + 50)));
        outcomes += watcher.scanOnce();
    }
    if (const int waiting = watcher.status().waiting; waiting > 0)
        printError(u"inbox %1: %2 files are still being written; left for the next run"_s.arg(watcher.status().dir)
                       .arg(waiting));
    int code = exitCodeOf(outcomes);
    if (g_stopInbox.load()) {
        printError(u"inbox: cancelled; the archive being imported was rolled back"_s);
        code = ExitUsage;
    }
    return code;
}

} // namespace

int runInbox(const QStringList &arguments, GlobalOptions global)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Watch an inbox folder (and its subfolders) that collectors push archives into, and verify and import\n"
        "each complete archive once, as 'import' does: *.part files and hidden files are left alone, and a file\n"
        "is complete when it was not modified for --settle seconds. A malformed archive is reported and the\n"
        "watch goes on. One line per archive as 'import' prints them. Runs until interrupted (exit 0); with\n"
        "--once, imports what is complete now and exits with 'import's exit codes."_s);
    const QCommandLineOption once(u"once"_s, u"Import what is in the folder now, then exit."_s);
    const QCommandLineOption settle(u"settle"_s, u"Seconds a file must stay unchanged to count as complete (2)."_s,
                                    u"S"_s, u"2"_s);
    const QCommandLineOption rescan(u"rescan"_s, u"Seconds between full rescans besides change events (10)."_s, u"S"_s,
                                    u"10"_s);
    const QCommandLineOption caseKey(u"case-key"_s, u"X25519 key file that decrypts archives encrypted to the case."_s,
                                     u"FILE"_s);
    parser.addOptions({once, settle, rescan, caseKey});
    parser.addOptions(ruleOptions());
    parser.addPositionalArgument(u"ACTION"_s, u"watch"_s, u"watch DIR"_s);
    if (auto end = parseCommand(parser, arguments, global, 2, 2))
        return *end;
    if (parser.positionalArguments().constFirst() != "watch"_L1) {
        printError(u"inbox: unknown action '%1': use watch"_s.arg(parser.positionalArguments().constFirst()));
        return ExitUsage;
    }
    InboxOptions options;
    options.dir = parser.positionalArguments().at(1);
    if (!parseSeconds(parser.value(settle), 3600, options.settleMs)
        || !parseSeconds(parser.value(rescan), 86400, options.rescanMs) || options.rescanMs < 100) {
        printError(u"inbox: --settle takes 0 to 3600 seconds and --rescan 0.1 to 86400"_s);
        return ExitUsage;
    }
    if (!loadCaseKey(parser.value(caseKey), options.import) || !applyRuleOptions(parser, u"inbox"_s, options.import))
        return ExitUsage;
    auto db = openCase(global);
    if (!db)
        return ExitUsage;

    InboxWatcher watcher(*db, options);
    watcher.setCancelFlag(&g_stopInbox);
    QObject::connect(&watcher, &InboxWatcher::archiveDone, [json = global.json](const ImportOutcome &o) {
        printOutcome(o, json);
        std::fflush(stdout); // a watcher's output is read as it comes (a log, a pipe)
    });
    std::signal(SIGINT, onInboxInterrupt);
    std::signal(SIGTERM, onInboxInterrupt);
    if (parser.isSet(once)) {
        if (!QFileInfo(options.dir).isDir()) {
            printError(u"inbox %1: no such folder"_s.arg(options.dir));
            return ExitUsage;
        }
        return watchOnce(watcher, options.settleMs);
    }
    if (auto started = watcher.start(); !started) {
        printError(started.error().message);
        return ExitUsage;
    }
    if (!global.json)
        printOut(u"inbox: watching %1 (Ctrl-C stops)\n"_s.arg(watcher.status().dir));
    std::fflush(stdout);
    QTimer stopCheck;
    QObject::connect(&stopCheck, &QTimer::timeout, [] {
        if (g_stopInbox.load())
            QCoreApplication::quit();
    });
    stopCheck.start(100);
    QCoreApplication::exec();
    watcher.stop();
    const InboxStatus &s = watcher.status();
    if (!global.json)
        printOut(u"inbox: stopped; %1 imported, %2 in the case already, %3 held, %4 rejected\n"_s.arg(s.imported)
                     .arg(s.alreadyInCase)
                     .arg(s.held)
                     .arg(s.rejected));
    return ExitOk;
}

} // namespace Deck::Cli
