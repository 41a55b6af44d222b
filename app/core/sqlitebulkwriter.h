// SPDX-License-Identifier: GPL-3.0-or-later
// BulkWriter over the sqlite3 handle behind Qt's QSQLITE driver: one prepared INSERT per (table, columns), cached
// for the connection's life, values bound with sqlite3_bind_* and stepped per row.
#pragma once

#include "bulkwriter.h"

#include <QHash>

struct sqlite3;
struct sqlite3_stmt;

namespace Deck::Core {

class SqliteBulkWriter final : public BulkWriter
{
public:
    SqliteBulkWriter(void *sqliteHandle, QString databaseName);
    ~SqliteBulkWriter() override;

    Expected<void> start(QLatin1StringView table, const QList<QLatin1StringView> &columns) override;
    void addNull() override;
    void addInt(qint64 value) override;
    void addText(QByteArrayView utf8) override;
    void addBlob(QByteArrayView bytes) override;
    Expected<void> endRow() override;
    Expected<void> finish() override;
    void abort() override;

private:
    Error error(const QString &what) const;

    sqlite3 *m_db;
    QString m_name;
    QString m_table;
    QHash<QString, sqlite3_stmt *> m_statements;
    sqlite3_stmt *m_current = nullptr;
    int m_column = 0;
};

} // namespace Deck::Core
