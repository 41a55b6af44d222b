// SPDX-License-Identifier: GPL-3.0-or-later
#include "importjob.h"

#include "queryresult.h"
#include "readingarchives.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;
using namespace Deck::Core;

namespace Deck::Models {

namespace {

// On the worker: Importer::importPaths(), as flightdeck-cli import runs it (SQLite: archives committed in batches;
// PostgreSQL: hosts in lanes). Each archive's outcome once its transaction is committed; progress when an archive
// starts and at most every 50 ms within one.
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
    const QStringList files = Importer::findArchives(paths);
    QHash<QString, qint64> sizes;
    ImportJobProgress progress;
    progress.archivesTotal = int(files.size());
    for (const QString &file : files) {
        sizes.insert(file, QFileInfo(file).size());
        progress.bytesTotal += sizes.value(file);
    }
    Q_EMIT relay.progressed(progress);

    // Each archive's share of progress.bytesDone: in proportion to its events read, all of it once it has an outcome.
    QHash<QString, qint64> bytesDone;
    const auto setBytesDone = [&](const QString &file, qint64 bytes) {
        qint64 &done = bytesDone[file];
        progress.bytesDone += bytes - done;
        done = bytes;
    };
    Importer importer(db, options); // reads the rules folder of CaseSession::importOptions() here, off the GUI thread
    importer.setCancelFlag(&link.cancel);
    ReadingArchives reading;
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    importer.setProgressHandler([&](const ImportProgress &p) {
        const QStringList names = reading.progressed(p).files;
        if (names == progress.reading && sinceProgress.elapsed() < 50)
            return;
        sinceProgress.restart();
        progress.reading = names;
        progress.archivesPassed = std::max(progress.archivesDone, p.fileIndex);
        if (p.bytesTotal > 0)
            setBytesDone(p.path, qint64(double(sizes.value(p.path)) * double(p.bytesDone) / double(p.bytesTotal)));
        Q_EMIT relay.progressed(progress);
    });
    QSet<QString> reported;
    importer.setOutcomeHandler([&](const ImportOutcome &outcome) {
        reported.insert(outcome.path);
        progress.reading = reading.ended(outcome.path).files;
        if (sizes.contains(outcome.path)) { // not a path that does not exist
            setBytesDone(outcome.path, sizes.value(outcome.path));
            ++progress.archivesDone;
            progress.archivesPassed = std::max(progress.archivesDone, progress.archivesPassed);
        }
        Q_EMIT relay.archiveDone(outcome);
    });
    importer.importPaths(paths); // and then the indicators (issue 10)
    progress.reading.clear();
    Q_EMIT relay.progressed(progress);
    QStringList notStarted;
    for (const QString &file : files) {
        if (!reported.contains(file))
            notStarted.append(file);
    }
    Q_EMIT relay.finished(notStarted);
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
    // The job reports its own end (ImportRelay); a writer without a case skips it: it ends here, nothing imported.
    whenFinished(
        writer.run([link = m_link, paths, options](Database &db) { runImport(db, *link, paths, options); }), this,
        [] {},
        [this, link = m_link, paths] {
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
