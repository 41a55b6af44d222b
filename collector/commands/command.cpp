// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"

#include <QCoreApplication>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Flight::Commands {

void printError(const QString &message)
{
    const QByteArray line = u"flightrec: %1\n"_s.arg(message).toUtf8();
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stderr);
}

void printOut(const QByteArray &utf8)
{
    std::fwrite(utf8.constData(), 1, static_cast<size_t>(utf8.size()), stdout);
}

void printOut(const QString &text)
{
    printOut(text.toUtf8());
}

std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &arguments, int minPositional,
                                  int maxPositional)
{
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Show this help."_s);
    parser.addOption(help);
    const QString command = arguments.value(0);
    if (!parser.parse(arguments)) {
        printError(u"%1: %2 (see 'flightrec %1 --help')"_s.arg(command, parser.errorText()));
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        // Qt names the program as it was started; the usage line should show the subcommand too.
        printOut(parser.helpText().replace(QCoreApplication::arguments().constFirst(), u"flightrec "_s + command));
        return ExitOk;
    }
    const auto count = parser.positionalArguments().size();
    if (count < minPositional || (maxPositional >= 0 && count > maxPositional)) {
        printError(u"%1: %2 (see 'flightrec %1 --help')"_s.arg(
            command, count < minPositional ? u"missing arguments"_s : u"too many arguments"_s));
        return ExitUsage;
    }
    return std::nullopt;
}

QString defaultKeyPath()
{
    return u"/etc/flightrec/host.key"_s;
}

} // namespace Flight::Commands
