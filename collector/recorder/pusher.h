// SPDX-License-Identifier: GPL-3.0-or-later
// Pushes the sealed archives of an outbox into an SFTP inbox (DESIGN.md "Getting archives in"): one session, the
// archives in sequence order, each uploaded through SftpInbox (as .part, renamed once the server holds every byte) and
// deleted locally only after that confirmation. The first failure stops the pass (an unreachable host, a refused
// key or a full disk would fail the rest too); what was pushed before it stays pushed. An archive the inbox already
// holds with the same size counts as delivered.
// pushRetryDelaySeconds() is the back-off the daemon follows between passes.
// Thread: any; blocking (libssh), bounded by the timeout; `cancel` stops it within 100 ms.
#pragma once

#include "pushdestination.h"

#include <QStringList>
#include <atomic>
#include <functional>

namespace Flight::Recorder {

struct PushSettings
{
    QString keyFile; // the client's private key (OpenSSH format); empty: ssh-agent
    QString knownHostsFile; // the inbox server's host key, OpenSSH format; nothing else is trusted
    QStringList acceptedNewFingerprints; // "SHA256:..." accepted for a server not yet in knownHostsFile
    int timeoutMs = 30000;
    const std::atomic<bool> *cancel = nullptr;
};

struct PushReport
{
    int pushed = 0; // archives uploaded and deleted locally
    int alreadyThere = 0; // archives the inbox held already (deleted locally too)
    int remaining = 0; // archives still in the outbox after the pass
    qint64 bytes = 0; // bytes sent
    std::optional<Error> failure; // why the pass stopped early; names the host, the file and the reason
};

// `progress(name, done, total)` during each upload.
PushReport pushOutbox(const QString &outbox, const PushDestination &destination, const PushSettings &settings,
                      const std::function<void(const QString &, qint64, qint64)> &progress = {});

// Seconds to wait before the next pass: `interval` after a success; after `failures` failed passes in a row 10 s,
// 20 s, 40 s, ... but never longer than `interval`.
qint64 pushRetryDelaySeconds(int failures, qint64 interval);

} // namespace Flight::Recorder
