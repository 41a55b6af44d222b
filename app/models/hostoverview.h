// SPDX-License-Identifier: GPL-3.0-or-later
// What the Hosts view shows of each host, gathered from the trust store, the archives and the coverage queries in
// one job on a case worker: trust (keys, archives held for a decision), archives and their verdicts, the chain
// (missing archives, forks), the span the archives cover and what the case did not see in it (downtime, losses).
// A host the case knows only from held archives (a new host whose key is not trusted yet) has no hostId.
// Thread: loadHostOverview() runs in the worker's thread; the values are plain and copied to the GUI thread.
#pragma once

#include "hostarchivequeries.h"
#include "truststore.h"

#include <optional>

namespace Deck::Core {
class Database;
}

namespace Deck::Models {

struct HostOverview
{
    std::optional<qint64> hostId; // absent: only held archives name this host
    QString hostname;
    QString machineId;
    QString os;
    QString kernel;
    QList<Core::TrustedHostKey> keys;
    qint64 archives = 0;
    qint64 events = 0;
    qint64 missingArchives = 0; // holes in its keys' chains
    qint64 forks = 0; // archives held as forks of its chain
    qint64 held = 0; // archives held until their (untrusted) signer is trusted
    QStringList heldFingerprints; // the signers of those
    qint64 conflicting = 0; // of those, signed by another key than the one(s) trusted for this known host
    qint64 lostEvents = 0;
    qint64 downtimeNs = 0; // collector not recording, within the span
    int downtimes = 0;
    int crashes = 0; // downtimes without a rec.stop
    std::optional<qint64> firstTs; // span of its archives
    std::optional<qint64> lastTs;
    qint64 lastImportTs = 0;

    // first | gap | fork | intact | none: the worst of its chain.
    QString chainState() const;
    // The share of the span the collector was recording, in [0, 1]; absent without a span.
    std::optional<double> recordedShare() const;
};

// The archives held back, the hosts (to judge a signer against their keys), and the archives the importer refused
// (signed by a key other than their host's), newest first, from the audit log.
struct Quarantine
{
    QList<Core::HeldArchive> held;
    QList<Core::HostSummary> hosts;
    QList<Core::AuditEntry> refusals;
};

Core::Expected<QList<HostOverview>> loadHostOverview(Core::Database &db);
Core::Expected<Quarantine> loadQuarantine(Core::Database &db);

} // namespace Deck::Models
