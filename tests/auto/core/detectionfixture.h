// SPDX-License-Identifier: GPL-3.0-or-later
// A case for the detection tests: host "epsilon", two archives written with the format library, holding for every
// rule of the repo's rules/ folder events that must raise it and look-alikes that must not (ms after kBaseTs):
//   archive 1: @10 exec 100 /tmp/dropper (fires exec-from-tmp); @11 exec 101 /usr/bin/find with argv /tmp (quiet);
//   @20 exec 102 /memfd:payload (fires deleted-or-memfd-exe); @21 snapshot 103 "/usr/sbin/sshd (deleted)" (fires);
//   @30 exec 104 /usr/bin/ls with LD_PRELOAD (fires ld-preload); @31 exec 105 with SSH_CONNECTION only (quiet);
//   @40 exec 106 bash, @41 exec 107 bash, @42 exec 108 nc (reverse-shell fires on 106 only: stdio is socket for
//   106 and 108, tty for 107); @50 modules: rootkit added (fires kernel-module); @51 modules:
//   one removed (quiet); @60 bpf: program added, high (fires bpf-program); @61 bpf: the collector's own, low
//   (quiet); @70 110 writes /root/.ssh/authorized_keys (fires) and @71 opens it (quiet); @72 creates
//   /etc/sudoers.d/backdoor (fires); @73 renames /etc/sudoers.tmp onto /etc/sudoers (fires sudoers-write);
//   @74 writes /etc/cron.d/job (fires) and @75 opens /etc/crontab (quiet); @76 creates
//   /etc/systemd/system/evil.service (fires); @80 packages change, no package manager (fires
//   package-outside-manager); @90 120 listens on tcp 4444 (fires new-listener); @91 121 listens on tcp 4444
//   too (quiet: not the first); @100 exec 130 python3, 131 sudo, 132 python3 (exe_mode 0755, 04755,
//   0755); @101 130 euid 65534 -> 0 (fires setuid-without-setuid-bit); @102 131 uid 1000 -> 0 (quiet:
//   setuid); @103 132 euid 0 -> 65534 (quiet: a drop).
//   archive 2, more than the rule's ten minutes later: @700000 exec 140 dpkg; @700100 packages change (quiet: dpkg
//   ran); @700200 121 listens on tcp 4444 again (quiet: not the first, an archive later); @700300 122 listens on
//   tcp 8080 (fires); package managers that run longer than ten minutes: @1400000 exec 150 dpkg, @2100000 exec
//   151 dpkg-deb, @2150000 packages change (quiet: a dpkg helper ran), @2200000 150 exits; @3000000 exec 160 dpkg,
//   @3700000 packages change (quiet: dpkg exited @3750000).
// Test code only.
#pragma once

#include "casefixture.h"

namespace Deck::TestSupport {

struct DetectionScenario
{
    explicit DetectionScenario(const QString &dir);

    // "rule pid" (or "rule check" for integrity changes) of every alert the scenario must raise, sorted.
    static QStringList expectedAlerts();
    // The same of the rule alerts the case holds (the evidence's process, or the integrity change's check), sorted;
    // a query error as its one line.
    static QStringList raisedAlerts(Core::Database &db);

    ArchiveSeries epsilon;
    QStringList archives;
};

} // namespace Deck::TestSupport
