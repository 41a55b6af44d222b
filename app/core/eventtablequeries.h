// SPDX-License-Identifier: GPL-3.0-or-later
// The queries behind the events table: every event of a case (or of one host, a time range, a display filter) as
// one stream ordered by (ts, id, branch) — time, then row id and table to make the order total — read either as keys
// only (walk: to count the rows and keep one key per page, fast enough for tens of millions) or as whole rows from
// a key on (rows: one page to show). The stream is a UNION ALL with one arm per table and host, each read in order
// from its (host_id, ts) index and merged by the engine, so the first page costs the same at any depth.
// Thread: the Database's thread. Errors: the store's.
#pragma once

#include "displayfilter.h"
#include "eventbranches.h"
#include "querytypes.h"

#include <QVariant>

namespace Deck::Core {

// The position of an event in the stream.
struct EventKey
{
    qint64 ts = 0;
    qint64 id = 0;
    int branch = 0; // eventbranches.h's EventBranch: which table id belongs to
    bool operator==(const EventKey &) const = default;
};

// Which events: all (every host, no range, the empty filter) unless narrowed.
struct EventScope
{
    std::optional<qint64> hostId;
    TimeRange range;
    FilterNode filter;
};

struct EventKeySlice
{
    QList<EventKey> anchors; // the keys walked whose stream position is a multiple of the stride
    std::optional<EventKey> last; // the last key walked; absent when none was
    qint64 rows = 0; // how many were walked (fewer than asked: the stream ended)
};

// One event with what the table shows of it; fields a kind lacks are empty or absent.
struct EventTableRow
{
    EventKey key;
    qint64 hostId = 0;
    QString host;
    QString kind;
    std::optional<qint64> processId;
    std::optional<qint64> pid;
    std::optional<qint64> uid;
    QString userName; // the uid's name on the host at the event's time; empty: unknown (accountnames.h)
    QString comm;
    QByteArray exe;
    QString op; // file and net op; the check of a state change; the source of a loss
    QByteArray path;
    QByteArray toPath;
    QString proto;
    QString laddr;
    std::optional<qint64> lport;
    QString raddr;
    std::optional<qint64> rport;
    qint64 count = 1; // aggregated events; the items of a state change; the events lost
    QString detail; // the archive's JSON line (proc, state, host events); the reason of a loss
    QByteArray argv; // the process's argv (of its latest image; an exec's own is in its detail)
};

class EventTableQueries
{
public:
    // Above this many hosts the stream is one arm per table, sorted by the engine instead of merged: slower.
    static constexpr int kMaxMergedHosts = 80;

    explicit EventTableQueries(Database &db);

    // Walks up to `limit` events after `after` (from the start when absent); `firstIndex` is the stream position
    // of the first one walked, so anchors fall on positions that are multiples of `stride` over successive slices.
    Expected<EventKeySlice> walk(const EventScope &scope, const std::optional<EventKey> &after, qint64 firstIndex,
                                 int limit, int stride);
    // Up to `limit` rows from `from` on (`from` included), in stream order. Kept: on the connection's kept statement
    // for the scope (Database::keptQuery; pages are read again and again); Fresh: prepared for this call alone.
    enum class Statement { Kept, Fresh };
    Expected<QList<EventTableRow>> rows(const EventScope &scope, const EventKey &from, int limit,
                                        Statement statement = Statement::Kept);

    // The time of the scope's last event, the filter aside (absent when it has none): the end of its time span.
    Expected<std::optional<qint64>> lastTime(const EventScope &scope);

private:
    Expected<QList<std::optional<qint64>>> hosts(const EventScope &scope);
    enum class Bound { After, From };
    // The arms' UNION ALL, ordered by (ts, id, branch), the first `limit` rows; empty when the filter excludes every
    // table.
    Expected<QString> stream(const EventScope &scope, const std::optional<EventKey> &cursor, Bound bound, bool whole,
                             int limit, QVariantList &params);

    Database &m_db;
};

} // namespace Deck::Core
