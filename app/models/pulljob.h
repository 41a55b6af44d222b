// SPDX-License-Identifier: GPL-3.0-or-later
// Pulling from the case's remote hosts from the GUI: Pull::FleetPuller on the case's intake worker (its own
// connection, the case's one writer); the blocking libssh sessions run on the puller's own threads, never on the GUI
// thread. Reports per host (started, progress in bytes and files, notices, each archive's outcome, the host's report
// with its failure) as they come. A key passphrase is asked through the asker set by the GUI (on the GUI thread).
// cancel() shuts every session down within 100 ms and rolls back the archive being imported.
// Thread: the GUI thread; destroying the job cancels it.
#pragma once

#include "caseworker.h"
#include "fleetpuller.h"
#include "joblink.h"

#include <QObject>
#include <functional>
#include <future>
#include <memory>

namespace Deck::Models {

class PullJob : public QObject
{
    Q_OBJECT
public:
    using PassphraseAsker = std::function<std::optional<QByteArray>(const QString &keyFile)>;

    explicit PullJob(QObject *parent = nullptr);
    ~PullJob() override;

    // Called on the GUI thread when a key file needs its passphrase; nothing (no asker, or declined): not used.
    void setPassphraseAsker(PassphraseAsker asker) { m_asker = std::move(asker); }

    // Pulls `hosts` (names of the inventory; all when empty) on `writer`. options.passphrase is replaced.
    void start(CaseWorker &writer, const QStringList &hosts, Pull::PullOptions options);
    void cancel();
    bool isRunning() const { return m_running; }
    bool isCancelled() const { return m_link && m_link->cancel.load(); }
    const QList<Pull::HostPullReport> &reports() const { return m_reports; }

Q_SIGNALS:
    void hostStarted(const QString &host);
    void progressed(const Deck::Pull::PullProgress &progress);
    void noticed(const QString &host, const QString &text);
    void archiveDone(const QString &host, const Deck::Core::ImportOutcome &outcome);
    void hostFinished(const Deck::Pull::HostPullReport &report);
    // The pull ended; `error` (the inventory could not be read, or names no such host) is empty when it ran.
    void finished(const QString &error, bool cancelled);

public Q_SLOTS: // the worker side's reports (the FleetPuller's signals), queued to this thread
    void onHostFinished(const Deck::Pull::HostPullReport &report);
    void onEnded(const QString &error);

public:
    // Asks the analyst (the asker) and fulfils `answer`; called on this thread for a puller thread that waits.
    void answerPassphrase(const QString &keyFile,
                          const std::shared_ptr<std::promise<std::optional<QByteArray>>> &answer);

private:
    std::shared_ptr<JobLink> m_link;
    PassphraseAsker m_asker;
    QList<Pull::HostPullReport> m_reports;
    bool m_running = false;
};

// Emits the end of a pull from the worker thread.
class PullRelay : public QObject
{
    Q_OBJECT
Q_SIGNALS:
    void ended(const QString &error);
};

} // namespace Deck::Models
