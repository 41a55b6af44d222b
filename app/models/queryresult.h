// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a job on a case worker and hands its result to `done` on the thread of `context` (the GUI thread), through a
// QFutureWatcher owned by `context`: when `context` is destroyed first, the result is dropped. A job skipped because
// the case closed calls nothing. The models of the integrity and bookmarks views load their rows through it.
// Thread: the GUI thread.
#pragma once

#include "caseworker.h"

#include <QFutureWatcher>

namespace Deck::Models {

template <typename Job, typename Done> void whenDone(CaseWorker &worker, QObject *context, Job job, Done done)
{
    using Result = std::invoke_result_t<Job, Core::Database &>;
    auto *watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcher<Result>::finished, context, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        if (watcher->future().resultCount() > 0)
            done(watcher->future().result());
    });
    watcher->setFuture(worker.run(std::move(job)));
}

} // namespace Deck::Models
