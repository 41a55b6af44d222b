// SPDX-License-Identifier: GPL-3.0-or-later
// BulkWriter over the sqlite3 handle behind Qt's QSQLITE driver. Rows are collected (values in one buffer) and
// inserted by a prepared multi-row INSERT of kRowsPerInsert rows, bound from that buffer without a copy; the rows
// left at finish() go in one at a time. Statements are cached for the connection's life. A statement per row ran
// the insert's program from its start for every row, opening the table and each of its indexes anew.
// INSERT OR FAIL: a refused row ends the statement and keeps the rows before it, so SQLite keeps no statement
// journal (a copy of every page a multi-row statement changes, in case it must undo them; with it the import was
// 50 % slower than one row per statement). The caller's rollback undoes them with the rest of its transaction.
#pragma once

#include "bulkwriter.h"

#include <QHash>
#include <vector>

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

    // At most this many rows per INSERT (fewer when the columns would pass SQLite's limit on parameters). From 8
    // to 256 the import's time stayed within the machine's spread; 16 had the best medians (bench_import, 2026-12-05).
    static constexpr int kRowsPerInsert = 16;

private:
    struct Value
    {
        enum Kind : quint8 { Null, Int, Text, Blob } kind;
        qint64 number; // Int: the value; Text, Blob: the offset in m_bytes
        qsizetype size; // Text, Blob: bytes
    };
    Error error(const QString &what) const;
    // The statements of one table and its columns: a full INSERT of m_rowsPerInsert rows and a one-row INSERT (for
    // the rows left at finish()); each prepared on first use, kept for the connection's life.
    struct Inserts
    {
        sqlite3_stmt *full = nullptr;
        sqlite3_stmt *single = nullptr;
    };
    // The current table's statement inserting `rows` rows (m_rowsPerInsert or 1).
    Expected<sqlite3_stmt *> statement(int rows);
    Expected<sqlite3_stmt *> prepare(int rows);
    // Inserts `rows` collected rows from `first` on with the statement for that many rows.
    Expected<void> insert(qsizetype first, int rows);
    void clearRows();

    sqlite3 *m_db;
    QString m_name;
    QString m_table;
    QString m_columnList;
    int m_columns = 0;
    int m_rowsPerInsert = 1;
    QHash<QString, Inserts> m_statements; // by table and columns
    Inserts *m_inserts = nullptr; // the current table's, in m_statements until the next start()
    std::vector<Value> m_values; // the collected rows, row after row (a QList's append was 3 % of an import)
    QByteArray m_bytes; // their text and blobs
    qsizetype m_rows = 0;
};

} // namespace Deck::Core
