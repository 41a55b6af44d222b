// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer.h"

#include "archiveerror.h"
#include "archivereader.h"
#include "auditlog.h"
#include "database.h"
#include "indicatormatcher.h"
#include "keptstatements.h"
#include "pipelinedreader.h"

#include <QCollator>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Flight::Format;

Q_LOGGING_CATEGORY(lcImport, "flightdeck.import", QtInfoMsg)

namespace Deck::Core {

Importer::Importer(Database &db, ImportOptions options)
    : m_db(db)
    , m_options(std::move(options))
{
    loadRulesFolder(m_options);
}

Importer::~Importer() = default;

QStringList Importer::findArchives(const QStringList &paths, QStringList *missing)
{
    return filesOf(locateArchives(paths, missing));
}

QStringList Importer::filesOf(const QList<FoundArchive> &archives)
{
    QStringList files;
    for (const FoundArchive &archive : archives)
        files.append(archive.file);
    return files;
}

QList<Importer::FoundArchive> Importer::locateArchives(const QStringList &paths, QStringList *missing)
{
    QStringList files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            if (missing)
                missing->append(path);
        } else if (info.isDir()) {
            QDirIterator it(path, {u"*.frec"_s}, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                files.append(it.next());
        } else {
            files.append(path);
        }
    }
    // Per host (machine id, then signer) in sequence order, so that each chain is checked link by link.
    struct Entry
    {
        QString file;
        bool readable;
        QString machineId;
        QString signer;
        qint64 seq;
    };
    QList<Entry> entries;
    for (const QString &file : std::as_const(files)) {
        ArchiveReader reader(file);
        const bool readable = reader.open().ok();
        entries.append({file, readable, readable ? reader.manifest().host.machineId : QString(),
                        readable ? reader.manifest().signer : QString(), readable ? reader.manifest().seq : 0});
    }
    QCollator collator;
    collator.setNumericMode(true);
    std::stable_sort(entries.begin(), entries.end(), [&](const Entry &a, const Entry &b) {
        if (a.readable != b.readable)
            return a.readable;
        if (a.readable && std::tie(a.machineId, a.signer, a.seq) != std::tie(b.machineId, b.signer, b.seq))
            return std::tie(a.machineId, a.signer, a.seq) < std::tie(b.machineId, b.signer, b.seq);
        return collator.compare(a.file, b.file) < 0;
    });
    QList<FoundArchive> ordered;
    for (const Entry &entry : std::as_const(entries))
        ordered.append({entry.file, entry.machineId});
    return ordered;
}

QList<ImportOutcome> Importer::importPaths(const QStringList &paths)
{
    QStringList missing;
    const QList<FoundArchive> found = locateArchives(paths, &missing);
    const QStringList files = filesOf(found);
    QList<ImportOutcome> outcomes;
    for (const QString &path : std::as_const(missing)) {
        ImportOutcome outcome;
        outcome.path = path;
        outcome.message = u"%1: no such file or folder"_s.arg(path);
        if (m_outcome)
            m_outcome(outcome);
        outcomes.append(outcome);
    }
    const QList<QStringList> lanes
        = m_db.engine() == Engine::Postgres ? splitIntoLanes(found, kLanes) : QList<QStringList>{files};
    return outcomes + importList(files, lanes);
}

QList<ImportOutcome> Importer::importList(const QStringList &files, const QList<QStringList> &lanes)
{
    QList<ImportOutcome> outcomes = lanes.size() > 1 ? importInLanes(files, lanes) : importEach(files);
    matchNewData();
    return outcomes;
}

QList<ImportOutcome> Importer::importEach(const QStringList &files)
{
    QList<ImportOutcome> outcomes;
    m_current = ImportProgress{0, int(files.size()), {}, 0, 0};
    // SQLite: the archives of five seconds or so go into one transaction, each in a savepoint (Database::beginBatch).
    // Committed one by one, each archive of a large case wrote every index page it touched to the write-ahead log,
    // and the next archive touched most of them again. Their outcomes are reported once the batch is committed.
    QElapsedTimer batchAge;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString &file = files[i];
        if (cancelled())
            break;
        m_nextPath = files.value(i + 1);
        m_current.path = file;
        m_current.bytesDone = m_current.bytesTotal = 0;
        if (m_progress)
            m_progress(m_current);
        // Never inside a caller's transaction (none imports in one today): there the archives stay as they were.
        if (m_db.engine() == Engine::Sqlite && !m_db.inTransaction() && !m_db.inBatch() && m_db.beginBatch())
            batchAge.start();
        const ImportOutcome outcome = importFile(file);
        if (!m_db.inBatch())
            outcomes.append(outcome);
        else if (batchAge.elapsed() >= kBatchMs || m_db.batchLost())
            outcomes += commitBatch();
        ++m_current.fileIndex;
    }
    if (m_db.inBatch()) // the last archives, or those before a cancel
        outcomes += commitBatch();
    m_nextPath.clear();
    m_ahead.reset();
    return outcomes;
}

void Importer::matchNewData()
{
    if (std::exchange(m_importedSinceMatch, false))
        matchIndicatorsAfterImport(m_db, m_cancel);
}

void loadRulesFolder(ImportOptions &options)
{
    const QString folder = std::exchange(options.rulesFolder, QString());
    if (folder.isEmpty() || !options.rules.isEmpty())
        return;
    const DetectionRuleSet set = loadDetectionRules(folder);
    for (const QString &error : set.errors)
        qCWarning(lcImport) << "detection rule skipped:" << error;
    options.rules = set.rules;
}

void matchIndicatorsAfterImport(Database &db, const std::atomic<bool> *cancel)
{
    if (cancel && cancel->load(std::memory_order_relaxed))
        return;
    // The import stands whatever the matching says: a failure is logged and the next match (on demand) repeats it.
    if (auto matched = matchIndicators(db, {}, cancel); !matched)
        qCWarning(lcImport) << "indicators not matched after the import:" << matched.error().message;
    else if (matched->alertsRaised > 0)
        qCInfo(lcImport) << matched->alertsRaised << "indicator alerts raised";
}

QList<ImportOutcome> Importer::importHeld(const PublicKey &signer)
{
    QStringList files;
    auto rows = m_db.query(u"SELECT path FROM held_archives WHERE signer = ? AND reason = 'untrusted signer' "
                           u"ORDER BY seq"_s,
                           {signer.toText()});
    if (!rows) {
        ImportOutcome failed;
        failed.message = rows.error().message;
        return {failed};
    }
    while (rows->next())
        files.append(rows->value(0).toString());
    return importList(files, {files}); // one signer's archives: one host, one lane
}

ImportOutcome Importer::importFile(const QString &path)
{
    // Read ahead while the previous archive was stored: opened, and its events on their way.
    std::unique_ptr<EventReadAhead> ahead = m_ahead && m_ahead->reader().path() == path ? std::move(m_ahead) : nullptr;
    m_ahead.reset();
    ImportOutcome outcome;
    // An import that PostgreSQL chose to end to break a deadlock with another importer (both interning the same
    // new paths) was rolled back whole; it runs again, from a reader of its own.
    for (int attempt = 1;; ++attempt) {
        bool contended = false;
        outcome = importOnce(path, std::exchange(ahead, nullptr), &contended);
        if (!contended || attempt == kAttempts || cancelled())
            break;
        qCInfo(lcImport).noquote() << outcome.message << "- importing it again";
    }
    qCDebug(lcImport) << outcome.message;
    if (m_db.inBatch())
        m_batched.append(outcome); // reported when the batch is committed
    else
        report(outcome);
    return outcome;
}

void Importer::report(const ImportOutcome &outcome)
{
    m_importedSinceMatch = m_importedSinceMatch || outcome.status == ImportStatus::Imported;
    if (m_outcome)
        m_outcome(outcome);
}

QList<ImportOutcome> Importer::commitBatch()
{
    QList<ImportOutcome> batch = std::exchange(m_batched, {});
    if (auto committed = m_db.endBatch(); !committed) {
        m_session.paths.clear(); // ids interned in the batch are gone
        QString cause = committed.error().message;
        const auto failed = std::find_if(batch.crbegin(), batch.crend(),
                                         [](const ImportOutcome &o) { return o.status == ImportStatus::Failed; });
        if (failed != batch.crend())
            cause += u" (after %1)"_s.arg(failed->message); // what the engine gave up on
        for (ImportOutcome &outcome : batch) {
            if (!outcome.storedSomething())
                continue;
            outcome.status = ImportStatus::Failed;
            outcome.chain.clear();
            outcome.message = u"%1: nothing of it was stored: %2"_s.arg(outcome.path, cause);
        }
    }
    for (const ImportOutcome &outcome : std::as_const(batch))
        report(outcome);
    return batch;
}

ImportOutcome Importer::importOnce(const QString &path, std::unique_ptr<EventReadAhead> ahead, bool *contended)
{
    ImportOutcome outcome;
    outcome.path = path;
    std::optional<ArchiveReader> own;
    ArchiveReader &reader = ahead ? ahead->reader() : own.emplace(path);
    if (auto opened = ahead ? Expected<void>() : reader.open(); !opened) {
        outcome.status = reasonOf(opened.error()) == Reason::Io ? ImportStatus::Failed : ImportStatus::Invalid;
        outcome.message = opened.error().message;
        return outcome;
    }
    m_reading = ahead.get();
    outcome = importOpened(reader, std::move(outcome), contended);
    m_reading = nullptr;
    return outcome;
}

ImportOutcome Importer::importOpened(ArchiveReader &reader, ImportOutcome outcome, bool *contended)
{
    const Manifest &manifest = reader.manifest();
    outcome.hostname = manifest.host.hostname;
    outcome.machineId = manifest.host.machineId;
    outcome.digest = reader.digest();
    outcome.signerFingerprint = reader.signer().fingerprint();
    outcome.seq = manifest.seq;
    outcome.events = manifest.tally.events;
    if (reader.encrypted()) {
        const QString recipient = manifest.encryption->recipient;
        const auto recipientKey = RecipientKey::fromText(recipient);
        const QString shown = recipientKey ? recipientKey->fingerprint() : recipient;
        if (!m_options.caseKey) {
            outcome.message
                = u"%1: the events are encrypted to %2; give the case key to import them"_s.arg(outcome.path, shown);
            return outcome;
        }
        if (m_options.caseKey->recipient().toText() != recipient) {
            outcome.message = u"%1: the events are encrypted to %2, not to the case key %3"_s.arg(
                outcome.path, shown, m_options.caseKey->recipient().fingerprint());
            return outcome;
        }
    }
    if (auto begun = m_db.begin(); !begun) {
        outcome.message = u"%1: %2"_s.arg(outcome.path, begun.error().message);
        return outcome;
    }
    auto done = importVerified(reader, outcome);
    if (done)
        return outcome;
    m_db.rollback();
    m_session.paths.clear(); // ids interned in the rolled-back transaction are gone
    const int code = done.error().code;
    *contended = code == int(StoreReason::Contention);
    if (code == int(Reason::Cancelled) && cancelled()) {
        outcome.status = ImportStatus::Cancelled;
        outcome.message = u"%1: import cancelled; nothing of it was imported"_s.arg(outcome.path);
    } else if (code > 0 && code < int(StoreReason::BadLocation) && code != int(Reason::Io)) {
        outcome.status = ImportStatus::Invalid;
        outcome.message = done.error().message;
    } else {
        outcome.status = ImportStatus::Failed;
        outcome.message = done.error().message.startsWith(outcome.path)
            ? done.error().message
            : u"%1: %2"_s.arg(outcome.path, done.error().message);
    }
    return outcome;
}

Expected<std::optional<Importer::KeyRow>> Importer::findKey(const QString &publicKey)
{
    auto kept = m_db.keptQuery(u"SELECT k.id, k.host_id, h.machine_id, h.hostname, k.last_seq, k.last_digest "
                               u"FROM host_keys k LEFT JOIN hosts h ON h.id = k.host_id WHERE k.public_key = ?"_s,
                               {publicKey});
    if (!kept)
        return kept.error();
    QSqlQuery *rows = *kept;
    if (!rows->next())
        return std::optional<KeyRow>();
    KeyRow key;
    key.id = rows->value(0).toLongLong();
    if (!rows->value(1).isNull())
        key.hostId = rows->value(1).toLongLong();
    key.machineId = rows->value(2).toString();
    key.hostname = rows->value(3).toString();
    key.anchor.keyId = key.id;
    if (!rows->value(4).isNull())
        key.anchor.lastSeq = rows->value(4).toLongLong();
    key.anchor.lastDigest = rows->value(5).toString();
    rows->finish();
    return std::optional<KeyRow>(key);
}

// Runs inside the archive's transaction. On success the transaction is committed (something was recorded) or
// rolled back (nothing changed); on failure the caller rolls back.
Expected<void> Importer::importVerified(ArchiveReader &reader, ImportOutcome &outcome)
{
    const Manifest &manifest = reader.manifest();
    const QString host = u"host %1 (machine-id %2)"_s.arg(manifest.host.hostname, manifest.host.machineId);
    if (m_db.engine() == Engine::Postgres) {
        // Importers of one host take turns, so that chain checks and process rows see each other's work.
        // Every statement of the import is a small staging table driving index lookups. The planner's statistics
        // lag behind a bulk import (a table that was empty looks empty), and a sequential scan chosen on them turns
        // each lookup into a scan of the table; so, for this transaction only (set_config(..., true): SET LOCAL),
        // scans and hash/merge joins of the case's tables are priced out. The import's own ANALYZEs sample 3,000
        // rows instead of 30,000 (statistics target 10): enough to price index lookups, and a tenth of the cost
        // (ANALYZE was 8 % of a 400k-event import); autovacuum takes the full statistics later. One statement: one
        // round trip.
        if (auto locked = executeKept(
                m_db,
                u"SELECT pg_advisory_xact_lock(hashtext(CAST(? AS TEXT))), set_config('enable_seqscan', 'off', true), "
                u"set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true), "
                u"set_config('jit', 'off', true), set_config('default_statistics_target', '10', true)"_s,
                {manifest.host.machineId});
            !locked)
            return locked;
    }
    auto imported = scalarKept(m_db, u"SELECT seq FROM archives WHERE digest = ?"_s, {reader.digest()});
    if (!imported)
        return imported.error();
    if (!imported->isNull()) {
        outcome.status = ImportStatus::AlreadyImported;
        outcome.message
            = u"%1: already imported (%2, seq %3); nothing changed"_s.arg(outcome.path, host).arg(manifest.seq);
        m_db.rollback();
        return {};
    }
    auto key = findKey(manifest.signer);
    if (!key)
        return key.error();
    // A held archive stays held, unless it waited for its signer and the signer is trusted now.
    auto held = scalarKept(m_db, u"SELECT reason FROM held_archives WHERE digest = ?"_s, {reader.digest()});
    if (!held)
        return held.error();
    if (!held->isNull() && (held->toString() != "untrusted signer"_L1 || !*key)) {
        outcome.status = ImportStatus::AlreadyHeld;
        outcome.message = u"%1: already held in quarantine (%2); nothing changed"_s.arg(outcome.path, held->toString());
        m_db.rollback();
        return {};
    }
    auto hostRow = scalarKept(m_db, u"SELECT id FROM hosts WHERE machine_id = ?"_s, {manifest.host.machineId});
    if (!hostRow)
        return hostRow.error();
    const QString signer = reader.signer().fingerprint();
    if (*key && (*key)->hostId && (*key)->machineId != manifest.host.machineId) {
        outcome.status = ImportStatus::Refused;
        outcome.message
            = u"%1: REFUSED: signed by %2, the key trusted for host %3 (machine-id %4), but the archive "
              u"says it comes from %5"_s.arg(outcome.path, signer, (*key)->hostname, (*key)->machineId, host);
    } else if (!*key && !hostRow->isNull()) {
        auto trusted = m_db.scalar(u"SELECT fingerprint FROM host_keys WHERE host_id = ? ORDER BY id DESC"_s,
                                   {hostRow->toLongLong()});
        if (!trusted)
            return trusted.error();
        outcome.status = ImportStatus::Refused;
        outcome.message = u"%1: REFUSED: %2 is trusted with key %3, but this archive is signed by %4; if the host's "
                          u"key really changed, trust the new key for it (flightdeck-cli trust --host %5 KEY)"_s.arg(
                              outcome.path, host, trusted->toString(), signer, manifest.host.machineId);
    }
    if (outcome.status == ImportStatus::Refused) {
        if (auto logged = appendAudit(m_db, u"refuse"_s, outcome.path, outcome.message); !logged)
            return logged;
        return m_db.commit();
    }
    if (!*key) {
        outcome.status = ImportStatus::Quarantined;
        outcome.message = u"%1: unknown signer %2 for new %3; held in quarantine until it is trusted "
                          u"(flightdeck-cli trust %2)"_s.arg(outcome.path, signer, host);
        return hold(reader, outcome, u"untrusted signer"_s);
    }
    auto placement = placeInChain(m_db, (*key)->anchor, manifest.seq, reader.digest(), manifest.prevDigest);
    if (!placement)
        return placement.error();
    if (placement->verdict == "fork"_L1) {
        outcome.status = ImportStatus::Fork;
        outcome.message = u"%1: fork in the hash chain of %2: %3; held, not imported"_s.arg(outcome.path, host,
                                                                                            placement->forkReason);
        return hold(reader, outcome, u"fork"_s);
    }
    outcome.chain = placement->verdict;
    outcome.missingBefore = placement->missingBefore;
    if (!hostRow->isNull())
        (*key)->hostId = (*key)->hostId.value_or(hostRow->toLongLong());
    return load(reader, outcome, **key);
}

// Starts reading the next archive of importList() while this one is stored (on a second thread; the database waits
// for nothing of it). An archive that does not open is left to its own import, which reports why.
void Importer::readAhead()
{
    if (m_nextPath.isEmpty() || m_ahead)
        return;
    auto reader = std::make_unique<ArchiveReader>(m_nextPath);
    if (!reader->open())
        return;
    m_ahead = std::make_unique<EventReadAhead>(std::move(reader), m_options.caseKey ? &*m_options.caseKey : nullptr);
}

} // namespace Deck::Core
