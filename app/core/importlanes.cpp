// SPDX-License-Identifier: GPL-3.0-or-later
// Importer::importPaths() on PostgreSQL: the archives of different hosts imported at once. One connection's import
// keeps one server process busy (the client waits for it most of the time), so each lane — a thread with its own
// connection and Importer — takes whole hosts, in their sequence order, and the calling thread passes the lanes'
// progress and outcomes on to the caller's handlers, as if one importer had done it all.
#include "database.h"
#include "importer.h"

#include <QFileInfo>
#include <QThread>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <variant>

using namespace Qt::StringLiterals;

namespace Deck::Core {

QList<QStringList> Importer::splitIntoLanes(const QList<FoundArchive> &archives, int lanes)
{
    // Each host's archives (consecutive, as locateArchives() orders them) stay together; an archive that does not
    // open is a host of its own.
    struct Host
    {
        QStringList files;
        qint64 bytes = 0;
    };
    QList<Host> hosts;
    QString previous;
    for (const FoundArchive &archive : archives) {
        if (hosts.isEmpty() || archive.machineId.isEmpty() || archive.machineId != previous)
            hosts.append(Host{});
        hosts.last().files.append(archive.file);
        hosts.last().bytes += QFileInfo(archive.file).size();
        previous = archive.machineId;
    }
    if (hosts.size() < 2 || lanes < 2)
        return {filesOf(archives)};
    // The largest hosts first, each to the lane with the fewest bytes so far.
    std::stable_sort(hosts.begin(), hosts.end(), [](const Host &a, const Host &b) { return a.bytes > b.bytes; });
    QList<QStringList> split(std::min<qsizetype>(lanes, hosts.size()));
    QList<qint64> bytes(split.size(), 0);
    for (const Host &host : std::as_const(hosts)) {
        const auto lightest = std::min_element(bytes.begin(), bytes.end()) - bytes.begin();
        split[lightest] += host.files;
        bytes[lightest] += host.bytes;
    }
    return split;
}

QList<ImportOutcome> Importer::importInLanes(const QStringList &files, const QList<QStringList> &lanes)
{
    using Report = std::variant<ImportProgress, ImportOutcome>;
    std::mutex mutex;
    std::condition_variable reported;
    std::deque<Report> reports;
    qsizetype running = lanes.size();
    const auto post = [&](Report report) {
        const std::lock_guard lock(mutex);
        reports.push_back(std::move(report));
        reported.notify_one();
    };

    std::vector<std::unique_ptr<QThread>> threads;
    for (const QStringList &lane : lanes) {
        threads.emplace_back(QThread::create([&, lane, location = m_db.location(), options = m_options] {
            if (auto db = Database::open(location); !db) {
                for (const QString &file : lane) {
                    ImportOutcome failed;
                    failed.path = file;
                    failed.message = u"%1: %2"_s.arg(file, db.error().message);
                    post(failed);
                }
            } else {
                Importer importer(**db, options);
                importer.setCancelFlag(m_cancel);
                importer.setProgressHandler([&](const ImportProgress &progress) { post(progress); });
                importer.setOutcomeHandler([&](const ImportOutcome &outcome) { post(outcome); });
                importer.importEach(lane);
            }
            const std::lock_guard lock(mutex);
            --running;
            reported.notify_one();
        }));
        threads.back()->start();
    }

    // The lanes' reports, on this thread: progress counts the archives done by all lanes.
    QList<ImportOutcome> outcomes;
    m_current = ImportProgress{0, int(files.size()), {}, 0, 0};
    for (;;) {
        std::unique_lock lock(mutex);
        reported.wait(lock, [&] { return !reports.empty() || running == 0; });
        if (reports.empty())
            break;
        Report report = std::move(reports.front());
        reports.pop_front();
        lock.unlock();
        if (const auto *progress = std::get_if<ImportProgress>(&report)) {
            m_current.fileIndex = int(outcomes.size());
            m_current.path = progress->path;
            m_current.bytesDone = progress->bytesDone;
            m_current.bytesTotal = progress->bytesTotal;
            if (m_progress)
                m_progress(m_current);
        } else {
            const ImportOutcome &outcome = std::get<ImportOutcome>(report);
            m_importedSinceMatch = m_importedSinceMatch || outcome.status == ImportStatus::Imported;
            if (m_outcome)
                m_outcome(outcome);
            outcomes.append(outcome);
        }
    }
    for (auto &thread : threads)
        thread->wait();
    // In the order of `files`, as one importer gives them.
    QHash<QString, qsizetype> order;
    for (qsizetype i = files.size() - 1; i >= 0; --i)
        order.insert(files[i], i);
    std::stable_sort(outcomes.begin(), outcomes.end(), [&](const ImportOutcome &a, const ImportOutcome &b) {
        return order.value(a.path) < order.value(b.path);
    });
    return outcomes;
}

} // namespace Deck::Core
