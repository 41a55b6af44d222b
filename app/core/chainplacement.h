// SPDX-License-Identifier: GPL-3.0-or-later
// Where an archive falls in its signer's hash chain as the case knows it (FORMAT.md §4): against the key's anchor
// (last verified sequence number and digest) and, for an archive older than the anchor, against its stored
// neighbours. Read-only; runs inside the importer's transaction.
#pragma once

#include "storeerror.h"

#include <optional>

namespace Deck::Core {

class Database;

struct ChainPlacement
{
    QString verdict; // first | intact | gap | late | fork
    qint64 missingBefore = 0; // for gap: archives missing between the anchor and this one
    QString forkReason; // for fork: what it contradicts, one clause naming sequence numbers and digests
};

struct ChainAnchor
{
    qint64 keyId = 0;
    std::optional<qint64> lastSeq;
    QString lastDigest;
};

Expected<ChainPlacement> placeInChain(Database &db, const ChainAnchor &anchor, qint64 seq, const QString &digest,
                                      const QString &prevDigest);

} // namespace Deck::Core
