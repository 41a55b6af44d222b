// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommon.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Deck::Cli {

void printError(const QString &message)
{
    const QByteArray line = u"flightdeck-cli: %1\n"_s.arg(message).toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
}

void printOut(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stdout);
}

void printJson(const QJsonObject &object)
{
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
}

std::optional<int> parseCommand(QCommandLineParser &parser, const QStringList &arguments, GlobalOptions &global,
                                int minPositional, int maxPositional)
{
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Show this help."_s);
    const QCommandLineOption db(u"db"_s, u"The case: a SQLite file or a postgresql:// URL."_s, u"DB"_s);
    const QCommandLineOption json(u"json"_s, u"One JSON object per line."_s);
    parser.addOptions({help, db, json});
    const QString command = arguments.value(0);
    if (!parser.parse(arguments)) {
        printError(u"%1: %2 (see 'flightdeck-cli %1 --help')"_s.arg(command, parser.errorText()));
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        printOut(parser.helpText().replace(QCoreApplication::arguments().constFirst(), u"flightdeck-cli "_s + command));
        return ExitOk;
    }
    if (parser.isSet(db))
        global.db = parser.value(db);
    global.json = global.json || parser.isSet(json);
    const auto count = parser.positionalArguments().size();
    if (count < minPositional || (maxPositional >= 0 && count > maxPositional)) {
        printError(u"%1: %2 (see 'flightdeck-cli %1 --help')"_s.arg(
            command, count < minPositional ? u"missing arguments"_s : u"too many arguments"_s));
        return ExitUsage;
    }
    if (global.db.isEmpty()) {
        printError(u"%1: no case given: use --db FILE or --db postgresql://..."_s.arg(command));
        return ExitUsage;
    }
    return std::nullopt;
}

std::unique_ptr<Core::Database> openCase(const GlobalOptions &global)
{
    auto db = Core::Database::open(global.db);
    if (!db) {
        printError(db.error().message);
        return nullptr;
    }
    return std::move(*db);
}

QString formatTime(qint64 ns)
{
    if (ns <= 0)
        return u"-"_s;
    return QDateTime::fromMSecsSinceEpoch(ns / 1000000, Qt::UTC).toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
}

} // namespace Deck::Cli
