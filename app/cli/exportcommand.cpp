// SPDX-License-Identifier: GPL-3.0-or-later
// flightdeck-cli export: the case's events as CSV or JSON lines (eventexport.h), to a file (written as .part and
// renamed) or to stdout; every export is entered in the case's audit log.
#include "clicommon.h"
#include "eventexport.h"
#include "queryoptions.h"

#include <QFile>

using namespace Qt::StringLiterals;
using namespace Deck::Core;

namespace Deck::Cli {

int runExport(const QStringList &arguments, GlobalOptions global)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Export the events of the case in time order, one row per event: CSV (RFC 4180, raw bytes in paths) or\n"
        "JSON lines (byte strings as in the archive format). The export is recorded in the case's audit log."_s);
    const QCommandLineOption format(u"format"_s, u"csv or jsonl."_s, u"FORMAT"_s);
    const QCommandLineOption host(u"host"_s, u"Only this host (hostname, machine id or host id)."_s, u"HOST"_s);
    const QCommandLineOption from(u"from"_s, u"From this time (UTC ns or ISO-8601 UTC), inclusive."_s, u"T"_s);
    const QCommandLineOption to(u"to"_s, u"Up to this time, exclusive."_s, u"T"_s);
    const QCommandLineOption kind(u"kind"_s, u"Only this kind or family: %1."_s.arg(exportKinds().join(u", "_s)),
                                  u"KIND"_s);
    const QCommandLineOption out(u"out"_s, u"Write FILE (through FILE.part) instead of stdout."_s, u"FILE"_s);
    parser.addOptions({format, host, from, to, kind, out});
    if (auto end = parseCommand(parser, arguments, global, 0, 0))
        return *end;
    const QString command = u"export"_s;
    ExportRequest request;
    const QString formatText = parser.isSet(format) ? parser.value(format) : u"csv"_s;
    if (formatText != "csv"_L1 && formatText != "jsonl"_L1) {
        printError(u"export: --format '%1': give csv or jsonl"_s.arg(formatText));
        return ExitUsage;
    }
    request.format = formatText == "csv"_L1 ? ExportFormat::Csv : ExportFormat::Jsonl;
    request.kind = parser.value(kind);
    if (!isExportKind(request.kind)) {
        printError(
            u"export: --kind '%1' is not a kind: give one of %2"_s.arg(request.kind, exportKinds().join(u", "_s)));
        return ExitUsage;
    }
    if (parser.isSet(from) && !(request.range.from = timeArgument(command, u"--from"_s, parser.value(from))))
        return ExitUsage;
    if (parser.isSet(to) && !(request.range.to = timeArgument(command, u"--to"_s, parser.value(to))))
        return ExitUsage;
    auto db = openCase(global);
    if (!db)
        return ExitUsage;
    if (parser.isSet(host) && !(request.hostId = hostArgument(*db, command, parser.value(host))))
        return ExitUsage;

    Expected<ExportSummary> summary = storeError(StoreReason::Sql, QString());
    if (parser.isSet(out)) {
        summary = exportEventsToFile(*db, request, parser.value(out));
    } else {
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly)) {
            printError(u"export: cannot write to stdout"_s);
            return ExitUsage;
        }
        summary = exportEvents(*db, request, stdoutFile, u"stdout"_s);
    }
    if (!summary) {
        printError(summary.error().message);
        return ExitUsage;
    }
    if (parser.isSet(out)) {
        const QString line = u"%1: exported %2 events, blake2b-256 %3"_s.arg(parser.value(out))
                                 .arg(summary->rows)
                                 .arg(summary->digest);
        if (global.json)
            printJson({{u"file"_s, parser.value(out)}, {u"events"_s, summary->rows}, {u"blake2b"_s, summary->digest}});
        else
            printOut(line + u'\n');
    }
    return ExitOk;
}

} // namespace Deck::Cli
