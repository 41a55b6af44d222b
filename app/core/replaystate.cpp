// SPDX-License-Identifier: GPL-3.0-or-later
// An integrity check's items at T: its latest state.snapshot at or before T, and the state.change events after it
// replayed in order up to T. The stored JSON lines are decoded by the format's own decoder (hostile input); a line
// it refuses is an error naming the row.
#include "database.h"
#include "eventcodec.h"
#include "querysql.h"
#include "replayqueries.h"

#include <QCache>
#include <QMutex>
#include <map>

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

QVariantMap attributes(const Flight::Format::StateItem &item)
{
    QVariantMap attrs;
    for (auto it = item.attrs.cbegin(); it != item.attrs.cend(); ++it)
        attrs.insert(it.key(), std::visit([](const auto &value) { return QVariant::fromValue(value); }, it.value()));
    return attrs;
}

using Items = std::map<QString, StateItemAt>;

// Decoding a snapshot costs far more than reading it (2000 packages: a line of a few hundred kB), and a slider moves
// within one archive, so under one snapshot, many times. Snapshots are evidence: a row never changes once imported,
// so a decoded one is kept, by case and row id, for every replay in the process.
Items *cachedSnapshot(const QString &database, qint64 id, Items *decoded)
{
    static QMutex mutex;
    static QCache<QString, Items> cache(16);
    const QMutexLocker lock(&mutex);
    const QString key = database + u'#' + QString::number(id);
    if (decoded)
        cache.insert(key, new Items(*decoded));
    Items *found = cache.object(key);
    return found ? new Items(*found) : nullptr;
}

} // namespace

Expected<QList<StateItemAt>> ReplayQueries::stateAt(qint64 hostId, const QString &check, qint64 at,
                                                    std::optional<qint64> *snapshotTs)
{
    // state_changes_time (host_id, ts) read backwards: snapshots restate every check at the top of each archive.
    auto snapshot = m_db.query(u"SELECT id, ts FROM state_changes WHERE host_id = ? AND ts <= ? "
                               u"AND kind = 'state.snapshot' AND check_name = ? ORDER BY ts DESC, id DESC LIMIT 1"_s,
                               {hostId, at, check});
    if (!snapshot)
        return snapshot.error();
    Items items;
    qint64 fromTs = std::numeric_limits<qint64>::min(), fromId = -1;
    const auto decode = [this](qint64 id, const QByteArray &detail) -> Expected<Flight::Format::Event> {
        auto event = Flight::Format::decodeEvent(detail);
        if (!event)
            return storeError(StoreReason::Sql, u"state change #%1 in %2: %3"_s.arg(id).arg(
                                                        m_db.name(), event.error().message));
        return event;
    };
    snapshotTs->reset();
    const bool hasSnapshot = snapshot->next();
    if (hasSnapshot) {
        fromId = snapshot->value(0).toLongLong();
        fromTs = snapshot->value(1).toLongLong();
    }
    snapshot->finish(); // before the next statement: a streamed PostgreSQL query holds the connection
    if (hasSnapshot) {
        if (std::unique_ptr<Items> cached{cachedSnapshot(m_db.name(), fromId, nullptr)}) {
            items = std::move(*cached);
            *snapshotTs = fromTs;
        } else {
            auto detail = m_db.scalar(u"SELECT detail FROM state_changes WHERE id = ?"_s, {fromId});
            if (!detail)
                return detail.error();
            auto event = decode(fromId, detail->toByteArray());
            if (!event)
                return event.error();
            if (const auto *state = std::get_if<Flight::Format::StateSnapshot>(&event->body)) {
                for (const auto &item : state->items)
                    items[item.id] = {item.id, attributes(item), fromTs};
                *snapshotTs = fromTs;
                delete cachedSnapshot(m_db.name(), fromId, &items);
            }
        }
    }
    auto changes = m_db.query(u"SELECT id, ts, detail FROM state_changes WHERE host_id = ? AND ts >= ? AND ts <= ? "
                              u"AND kind = 'state.change' AND check_name = ? ORDER BY ts, id"_s,
                              {hostId, fromTs, at, check});
    if (!changes)
        return changes.error();
    while (changes->next()) {
        const qint64 id = changes->value(0).toLongLong();
        const qint64 ts = changes->value(1).toLongLong();
        if (ts == fromTs && id < fromId)
            continue; // came before the snapshot that restates it
        auto event = decode(id, changes->value(2).toByteArray());
        if (!event)
            return event.error();
        const auto *change = std::get_if<Flight::Format::StateChange>(&event->body);
        if (!change)
            continue;
        for (const auto &item : change->removed)
            items.erase(item.id);
        for (const auto &item : change->changed)
            items[item.id] = {item.id, attributes(item.after), ts};
        for (const auto &item : change->added)
            items[item.id] = {item.id, attributes(item), ts};
    }
    QList<StateItemAt> result;
    result.reserve(qsizetype(items.size()));
    for (auto &[id, item] : items)
        result.append(std::move(item));
    return result;
}

} // namespace Deck::Core
