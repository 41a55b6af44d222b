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
    return int(std::count_if(outcomes.begin(), outcomes.end(), [](const ImportOutcome &o) { return o.exitCode() != 0; }));
}

namespace {

// Progress goes through the future as (file index, file count, path); the value range is the file count.
// The cancel flag is the job's own (not the future's): a cancelled future would drop the outcomes of the archives
// imported before the cancel.
void trustAndImport(QPromise<TrustReport> &promise, const QString &location, const QString &publicKey,
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
    importer.setProgressHandler([&](const ImportProgress &p) {
        promise.setProgressRange(0, p.fileCount);
        promise.setProgressValueAndText(p.fileIndex, p.path);
    });
    report.outcomes = importer.importHeld(*key);
    report.cancelled = cancel->load();
    promise.addResult(report);
}

} // namespace

TrustJob::TrustJob(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<TrustReport>::progressValueChanged, this, [this](int value) {
        Q_EMIT progress(value, m_watcher.progressMaximum(), m_watcher.progressText());
    });
    connect(&m_watcher, &QFutureWatcher<TrustReport>::finished, this, [this] {
        Q_EMIT finished(m_watcher.future().resultCount() > 0 ? m_watcher.result() : TrustReport{});
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
    m_watcher.setFuture(QtConcurrent::run(trustAndImport, location, publicKey, label, options, m_cancel));
}

void TrustJob::cancel()
{
    *m_cancel = true;
}

} // namespace Deck::Models
