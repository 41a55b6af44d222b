// SPDX-License-Identifier: GPL-3.0-or-later
#include "indicatorupdater.h"

#include "indicatormatcher.h"
#include "indicatorsync.h"
#include "queryresult.h"

#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;
using namespace Deck::Core;

namespace Deck::Models {

namespace {

const QString kRefreshKey = u"indicators/refreshMinutes"_s;

// Adding never replaces a list silently: the analyst updates it, or picks another name.
std::optional<Error> nameTaken(Database &db, const QString &name)
{
    if (auto existing = IndicatorStore(db).list(name); existing)
        return Error{IndicatorUpdater::tr("An indicator list named \u201c%1\u201d exists (from %2): update it, or "
                                          "choose another name.")
                         .arg(name, existing->source)};
    return std::nullopt;
}

} // namespace

IndicatorUpdater::IndicatorUpdater(CaseSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(&m_fetcher, &IndicatorFetcher::progress, this, [this](qint64 done, qint64 total) {
        Q_EMIT progress(m_current ? tr("Fetching %1").arg(m_current->name) : QString(), done, total);
    });
    connect(&m_fetcher, &IndicatorFetcher::finished, this, [this](const FetchResult &fetched) {
        if (!m_current || !writer())
            return;
        const Task task = *m_current;
        whenDone(
            *writer(), this,
            [task, fetched](Database &db) -> Expected<IndicatorListUpdate> {
                if (task.kind == Kind::AddUrl)
                    if (auto taken = nameTaken(db, task.name))
                        return *taken;
                return applyFetchResult(db, task.name, task.source, fetched);
            },
            [this, task](const Expected<IndicatorListUpdate> &update) { stored(task, update); });
    });
    connect(&session, &CaseSession::opened, this, [this] { restartTimer(); });
    // The writer waits for its running job as it goes: a match in progress stops first.
    connect(&session, &CaseSession::aboutToClose, this, &IndicatorUpdater::cancel);
    connect(&session, &CaseSession::closed, this, [this] {
        cancel();
        m_refresh.stop();
        m_queue.clear();
        m_current.reset();
        setBusy(false);
    });
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        if (!m_busy)
            updateAll(true);
    });
}

IndicatorUpdater::~IndicatorUpdater()
{
    m_cancel->store(true);
}

int IndicatorUpdater::refreshMinutes()
{
    return std::max(0, QSettings().value(kRefreshKey, 60).toInt());
}

void IndicatorUpdater::setRefreshMinutes(int minutes)
{
    QSettings().setValue(kRefreshKey, std::max(0, minutes));
    restartTimer();
}

void IndicatorUpdater::restartTimer()
{
    const int minutes = refreshMinutes();
    if (minutes > 0 && writer())
        m_refresh.start(minutes * 60 * 1000);
    else
        m_refresh.stop();
}

void IndicatorUpdater::addFile(const QString &path, const QString &name)
{
    enqueue({{Kind::AddFile, name.isEmpty() ? defaultIndicatorListName(path) : name,
              QFileInfo(path).absoluteFilePath(), {}}});
}

void IndicatorUpdater::addUrl(const QString &url, const QString &name)
{
    enqueue({{Kind::AddUrl, name.isEmpty() ? defaultIndicatorListName(url) : name, url, {}}});
}

void IndicatorUpdater::remove(const QString &name)
{
    enqueue({{Kind::Remove, name, {}, {}}});
}

void IndicatorUpdater::matchNow()
{
    enqueue({});
}

void IndicatorUpdater::updateAll(bool urlsOnly)
{
    if (!writer() || m_busy)
        return;
    setBusy(true);
    whenDone(
        *writer(), this, [](Database &db) { return IndicatorStore(db).lists(); },
        [this, urlsOnly](const Expected<QList<IndicatorListInfo>> &lists) {
            setBusy(false);
            if (!lists) {
                Q_EMIT finished(lists.error().message, true);
                return;
            }
            QList<Task> tasks;
            for (const IndicatorListInfo &list : *lists)
                if (list.fromUrl || !urlsOnly)
                    tasks.append({Kind::Refresh, list.name, list.source, list});
            if (!tasks.isEmpty())
                enqueue(tasks);
        });
}

void IndicatorUpdater::cancel()
{
    m_cancel->store(true);
    m_queue.clear();
    m_fetcher.cancel();
}

void IndicatorUpdater::enqueue(const QList<Task> &tasks)
{
    if (!writer() || m_busy)
        return;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_queue = tasks;
    m_messages.clear();
    m_failed = false;
    m_changed = false;
    setBusy(true);
    runNext();
}

void IndicatorUpdater::runNext()
{
    if (m_cancel->load() || m_queue.isEmpty()) {
        m_current.reset();
        finishRun();
        return;
    }
    m_current = m_queue.takeFirst();
    runTask(*m_current);
}

void IndicatorUpdater::runTask(const Task &task)
{
    Q_EMIT progress(task.name, 0, -1);
    if (task.kind == Kind::AddUrl || (task.kind == Kind::Refresh && task.list.fromUrl)) {
        m_fetcher.setLimits(m_limits);
        m_fetcher.start(QUrl(task.source), task.list.etag, task.list.lastModified);
        return;
    }
    if (task.kind == Kind::Remove) {
        whenDone(
            *writer(), this, [name = task.name](Database &db) { return IndicatorStore(db).remove(name); },
            [this, task](const Expected<void> &removed) {
                m_current.reset();
                Q_EMIT finished(removed ? tr("%1: removed (its alerts stay)").arg(task.name) : removed.error().message,
                                !removed);
                setBusy(false);
                Q_EMIT changed(); // nothing to match
            });
        return;
    }
    const FetchLimits limits = m_limits;
    whenDone(
        *writer(), this,
        [task, limits](Database &db) -> Expected<IndicatorListUpdate> {
            if (task.kind == Kind::Refresh)
                return refreshIndicatorList(db, task.list, limits);
            if (auto taken = nameTaken(db, task.name))
                return *taken;
            auto bytes = readIndicatorFile(task.source, limits.maxBytes);
            if (!bytes)
                return bytes.error();
            return applyIndicatorList(db, task.name, task.source, *bytes);
        },
        [this, task](const Expected<IndicatorListUpdate> &update) { stored(task, update); });
}

void IndicatorUpdater::stored(const Task &task, const Expected<IndicatorListUpdate> &update)
{
    if (!update) {
        m_failed = true;
        m_messages.append(tr("%1: %2").arg(task.name, update.error().message));
    } else {
        const ParsedIndicators &parsed = update->parsed;
        switch (update->outcome) {
        case IndicatorListUpdate::Outcome::Added:
        case IndicatorListUpdate::Outcome::Replaced:
            m_changed = true;
            m_messages.append(tr("%1: %2 indicators").arg(task.name).arg(parsed.indicators.size()));
            if (parsed.badLines > 0) {
                m_failed = true;
                const IndicatorProblem &first = parsed.problems.constFirst();
                m_messages.append(tr("%1 lines rejected (line %2: %3)").arg(parsed.badLines).arg(first.line).arg(
                    first.reason));
            }
            break;
        case IndicatorListUpdate::Outcome::Unchanged:
        case IndicatorListUpdate::Outcome::NotModified:
            m_messages.append(tr("%1: unchanged").arg(task.name));
            break;
        }
    }
    runNext();
}

void IndicatorUpdater::finishRun()
{
    if (!writer()) {
        setBusy(false);
        return;
    }
    if (m_cancel->load()) {
        m_messages.append(tr("Cancelled."));
        Q_EMIT finished(m_messages.join(u"; "_s), true);
        setBusy(false);
        if (m_changed)
            Q_EMIT changed();
        return;
    }
    Q_EMIT progress(tr("Matching"), 0, -1);
    whenDone(
        *writer(), this, [cancel = m_cancel](Database &db) { return matchIndicators(db, {}, cancel.get()); },
        [this](const Expected<IndicatorMatchSummary> &matched) {
            if (!matched) {
                m_failed = true;
                m_messages.append(matched.error().message);
            } else {
                m_messages.append(tr("%n new match(es)", nullptr, int(matched->alertsRaised)));
            }
            Q_EMIT finished(m_messages.join(u"; "_s), m_failed);
            setBusy(false);
            Q_EMIT changed();
        });
}

void IndicatorUpdater::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

} // namespace Deck::Models
