// SPDX-License-Identifier: GPL-3.0-or-later
#include "stitchqueries.h"

#include "scopedstitch.h"

namespace Deck::Core {

StitchQueries::StitchQueries(Database &db)
    : m_db(db)
{
}

Expected<StitchResult> StitchQueries::stitch(const StitchOptions &options)
{
    if (options.wholeCase)
        return stitchWholeCase(m_db, options);
    auto prepared = prepareStitch(m_db, options);
    if (!prepared)
        return prepared.error();
    if (prepared->whole)
        return std::move(*prepared->whole);
    if (options.hostId)
        return ScopedStitch(m_db, std::move(prepared->basis), options).host(*options.hostId);
    // The whole case on the stored estimate: every connect and accept, no full scan for the facts.
    auto inputs = readStitchInputs(m_db, /*withFacts=*/false);
    if (!inputs)
        return inputs.error();
    inputs->facts = std::move(prepared->basis.facts);
    return stitchEnds(std::move(*inputs), options, &prepared->basis.estimate);
}

Expected<StitchOffsets> StitchQueries::clockOffsets(const StitchOptions &options)
{
    if (options.wholeCase) {
        auto whole = stitchWholeCase(m_db, options);
        if (!whole)
            return whole.error();
        return StitchOffsets{whole->offsets, whole->hostnames};
    }
    auto prepared = prepareStitch(m_db, options);
    if (!prepared)
        return prepared.error();
    if (prepared->whole)
        return StitchOffsets{prepared->whole->offsets, prepared->whole->hostnames};
    StitchOffsets out;
    for (const ClockOffset &o : std::as_const(prepared->basis.estimate.offsets))
        if (!options.hostId || o.hostA == *options.hostId || o.hostB == *options.hostId)
            out.offsets.append(o);
    auto hostnames = ScopedStitch(m_db, {}, options).hostnames();
    if (!hostnames)
        return hostnames.error();
    out.hostnames = std::move(*hostnames);
    return out;
}

} // namespace Deck::Core
