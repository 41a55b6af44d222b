// SPDX-License-Identifier: GPL-3.0-or-later
#include "nativerows.h"

#include "database.h"

#include <QtEndian>
#include <libpq-fe.h>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

bool isInteger(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Bool:
        return true;
    default:
        return false;
    }
}

class SqliteRows final : public NativeRows
{
public:
    SqliteRows(sqlite3 *db, QString name)
        : m_db(db)
        , m_name(std::move(name))
    {
    }
    ~SqliteRows() override { sqlite3_finalize(m_statement); }

    Expected<void> prepare(const QString &sql, const QVariantList &params)
    {
        const QByteArray text = sql.toUtf8();
        if (sqlite3_prepare_v2(m_db, text.constData(), int(text.size()), &m_statement, nullptr) != SQLITE_OK)
            return error(u"cannot prepare a query"_s);
        for (int i = 0; i < params.size(); ++i) {
            const QVariant &value = params.at(i);
            int bound = SQLITE_OK;
            if (value.isNull()) {
                bound = sqlite3_bind_null(m_statement, i + 1);
            } else if (isInteger(value)) {
                bound = sqlite3_bind_int64(m_statement, i + 1, value.toLongLong());
            } else if (value.typeId() == QMetaType::QByteArray) {
                const QByteArray bytes = value.toByteArray();
                bound = sqlite3_bind_blob64(m_statement, i + 1, bytes.constData(), sqlite3_uint64(bytes.size()),
                                            SQLITE_TRANSIENT);
            } else {
                const QByteArray utf8 = value.toString().toUtf8();
                bound = sqlite3_bind_text64(m_statement, i + 1, utf8.constData(), sqlite3_uint64(utf8.size()),
                                            SQLITE_TRANSIENT, SQLITE_UTF8);
            }
            if (bound != SQLITE_OK)
                return error(u"cannot bind parameter %1 of a query"_s.arg(i + 1));
        }
        return {};
    }

    Expected<bool> next() override
    {
        const int stepped = sqlite3_step(m_statement);
        if (stepped == SQLITE_ROW)
            return true;
        if (stepped == SQLITE_DONE)
            return false;
        return error(u"a query failed"_s);
    }
    bool isNull(int column) const override { return sqlite3_column_type(m_statement, column) == SQLITE_NULL; }
    qint64 toInt(int column) const override { return sqlite3_column_int64(m_statement, column); }
    QByteArrayView view(int column) const override
    {
        const auto *data = static_cast<const char *>(sqlite3_column_blob(m_statement, column));
        return QByteArrayView(data, data ? sqlite3_column_bytes(m_statement, column) : 0);
    }

private:
    Error error(const QString &what) const
    {
        return storeError(StoreReason::Sql, u"%1: %2: %3"_s.arg(m_name, what, QString::fromUtf8(sqlite3_errmsg(m_db))));
    }

    sqlite3 *m_db;
    QString m_name;
    sqlite3_stmt *m_statement = nullptr;
};

// Type oids of pg_type.dat (stable across releases).
constexpr Oid kBoolOid = 16, kByteaOid = 17, kInt8Oid = 20, kInt2Oid = 21, kInt4Oid = 23;

// Reads through a cursor, 10,000 rows at a time in binary, the next batch asked for before the caller reads this
// one: libpq's single-row mode made a result of every row (0.5 s of CPU for a million rows); a batch is a few MB.
// A cursor lives in a transaction: the caller's, or one of its own (begun and ended here) when the connection is
// idle.
class PgRows final : public NativeRows
{
public:
    PgRows(PGconn *conn, QString name)
        : m_conn(conn)
        , m_name(std::move(name))
    {
    }
    ~PgRows() override { close(); }

    Expected<void> open(const QString &sql, const QVariantList &params)
    {
        // '?' -> $1, $2, ...: the statements are the store's own text, whose only '?' are parameters.
        QByteArray text = "DECLARE flightdeck_rows NO SCROLL CURSOR FOR ";
        int number = 0;
        for (const char c : sql.toUtf8()) {
            if (c == '?')
                text += '$' + QByteArray::number(++number);
            else
                text += c;
        }
        QList<QByteArray> values;
        QList<const char *> pointers;
        QList<int> lengths, formats;
        QList<Oid> types;
        for (const QVariant &value : params) {
            const bool bytes = value.typeId() == QMetaType::QByteArray;
            values.append(value.isNull() ? QByteArray()
                          : bytes        ? value.toByteArray()
                          : isInteger(value) ? QByteArray::number(value.toLongLong())
                                             : value.toString().toUtf8());
            types.append(value.isNull() ? 0 : bytes ? kByteaOid : isInteger(value) ? kInt8Oid : 0);
            formats.append(bytes ? 1 : 0);
        }
        for (qsizetype i = 0; i < values.size(); ++i) {
            pointers.append(params.at(i).isNull() ? nullptr : values.at(i).constData());
            lengths.append(int(values.at(i).size()));
        }
        if (PQtransactionStatus(m_conn) == PQTRANS_IDLE) {
            if (auto begun = command(PQexec(m_conn, "BEGIN")); !begun)
                return begun;
            m_ownTransaction = true;
        }
        // A cursor's plan is made for its first rows (cursor_tuple_fraction); this one is read to its end.
        m_open = true; // closed on failure from here on
        auto declared = command(PQexec(m_conn, "SET LOCAL cursor_tuple_fraction = 1"));
        if (declared)
            declared = command(PQexecParams(m_conn, text.constData(), int(values.size()), types.constData(),
                                            pointers.constData(), lengths.constData(), formats.constData(), 1));
        if (!declared) {
            close();
            return declared;
        }
        fetch();
        return {};
    }

    Expected<bool> next() override
    {
        if (++m_row < m_rows)
            return true;
        if (!m_open)
            return false;
        if (!m_fetching) {
            Error failed = error(u"cannot read a query's rows"_s, nullptr);
            close();
            return failed;
        }
        PQclear(m_batch);
        m_batch = PQgetResult(m_conn);
        drain();
        if (PQresultStatus(m_batch) != PGRES_TUPLES_OK) {
            Error failed = error(u"a query failed"_s, m_batch);
            close();
            return failed;
        }
        m_row = 0;
        m_rows = PQntuples(m_batch);
        if (m_rows == 0) {
            close();
            return false;
        }
        fetch(); // the server reads the next batch while the caller reads this one
        return true;
    }
    bool isNull(int column) const override { return PQgetisnull(m_batch, m_row, column); }
    qint64 toInt(int column) const override
    {
        const char *value = PQgetvalue(m_batch, m_row, column);
        const int length = PQgetlength(m_batch, m_row, column);
        switch (PQftype(m_batch, column)) {
        case kInt8Oid:
            return length == 8 ? qFromBigEndian<qint64>(value) : 0;
        case kInt4Oid:
            return length == 4 ? qFromBigEndian<qint32>(value) : 0;
        case kInt2Oid:
            return length == 2 ? qFromBigEndian<qint16>(value) : 0;
        case kBoolOid:
            return length == 1 && value[0] ? 1 : 0;
        default:
            return 0;
        }
    }
    QByteArrayView view(int column) const override
    {
        return QByteArrayView(PQgetvalue(m_batch, m_row, column), PQgetlength(m_batch, m_row, column));
    }

private:
    // Asks for the next batch, read by next(), which reports a failure to ask.
    void fetch()
    {
        m_fetching = PQsendQueryParams(m_conn, "FETCH 10000 FROM flightdeck_rows", 0, nullptr, nullptr, nullptr,
                                       nullptr, 1);
    }
    // Reads what is left of a batch's results, so that the connection takes the next command.
    void drain()
    {
        while (PGresult *rest = PQgetResult(m_conn))
            PQclear(rest);
        m_fetching = false;
    }
    // Closes the cursor and ends the transaction begun for it, so that the connection takes the next query; after
    // an error, the transaction begun here is rolled back (the caller's is the caller's).
    void close()
    {
        PQclear(m_batch);
        m_batch = nullptr;
        m_row = m_rows = 0;
        if (m_fetching)
            drain();
        if (m_open && PQtransactionStatus(m_conn) == PQTRANS_INTRANS)
            PQclear(PQexec(m_conn, "CLOSE flightdeck_rows"));
        m_open = false;
        if (m_ownTransaction)
            PQclear(PQexec(m_conn, PQtransactionStatus(m_conn) == PQTRANS_INTRANS ? "COMMIT" : "ROLLBACK"));
        m_ownTransaction = false;
    }
    // Ok when `result` (cleared here) is a command's success.
    Expected<void> command(PGresult *result) const
    {
        const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
        Error failed = ok ? Error{} : error(u"a query failed"_s, result);
        PQclear(result);
        if (!ok)
            return failed;
        return {};
    }
    Error error(const QString &what, const PGresult *result) const
    {
        const char *text = result ? PQresultErrorMessage(result) : PQerrorMessage(m_conn);
        return storeError(StoreReason::Sql,
                          u"%1: %2: %3"_s.arg(m_name, what, QString::fromUtf8(text).trimmed().section(u'\n', 0, 0)));
    }

    PGconn *m_conn;
    QString m_name;
    PGresult *m_batch = nullptr;
    int m_row = 0, m_rows = 0; // the current row of the batch, and its rows
    bool m_open = false; // the cursor is declared
    bool m_fetching = false; // a batch was asked for and not read yet
    bool m_ownTransaction = false;
};

// The value kept for `bytes` in `kept`, made by `make` when new (and kept while there is room).
template <typename T, typename Make> T shared(QHash<QByteArray, T> &kept, QByteArrayView bytes, Make make)
{
    if (bytes.isEmpty())
        return make(bytes); // nothing to share: no lookup (the forest reads a NULL user name on every row)
    const auto found = kept.constFind(QByteArray::fromRawData(bytes.data(), bytes.size()));
    if (found != kept.cend())
        return *found;
    T value = make(bytes);
    if (kept.size() < SharedStrings::kMaxShared)
        kept.insert(bytes.toByteArray(), value);
    return value;
}

} // namespace

QString SharedStrings::text(const NativeRows &rows, int column)
{
    return shared(m_texts, rows.view(column), [](QByteArrayView utf8) { return QString::fromUtf8(utf8); });
}

QByteArray SharedStrings::bytes(const NativeRows &rows, int column)
{
    return shared(m_bytes, rows.view(column), [](QByteArrayView bytes) { return bytes.toByteArray(); });
}

Expected<std::unique_ptr<NativeRows>> nativeRows(Database &db, const QString &sql, const QVariantList &params)
{
    if (db.engine() == Engine::Sqlite) {
        auto rows = std::make_unique<SqliteRows>(static_cast<sqlite3 *>(db.nativeHandle()), db.name());
        if (auto prepared = rows->prepare(sql, params); !prepared)
            return prepared.error();
        return std::unique_ptr<NativeRows>(std::move(rows));
    }
    auto rows = std::make_unique<PgRows>(static_cast<PGconn *>(db.nativeHandle()), db.name());
    if (auto opened = rows->open(sql, params); !opened)
        return opened.error();
    return std::unique_ptr<NativeRows>(std::move(rows));
}

} // namespace Deck::Core
