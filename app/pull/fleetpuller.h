// SPDX-License-Identifier: GPL-3.0-or-later
// Pulls from many hosts of the case's inventory at once: up to `jobs` hosts on worker threads (one blocking SSH
// session each), every archive imported by the one importer on the thread that owns the case's Database (one writer
// per case), as soon as it is downloaded. One host's failure is reported for that host and never stops the others.
// Thread: pull() blocks the calling thread — the one that opened the Database (a worker, never the GUI's); every
// signal is emitted on it. Cancel with the flag given to setCancelFlag(): sessions are shut down within 100 ms, the
// archive being imported is rolled back, a download in progress stays as .part and is resumed next time.
#pragma once

#include "hostpull.h"

#include <QObject>
#include <mutex>

namespace Deck::Pull {

class FleetPuller : public QObject, private HostPullSink
{
    Q_OBJECT

public:
    FleetPuller(Core::Database &db, PullOptions options, QObject *parent = nullptr);
    ~FleetPuller() override;

    void setCancelFlag(const std::atomic<bool> *cancel) { m_cancel = cancel; }

    // Pulls from the named remote hosts (all of the inventory when empty), in name order. Fails only when the
    // inventory cannot be read or names a host that does not exist; each host's result is in its report.
    Expected<QList<HostPullReport>> pull(const QStringList &hostNames = {});

Q_SIGNALS:
    void hostStarted(const QString &host);
    void progressed(const Deck::Pull::PullProgress &progress);
    void noticed(const QString &host, const QString &text);
    void archiveDone(const QString &host, const Deck::Core::ImportOutcome &outcome);
    void hostFinished(const Deck::Pull::HostPullReport &report);

private:
    void progress(const PullProgress &progress) override;
    void notice(const QString &host, const QString &text) override;
    Core::ImportOutcome import(const RemoteHost &host, const Flight::SshPull::RemoteArchive &archive,
                               const QString &localPath) override;
    void removed(const RemoteHost &host, const QString &name) override;
    std::optional<QByteArray> passphraseFor(const QString &keyFile);

    Core::Database &m_db;
    PullOptions m_options;
    const std::atomic<bool> *m_cancel = nullptr;
    class PullQueue *m_queue = nullptr; // during pull()
    bool m_importedAny = false; // during pull(): an archive was imported, so the indicators are matched at its end
    std::mutex m_passphraseMutex;
    QHash<QString, std::optional<QByteArray>> m_passphrases;
};

} // namespace Deck::Pull
