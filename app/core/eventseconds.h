// SPDX-License-Identifier: GPL-3.0-or-later
// How many events of each kind a host recorded in each second (table event_seconds), kept by the importer in the
// archive's transaction, so that a timeline over hours or days sums a few rows per second instead of counting
// millions of event rows (TimelineQueries). The kinds are the timeline's: a process or state event's own kind,
// file.access, net.endpoint, a collector event's kind, rec.loss. Seconds are floor(ts / 1 s), also before 1970.
// Thread: the Database's thread (store). Errors: the store's, naming the database.
#pragma once

#include "storeerror.h"

#include <QHash>
#include <QLatin1StringView>
#include <utility>

namespace Deck::Core {

class Database;

inline constexpr qint64 kNsPerSecond = 1'000'000'000;
inline constexpr QLatin1StringView kFileAccessKind{"file.access"};
inline constexpr QLatin1StringView kNetEndpointKind{"net.endpoint"};
inline constexpr QLatin1StringView kLossKind{"rec.loss"};

// The second a time falls in (rounded down, also for negative times).
constexpr qint64 secondOf(qint64 ts)
{
    return ts / kNsPerSecond - (ts % kNsPerSecond < 0 ? 1 : 0);
}

class EventSeconds
{
public:
    // `kind` must outlive store() (the kind names are static strings).
    void add(QLatin1StringView kind, qint64 ts) { ++m_counts[{secondOf(ts), kind}]; }
    // Adds the counts to the host's rows (new rows, or more events in rows already there).
    Expected<void> store(Database &db, qint64 hostId) const;

private:
    QHash<std::pair<qint64, QLatin1StringView>, qint64> m_counts;
};

} // namespace Deck::Core
