// SPDX-License-Identifier: GPL-3.0-or-later
#include "queryoptions.h"

#include "processqueries.h"
#include "timetext.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace Deck::Core;

namespace Deck::Cli {

std::optional<qint64> timeArgument(const QString &command, const QString &what, const QString &text)
{
    const auto ns = parseTime(text);
    if (!ns)
        printError(u"%1: %2 '%3' is not a time: give UTC ns or ISO-8601 UTC (2025-10-09T08:55:23.5Z)"_s.arg(
            command, what, text));
    return ns;
}

std::optional<qint64> durationArgument(const QString &command, const QString &what, const QString &text)
{
    static const QRegularExpression duration(u"^(\\d+)(ns|ms|s|m|h)?$"_s);
    const auto match = duration.match(text);
    bool ok = false;
    const qint64 value = match.captured(1).toLongLong(&ok);
    const QString unit = match.captured(2);
    const qint64 scale = unit == "ns"_L1 ? 1
        : unit == "ms"_L1                ? 1000000
        : unit == "m"_L1                 ? 60000000000
        : unit == "h"_L1                 ? 3600000000000
                                         : 1000000000;
    qint64 ns = 0;
    if (!match.hasMatch() || !ok || value < 1 || __builtin_mul_overflow(value, scale, &ns)) {
        printError(u"%1: %2 '%3' is not a duration: give a number with ns, ms, s, m or h"_s.arg(command, what, text));
        return std::nullopt;
    }
    return ns;
}

std::optional<qint64> numberArgument(const QString &command, const QString &what, const QString &text, qint64 minimum)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < minimum) {
        printError(u"%1: %2 '%3' is not a number of at least %4"_s.arg(command, what, text).arg(minimum));
        return std::nullopt;
    }
    return value;
}

QByteArray bytesArgument(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray bytes;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8[i];
        const char next = i + 1 < utf8.size() ? utf8[i + 1] : '\0';
        if (c != '\\' || next == '\0') {
            bytes.append(c);
            continue;
        }
        if (next == '\\' || next == 'n' || next == 't' || next == 'r') {
            bytes.append(next == 'n' ? '\n' : next == 't' ? '\t' : next == 'r' ? '\r' : '\\');
            ++i;
            continue;
        }
        bool ok = false;
        const int value = next == 'x' ? utf8.mid(i + 2, 2).toInt(&ok, 16) : 0;
        if (ok && i + 3 < utf8.size()) {
            bytes.append(char(value));
            i += 3;
            continue;
        }
        bytes.append(c);
    }
    return bytes;
}

std::optional<qint64> hostArgument(Database &db, const QString &command, const QString &text)
{
    auto host = findHost(db, text);
    if (!host) {
        printError(u"%1: %2"_s.arg(command, host.error().message));
        return std::nullopt;
    }
    return *host;
}

std::optional<qint64> processArgument(Database &db, const QString &command, const QString &text)
{
    const qsizetype slash = text.lastIndexOf(u'/');
    if (slash > 0) {
        const auto host = hostArgument(db, command, text.left(slash));
        if (!host)
            return std::nullopt;
        const auto pid = numberArgument(command, u"pid"_s, text.mid(slash + 1), 0);
        if (!pid)
            return std::nullopt;
        auto process = ProcessQueries(db).processByPid(*host, *pid);
        if (!process) {
            printError(u"%1: %2"_s.arg(command, process.error().message));
            return std::nullopt;
        }
        return process->id;
    }
    bool ok = false;
    const qint64 id = (text.startsWith(u'#') ? text.mid(1) : text).toLongLong(&ok);
    if (!ok) {
        printError(u"%1: '%2' names no process: give its id (#17) or HOST/PID"_s.arg(command, text));
        return std::nullopt;
    }
    return id;
}

} // namespace Deck::Cli
