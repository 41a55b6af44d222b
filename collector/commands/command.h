// SPDX-License-Identifier: GPL-3.0-or-later
// What every flightrec subcommand shares: the exit-code contract of DESIGN.md, one-line messages, argument parsing.
#pragma once

#include <QCommandLineParser>
#include <QStringList>
#include <optional>

namespace Flight::Commands {

enum ExitCode : int {
    ExitOk = 0, // everything valid / done
    ExitInvalidData = 1, // an archive is invalid or verification failed
    ExitUsage = 2, // usage, I/O or environment error
};

// "flightrec: <message>\n" on stderr.
void printError(const QString &message);
// UTF-8 on stdout, unbuffered by Qt (written with fwrite).
void printOut(const QByteArray &utf8);
void printOut(const QString &text);

// Parses `arguments` (the subcommand name first). Adds --help. Returns an exit code when the command must end
// now (help shown, or a usage error printed as one line), std::nullopt to go on.
std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &arguments, int minPositional,
                                  int maxPositional);

// The host signing key flightrec uses unless --key says otherwise.
QString defaultKeyPath();
// The collector's config file.
QString defaultConfigPath();

int runKeygen(const QStringList &arguments);
int runPubkey(const QStringList &arguments);
int runVerify(const QStringList &arguments);
int runCat(const QStringList &arguments);
int runSnapshot(const QStringList &arguments);
int runRecord(const QStringList &arguments);
int runDaemon(const QStringList &arguments);
int runStatus(const QStringList &arguments);
int runPush(const QStringList &arguments);

} // namespace Flight::Commands
