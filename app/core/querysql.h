// SPDX-License-Identifier: GPL-3.0-or-later
// SQL pieces the query classes share (internal to flightdeck_core): the columns of a process row and how to read
// them, keyset paging, and the few expressions that are spelled differently by SQLite and PostgreSQL. Every value
// goes in as a '?' parameter; only these fixed fragments are pasted into statements.
#pragma once

#include "databaselocation.h"
#include "querytypes.h"

#include <QSqlQuery>
#include <QVariant>

namespace Deck::Core {

class NativeRows;
class SharedStrings;

// The columns of ProcessRow for a table (or recursive CTE) aliased `p`, in readProcess()'s order. The user's name
// is resolved by a subquery per row, or left NULL for the caller to resolve in memory (a whole forest).
enum class UserNameColumn { Resolved, Null };
QString processColumns(UserNameColumn userName = UserNameColumn::Resolved);
// The processes columns processColumns() reads, each prefixed with "alias." (none when alias is empty).
QString processFields(const QString &alias);
// Reads the columns of processColumns() starting at column `first`, from a QSqlQuery or from NativeRows (the same
// order, whichever reads them).
ProcessRow readProcess(const QSqlQuery &q, int first = 0);
// From NativeRows, the values that repeat between processes (name, program, directory, user) shared through `shared`.
ProcessRow readProcess(const NativeRows &rows, SharedStrings &shared, int first = 0);
// EXISTS (a child of p) as one more column.
QString hasChildrenColumn();

// The columns of FileEventRow for file_events `f` joined with paths `pa` (path) and `tp` (rename target, LEFT JOIN).
QString fileEventColumns();
FileEventRow readFileEvent(const QSqlQuery &q, int first = 0);
inline constexpr int kFileEventColumns = 8;
// The columns of NetEventRow for net_events `n`.
QString netEventColumns();
NetEventRow readNetEvent(const QSqlQuery &q, int first = 0);
inline constexpr int kNetEventColumns = 11;
inline constexpr int kProcessColumns = 18;

std::optional<qint64> optionalInt(const QVariant &value);
QVariant nullable(const std::optional<qint64> &value);

// " AND column >= ? AND column < ?" for the ends of `range` that are set, and their parameters.
QString inRange(const QString &column, const TimeRange &range, QVariantList &params);
// " AND ts >= ? AND (ts > ? OR id > ?)" for keyset paging on (tsColumn, idColumn), and its parameters.
QString afterCursor(const PageRequest &page, const QString &tsColumn, const QString &idColumn, QVariantList &params);
// Reads up to limit + 1 rows through `read`; the extra row only says that a next page exists.
template <typename T, typename Read, typename CursorOf>
Page<T> readPage(QSqlQuery &q, const PageRequest &page, Read read, CursorOf cursorOf)
{
    Page<T> result;
    while (q.next()) {
        if (result.rows.size() == page.limit) {
            result.next = cursorOf(result.rows.constLast());
            break;
        }
        result.rows.append(read(q));
    }
    return result;
}
// LIMIT of a page: one more than asked, to know whether more follow. Limits below 1 mean 1.
inline int pageLimit(const PageRequest &page)
{
    return std::max(1, page.limit) + 1;
}

// The position of `needle` (a parameter) in the byte string `column`, > 0 when contained: instr() and position().
QString containsBytes(Engine engine, const QString &column);
// The first `length` bytes of `column` (both a parameter placeholder or a literal number).
QString leadingBytes(Engine engine, const QString &column, const QString &length);
// The smallest byte string greater than every string that starts with `prefix`; empty when there is none.
QByteArray prefixUpperBound(QByteArray prefix);

} // namespace Deck::Core
