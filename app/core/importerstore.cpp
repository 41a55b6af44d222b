// SPDX-License-Identifier: GPL-3.0-or-later
// Importer's writing of an archive whose checks are done (the class is split by responsibility; importer.cpp walks
// the files, verifies each archive and decides what becomes of it): holding it in quarantine, or loading it — host,
// boot and archive rows, its events, the detection rules over them, the chain anchor and the audit entry — and
// committing the archive's transaction.
#include "importer.h"

#include "archivereader.h"
#include "auditlog.h"
#include "database.h"
#include "detector.h"
#include "keptstatements.h"
#include "pipelinedreader.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;
using namespace Flight::Format;

namespace Deck::Core {

Expected<void> Importer::hold(ArchiveReader &reader, ImportOutcome &outcome, const QString &reason)
{
    const Manifest &manifest = reader.manifest();
    auto inserted = m_db.execute(
        u"INSERT INTO held_archives (digest, path, reason, detail, machine_id, hostname, seq, signer, fingerprint, "
        u"events, held_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {reader.digest(), QFileInfo(outcome.path).absoluteFilePath(), reason, outcome.message, manifest.host.machineId,
         manifest.host.hostname, manifest.seq, manifest.signer, reader.signer().fingerprint(), manifest.tally.events,
         Database::nowNs()});
    if (!inserted)
        return inserted;
    if (auto logged
        = appendAudit(m_db, reason == "fork"_L1 ? u"fork"_s : u"quarantine"_s, outcome.path, outcome.message);
        !logged)
        return logged;
    return m_db.commit();
}

Expected<void> Importer::load(ArchiveReader &reader, ImportOutcome &outcome, const KeyRow &key)
{
    const Manifest &manifest = reader.manifest();
    const HostInfo &info = manifest.host;
    const qint64 now = Database::nowNs();
    qint64 hostId = 0;
    if (key.hostId) {
        hostId = *key.hostId;
        auto updated = executeKept(m_db,
                                   u"UPDATE hosts SET hostname = ?, os = ?, kernel = ?, last_import_ts = ? "
                                   u"WHERE id = ?"_s,
                                   {info.hostname, info.os, info.kernel, now, hostId});
        if (!updated)
            return updated;
    } else {
        auto id = m_db.scalar(u"INSERT INTO hosts (machine_id, hostname, os, kernel, first_import_ts, "
                              u"last_import_ts) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"_s,
                              {info.machineId, info.hostname, info.os, info.kernel, now, now});
        if (!id)
            return id.error();
        hostId = id->toLongLong();
    }
    auto bound = m_db.execute(u"UPDATE host_keys SET host_id = ? WHERE id = ? AND host_id IS NULL"_s, {hostId, key.id});
    if (!bound)
        return bound;
    auto boot = scalarKept(m_db, u"SELECT id FROM boots WHERE host_id = ? AND boot_id = ?"_s, {hostId, info.bootId});
    if (!boot)
        return boot.error();
    if (boot->isNull()) {
        boot = m_db.scalar(u"INSERT INTO boots (host_id, boot_id, boot_ts, clk_tck) VALUES (?, ?, ?, ?) RETURNING id"_s,
                           {hostId, info.bootId, info.bootTs, info.clkTck});
        if (!boot)
            return boot.error();
    }
    const QString source = m_options.source.isEmpty() ? QFileInfo(outcome.path).absoluteFilePath()
                                                      : m_options.source + u'/' + QFileInfo(outcome.path).fileName();
    auto archive = scalarKept(
        m_db,
        u"INSERT INTO archives (host_id, key_id, boot_id, digest, seq, prev_digest, chain, missing_before, encrypted, "
        u"recovered, events, first_ts, last_ts, created_ts, collector_version, source, imported_ts, imported_by, "
        u"manifest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
        {hostId, key.id, boot->toLongLong(), reader.digest(), manifest.seq, manifest.prevDigest, outcome.chain,
         outcome.missingBefore, reader.encrypted() ? 1 : 0, manifest.recovered ? 1 : 0, manifest.tally.events,
         manifest.tally.span.firstTs, manifest.tally.span.lastTs, manifest.createdTs, manifest.collector.version,
         source, now, currentActor(), reader.manifestBytes()});
    if (!archive)
        return archive.error();

    ArchiveLoader loader(m_db, {archive->toLongLong(), hostId, boot->toLongLong(), info.bootTs, info.clkTck},
                         m_session);
    const auto progress = [&](qint64 done, qint64 total) {
        m_current.bytesDone = done;
        m_current.bytesTotal = total;
        if (m_progress)
            m_progress(m_current);
    };
    readAhead();
    const DecryptionKey *caseKey = m_options.caseKey ? &*m_options.caseKey : nullptr;
    const auto add = [&](ReadEvent &&event) { return loader.add(std::move(event)); };
    const auto stop = [this] { return cancelled(); };
    auto read = m_reading ? m_reading->consume(add, progress, stop)
                          : readEventsPipelined(reader, caseKey, add, progress, stop);
    if (!read)
        return read;
    if (auto finished = loader.finish(); !finished)
        return finished;
    if (!m_options.rules.isEmpty() && manifest.tally.events > 0) {
        DetectionScope scope{
            hostId, {manifest.tally.span.firstTs, manifest.tally.span.lastTs + 1}, archive->toLongLong()};
        auto detected
            = Detector(m_db, m_options.rules).run(scope, [this](int, int, const QString &) { return !cancelled(); });
        if (!detected)
            return detected.error();
        outcome.ruleAlerts = detected->raised.size();
    }

    auto anchored = executeKept(m_db,
                                u"UPDATE host_keys SET last_seq = ?, last_digest = ? WHERE id = ? "
                                u"AND (last_seq IS NULL OR last_seq < ?)"_s,
                                {manifest.seq, reader.digest(), key.id, manifest.seq});
    if (!anchored)
        return anchored;
    if (manifest.tally.events > 0) {
        auto seen = m_db.execute(u"UPDATE hosts SET last_event_ts = ? WHERE id = ? "
                                 u"AND (last_event_ts IS NULL OR last_event_ts < ?)"_s,
                                 {manifest.tally.span.lastTs, hostId, manifest.tally.span.lastTs});
        if (!seen)
            return seen;
    }
    if (auto released = executeKept(m_db, u"DELETE FROM held_archives WHERE digest = ?"_s, {reader.digest()});
        !released)
        return released;

    outcome.status = ImportStatus::Imported;
    const QString chain = outcome.chain == "gap"_L1
        ? u"chain gap: %1 archive(s) missing before it"_s.arg(outcome.missingBefore)
        : outcome.chain == "late"_L1  ? u"chain: fills a gap"_s
        : outcome.chain == "first"_L1 ? u"chain: first archive of its key in the case"_s
                                      : u"chain intact"_s;
    outcome.message = u"%1: imported host %2, seq %3, %4 events, %5"_s.arg(outcome.path, info.hostname)
                          .arg(manifest.seq)
                          .arg(manifest.tally.events)
                          .arg(chain);
    if (outcome.ruleAlerts > 0)
        outcome.message += u", %1 rule alert(s)"_s.arg(outcome.ruleAlerts);
    const QString detail = u"host %1 (machine-id %2) seq %3 digest %4 signer %5, %6 events, %7, source %8"_s
                               .arg(info.hostname, info.machineId)
                               .arg(manifest.seq)
                               .arg(reader.digest(), reader.signer().fingerprint())
                               .arg(manifest.tally.events)
                               .arg(chain, source);
    if (auto logged = appendAudit(m_db, u"import"_s, source, detail); !logged)
        return logged;
    return m_db.commit();
}

} // namespace Deck::Core
