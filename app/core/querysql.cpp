// SPDX-License-Identifier: GPL-3.0-or-later
#include "querysql.h"

#include "accountnames.h"
#include "database.h"
#include "nativerows.h"

using namespace Qt::StringLiterals;

namespace Deck::Core {

QString processColumns(UserNameColumn userName)
{
    static const QString columns
        = u"p.id, p.host_id, p.pid, p.start, p.start_ts, p.parent_id, p.parent_pid, p.parent_start, "
          u"COALESCE(p.comm, ''), p.exe, p.argv, p.cwd, p.uid, p.last_ts, p.exit_ts, p.exit_code, p.exit_signal, "_s;
    // The user's name as of the process's latest uid (its latest image or credential change, else its start).
    static const QString resolved
        = columns + accountNameAt("uid"_L1, u"p.host_id"_s, u"p.uid"_s, u"COALESCE(p.ids_ts, p.start_ts)"_s);
    static const QString null = columns + u"NULL"_s;
    return userName == UserNameColumn::Resolved ? resolved : null;
}

QString processFields(const QString &alias)
{
    static const QStringList names{u"id"_s,        u"host_id"_s,     u"pid"_s,          u"start"_s,   u"start_ts"_s,
                                   u"parent_id"_s, u"parent_pid"_s,  u"parent_start"_s, u"comm"_s,    u"exe"_s,
                                   u"argv"_s,      u"cwd"_s,         u"uid"_s,          u"last_ts"_s, u"exit_ts"_s,
                                   u"exit_code"_s, u"exit_signal"_s, u"ids_ts"_s};
    if (alias.isEmpty())
        return names.join(u", "_s);
    return alias + u'.' + names.join(u", "_s + alias + u'.');
}

QString hasChildrenColumn()
{
    return u"CASE WHEN EXISTS (SELECT 1 FROM processes c WHERE c.parent_id = p.id) THEN 1 ELSE 0 END"_s;
}

std::optional<qint64> optionalInt(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

QVariant nullable(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::LongLong));
}

namespace {

// The values of a QSqlQuery's row.
struct QueryValues
{
    const QSqlQuery &q;
    qint64 toInt(int column) const { return q.value(column).toLongLong(); }
    std::optional<qint64> optionalInt(int column) const { return Core::optionalInt(q.value(column)); }
    QByteArray toBytes(int column) const { return q.value(column).toByteArray(); }
    QString toText(int column) const { return q.value(column).toString(); }
    QByteArray repeatedBytes(int column) const { return toBytes(column); }
    QString repeatedText(int column) const { return toText(column); }
};

// The values of a native row, those that repeat shared.
struct NativeValues
{
    const NativeRows &rows;
    SharedStrings &shared;
    qint64 toInt(int column) const { return rows.toInt(column); }
    std::optional<qint64> optionalInt(int column) const { return rows.optionalInt(column); }
    QByteArray toBytes(int column) const { return rows.toBytes(column); }
    QByteArray repeatedBytes(int column) const { return shared.bytes(rows, column); }
    QString repeatedText(int column) const { return shared.text(rows, column); }
};

template <typename Values> ProcessRow processFrom(const Values &values, int first)
{
    ProcessRow row;
    int c = first;
    row.id = values.toInt(c++);
    row.hostId = values.toInt(c++);
    row.pid = values.toInt(c++);
    row.start = values.toInt(c++);
    row.startTs = values.toInt(c++);
    row.parentId = values.optionalInt(c++);
    row.parentPid = values.optionalInt(c++);
    row.parentStart = values.optionalInt(c++);
    row.comm = values.repeatedText(c++);
    row.exe = values.repeatedBytes(c++);
    row.argv = values.toBytes(c++);
    row.cwd = values.repeatedBytes(c++);
    row.uid = values.optionalInt(c++);
    row.lastTs = values.optionalInt(c++);
    row.exitTs = values.optionalInt(c++);
    row.exitCode = values.optionalInt(c++);
    row.exitSignal = values.optionalInt(c++);
    row.userName = values.repeatedText(c++);
    return row;
}

} // namespace

ProcessRow readProcess(const QSqlQuery &q, int first)
{
    return processFrom(QueryValues{q}, first);
}

ProcessRow readProcess(const NativeRows &rows, SharedStrings &shared, int first)
{
    return processFrom(NativeValues{rows, shared}, first);
}

QString fileEventColumns()
{
    return u"f.id, f.process_id, f.ts, f.op, pa.path, tp.path, f.count, f.last_ts"_s;
}

FileEventRow readFileEvent(const QSqlQuery &q, int first)
{
    FileEventRow row;
    int c = first;
    row.id = q.value(c++).toLongLong();
    row.processId = q.value(c++).toLongLong();
    row.ts = q.value(c++).toLongLong();
    row.op = q.value(c++).toString();
    row.path = q.value(c++).toByteArray();
    row.toPath = q.value(c++).toByteArray();
    row.count = q.value(c++).toLongLong();
    row.lastTs = optionalInt(q.value(c++));
    return row;
}

QString netEventColumns()
{
    return u"n.id, n.process_id, n.ts, n.op, n.proto, n.laddr, n.lport, COALESCE(n.raddr, ''), n.rport, n.count, "
           u"n.host_id"_s;
}

NetEventRow readNetEvent(const QSqlQuery &q, int first)
{
    NetEventRow row;
    int c = first;
    row.id = q.value(c++).toLongLong();
    row.processId = optionalInt(q.value(c++));
    row.ts = q.value(c++).toLongLong();
    row.op = q.value(c++).toString();
    row.proto = q.value(c++).toString();
    row.laddr = q.value(c++).toString();
    row.lport = q.value(c++).toLongLong();
    row.raddr = q.value(c++).toString();
    row.rport = optionalInt(q.value(c++));
    row.count = q.value(c++).toLongLong();
    return row;
}

QString inRange(const QString &column, const TimeRange &range, QVariantList &params)
{
    QString sql;
    if (range.from) {
        sql += u" AND %1 >= ?"_s.arg(column);
        params << *range.from;
    }
    if (range.to) {
        sql += u" AND %1 < ?"_s.arg(column);
        params << *range.to;
    }
    return sql;
}

QString afterCursor(const PageRequest &page, const QString &tsColumn, const QString &idColumn, QVariantList &params)
{
    if (!page.after)
        return {};
    params << page.after->ts << page.after->ts << page.after->id;
    // (ts, id) > (after.ts, after.id) with the time as a range of its own: written (ts > ? OR (ts = ? AND id > ?)),
    // SQLite read a page of roots as two index ranges and sorted every later root.
    return u" AND %1 >= ? AND (%1 > ? OR %2 > ?)"_s.arg(tsColumn, idColumn);
}

QString containsBytes(Engine engine, const QString &column)
{
    return engine == Engine::Sqlite ? u"instr(%1, ?)"_s.arg(column) : u"position(? in %1)"_s.arg(column);
}

QString leadingBytes(Engine engine, const QString &column, const QString &length)
{
    return engine == Engine::Sqlite ? u"substr(%1, 1, %2)"_s.arg(column, length)
                                    : u"substring(%1 from 1 for %2)"_s.arg(column, length);
}

QByteArray prefixUpperBound(QByteArray prefix)
{
    while (!prefix.isEmpty() && quint8(prefix.back()) == 0xff)
        prefix.chop(1);
    if (!prefix.isEmpty())
        prefix.back() = char(quint8(prefix.back()) + 1);
    return prefix;
}

Expected<qint64> findHost(Database &db, const QString &text)
{
    bool isNumber = false;
    const qint64 number = text.toLongLong(&isNumber);
    auto rows = db.query(u"SELECT id FROM hosts WHERE id = ? OR machine_id = ? OR hostname = ? ORDER BY id"_s,
                         {isNumber ? number : -1, text, text});
    if (!rows)
        return rows.error();
    QList<qint64> ids;
    while (rows->next())
        ids.append(rows->value(0).toLongLong());
    if (ids.isEmpty())
        return storeError(StoreReason::NotFound, u"%1: no such host in the case %2"_s.arg(text, db.name()));
    if (ids.size() > 1)
        return storeError(StoreReason::Conflict,
                          u"%1: %2 hosts have that name; give the machine id instead"_s.arg(text).arg(ids.size()));
    return ids.constFirst();
}

} // namespace Deck::Core
