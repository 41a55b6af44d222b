// SPDX-License-Identifier: GPL-3.0-or-later
// A connection to a host through a jump host, for libssh 0.10 (which has no native ProxyJump): a direct-tcpip
// channel opened on the jump host's authenticated session to the target's address and port, bridged by a thread to
// one end of a local socket pair; the target's own session (host key, login, SFTP: end to end, the jump host sees
// only ciphertext) runs over the other end. The jump host's key is checked against the same known_hosts, like any.
// Thread: the bridge thread owns the jump session once open() returned. Destroy the tunnel after the target's
// session closed its end (SshSession does): the bridge then sees the end of the stream and stops.
#pragma once

#include "sshsession.h"

#include <atomic>
#include <thread>

struct ssh_channel_struct;

namespace Flight::SshPull {

class JumpTunnel
{
public:
    // Opens the channel from `via` to `target` (bounded by the policy's timeout, like any operation).
    static Expected<std::unique_ptr<JumpTunnel>> open(std::unique_ptr<SshSession> via, const SshTarget &target);
    ~JumpTunnel();
    JumpTunnel(const JumpTunnel &) = delete;
    JumpTunnel &operator=(const JumpTunnel &) = delete;

    // The local end for the target's session; whoever takes it closes it.
    int takeLocalFd() { return std::exchange(m_localFd, -1); }

private:
    JumpTunnel(std::unique_ptr<SshSession> via, ssh_channel_struct *channel, int bridgeFd, int localFd);
    void bridge();

    std::unique_ptr<SshSession> m_via;
    ssh_channel_struct *m_channel;
    int m_bridgeFd;
    int m_localFd;
    std::thread m_thread;
};

} // namespace Flight::SshPull
