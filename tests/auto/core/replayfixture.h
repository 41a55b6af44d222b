// SPDX-License-Identifier: GPL-3.0-or-later
// The case the replay tests run on: host "echo", whose archives hold a state with known answers at every time.
// Times are ms after kBaseTs (at()); every process key's start agrees with its first event.
//
// seq 1  @0 rec.start; @1 snapshots: modules {ext4, nf_tables}, bpf {7 (own)}, packages {bash 5.2-1, openssl
//        3.0.13-1}; @1 proc.snapshot 100 sshd (parent 1, started @-5000); @10 exec 200 bash (parent 100);
//        @20 exec 300 logger (parent 200); @30 300 opens /var/log/app.log; @31 300 listens on tcp 0.0.0.0:8080;
//        @40 200 connects 10.0.0.2:40200 -> 10.0.0.3:22; @50 300 opens /tmp/scratch (never written); @60 modules
//        change (rootkit added); @70 300 closes /var/log/app.log after writing; @71 200 opens /etc/hosts; @72 200 closes /etc/hosts after
//        writing, 3 times up to @78 (aggregated); @80 the connection closes; @90 packages change (openssl ->
//        3.0.13-2, nc-openbsd added); @100 exit 300; @105 exec 400 cat (parent 200); @110 rec.loss file.fanotify 5
//        (to @112); @130 400 closes /root/notes after writing (its open never recorded); @140 exit 400; @150 rec.stop
// seq 2  never imported (a chain gap)
// seq 3  @400 rec.start; @401 snapshots: modules {ext4, nf_tables, rootkit}, bpf {7, 42 sniff}, packages {bash,
//        openssl 3.0.13-2, nc-openbsd}; @401 proc.snapshot 100, 200; @410 exit 200; @420 rec.stop
// So: the recording spans @0..@420; the collector is stopped and seq 2 missing between @150 and @400.
// Test code only.
#pragma once

#include "casefixture.h"

namespace Deck::TestSupport {

struct ReplayScenario
{
    explicit ReplayScenario(const QString &dir);

    static qint64 at(qint64 ms);
    // Trusts echo's key and imports its archives into `db`; an empty string, or what failed.
    QString importInto(Core::Database &db) const;

    ArchiveSeries echo;
    QStringList archives;
};

} // namespace Deck::TestSupport
