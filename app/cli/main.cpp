// SPDX-License-Identifier: GPL-3.0-or-later
// flightdeck-cli: the workstation's engine without windows (DESIGN.md "CLI contract"):
//   flightdeck-cli --db DB [--json] COMMAND [OPTIONS] [ARGS]
#include "clicommon.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Deck::Cli;

namespace {

struct Command
{
    std::function<int(const QStringList &, GlobalOptions)> run;
    const char *summary;
};

const std::map<QString, Command> &commands()
{
    static const std::map<QString, Command> table{
        {u"import"_s, {runImport, "verify archives (files or folders) and import them into the case"}},
        {u"hosts"_s, {runHosts, "list the hosts of the case with their keys and chain state"}},
        {u"trust"_s, {runTrust, "trust a host signing key (and import the archives it held in quarantine)"}},
        {u"quarantine"_s, {runQuarantine, "list archives held back (untrusted signer, fork), or trust their signer"}},
        {u"remote"_s, {runRemote, "list, add, edit or remove the hosts the case pulls archives from over SSH"}},
        {u"pull"_s, {runPull, "fetch new archives over SSH from the remote hosts, verify and import them"}},
        {u"inbox"_s, {runInbox, "watch a folder that collectors push archives into and import what arrives"}},
        {u"query"_s,
         {runQuery,
          "tree, children, ancestors, descendants, did, who-touched, who-connected, at, "
          "search,\n              timeline, losses ('flightdeck-cli query --help')"}},
        {u"indicators"_s,
         {runIndicators, "indicator lists (addresses, domains, digests, paths) from files or URLs: add, list,\n"
                         "              show, update, match, remove"}},
        {u"detect"_s, {runDetect, "evaluate the detection rules over the case and raise their alerts"}},
        {u"export"_s, {runExport, "the events as CSV or JSON lines, to a file or stdout (audited)"}},
        {u"report"_s,
         {runReport, "the incident report as PDF or HTML: notes, timeline, bookmarks, alerts, coverage,\n"
                     "              evidence and chain of custody (audited; needs no display)"}},
    };
    return table;
}

int usage(FILE *stream)
{
    QString text = u"usage: flightdeck-cli --db DB [--json] COMMAND [OPTIONS] [ARGS]\n\n"
                   u"DB is a case file (SQLite, created when missing) or a postgresql:// URL.\n\ncommands:\n"_s;
    for (const auto &[name, command] : commands())
        text += u"  %1  %2\n"_s.arg(name, -10).arg(QLatin1StringView(command.summary));
    text += u"\n'flightdeck-cli COMMAND --help' describes one command. Exit codes: 0 ok, 1 the data is bad\n"
            u"(invalid, untrusted or forked archives), 2 usage or environment error.\n"_s;
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stream);
    return stream == stdout ? ExitOk : ExitUsage;
}

QtMessageHandler g_qtMessages = nullptr;

// Qt Gui's notice that XDG_RUNTIME_DIR is unset (normal under sudo, cron, ssh without a login session) is not the
// report's business: it would make a second line of a one-line error.
void withoutRuntimeDirNotice(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.startsWith("QStandardPaths: XDG_RUNTIME_DIR not set"_L1))
        return;
    if (g_qtMessages)
        g_qtMessages(type, context, message);
    else
        std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
}

// The command named on the command line (the first argument that is not a global option), or empty.
QString commandName(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--db")
            ++i;
        else if (!arg.startsWith('-'))
            return QString::fromLocal8Bit(arg);
    }
    return {};
}

} // namespace

int main(int argc, char *argv[])
{
    // The report lays out text and draws its chart with Qt Gui (fonts, QPdfWriter), which needs a platform plugin:
    // the offscreen one, so that it runs without any display (ssh sessions, servers, CI) whatever DISPLAY says.
    std::unique_ptr<QCoreApplication> application;
    if (commandName(argc, argv) == "report"_L1) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        g_qtMessages = qInstallMessageHandler(withoutRuntimeDirNotice);
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(u"flightdeck-cli"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(FLIGHT_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    GlobalOptions global;
    while (!arguments.isEmpty() && arguments.constFirst().startsWith(u'-')) {
        const QString option = arguments.takeFirst();
        if (option == "--help"_L1 || option == "-h"_L1)
            return usage(stdout);
        if (option == "--version"_L1) {
            printOut(u"flightdeck-cli %1\n"_s.arg(QCoreApplication::applicationVersion()));
            return ExitOk;
        }
        if (option == "--json"_L1) {
            global.json = true;
        } else if (option == "--db"_L1 && !arguments.isEmpty()) {
            global.db = arguments.takeFirst();
        } else if (option.startsWith("--db="_L1)) {
            global.db = option.mid(5);
        } else {
            printError(u"unknown option '%1' (see 'flightdeck-cli --help')"_s.arg(option));
            return ExitUsage;
        }
    }
    if (arguments.isEmpty())
        return usage(stderr);
    const auto command = commands().find(arguments.constFirst());
    if (command == commands().end()) {
        printError(u"unknown command '%1' (see 'flightdeck-cli --help')"_s.arg(arguments.constFirst()));
        return ExitUsage;
    }
    return command->second.run(arguments, global);
}
