// SPDX-License-Identifier: GPL-3.0-or-later
// BulkWriter over the libpq connection behind Qt's QPSQL driver: COPY table (columns) FROM STDIN in PostgreSQL's
// binary format, sent in blocks of 128 KiB. Binary rows cost the server no parsing (no digits, no escapes, no hex
// for bytea), which is most of COPY's own work on the event tables' integer columns. A binary field must match its
// column's type exactly, so start() learns the columns' types from the catalog once per table (cached for the
// connection's life) and refuses a type it cannot encode. Only one COPY can run on a connection, so tables are
// written one after the other.
#pragma once

#include "bulkwriter.h"

#include <QHash>

struct pg_conn;

namespace Deck::Core {

class PgBulkWriter final : public BulkWriter
{
public:
    PgBulkWriter(void *pgconn, QString databaseName);
    ~PgBulkWriter() override;

    Expected<void> start(QLatin1StringView table, const QList<QLatin1StringView> &columns) override;
    void addNull() override;
    void addInt(qint64 value) override;
    void addText(QByteArrayView utf8) override;
    void addBlob(QByteArrayView bytes) override;
    Expected<void> endRow() override;
    Expected<void> finish() override;
    void abort() override;

    // How a column's values are encoded: integers by their width, everything else (text, bytea) as its bytes.
    enum class Field : quint8 { Int8, Int4, Int2, Bytes };

private:
    Expected<QList<Field>> fieldsOf(QLatin1StringView table, const QList<QLatin1StringView> &columns);
    Expected<void> send();
    Error error(const QString &what) const;
    char *grow(qsizetype bytes);
    void addBytes(QByteArrayView bytes);

    pg_conn *m_conn;
    QString m_name;
    QString m_table;
    QByteArray m_buffer;
    QHash<QString, QList<Field>> m_fields; // by "table,column,..."
    QList<Field> m_current;
    qsizetype m_column = 0;
    QString m_failure; // the first encoding error of the current COPY, reported at endRow()
    bool m_copying = false;
};

} // namespace Deck::Core
