// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitebulkwriter.h"

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
    for (sqlite3_stmt *statement : std::as_const(m_statements))
        sqlite3_finalize(statement);
}

Error SqliteBulkWriter::error(const QString &what) const
{
    return storeError(StoreReason::Sql,
                      u"%1: %2 %3: %4"_s.arg(m_name, what, m_table, QString::fromUtf8(sqlite3_errmsg(m_db))));
}

Expected<void> SqliteBulkWriter::start(QLatin1StringView table, const QList<QLatin1StringView> &columns)
{
    m_table = table;
    QString key = table;
    QString marks;
    for (const QLatin1StringView column : columns) {
        key += u',' + column;
        marks += marks.isEmpty() ? u"?"_s : u",?"_s;
    }
    m_column = 0;
    m_current = m_statements.value(key);
    if (m_current)
        return {};
    QStringList names;
    for (const QLatin1StringView column : columns)
        names.append(column);
    const QByteArray sql = u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(table, names.join(u','), marks).toUtf8();
    if (sqlite3_prepare_v3(m_db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_current, nullptr)
        != SQLITE_OK) {
        m_current = nullptr;
        return error(u"cannot prepare the insert into"_s);
    }
    m_statements.insert(key, m_current);
    return {};
}

void SqliteBulkWriter::addNull()
{
    sqlite3_bind_null(m_current, ++m_column);
}

void SqliteBulkWriter::addInt(qint64 value)
{
    sqlite3_bind_int64(m_current, ++m_column, value);
}

void SqliteBulkWriter::addText(QByteArrayView utf8)
{
    sqlite3_bind_text64(m_current, ++m_column, utf8.data() ? utf8.data() : "", sqlite3_uint64(utf8.size()),
                        SQLITE_TRANSIENT, SQLITE_UTF8);
}

void SqliteBulkWriter::addBlob(QByteArrayView bytes)
{
    sqlite3_bind_blob64(m_current, ++m_column, bytes.data() ? bytes.data() : "", sqlite3_uint64(bytes.size()),
                        SQLITE_TRANSIENT);
}

Expected<void> SqliteBulkWriter::endRow()
{
    const int stepped = sqlite3_step(m_current);
    sqlite3_reset(m_current);
    m_column = 0;
    if (stepped != SQLITE_DONE)
        return error(u"cannot insert into"_s);
    return {};
}

Expected<void> SqliteBulkWriter::finish()
{
    if (m_current)
        sqlite3_clear_bindings(m_current);
    m_current = nullptr;
    return {};
}

void SqliteBulkWriter::abort()
{
    if (m_current) {
        sqlite3_reset(m_current);
        sqlite3_clear_bindings(m_current);
    }
    m_current = nullptr;
    m_column = 0;
}

} // namespace Deck::Core
