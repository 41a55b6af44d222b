// SPDX-License-Identifier: GPL-3.0-or-later
// Drives the Replay page: the host and the time being replayed, the replay query on a worker of its own, and the
// models of the panels, each marked against the previous position. Moves while a replay runs are coalesced: the
// latest wanted position is fetched as soon as the running one ends, so dragging a slider never queues stale work.
// The time follows the selection hub's time (setTime from outside), and a position reached by stepping or by a
// first replay is set there for the other views.
// Thread: the GUI thread; queries run on the controller's own CaseWorker.
#pragma once

#include "casesession.h"
#include "replaylistmodel.h"
#include "replayqueries.h"
#include "replaytreemodel.h"

#include <QFutureWatcher>

namespace Deck::Models {

class ReplayController : public QObject
{
    Q_OBJECT
public:
    explicit ReplayController(CaseSession &session, QObject *parent = nullptr);
    ~ReplayController() override;

    // Replays `hostId` at the hub's time when it lies in the host's recording, else at the recording's start.
    void setHost(std::optional<qint64> hostId);
    std::optional<qint64> host() const { return m_host; }
    void setTime(qint64 ts);
    // To the host's next (or previous) event from the current position.
    void step(bool forward);

    // The state shown; empty before the first replay of the host.
    const std::optional<Core::HostReplay> &current() const { return m_current; }
    bool isBusy() const { return m_running; }
    int goneProcesses() const { return m_goneProcesses; }

    ReplayTreeModel *processes() { return &m_processes; }
    ReplayListModel *files() { return &m_files; }
    ReplayListModel *network() { return &m_network; }
    // check: modules | bpf | packages.
    ReplayListModel *items(const QString &check);

Q_SIGNALS:
    void replayed(); // current() changed
    void failed(const QString &message);
    void busyChanged(bool busy);

private:
    struct Request
    {
        qint64 host = 0;
        std::optional<qint64> at; // none: the hub's time if inside the recording, else the recording's start
        std::optional<bool> stepForward;
    };
    void request(Request request);
    void launch(const Request &request);
    void finished();
    void apply(Core::HostReplay replay);
    void reset();

    CaseSession &m_session;
    std::unique_ptr<CaseWorker> m_worker;
    QFutureWatcher<Core::Expected<Core::HostReplay>> m_watcher;
    std::optional<qint64> m_host;
    std::optional<Request> m_pending;
    bool m_running = false;
    qint64 m_generation = 0; // bumped when the host changes or the case closes; older results are dropped
    qint64 m_runningGeneration = 0;
    std::optional<Core::HostReplay> m_current;
    int m_goneProcesses = 0;
    ReplayTreeModel m_processes;
    ReplayListModel m_files;
    ReplayListModel m_network;
    ReplayListModel m_modules;
    ReplayListModel m_bpf;
    ReplayListModel m_packages;
};

} // namespace Deck::Models
