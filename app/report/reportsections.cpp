// SPDX-License-Identifier: GPL-3.0-or-later
// The investigation sections of the report: bookmarked processes and what they did, other bookmarks, integrity
// changes and alerts, and coverage (what the case did not see, stated plainly).
#include "bytetext.h"
#include "reportdocument.h"
#include "reporttext.h"

using namespace Qt::StringLiterals;
using namespace Deck::Core;

namespace Deck::Report {

using Tone = ReportCursor::Tone;

void ReportDocument::processes()
{
    m_out.heading(tr("4  Bookmarked processes"));
    if (m_data.processes.isEmpty()) {
        m_out.paragraph(tr("No processes are bookmarked in the scope of this report."), Tone::Quiet);
        return;
    }
    for (const ProcessSection &section : m_data.processes)
        process(section);
}

void ReportDocument::process(const ProcessSection &section)
{
    const ProcessRow &p = section.process;
    m_out.subheading(tr("%1 on %2: %3").arg(processText(p), section.hostname, section.bookmark.label));
    QStringList chain;
    for (const ProcessRow &ancestor : section.ancestors)
        chain << processText(ancestor);
    const ProcessRow &top = section.ancestors.isEmpty() ? p : section.ancestors.constLast();
    if (top.parentPid && *top.parentPid != 0)
        chain << tr("pid %1 (not in the case)").arg(*top.parentPid);
    QString ended;
    if (p.exitTs) {
        const QString how = p.exitSignal ? tr("killed by signal %1").arg(*p.exitSignal)
                                         : tr("exit code %1").arg(p.exitCode.value_or(0));
        ended = tr("%1 UTC, %2 (ran %3)").arg(reportTime(*p.exitTs), how, reportDuration(*p.exitTs - p.startTs));
    } else {
        ended = p.lastTs ? tr("no exit recorded; last seen %1 UTC").arg(reportTime(*p.lastTs)) : tr("no exit recorded");
    }
    QList<std::pair<QString, QString>> facts{
        {tr("Bookmarked"), tr("%1 UTC by %2").arg(reportTime(section.bookmark.createdTs), section.bookmark.createdBy)},
        {tr("Executable"), displayBytes(p.exe)},
        {tr("Command line"), displayArgv(p.argv)},
        {tr("Working directory"), displayBytes(p.cwd)},
        {tr("User"), !p.uid                ? tr("not recorded")
                     : p.userName.isEmpty() ? tr("uid %1").arg(*p.uid)
                                            : tr("%1 (uid %2)").arg(displayBytes(p.userName.toUtf8())).arg(*p.uid)},
        {tr("Group"), !section.gid                ? tr("not recorded")
                      : section.groupName.isEmpty() ? tr("gid %1").arg(*section.gid)
                                                    : tr("%1 (gid %2)")
                                                          .arg(displayBytes(section.groupName.toUtf8()))
                                                          .arg(*section.gid)},
        {tr("Started"), tr("%1 UTC").arg(reportTime(p.startTs))},
        {tr("Ended"), ended},
        {tr("Ancestry"), chain.isEmpty() ? tr("none: a root process") : chain.join(u" \u2190 "_s)},
    };
    for (const Note &note : section.notes)
        facts.append({tr("Note (%1)").arg(note.createdBy), note.text});
    m_out.keyValues(facts);
    activity(section.activity);
}

void ReportDocument::activity(const ProcessActivity &activity)
{
    QList<ReportCursor::Row> rows;
    for (const ProcessEventRow &event : activity.events)
        rows.append({{reportTime(event.ts), event.kind, QString()}, {}, Tone::Normal});
    for (const FileEventRow &file : activity.files) {
        const QString target = file.toPath.isEmpty() ? QString() : u" \u2192 "_s + displayBytes(file.toPath);
        const QString count = file.count > 1 ? tr(" (%1 times)").arg(file.count) : QString();
        rows.append({{reportTime(file.ts), tr("file %1").arg(file.op), displayBytes(file.path) + target + count},
                     {},
                     Tone::Normal});
    }
    for (const NetEventRow &net : activity.connections) {
        const QString remote
            = net.raddr.isEmpty() ? QString() : u" \u2192 %1:%2"_s.arg(net.raddr).arg(net.rport.value_or(0));
        rows.append({{reportTime(net.ts), tr("net %1").arg(net.op),
                      u"%1 %2:%3%4"_s.arg(net.proto, net.laddr).arg(net.lport).arg(remote)},
                     {},
                     Tone::Normal});
    }
    for (const ProcessRow &child : activity.children)
        rows.append({{reportTime(child.startTs), tr("child"), processText(child) + u": "_s + displayArgv(child.argv)},
                     {},
                     Tone::Normal});
    std::stable_sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.cells[0] < b.cells[0]; });
    m_out.paragraph(tr("What it did:"), Tone::Quiet);
    if (rows.isEmpty()) {
        m_out.paragraph(tr("The case records no activity of this process."), Tone::Quiet);
    } else {
        m_out.table({{tr("Time (UTC)"), 22}, {tr("What"), 14}, {tr("Detail"), 64}}, rows);
    }
    if (activity.truncated)
        m_out.paragraph(tr("Each list is cut at %1 rows; the case holds more (see \"flightdeck-cli query did\").")
                            .arg(kActivityLimit),
                        Tone::Warning);
}

void ReportDocument::bookmarks()
{
    m_out.heading(tr("5  Bookmarked events and objects"));
    if (m_data.bookmarks.isEmpty()) {
        m_out.paragraph(tr("No other bookmarks in the scope of this report."), Tone::Quiet);
        return;
    }
    QList<ReportCursor::Row> rows;
    for (const MarkedObject &mark : m_data.bookmarks) {
        rows.append({{mark.label, mark.summary.text, mark.summary.hostname.isEmpty() ? u"-"_s : mark.summary.hostname,
                      mark.summary.ts ? reportTime(*mark.summary.ts) : u"-"_s,
                      tr("%1\n%2").arg(mark.createdBy, reportTime(mark.createdTs))},
                     {},
                     mark.summary.found ? Tone::Normal : Tone::Warning});
    }
    m_out.table({{tr("Bookmark"), 20},
                 {tr("What"), 36},
                 {tr("Host"), 10},
                 {tr("When (UTC)"), 16},
                 {tr("Marked by, at (UTC)"), 18}},
                rows);
}

void ReportDocument::integrity()
{
    m_out.heading(tr("6  Integrity changes and alerts"));
    m_out.subheading(tr("Alerts"));
    if (m_data.alerts.isEmpty()) {
        m_out.paragraph(tr("No alerts in the scope of this report."), Tone::Quiet);
    } else {
        QList<ReportCursor::Row> rows;
        for (const AlertRow &alert : m_data.alerts) {
            const QString triaged = alert.triageBy.isEmpty()
                ? tr("not triaged")
                : tr("%1\n%2").arg(alert.triageBy, alert.triageTs ? reportTime(*alert.triageTs) : QString());
            // A rule's alert: what matched and the evidence that raised it, under its row.
            QString evidence;
            if (!alert.rule.isEmpty()) {
                evidence = tr("rule %1: %2").arg(alert.rule, alert.ruleDetail);
                const QStringList lines = m_data.alertEvidence.value(alert.id);
                for (qsizetype i = 0; i < lines.size(); ++i)
                    evidence += u"\n  %1. %2"_s.arg(i + 1).arg(lines.at(i));
            }
            rows.append({{reportTime(alert.ts), alert.hostname, alert.severity, alert.title, alert.triage, triaged},
                         evidence,
                         alert.triage == "malicious"_L1 || alert.triage == "new"_L1 ? Tone::Warning : Tone::Normal});
        }
        m_out.table({{tr("Time (UTC)"), 17},
                     {tr("Host"), 10},
                     {tr("Severity"), 9},
                     {tr("Alert"), 30},
                     {tr("Triage"), 12},
                     {tr("Triaged by, at (UTC)"), 22}},
                    rows);
    }
    m_out.subheading(tr("Integrity changes"));
    if (m_data.integrity.rows.isEmpty()) {
        m_out.paragraph(tr("No integrity changes (packages, kernel modules, BPF programs, watched files, logins, "
                           "listening sockets) recorded in the scope of this report."),
                        Tone::Quiet);
        return;
    }
    QList<ReportCursor::Row> rows;
    for (const IntegrityChange &change : m_data.integrity.rows) {
        const QString severity = change.change.severity.isEmpty() ? u"-"_s : change.change.severity;
        rows.append({{reportTime(change.change.ts), change.hostname, change.change.check, severity,
                      QString::number(change.change.items)},
                     {},
                     severity == "high"_L1 ? Tone::Warning : Tone::Normal});
    }
    m_out.table(
        {{tr("Time (UTC)"), 24}, {tr("Host"), 16}, {tr("Check"), 30}, {tr("Severity"), 15}, {tr("Items changed"), 15}},
        rows);
    if (m_data.integrity.truncated)
        m_out.paragraph(
            tr("Only the first %1 changes are listed; the case holds more.").arg(m_data.integrity.rows.size()),
            Tone::Warning);
}

void ReportDocument::coverage()
{
    m_out.heading(tr("7  Coverage gaps and losses"));
    m_out.paragraph(
        tr("What the case did not see. \"No losses recorded\" means the collector ran, counted what its "
           "buffers dropped and reported nothing lost. \"Not recorded\" means no archive in the case covers "
           "that time: nothing is known about it, in either direction."),
        Tone::Quiet);
    if (m_data.coverage.isEmpty())
        m_out.statement(tr("Not recorded:"), tr("the case holds no hosts."), Tone::Warning);
    for (const HostCoverage &host : m_data.coverage)
        hostCoverage(host);
}

void ReportDocument::hostCoverage(const HostCoverage &host)
{
    m_out.subheading(host.hostname);
    const bool recorded = std::any_of(m_data.archives.begin(), m_data.archives.end(),
                                      [&](const EvidenceArchive &a) { return a.hostId == host.hostId; });
    if (!recorded) {
        m_out.statement(tr("Not recorded:"),
                        tr("no archive of %1 in the case covers the scope of this report; nothing is known about "
                           "this host in it.")
                            .arg(host.hostname),
                        Tone::Warning);
        return;
    }
    if (host.losses.isEmpty()) {
        m_out.statement(tr("No losses recorded:"),
                        tr("the collector reported no lost events in the archives of this span."), Tone::Good);
    } else {
        qint64 events = 0;
        QList<ReportCursor::Row> rows;
        for (const LossRow &loss : host.losses) {
            events += loss.unit == "events"_L1 ? loss.count : 0;
            rows.append({{loss.lastTs ? reportSpan(loss.ts, *loss.lastTs) : reportTime(loss.ts), loss.source,
                          u"%1 %2"_s.arg(loss.count).arg(loss.unit), loss.reason.isEmpty() ? u"-"_s : loss.reason},
                         {},
                         Tone::Warning});
        }
        m_out.statement(tr("Losses recorded:"),
                        tr("the collector reported %1 lost (%2). Activity in these spans may be missing from this "
                           "report.")
                            .arg(countOf(events, tr("event"), tr("events")),
                                 countOf(host.losses.size(), tr("loss record"), tr("loss records"))),
                        Tone::Warning);
        m_out.table({{tr("When (UTC)"), 34}, {tr("Source"), 22}, {tr("Lost"), 16}, {tr("Reason"), 28}}, rows);
    }
    for (const ChainGap &gap : host.gaps) {
        const QString range = gap.firstMissing == gap.lastMissing
            ? tr("archive seq %1 is").arg(gap.firstMissing)
            : tr("archives seq %1\u2013%2 are").arg(gap.firstMissing).arg(gap.lastMissing);
        const QString when = gap.afterTs
            ? tr("from %1 to %2 UTC (%3)")
                  .arg(reportTime(*gap.afterTs), reportTime(gap.beforeTs), reportDuration(gap.beforeTs - *gap.afterTs))
            : tr("before %1 UTC").arg(reportTime(gap.beforeTs));
        m_out.statement(tr("Not recorded:"),
                        tr("%1 missing from the hash chain of signing key #%2; nothing is known about %3 %4.")
                            .arg(range)
                            .arg(gap.keyId)
                            .arg(host.hostname, when),
                        Tone::Warning);
    }
    for (const Downtime &down : host.downtime) {
        const QString how = down.clean ? tr("it was stopped (a stop record was written)")
                                       : tr("it ended without a stop record: a crash, kill or power loss");
        m_out.statement(tr("Not recorded:"),
                        tr("the collector was not running from %1 to %2 UTC (%3); %4.")
                            .arg(reportTime(down.from), reportTime(down.to), reportDuration(down.to - down.from), how),
                        Tone::Warning);
    }
    if (host.gaps.isEmpty() && host.downtime.isEmpty())
        m_out.statement(tr("Recorded throughout:"),
                        tr("the hash chain has no gaps in this span and the collector ran without a break."),
                        Tone::Good);
}

} // namespace Deck::Report
