// SPDX-License-Identifier: GPL-3.0-or-later
// Pulling from one host: connect (strict host key, key or agent), list the outbox, download the archives the case
// does not hold yet (same name and size pulled before and held by the case: skipped), import each through the sink
// as soon as it is complete, and optionally remove it from the host once the case holds it. A failure of the host
// (unreachable, timeout, host key, authentication, a transfer or a local write) ends this host's job with that error
// in its report; what was imported before it stays. Thread: run() blocks on a worker thread; the sink's functions
// are called from it.
#pragma once

#include "importer.h"
#include "remotehoststore.h"
#include "sftpoutbox.h"

#include <atomic>

namespace Deck::Pull {

struct PullOptions
{
    QString knownHostsFile; // the case's OpenSSH known_hosts
    QString downloadDir; // archives are kept in <downloadDir>/<remote host name>/<file>
    QStringList acceptNewFingerprints; // "SHA256:..." the analyst accepted for hosts not in known_hosts
    int jobs = 4; // hosts pulled at the same time
    int timeoutMs = 30000; // connect + handshake + authentication; and any stall of a transfer
    bool removeAfterImport = false; // delete an archive from the host once the case holds it (imported)
    qint64 maxArchiveBytes = qint64(5) << 30; // larger remote files are left alone
    Core::ImportOptions import; // the case key; the source is set per host (sftp://user@address:port/outbox)
    Flight::SshPull::PassphraseCallback passphrase; // called on the owning thread, once per key file
};

struct PullProgress
{
    QString host;
    QString file; // being downloaded, empty between files
    qint64 bytesDone = 0; // of this pull from the host
    qint64 bytesTotal = 0;
    int filesDone = 0;
    int filesTotal = 0;
};

struct HostPullReport
{
    QString host;
    std::optional<Error> failure; // why the host's job ended early (code: Flight::SshPull::SshReason)
    QString fingerprint; // the host key it presented
    bool hostKeyAdded = false; // accepted now and written to known_hosts
    int listed = 0; // archives in the outbox
    int alreadyInCase = 0; // skipped: pulled before, the case holds them
    int downloaded = 0;
    qint64 bytes = 0; // received over SFTP
    qint64 resumedBytes = 0; // kept from .part files of an earlier pull
    int removed = 0; // deleted from the host after import
    QStringList rejected; // outbox entries left alone (names, types, sizes)
    QList<Core::ImportOutcome> outcomes;

    // 0 ok; 1 an archive is bad or untrusted, or the host key is unknown or changed; 2 environment, cancelled.
    int exitCode() const;
};

class HostPullSink
{
public:
    virtual ~HostPullSink() = default;
    virtual void progress(const PullProgress &progress) = 0;
    virtual void notice(const QString &host, const QString &text) = 0;
    // Imports the complete local copy of `archive` and records it; returns when done.
    virtual Core::ImportOutcome import(const RemoteHost &host, const Flight::SshPull::RemoteArchive &archive,
                                       const QString &localPath)
        = 0;
    virtual void removed(const RemoteHost &host, const QString &name) = 0;
};

class HostPullJob
{
public:
    // `jump`: the remote host named by host.jumpHost (nothing when it names none, or one not in the inventory).
    HostPullJob(RemoteHost host, std::optional<RemoteHost> jump, QHash<QString, PulledFile> pulledBefore,
                const PullOptions &options, HostPullSink &sink, const std::atomic<bool> *cancel);
    HostPullReport run();

private:
    void pullAll(Flight::SshPull::SshSession &session);
    bool cancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }

    RemoteHost m_host;
    std::optional<RemoteHost> m_jump;
    QHash<QString, PulledFile> m_pulled;
    const PullOptions &m_options;
    HostPullSink &m_sink;
    const std::atomic<bool> *m_cancel;
    HostPullReport m_report;
};

} // namespace Deck::Pull
