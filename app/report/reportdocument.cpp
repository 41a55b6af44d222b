// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportdocument.h"

#include "bytetext.h"
#include "reporttext.h"
#include "timelinechart.h"

#include <QMap>
#include <QTextDocument>

using namespace Qt::StringLiterals;
using namespace Deck::Core;

namespace Deck::Report {

std::unique_ptr<QTextDocument> ReportDocument::build(const ReportData &data)
{
    auto document = std::make_unique<QTextDocument>();
    document->setMetaInformation(QTextDocument::DocumentTitle, ReportCursor::clean(data.title));
    ReportDocument report(data, *document);
    report.summary();
    report.notes();
    report.timeline();
    report.processes();
    report.bookmarks();
    report.integrity();
    report.coverage();
    report.evidence();
    report.custody();
    return document;
}

ReportDocument::ReportDocument(const ReportData &data, QTextDocument &document)
    : m_data(data)
    , m_out(document)
{
}

QString ReportDocument::scopeText() const
{
    const QString hosts = m_data.scope.hostIds.isEmpty()
        ? tr("every host of the case (%1)").arg(m_data.scopeHosts.join(u", "_s))
        : m_data.scopeHosts.join(u", "_s);
    const TimeRange &range = m_data.scope.range;
    const QString from = range.from ? reportTime(*range.from) : tr("the first event");
    const QString to = range.to ? reportTime(*range.to) : tr("the last event");
    const QString when = !range.from && !range.to ? tr("the whole case") : tr("from %1 to %2 UTC").arg(from, to);
    return tr("%1; %2").arg(hosts, when);
}

QString ReportDocument::processText(const ProcessRow &process) const
{
    // comm is the archive's text: escaped like every byte string, so a newline in it cannot pass for layout.
    const QString name = displayBytes(process.comm.isEmpty() ? process.exe : process.comm.toUtf8());
    return tr("pid %1 %2").arg(process.pid).arg(name);
}

void ReportDocument::summary()
{
    m_out.title(m_data.title,
                tr("Generated %1 UTC by %2 with flightdeck").arg(reportTime(m_data.generatedTs), m_data.generatedBy));
    m_out.heading(tr("1  Summary"));
    qint64 events = 0;
    QMap<qint64, std::pair<qint64, qint64>> hostSpans; // host -> first, last event of its archives in scope
    QMap<qint64, std::pair<int, qint64>> hostCounts; // host -> archives, events
    for (const EvidenceArchive &archive : m_data.archives) {
        events += archive.events;
        auto &counts = hostCounts[archive.hostId];
        ++counts.first;
        counts.second += archive.events;
        auto span = hostSpans.value(archive.hostId, {archive.firstTs, archive.lastTs});
        hostSpans[archive.hostId] = {std::min(span.first, archive.firstTs), std::max(span.second, archive.lastTs)};
    }
    int newAlerts = 0;
    for (const AlertRow &alert : m_data.alerts)
        newAlerts += alert.triage == "new"_L1 ? 1 : 0;
    qint64 lost = 0;
    qint64 missing = 0;
    int downtimes = 0;
    for (const HostCoverage &host : m_data.coverage) {
        for (const LossRow &loss : host.losses)
            lost += loss.unit == "events"_L1 ? loss.count : 0;
        for (const ChainGap &gap : host.gaps)
            missing += gap.lastMissing - gap.firstMissing + 1;
        downtimes += int(host.downtime.size());
    }
    m_out.keyValues({
        {tr("Case"), m_data.caseName},
        {tr("Scope"), scopeText()},
        {tr("Events span"),
         m_data.span ? tr("%1 UTC (%2)")
                           .arg(reportSpan(*m_data.span->from, *m_data.span->to),
                                reportDuration(*m_data.span->to - *m_data.span->from))
                     : tr("no events in scope")},
        {tr("Evidence"),
         tr("%1 with %2, %3 held back")
             .arg(countOf(m_data.archives.size(), tr("archive"), tr("archives")),
                  countOf(events, tr("event"), tr("events")))
             .arg(m_data.held.size())},
        {tr("Findings"),
         tr("%1 (%2 not yet triaged), %3, %4 bookmarked, %5")
             .arg(countOf(m_data.alerts.size(), tr("alert"), tr("alerts")))
             .arg(newAlerts)
             .arg(countOf(m_data.integrity.rows.size(), tr("integrity change"), tr("integrity changes")))
             .arg(m_data.processes.size() + m_data.bookmarks.size())
             .arg(countOf(m_data.notes.size(), tr("note"), tr("notes")))},
        {tr("Not seen"),
         tr("%1 lost (collector's count), %2 missing from the hash chains, %3 of collector downtime")
             .arg(countOf(lost, tr("event"), tr("events")), countOf(missing, tr("archive"), tr("archives")),
                  countOf(downtimes, tr("span"), tr("spans")))},
    });
    if (m_data.marksOutOfScope > 0)
        m_out.paragraph(
            tr("%1 bookmarks and notes about other hosts or times are not in this report.").arg(m_data.marksOutOfScope),
            ReportCursor::Tone::Quiet);

    m_out.subheading(tr("Hosts covered"));
    if (m_data.hosts.isEmpty()) {
        m_out.paragraph(tr("The case holds no hosts."), ReportCursor::Tone::Warning);
        return;
    }
    QList<ReportCursor::Row> rows;
    for (const HostSummary &host : m_data.hosts) {
        const auto counts = hostCounts.value(host.id);
        const auto span = hostSpans.find(host.id);
        QStringList keys;
        for (const TrustedHostKey &key : host.keys)
            keys << tr("signer %1%2").arg(key.fingerprint, key.label.isEmpty() ? QString() : u" (%1)"_s.arg(key.label));
        rows.append(
            {{host.hostname, QString::number(counts.first), QString::number(counts.second),
              span == hostSpans.end() ? tr("not recorded in this span") : reportSpan(span->first, span->second),
              tr("%1 / %2").arg(host.os.isEmpty() ? u"-"_s : host.os, host.kernel.isEmpty() ? u"-"_s : host.kernel)},
             tr("machine-id %1").arg(host.machineId) + (keys.isEmpty() ? QString() : u"\n"_s + keys.join(u'\n')),
             span == hostSpans.end() ? ReportCursor::Tone::Warning : ReportCursor::Tone::Normal});
    }
    m_out.table({{tr("Host"), 14},
                 {tr("Archives"), 10},
                 {tr("Events"), 10},
                 {tr("Events from – to (UTC)"), 36},
                 {tr("OS / kernel"), 30}},
                rows);
}

void ReportDocument::notes()
{
    m_out.heading(tr("2  Analyst notes"));
    if (m_data.notes.isEmpty()) {
        m_out.paragraph(tr("No notes in the scope of this report."), ReportCursor::Tone::Quiet);
        return;
    }
    QList<ReportCursor::Row> rows;
    for (const MarkedObject &note : m_data.notes) {
        const QString when = note.updatedTs
            ? tr("%1\n(edited %2)").arg(reportTime(note.createdTs), reportTime(*note.updatedTs))
            : reportTime(note.createdTs);
        const QString about = note.summary.hostname.isEmpty() || note.summary.object.type == ObjectType::Host
            ? note.summary.text
            : tr("%1, on %2").arg(note.summary.text, note.summary.hostname);
        rows.append({{when, note.createdBy, about, note.label}, {}, ReportCursor::Tone::Normal});
    }
    m_out.table({{tr("Written (UTC)"), 17}, {tr("By"), 14}, {tr("About"), 27}, {tr("Note"), 42}}, rows);
}

void ReportDocument::timeline()
{
    m_out.heading(tr("3  Timeline"));
    if (!m_data.span) {
        m_out.paragraph(tr("No events in the scope of this report: there is nothing to draw."),
                        ReportCursor::Tone::Quiet);
        return;
    }
    m_out.image(TimelineChart(m_data).render(QSize(2400, 760)), 1.0);
    m_out.paragraph(tr("Events per %1 from %2 UTC, added up over %3. Hatched: spans the case did not record (archives "
                       "missing from a hash chain, collector not running) — no bar there means nothing is known, "
                       "not that nothing happened.")
                        .arg(reportDuration(m_data.bucketNs), reportSpan(*m_data.span->from, *m_data.span->to),
                             m_data.scopeHosts.join(u", "_s)),
                    ReportCursor::Tone::Quiet);
}

} // namespace Deck::Report
