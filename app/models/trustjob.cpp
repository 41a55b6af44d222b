// SPDX-License-Identifier: GPL-3.0-or-later
#include "trustjob.h"

#include "database.h"

#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Deck::Models {

using namespace Deck::Core;

int TrustReport::imported() const
{
    return int(std::count_if(outcomes.begin(), outcomes.end(),
                             [](const ImportOutcome &o) { return o.status == ImportStatus::Imported; }));
}

int TrustReport::notImported() const
{
    return int(
        std::count_if(outcomes.begin(), outcomes.end(), [](const ImportOutcome &o) { return o.exitCode() != 0; }));
}

namespace {

// Progress is posted to the job's thread once per archive (the future's own progress values are throttled and
// coalesced). The cancel flag is the job's own (not the future's): a cancelled future would drop the outcomes of the
// archives imported before the cancel.
void trustAndImport(QPromise<TrustReport> &promise, TrustJob *job, const QString &location, const QString &publicKey,
                    const QString &label, const ImportOptions &options, std::shared_ptr<std::atomic<bool>> cancel)
{
    TrustReport report;
    const auto key = Flight::Format::PublicKey::fromText(publicKey);
    if (!key) {
        report.error = u"%1: not a public key: %2"_s.arg(publicKey, key.error().message);
        promise.addResult(report);
        return;
    }
    report.fingerprint = key->fingerprint();
    auto db = Database::open(location);
    if (!db) {
        report.error = db.error().message;
        promise.addResult(report);
        return;
    }
    auto trusted = TrustStore(**db).trust(*key, label);
    if (!trusted) {
        report.error = trusted.error().message;
        promise.addResult(report);
        return;
    }
    report.trust = *trusted;
    Importer importer(**db, options);
    importer.setCancelFlag(cancel.get());
    int reported = -1;
    importer.setProgressHandler([&](const ImportProgress &p) {
        if (p.fileIndex == reported)
            return;
        reported = p.fileIndex;
        // Dropped when the job is gone (its destructor waits for this function, so `job` is valid here).
        QMetaObject::invokeMethod(
            job, [job, p] { Q_EMIT job->progress(p.fileIndex, p.fileCount, p.path); }, Qt::QueuedConnection);
    });
    report.outcomes = importer.importHeld(*key);
    report.cancelled = cancel->load();
    promise.addResult(report);
}

} // namespace

TrustJob::TrustJob(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<TrustReport>::finished, this, [this] {
        TrustReport report;
        if (m_watcher.future().resultCount() > 0)
            report = m_watcher.result();
        else
            report.error = tr("the trust job ended without a result; nothing is known to have changed");
        Q_EMIT finished(report);
    });
}

TrustJob::~TrustJob()
{
    *m_cancel = true;
    m_watcher.waitForFinished();
}

void TrustJob::start(const QString &location, const QString &publicKey, const QString &label,
                     const ImportOptions &options)
{
    if (m_watcher.isRunning())
        return;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_watcher.setFuture(QtConcurrent::run(trustAndImport, this, location, publicKey, label, options, m_cancel));
}

void TrustJob::cancel()
{
    *m_cancel = true;
}

} // namespace Deck::Models
