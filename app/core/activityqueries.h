// SPDX-License-Identifier: GPL-3.0-or-later
// What processes did: everything one process did (its events, files, connections, children and the host's state
// changes near its lifetime), which processes touched a path (exact, prefix or glob pattern) and which talked to an
// address and/or port (on either end). Paths are matched as raw bytes, case-sensitively.
// Thread: the Database's thread. Errors: the store's, naming the database or the process.
#pragma once

#include "querytypes.h"

namespace Deck::Core {

struct ProcessActivity
{
    ProcessRow process;
    QList<ProcessEventRow> events; // exec, exit, credential changes, by time
    QList<FileEventRow> files;
    QList<NetEventRow> connections;
    QList<ProcessRow> children;
    QList<StateChangeRow> stateChanges; // the host's, from `window` before its start to `window` after its end
    bool truncated = false; // a list was cut at the limit
};

// How a path argument matches: the whole path, a leading part, or a glob where '*' is any bytes (also '/') and '?'
// one character; '\' takes the next character literally.
enum class PathMatch { Exact, Prefix, Glob };

struct FileTouchRow
{
    FileEventRow event;
    ProcessRow process; // identity columns only (id, host, pid, start, comm, exe)
};

struct ConnectionRow
{
    NetEventRow event;
    qint64 hostId = 0;
    std::optional<ProcessRow> process; // identity columns only; absent when the event names no process
};

enum class Side { Either, Remote, Local };

class ActivityQueries
{
public:
    explicit ActivityQueries(Database &db);

    // `limit` bounds each list; `window` widens the state-change span around the process's lifetime (an unfinished
    // process's lifetime ends at its last event).
    Expected<ProcessActivity> did(qint64 processId, qint64 window = 60'000'000'000, int limit = 10000);
    Expected<Page<FileTouchRow>> whoTouched(const QByteArray &path, PathMatch match, const TimeRange &range = {},
                                            const PageRequest &page = {});
    // Empty address / absent port: any. At least one of them must be given.
    Expected<Page<ConnectionRow>> whoConnected(const QString &address, std::optional<qint64> port, Side side,
                                               const TimeRange &range = {}, const PageRequest &page = {});

private:
    Database &m_db;
};

// A glob pattern as a LIKE pattern with '\' as its escape character (PostgreSQL's bytea LIKE).
QByteArray globToLike(const QByteArray &glob);
// A glob pattern for SQLite's GLOB: '[' and the escaped characters in brackets.
QByteArray globToSqliteGlob(const QByteArray &glob);
// The literal bytes before the first wildcard (for the index range).
QByteArray globLiteralPrefix(const QByteArray &glob);

} // namespace Deck::Core
