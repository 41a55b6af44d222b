// SPDX-License-Identifier: GPL-3.0-or-later
// Why an SSH pull from one host failed, carried in Flight::Error::code (values from 200, next to
// Flight::Format::Reason below 100 and Deck::Core::StoreReason from 100). Every message names the host (or the
// remote or local file) and the reason in one sentence.
#pragma once

#include "expected.h"

namespace Flight::SshPull {

using Flight::Error;
using Flight::Expected;

enum class SshReason : int {
    Unreachable = 200, // name resolution failed, connection refused, no route
    Timeout, // connect, handshake or authentication (or a stalled transfer) took longer than the limit
    UnknownHostKey, // the host is not in known_hosts: the analyst must decide (fingerprint in the message)
    ChangedHostKey, // the host presents another key than known_hosts holds: refused
    Auth, // the key (or the agent's keys) was not accepted, or the key file cannot be used
    Protocol, // SSH or SFTP failed after the connection was up
    Cancelled, // stopped by the caller
    RemoteFile, // a remote file or the outbox cannot be listed, read or removed
    LocalFile, // a local file cannot be written (disk full, permissions)
    Unsupported, // asked for something this build cannot do (e.g. a jump host)
};

inline Error sshError(SshReason reason, QString message)
{
    return Error{std::move(message), static_cast<int>(reason)};
}

inline SshReason reasonOf(const Error &error)
{
    return static_cast<SshReason>(error.code);
}

} // namespace Flight::SshPull
