// SPDX-License-Identifier: GPL-3.0-or-later
// The chain of custody of each host as an analyst checks it: every archive the case imported for a host (sequence
// number, time span, digest, signer, chain verdict, where it came from, who imported it and when), the time span
// each host's archives cover, and the archives the importer refused (from the audit log: a refused archive is not
// held, so the log is its only trace).
// Thread: the Database's thread. Errors: the store's, naming the database.
#pragma once

#include "auditlog.h" // AuditEntry
#include "querytypes.h"

namespace Deck::Core {

struct ArchiveRow
{
    qint64 id = 0;
    qint64 keyId = 0;
    qint64 seq = 0;
    qint64 firstTs = 0;
    qint64 lastTs = 0;
    qint64 events = 0;
    QString digest;
    QString prevDigest;
    QString signerFingerprint; // of the key that signed it ("BLAKE2B:...")
    QString chain; // first | intact | gap | late
    qint64 missingBefore = 0; // for gap: archives missing before it
    bool encrypted = false;
    bool recovered = false; // sealed from a journal left over by a crash
    QString collectorVersion;
    QString source;
    qint64 importedTs = 0;
    QString importedBy;
};

struct HostSpan
{
    qint64 hostId = 0;
    qint64 firstTs = 0; // start of its earliest archive
    qint64 lastTs = 0; // end of its latest archive
};

class HostArchiveQueries
{
public:
    explicit HostArchiveQueries(Database &db);

    // The archives of one host, per signing key in sequence order.
    Expected<QList<ArchiveRow>> archives(qint64 hostId);
    // The span of every host that has archives, by host id.
    Expected<QList<HostSpan>> spans();
    // The audit log's entries of `action` (import | quarantine | refuse | fork | trust | export), newest first, at
    // most `limit`.
    Expected<QList<AuditEntry>> audit(const QString &action, int limit = 1000);

private:
    Database &m_db;
};

} // namespace Deck::Core
