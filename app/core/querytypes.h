// SPDX-License-Identifier: GPL-3.0-or-later
// The plain values the case-store queries return (processquery.h, activityqueries.h, pointintimequeries.h,
// timelinequeries.h, searchqueries.h, coveragequeries.h) and the arguments they share. Times are UTC ns; byte strings
// (exe, argv, cwd, paths) are the raw bytes of the archive — argv NUL-separated — never converted on the way out.
// A result that can be huge is read in pages: ask for `limit` rows after a cursor, and pass the page's `next` back.
#pragma once

#include "storeerror.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace Deck::Core {

class Database;

// [from, to): either end open when absent.
struct TimeRange
{
    std::optional<qint64> from;
    std::optional<qint64> to;
};

// Where a page ends: the ordering time and the row id of its last row.
struct Cursor
{
    qint64 ts = 0;
    qint64 id = 0;
    bool operator==(const Cursor &) const = default;
};

struct PageRequest
{
    int limit = 1000;
    std::optional<Cursor> after;
};

template <typename T> struct Page
{
    QList<T> rows;
    std::optional<Cursor> next; // set when more rows follow
};

struct ProcessRow
{
    qint64 id = 0;
    qint64 hostId = 0;
    qint64 pid = 0;
    qint64 start = 0; // clock ticks since boot (the process key)
    qint64 startTs = 0;
    std::optional<qint64> parentId; // the parent's row, when the case holds it
    std::optional<qint64> parentPid; // what the archive named as parent, resolved or not
    std::optional<qint64> parentStart;
    QString comm;
    QByteArray exe;
    QByteArray argv; // elements separated by NUL
    QByteArray cwd;
    std::optional<qint64> uid;
    QString userName; // the uid's name on the host when it took this uid (accountnames.h); empty: unknown
    std::optional<qint64> lastTs; // the last event seen of it
    std::optional<qint64> exitTs;
    std::optional<qint64> exitCode;
    std::optional<qint64> exitSignal;
    bool hasChildren = false; // filled by the tree queries only
};

} // namespace Deck::Core
// Plain values and Qt's implicitly shared strings: moved by memcpy when a list of a million of them grows.
Q_DECLARE_TYPEINFO(Deck::Core::ProcessRow, Q_RELOCATABLE_TYPE);
namespace Deck::Core {

struct FileEventRow
{
    qint64 id = 0;
    qint64 processId = 0;
    qint64 ts = 0;
    QString op;
    QByteArray path;
    QByteArray toPath; // rename target, else empty
    qint64 count = 1;
    std::optional<qint64> lastTs;
};

struct NetEventRow
{
    qint64 id = 0;
    std::optional<qint64> processId;
    qint64 ts = 0;
    QString op;
    QString proto;
    QString laddr;
    qint64 lport = 0;
    QString raddr; // empty when the event has no remote end
    std::optional<qint64> rport;
    qint64 count = 1;
};

struct StateChangeRow
{
    qint64 id = 0;
    qint64 ts = 0;
    QString kind;
    QString check;
    QString severity;
    qint64 items = 0;
};

// A process event (exec, exit, credential change, fork, snapshot) with the event's JSON line when it carries more
// than the process row.
struct ProcessEventRow
{
    qint64 id = 0;
    qint64 ts = 0;
    QString kind;
    QByteArray detail;
};

// The host named by `text`: its row id, machine id or hostname. NotFound when none, Conflict when a hostname is
// shared by several hosts (then the machine id must be given).
Expected<qint64> findHost(Database &db, const QString &text);

} // namespace Deck::Core
