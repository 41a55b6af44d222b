// SPDX-License-Identifier: GPL-3.0-or-later
#include "trustjob.h"

#include "database.h"
#include "queryresult.h"

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
    const auto ours = [this, link = m_link] { return link == m_link && m_running; };
    whenFinished(
        writer.run([link = m_link, publicKey, label, options](Database &db) {
            return trustAndImport(db, *link, publicKey, label, options);
        }),
        this,
        [this, ours](const TrustReport &report) {
            if (ours())
                finish(report);
        },
        [this, ours] { // a writer without a case (or closing) skips the job
            if (!ours())
                return;
            TrustReport report;
            report.error = tr("the trust job ended without a result; nothing is known to have changed");
            finish(report);
        });
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
