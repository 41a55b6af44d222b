// SPDX-License-Identifier: GPL-3.0-or-later
#include "pulljob.h"

#include "queryresult.h"

#include <chrono>
#include <future>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::Pull;

namespace Deck::Models {

namespace {

// On a puller thread: asks the GUI thread and waits for the answer, or for a cancel.
std::optional<QByteArray> askOnGuiThread(JobLink &link, const QString &keyFile)
{
    auto answer = std::make_shared<std::promise<std::optional<QByteArray>>>();
    std::future<std::optional<QByteArray>> future = answer->get_future();
    const bool asked = link.attach([&](QObject *receiver) {
        QMetaObject::invokeMethod(
            receiver,
            [receiver, keyFile, answer] { static_cast<PullJob *>(receiver)->answerPassphrase(keyFile, answer); },
            Qt::QueuedConnection);
    });
    if (!asked)
        return std::nullopt;
    while (future.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) {
        if (link.cancel.load())
            return std::nullopt;
    }
    if (link.cancel.load()) // the job went away: the question was dropped unanswered
        return std::nullopt;
    return future.get();
}

void runPull(Database &db, const std::shared_ptr<JobLink> &link, const QStringList &hosts, PullOptions options)
{
    options.passphrase = [link](const QString &keyFile) { return askOnGuiThread(*link, keyFile); };
    FleetPuller puller(db, options);
    PullRelay relay;
    puller.setCancelFlag(&link->cancel);
    const bool attached = link->attach([&](QObject *receiver) {
        auto *job = static_cast<PullJob *>(receiver);
        QObject::connect(&puller, &FleetPuller::hostStarted, job, &PullJob::hostStarted);
        QObject::connect(&puller, &FleetPuller::progressed, job, &PullJob::progressed);
        QObject::connect(&puller, &FleetPuller::noticed, job, &PullJob::noticed);
        QObject::connect(&puller, &FleetPuller::archiveDone, job, &PullJob::archiveDone);
        QObject::connect(&puller, &FleetPuller::hostFinished, job, &PullJob::onHostFinished);
        QObject::connect(&relay, &PullRelay::ended, job, &PullJob::onEnded);
    });
    if (!attached)
        return;
    auto reports = puller.pull(hosts);
    Q_EMIT relay.ended(reports ? QString() : reports.error().message);
}

} // namespace

PullJob::PullJob(QObject *parent)
    : QObject(parent)
{
}

PullJob::~PullJob()
{
    if (m_link)
        m_link->detach();
}

void PullJob::start(CaseWorker &writer, const QStringList &hosts, PullOptions options)
{
    if (m_link)
        m_link->detach();
    m_link = std::make_shared<JobLink>(this);
    m_reports.clear();
    m_running = true;
    // The job reports its own end; a writer without a case skips it.
    whenFinished(
        writer.run([link = m_link, hosts, options](Database &db) { runPull(db, link, hosts, options); }), this, [] {},
        [this, link = m_link] {
            if (link == m_link && m_running)
                onEnded(tr("no case is open"));
        });
}

void PullJob::cancel()
{
    if (m_link)
        m_link->cancel.store(true);
}

void PullJob::onHostFinished(const HostPullReport &report)
{
    m_reports.append(report);
    Q_EMIT hostFinished(report);
}

void PullJob::onEnded(const QString &error)
{
    m_running = false;
    Q_EMIT finished(error, isCancelled());
}

void PullJob::answerPassphrase(const QString &keyFile,
                               const std::shared_ptr<std::promise<std::optional<QByteArray>>> &answer)
{
    answer->set_value(m_asker && !isCancelled() ? m_asker(keyFile) : std::nullopt);
}

} // namespace Deck::Models
