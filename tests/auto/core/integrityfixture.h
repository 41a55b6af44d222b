// SPDX-License-Identifier: GPL-3.0-or-later
// A small case for the integrity and alerts tests: host "delta", one archive (seq 1) with real integrity-shaped
// events of every check. Times are ms after kBaseTs:
//   @0 rec.start; @5 exec 700 dpkg (parent 1); @10 packages change (high: openssl 3.0.13-1 -> 3.0.13-2, nc-openbsd
//   1.226-1 installed, auditd 1:3.0.9-1 removed); @20 modules (high: rootkit loaded with file and digest);
//   @30 bpf (high: program 42 "sniff" kprobe loaded; program 7, the collector's own, unloaded); @40 files (high:
//   /etc/passwd digest and mode changed); @50 logins (medium: root on pts/0 from 10.0.0.9); @60 listeners (medium:
//   tcp:0.0.0.0:4444 by nc); @70 host.kmsg "rootkit: module verification failed"; @80 700 writes /etc/passwd;
//   @90 700 connects to 203.0.113.9:4444; @100 rec.stop.
// So: six state changes, four of them high (four alerts, triage "new"), one kernel log line. Test code only.
#pragma once

#include "casefixture.h"

namespace Deck::TestSupport {

struct IntegrityScenario
{
    explicit IntegrityScenario(const QString &dir);

    static qint64 at(qint64 ms);
    // Trusts delta's key and imports its archive into `db`; an empty string, or what failed.
    QString importInto(Core::Database &db) const;

    ArchiveSeries delta;
    QStringList archives;
};

} // namespace Deck::TestSupport
