// SPDX-License-Identifier: GPL-3.0-or-later
// flightdeck-cli query replay TIME --host HOST: the host's state at TIME, part by part (replayqueries.h), each part
// headed by how far it is known. Text: a heading per part and one line per row (processes indented as a tree);
// --json: one object per line, a {"type":"part"} object before the rows of each part.
#include "bytetext.h"
#include "querycontext.h"
#include "queryoptions.h"
#include "replayqueries.h"
#include "timetext.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace Deck::Core;

namespace Deck::Cli {

namespace {

void printPart(const QueryContext &c, const QString &name, const ReplayPart &part, qsizetype rows)
{
    if (c.global.json) {
        QJsonArray caveats;
        for (const Caveat &caveat : part.knowledge.caveats)
            caveats.append(caveatText(caveat));
        printJson({{u"type"_s, u"part"_s},
                   {u"part"_s, name},
                   {u"knowledge"_s, knowledgeName(part.knowledge.knowledge)},
                   {u"caveats"_s, caveats},
                   {u"rows"_s, rows},
                   {u"truncated"_s, part.truncated}});
        return;
    }
    printOut(u"%1: %2, %3%4\n"_s.arg(name, knowledgeName(part.knowledge.knowledge)).arg(rows).arg(
        part.truncated ? u" (more: raise --limit)"_s : QString()));
    for (const Caveat &caveat : part.knowledge.caveats)
        printOut(u"  ! %1\n"_s.arg(caveatText(caveat)));
}

QString attributeText(const QVariantMap &attrs)
{
    QStringList words;
    for (auto it = attrs.cbegin(); it != attrs.cend(); ++it)
        words.append(u"%1=%2"_s.arg(it.key(), displayBytes(it.value().toString().toUtf8())));
    return words.join(u' ');
}

void printItems(const QueryContext &c, const QString &type, const QList<StateItemAt> &items)
{
    for (const StateItemAt &item : items) {
        if (c.global.json) {
            QJsonObject o{{u"type"_s, type}, {u"id"_s, item.id}, {u"attrs"_s, QJsonObject::fromVariantMap(item.attrs)}};
            insertTime(o, u"since"_s, item.sinceTs);
            printJson(o);
        } else {
            printOut(u"  %1 %2 (since %3)\n"_s.arg(displayBytes(item.id.toUtf8()), attributeText(item.attrs),
                                                  isoTime(item.sinceTs)));
        }
    }
}

void printProcesses(const QueryContext &c, const HostReplay &replay)
{
    for (const TreeLine &line : processTreeOrder(replay.processes)) {
        const RunningProcess &row = replay.processes.at(line.index);
        if (c.global.json) {
            QJsonObject o = processJson(row.process, c.hosts);
            o.insert(u"type"_s, u"process"_s);
            o.insert(u"depth"_s, line.depth);
            o.insert(u"liveness"_s, livenessName(row.liveness));
            printJson(o);
        } else {
            printOut(u"  %1%2%3\n"_s.arg(QString(line.depth * 2, u' '), processLine(row.process, c.hosts),
                                         row.liveness == Liveness::Running ? QString() : u" (alive at last sight)"_s));
        }
    }
}

void printFiles(const QueryContext &c, const HostReplay &replay)
{
    for (const OpenFileAt &file : replay.files) {
        if (c.global.json) {
            QJsonObject o{{u"type"_s, u"file"_s},
                          {u"process_id"_s, file.processId},
                          {u"path"_s, bytesJson(file.path)},
                          {u"evidence"_s, evidenceName(file.evidence)}};
            if (file.openedTs)
                insertTime(o, u"opened"_s, *file.openedTs);
            insertTime(o, u"closed"_s, file.closedTs);
            printJson(o);
        } else {
            printOut(u"  #%1 %2 opened %3, closed after writing %4 (%5 T)\n"_s.arg(file.processId)
                         .arg(displayBytes(file.path), isoOrDash(file.openedTs), isoTime(file.closedTs),
                              evidenceName(file.evidence)));
        }
    }
}

void printConnections(const QueryContext &c, const HostReplay &replay)
{
    for (const OpenConnection &row : replay.connections) {
        const bool listener = isListener(row.opened);
        if (c.global.json) {
            QJsonObject o = netEventJson(row.opened);
            o.insert(u"type"_s, listener ? u"listener"_s : u"connection"_s);
            o.insert(u"liveness"_s, livenessName(row.liveness));
            printJson(o);
        } else {
            printOut(u"  %1 since %2%3%4\n"_s.arg(listener ? u"listening"_s : u"open     "_s,
                                                 netEventLine(row.opened),
                                                 row.processId ? u" #%1"_s.arg(*row.processId) : QString(),
                                                 row.liveness == Liveness::Running ? QString()
                                                                                   : u" (alive at last sight)"_s));
        }
    }
}

} // namespace

int queryReplay(QueryContext &c)
{
    const auto host = hostArgument(c.db, c.command, c.value(u"host"_s));
    const auto when = host ? timeArgument(c.command, u"TIME"_s, c.positional(0)) : std::nullopt;
    if (!host || !when)
        return ExitUsage;
    PageRequest page;
    if (!readPage(c, page, 20000))
        return ExitUsage;
    auto replay = ReplayQueries(c.db).replay(*host, *when, page.limit);
    if (!replay)
        return c.fail(replay.error());
    if (c.global.json) {
        QJsonObject o{{u"type"_s, u"replay"_s}, {u"host"_s, c.hosts.value(*host)}};
        insertTime(o, u"at"_s, *when);
        if (replay->span.first) {
            insertTime(o, u"recorded_from"_s, *replay->span.first);
            insertTime(o, u"recorded_to"_s, *replay->span.last);
        }
        printJson(o);
    } else {
        printOut(u"%1 at %2 (recorded %3 to %4)\n"_s.arg(c.hosts.value(*host), isoTime(*when),
                                                        isoOrDash(replay->span.first), isoOrDash(replay->span.last)));
    }
    printPart(c, u"processes"_s, replay->processesPart, replay->processes.size());
    printProcesses(c, *replay);
    printPart(c, u"files open for writing"_s, replay->filesPart, replay->files.size());
    printFiles(c, *replay);
    printPart(c, u"connections and listeners"_s, replay->networkPart, replay->connections.size());
    printConnections(c, *replay);
    printPart(c, u"modules"_s, replay->modulesPart, replay->modules.size());
    printItems(c, u"module"_s, replay->modules);
    printPart(c, u"bpf programs"_s, replay->bpfPart, replay->bpf.size());
    printItems(c, u"bpf"_s, replay->bpf);
    printPart(c, u"packages"_s, replay->packagesPart, replay->packages.size());
    printItems(c, u"package"_s, replay->packages);
    return ExitOk;
}

} // namespace Deck::Cli
