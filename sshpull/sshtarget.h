// SPDX-License-Identifier: GPL-3.0-or-later
// Where and how to log in to one monitored host, and the policy a session follows. Plain data.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace Flight::SshPull {

struct SshTarget
{
    QString name; // the analyst's name for the host, used in every message
    QString address; // DNS name or IP address
    int port = 22;
    QString user;
    QString keyFile; // private key file (OpenSSH format); empty: the keys of ssh-agent (SSH_AUTH_SOCK)
    // Connect through this host (one jump at most; its own key, login and known_hosts entry); null: directly.
    std::shared_ptr<const SshTarget> jump;
};

// Returns the passphrase of `keyFile`, or nothing to give up. Called on the session's thread, at most once per key.
using PassphraseCallback = std::function<std::optional<QByteArray>(const QString &keyFile)>;

struct SessionPolicy
{
    QString knownHostsFile; // OpenSSH format; the only source of trusted host keys (no global or user file)
    // Fingerprints ("SHA256:...") the analyst accepted for hosts that are not in known_hosts yet: a host presenting
    // one of these is added to knownHostsFile. Never used for a host whose key changed.
    QStringList acceptedNewFingerprints;
    int timeoutMs = 30000; // bounds connect + handshake + authentication together, and any stall of a transfer
    PassphraseCallback passphrase;
    const std::atomic<bool> *cancel = nullptr; // checked at least every 100 ms; stops the session's I/O
};

} // namespace Flight::SshPull
