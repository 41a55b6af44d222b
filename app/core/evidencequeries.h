// SPDX-License-Identifier: GPL-3.0-or-later
// The case's evidence as an investigator's report states it: every imported archive with its signer, chain status
// and where it came from, the chain of custody (the audit log), alerts with their triage, and the hosts' integrity
// changes — for some hosts (all when none are named) and a time range.
// Thread: the Database's thread. Errors: the store's, naming the database.
#pragma once

#include "auditlog.h" // AuditEntry
#include "integrityqueries.h" // AlertRow: one alert row for the report and the alerts view
#include "querytypes.h"

namespace Deck::Core {

// Which part of the case: these hosts (all when empty), events overlapping `range`.
struct CaseScope
{
    QList<qint64> hostIds;
    TimeRange range;
};

struct EvidenceArchive
{
    qint64 id = 0;
    qint64 hostId = 0;
    QString hostname;
    qint64 keyId = 0;
    qint64 seq = 0;
    qint64 firstTs = 0;
    qint64 lastTs = 0;
    qint64 events = 0;
    QString digest;
    QString fingerprint; // of the signing key ("BLAKE2B:...")
    QString chain; // first | intact | gap | late
    qint64 missingBefore = 0;
    bool encrypted = false;
    bool recovered = false;
    QString source; // the file (or remote host and file) it was imported from
    qint64 importedTs = 0;
    QString importedBy;
};

struct IntegrityChange
{
    StateChangeRow change;
    qint64 hostId = 0;
    QString hostname;
};

struct IntegrityChanges
{
    QList<IntegrityChange> rows;
    bool truncated = false; // more than the limit
};

class EvidenceQueries
{
public:
    explicit EvidenceQueries(Database &db);

    // The imported archives overlapping the scope, by hostname, signing key and sequence.
    Expected<QList<EvidenceArchive>> archives(const CaseScope &scope);
    // The whole audit log, oldest first.
    Expected<QList<AuditEntry>> auditLog();
    // Alerts in the scope, by time.
    Expected<QList<AlertRow>> alerts(const CaseScope &scope);
    // state.change events (not the snapshots) in the scope, by time; at most `limit`.
    Expected<IntegrityChanges> integrityChanges(const CaseScope &scope, int limit = 1000);

private:
    Database &m_db;
};

} // namespace Deck::Core
