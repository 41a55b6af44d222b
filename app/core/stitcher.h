// SPDX-License-Identifier: GPL-3.0-or-later
// The matching of cross-host stitching (stitchqueries.h), internal to flightdeck_core. A connect can only pair with
// an accept of the same 4-tuple group (its client's address:port and server's address:port, connectKey/acceptKey),
// each accept goes to one connect of its group, and an ssh session belongs to the group its SSH_CONNECTION names:
// given the host pairs' offsets, each group is matched on its own. So the links of some groups, matched with the
// offsets estimated over the whole case, are exactly the links the whole case gives for them; only the estimate
// needs every connection (stitchbasis.h keeps it). Pure computation, any thread.
#pragma once

#include "stitchinputs.h"
#include "stitchqueries.h"

namespace Deck::Core {

// The host pairs' offsets: the first estimate (each connect's nearest accept in raw time) and the final one (the
// matched pairs), which the matching uses and which is shown.
struct StitchEstimate
{
    QList<ClockOffset> rough;
    QList<ClockOffset> offsets;
};

// Matches `in`, which holds whole 4-tuple groups. With `known`, its offsets are used (the whole case's); without,
// they are estimated from `in` (then the whole case) and, when `estimated` is given, returned there. The lists are
// ordered by linkBefore and unstitchedBefore and keep what involves options.hostId.
StitchResult stitchEnds(StitchInputs in, const StitchOptions &options, const StitchEstimate *known,
                        StitchEstimate *estimated = nullptr);

// The order of StitchResult::links: by connect time, links by 4-tuple before those by SSH_CONNECTION alone, then by
// connect event. Of StitchResult::unstitched: by time, connects before accepts, then by event.
bool linkBefore(const HostLink &a, const HostLink &b);
bool unstitchedBefore(const UnstitchedConnection &a, const UnstitchedConnection &b);

} // namespace Deck::Core
