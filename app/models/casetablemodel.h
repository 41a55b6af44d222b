// SPDX-License-Identifier: GPL-3.0-or-later
// The base of a table model whose rows come from one job on the case's worker: fetch(job, apply) runs
// `job(Database &)` (returning Expected<T>) off the GUI thread and calls apply(T) on the GUI thread when it lands —
// unless another fetch() or a clear came after it (a generation number drops stale results). A failure keeps the
// rows and is reported by failed() with the store's message (it names the database and the reason).
// Thread: the GUI thread.
#pragma once

#include "casesession.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>

namespace Deck::Models {

class CaseTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit CaseTableModel(CaseSession &session, QObject *parent = nullptr);

    bool isLoading() const { return m_pending > 0; }
    const QString &lastError() const { return m_error; }

Q_SIGNALS:
    void loaded();
    void failed(const QString &message);

protected:
    CaseSession &session() const { return m_session; }
    // Drops the results of every fetch still running.
    void dropPending() { ++m_generation; }

    template <typename Job, typename Apply> void fetch(Job job, Apply apply)
    {
        using Result = std::invoke_result_t<Job, Core::Database &>; // Expected<T>
        const quint64 generation = ++m_generation;
        if (!m_session.isOpen())
            return;
        auto *watcher = new QFutureWatcher<Result>(this);
        ++m_pending;
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, apply]() mutable {
            watcher->deleteLater();
            --m_pending;
            if (generation != m_generation || watcher->future().resultCount() == 0)
                return;
            Result result = watcher->result();
            if (!result) {
                m_error = result.error().message;
                Q_EMIT failed(m_error);
                return;
            }
            m_error.clear();
            apply(std::move(*result));
            Q_EMIT loaded();
        });
        watcher->setFuture(m_session.worker().run(std::move(job)));
    }

private:
    CaseSession &m_session;
    quint64 m_generation = 0;
    int m_pending = 0;
    QString m_error;
};

} // namespace Deck::Models
