// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportdata.h"

#include "alertwriter.h"
#include "auditlog.h"
#include "bytetext.h"
#include "database.h"
#include "objectfacts.h"
#include "processimagequeries.h"
#include "processqueries.h"
#include "reporttext.h"

#include <QSet>

using namespace Qt::StringLiterals;
using namespace Deck::Core;

namespace Deck::Report {

namespace {

bool inRange(const TimeRange &range, qint64 from, qint64 to)
{
    return (!range.to || from < *range.to) && (!range.from || to >= *range.from);
}

// At most 120 bars over the span, in a unit people count in.
qint64 bucketFor(const TimeRange &span)
{
    const qint64 length = std::max<qint64>(1, span.to.value_or(0) - span.from.value_or(0));
    return roundTimeStep((length + 119) / 120);
}

// The digest an import entry of the audit log names ("... digest <hex> ...").
QString importedDigest(const AuditEntry &entry)
{
    static const QString marker = u"digest "_s;
    const qsizetype at = entry.detail.indexOf(marker);
    if (entry.action != "import"_L1 || at < 0)
        return {};
    const qsizetype start = at + marker.size();
    const qsizetype end = entry.detail.indexOf(u' ', start);
    return entry.detail.mid(start, end < 0 ? -1 : end - start);
}

class Collector
{
public:
    Collector(Database &db, const ReportOptions &options, const std::atomic<bool> *cancel,
              const ReportProgress &progress)
        : m_db(db)
        , m_cancel(cancel)
        , m_progress(progress)
    {
        m_data.title = options.title;
        m_data.scope = options.scope;
    }

    Expected<ReportData> run()
    {
        m_data.caseName = m_db.name();
        m_data.generatedTs = Database::nowNs();
        m_data.generatedBy = currentActor();
        if (m_data.title.isEmpty())
            m_data.title = u"Incident report: %1"_s.arg(m_data.caseName);
        const std::pair<const char *, Expected<void> (Collector::*)()> steps[] = {
            {"hosts", &Collector::hosts},
            {"evidence", &Collector::evidence},
            {"notes and bookmarks", &Collector::marks},
            {"custody", &Collector::custody},
            {"timeline", &Collector::timeline},
            {"alerts and integrity changes", &Collector::integrity},
            {"coverage", &Collector::coverage},
        };
        const int total = int(std::size(steps));
        for (int i = 0; i < total; ++i) {
            if (m_cancel && m_cancel->load())
                return Flight::Error{u"%1: the report was cancelled"_s.arg(m_data.caseName), kReportCancelled};
            if (m_progress)
                m_progress(i * 100 / total, QString::fromLatin1(steps[i].first));
            if (auto done = (this->*steps[i].second)(); !done)
                return done.error();
        }
        if (m_progress)
            m_progress(100, u"finished"_s);
        return std::move(m_data);
    }

private:
    bool hostInScope(std::optional<qint64> hostId) const
    {
        return !hostId || m_data.scope.hostIds.isEmpty() || m_data.scope.hostIds.contains(*hostId);
    }

    Expected<void> hosts()
    {
        auto all = TrustStore(m_db).hosts();
        if (!all)
            return all.error();
        for (const HostSummary &host : std::as_const(*all)) {
            if (!hostInScope(host.id))
                continue;
            m_data.hosts.append(host);
            m_data.scopeHosts.append(host.hostname);
        }
        return {};
    }

    Expected<void> evidence()
    {
        auto archives = EvidenceQueries(m_db).archives(m_data.scope);
        if (!archives)
            return archives.error();
        m_data.archives = std::move(*archives);
        for (const EvidenceArchive &archive : std::as_const(m_data.archives)) {
            TimeRange &span
                = m_data.span ? *m_data.span : m_data.span.emplace(TimeRange{archive.firstTs, archive.lastTs});
            span.from = std::min(*span.from, archive.firstTs);
            span.to = std::max(*span.to, archive.lastTs);
        }
        if (m_data.span && m_data.scope.range.from)
            m_data.span->from = std::max(*m_data.span->from, *m_data.scope.range.from);
        if (m_data.span && m_data.scope.range.to)
            m_data.span->to = std::min(*m_data.span->to, *m_data.scope.range.to);
        auto held = TrustStore(m_db).held();
        if (!held)
            return held.error();
        QSet<QString> machines;
        for (const HostSummary &host : std::as_const(m_data.hosts))
            machines.insert(host.machineId);
        for (const HeldArchive &archive : std::as_const(*held)) {
            if (m_data.scope.hostIds.isEmpty() || machines.contains(archive.machineId))
                m_data.held.append(archive);
        }
        return {};
    }

    // The whole audit log; when the report covers part of the case, without the imports of other archives and the
    // marks on objects of other hosts or times (a report about one host does not carry notes about another).
    Expected<void> custody()
    {
        auto log = EvidenceQueries(m_db).auditLog();
        if (!log)
            return log.error();
        const bool partial = !m_data.scope.hostIds.isEmpty() || m_data.scope.range.from || m_data.scope.range.to;
        QSet<QString> digests;
        for (const EvidenceArchive &archive : std::as_const(m_data.archives))
            digests.insert(archive.digest);
        for (const AuditEntry &entry : std::as_const(*log)) {
            bool keep = true;
            if (partial) {
                const QString digest = importedDigest(entry);
                auto mark = markInScope(entry);
                if (!mark)
                    return mark.error();
                keep = (digest.isEmpty() || digests.contains(digest)) && *mark;
            }
            if (keep)
                m_data.custody.append(entry);
            else
                ++m_data.custodyOutOfScope;
        }
        return {};
    }

    // Whether an audit entry of the analyst's marks is about an object in scope (any other entry: true). Edits and
    // removals name the note or bookmark ("note 7"): in scope when it is listed in the report.
    Expected<bool> markInScope(const AuditEntry &entry)
    {
        static const QStringList marks{u"bookmark"_s, u"unbookmark"_s, u"note"_s, u"unnote"_s, u"triage"_s};
        const QStringList parts = entry.object.split(u' ');
        bool numeric = false;
        const qint64 id = parts.value(1).toLongLong(&numeric);
        if (!marks.contains(entry.action) || parts.size() != 2 || !numeric)
            return true;
        if (parts[0] == "note"_L1)
            return m_notesInScope.contains(id);
        if (parts[0] == "bookmark"_L1)
            return m_bookmarksInScope.contains(id);
        const auto type = objectTypeFromName(parts[0]);
        if (!type)
            return true;
        auto summary = ObjectQueries(m_db).describe({*type, id});
        if (!summary)
            return summary.error();
        return inScope(*summary);
    }

    bool inScope(const ObjectSummary &summary) const
    {
        if (!summary.found)
            return true; // say that it is gone rather than leave it out
        if (!hostInScope(summary.hostId))
            return false;
        return !summary.ts || inRange(m_data.scope.range, *summary.ts, *summary.ts);
    }

    Expected<void> marks()
    {
        CaseNotes notes(m_db);
        ObjectQueries objects(m_db);
        auto allNotes = notes.notes();
        if (!allNotes)
            return allNotes.error();
        for (const Note &note : std::as_const(*allNotes)) {
            auto summary = objects.describe(note.object);
            if (!summary)
                return summary.error();
            if (!inScope(*summary)) {
                ++m_data.marksOutOfScope;
                continue;
            }
            m_data.notes.append({*summary, note.text, note.createdTs, note.createdBy, note.updatedTs});
            m_notesInScope.insert(note.id);
        }
        auto bookmarks = notes.bookmarks();
        if (!bookmarks)
            return bookmarks.error();
        for (const Bookmark &bookmark : std::as_const(*bookmarks)) {
            if (m_cancel && m_cancel->load())
                return {};
            auto summary = objects.describe(bookmark.object);
            if (!summary)
                return summary.error();
            if (bookmark.object.type == ObjectType::Process && summary->found) {
                auto added = processSection(bookmark, *summary, *allNotes);
                if (!added)
                    return added;
                continue;
            }
            if (!inScope(*summary)) {
                ++m_data.marksOutOfScope;
                continue;
            }
            m_data.bookmarks.append({*summary, bookmark.label, bookmark.createdTs, bookmark.createdBy, {}});
            m_bookmarksInScope.insert(bookmark.id);
        }
        return {};
    }

    Expected<void> processSection(const Bookmark &bookmark, const ObjectSummary &summary, const QList<Note> &notes)
    {
        ProcessQueries processes(m_db);
        auto process = processes.process(bookmark.object.id);
        if (!process)
            return process.error();
        const qint64 end = process->exitTs.value_or(process->lastTs.value_or(process->startTs));
        if (!hostInScope(process->hostId) || !inRange(m_data.scope.range, process->startTs, end)) {
            ++m_data.marksOutOfScope;
            return {};
        }
        auto image = ProcessImageQueries(m_db).image(process->id);
        if (!image)
            return image.error();
        ProcessSection section{bookmark, *process, image->gid, image->gidName, summary.hostname, {}, {}, {}};
        auto ancestors = processes.ancestors(process->id);
        if (!ancestors)
            return ancestors.error();
        section.ancestors = std::move(*ancestors);
        auto did = ActivityQueries(m_db).did(process->id, 60'000'000'000, kActivityLimit);
        if (!did)
            return did.error();
        section.activity = std::move(*did);
        for (const Note &note : notes) {
            if (note.object == bookmark.object)
                section.notes.append(note);
        }
        m_data.processes.append(std::move(section));
        m_bookmarksInScope.insert(bookmark.id);
        return {};
    }

    Expected<void> timeline()
    {
        if (!m_data.span)
            return {};
        TimelineQueries queries(m_db);
        TimelineRequest request;
        request.bucket = m_data.bucketNs = bucketFor(*m_data.span);
        request.from = *m_data.span->from / request.bucket * request.bucket;
        request.to = *m_data.span->to + 1;
        QList<std::optional<qint64>> hosts;
        for (qint64 id : std::as_const(m_data.scope.hostIds))
            hosts.append(id);
        if (hosts.isEmpty())
            hosts.append(std::nullopt);
        for (const auto &host : std::as_const(hosts)) {
            request.hostId = host;
            auto counts = queries.counts(request);
            if (!counts)
                return counts.error();
            m_data.timeline += *counts;
        }
        return {};
    }

    // One line per evidence object of an alert: its kind, time, process and what it is.
    Expected<QStringList> evidenceLines(qint64 alertId)
    {
        auto rows = Core::alertEvidence(m_db, alertId);
        if (!rows)
            return rows.error();
        QList<Core::ObjectRef> objects;
        for (const Core::AlertEvidenceRow &row : std::as_const(*rows))
            objects << row.object;
        auto facts = Core::objectFacts(m_db, objects);
        if (!facts)
            return facts.error();
        QStringList lines;
        for (const Core::ObjectFacts &f : std::as_const(*facts)) {
            QStringList parts{Core::objectTypeName(f.object.type) + u" #"_s + QString::number(f.object.id)};
            if (f.ts)
                parts << reportTime(*f.ts);
            if (f.pid)
                parts << u"%1 (pid %2)"_s.arg(f.comm).arg(*f.pid);
            for (const QString &text : {f.what, Core::displayBytes(f.path), f.extra}) {
                if (!text.isEmpty())
                    parts << text;
            }
            lines << (f.exists ? parts.join(u"  "_s) : parts.constFirst() + u"  (not in the case)"_s);
        }
        return lines;
    }

    Expected<void> integrity()
    {
        EvidenceQueries queries(m_db);
        auto alerts = queries.alerts(m_data.scope);
        if (!alerts)
            return alerts.error();
        m_data.alerts = std::move(*alerts);
        for (const Core::AlertRow &alert : std::as_const(m_data.alerts)) {
            if (alert.rule.isEmpty())
                continue;
            auto lines = evidenceLines(alert.id);
            if (!lines)
                return lines.error();
            m_data.alertEvidence.insert(alert.id, *lines);
        }
        auto changes = queries.integrityChanges(m_data.scope);
        if (!changes)
            return changes.error();
        m_data.integrity = std::move(*changes);
        return {};
    }

    Expected<void> coverage()
    {
        CoverageQueries queries(m_db);
        for (const HostSummary &host : std::as_const(m_data.hosts)) {
            auto coverage = queries.coverage(host.id, m_data.scope.range);
            if (!coverage)
                return coverage.error();
            m_data.coverage += *coverage;
        }
        return {};
    }

    Database &m_db;
    const std::atomic<bool> *m_cancel;
    const ReportProgress &m_progress;
    ReportData m_data;
    QSet<qint64> m_notesInScope;
    QSet<qint64> m_bookmarksInScope;
};

} // namespace

Expected<ReportData> collectReport(Database &db, const ReportOptions &options, const std::atomic<bool> *cancel,
                                   const ReportProgress &progress)
{
    return Collector(db, options, cancel, progress).run();
}

} // namespace Deck::Report
