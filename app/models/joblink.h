// SPDX-License-Identifier: GPL-3.0-or-later
// The link between a job running on a case worker (CaseWorker::run) and the GUI-thread object that started it. The
// job connects its worker-side signals to the receiver through attach() — under a lock, so that a receiver
// destroyed meanwhile is never touched; Qt drops the connections when the receiver goes. The receiver's destructor
// calls detach(), which also raises the cancel flag: the job stops at its next check and rolls back what it had
// not committed. Nobody waits, so a job queued behind a long one never blocks the GUI thread.
// Thread: attach() on the worker, detach() on the receiver's thread; cancel is read anywhere.
#pragma once

#include <QObject>
#include <atomic>
#include <functional>
#include <mutex>

namespace Deck::Models {

class JobLink
{
public:
    explicit JobLink(QObject *receiver)
        : m_receiver(receiver)
    {
    }

    // Calls connect(receiver) while the receiver lives; false when it is gone.
    bool attach(const std::function<void(QObject *receiver)> &connect)
    {
        std::lock_guard lock(m_mutex);
        if (!m_receiver)
            return false;
        connect(m_receiver);
        return true;
    }

    void detach()
    {
        std::lock_guard lock(m_mutex);
        m_receiver = nullptr;
        cancel.store(true);
    }

    std::atomic<bool> cancel{false};

private:
    std::mutex m_mutex;
    QObject *m_receiver;
};

} // namespace Deck::Models
