// SPDX-License-Identifier: GPL-3.0-or-later
// What every stitching answer rests on and only the whole case gives (stitcher.h): the host pairs' clock offsets
// (both estimates), the addresses each host used, the ssh session processes, and the connections open before each
// collector started. Computed once over the whole case and kept in the case (table stitch_basis, one row per
// skew/tolerance pair), so that `query follow`, `query links --host` and the Hosts view's clock column read only
// the connections they show.
// When it is stale: every row it is computed from (net_events, the processes' environment, parents and ids) is only
// ever written in an archive's import transaction, which also inserts that archive's row, and no archive row is
// ever deleted; so the number of archives and the highest archive id, read before and after the computation and
// stored with it, change whenever anything it rests on may have changed. A basis is used only while both are the
// same as when it was computed (it is then exactly what computing it again would give); otherwise it is computed
// again by the first query that needs it, and stored when no archive arrived meanwhile. Storing is best effort: a
// case that cannot be written (read-only, or locked by an import beyond the busy timeout) is answered all the same,
// and computed again next time. Thread: the Database's thread. Errors: the store's, naming the database.
#pragma once

#include "stitcher.h"

namespace Deck::Core {

struct StitchBasis
{
    StitchFacts facts;
    StitchEstimate estimate;
};

// The basis for `options` (its skew and tolerance), and, when it had to be computed (nothing stored, or stale), the
// whole case's answer to `options`, which computing it gave.
struct PreparedStitch
{
    StitchBasis basis;
    std::optional<StitchResult> whole;
};
Expected<PreparedStitch> prepareStitch(Database &db, const StitchOptions &options);

// The whole case stitched without reading or storing a basis (the reference the scoped answers equal).
Expected<StitchResult> stitchWholeCase(Database &db, const StitchOptions &options,
                                       StitchEstimate *estimated = nullptr, StitchFacts *facts = nullptr);

} // namespace Deck::Core
