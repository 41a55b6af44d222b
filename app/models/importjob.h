// SPDX-License-Identifier: GPL-3.0-or-later
// Importing files and folders (walked recursively for *.frec) from the GUI: the one Core::Importer, run on the
// case's intake worker (its own connection, the case's one writer), archive by archive in host and sequence order,
// each in one transaction. Progress counts archives and bytes (of the archive files) and names the current file;
// every archive's outcome is reported as it is known. cancel() stops within the archive being imported (rolled back:
// a cancel leaves only whole archives) and starts no other; the ones not started are listed in finished().
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
    int archivesDone = 0;
    int archivesTotal = 0;
    qint64 bytesDone = 0; // of the archive files, the current one in proportion to its events read
    qint64 bytesTotal = 0;
    QString currentFile; // empty when none is being imported
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
