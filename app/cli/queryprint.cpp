// SPDX-License-Identifier: GPL-3.0-or-later
#include "queryprint.h"

#include "accountnames.h"
#include "bytetext.h"
#include "database.h"
#include "timetext.h"

using namespace Qt::StringLiterals;
using namespace Deck::Core;

namespace Deck::Cli {

Expected<HostNames> hostNames(Database &db)
{
    auto q = db.query(u"SELECT id, hostname FROM hosts"_s);
    if (!q)
        return q.error();
    HostNames names;
    while (q->next())
        names.insert(q->value(0).toLongLong(), q->value(1).toString());
    return names;
}

void insertTime(QJsonObject &object, const QString &name, qint64 ns)
{
    object.insert(name + u"_ts"_s, QString::number(ns));
    object.insert(name + u"_time"_s, isoTime(ns));
}

QString isoOrDash(std::optional<qint64> ns)
{
    return ns ? isoTime(*ns) : u"-"_s;
}

QJsonObject processJson(const ProcessRow &row, const HostNames &hosts)
{
    QJsonObject o{{u"id"_s, row.id},
                  {u"host"_s, hosts.value(row.hostId)},
                  {u"pid"_s, row.pid},
                  {u"start"_s, QString::number(row.start)},
                  {u"comm"_s, row.comm},
                  {u"exe"_s, bytesJson(row.exe)},
                  {u"argv"_s, argvJson(row.argv)},
                  {u"cwd"_s, bytesJson(row.cwd)},
                  {u"has_children"_s, row.hasChildren}};
    insertTime(o, u"start"_s, row.startTs);
    if (row.parentId)
        o.insert(u"parent_id"_s, *row.parentId);
    if (row.parentPid)
        o.insert(u"parent_pid"_s, *row.parentPid);
    if (row.uid)
        o.insert(u"uid"_s, *row.uid);
    if (!row.userName.isEmpty())
        o.insert(u"user_name"_s, row.userName); // the uid's name on the host then; absent when unknown
    if (row.exitTs)
        insertTime(o, u"exit"_s, *row.exitTs);
    if (row.exitCode)
        o.insert(u"exit_code"_s, *row.exitCode);
    if (row.exitSignal)
        o.insert(u"exit_signal"_s, *row.exitSignal);
    if (row.lastTs)
        insertTime(o, u"last"_s, *row.lastTs);
    return o;
}

QString processLine(const ProcessRow &row, const HostNames &hosts)
{
    QString end;
    if (row.exitTs)
        end = u"  [exit %1 at %2]"_s.arg(row.exitSignal ? u"signal %1"_s.arg(*row.exitSignal)
                                                        : QString::number(row.exitCode.value_or(0)),
                                         isoTime(*row.exitTs));
    const QString user = row.uid ? u" user %1"_s.arg(userText(*row.uid, row.userName)) : QString();
    return u"#%1 %2/%3 started %4 %5%6: %7%8"_s.arg(row.id)
        .arg(hosts.value(row.hostId))
        .arg(row.pid)
        .arg(isoTime(row.startTs), displayBytes(row.comm.toUtf8()), user,
             row.argv.isEmpty() ? displayBytes(row.exe) : displayArgv(row.argv), end);
}

QJsonObject fileEventJson(const FileEventRow &row)
{
    QJsonObject o{{u"id"_s, row.id},
                  {u"process_id"_s, row.processId},
                  {u"op"_s, row.op},
                  {u"path"_s, bytesJson(row.path)},
                  {u"count"_s, row.count}};
    insertTime(o, u"event"_s, row.ts);
    if (!row.toPath.isEmpty())
        o.insert(u"to_path"_s, bytesJson(row.toPath));
    return o;
}

QString fileEventLine(const FileEventRow &row)
{
    return u"%1 %2 %3%4%5"_s.arg(isoTime(row.ts), row.op, displayBytes(row.path),
                                 row.toPath.isEmpty() ? QString() : u" -> "_s + displayBytes(row.toPath),
                                 row.count > 1 ? u" (x%1)"_s.arg(row.count) : QString());
}

QJsonObject netEventJson(const NetEventRow &row)
{
    QJsonObject o{{u"id"_s, row.id},       {u"op"_s, row.op},       {u"proto"_s, row.proto},
                  {u"laddr"_s, row.laddr}, {u"lport"_s, row.lport}, {u"count"_s, row.count}};
    insertTime(o, u"event"_s, row.ts);
    if (row.processId)
        o.insert(u"process_id"_s, *row.processId);
    if (!row.raddr.isEmpty())
        o.insert(u"raddr"_s, row.raddr);
    if (row.rport)
        o.insert(u"rport"_s, *row.rport);
    return o;
}

QString netEventLine(const NetEventRow &row)
{
    const auto end = [](const QString &addr, qint64 port) {
        return addr.contains(u':') ? u"[%1]:%2"_s.arg(addr).arg(port) : u"%1:%2"_s.arg(addr).arg(port);
    };
    return u"%1 %2 %3 %4%5"_s.arg(isoTime(row.ts), row.proto, row.op, end(row.laddr, row.lport),
                                  row.raddr.isEmpty() ? QString() : u" -> "_s + end(row.raddr, row.rport.value_or(0)));
}

QJsonObject lossJson(const LossRow &row)
{
    QJsonObject o{{u"type"_s, u"loss"_s},
                  {u"source"_s, row.source},
                  {u"count"_s, row.count},
                  {u"unit"_s, row.unit},
                  {u"reason"_s, row.reason}};
    insertTime(o, u"from"_s, row.ts);
    insertTime(o, u"to"_s, row.lastTs.value_or(row.ts));
    return o;
}

QJsonObject gapJson(const ChainGap &row)
{
    QJsonObject o{{u"type"_s, u"chain gap"_s},
                  {u"first_missing_seq"_s, row.firstMissing},
                  {u"last_missing_seq"_s, row.lastMissing},
                  {u"key_id"_s, row.keyId}};
    if (row.afterTs)
        insertTime(o, u"from"_s, *row.afterTs);
    insertTime(o, u"to"_s, row.beforeTs);
    return o;
}

QJsonObject downtimeJson(const Downtime &row)
{
    QJsonObject o{{u"type"_s, u"downtime"_s}, {u"clean"_s, row.clean}};
    insertTime(o, u"from"_s, row.from);
    insertTime(o, u"to"_s, row.to);
    return o;
}

QString cursorText(const Cursor &cursor)
{
    return u"%1:%2"_s.arg(cursor.ts).arg(cursor.id);
}

std::optional<Cursor> parseCursor(const QString &text)
{
    const auto parts = text.split(u':');
    bool tsOk = false, idOk = false;
    if (parts.size() != 2)
        return std::nullopt;
    const Cursor cursor{parts[0].toLongLong(&tsOk), parts[1].toLongLong(&idOk)};
    if (!tsOk || !idOk)
        return std::nullopt;
    return cursor;
}

} // namespace Deck::Cli
