// SPDX-License-Identifier: GPL-3.0-or-later
// How a process is written for people in the tree and the detail panel: its name, its start in UTC, how it ended,
// its user and whom a chain-ending process named as parent. Byte strings keep every byte (control characters and
// non-UTF-8 bytes as C escapes, Core::displayBytes). Pure functions; translated through ProcessText's context.
#pragma once

#include "querytypes.h"

#include <QCoreApplication>

namespace Deck::Models {

class ProcessText
{
    Q_DECLARE_TR_FUNCTIONS(ProcessText)
public:
    // comm, else the exe's file name, else "pid N"; control characters made visible.
    static QString name(const Core::ProcessRow &row);
    // "2026-12-03 08:55:23.123" (UTC, milliseconds).
    static QString time(qint64 ns);
    // "running", "exit 0", "signal 9 (SIGKILL)", "exited (how not seen)".
    static QString exit(const Core::ProcessRow &row);
    // "alice (1000)" with the name the uid had on the host (accountnames.h), the number alone when the case knows
    // none, "?" when no uid was recorded.
    static QString user(const std::optional<qint64> &uid, const QString &name);
    // argv joined with spaces for one line, at most `maxChars` characters (then an ellipsis).
    static QString argvLine(const Core::ProcessRow &row, int maxChars = 400);
    // Why the chain ends at this process, or empty when its parent is in the case (or it has none: pid 0 named).
    static QString chainEnd(const Core::ProcessRow &row);
    // The same for a tree cell: "ppid 1 not in case".
    static QString chainEndShort(const Core::ProcessRow &row);
    static bool exited(const Core::ProcessRow &row) { return row.exitTs.has_value(); }
    // A tooltip that shows `text` as it is: Qt renders a tooltip that looks like HTML as HTML, and recorded
    // names, paths and argv may be made to look like it.
    static QString toolTip(const QString &text);
};

} // namespace Deck::Models
