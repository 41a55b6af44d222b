// SPDX-License-Identifier: GPL-3.0-or-later
// The comparators of bench_import: the rows an import wrote, exported as CSV files (one per table, no header), and
// loaded into an empty case of the same schema and indexes by the engine's own bulk tool — `sqlite3` with `.import
// --csv` in one transaction, `psql` with `\copy ... FROM ... CSV` in one transaction; for SQLite also copied from
// the imported case by INSERT ... SELECT. Benchmark code only; errors are returned as text (empty: it worked).
#pragma once

#include <QString>
#include <QStringList>

namespace Deck::Core {
class Database;
}

namespace Deck::Bench {

// The tables an import writes rows into.
QStringList importedTables();

// Writes `dir`/TABLE.csv for every imported table of the SQLite case `db` (blobs as hex text: sqlite3's CSV import
// has no blob syntax).
QString exportSqliteRows(Core::Database &db, const QString &dir);
// Same for a PostgreSQL case, through `psql \copy (SELECT ...) TO` (bytea in its hex text form).
QString exportPostgresRows(const QString &url, const QString &dir);
// The rows of the imported tables of `db` (-1 on a database error).
qint64 countRows(Core::Database &db);

struct ToolTime
{
    double wall = -1; // seconds; -1: the tool failed
    double cpu = -1; // user + system seconds of the tool's process (psql's alone: the server does the work)
};

// Loads the CSV files into the empty case `caseFile` / `url` with the tool (the reason in *error when it fails).
ToolTime sqliteImport(const QString &caseFile, const QString &dir, QString *error);
ToolTime psqlCopy(const QString &url, const QString &dir, QString *error);
// A second SQLite comparator, the most SQLite itself does with these rows: `sqlite3` copies every row of the imported
// tables of `sourceCase` (attached read-only) into the empty case `caseFile` by INSERT ... SELECT in one transaction
// — typed values and blobs as they are (where `.import` stores hex text), no text to parse.
ToolTime sqliteInsertSelect(const QString &caseFile, const QString &sourceCase, QString *error);

} // namespace Deck::Bench
