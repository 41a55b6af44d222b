// SPDX-License-Identifier: GPL-3.0-or-later
// Getting data into the open case from the GUI: the case's one writer (CaseSession::writer(), so that imports,
// pulls and Run Detections never wait behind the views' queries and never run two at once), the inbox watcher on it,
// and where pull keeps its known_hosts and downloads. Follows the CaseSession: a writer while a case is open; closing
// the case (aboutToClose) stops the inbox and waits for the job running on the writer. The inbox folder is remembered
// per case (QSettings) and watched again when that case is opened. Thread: the GUI thread; the watcher lives on the
// writer's thread.
#pragma once

#include "casesession.h"
#include "inboxwatcher.h"

#include <QObject>
#include <memory>

namespace Deck::Models {

class IntakeService : public QObject
{
    Q_OBJECT
public:
    explicit IntakeService(CaseSession &session, QObject *parent = nullptr);
    ~IntakeService() override;

    // The worker that writes to the case; nullptr while no case is open.
    CaseWorker *writer() const { return m_writer; }
    CaseSession &session() const { return m_session; }

    // The case's known_hosts and download folder: beside a SQLite case file (as flightdeck-cli pull), under the
    // application's data folder for a PostgreSQL case. Empty while no case is open.
    QString knownHostsFile() const;
    QString downloadDir() const;

    // Watches `dir` (settleMs: how long a file must stay unchanged); the result comes as inboxChanged() or
    // inboxFailed(). Stops the inbox watched before. stopInbox() also forgets the case's inbox folder.
    void watchInbox(const QString &dir, int settleMs = 2000);
    void stopInbox();
    const Pull::InboxStatus &inboxStatus() const { return m_inboxStatus; }

Q_SIGNALS:
    void inboxChanged(const Deck::Pull::InboxStatus &status);
    void inboxFailed(const QString &message);
    void inboxArchiveDone(const Deck::Core::ImportOutcome &outcome);

private:
    void caseOpened();
    void caseClosed();
    void endInbox();
    QString besideCase(const QString &suffix) const;

    CaseSession &m_session;
    CaseWorker *m_writer = nullptr; // the session's, while a case is open
    struct InboxSlot; // the watcher, created, used and deleted on the writer's thread
    std::shared_ptr<InboxSlot> m_inbox;
    std::shared_ptr<std::atomic<bool>> m_inboxCancel;
    Pull::InboxStatus m_inboxStatus;
    int m_generation = 0; // drops the start of an inbox that was stopped meanwhile
};

} // namespace Deck::Models
