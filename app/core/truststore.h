// SPDX-License-Identifier: GPL-3.0-or-later
// Hosts, their trusted signing keys and chain anchors, and the quarantine, as the analyst sees and decides them.
// A key is trusted either for one host (bound) or before any archive of its host arrived (unbound: the first host
// whose archive it signs binds it). Every decision is written to the audit log in the same transaction.
// Thread: that of the Database.
#pragma once

#include "keys.h"
#include "storeerror.h"

#include <QList>
#include <optional>

namespace Deck::Core {

class Database;

struct TrustedHostKey
{
    QString publicKey; // "ed25519:..."
    QString fingerprint;
    QString label;
    qint64 trustedTs = 0;
    QString trustedBy;
    std::optional<qint64> lastSeq; // the chain anchor: last verified sequence number and archive digest
    QString lastDigest;
};

struct HostSummary
{
    qint64 id = 0;
    QString machineId;
    QString hostname;
    QString os;
    QString kernel;
    qint64 archives = 0;
    qint64 events = 0;
    qint64 missingArchives = 0; // holes in the sequence numbers of its keys' chains
    qint64 forks = 0; // archives held as forks of its chain
    qint64 losses = 0; // events the collector reported lost
    qint64 lastImportTs = 0;
    std::optional<qint64> lastEventTs;
    QList<TrustedHostKey> keys;
};

struct HeldArchive
{
    qint64 id = 0;
    QString digest;
    QString path;
    QString reason; // "untrusted signer" or "fork"
    QString detail;
    QString machineId;
    QString hostname;
    qint64 seq = 0;
    QString signer;
    QString fingerprint;
    qint64 events = 0;
    qint64 heldTs = 0;
};

struct TrustResult
{
    bool added = false; // false: the key was trusted already (and bound as asked)
    QString hostname; // the host it is bound to, empty when unbound
};

class TrustStore
{
public:
    explicit TrustStore(Database &db);

    Expected<QList<HostSummary>> hosts();
    Expected<QList<HeldArchive>> held();
    // Trusts `key`, for the host named by `host` (hostname or machine id of a host in the case) when not empty.
    // Refuses a key already bound to another host.
    Expected<TrustResult> trust(const Flight::Format::PublicKey &key, const QString &label, const QString &host = {});
    // The signer of held archives with this fingerprint ("BLAKE2B:..."), when there are any.
    Expected<std::optional<Flight::Format::PublicKey>> heldSigner(const QString &fingerprint);

private:
    Expected<std::optional<qint64>> findHost(const QString &host);

    Database &m_db;
};

} // namespace Deck::Core
