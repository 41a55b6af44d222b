// SPDX-License-Identifier: GPL-3.0-or-later
// The integrity state as the journal has recorded it so far, per check: the last state.snapshot with every later
// state.change applied. The recorder writes it at the top of every new journal segment, so each sealed archive starts
// with the full state (FORMAT.md `state.snapshot`) and can be read without its predecessors. Not thread-safe: the
// recorder's writer loop owns it.
#pragma once

#include "event.h"

#include <QMap>

namespace Flight::Recorder {

class StateTracker
{
public:
    // Takes note of a state.snapshot or state.change; other events are ignored. A change to a check never snapshotted
    // starts from nothing: its added and changed items are the state.
    void apply(const Format::Event &event);
    // One snapshot per check seen, ordered by check name.
    QList<Format::StateSnapshot> snapshots() const;

private:
    QMap<QString, QMap<QString, Format::StateItem>> m_state; // check -> id -> item
};

} // namespace Flight::Recorder
