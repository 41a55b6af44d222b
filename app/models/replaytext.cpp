// SPDX-License-Identifier: GPL-3.0-or-later
#include "replaytext.h"

#include "bytetext.h"
#include "timescale.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace Deck::Models {

namespace {

constexpr qint64 kMs = 1'000'000;

// The attributes a panel shows for each check, after the id (FORMAT.md §2.4).
QStringList shownAttributes(const QString &check)
{
    if (check == "modules"_L1)
        return {u"size"_s, u"state"_s, u"file"_s};
    if (check == "bpf"_L1)
        return {u"type"_s, u"name"_s, u"own"_s};
    return {u"version"_s, u"arch"_s, u"source"_s};
}

QString processText(const QHash<qint64, const Core::ProcessRow *> &processes, std::optional<qint64> id)
{
    if (!id)
        return ReplayText::tr("(no process)");
    const Core::ProcessRow *p = processes.value(*id);
    return p ? u"%1 (%2)"_s.arg(Core::displayBytes(p->comm.toUtf8())).arg(p->pid) : u"#%1"_s.arg(*id);
}

QHash<qint64, const Core::ProcessRow *> processesById(const Core::HostReplay &replay)
{
    QHash<qint64, const Core::ProcessRow *> byId;
    for (const Core::RunningProcess &row : replay.processes)
        byId.insert(row.process.id, &row.process);
    return byId;
}

} // namespace

QString ReplayText::caveat(const Core::Caveat &caveat)
{
    const QString from = utcText(caveat.from, kMs), to = utcText(caveat.to, kMs);
    switch (caveat.kind) {
    case Core::Caveat::Kind::OutsideRecording:
        return caveat.from == 0 && caveat.to == 0 ? tr("the case holds no recording of this host")
                                                  : tr("outside the host's recording (%1 to %2)").arg(from, to);
    case Core::Caveat::Kind::CollectorStopped:
        return tr("the collector was not running from %1 to %2").arg(from, to);
    case Core::Caveat::Kind::MissingArchives:
        return tr("%n archive(s) missing from the chain between %1 and %2", nullptr, int(caveat.count)).arg(from, to);
    case Core::Caveat::Kind::Loss:
        return tr("%1 lost %2 %3 from %4 to %5").arg(caveat.source).arg(caveat.count).arg(caveat.unit, from, to);
    case Core::Caveat::Kind::NoSnapshot:
        break;
    }
    return tr("no full snapshot of this check before this time");
}

QString ReplayText::knowledge(const Core::ReplayPart &part, const QString &what)
{
    QStringList reasons;
    for (const Core::Caveat &c : part.knowledge.caveats)
        reasons.append(caveat(c));
    QString text;
    switch (part.knowledge.knowledge) {
    case Core::Knowledge::Known:
        break;
    case Core::Knowledge::Incomplete:
        text = tr("Incomplete: %1 may be missing — %2.").arg(what, reasons.join(u"; "_s));
        break;
    case Core::Knowledge::Unknown:
        text = tr("Not known at this time: %1.").arg(reasons.join(u"; "_s));
        break;
    }
    if (part.truncated)
        text += (text.isEmpty() ? QString() : u" "_s) + tr("Only the first rows are shown.");
    return text;
}

QStringList ReplayText::fileHeaders()
{
    return {tr("Process"), tr("Path"), tr("Opened (UTC)"), tr("Closed after writing (UTC)"), tr("Evidence")};
}

QList<ReplayRow> ReplayText::fileRows(const Core::HostReplay &replay)
{
    const auto processes = processesById(replay);
    QList<ReplayRow> rows;
    for (const Core::OpenFileAt &file : replay.files) {
        QString evidence;
        switch (file.evidence) {
        case Core::OpenFileAt::Evidence::OpenBeforeClosedAfter:
            evidence = tr("opened before, closed after writing later");
            break;
        case Core::OpenFileAt::Evidence::OpenNotSeen:
            evidence = tr("closed after writing later; its open was not recorded");
            break;
        case Core::OpenFileAt::Evidence::WithinRepeatedWrites:
            evidence = tr("within a run of repeated writes");
            break;
        }
        const QString path = Core::displayBytes(file.path);
        rows.append({u"%1 %2"_s.arg(file.processId).arg(path),
                     evidence,
                     {processText(processes, file.processId), path,
                      file.openedTs ? utcText(*file.openedTs, kMs) : tr("not recorded"), utcText(file.closedTs, kMs),
                      evidence},
                     path,
                     ReplayRow::Change::Same,
                     file.processId});
    }
    return rows;
}

QStringList ReplayText::networkHeaders()
{
    return {tr("Kind"), tr("Protocol"), tr("Local"), tr("Remote"), tr("Process"), tr("Since (UTC)")};
}

QList<ReplayRow> ReplayText::networkRows(const Core::HostReplay &replay)
{
    const auto processes = processesById(replay);
    QList<ReplayRow> rows;
    for (const Core::OpenConnection &row : replay.connections) {
        const Core::NetEventRow &n = row.opened;
        const QString kind = Core::isListener(n) ? tr("listening") : tr("connection");
        const QString local = u"%1:%2"_s.arg(n.laddr).arg(n.lport);
        const QString remote = n.raddr.isEmpty() ? QString() : u"%1:%2"_s.arg(n.raddr).arg(n.rport.value_or(0));
        QString since = utcText(n.ts, kMs);
        if (row.liveness == Core::Liveness::AliveAtLastSight)
            since += tr(" (alive at last sight)");
        rows.append({u"%1 %2 %3 %4"_s.arg(n.proto, local, remote).arg(row.processId.value_or(-1)),
                     QString(),
                     {kind, n.proto, local, remote, processText(processes, row.processId), since},
                     tr("%1 by %2, recorded as %3").arg(kind, processText(processes, row.processId), n.op),
                     ReplayRow::Change::Same,
                     row.processId});
    }
    return rows;
}

QStringList ReplayText::itemHeaders(const QString &check)
{
    if (check == "modules"_L1)
        return {tr("Module"), tr("Size"), tr("State"), tr("File"), tr("In this state since (UTC)")};
    if (check == "bpf"_L1)
        return {tr("Program id"), tr("Type"), tr("Name"), tr("Collector's own"), tr("In this state since (UTC)")};
    return {tr("Package"), tr("Version"), tr("Architecture"), tr("Source"), tr("In this state since (UTC)")};
}

QList<ReplayRow> ReplayText::itemRows(const QString &check, const QList<Core::StateItemAt> &items)
{
    QList<ReplayRow> rows;
    for (const Core::StateItemAt &item : items) {
        QStringList cells{Core::displayBytes(item.id.toUtf8())};
        for (const QString &name : shownAttributes(check)) {
            const QVariant value = item.attrs.value(name);
            cells.append(value.typeId() == QMetaType::Bool ? (value.toBool() ? tr("yes") : tr("no"))
                                                           : Core::displayBytes(value.toString().toUtf8()));
        }
        cells.append(utcText(item.sinceTs, kMs));
        // What the check compares (FORMAT.md): a module's refcount and a program's load time are carried, not
        // compared, so a restating snapshot does not mark the item changed.
        QStringList signature;
        QStringList tip;
        for (auto it = item.attrs.cbegin(); it != item.attrs.cend(); ++it) {
            tip.append(u"%1: %2"_s.arg(it.key(), Core::displayBytes(it.value().toString().toUtf8())));
            if (it.key() != "refcount"_L1 && it.key() != "loaded_ts"_L1)
                signature.append(tip.constLast());
        }
        rows.append({item.id, signature.join(u'\n'), cells, tip.join(u'\n'), ReplayRow::Change::Same, std::nullopt});
    }
    return rows;
}

} // namespace Deck::Models
