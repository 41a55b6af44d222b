// SPDX-License-Identifier: GPL-3.0-or-later
// A host "delta" whose processes carry the whole process image that FORMAT.md allows (exe digest, environment
// allowlist with a hostile value, tty, login uid and session, cgroup, euid, cut argv) and one that carries none:
// the fixture of the process detail queries and panel. Test code only.
//
// delta (seq 1): @0 snapshot of 600 sshd (parent 1, not in the case; env SSH_AUTH_SOCK, exe digest kSshdDigest);
//   @10 exec 700 bash (parent 600; uid 1000, euid 0, gid 1000, egid 1001, login uid 1000, session 3, tty pts/0,
//   cgroup /user.slice, argv cut, env LANG and SSH_CONNECTION, exe digest kBashDigest); @20 fork 701 of 700 (no
//   image: only the fork names it); @30 exit 700 by signal 9 with a core.
#pragma once

#include "casefixture.h"

namespace Deck::TestSupport {

struct ImageScenario
{
    explicit ImageScenario(const QString &dir);

    static constexpr const char *kSshdDigest = "5d1b0f8e6e8a4b3c2a1f0e9d8c7b6a5948372615f4e3d2c1b0a9988776655443";
    static constexpr const char *kBashDigest = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static QByteArray hostileLang(); // the LANG value: a newline, a quote and a byte that is not UTF-8

    ArchiveSeries delta;
    QString archive;
};

} // namespace Deck::TestSupport
