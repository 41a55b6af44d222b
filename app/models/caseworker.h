// SPDX-License-Identifier: GPL-3.0-or-later
// A thread that owns one connection to a case and runs queries on it, so that the GUI thread never runs SQL.
// open() connects in the worker thread; run(job) queues `job(Database &)` there and returns a QFuture with its
// result. Jobs run one at a time, in the order queued; a job whose future was cancelled before it started is skipped.
// A page that runs long queries (a full tree, a timeline) opens its own worker (CaseSession::openWorker()) so that
// quick lookups of other pages never wait behind it.
// Thread: create, run() and destroy on one thread (the GUI thread). The destructor skips the jobs still queued
// (their futures are cancelled), waits for the running one and closes the connection in the worker thread.
#pragma once

#include "database.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThread>
#include <atomic>
#include <memory>
#include <type_traits>

namespace Deck::Models {

class CaseWorker : public QObject
{
    Q_OBJECT
public:
    explicit CaseWorker(QObject *parent = nullptr);
    ~CaseWorker() override;

    // Connects to `location` (a case file or a postgresql:// URL), migrating it as Database::open does. The future's
    // value is the case's display name, or the error naming the database and the reason.
    QFuture<Core::Expected<QString>> open(const QString &location);

    // Queues `job` for the worker thread. Before a successful open() the job is skipped and the future is cancelled.
    template <typename Job> auto run(Job job) -> QFuture<std::invoke_result_t<Job, Core::Database &>>
    {
        using Result = std::invoke_result_t<Job, Core::Database &>;
        auto promise = std::make_shared<QPromise<Result>>();
        auto future = promise->future();
        promise->start();
        post([this, promise, job = std::move(job)]() mutable {
            if (promise->isCanceled() || !m_database || m_closing) {
                promise->future().cancel();
            } else if constexpr (std::is_void_v<Result>) {
                job(*m_database);
            } else {
                promise->addResult(job(*m_database));
            }
            promise->finish();
        });
        return future;
    }

private:
    void post(std::function<void()> task);

    std::atomic<bool> m_closing = false;
    QThread m_thread;
    QObject *m_context = nullptr; // lives in m_thread; tasks run in its thread
    std::unique_ptr<Core::Database> m_database; // used only in m_thread
};

} // namespace Deck::Models
