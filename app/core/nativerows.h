// SPDX-License-Identifier: GPL-3.0-or-later
// The rows of a query read over the driver's native handle (a sqlite3 statement; a PostgreSQL cursor fetched 10,000
// rows at a time with binary results), for results of very many rows: Qt SQL makes a QVariant of every value, which
// was most of the cost of reading a whole process forest (1.1 s of 1.7 s for 248k processes). Values are read by
// column number in the query's order; a column is read as the type the caller expects (an integer, bytes or text)
// and a value of another type reads as 0 or empty.
// Thread: the Database's. The statement runs on the Database's connection, which must have no other statement in
// progress (a streamed QSqlQuery read to its end and finished): read it to its end (or destroy it)
// before the next query. On PostgreSQL the cursor lives in the caller's transaction, or when there is none in one
// of its own that ends with it. Errors name the database.
#pragma once

#include "storeerror.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVariantList>
#include <memory>
#include <optional>

namespace Deck::Core {

class Database;

class NativeRows
{
public:
    virtual ~NativeRows() = default;

    // Moves to the next row: true on a row, false at the end.
    [[nodiscard]] virtual Expected<bool> next() = 0;
    virtual bool isNull(int column) const = 0;
    virtual qint64 toInt(int column) const = 0;
    // The value's bytes as they are, valid until next().
    virtual QByteArrayView view(int column) const = 0;
    QByteArray toBytes(int column) const { return view(column).toByteArray(); }
    QString toText(int column) const { return QString::fromUtf8(view(column)); }

    std::optional<qint64> optionalInt(int column) const
    {
        return isNull(column) ? std::nullopt : std::optional<qint64>(toInt(column));
    }
};

// Values that repeat from row to row (a host's program names, directories, users) read once and shared by the rows
// that hold them (Qt's implicit sharing): no allocation per row, and less memory for a million rows. At most
// kMaxShared different values are kept; past that, values are copied as they are read.
class SharedStrings
{
public:
    static constexpr qsizetype kMaxShared = 65536;
    QString text(const NativeRows &rows, int column);
    QByteArray bytes(const NativeRows &rows, int column);

private:
    QHash<QByteArray, QString> m_texts;
    QHash<QByteArray, QByteArray> m_bytes;
};

// Runs `sql` with positional '?' parameters (integers, strings, byte arrays or nulls; every '?' in `sql` is a
// parameter) on `db`'s connection.
Expected<std::unique_ptr<NativeRows>> nativeRows(Database &db, const QString &sql, const QVariantList &params = {});

} // namespace Deck::Core
