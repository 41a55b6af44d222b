// SPDX-License-Identifier: GPL-3.0-or-later
// flightdeck-cli report: the printable incident report (app/report) of the case, or of some hosts and a time range,
// as PDF or HTML (by the file name), written through FILE.part and a rename and entered in the case's audit log.
// Runs on Qt's offscreen platform (main.cpp makes a QGuiApplication for this command), so no display is needed.
#include "clicommon.h"
#include "queryoptions.h"
#include "reportdocument.h"
#include "reportwriter.h"

#include <QTextDocument>
#include <atomic>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::Report;

namespace {

std::atomic<bool> g_reportInterrupted{false};

extern "C" void onReportInterrupt(int)
{
    g_reportInterrupted.store(true);
}

} // namespace

namespace Deck::Cli {

int runReport(const QStringList &arguments, GlobalOptions global)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Write the incident report of the case: summary and scope, analyst notes, timeline, bookmarked processes\n"
        "(ancestry, what they did) and events, integrity changes and alerts, coverage gaps and losses, and the\n"
        "evidence (every archive: digest, signer, verdict, chain) with its chain of custody. PDF (A4, headers,\n"
        "page numbers) or self-contained HTML, by the file name. The report is recorded in the case's audit log.\n"
        "Needs no display (Qt's offscreen platform)."_s);
    const QCommandLineOption out(u"out"_s, u"The report file: FILE.pdf or FILE.html (written through FILE.part)."_s,
                                 u"FILE"_s);
    const QCommandLineOption title(u"title"_s, u"The report's title (default: \"Incident report: <case>\")."_s,
                                   u"TEXT"_s);
    const QCommandLineOption host(u"host"_s, u"Only this host (hostname, machine id or host id); repeatable."_s,
                                  u"HOST"_s);
    const QCommandLineOption from(u"from"_s, u"From this time (UTC ns or ISO-8601 UTC), inclusive."_s, u"T"_s);
    const QCommandLineOption to(u"to"_s, u"Up to this time, exclusive."_s, u"T"_s);
    parser.addOptions({out, title, host, from, to});
    if (auto end = parseCommand(parser, arguments, global, 0, 0))
        return *end;
    const QString command = u"report"_s;
    if (!parser.isSet(out)) {
        printError(u"report: --out FILE.pdf or --out FILE.html is required"_s);
        return ExitUsage;
    }
    const QString path = parser.value(out);
    if (!reportFormatFor(path)) {
        printError(u"report: --out '%1': give a file name ending in .pdf or .html"_s.arg(path));
        return ExitUsage;
    }
    ReportOptions options;
    options.title = parser.value(title);
    if (parser.isSet(from) && !(options.scope.range.from = timeArgument(command, u"--from"_s, parser.value(from))))
        return ExitUsage;
    if (parser.isSet(to) && !(options.scope.range.to = timeArgument(command, u"--to"_s, parser.value(to))))
        return ExitUsage;
    auto db = openCase(global);
    if (!db)
        return ExitUsage;
    for (const QString &name : parser.values(host)) {
        const auto id = hostArgument(*db, command, name);
        if (!id)
            return ExitUsage;
        if (!options.scope.hostIds.contains(*id))
            options.scope.hostIds.append(*id);
    }

    Flight::Format::ProgressLine progress;
    std::signal(SIGINT, onReportInterrupt);
    std::signal(SIGTERM, onReportInterrupt);
    auto data = collectReport(*db, options, &g_reportInterrupted, [&progress](int percent, const QString &step) {
        progress.update(u"report: reading %1"_s.arg(step), percent, 100);
    });
    if (!data) {
        progress.clear();
        printError(u"report: %1"_s.arg(data.error().message));
        return ExitUsage;
    }
    progress.update(u"report: laying out"_s, 100, 100);
    const std::unique_ptr<QTextDocument> document = ReportDocument::build(*data);
    progress.update(u"report: writing %1"_s.arg(path), 100, 100);
    auto written = writeReport(*db, *data, *document, path);
    progress.clear();
    if (!written) {
        printError(written.error().message);
        return ExitUsage;
    }
    if (global.json) {
        printJson({{u"file"_s, path},
                   {u"pages"_s, written->pages},
                   {u"bytes"_s, written->bytes},
                   {u"blake2b"_s, written->digest},
                   {u"archives"_s, data->archives.size()}});
    } else {
        const QString pages = written->pages > 0 ? u"%1 pages, "_s.arg(written->pages) : QString();
        printOut(u"%1: report of %2 archives, %3%4 bytes, blake2b-256 %5\n"_s.arg(path)
                     .arg(data->archives.size())
                     .arg(pages)
                     .arg(written->bytes)
                     .arg(written->digest));
    }
    return ExitOk;
}

} // namespace Deck::Cli
