// SPDX-License-Identifier: GPL-3.0-or-later
// BulkWriter over the libpq connection behind Qt's QPSQL driver: COPY table (columns) FROM STDIN in text format,
// rows escaped (backslash, tab, newline, carriage return; bytea as \\x hex) and sent in blocks of about 1 MiB.
// Only one COPY can run on a connection, so tables are written one after the other.
#pragma once

#include "bulkwriter.h"

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

private:
    Expected<void> send();
    Error error(const QString &what) const;

    pg_conn *m_conn;
    QString m_name;
    QString m_table;
    QByteArray m_buffer;
    bool m_copying = false;
};

} // namespace Deck::Core
