// SPDX-License-Identifier: GPL-3.0-or-later
// The case the stitching tests run on: two monitored hosts whose clocks differ by a known offset, written with the
// format library and imported by the real importer. Times are ms of true time after kBaseTs; beta's clock runs
// kBetaAheadMs ahead of alpha's (which is true), so each of beta's raw times is true time + kBetaAheadMs.
//
// alpha 10.1.0.1 (uid 1000 = analyst):
//   @100 bash 1000; @200 ssh 1001 (parent 1000) connects 10.1.0.1:50001 -> 10.1.0.2:22 @300
//   @400 curl 1002 connects 10.1.0.1:50002 -> 192.0.2.50:443 (an unmonitored host)
//   @500 nc 1003 connects 10.1.0.1:50003 -> 10.1.0.2:8080 (beta recorded no accept)
//   @600 ssh 1004 connects 10.1.0.1:50006 -> 10.1.0.2:22 (beta recorded the session's shell, not the accept)
//   @1000 + i*100, i = 0..4: wget 1010+i connects 10.1.0.1:5101i -> 10.1.0.2:80
//   @2000 scp 1006 connects 10.1.0.1:50001 -> 10.1.0.2:22 again (the port used again within the window)
//   @9000 ssh 1005 connects 10.1.0.1:50007 -> 10.1.0.2:22 (beta lost events then)
// beta 10.1.0.2, true time:
//   @-100 sshd 2000 (listens on 22 @-90); @-50 nginx 2100 (listens on 80 @-40); @300 sshd 2001 (parent 2000) accepts
//   50001 @302; @310 bash 2002 (parent 2001, uid 1000, SSH_CONNECTION "10.1.0.1 50001 10.1.0.2 22"); @320 id 2003
//   (parent 2002, same environment)
//   @610 bash 2004 (parent 2000, SSH_CONNECTION "10.1.0.1 50006 10.1.0.2 22")
//   nginx 2100 accepts each wget's connection 1 + i ms after its connect (latency 1..5 ms)
//   @2002 sshd 2000 accepts the scp's 50001 (the listener itself: its descendants are not the scp's)
//   @3000 sshd 2000 accepts 10.1.0.1:50005 (no connect on alpha: unrelated)
//   @7,200,300 sshd 2000 accepts 10.1.0.1:50001 (two hours later: outside the window)
//   @8990 rec.loss net.ebpf 3 events to @9010
// So the ssh link's delta is 2502 ms and the wgets' 2501..2505 ms, the scp's 2502 ms: seven pairs whose median is
// 2502 ms. Test code only.
#pragma once

#include "casefixture.h"

namespace Deck::TestSupport {

struct StitchScenario
{
    static constexpr qint64 kBetaAheadMs = 2500;
    static constexpr qint64 kMedianDeltaMs = 2502;

    // The two hosts are named alpha and beta unless other names are given (to add them to another case).
    explicit StitchScenario(const QString &dir, const QString &alphaName = QStringLiteral("alpha"),
                            const QString &betaName = QStringLiteral("beta"));
    static qint64 at(qint64 ms); // UTC ns of true time `ms` after the base

    ArchiveSeries alpha;
    ArchiveSeries beta;
    QStringList archives;
};

// The scenario imported into the case at `location` (SQLite file or postgresql:// URL); the error says what failed.
Flight::Expected<std::unique_ptr<Core::Database>> openStitchCase(const QString &location, const QString &folder);

} // namespace Deck::TestSupport
