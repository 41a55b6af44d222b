// SPDX-License-Identifier: GPL-3.0-or-later
#include "trustdecision.h"

using namespace Qt::StringLiterals;

namespace Deck::Models {

using namespace Deck::Core;

TrustDecision assessTrust(const HeldArchive &chosen, const QList<HeldArchive> &held, const QList<HostSummary> &hosts)
{
    TrustDecision d;
    d.hostname = chosen.hostname;
    d.machineId = chosen.machineId;
    d.publicKey = chosen.signer;
    d.fingerprint = chosen.fingerprint;
    if (chosen.reason == "fork"_L1) {
        d.kind = TrustDecision::Kind::Fork;
        d.archives = 1;
        d.events = chosen.events;
        d.claimedHosts.append(u"%1 (%2)"_s.arg(chosen.hostname, chosen.machineId));
        d.reason = chosen.detail;
        return d;
    }
    QStringList machines;
    for (const HeldArchive &h : held) {
        if (h.signer != chosen.signer || h.reason == "fork"_L1)
            continue;
        ++d.archives;
        d.events += h.events;
        if (!machines.contains(h.machineId)) {
            machines.append(h.machineId);
            d.claimedHosts.append(u"%1 (%2)"_s.arg(h.hostname, h.machineId));
        }
    }
    for (const HostSummary &host : hosts) {
        if (!machines.contains(host.machineId))
            continue;
        QStringList fingerprints;
        bool trusted = false;
        for (const TrustedHostKey &k : host.keys) {
            fingerprints.append(k.fingerprint);
            trusted = trusted || k.publicKey == chosen.signer;
        }
        if (trusted)
            continue;
        d.kind = TrustDecision::Kind::KeyConflict;
        d.knownHost = host.hostname;
        d.knownFingerprints = fingerprints;
        d.reason = u"host %1 (machine-id %2) is trusted with key %3, but these archives are signed by %4"_s.arg(
            host.hostname, host.machineId, fingerprints.isEmpty() ? u"(none)"_s : fingerprints.join(u", "_s),
            chosen.fingerprint);
        return d;
    }
    if (machines.size() > 1) {
        d.kind = TrustDecision::Kind::KeyConflict;
        d.reason = u"key %1 signs archives that claim %2 different hosts (%3); a collector's key belongs to one "
                   u"host"_s.arg(chosen.fingerprint)
                       .arg(machines.size())
                       .arg(d.claimedHosts.join(u", "_s));
    }
    return d;
}

} // namespace Deck::Models
