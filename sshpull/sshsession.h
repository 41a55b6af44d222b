// SPDX-License-Identifier: GPL-3.0-or-later
// One authenticated SSH session with an SFTP channel to one host. open() connects (its own TCP connect, so the
// deadline covers it), checks the host key strictly (hostkeycheck.h), authenticates with the target's key file
// (asking the policy's callback for a passphrase when the key is encrypted) or with ssh-agent, and starts SFTP —
// all within the policy's timeout, and stoppable through its cancel flag. No password is ever sent or stored.
// With a jump host (SshTarget::jump), the jump host's session is opened first, within its own timeout, and the
// target's session runs through it (jumptunnel.h).
// Thread: blocking; use a session on one thread (a worker, never the GUI's). Errors: sshpullerror.h.
#pragma once

#include "sessionwatchdog.h"
#include "sshpullerror.h"
#include "sshtarget.h"

#include <memory>

struct ssh_session_struct;
struct sftp_session_struct;

namespace Flight::SshPull {

class SshSession
{
public:
    static Expected<std::unique_ptr<SshSession>> open(const SshTarget &target, const SessionPolicy &policy);
    ~SshSession();
    SshSession(const SshSession &) = delete;
    SshSession &operator=(const SshSession &) = delete;

    const SshTarget &target() const { return m_target; }
    QString hostKeyFingerprint() const { return m_fingerprint; }
    bool hostKeyAdded() const { return m_hostKeyAdded; } // an accepted new host key was written to known_hosts

    // For the SFTP users of this library (sftpoutbox.cpp).
    sftp_session_struct *sftp() const { return m_sftp; }
    // Progress was made: the stall timeout starts again.
    void madeProgress() { m_watchdog->extend(); }
    // Arms the stall timeout for the lifetime of one operation (listing, download, removal); between operations
    // the session may sit idle for any time.
    class Operation
    {
    public:
        explicit Operation(SshSession &session)
            : m_session(session)
        {
            m_session.m_watchdog->extend();
        }
        ~Operation() { m_session.m_watchdog->idle(); }
        Operation(const Operation &) = delete;
        Operation &operator=(const Operation &) = delete;

    private:
        SshSession &m_session;
    };
    // The error of a failed operation: a timeout or cancellation when the watchdog stopped the socket, else `reason`
    // with `what` and libssh's text.
    Error failure(SshReason reason, const QString &what) const;

private:
    friend class JumpTunnel;
    SshSession(SshTarget target, int fd, const SessionPolicy &policy);
    static Expected<std::unique_ptr<SshSession>> connect(const SshTarget &target, const SessionPolicy &policy,
                                                         bool sftp);
    Expected<void> handshake(const SessionPolicy &policy);
    Expected<void> authenticate(const SessionPolicy &policy);

    SshTarget m_target;
    int m_fd = -1;
    ssh_session_struct *m_ssh = nullptr;
    sftp_session_struct *m_sftp = nullptr;
    std::unique_ptr<SessionWatchdog> m_watchdog;
    std::unique_ptr<class JumpTunnel> m_tunnel; // when connected through a jump host
    QString m_fingerprint;
    bool m_hostKeyAdded = false;
    int m_timeoutMs = 0;
};

} // namespace Flight::SshPull
