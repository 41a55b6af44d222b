// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostpull.h"

#include "sshsession.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;
using namespace Flight::SshPull;
using Deck::Core::ImportOutcome;
using Deck::Core::ImportStatus;

namespace Deck::Pull {

int HostPullReport::exitCode() const
{
    int code = 0;
    if (failure) {
        const auto reason = reasonOf(*failure);
        code = reason == SshReason::ChangedHostKey || reason == SshReason::UnknownHostKey ? 1 : 2;
    }
    for (const ImportOutcome &o : outcomes)
        code = std::max(code, o.exitCode());
    return code;
}

HostPullJob::HostPullJob(RemoteHost host, std::optional<RemoteHost> jump, QHash<QString, PulledFile> pulledBefore,
                         const PullOptions &options, HostPullSink &sink, const std::atomic<bool> *cancel)
    : m_host(std::move(host))
    , m_jump(std::move(jump))
    , m_pulled(std::move(pulledBefore))
    , m_options(options)
    , m_sink(sink)
    , m_cancel(cancel)
{
    m_report.host = m_host.name;
}

HostPullReport HostPullJob::run()
{
    SshTarget target{m_host.name, m_host.address, m_host.port, m_host.user, m_host.keyFile, {}};
    if (!m_host.jumpHost.isEmpty()) {
        if (!m_jump) {
            m_report.failure
                = sshError(SshReason::Unsupported,
                           u"%1: the jump host %2 is not a remote host of the case (see 'remote list')"_s.arg(
                               m_host.name, m_host.jumpHost));
            return m_report;
        }
        target.jump = std::make_shared<const SshTarget>(
            SshTarget{m_jump->name, m_jump->address, m_jump->port, m_jump->user, m_jump->keyFile, {}});
    }
    SessionPolicy policy;
    policy.knownHostsFile = m_options.knownHostsFile;
    policy.acceptedNewFingerprints = m_options.acceptNewFingerprints;
    policy.timeoutMs = m_options.timeoutMs;
    policy.passphrase = m_options.passphrase;
    policy.cancel = m_cancel;
    auto session = SshSession::open(target, policy);
    if (!session) {
        m_report.failure = session.error();
        return m_report;
    }
    m_report.fingerprint = (*session)->hostKeyFingerprint();
    m_report.hostKeyAdded = (*session)->hostKeyAdded();
    if (m_report.hostKeyAdded)
        m_sink.notice(m_host.name,
                      u"%1: host key %2 accepted and added to %3"_s.arg(m_host.name, m_report.fingerprint,
                                                                        m_options.knownHostsFile));
    pullAll(**session);
    return m_report;
}

void HostPullJob::pullAll(SshSession &session)
{
    SftpOutbox outbox(session, m_host.outbox, m_options.maxArchiveBytes);
    auto listing = outbox.list();
    if (!listing) {
        m_report.failure = listing.error();
        return;
    }
    m_report.listed = int(listing->archives.size());
    m_report.rejected = listing->rejected;
    for (const QString &text : std::as_const(listing->rejected))
        m_sink.notice(m_host.name, text);

    QList<RemoteArchive> wanted;
    QStringList removable; // held by the case from an earlier pull, still on the host
    PullProgress progress{m_host.name, {}, 0, 0, 0, 0};
    for (const RemoteArchive &archive : std::as_const(listing->archives)) {
        const auto before = m_pulled.constFind(archive.name);
        if (before != m_pulled.cend() && before->size == archive.size && caseHolds(before->status)) {
            ++m_report.alreadyInCase;
            if (before->status == QLatin1StringView(statusName(ImportStatus::Imported))
                || before->status == QLatin1StringView(statusName(ImportStatus::AlreadyImported)))
                removable.append(archive.name);
            continue;
        }
        wanted.append(archive);
        progress.bytesTotal += archive.size;
    }
    progress.filesTotal = int(wanted.size());
    m_sink.progress(progress);

    const QString dir = QDir(m_options.downloadDir).filePath(m_host.name);
    if (!wanted.isEmpty() && !QDir().mkpath(dir)) {
        m_report.failure
            = sshError(SshReason::LocalFile, u"%1: cannot create the download folder %2"_s.arg(m_host.name, dir));
        return;
    }
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    for (const RemoteArchive &archive : std::as_const(wanted)) {
        if (cancelled()) {
            m_report.failure = sshError(SshReason::Cancelled, u"%1: cancelled"_s.arg(m_host.name));
            return;
        }
        const QString local = QDir(dir).filePath(archive.name);
        // A local copy that did not verify last time may be a damaged transfer: fetch it again.
        if (m_pulled.value(archive.name).status == QLatin1StringView(statusName(ImportStatus::Invalid)))
            QFile::remove(local);
        const QFileInfo existing(local);
        if (existing.exists() && existing.size() != archive.size) {
            // The host's file changed after it was pulled: the local copy (evidence) is not overwritten.
            const QString text = u"%1: %2 is on the host with %3 bytes, but the local copy %4 has %5; left alone"_s
                                     .arg(m_host.name, archive.name)
                                     .arg(archive.size)
                                     .arg(local)
                                     .arg(existing.size());
            m_report.rejected.append(text);
            m_sink.notice(m_host.name, text);
            progress.bytesTotal -= archive.size;
            --progress.filesTotal;
            continue;
        }
        const qint64 base = progress.bytesDone;
        progress.file = archive.name;
        if (!existing.exists()) { // a complete local copy (pulled, not yet imported) is imported as it is
            auto fetched = outbox.fetch(archive, local, [&](qint64 done, qint64) {
                progress.bytesDone = base + done;
                if (sinceProgress.elapsed() >= 100) {
                    sinceProgress.restart();
                    m_sink.progress(progress);
                }
            });
            if (!fetched) {
                m_report.failure = fetched.error();
                return;
            }
            ++m_report.downloaded;
            m_report.bytes += fetched->received;
            m_report.resumedBytes += fetched->resumedFrom;
        }
        progress.bytesDone = base + archive.size;
        ++progress.filesDone;
        m_sink.progress(progress);
        const ImportOutcome outcome = m_sink.import(m_host, archive, local);
        m_report.outcomes.append(outcome);
        if (outcome.status == ImportStatus::Cancelled) {
            m_report.failure = sshError(SshReason::Cancelled, u"%1: cancelled"_s.arg(m_host.name));
            return;
        }
        if (outcome.status == ImportStatus::Imported || outcome.status == ImportStatus::AlreadyImported)
            removable.append(archive.name);
    }
    if (!m_options.removeAfterImport)
        return;
    for (const QString &name : std::as_const(removable)) {
        if (cancelled())
            return;
        if (auto removed = outbox.remove(name); !removed) {
            m_report.failure = removed.error();
            return;
        }
        ++m_report.removed;
        m_sink.removed(m_host, name);
    }
}

} // namespace Deck::Pull
