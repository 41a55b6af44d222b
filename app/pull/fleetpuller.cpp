// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetpuller.h"

#include "auditlog.h"
#include "database.h"
#include "pullqueue.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using Flight::SshPull::RemoteArchive;

Q_LOGGING_CATEGORY(lcPull, "flightdeck.pull", QtInfoMsg)

namespace Deck::Pull {

FleetPuller::FleetPuller(Database &db, PullOptions options, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_options(std::move(options))
{
    m_options.jobs = std::max(1, m_options.jobs);
    loadRulesFolder(m_options.import); // once for the pull, not per archive
    if (m_options.passphrase) {
        // Workers ask on their threads; the analyst is asked once per key, one question at a time.
        auto ask = std::move(m_options.passphrase);
        m_options.passphrase = [this, ask](const QString &keyFile) {
            std::lock_guard lock(m_passphraseMutex);
            if (!m_passphrases.contains(keyFile))
                m_passphrases.insert(keyFile, ask(keyFile));
            return m_passphrases.value(keyFile);
        };
    }
}

FleetPuller::~FleetPuller()
{
    for (auto &passphrase : m_passphrases) {
        if (passphrase)
            passphrase->fill('\0');
    }
}

Expected<QList<HostPullReport>> FleetPuller::pull(const QStringList &hostNames)
{
    RemoteHostStore store(m_db);
    auto inventory = store.list();
    if (!inventory)
        return inventory.error();
    QList<RemoteHost> hosts;
    for (const QString &name : hostNames) {
        const auto found
            = std::find_if(inventory->cbegin(), inventory->cend(), [&](const RemoteHost &h) { return h.name == name; });
        if (found == inventory->cend())
            return storeError(StoreReason::NotFound,
                              u"remote host %1: no such remote host (see 'remote list')"_s.arg(name));
        if (!std::any_of(hosts.cbegin(), hosts.cend(), [&](const RemoteHost &h) { return h.name == name; }))
            hosts.append(*found);
    }
    if (hostNames.isEmpty())
        hosts = *inventory;
    std::sort(hosts.begin(), hosts.end(), [](const RemoteHost &a, const RemoteHost &b) { return a.name < b.name; });
    QList<QHash<QString, PulledFile>> pulled;
    for (const RemoteHost &host : std::as_const(hosts)) {
        auto files = store.pulled(host.id);
        if (!files)
            return files.error();
        pulled.append(*files);
    }

    std::vector<HostPullReport> reports(size_t(hosts.size())); // each worker writes its hosts' slots
    PullQueue queue;
    m_queue = &queue;
    std::atomic<qsizetype> next{0};
    std::vector<std::thread> workers;
    const int count = std::min<int>(m_options.jobs, int(hosts.size()));
    for (int i = 0; i < count; ++i) {
        queue.workerStarted();
        workers.emplace_back([&] {
            for (qsizetype index = next++; index < hosts.size(); index = next++) {
                const RemoteHost &host = hosts.at(index);
                queue.post([this, name = host.name] { Q_EMIT hostStarted(name); });
                std::optional<RemoteHost> jump;
                for (const RemoteHost &candidate : std::as_const(*inventory)) {
                    if (!host.jumpHost.isEmpty() && candidate.name == host.jumpHost)
                        jump = candidate;
                }
                HostPullJob job(host, jump, pulled.at(index), m_options, *this, m_cancel);
                HostPullReport report = job.run();
                queue.post([this, report] { Q_EMIT hostFinished(report); });
                reports[size_t(index)] = std::move(report);
            }
            queue.workerEnded();
        });
    }
    queue.runUntilIdle();
    for (std::thread &worker : workers)
        worker.join();
    // Indicators once for the whole pull, not after each archive (each match reads the whole case).
    if (std::exchange(m_importedAny, false))
        matchIndicatorsAfterImport(m_db, m_cancel);
    m_queue = nullptr;
    return QList<HostPullReport>(reports.begin(), reports.end());
}

void FleetPuller::progress(const PullProgress &progress)
{
    m_queue->post([this, progress] { Q_EMIT progressed(progress); });
}

void FleetPuller::notice(const QString &host, const QString &text)
{
    m_queue->post([this, host, text] { Q_EMIT noticed(host, text); });
}

ImportOutcome FleetPuller::import(const RemoteHost &host, const RemoteArchive &archive, const QString &localPath)
{
    return m_queue->call<ImportOutcome>([&]() {
        ImportOptions options = m_options.import;
        options.source = u"sftp://%1@%2:%3%4"_s.arg(host.user, host.address).arg(host.port).arg(host.outbox);
        while (options.source.endsWith(u'/'))
            options.source.chop(1);
        Importer importer(m_db, options);
        importer.setCancelFlag(m_cancel);
        ImportOutcome outcome = importer.importFile(localPath);
        m_importedAny = m_importedAny || outcome.status == ImportStatus::Imported;
        if (outcome.status != ImportStatus::Cancelled) {
            RemoteHostStore store(m_db);
            auto recorded = store.recordPulled(host.id, archive.name,
                                               {archive.size, QLatin1StringView(statusName(outcome.status)),
                                                outcome.digest, QFileInfo(localPath).absoluteFilePath(), false});
            if (!recorded)
                qCWarning(lcPull) << recorded.error().message; // the import itself stands; the next pull re-checks
        }
        Q_EMIT archiveDone(host.name, outcome);
        return outcome;
    });
}

void FleetPuller::removed(const RemoteHost &host, const QString &name)
{
    m_queue->post([this, host, name] {
        if (auto recorded = RemoteHostStore(m_db).recordRemoved(host.id, name, host.name); !recorded)
            qCWarning(lcPull) << recorded.error().message;
        Q_EMIT noticed(host.name, u"%1: removed %2 from the host"_s.arg(host.name, name));
    });
}

} // namespace Deck::Pull
