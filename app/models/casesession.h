// SPDX-License-Identifier: GPL-3.0-or-later
// The open case of the workstation: where it is, the worker that runs its queries, and the selection every view
// shares. open() connects off the GUI thread and emits opened() or failed(); opening another case closes this one
// first (closed(), then the selection is cleared). Views hold a CaseSession & and follow its signals.
// Thread: the GUI thread.
#pragma once

#include "caseworker.h"
#include "importer.h"
#include "selectionhub.h"

#include <QFutureWatcher>

namespace Deck::Models {

class CaseSession : public QObject
{
    Q_OBJECT
public:
    explicit CaseSession(QObject *parent = nullptr);
    ~CaseSession() override;

    bool isOpen() const { return m_open; }
    // The --db form of the case: a file path or a postgresql:// URL; empty when none is open.
    const QString &location() const { return m_location; }
    // The case as shown to a person (its file name or URL without the password).
    const QString &name() const { return m_name; }

    void open(const QString &location);
    void close();

    // The worker for quick queries (a page of rows, one process). Valid while a case is open.
    CaseWorker &worker() { return *m_worker; }
    // A worker of its own, connected to the open case, for a view that runs long queries. Owned by the caller.
    std::unique_ptr<CaseWorker> openWorker() const;
    // The case's one writer, a connection of its own (so that writes never wait behind the views' queries): imports,
    // pulls, the inbox and Run Detections queue their jobs on it, so that they run one at a time and never meet as
    // "database is locked". nullptr while no case is open. aboutToClose() comes before it goes.
    CaseWorker *writer() const { return m_writer.get(); }

    SelectionHub &selection() { return m_selection; }

    // The key that decrypts archives encrypted to the case (Case > Case Key): in memory only, never written anywhere
    // (CaseKeyActions remembers the path of its file), dropped when the case closes. Imports, pulls, the inbox and
    // releasing held archives take it through importOptions().
    const std::optional<Flight::Format::DecryptionKey> &caseKey() const { return m_caseKey; }
    void setCaseKey(std::optional<Flight::Format::DecryptionKey> key);
    // The options of every intake of the GUI (import, pull, inbox, release of held archives): the case key and the
    // rules folder of the setting (detectionjob.h), whose rules each archive's import transaction evaluates.
    Core::ImportOptions importOptions() const;

Q_SIGNALS:
    void opened(const QString &name);
    void failed(const QString &message); // names the case and the reason
    // The case is closing: the writer is still there, for objects living on its thread to be removed there.
    void aboutToClose();
    void closed();
    void caseKeyChanged();

private:
    std::unique_ptr<CaseWorker> m_worker;
    std::unique_ptr<CaseWorker> m_writer;
    QFutureWatcher<Core::Expected<QString>> m_opening;
    SelectionHub m_selection;
    QString m_location;
    QString m_name;
    bool m_open = false;
    std::optional<Flight::Format::DecryptionKey> m_caseKey;
};

} // namespace Deck::Models
