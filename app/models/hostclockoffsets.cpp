// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostclockoffsets.h"

#include "stitchqueries.h"

#include <algorithm>

namespace Deck::Models {

Core::Expected<HostClockOffsets> loadHostClockOffsets(Core::Database &db)
{
    auto stitched = Core::StitchQueries(db).clockOffsets();
    if (!stitched)
        return stitched.error();
    HostClockOffsets offsets;
    for (const Core::ClockOffset &o : std::as_const(stitched->offsets)) {
        // The estimate is clock(hostB) - clock(hostA): hostB's side as it is, hostA's negated (its range reversed).
        offsets[o.hostB].append({o.hostA, stitched->hostnames.value(o.hostA), o.offsetNs, o.minNs, o.maxNs, o.pairs});
        offsets[o.hostA].append(
            {o.hostB, stitched->hostnames.value(o.hostB), -o.offsetNs, -o.maxNs, -o.minNs, o.pairs});
    }
    for (QList<PeerClockOffset> &peers : offsets) {
        std::sort(peers.begin(), peers.end(), [](const PeerClockOffset &a, const PeerClockOffset &b) {
            return a.peer == b.peer ? a.peerHostId < b.peerHostId : a.peer < b.peer;
        });
    }
    return offsets;
}

} // namespace Deck::Models
