// SPDX-License-Identifier: GPL-3.0-or-later
// Bulk rows into one table at a time, the fast path of the importer: start(table, columns), then per row the
// add*() calls in column order and endRow(), then finish(); the rows are in the table once finish() returns (not
// before: no other statement may run on the connection in between). SQLite: cached prepared INSERTs of several rows
// each. PostgreSQL: COPY ... FROM STDIN (binary format) streamed through libpq. Runs inside the caller's
// transaction; an error leaves the transaction to be rolled back by the caller (Database::rollback() drops rows not
// yet written). Thread: that of the owning Database.
#pragma once

#include "storeerror.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace Deck::Core {

class BulkWriter
{
public:
    virtual ~BulkWriter();

    virtual Expected<void> start(QLatin1StringView table, const QList<QLatin1StringView> &columns) = 0;
    virtual void addNull() = 0;
    virtual void addInt(qint64 value) = 0;
    virtual void addText(QByteArrayView utf8) = 0;
    virtual void addBlob(QByteArrayView bytes) = 0;
    virtual Expected<void> endRow() = 0;
    virtual Expected<void> finish() = 0;
    // Drops a started table's unfinished rows (the transaction is being rolled back).
    virtual void abort() = 0;

    void addText(const QString &text) { addText(QByteArrayView(text.toUtf8())); }
    void addOptional(const std::optional<qint64> &value) { value ? addInt(*value) : addNull(); }
    void addOptionalBlob(const std::optional<QByteArray> &value) { value ? addBlob(*value) : addNull(); }
    void addOptionalText(const std::optional<QString> &value) { value ? addText(*value) : addNull(); }
};

} // namespace Deck::Core
