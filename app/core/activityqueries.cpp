// SPDX-License-Identifier: GPL-3.0-or-later
#include "activityqueries.h"

#include "database.h"
#include "digest.h"
#include "processqueries.h"
#include "querysql.h"

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

// PostgreSQL's index on paths covers the first 1024 bytes (migration 1); SQLite's the whole path.
constexpr int kIndexedPrefix = 1024;

// Identity columns of the process of an event, for lists of many events.
QString identityColumns()
{
    return u"p.id, p.host_id, p.pid, p.start, p.start_ts, COALESCE(p.comm, ''), p.exe"_s;
}

ProcessRow readIdentity(const QSqlQuery &q, int first)
{
    ProcessRow row;
    row.id = q.value(first).toLongLong();
    row.hostId = q.value(first + 1).toLongLong();
    row.pid = q.value(first + 2).toLongLong();
    row.start = q.value(first + 3).toLongLong();
    row.startTs = q.value(first + 4).toLongLong();
    row.comm = q.value(first + 5).toString();
    row.exe = q.value(first + 6).toByteArray();
    return row;
}

// The condition on paths `pa` that selects the paths leading with `prefix`, over the engine's index.
QString prefixCondition(Engine engine, const QByteArray &prefix, QVariantList &params)
{
    const QByteArray key = engine == Engine::Postgres ? prefix.left(kIndexedPrefix) : prefix;
    const QString indexed = engine == Engine::Postgres
        ? leadingBytes(engine, u"pa.path"_s, QString::number(kIndexedPrefix))
        : u"pa.path"_s;
    QString sql = u"%1 >= ?"_s.arg(indexed);
    params << key;
    if (const QByteArray upper = prefixUpperBound(key); !upper.isEmpty()) {
        sql += u" AND %1 < ?"_s.arg(indexed);
        params << upper;
    }
    sql += u" AND %1 = ?"_s.arg(leadingBytes(engine, u"pa.path"_s, QString::number(prefix.size())));
    params << prefix;
    return sql;
}

} // namespace

QByteArray globLiteralPrefix(const QByteArray &glob)
{
    QByteArray prefix;
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const char c = glob[i];
        if (c == '*' || c == '?')
            break;
        if (c == '\\' && i + 1 < glob.size())
            ++i;
        prefix.append(glob[i]);
    }
    return prefix;
}

QByteArray globToLike(const QByteArray &glob)
{
    QByteArray like;
    for (qsizetype i = 0; i < glob.size(); ++i) {
        char c = glob[i];
        if (c == '*') {
            like.append('%');
            continue;
        }
        if (c == '?') {
            like.append('_');
            continue;
        }
        if (c == '\\' && i + 1 < glob.size())
            c = glob[++i];
        if (c == '%' || c == '_' || c == '\\')
            like.append('\\');
        like.append(c);
    }
    return like;
}

QByteArray globToSqliteGlob(const QByteArray &glob)
{
    QByteArray out;
    for (qsizetype i = 0; i < glob.size(); ++i) {
        char c = glob[i];
        if (c == '*' || c == '?') {
            out.append(c);
            continue;
        }
        if (c == '\\' && i + 1 < glob.size())
            c = glob[++i];
        if (c == '[' || c == '*' || c == '?')
            out.append('[').append(c).append(']');
        else
            out.append(c);
    }
    return out;
}

ActivityQueries::ActivityQueries(Database &db)
    : m_db(db)
{
}

Expected<ProcessActivity> ActivityQueries::did(qint64 processId, qint64 window, int limit)
{
    ProcessQueries processes(m_db);
    auto process = processes.process(processId);
    if (!process)
        return process.error();
    ProcessActivity activity;
    activity.process = *process;
    limit = std::max(1, limit);
    const QString cut = u" LIMIT %1"_s.arg(limit + 1);
    const auto full = [&](auto &list) {
        if (list.size() > limit) {
            list.removeLast();
            activity.truncated = true;
        }
    };

    auto events = m_db.query(u"SELECT id, ts, kind, detail FROM process_events WHERE process_id = ? "
                             u"ORDER BY ts, id"_s
                                 + cut,
                             {processId});
    if (!events)
        return events.error();
    while (events->next())
        activity.events.append({events->value(0).toLongLong(), events->value(1).toLongLong(),
                                events->value(2).toString(), events->value(3).toString().toUtf8()});
    full(activity.events);

    auto files = m_db.query(u"SELECT %1 FROM file_events f JOIN paths pa ON pa.id = f.path_id "
                            u"LEFT JOIN paths tp ON tp.id = f.to_path_id WHERE f.process_id = ? "
                            u"ORDER BY f.ts, f.id"_s.arg(fileEventColumns())
                                + cut,
                            {processId});
    if (!files)
        return files.error();
    while (files->next())
        activity.files.append(readFileEvent(*files));
    full(activity.files);

    auto net = m_db.query(
        u"SELECT %1 FROM net_events n WHERE n.process_id = ? ORDER BY n.ts, n.id"_s.arg(netEventColumns()) + cut,
        {processId});
    if (!net)
        return net.error();
    while (net->next())
        activity.connections.append(readNetEvent(*net));
    full(activity.connections);

    auto children = processes.children(processId, PageRequest{limit, std::nullopt});
    if (!children)
        return children.error();
    activity.children = children->rows;
    activity.truncated = activity.truncated || children->next.has_value();

    const qint64 end = process->exitTs.value_or(process->lastTs.value_or(process->startTs));
    auto states = m_db.query(u"SELECT id, ts, kind, check_name, COALESCE(severity, ''), items FROM state_changes "
                             u"WHERE host_id = ? AND ts >= ? AND ts <= ? ORDER BY ts, id"_s
                                 + cut,
                             {process->hostId, process->startTs - window, end + window});
    if (!states)
        return states.error();
    while (states->next())
        activity.stateChanges.append({states->value(0).toLongLong(), states->value(1).toLongLong(),
                                      states->value(2).toString(), states->value(3).toString(),
                                      states->value(4).toString(), states->value(5).toLongLong()});
    full(activity.stateChanges);
    return activity;
}

Expected<Page<FileTouchRow>> ActivityQueries::whoTouched(const QByteArray &path, PathMatch match,
                                                         const TimeRange &range, const PageRequest &page)
{
    if (path.isEmpty())
        return storeError(StoreReason::NotFound, u"who-touched: the path is empty"_s);
    const Engine engine = m_db.engine();
    QVariantList params;
    QString where;
    switch (match) {
    case PathMatch::Exact:
        // The interned path's digest (paths.digest UNIQUE), then the bytes themselves.
        where = u"pa.digest = ? AND pa.path = ?"_s;
        params << Flight::Format::Blake2b256::hash(path).left(16) << path;
        break;
    case PathMatch::Prefix:
        where = prefixCondition(engine, path, params);
        break;
    case PathMatch::Glob: {
        const QByteArray literal = globLiteralPrefix(path);
        where = literal.isEmpty() ? u"1 = 1"_s : prefixCondition(engine, literal, params);
        if (engine == Engine::Sqlite) {
            // GLOB compares text (on a BLOB it matches nothing); the casts keep every byte of both.
            where += u" AND CAST(pa.path AS TEXT) GLOB CAST(? AS TEXT)"_s;
            params << globToSqliteGlob(path);
        } else {
            where += u" AND pa.path LIKE ?"_s;
            params << globToLike(path);
        }
        break;
    }
    }
    where += inRange(u"f.ts"_s, range, params);
    where += afterCursor(page, u"f.ts"_s, u"f.id"_s, params);
    auto q = m_db.query(u"SELECT %1, %2 FROM paths pa JOIN file_events f ON f.path_id = pa.id "
                        u"LEFT JOIN paths tp ON tp.id = f.to_path_id JOIN processes p ON p.id = f.process_id "
                        u"WHERE %3 ORDER BY f.ts, f.id LIMIT %4"_s.arg(fileEventColumns(), identityColumns(), where)
                            .arg(pageLimit(page)),
                        params);
    if (!q)
        return q.error();
    return readPage<FileTouchRow>(
        *q, page,
        [](const QSqlQuery &row) {
            return FileTouchRow{readFileEvent(row), readIdentity(row, kFileEventColumns)};
        },
        [](const FileTouchRow &row) {
            return Cursor{row.event.ts, row.event.id};
        });
}

Expected<Page<ConnectionRow>> ActivityQueries::whoConnected(const QString &address, std::optional<qint64> port,
                                                            Side side, const TimeRange &range, const PageRequest &page)
{
    if (address.isEmpty() && !port)
        return storeError(StoreReason::NotFound, u"who-connected: give an address, a port or both"_s);
    QVariantList params;
    const auto end = [&](const QString &addr, const QString &portColumn) {
        QStringList terms;
        if (!address.isEmpty()) {
            terms << u"n.%1 = ?"_s.arg(addr);
            params << address;
        }
        if (port) {
            terms << u"n.%1 = ?"_s.arg(portColumn);
            params << *port;
        }
        return u"("_s + terms.join(u" AND "_s) + u')';
    };
    // The remote end is served by net_events_remote (raddr, rport); the local end is a scan of the host's few
    // network events (they are a small share of a case).
    QString where = side == Side::Remote ? end(u"raddr"_s, u"rport"_s)
        : side == Side::Local            ? end(u"laddr"_s, u"lport"_s)
                              : u"(%1 OR %2)"_s.arg(end(u"raddr"_s, u"rport"_s), end(u"laddr"_s, u"lport"_s));
    where += inRange(u"n.ts"_s, range, params);
    where += afterCursor(page, u"n.ts"_s, u"n.id"_s, params);
    auto q = m_db.query(u"SELECT %1, %2 FROM net_events n LEFT JOIN processes p ON p.id = n.process_id "
                        u"WHERE %3 ORDER BY n.ts, n.id LIMIT %4"_s.arg(netEventColumns(), identityColumns(), where)
                            .arg(pageLimit(page)),
                        params);
    if (!q)
        return q.error();
    return readPage<ConnectionRow>(
        *q, page,
        [](const QSqlQuery &row) {
            ConnectionRow result{readNetEvent(row), row.value(kNetEventColumns - 1).toLongLong(), std::nullopt};
            if (!row.value(kNetEventColumns).isNull())
                result.process = readIdentity(row, kNetEventColumns);
            return result;
        },
        [](const ConnectionRow &row) {
            return Cursor{row.event.ts, row.event.id};
        });
}

} // namespace Deck::Core
