// SPDX-License-Identifier: GPL-3.0-or-later
// The indicator work of the GUI: add a list from a file or a URL, update the lists (files re-read, URLs re-fetched
// with conditional requests), remove one, match them all — one after the other, then a match of the case. URLs are
// fetched on the GUI thread (IndicatorFetcher: nothing blocks), lists are stored and matched on the case's one writer
// (CaseSession::writer(): after the imports queued before, never beside them). Progress and cancel; one line of outcome
// per run.
// While a case is open, the URL lists are refreshed every refreshMinutes() (QSettings "indicators/refreshMinutes",
// default 60, 0: never).
// Thread: the GUI thread.
#pragma once

#include "casesession.h"
#include "indicatorfetcher.h"
#include "indicatorsync.h"

#include <QTimer>
#include <atomic>

namespace Deck::Models {

class IndicatorUpdater : public QObject
{
    Q_OBJECT
public:
    explicit IndicatorUpdater(CaseSession &session, QObject *parent = nullptr);
    ~IndicatorUpdater() override;

    bool busy() const { return m_busy; }
    void addFile(const QString &path, const QString &name);
    void addUrl(const QString &url, const QString &name);
    // Every list, or (urlsOnly, the periodic refresh) only those from URLs.
    void updateAll(bool urlsOnly = false);
    void remove(const QString &name);
    void matchNow();
    void cancel();

    static int refreshMinutes();
    void setRefreshMinutes(int minutes);
    void setFetchLimits(const Core::FetchLimits &limits) { m_limits = limits; }

Q_SIGNALS:
    void busyChanged(bool busy);
    void progress(const QString &label, qint64 done, qint64 total); // total -1: unknown
    void finished(const QString &message, bool failed);
    void changed(); // lists or matches changed: views reload

private:
    enum class Kind { AddFile, AddUrl, Refresh, Remove };
    struct Task
    {
        Kind kind = Kind::Refresh;
        QString name;
        QString source;
        Core::IndicatorListInfo list; // Refresh
    };

    void enqueue(const QList<Task> &tasks);
    void runNext();
    void runTask(const Task &task);
    void stored(const Task &task, const Core::Expected<Core::IndicatorListUpdate> &update);
    void finishRun();
    void setBusy(bool busy);
    void restartTimer();

    // The case's writer; null while no case is open.
    CaseWorker *writer() const { return m_session.writer(); }

    CaseSession &m_session;
    Core::IndicatorFetcher m_fetcher;
    Core::FetchLimits m_limits;
    QTimer m_refresh;
    QList<Task> m_queue;
    std::optional<Task> m_current;
    QStringList m_messages;
    bool m_failed = false;
    bool m_busy = false;
    bool m_changed = false;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
};

} // namespace Deck::Models
