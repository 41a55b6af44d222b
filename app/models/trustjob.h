// SPDX-License-Identifier: GPL-3.0-or-later
// Carries out the analyst's decision to trust a held archive's signer, off the GUI thread: trusts the key in the
// case (TrustStore::trust, audited) and imports the archives it had left in quarantine (Importer::importHeld), as
// `flightdeck-cli trust` does, on a connection of its own. progress() reports the file being imported; cancel()
// stops after the archive being imported is rolled back (the key stays trusted; archives imported before stay).
// finished() always comes once per start(): with the trust result and one outcome per archive, or with the error
// naming the key and the reason.
// Thread: create, start and cancel on the GUI thread; the work runs on the global thread pool. The destructor
// cancels and waits.
#pragma once

#include "importer.h"
#include "truststore.h"

#include <QFutureWatcher>
#include <QObject>
#include <atomic>
#include <memory>

namespace Deck::Models {

struct TrustReport
{
    QString error; // empty when the key was trusted
    bool cancelled = false;
    QString fingerprint; // of the key
    Core::TrustResult trust;
    QList<Core::ImportOutcome> outcomes;

    int imported() const;
    int notImported() const; // outcomes other than imported or already imported
};

class TrustJob : public QObject
{
    Q_OBJECT
public:
    explicit TrustJob(QObject *parent = nullptr);
    ~TrustJob() override;

    // Trusts `publicKey` ("ed25519:...") in the case at `location`, labelled `label`, then imports its held
    // archives. Ignored while a job runs.
    void start(const QString &location, const QString &publicKey, const QString &label,
               const Core::ImportOptions &options = {});
    void cancel();
    bool isRunning() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    // done of total archives; `path` is the one being imported.
    void progress(int done, int total, const QString &path);
    void finished(const Deck::Models::TrustReport &report);

private:
    QFutureWatcher<TrustReport> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
};

} // namespace Deck::Models
