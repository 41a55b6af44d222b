// SPDX-License-Identifier: GPL-3.0-or-later
// What the analyst is asked when deciding on a held archive's signer: which host it claims to be, its machine id,
// the key's full fingerprint, how many archives and events wait for it — and whether trusting it may be offered at
// all. It may not when the key would contradict a decision already made: a host the case knows is trusted with
// another key (a changed host key means a reinstalled or compromised host, or an impostor; flightdeck refuses it
// loudly and never trusts it with one click), the key signs archives that claim several hosts, or the archive is a
// fork of its host's chain (no key decision releases it).
// Thread: any; plain values.
#pragma once

#include "truststore.h"

namespace Deck::Models {

struct TrustDecision
{
    enum class Kind {
        NewHost, // the key may be trusted for this (new) host
        KeyConflict, // refused: the host is known with another key, or the key claims several hosts
        Fork, // refused: a fork of its host's chain, not a trust question
    };
    Kind kind = Kind::NewHost;
    QString hostname;
    QString machineId;
    QString publicKey; // "ed25519:..."
    QString fingerprint; // "BLAKE2B:..."
    qint64 archives = 0; // held archives this key signed
    qint64 events = 0;
    QStringList claimedHosts; // "name (machine-id)" of each host those archives claim
    QString knownHost; // KeyConflict with a known host: its name
    QStringList knownFingerprints; // and the keys trusted for it
    QString reason; // why it is refused, one sentence naming host and keys (not translated: store terms)

    bool mayTrust() const { return kind == Kind::NewHost; }
};

// The decision about `chosen`'s signer, given every held archive and the hosts of the case.
TrustDecision assessTrust(const Core::HeldArchive &chosen, const QList<Core::HeldArchive> &held,
                          const QList<Core::HostSummary> &hosts);

} // namespace Deck::Models
