// SPDX-License-Identifier: GPL-3.0-or-later
#include "trustjob.h"

#include "database.h"

#include <QFutureWatcher>

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

// On the writer. Progress is posted to the job once per archive, while it lives (JobLink). The cancel flag is the
// link's: the archives imported before a cancel keep their outcomes.
TrustReport trustAndImport(Database &db, JobLink &link, const QString &publicKey, const QString &label,
                           const ImportOptions &options)
{
    TrustReport report;
    const auto key = Flight::Format::PublicKey::fromText(publicKey);
    if (!key) {
        report.error = u"%1: not a public key: %2"_s.arg(publicKey, key.error().message);
        return report;
    }
    report.fingerprint = key->fingerprint();
    auto trusted = TrustStore(db).trust(*key, label);
    if (!trusted) {
        report.error = trusted.error().message;
        return report;
    }
    report.trust = *trusted;
    Importer importer(db, options);
    importer.setCancelFlag(&link.cancel);
    int reported = -1;
    importer.setProgressHandler([&](const ImportProgress &p) {
        if (p.fileIndex == reported)
            return;
        reported = p.fileIndex;
        link.attach([p](QObject *receiver) {
            auto *job = static_cast<TrustJob *>(receiver);
            // Dropped by Qt should the job go before it runs.
            QMetaObject::invokeMethod(
                job, [job, p] { Q_EMIT job->progress(p.fileIndex, p.fileCount, p.path); }, Qt::QueuedConnection);
        });
    });
    report.outcomes = importer.importHeld(*key);
    report.cancelled = link.cancel.load();
    return report;
}

} // namespace

TrustJob::TrustJob(QObject *parent)
    : QObject(parent)
{
}

TrustJob::~TrustJob()
{
    if (m_link)
        m_link->detach();
}

void TrustJob::start(CaseWorker &writer, const QString &publicKey, const QString &label, const ImportOptions &options)
{
    if (m_running)
        return;
    m_link = std::make_shared<JobLink>(this);
    m_running = true;
    // A watcher, not QFuture::then(this, ...): when the worker had already finished the job (a key that does not
    // parse, a writer without a case) before the continuation was attached, Qt ran it at once, so finished() was
    // emitted inside start(), before the caller could wait for it (tst_hostspage under load, 6 of 60 runs). A watcher
    // reports through the event loop, always after start() has returned.
    auto *watcher = new QFutureWatcher<TrustReport>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, link = m_link] {
        watcher->deleteLater();
        if (link != m_link || !m_running)
            return;
        const QFuture<TrustReport> future = watcher->future();
        if (!future.isCanceled() && future.resultCount() > 0) {
            finish(future.result());
            return;
        }
        // A writer without a case (or closing) skips the job.
        TrustReport report;
        report.error = tr("the trust job ended without a result; nothing is known to have changed");
        finish(report);
    });
    watcher->setFuture(writer.run([link = m_link, publicKey, label, options](Database &db) {
        return trustAndImport(db, *link, publicKey, label, options);
    }));
}

void TrustJob::finish(const TrustReport &report)
{
    m_running = false;
    Q_EMIT finished(report);
}

void TrustJob::cancel()
{
    if (m_link)
        m_link->cancel.store(true);
}

} // namespace Deck::Models
