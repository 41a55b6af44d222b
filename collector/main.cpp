// SPDX-License-Identifier: GPL-3.0-or-later
// flightrec: the collector's command line (DESIGN.md, "CLI contract").
#include "commands/command.h"

#include <QCoreApplication>
#include <functional>
#include <map>

using namespace Qt::StringLiterals;
using namespace Flight::Commands;

namespace {

struct Command
{
    std::function<int(const QStringList &)> run;
    const char *summary;
};

const std::map<QString, Command> &commands()
{
    static const std::map<QString, Command> table{
        {u"keygen"_s, {runKeygen, "create the host signing key (or an x25519 recipient key)"}},
        {u"pubkey"_s, {runPubkey, "print a key file's public key as a trust-file line"}},
        {u"verify"_s, {runVerify, "verify archives and their hash chain"}},
        {u"cat"_s, {runCat, "print a verified archive's events as JSON lines"}},
        {u"snapshot"_s, {runSnapshot, "write a signed triage archive of the live processes"}},
        {u"run"_s, {runDaemon, "record until stopped (the daemon; systemd runs it)"}},
        {u"record"_s, {runRecord, "record for a bounded time into a directory"}},
        {u"status"_s, {runStatus, "show the key, chain, recorder, journal and outbox"}},
        {u"push"_s, {runPush, "push the outbox's archives into an SFTP inbox"}},
    };
    return table;
}

int usage(FILE *stream)
{
    QString text = u"usage: flightrec COMMAND [OPTIONS] [ARGS]\n\ncommands:\n"_s;
    for (const auto &[name, command] : commands())
        text += u"  %1  %2\n"_s.arg(name, -8).arg(QLatin1StringView(command.summary));
    text += u"\n'flightrec COMMAND --help' describes one command.\n"_s;
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, static_cast<size_t>(utf8.size()), stream);
    return stream == stdout ? ExitOk : ExitUsage;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"flightrec"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(FLIGHT_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    if (arguments.isEmpty())
        return usage(stderr);
    const QString name = arguments.constFirst();
    if (name == "help"_L1 || name == "--help"_L1 || name == "-h"_L1)
        return usage(stdout);
    if (name == "--version"_L1) {
        printOut(u"flightrec %1\n"_s.arg(QCoreApplication::applicationVersion()));
        return ExitOk;
    }
    const auto found = commands().find(name);
    if (found == commands().end()) {
        printError(u"unknown command '%1' (see 'flightrec --help')"_s.arg(name));
        return ExitUsage;
    }
    return found->second.run(arguments);
}
