// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitebulkwriter.h"

#include <algorithm>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Deck::Core {

SqliteBulkWriter::SqliteBulkWriter(void *sqliteHandle, QString databaseName)
    : m_db(static_cast<sqlite3 *>(sqliteHandle))
    , m_name(std::move(databaseName))
{
}

SqliteBulkWriter::~SqliteBulkWriter()
{
    for (const Inserts &inserts : std::as_const(m_statements)) {
        sqlite3_finalize(inserts.full); // no-op on a null pointer
        sqlite3_finalize(inserts.single);
    }
}

Error SqliteBulkWriter::error(const QString &what) const
{
    return storeError(StoreReason::Sql,
                      u"%1: %2 %3: %4"_s.arg(m_name, what, m_table, QString::fromUtf8(sqlite3_errmsg(m_db))));
}

Expected<void> SqliteBulkWriter::start(QLatin1StringView table, const QList<QLatin1StringView> &columns)
{
    if (auto pending = finish(); !pending) // rows of a table not finished go in first, as each row did at endRow()
        return pending;
    m_table = table;
    QString key = table;
    QStringList names;
    for (const QLatin1StringView column : columns) {
        key += u',' + column;
        names.append(column);
    }
    m_inserts = &m_statements[key];
    m_columnList = names.join(u',');
    m_columns = int(columns.size());
    const int parameters = sqlite3_limit(m_db, SQLITE_LIMIT_VARIABLE_NUMBER, -1);
    m_rowsPerInsert = std::clamp(parameters / std::max(m_columns, 1), 1, kRowsPerInsert);
    m_values.reserve(size_t(m_rowsPerInsert) * size_t(m_columns));
    return {};
}

void SqliteBulkWriter::addNull()
{
    m_values.push_back({Value::Null, 0, 0});
}

void SqliteBulkWriter::addInt(qint64 value)
{
    m_values.push_back({Value::Int, value, 0});
}

void SqliteBulkWriter::addText(QByteArrayView utf8)
{
    m_values.push_back({Value::Text, m_bytes.size(), utf8.size()});
    m_bytes.append(utf8);
}

void SqliteBulkWriter::addBlob(QByteArrayView bytes)
{
    m_values.push_back({Value::Blob, m_bytes.size(), bytes.size()});
    m_bytes.append(bytes);
}

Expected<void> SqliteBulkWriter::endRow()
{
    if (++m_rows < m_rowsPerInsert)
        return {};
    auto inserted = insert(0, m_rowsPerInsert);
    clearRows();
    return inserted;
}

Expected<void> SqliteBulkWriter::finish()
{
    Expected<void> inserted;
    for (qsizetype row = 0; row < m_rows && inserted; ++row)
        inserted = insert(row, 1);
    clearRows();
    return inserted;
}

void SqliteBulkWriter::abort()
{
    clearRows();
}

void SqliteBulkWriter::clearRows()
{
    m_values.clear();
    m_bytes.clear();
    m_rows = 0;
}

Expected<sqlite3_stmt *> SqliteBulkWriter::statement(int rows)
{
    sqlite3_stmt *&slot = rows == 1 ? m_inserts->single : m_inserts->full;
    if (!slot) {
        auto made = prepare(rows);
        if (!made)
            return made;
        slot = *made;
    }
    return slot;
}

Expected<sqlite3_stmt *> SqliteBulkWriter::prepare(int rows)
{
    QString marks = u"?"_s;
    for (int column = 1; column < m_columns; ++column)
        marks += u",?"_s;
    QStringList tuples(rows, u'(' + marks + u')');
    const QByteArray sql
        = u"INSERT OR FAIL INTO %1 (%2) VALUES %3"_s.arg(m_table, m_columnList, tuples.join(u',')).toUtf8();
    sqlite3_stmt *prepared = nullptr;
    if (sqlite3_prepare_v3(m_db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &prepared, nullptr)
        != SQLITE_OK) {
        sqlite3_finalize(prepared);
        return error(u"cannot prepare the insert into"_s);
    }
    return prepared;
}

Expected<void> SqliteBulkWriter::insert(qsizetype first, int rows)
{
    if (m_values.size() != size_t(m_rows) * size_t(m_columns))
        return storeError(StoreReason::Sql,
                          u"%1: %2 values for %3 rows of the %4 columns of %5"_s.arg(m_name)
                              .arg(qsizetype(m_values.size()))
                              .arg(m_rows)
                              .arg(m_columns)
                              .arg(m_table));
    auto prepared = statement(rows);
    if (!prepared)
        return prepared.error();
    sqlite3_stmt *insert = *prepared;
    // The buffer stays as it is until the statement has run: SQLITE_STATIC, no copy.
    const Value *value = m_values.data() + first * m_columns;
    for (int parameter = 1; parameter <= rows * m_columns; ++parameter, ++value) {
        const char *bytes = m_bytes.constData() + value->number;
        switch (value->kind) {
        case Value::Null:
            sqlite3_bind_null(insert, parameter);
            break;
        case Value::Int:
            sqlite3_bind_int64(insert, parameter, value->number);
            break;
        case Value::Text:
            sqlite3_bind_text64(insert, parameter, bytes, sqlite3_uint64(value->size), SQLITE_STATIC, SQLITE_UTF8);
            break;
        case Value::Blob:
            sqlite3_bind_blob64(insert, parameter, bytes, sqlite3_uint64(value->size), SQLITE_STATIC);
            break;
        }
    }
    const int stepped = sqlite3_step(insert);
    sqlite3_reset(insert);
    sqlite3_clear_bindings(insert); // no pointer into the buffer outlives this call
    if (stepped != SQLITE_DONE)
        return error(u"cannot insert into"_s);
    return {};
}

} // namespace Deck::Core
