// SPDX-License-Identifier: GPL-3.0-or-later
// Carries out the analyst's decision to trust a held archive's signer, off the GUI thread: trusts the key in the
// case (TrustStore::trust, audited) and imports the archives it had left in quarantine (Importer::importHeld), as
// `flightdeck-cli trust` does, on the case's one writer (CaseSession::writer(): after the imports queued before it,
// never beside them). progress() reports the file being imported; cancel() stops after the archive being imported is
// rolled back (the key stays trusted; archives imported before stay). finished() always comes once per start(): with
// the trust result and one outcome per archive, or with the error naming the key and the reason; never from inside
// start().
// Thread: create, start and cancel on the GUI thread; the work runs on the writer's thread. The destructor cancels
// and does not wait (JobLink).
#pragma once

#include "caseworker.h"
#include "importer.h"
#include "joblink.h"
#include "truststore.h"

#include <QObject>
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

    // Queues on `writer` (a worker connected to the case): trusting `publicKey` ("ed25519:..."), labelled `label`,
    // then importing its held archives. Ignored while a job runs.
    void start(CaseWorker &writer, const QString &publicKey, const QString &label,
               const Core::ImportOptions &options = {});
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    // done of total archives; `path` is the one being imported.
    void progress(int done, int total, const QString &path);
    void finished(const Deck::Models::TrustReport &report);

private:
    void finish(const TrustReport &report);

    std::shared_ptr<JobLink> m_link;
    bool m_running = false;
};

} // namespace Deck::Models
