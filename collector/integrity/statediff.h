// SPDX-License-Identifier: GPL-3.0-or-later
// The `state.change` of one check (FORMAT.md §2.4): what was added, removed and changed between two observations,
// and how severe that is. Pure functions.
//
// Severity (issue 5): packages, packagefiles, modules, bpf and files (/boot and every watched path) are high; logins,
// accounts and listeners medium. The bpf check's own programs: a change that touches only programs marked `own` (before
// or after) is low, so the collector's loading and unloading of its own programs is recorded but raises no alert; one
// foreign program in the change makes it high.
//
// Volatile attributes are not compared: a module's `refcount` (it moves whenever a device is opened) and a BPF
// program's `loaded_ts` (derived from boot time through the wall clock, so it shifts with NTP; a program id never
// changes its load time). The new observation still carries their current values.
#pragma once

#include "event.h"

#include <optional>

namespace Flight::Integrity {

// The severity of a change of `check` (an unknown check: medium).
Format::Severity severityOf(const QString &check);

// nullopt when nothing changed. Each list is sorted by id; ids repeated within `before` or `after` count once (the
// first). A changed item is reported with both whole items.
std::optional<Format::StateChange> diffState(const QString &check, const QList<Format::StateItem> &before,
                                             const QList<Format::StateItem> &after);

// Sorts `items` by id and drops every item whose id was already seen (keeps the first): the checks' last step.
QList<Format::StateItem> uniqueSorted(QList<Format::StateItem> items);

} // namespace Flight::Integrity
