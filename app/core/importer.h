// SPDX-License-Identifier: GPL-3.0-or-later
// The one importer behind every intake path (folder or USB import, inbox of pushed archives, SSH pull). For each
// archive: container, manifest and signature (ArchiveReader), the signer against the keys trusted for its host (an
// unknown signer of a new host is held in quarantine; another key for a known host is refused), the sequence number
// and hash chain against the case's anchor (gaps recorded on the archive, forks held), decryption with the case key,
// every event line and the entry digest — all inside one transaction per archive, so an archive is imported
// completely or not at all, and re-importing one changes nothing.
// Thread: a plain worker; run it on any thread except the GUI's (e.g. QtConcurrent::run), with a Database opened on
// that same thread. Progress and per-file outcomes are reported through callbacks on that thread; cancel by setting
// the flag given to setCancelFlag() (the archive being imported is rolled back).
// Several importers may work on one PostgreSQL case at once (an analyst's import while the workstation pulls):
// importers of one host take turns; when two of other hosts deadlock on the paths both are adding, PostgreSQL ends
// one of the two transactions and that archive is imported again (kAttempts). On SQLite they take turns.
#pragma once

#include "archiveloader.h"
#include "chainplacement.h"
#include "detectionrule.h"
#include "importoutcome.h"
#include "keys.h"

#include <QStringList>
#include <atomic>
#include <functional>
#include <optional>

namespace Flight::Format {
class ArchiveReader;
}

namespace Deck::Core {

class Database;
class EventReadAhead;

struct ImportOptions
{
    // The case's X25519 key, for archives whose events are encrypted to it.
    std::optional<Flight::Format::DecryptionKey> caseKey;
    // Where the archives came from, e.g. "sftp://pull@web-01/var/lib/flightrec/outbox"; the source recorded for
    // an archive is this followed by '/' and the file name. Empty: the archive's absolute path.
    QString source;
    // Detection rules evaluated over each imported archive's events, inside its transaction (detector.h); empty:
    // none. A rule's failure fails the archive's import (nothing of it is kept), like any other store error.
    QList<DetectionRule> rules;
    // When `rules` is empty: the folder whose *.rule files become `rules`, read by loadRulesFolder() on the intake's
    // own thread when it starts (Importer, Pull::FleetPuller, Pull::InboxWatcher). A front end that reads its rules
    // late (the GUI: the rules-folder setting, never read on its thread) sets this, so that every intake — import,
    // pull, inbox, the release of held archives — evaluates the same rules. Empty: no rules.
    QString rulesFolder;
};

// Reads options.rulesFolder into options.rules when those are empty, once (the folder is cleared); rule files that
// cannot be used are logged and left out, the others are evaluated.
void loadRulesFolder(ImportOptions &options);

struct ImportProgress
{
    int fileIndex = 0; // 0-based index of the file being imported
    int fileCount = 0;
    QString path;
    qint64 bytesDone = 0; // of this file's events entry
    qint64 bytesTotal = 0;
};

class Importer
{
public:
    explicit Importer(Database &db, ImportOptions options = {});
    ~Importer();

    void setProgressHandler(std::function<void(const ImportProgress &)> handler) { m_progress = std::move(handler); }
    void setOutcomeHandler(std::function<void(const ImportOutcome &)> handler) { m_outcome = std::move(handler); }
    void setCancelFlag(const std::atomic<bool> *cancel) { m_cancel = cancel; }

    // Files and folders (walked recursively for *.frec); archives are imported per host in sequence order.
    QList<ImportOutcome> importPaths(const QStringList &paths);
    ImportOutcome importFile(const QString &path);
    // matchIndicatorsAfterImport() when an archive was imported since the last call. importPaths() and importHeld()
    // call it at their end; a caller of importFile() calls it after its batch.
    void matchNewData();
    // Imports the archives held in quarantine that `signer` signed (after the analyst trusted it).
    QList<ImportOutcome> importHeld(const Flight::Format::PublicKey &signer);

    // The *.frec files below `paths`, ordered by host and sequence number (unreadable ones last, by name);
    // `missing` receives paths that do not exist.
    static QStringList findArchives(const QStringList &paths, QStringList *missing = nullptr);

    // On PostgreSQL, importPaths() imports the archives of different hosts at once, on this many
    // connections of their own (importlanes.cpp): the server stores each connection's rows in a process of its own.
    static constexpr int kLanes = 2;

private:
    struct KeyRow
    {
        qint64 id = 0;
        std::optional<qint64> hostId;
        QString machineId; // of the bound host
        QString hostname;
        ChainAnchor anchor;
    };
    // An archive below findArchives()' paths and the machine id its manifest names (empty: it does not open).
    struct FoundArchive
    {
        QString file;
        QString machineId;
    };
    static QList<FoundArchive> locateArchives(const QStringList &paths, QStringList *missing);
    static QStringList filesOf(const QList<FoundArchive> &archives);
    // `files` in `lanes` (one list: on this thread; more: importInLanes()), then matchNewData().
    QList<ImportOutcome> importList(const QStringList &files, const QList<QStringList> &lanes);
    QList<ImportOutcome> importEach(const QStringList &files);
    // How long importEach() adds archives to one SQLite transaction before it commits them.
    static constexpr qint64 kBatchMs = 5000;
    // The outcome to the handler (and to the matching of indicators after the import).
    void report(const ImportOutcome &outcome);
    // Commits importEach()'s batch and reports its outcomes; when the commit fails, what had stored something failed.
    QList<ImportOutcome> commitBatch();
    // `archives` split into at most `lanes` lists, each host's archives in one list in their order; one list when
    // there is one host.
    static QList<QStringList> splitIntoLanes(const QList<FoundArchive> &archives, int lanes);
    QList<ImportOutcome> importInLanes(const QStringList &files, const QList<QStringList> &lanes);
    // How often importFile() tries an archive whose transaction lost a deadlock to another importer.
    static constexpr int kAttempts = 5;
    ImportOutcome importOnce(const QString &path, std::unique_ptr<EventReadAhead> ahead, bool *contended);
    ImportOutcome importOpened(Flight::Format::ArchiveReader &reader, ImportOutcome outcome, bool *contended);
    Expected<void> importVerified(Flight::Format::ArchiveReader &reader, ImportOutcome &outcome);
    Expected<std::optional<KeyRow>> findKey(const QString &publicKey);
    Expected<void> hold(Flight::Format::ArchiveReader &reader, ImportOutcome &outcome, const QString &reason);
    Expected<void> load(Flight::Format::ArchiveReader &reader, ImportOutcome &outcome, const KeyRow &key);
    void readAhead();
    bool cancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }

    Database &m_db;
    ImportOptions m_options;
    ImportSession m_session;
    std::function<void(const ImportProgress &)> m_progress;
    std::function<void(const ImportOutcome &)> m_outcome;
    const std::atomic<bool> *m_cancel = nullptr;
    ImportProgress m_current;
    bool m_importedSinceMatch = false;
    QList<ImportOutcome> m_batched; // importEach()'s outcomes not reported yet: their batch is not committed
    // importList()'s archive after the current one, whose events are read ahead (m_ahead) once the current one is
    // being stored; and the reading of the current archive when it was read ahead.
    QString m_nextPath;
    std::unique_ptr<EventReadAhead> m_ahead;
    EventReadAhead *m_reading = nullptr;
};

// Matches the case's indicator lists (indicatormatcher.h) after new archives came in, so that their alerts come with
// the data; nothing when cancelled. A failed match is logged: the import stands and matching on demand repeats it.
void matchIndicatorsAfterImport(Database &db, const std::atomic<bool> *cancel);

} // namespace Deck::Core
