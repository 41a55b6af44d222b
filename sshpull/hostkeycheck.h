// SPDX-License-Identifier: GPL-3.0-or-later
// The strict host-key policy of a connected (not yet authenticated) libssh session against the known_hosts file the
// session was given: a known key passes; an unknown host passes only when the analyst accepted its fingerprint (it
// is then added to the file); a changed key is refused with both fingerprints. Fingerprints are OpenSSH's
// "SHA256:<base64>", so they can be compared with `ssh-keygen -lf`.
#pragma once

#include "sshpullerror.h"
#include "sshtarget.h"

#include <libssh/libssh.h>

namespace Flight::SshPull {

struct HostKeyVerdict
{
    QString fingerprint; // of the key the host presented
    bool added = false; // an unknown host whose fingerprint was accepted, now in known_hosts
};

Expected<HostKeyVerdict> checkHostKey(ssh_session session, const SshTarget &target, const SessionPolicy &policy);

// "SHA256:..." of `key`, empty when it cannot be hashed.
QString fingerprintOf(ssh_key key);

} // namespace Flight::SshPull
