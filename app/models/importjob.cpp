// SPDX-License-Identifier: GPL-3.0-or-later
#include "importjob.h"

#include <QElapsedTimer>
#include <QFileInfo>

using namespace Qt::StringLiterals;
using namespace Deck::Core;

namespace Deck::Models {

namespace {

// On the worker: the archives below `paths` in import order, each archive's outcome as it is known, progress at
// most every 50 ms.
void runImport(Database &db, JobLink &link, const QStringList &paths, const ImportOptions &options)
{
    ImportRelay relay;
    const bool attached = link.attach([&relay](QObject *receiver) {
        auto *job = static_cast<ImportJob *>(receiver);
        QObject::connect(&relay, &ImportRelay::progressed, job, &ImportJob::onProgress);
        QObject::connect(&relay, &ImportRelay::archiveDone, job, &ImportJob::onOutcome);
        QObject::connect(&relay, &ImportRelay::finished, job, &ImportJob::onFinished);
    });
    if (!attached)
        return;
    QStringList missing;
    const QStringList files = Importer::findArchives(paths, &missing);
    for (const QString &path : std::as_const(missing)) {
        ImportOutcome outcome;
        outcome.path = path;
        outcome.message = u"%1: no such file or folder"_s.arg(path);
        Q_EMIT relay.archiveDone(outcome);
    }
    QList<qint64> sizes;
    ImportJobProgress progress;
    progress.archivesTotal = int(files.size());
    for (const QString &file : files) {
        sizes.append(QFileInfo(file).size());
        progress.bytesTotal += sizes.constLast();
    }
    Q_EMIT relay.progressed(progress);

    Importer importer(db, options); // reads the rules folder of CaseSession::importOptions() here, off the GUI thread
    importer.setCancelFlag(&link.cancel);
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    qint64 bytesBefore = 0;
    qsizetype index = 0;
    importer.setProgressHandler([&](const ImportProgress &p) {
        if (sinceProgress.elapsed() < 50 || p.bytesTotal <= 0)
            return;
        sinceProgress.restart();
        progress.bytesDone = bytesBefore + qint64(double(sizes.at(index)) * double(p.bytesDone) / double(p.bytesTotal));
        Q_EMIT relay.progressed(progress);
    });
    for (; index < files.size() && !link.cancel.load(); ++index) {
        progress.currentFile = files.at(index);
        progress.bytesDone = bytesBefore;
        Q_EMIT relay.progressed(progress);
        const ImportOutcome outcome = importer.importFile(files.at(index));
        Q_EMIT relay.archiveDone(outcome);
        if (outcome.status == ImportStatus::Cancelled) {
            ++index; // rolled back, with its outcome
            break;
        }
        bytesBefore += sizes.at(index);
        ++progress.archivesDone;
    }
    importer.matchNewData(); // indicators (issue 10)
    progress.currentFile.clear();
    progress.bytesDone = bytesBefore;
    Q_EMIT relay.progressed(progress);
    Q_EMIT relay.finished(files.mid(index));
}

} // namespace

ImportJob::ImportJob(QObject *parent)
    : QObject(parent)
{
}

ImportJob::~ImportJob()
{
    if (m_link)
        m_link->detach();
}

void ImportJob::start(CaseWorker &writer, const QStringList &paths, const ImportOptions &options)
{
    if (m_link)
        m_link->detach(); // a job started before on this object ends
    m_link = std::make_shared<JobLink>(this);
    m_outcomes.clear();
    m_notStarted.clear();
    m_progress = {};
    m_running = true;
    auto future = writer.run([link = m_link, paths, options](Database &db) { runImport(db, *link, paths, options); });
    // A writer without a case skips the job: it ends here, nothing was imported.
    future.onCanceled(this, [this, link = m_link, paths] {
        if (link == m_link && m_running)
            onFinished(paths);
    });
}

void ImportJob::cancel()
{
    if (m_link)
        m_link->cancel.store(true);
}

void ImportJob::onProgress(const ImportJobProgress &progress)
{
    m_progress = progress;
    Q_EMIT progressed(progress);
}

void ImportJob::onOutcome(const ImportOutcome &outcome)
{
    m_outcomes.append(outcome);
    Q_EMIT archiveDone(outcome);
}

void ImportJob::onFinished(const QStringList &notStarted)
{
    m_running = false;
    m_notStarted = notStarted;
    Q_EMIT finished(isCancelled());
}

} // namespace Deck::Models
