// SPDX-License-Identifier: GPL-3.0-or-later
// How a job's end on a case worker reaches the GUI thread: through a QFutureWatcher owned by `context`, so always
// through the thread's event loop, after the call that started the job has returned (QFuture::then(context, ...) and
// onCanceled(context, ...) run their continuation at once, inside that call, when the worker was already done: a job
// then reported its end before its caller was ready for it). When `context` is destroyed first, nothing is called.
// Thread: the GUI thread.
#pragma once

#include "caseworker.h"

#include <QFutureWatcher>

namespace Deck::Models {

// Calls `done` with the future's result (or with nothing, for a QFuture<void>) when the job ran, or `skipped` when the
// worker skipped it (no case open, or closing), on the thread of `context`.
template <typename T, typename Done, typename Skipped>
void whenFinished(const QFuture<T> &future, QObject *context, Done done, Skipped skipped)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, done = std::move(done), skipped = std::move(skipped)]() mutable {
                         watcher->deleteLater();
                         const QFuture<T> ended = watcher->future();
                         if constexpr (std::is_void_v<T>) {
                             ended.isCanceled() ? skipped() : done();
                         } else if (!ended.isCanceled() && ended.resultCount() > 0) {
                             done(ended.result());
                         } else {
                             skipped();
                         }
                     });
    watcher->setFuture(future);
}

// Runs `job` on `worker` and hands its result to `done` on the thread of `context`; a skipped job calls nothing.
template <typename Job, typename Done> void whenDone(CaseWorker &worker, QObject *context, Job job, Done done)
{
    whenFinished(worker.run(std::move(job)), context, std::move(done), [] {});
}

} // namespace Deck::Models
