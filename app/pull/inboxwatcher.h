// SPDX-License-Identifier: GPL-3.0-or-later
// Watches an inbox folder (and its subfolders) that collectors push archives into (DESIGN.md "Push": upload as
// .part, then rename) and imports every complete archive through the one importer, each once.
// - Complete: a *.frec file (hidden files and *.part are never touched) that was not modified for settleMs. A copy
//   still being written keeps changing its size and time and is left for a later scan.
// - Once: the watcher remembers each file by (path, size, modification time) with its outcome and does not import
//   it again unless it changes; across restarts the importer itself answers "already imported" (by digest), so
//   nothing is ever imported twice.
// - Robust: QFileSystemWatcher plus a periodic rescan (watchers miss events: NFS, overflowing queues, folders
//   created and filled before they are watched). A malformed archive is reported (outcome "invalid") and the watcher
//   goes on; it is retried only when the file changes.
// Thread: lives on the thread that opened `db` (one writer per case) and needs that thread's event loop while
// watching; scanOnce() also works without one. Signals are emitted on that thread. Cancel an import with the flag
// given to setCancelFlag() (the archive being imported is rolled back and tried again on the next scan).
#pragma once

#include "importer.h"

#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace Deck::Pull {

struct InboxOptions
{
    QString dir;
    int settleMs = 2000; // a file is complete when it was not modified for this long
    int rescanMs = 10000; // full rescan besides the watcher's events
    Core::ImportOptions import; // the case key; an empty source records each archive's absolute path
};

struct InboxStatus
{
    QString dir;
    bool watching = false;
    int imported = 0; // this session: imported now
    int alreadyInCase = 0; // already imported or already held
    int held = 0; // quarantined (untrusted signer) or fork
    int rejected = 0; // invalid, refused or failed
    int waiting = 0; // files still being written at the last scan
    qint64 lastImportMs = 0; // UTC ms of the last archive imported, 0: none yet
    QString lastImport; // its outcome message
    QString lastError; // the last outcome that is not "in the case", or a folder error
};

class InboxWatcher : public QObject
{
    Q_OBJECT
public:
    InboxWatcher(Core::Database &db, InboxOptions options, QObject *parent = nullptr);
    ~InboxWatcher() override;

    void setCancelFlag(const std::atomic<bool> *cancel) { m_cancel = cancel; }

    // Starts watching (and scans at once). Fails when the folder does not exist or is not a folder.
    Core::Expected<void> start();
    void stop();

    // One scan: imports every complete archive not handled before, in host and sequence order, and returns their
    // outcomes. Files still being written are counted in status().waiting.
    QList<Core::ImportOutcome> scanOnce();
    // Milliseconds until the soonest waiting file may be complete; -1 when none waits.
    qint64 nextSettleInMs() const { return m_nextSettleMs; }

    const InboxStatus &status() const { return m_status; }

Q_SIGNALS:
    void archiveDone(const Deck::Core::ImportOutcome &outcome);
    void statusChanged(const Deck::Pull::InboxStatus &status);

private:
    struct Seen
    {
        qint64 size = -1;
        qint64 modifiedMs = 0;
        bool handled = false;
    };
    void scheduleScan(int delayMs);
    void count(const Core::ImportOutcome &outcome);
    bool cancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }

    Core::Database &m_db;
    InboxOptions m_options;
    const std::atomic<bool> *m_cancel = nullptr;
    QFileSystemWatcher m_watcher;
    QTimer m_rescan;
    QTimer m_soon; // debounced scan after a change or for a settling file
    QHash<QString, Seen> m_seen;
    InboxStatus m_status;
    qint64 m_nextSettleMs = -1;
    bool m_scanning = false;
};

} // namespace Deck::Pull
