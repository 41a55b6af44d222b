// SPDX-License-Identifier: GPL-3.0-or-later
#include "pgbulkwriter.h"

#include <QtEndian>
#include <cstring>
#include <libpq-fe.h>
#include <limits>

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

// Rows are handed to libpq in blocks of this size: small enough that the server stores one block while the next is
// being built (with blocks of 1 MiB, most of a table's rows waited for the client to build them all), large enough
// that the calls cost nothing.
constexpr qsizetype kSendBytes = 128 * 1024;
// The binary COPY header: signature, flags (no OIDs), no header extension.
constexpr char kHeader[] = "PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0";
constexpr qsizetype kHeaderBytes = 19;

// Type oids of pg_type.dat (stable across releases).
constexpr unsigned kByteaOid = 17, kInt8Oid = 20, kInt2Oid = 21, kInt4Oid = 23, kTextOid = 25, kVarcharOid = 1043;

QString resultText(PGresult *result, pg_conn *conn)
{
    const char *text = result ? PQresultErrorMessage(result) : PQerrorMessage(conn);
    return QString::fromUtf8(text).trimmed().section(u'\n', 0, 0);
}

template <typename T> void putBigEndian(char *at, T value)
{
    qToBigEndian(value, at);
}

} // namespace

PgBulkWriter::PgBulkWriter(void *pgconn, QString databaseName)
    : m_conn(static_cast<pg_conn *>(pgconn))
    , m_name(std::move(databaseName))
{
    m_buffer.reserve(2 * kSendBytes);
}

PgBulkWriter::~PgBulkWriter()
{
    abort();
}

Error PgBulkWriter::error(const QString &what) const
{
    return storeError(StoreReason::Sql, u"%1: %2 %3: %4"_s.arg(m_name, what, m_table, resultText(nullptr, m_conn)));
}

Expected<QList<PgBulkWriter::Field>> PgBulkWriter::fieldsOf(QLatin1StringView table,
                                                            const QList<QLatin1StringView> &columns)
{
    QString key = table;
    for (const QLatin1StringView column : columns)
        key += u',' + column;
    if (const auto it = m_fields.constFind(key); it != m_fields.cend())
        return *it;
    const QByteArray name = QByteArray(table.data(), table.size());
    const char *values[] = {name.constData()};
    PGresult *result = PQexecParams(m_conn,
                                    "SELECT attname, atttypid FROM pg_attribute WHERE attrelid = to_regclass($1) "
                                    "AND attnum > 0 AND NOT attisdropped",
                                    1, nullptr, values, nullptr, nullptr, 0);
    QHash<QString, unsigned> types;
    const bool ok = PQresultStatus(result) == PGRES_TUPLES_OK;
    for (int row = 0; ok && row < PQntuples(result); ++row)
        types.insert(QString::fromUtf8(PQgetvalue(result, row, 0)), QByteArray(PQgetvalue(result, row, 1)).toUInt());
    const QString failure = ok ? QString() : resultText(result, m_conn);
    PQclear(result);
    if (!ok)
        return storeError(StoreReason::Sql, u"%1: cannot read the columns of %2: %3"_s.arg(m_name, table, failure));
    QList<Field> fields;
    for (const QLatin1StringView column : columns) {
        const unsigned type = types.value(column);
        if (type == kInt8Oid)
            fields.append(Field::Int8);
        else if (type == kInt4Oid)
            fields.append(Field::Int4);
        else if (type == kInt2Oid)
            fields.append(Field::Int2);
        else if (type == kTextOid || type == kByteaOid || type == kVarcharOid)
            fields.append(Field::Bytes);
        else
            return storeError(StoreReason::Sql, u"%1: cannot copy into %2.%3: no such column, or a type of oid %4 "
                                                u"the bulk writer does not encode"_s.arg(m_name, table, column)
                                                    .arg(type));
    }
    m_fields.insert(key, fields);
    return fields;
}

Expected<void> PgBulkWriter::start(QLatin1StringView table, const QList<QLatin1StringView> &columns)
{
    m_table = table;
    auto fields = fieldsOf(table, columns);
    if (!fields)
        return fields.error();
    m_current = std::move(*fields);
    QStringList names;
    for (const QLatin1StringView column : columns)
        names.append(column);
    const QByteArray sql = u"COPY %1 (%2) FROM STDIN (FORMAT binary)"_s.arg(table, names.join(u',')).toUtf8();
    PGresult *result = PQexec(m_conn, sql.constData());
    const bool ok = PQresultStatus(result) == PGRES_COPY_IN;
    const QString text = ok ? QString() : resultText(result, m_conn);
    PQclear(result);
    if (!ok)
        return storeError(StoreReason::Sql, u"%1: cannot start COPY into %2: %3"_s.arg(m_name, m_table, text));
    m_copying = true;
    m_buffer.clear();
    m_buffer.append(kHeader, kHeaderBytes);
    m_column = 0;
    m_failure.clear();
    return {};
}

// Room for `bytes` more at the end of the buffer, after the row's field count when this is its first field.
char *PgBulkWriter::grow(qsizetype bytes)
{
    const qsizetype count = m_column == 0 ? 2 : 0;
    const qsizetype at = m_buffer.size();
    m_buffer.resize(at + count + bytes);
    char *out = m_buffer.data() + at;
    if (count) {
        putBigEndian(out, qint16(m_current.size()));
        out += count;
    }
    ++m_column;
    return out;
}

void PgBulkWriter::addNull()
{
    putBigEndian(grow(4), qint32(-1));
}

void PgBulkWriter::addInt(qint64 value)
{
    const Field field = m_column < m_current.size() ? m_current[m_column] : Field::Int8;
    if (field == Field::Int8) {
        char *out = grow(12);
        putBigEndian(out, qint32(8));
        putBigEndian(out + 4, value);
    } else if (field == Field::Int4 || field == Field::Int2) {
        const bool wide = field == Field::Int4;
        const qint64 low = wide ? std::numeric_limits<qint32>::min() : std::numeric_limits<qint16>::min();
        const qint64 high = wide ? std::numeric_limits<qint32>::max() : std::numeric_limits<qint16>::max();
        if ((value < low || value > high) && m_failure.isEmpty())
            m_failure = u"value %1 out of range for column %2 (%3)"_s.arg(value).arg(m_column + 1).arg(
                wide ? u"integer"_s : u"smallint"_s);
        char *out = grow(wide ? 8 : 6);
        putBigEndian(out, qint32(wide ? 4 : 2));
        wide ? putBigEndian(out + 4, qint32(value)) : putBigEndian(out + 4, qint16(value));
    } else {
        addBytes(QByteArray::number(value)); // a number into a text column, as text COPY would store it
    }
}

void PgBulkWriter::addBytes(QByteArrayView bytes)
{
    const Field field = m_column < m_current.size() ? m_current[m_column] : Field::Bytes;
    if (field != Field::Bytes && m_failure.isEmpty())
        m_failure = u"bytes for the integer column %1"_s.arg(m_column + 1);
    char *out = grow(4 + bytes.size());
    putBigEndian(out, qint32(bytes.size()));
    if (!bytes.isEmpty())
        std::memcpy(out + 4, bytes.data(), size_t(bytes.size()));
}

void PgBulkWriter::addText(QByteArrayView utf8)
{
    addBytes(utf8); // the server checks the encoding, as for text COPY
}

void PgBulkWriter::addBlob(QByteArrayView bytes)
{
    addBytes(bytes);
}

Expected<void> PgBulkWriter::endRow()
{
    const qsizetype fields = m_column;
    m_column = 0;
    if (fields != m_current.size() && m_failure.isEmpty())
        m_failure = u"a row of %1 fields for %2 columns"_s.arg(fields).arg(m_current.size());
    if (!m_failure.isEmpty())
        return storeError(StoreReason::Sql, u"%1: cannot copy a row into %2: %3"_s.arg(m_name, m_table, m_failure));
    if (m_buffer.size() >= kSendBytes)
        return send();
    return {};
}

Expected<void> PgBulkWriter::send()
{
    if (m_buffer.isEmpty())
        return {};
    if (PQputCopyData(m_conn, m_buffer.constData(), int(m_buffer.size())) != 1)
        return error(u"cannot send rows of"_s);
    m_buffer.clear();
    return {};
}

Expected<void> PgBulkWriter::finish()
{
    char trailer[2];
    putBigEndian(trailer, qint16(-1));
    m_buffer.append(trailer, 2);
    auto sent = m_failure.isEmpty() ? send() : Expected<void>(storeError(StoreReason::Sql, m_failure));
    m_copying = false;
    if (PQputCopyEnd(m_conn, sent ? nullptr : "client error") != 1 && sent)
        sent = error(u"cannot end COPY into"_s);
    QString failure;
    StoreReason reason = StoreReason::Sql;
    while (PGresult *result = PQgetResult(m_conn)) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK && failure.isEmpty()) {
            failure = resultText(result, m_conn);
            reason = sqlReason(QString::fromLatin1(PQresultErrorField(result, PG_DIAG_SQLSTATE)));
        }
        PQclear(result);
    }
    m_buffer.clear();
    if (!sent)
        return sent;
    if (!failure.isEmpty())
        return storeError(reason, u"%1: COPY into %2 failed: %3"_s.arg(m_name, m_table, failure));
    return {};
}

void PgBulkWriter::abort()
{
    m_buffer.clear();
    m_column = 0;
    if (!m_copying)
        return;
    m_copying = false;
    PQputCopyEnd(m_conn, "aborted");
    while (PGresult *result = PQgetResult(m_conn))
        PQclear(result);
}

} // namespace Deck::Core
