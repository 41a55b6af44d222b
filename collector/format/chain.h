// SPDX-License-Identifier: GPL-3.0-or-later
// Hash-chain verdicts between two archives of one signer (FORMAT.md §4).
#pragma once

#include "expected.h"
#include "manifest.h"

namespace Flight::Format {

struct ChainLink
{
    qint64 seq = 0;
    QString digest; // this archive's digest
    QString prevDigest; // its manifest's prev_digest
    static ChainLink of(const Manifest &manifest, const QString &digest)
    {
        return {manifest.seq, digest, manifest.prevDigest};
    }
};

enum class ChainVerdict { Intact, Same, Gap, Fork, OutOfOrder };

ChainVerdict chainVerdict(const ChainLink &previous, const ChainLink &next);
const char *chainVerdictName(ChainVerdict verdict); // "intact", "same", "gap", "fork", "out of order"

// Ok for Intact and Same; otherwise an error naming both sequence numbers, with code Reason::SequenceGap, Fork or
// OutOfOrder. `previousName` and `nextName` say which archives (file names or "the anchor").
Expected<void> checkChain(const ChainLink &previous, const ChainLink &next, const QString &previousName,
                          const QString &nextName);

} // namespace Flight::Format
