// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventseconds.h"

#include "bulkwriter.h"
#include "database.h"
#include "migrations.h"

using namespace Qt::StringLiterals;

namespace Deck::Core {

Expected<void> EventSeconds::store(Database &db, qint64 hostId) const
{
    if (m_counts.isEmpty())
        return {};
    // Staged in bulk, then added in one statement (a row per second and kind: thousands per archive).
    BulkWriter &bulk = db.bulk();
    if (auto started = bulk.start("stage_seconds"_L1, {"epoch_second"_L1, "kind"_L1, "events"_L1}); !started)
        return started;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
        bulk.addInt(it.key().first);
        bulk.addText(QByteArrayView(it.key().second.data(), it.key().second.size()));
        bulk.addInt(it.value());
        if (auto row = bulk.endRow(); !row)
            return row;
    }
    if (auto finished = bulk.finish(); !finished)
        return finished;
    if (auto added = db.execute(u"INSERT INTO event_seconds (host_id, epoch_second, kind, events) "
                                u"SELECT ?, epoch_second, kind, events FROM stage_seconds WHERE true "
                                u"ON CONFLICT (host_id, epoch_second, kind) "
                                u"DO UPDATE SET events = event_seconds.events + excluded.events"_s,
                                {hostId});
        !added)
        return added;
    return emptyStagingTable(db, "stage_seconds"_L1);
}

} // namespace Deck::Core
