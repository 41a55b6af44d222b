// SPDX-License-Identifier: GPL-3.0-or-later
#include "replaycontroller.h"

#include "database.h"
#include "replaytext.h"

using namespace Qt::StringLiterals;

namespace Deck::Models {

ReplayController::ReplayController(CaseSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_files(ReplayText::fileHeaders())
    , m_network(ReplayText::networkHeaders())
    , m_modules(ReplayText::itemHeaders(u"modules"_s))
    , m_bpf(ReplayText::itemHeaders(u"bpf"_s))
    , m_packages(ReplayText::itemHeaders(u"packages"_s))
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ReplayController::finished);
    connect(&session, &CaseSession::closed, this, [this] {
        ++m_generation;
        m_pending.reset();
        m_host.reset();
        m_worker.reset();
        reset();
    });
    connect(&session.selection(), &SelectionHub::timeChanged, this, [this](qint64 ts) {
        if (m_host && (!m_current || m_current->at != ts))
            setTime(ts);
    });
}

ReplayController::~ReplayController()
{
    m_watcher.waitForFinished();
}

ReplayListModel *ReplayController::items(const QString &check)
{
    return check == "modules"_L1 ? &m_modules : check == "bpf"_L1 ? &m_bpf : &m_packages;
}

void ReplayController::setHost(std::optional<qint64> hostId)
{
    if (hostId == m_host)
        return;
    ++m_generation;
    m_host = hostId;
    m_pending.reset();
    reset();
    if (hostId)
        request({*hostId, std::nullopt, std::nullopt});
}

void ReplayController::setTime(qint64 ts)
{
    if (m_host)
        request({*m_host, ts, std::nullopt});
}

void ReplayController::step(bool forward)
{
    if (m_host && m_current)
        request({*m_host, m_pending && m_pending->at ? m_pending->at : m_current->at, forward});
}

void ReplayController::request(Request request)
{
    if (!m_session.isOpen())
        return;
    if (m_running) {
        m_pending = request;
        return;
    }
    launch(request);
}

void ReplayController::launch(const Request &request)
{
    if (!m_worker)
        m_worker = m_session.openWorker();
    const std::optional<qint64> hubTime = m_session.selection().time();
    m_running = true;
    m_runningGeneration = m_generation;
    Q_EMIT busyChanged(true);
    m_watcher.setFuture(m_worker->run([request, hubTime](Core::Database &db) -> Core::Expected<Core::HostReplay> {
        Core::ReplayQueries queries(db);
        qint64 at = request.at.value_or(0);
        if (!request.at) {
            auto span = Core::ReplayKnowledge::load(db, request.host);
            if (!span)
                return span.error();
            const auto &[first, last] = span->span;
            at = hubTime && first && *hubTime >= *first && *hubTime <= *last ? *hubTime : first.value_or(0);
        }
        if (request.stepForward) {
            auto next = queries.neighbourEvent(request.host, at, *request.stepForward);
            if (!next)
                return next.error();
            at = next->value_or(at);
        }
        return queries.replay(request.host, at);
    }));
}

void ReplayController::finished()
{
    m_running = false;
    const auto future = m_watcher.future();
    if (!future.isCanceled() && future.resultCount() > 0 && m_runningGeneration == m_generation) {
        auto result = future.result();
        if (!result)
            Q_EMIT failed(result.error().message);
        else
            apply(std::move(*result));
    }
    if (m_pending) {
        const Request next = *m_pending;
        m_pending.reset();
        launch(next);
        return;
    }
    Q_EMIT busyChanged(false);
}

void ReplayController::apply(Core::HostReplay replay)
{
    // A part is compared with the previous position only when it was known at both: rows of a time the part is not
    // known at are not "gone", nor are the rows after it "new".
    const auto comparable = [this](Core::ReplayPart Core::HostReplay::*part, const Core::HostReplay &now) {
        return m_current && (*m_current.*part).knowledge.knowledge != Core::Knowledge::Unknown
            && (now.*part).knowledge.knowledge != Core::Knowledge::Unknown;
    };
    const bool processesComparable = comparable(&Core::HostReplay::processesPart, replay);
    QSet<qint64> before, now, isNew;
    if (processesComparable) {
        for (const Core::RunningProcess &row : m_current->processes)
            before.insert(row.process.id);
    }
    for (const Core::RunningProcess &row : replay.processes) {
        now.insert(row.process.id);
        if (processesComparable && !before.contains(row.process.id))
            isNew.insert(row.process.id);
    }
    m_goneProcesses = int((before - now).size());
    m_files.setRows(compareRows(ReplayText::fileRows(replay), m_files.rows(),
                                comparable(&Core::HostReplay::filesPart, replay)));
    m_network.setRows(compareRows(ReplayText::networkRows(replay), m_network.rows(),
                                  comparable(&Core::HostReplay::networkPart, replay)));
    m_modules.setRows(compareRows(ReplayText::itemRows(u"modules"_s, replay.modules), m_modules.rows(),
                                  comparable(&Core::HostReplay::modulesPart, replay)));
    m_bpf.setRows(compareRows(ReplayText::itemRows(u"bpf"_s, replay.bpf), m_bpf.rows(),
                              comparable(&Core::HostReplay::bpfPart, replay)));
    m_packages.setRows(compareRows(ReplayText::itemRows(u"packages"_s, replay.packages), m_packages.rows(),
                                   comparable(&Core::HostReplay::packagesPart, replay)));
    m_processes.setProcesses(replay.processes, isNew);
    const qint64 at = replay.at;
    m_current = std::move(replay);
    m_session.selection().setTime(at);
    Q_EMIT replayed();
}

void ReplayController::reset()
{
    m_current.reset();
    m_goneProcesses = 0;
    m_processes.setProcesses({}, {});
    for (ReplayListModel *model : {&m_files, &m_network, &m_modules, &m_bpf, &m_packages})
        model->setRows({});
    Q_EMIT replayed();
}

} // namespace Deck::Models
