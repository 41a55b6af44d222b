// SPDX-License-Identifier: GPL-3.0-or-later
// Clock offsets between monitored hosts, estimated from stitched connections (stitchqueries.h): a connection seen
// by its client at `connect` (its clock) and by its server at `accept` (the server's clock) gives one sample of
// clock(server) - clock(client), plus the little time between the handshake's end on the client and the server's
// first use of the connection. The estimate of a host pair is the median of its samples (a sample from either
// direction counts, negated for the reverse one), with their smallest and largest value and their number.
// Raw time stamps are never changed: an offset only computes times for display on another host's clock.
// Pure functions, any thread.
#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>
#include <optional>

namespace Deck::Core {

struct ClockSample
{
    qint64 clientHostId = 0;
    qint64 serverHostId = 0;
    qint64 deltaNs = 0; // the server's accept time - the client's connect time, both raw
};

// clock(hostB) - clock(hostA), hostA < hostB by id.
struct ClockOffset
{
    qint64 hostA = 0;
    qint64 hostB = 0;
    qint64 offsetNs = 0; // the median sample
    qint64 minNs = 0;
    qint64 maxNs = 0;
    int pairs = 0; // samples (matched connections) it rests on

    qint64 spreadNs() const { return maxNs - minNs; }
};

// One estimate per host pair with samples, ordered by (hostA, hostB).
QList<ClockOffset> estimateClockOffsets(const QList<ClockSample> &samples);

// A signed offset in milliseconds with µs, for people: "+2502.500 ms", "-0.013 ms".
QString offsetText(qint64 ns);

// clock(to) - clock(from) from the estimates; 0 for the same host; nullopt when the pair has no estimate.
std::optional<qint64> clockOffset(const QList<ClockOffset> &offsets, qint64 from, qint64 to);

} // namespace Deck::Core
