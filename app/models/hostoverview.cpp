// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostoverview.h"

#include "coveragequeries.h"
#include "hostarchivequeries.h"

#include <QHash>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deck::Models {

using namespace Deck::Core;

QString HostOverview::chainState() const
{
    if (forks > 0)
        return u"fork"_s;
    if (missingArchives > 0)
        return u"gap"_s;
    return archives > 0 ? u"intact"_s : u"none"_s;
}

std::optional<double> HostOverview::recordedShare() const
{
    if (!firstTs || !lastTs || *lastTs <= *firstTs)
        return std::nullopt;
    const double span = double(*lastTs - *firstTs);
    return std::clamp(1.0 - double(downtimeNs) / span, 0.0, 1.0);
}

namespace {

HostOverview fromSummary(const HostSummary &s)
{
    HostOverview h;
    h.hostId = s.id;
    h.hostname = s.hostname;
    h.machineId = s.machineId;
    h.os = s.os;
    h.kernel = s.kernel;
    h.keys = s.keys;
    h.archives = s.archives;
    h.events = s.events;
    h.missingArchives = s.missingArchives;
    h.forks = s.forks;
    h.lostEvents = s.losses;
    h.lastImportTs = s.lastImportTs;
    return h;
}

} // namespace

Expected<QList<HostOverview>> loadHostOverview(Database &db)
{
    TrustStore trust(db);
    auto summaries = trust.hosts();
    if (!summaries)
        return summaries.error();
    auto held = trust.held();
    if (!held)
        return held.error();
    auto spans = HostArchiveQueries(db).spans();
    if (!spans)
        return spans.error();
    auto coverage = CoverageQueries(db).coverage();
    if (!coverage)
        return coverage.error();

    QList<HostOverview> hosts;
    QHash<QString, qsizetype> byMachine;
    QHash<qint64, qsizetype> byId;
    for (const HostSummary &s : std::as_const(*summaries)) {
        byMachine.insert(s.machineId, hosts.size());
        byId.insert(s.id, hosts.size());
        hosts.append(fromSummary(s));
    }
    for (const HostSpan &span : std::as_const(*spans)) {
        if (const auto at = byId.value(span.hostId, -1); at >= 0) {
            hosts[at].firstTs = span.firstTs;
            hosts[at].lastTs = span.lastTs;
        }
    }
    for (const HostCoverage &c : std::as_const(*coverage)) {
        const auto at = byId.value(c.hostId, -1);
        if (at < 0)
            continue;
        for (const Downtime &down : c.downtime) {
            hosts[at].downtimeNs += std::max<qint64>(0, down.to - down.from);
            ++hosts[at].downtimes;
            hosts[at].crashes += down.clean ? 0 : 1;
        }
    }
    // Held archives waiting for a trust decision; forks are counted by the trust store already.
    for (const HeldArchive &h : std::as_const(*held)) {
        if (h.reason == "fork"_L1)
            continue;
        auto at = byMachine.value(h.machineId, -1);
        if (at < 0) {
            HostOverview pending;
            pending.hostname = h.hostname;
            pending.machineId = h.machineId;
            at = hosts.size();
            byMachine.insert(h.machineId, at);
            hosts.append(pending);
        }
        HostOverview &host = hosts[at];
        ++host.held;
        const bool trusted = std::any_of(host.keys.cbegin(), host.keys.cend(),
                                         [&](const TrustedHostKey &k) { return k.publicKey == h.signer; });
        if (host.hostId && !trusted)
            ++host.conflicting;
        if (!host.heldFingerprints.contains(h.fingerprint))
            host.heldFingerprints.append(h.fingerprint);
    }
    return hosts;
}

Expected<Quarantine> loadQuarantine(Database &db)
{
    TrustStore trust(db);
    auto held = trust.held();
    if (!held)
        return held.error();
    auto hosts = trust.hosts();
    if (!hosts)
        return hosts.error();
    auto refusals = HostArchiveQueries(db).audit(QStringLiteral("refuse"));
    if (!refusals)
        return refusals.error();
    return Quarantine{*held, *hosts, *refusals};
}

} // namespace Deck::Models
