// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"

#include "bulkwriter.h"
#include "migrations.h"
#include "pgbulkwriter.h"
#include "sqlitebulkwriter.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>
#include <atomic>
#include <sqlite3.h>
#include <utility>

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

QString nextConnectionName()
{
    static std::atomic<int> counter{0};
    return u"flightdeck-%1"_s.arg(counter.fetch_add(1));
}

QString firstLine(QString text)
{
    text = text.trimmed();
    const auto newline = text.indexOf(u'\n');
    return newline < 0 ? text : text.left(newline).trimmed();
}

} // namespace

Database::Database(DatabaseLocation location, QString connection)
    : m_location(std::move(location))
    , m_connection(std::move(connection))
{
}

Database::~Database()
{
    if (m_inTransaction)
        rollback();
    if (std::exchange(m_batch, false))
        rollback(); // a batch not ended: nothing of it stays
    m_bulk.reset();
    m_kept.clear(); // the statements before their connection
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

Expected<std::unique_ptr<Database>> Database::open(const QString &locationText)
{
    auto location = DatabaseLocation::parse(locationText);
    if (!location)
        return location.error();
    return open(*location);
}

Expected<std::unique_ptr<Database>> Database::open(const DatabaseLocation &location)
{
    const QString connection = nextConnectionName();
    const bool sqlite = location.engine == Engine::Sqlite;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(sqlite ? u"QSQLITE"_s : u"QPSQL"_s, connection);
        if (sqlite) {
            const QFileInfo dir(QFileInfo(location.path).absolutePath());
            if (!dir.isDir()) {
                QSqlDatabase::removeDatabase(connection);
                return storeError(
                    StoreReason::CannotOpen,
                    u"%1: cannot open the case: folder %2 does not exist"_s.arg(location.path, dir.filePath()));
            }
            db.setDatabaseName(location.path);
            db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=30000"_s);
        } else {
            db.setHostName(location.host);
            if (location.port > 0)
                db.setPort(location.port);
            db.setUserName(location.user);
            db.setPassword(location.password);
            db.setDatabaseName(location.dbName);
            db.setConnectOptions(location.options.join(u';'));
        }
    }
    std::unique_ptr<Database> database(new Database(location, connection));
    QSqlDatabase db = database->connection();
    if (!db.isValid())
        return storeError(StoreReason::CannotOpen,
                          u"%1: cannot open the case: the Qt SQL driver %2 is not installed"_s.arg(
                              location.display(), sqlite ? u"QSQLITE"_s : u"QPSQL"_s));
    if (!db.open())
        return storeError(StoreReason::CannotOpen,
                          u"%1: cannot open the case: %2"_s.arg(location.display(), firstLine(db.lastError().text())));
    if (auto configured = database->configure(); !configured)
        return configured.error();
    if (auto migrated = migrate(*database); !migrated)
        return migrated.error();
    if (auto staged = createStagingTables(*database); !staged)
        return staged.error();
    return database;
}

Expected<void> Database::configure()
{
    if (engine() == Engine::Sqlite) {
        // WAL with synchronous=NORMAL keeps a committed import across a crash of the program, and commits without
        // an fsync per transaction; the big cache keeps index pages of a bulk import in memory. The WAL may grow to
        // 64 MiB before it is copied back into the file: an import commits once per archive, and with the default
        // 4 MiB every commit copied the index pages it touched again (a sixth of the import's time).
        for (const auto *pragma :
             {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA temp_store=MEMORY",
              "PRAGMA cache_size=-262144", "PRAGMA wal_autocheckpoint=16384", "PRAGMA foreign_keys=OFF"}) {
            if (auto done = query(QLatin1StringView(pragma)); !done)
                return done.error();
        }
        m_bulk = std::make_unique<SqliteBulkWriter>(nativeHandle(), name());
    } else {
        if (auto done = execute(u"SET client_min_messages = warning"_s); !done)
            return done;
        // No JIT: the planner cannot size a recursive CTE (the process tree walks) and guesses a million rows, and
        // compiling for that took 0.75 s of a 1.2 s query over a 1M-event case; no statement of the store runs
        // long enough per row to win it back.
        if (auto done = execute(u"SET jit = off"_s); !done)
            return done;
        // A kept statement (keptQuery) is planned for the values of each run, as a statement prepared afresh is:
        // keeping it saves the parse and the round trips, and never swaps its plan for a generic one.
        if (auto done = execute(u"SET plan_cache_mode = force_custom_plan"_s); !done)
            return done;
        m_bulk = std::make_unique<PgBulkWriter>(nativeHandle(), name());
    }
    return {};
}

Error Database::sqlError(const QString &what, const QSqlError &error) const
{
    // QPSQL's native error code is the SQLSTATE (QSQLITE's a number, which sqlReason() takes for Sql).
    return storeError(sqlReason(error.nativeErrorCode()), u"%1: %2: %3"_s.arg(name(), what, firstLine(error.text())));
}

Expected<QSqlQuery> Database::query(const QString &sql, const QVariantList &params, Fetch fetch)
{
    QSqlQuery q(connection());
    // SQLite steps its statement either way; Qt would only copy every row into a cache of its own.
    q.setForwardOnly(fetch == Fetch::Streamed || engine() == Engine::Sqlite);
    bool ok;
    if (params.isEmpty()) {
        ok = q.exec(sql);
    } else {
        ok = q.prepare(sql);
        if (ok) {
            for (const QVariant &value : params)
                q.addBindValue(value);
            ok = q.exec();
        }
    }
    if (!ok)
        return sqlError(firstLine(sql).left(60), q.lastError());
    return q;
}

Expected<QSqlQuery *> Database::keptQuery(const QString &sql, const QVariantList &params, Fetch fetch)
{
    std::shared_ptr<QSqlQuery> &kept = m_kept[sql];
    if (!kept) {
        if (m_kept.size() > kKeptStatements) {
            m_kept.clear();
            return keptQuery(sql, params, fetch);
        }
        auto q = std::make_shared<QSqlQuery>(connection());
        q->setForwardOnly(fetch == Fetch::Streamed || engine() == Engine::Sqlite);
        if (!q->prepare(sql)) {
            const QSqlError reason = q->lastError();
            m_kept.remove(sql);
            return sqlError(firstLine(sql).left(60), reason);
        }
        kept = std::move(q);
    }
    QSqlQuery *q = kept.get();
    q->finish(); // the previous run's rows, if it was not read to its end
    for (int i = 0; i < params.size(); ++i)
        q->bindValue(i, params[i]);
    if (!q->exec()) {
        const QSqlError reason = q->lastError();
        m_kept.remove(sql);
        return sqlError(firstLine(sql).left(60), reason);
    }
    return q;
}

Expected<void> Database::execute(const QString &sql, const QVariantList &params)
{
    auto q = query(sql, params);
    if (!q)
        return q.error();
    return {};
}

void *Database::nativeHandle() const
{
    return *static_cast<void *const *>(connection().driver()->handle().constData());
}

Expected<void> Database::preferGenericPlans()
{
    if (engine() == Engine::Sqlite)
        return {};
    if (auto done = execute(u"SET plan_cache_mode = force_generic_plan"_s); !done)
        return done;
    return execute(u"SET max_parallel_workers_per_gather = 0"_s);
}

Expected<QVariant> Database::scalar(const QString &sql, const QVariantList &params)
{
    auto q = query(sql, params);
    if (!q)
        return q.error();
    return q->next() ? q->value(0) : QVariant();
}

Expected<void> Database::begin()
{
    if (m_batch) {
        if (batchLost())
            return batchLostError();
        auto done = execute(u"SAVEPOINT batched"_s);
        m_inTransaction = done.ok();
        return done;
    }
    auto done = execute(engine() == Engine::Sqlite ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s);
    m_inTransaction = done.ok();
    return done;
}

Expected<void> Database::beginReading()
{
    auto done
        = execute(engine() == Engine::Sqlite ? u"BEGIN"_s : u"BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"_s);
    m_inTransaction = done.ok();
    return done;
}

Expected<void> Database::commit()
{
    auto done = execute(m_batch ? u"RELEASE batched"_s : u"COMMIT"_s);
    if (!done)
        rollback();
    m_inTransaction = false;
    return done;
}

void Database::rollback()
{
    if (m_bulk)
        m_bulk->abort();
    QSqlQuery q(connection());
    if (!m_batch) {
        q.exec(u"ROLLBACK"_s);
    } else if (m_inTransaction) {
        // What the batch kept before this savepoint stays. When the engine rolled the batch back, there is no
        // savepoint left to roll back to, and endBatch() reports it.
        q.exec(u"ROLLBACK TO batched"_s);
        q.exec(u"RELEASE batched"_s);
    } // else no savepoint is open, and only endBatch() ends the batch
    m_inTransaction = false;
}

Expected<void> Database::beginBatch()
{
    if (engine() != Engine::Sqlite || m_inTransaction || m_batch)
        return storeError(StoreReason::Sql, u"%1: a batch is for SQLite, outside a transaction"_s.arg(name()));
    auto done = execute(u"BEGIN IMMEDIATE"_s);
    m_batch = done.ok();
    return done;
}

Error Database::batchLostError() const
{
    return storeError(StoreReason::Sql, u"%1: SQLite rolled back the transaction of this batch"_s.arg(name()));
}

bool Database::batchLost() const
{
    return m_batch && sqlite3_get_autocommit(static_cast<sqlite3 *>(nativeHandle())) != 0;
}

Expected<void> Database::endBatch()
{
    const bool lost = batchLost();
    m_batch = false;
    if (lost)
        return batchLostError();
    auto done = execute(u"COMMIT"_s);
    if (!done)
        rollback();
    return done;
}

BulkWriter &Database::bulk()
{
    return *m_bulk;
}

qint64 Database::nowNs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000000;
}

} // namespace Deck::Core
