// SPDX-License-Identifier: GPL-3.0-or-later
// What an incident report says, read from the case in one pass (collectReport) before anything is laid out: the
// scope, the hosts and their span, the analyst's notes and bookmarks (bookmarked processes with their ancestry and
// what they did), the evidence and its chain of custody, the timeline counts, alerts, integrity changes and what
// the case did not see (coverage). Lists that can be long are cut at stated limits, and the cut is recorded.
// Thread: collectReport runs on the Database's thread (a worker in the GUI); it checks `cancel` between steps and
// reports progress through `progress` (called on that thread). Errors: the store's, or "cancelled".
#pragma once

#include "activityqueries.h"
#include "casenotes.h"
#include "coveragequeries.h"
#include "evidencequeries.h"
#include "objectqueries.h"
#include "timelinequeries.h"
#include "truststore.h"

#include <QHash>
#include <atomic>
#include <functional>

namespace Deck::Report {

using Core::Expected;

struct ReportOptions
{
    QString title; // empty: "Incident report: <case>"
    Core::CaseScope scope; // hosts (all when empty) and time range
};

// percent 0..100 and the step being read ("evidence", "timeline", ...).
using ReportProgress = std::function<void(int percent, const QString &step)>;

// Error code of a report that was cancelled (next to Core::StoreReason's).
inline constexpr int kReportCancelled = 200;

struct ProcessSection
{
    Core::Bookmark bookmark;
    Core::ProcessRow process;
    // The process's group id and the group's name as of the process's latest ids (ProcessImageQueries: the rule of
    // process.userName); an empty name: unknown.
    std::optional<qint64> gid;
    QString groupName;
    QString hostname;
    QList<Core::ProcessRow> ancestors; // nearest first
    Core::ProcessActivity activity;
    QList<Core::Note> notes;
};

struct MarkedObject
{
    Core::ObjectSummary summary;
    QString label; // the bookmark's label, or the note's text
    qint64 createdTs = 0;
    QString createdBy;
    std::optional<qint64> updatedTs;
};

struct ReportData
{
    QString title;
    QString caseName; // the database's display name
    qint64 generatedTs = 0;
    QString generatedBy;
    Core::CaseScope scope;
    QStringList scopeHosts; // hostnames of the hosts in scope (every host of the case when none was named)

    QList<Core::HostSummary> hosts;
    std::optional<Core::TimeRange> span; // the events of the scope, from its archives (clipped to the range)

    QList<MarkedObject> notes; // oldest first
    QList<ProcessSection> processes; // bookmarked processes
    QList<MarkedObject> bookmarks; // every other bookmark
    int marksOutOfScope = 0; // bookmarks and notes about other hosts or times, left out

    QList<Core::EvidenceArchive> archives;
    QList<Core::HeldArchive> held;
    QList<Core::AuditEntry> custody;
    int custodyOutOfScope = 0; // entries about archives or marked objects of other hosts or times, left out

    qint64 bucketNs = 0;
    QList<Core::TimelineBucket> timeline;

    QList<Core::AlertRow> alerts;
    QHash<qint64, QStringList> alertEvidence; // rule and indicator alerts: one line per evidence object, in order
    Core::IntegrityChanges integrity;
    QList<Core::HostCoverage> coverage;
};

// The number of rows each of a bookmarked process's lists (files, connections, children...) shows at most.
inline constexpr int kActivityLimit = 50;

Expected<ReportData> collectReport(Core::Database &db, const ReportOptions &options,
                                   const std::atomic<bool> *cancel = nullptr, const ReportProgress &progress = {});

} // namespace Deck::Report
