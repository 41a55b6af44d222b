// SPDX-License-Identifier: GPL-3.0-or-later
// Importing files and folders (walked recursively for *.frec) from the GUI: Core::Importer::importPaths() on the
// case's intake worker (its own connection, the case's one writer), as flightdeck-cli import runs it: per host in
// sequence order, each archive all or nothing; on SQLite the archives of a few seconds share one transaction, on
// PostgreSQL hosts are imported on connections of their own at once. Progress counts bytes of the archive files
// and the archives whose outcome is known, and names the current file; each archive's outcome is reported once its
// transaction is committed. cancel() stops within the archive being imported (rolled back: a cancel leaves only
// whole archives) and starts no other; the ones not started are listed in finished().
// Thread: the GUI thread; destroying the job cancels it.
#pragma once

#include "caseworker.h"
#include "importer.h"
#include "joblink.h"

#include <QObject>
#include <memory>

namespace Deck::Models {

struct ImportJobProgress
{
    int archivesDone = 0; // with an outcome: in the case (committed), held, refused or failed
    int archivesPassed = 0; // the importer is through with them; on SQLite an outcome may wait for its batch's commit
    int archivesTotal = 0;
    qint64 bytesDone = 0; // of the archive files: those with an outcome, the others in proportion to events read
    qint64 bytesTotal = 0;
    // The names of the archives being read now (two at once in PostgreSQL's lanes; ReadingArchives), in the order they
    // started; empty when none is.
    QStringList reading;
};

class ImportJob : public QObject
{
    Q_OBJECT
public:
    explicit ImportJob(QObject *parent = nullptr);
    ~ImportJob() override;

    // Queues the import on `writer` (a worker connected to the case).
    void start(CaseWorker &writer, const QStringList &paths, const Core::ImportOptions &options = {});
    void cancel();
    bool isRunning() const { return m_running; }
    bool isCancelled() const { return m_link && m_link->cancel.load(); }

    const QList<Core::ImportOutcome> &outcomes() const { return m_outcomes; }
    const QStringList &notStarted() const { return m_notStarted; }
    const ImportJobProgress &progress() const { return m_progress; }

Q_SIGNALS:
    void progressed(const Deck::Models::ImportJobProgress &progress);
    void archiveDone(const Deck::Core::ImportOutcome &outcome);
    // The job ended; `cancelled` when cancel() stopped it, notStarted() then lists what was left.
    void finished(bool cancelled);

public Q_SLOTS: // the worker side's reports (ImportRelay), queued to this thread
    void onProgress(const Deck::Models::ImportJobProgress &progress);
    void onOutcome(const Deck::Core::ImportOutcome &outcome);
    void onFinished(const QStringList &notStarted);

private:
    std::shared_ptr<JobLink> m_link;
    QList<Core::ImportOutcome> m_outcomes;
    QStringList m_notStarted;
    ImportJobProgress m_progress;
    bool m_running = false;
};

// Emits the worker side of an import job; lives on the worker thread for the length of the job.
class ImportRelay : public QObject
{
    Q_OBJECT
Q_SIGNALS:
    void progressed(const Deck::Models::ImportJobProgress &progress);
    void archiveDone(const Deck::Core::ImportOutcome &outcome);
    void finished(const QStringList &notStarted);
};

} // namespace Deck::Models
