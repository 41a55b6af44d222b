// SPDX-License-Identifier: GPL-3.0-or-later
// Stitching of some connections only, on a stored basis (stitchbasis.h): the 4-tuple groups of given connections
// (what following a process needs, hop by hop) or every group a host takes part in (`query links --host`). Each
// answer equals the whole case's for those groups (stitcher.h); what it reads is those groups' connects and accepts
// (index lookups), the listeners among their processes, and the small losses, archives and hosts tables once.
// Thread: the Database's thread. Errors: the store's, naming the database.
#pragma once

#include "stitchbasis.h"

namespace Deck::Core {

class ScopedStitch
{
public:
    ScopedStitch(Database &db, StitchBasis basis, const StitchOptions &options);

    // The groups `keys` (connectionText of the client's view), neither filtered by host nor ordered across calls.
    Expected<StitchResult> connections(const QSet<QString> &keys);
    // The links, unstitched and unmonitored connections and offsets that involve `hostId`, as the whole case's
    // answer filtered to it.
    Expected<StitchResult> host(qint64 hostId);

    const StitchBasis &basis() const { return m_basis; }
    Database &db() const { return m_db; }
    // Every host of the case by id.
    Expected<QHash<qint64, QString>> hostnames();

private:
    Expected<void> readSpans();

    Expected<StitchResult> match(ScopedEnds ends, const StitchOptions &options);

    Database &m_db;
    StitchBasis m_basis;
    StitchOptions m_options;
    std::optional<StitchInputs> m_spans; // losses, archives and host names, read at the first match
};

} // namespace Deck::Core
