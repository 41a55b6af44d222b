// SPDX-License-Identifier: GPL-3.0-or-later
// One connection to a case: a SQLite file (created when missing) or a PostgreSQL database, migrated to the current
// schema when opened. Thread: a Database is used only by the thread that opened it (Qt SQL's rule) — open one per
// thread; there is one writer per case at a time (SQLite locks, PostgreSQL importers lock per host). All SQL goes
// through query()/execute() with positional '?' parameters; bulk rows through bulk(). Errors name the database.
#pragma once

#include "databaselocation.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <memory>

namespace Deck::Core {

class BulkWriter;

class Database
{
public:
    static Expected<std::unique_ptr<Database>> open(const QString &location);
    // Another connection to the same case (e.g. `other.location()`), for another thread.
    static Expected<std::unique_ptr<Database>> open(const DatabaseLocation &location);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    Engine engine() const { return m_location.engine; }
    const DatabaseLocation &location() const { return m_location; }
    QString name() const { return m_location.display(); }
    QSqlDatabase connection() const { return QSqlDatabase::database(m_connection, false); }
    // The driver's own handle behind the connection: a sqlite3 * or a PGconn * (the bulk writers, NativeRows).
    void *nativeHandle() const;

    // How a PostgreSQL result comes from the server: row by row (single-row mode; little memory, for results of any
    // size) or at once (for bounded results of many rows: less work per row). SQLite always steps row by row.
    enum class Fetch { Streamed, AtOnce };
    // Runs `sql` (prepared when it has parameters). Null QVariants bind NULL.
    Expected<QSqlQuery> query(const QString &sql, const QVariantList &params = {}, Fetch fetch = Fetch::Streamed);
    // Runs `sql` with `params` on a statement prepared once per connection and kept, for a query run
    // again and again with other values (a page of the events table): SQLite parses and plans it once, PostgreSQL
    // is spared the PREPARE and DEALLOCATE round trips. The query is valid until the next call with the same text;
    // read it to its end or finish() it. At most kKeptStatements are kept (all dropped when one more comes).
    static constexpr int kKeptStatements = 16;
    Expected<QSqlQuery *> keptQuery(const QString &sql, const QVariantList &params, Fetch fetch = Fetch::Streamed);
    Expected<void> execute(const QString &sql, const QVariantList &params = {});
    // For a connection of its own that runs one paged statement again and again (the events page's): on PostgreSQL,
    // plans kept for any values and no parallel workers — a page of the union of 24 arms spent most of its 10 ms in
    // planning (custom plans are this store's default), and starting workers costs more than a page. Nothing on
    // SQLite.
    Expected<void> preferGenericPlans();
    // The first column of the first row; a null QVariant when there is no row.
    Expected<QVariant> scalar(const QString &sql, const QVariantList &params = {});

    // One transaction; SQLite takes the write lock at once (BEGIN IMMEDIATE). Not nestable.
    Expected<void> begin();
    // One transaction that only reads, all of it from one snapshot of the case: SQLite's deferred BEGIN (a reader of
    // the write-ahead log, which writers do not wait for), PostgreSQL's REPEATABLE READ, READ ONLY. Ended by
    // commit() or rollback(). Not nestable.
    Expected<void> beginReading();
    Expected<void> commit();
    void rollback();
    bool inTransaction() const { return m_inTransaction; }

    // Many transactions as one (SQLite only; Importer::importEach): between beginBatch() and endBatch(), begin()
    // opens a savepoint that commit() releases and rollback() rolls back, so each is still all or nothing, and
    // endBatch() commits what they kept together: a page that many of them change is written once. endBatch() fails,
    // and nothing of the batch stays, when the commit fails or the engine has already rolled the batch back (as
    // SQLite may on a full disk); batchLost() tells the latter at once.
    Expected<void> beginBatch();
    Expected<void> endBatch();
    bool inBatch() const { return m_batch; }
    bool batchLost() const;

    // Bulk rows over the driver's native handle (sqlite3 prepared statements, PostgreSQL COPY).
    BulkWriter &bulk();

    // The time stamps the store writes: UTC ns now.
    static qint64 nowNs();

private:
    explicit Database(DatabaseLocation location, QString connection);
    Expected<void> configure();
    Error sqlError(const QString &what, const QSqlError &error) const;
    Error batchLostError() const;

    DatabaseLocation m_location;
    QString m_connection;
    std::unique_ptr<BulkWriter> m_bulk;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_kept; // keptQuery()'s statements by their text
    bool m_inTransaction = false;
    bool m_batch = false;
};

} // namespace Deck::Core
