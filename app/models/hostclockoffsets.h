// SPDX-License-Identifier: GPL-3.0-or-later
// Each monitored host's clock offset relative to the other monitored hosts it talked to, for the Hosts view: the
// host-pair estimates of cross-host stitching (Core::StitchQueries, clockoffsets.h) turned to each host's side as
// clock(host) - clock(peer), with the range of the pairs and their number. A host with no stitched connection has
// no entry ("no pairs"). Stitching reads every TCP connect and accept of the case, so the Hosts view runs this on a
// worker of its own, after the hosts are shown.
// Thread: loadHostClockOffsets() runs in the worker's thread; the values are plain and copied to the GUI thread.
#pragma once

#include "storeerror.h"

#include <QHash>
#include <QList>
#include <QString>

namespace Deck::Core {
class Database;
}

namespace Deck::Models {

struct PeerClockOffset
{
    qint64 peerHostId = 0;
    QString peer; // its hostname
    qint64 offsetNs = 0; // clock(host) - clock(peer): the median of the pairs
    qint64 minNs = 0; // the smallest and largest pair, same sign convention
    qint64 maxNs = 0;
    int pairs = 0; // stitched connections the estimate rests on
};

// Host id -> its peers, by peer name.
using HostClockOffsets = QHash<qint64, QList<PeerClockOffset>>;

Core::Expected<HostClockOffsets> loadHostClockOffsets(Core::Database &db);

} // namespace Deck::Models
