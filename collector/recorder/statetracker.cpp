// SPDX-License-Identifier: GPL-3.0-or-later
#include "statetracker.h"

namespace Flight::Recorder {

void StateTracker::apply(const Format::Event &event)
{
    if (const auto *snapshot = std::get_if<Format::StateSnapshot>(&event.body)) {
        QMap<QString, Format::StateItem> &items = m_state[snapshot->check];
        items.clear();
        for (const Format::StateItem &item : snapshot->items)
            items.insert(item.id, item);
    } else if (const auto *change = std::get_if<Format::StateChange>(&event.body)) {
        QMap<QString, Format::StateItem> &items = m_state[change->check];
        for (const Format::StateItem &item : change->removed)
            items.remove(item.id);
        for (const Format::StateItem &item : change->added)
            items.insert(item.id, item);
        for (const Format::ItemChange &changed : change->changed)
            items.insert(changed.after.id, changed.after);
    }
}

QList<Format::StateSnapshot> StateTracker::snapshots() const
{
    QList<Format::StateSnapshot> list;
    for (auto check = m_state.cbegin(); check != m_state.cend(); ++check)
        list.append({check.key(), check.value().values()});
    return list;
}

} // namespace Flight::Recorder
