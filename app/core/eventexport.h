// SPDX-License-Identifier: GPL-3.0-or-later
// Exports the events of a case (all, or a host, a time range, a kind) as CSV or JSON lines, in time order, one row
// per event with the columns of every kind (empty where a kind has none). Byte strings keep every byte: CSV fields
// carry the raw bytes (quoted per RFC 4180 when they hold a comma, quote, CR or LF), JSON uses FORMAT.md §2.3.
// `detail` is the archive's own JSON line of the event where the case keeps it (exec, exit, credentials, state
// changes, the collector's events). A file is written as FILE.part, synced and renamed, so a reader never sees half
// an export; every export, to a file or not, is entered in the audit log with its row count and BLAKE2b-256 digest.
// Thread: the Database's thread. Errors: the store's, or the file's naming the file.
#pragma once

#include "querytypes.h"

#include <QIODevice>
#include <QStringList>

namespace Deck::Core {

enum class ExportFormat { Csv, Jsonl };

struct ExportRequest
{
    ExportFormat format = ExportFormat::Csv;
    std::optional<qint64> hostId;
    TimeRange range;
    QString kind; // a kind (proc.exec, file.access, ...) or a family (proc, file, net, state, host, rec); empty: all
};

struct ExportSummary
{
    qint64 rows = 0;
    QString digest; // BLAKE2b-256 hex of the bytes written
};

// The kinds and families --kind accepts.
QStringList exportKinds();
bool isExportKind(const QString &kind);

// Writes to `out` (opened for writing) and audits it as `target` (a file name, or "stdout").
Expected<ExportSummary> exportEvents(Database &db, const ExportRequest &request, QIODevice &out, const QString &target);
// Writes `path` through `path`.part and a rename.
Expected<ExportSummary> exportEventsToFile(Database &db, const ExportRequest &request, const QString &path);

} // namespace Deck::Core
