// SPDX-License-Identifier: GPL-3.0-or-later
// Folds repeated file accesses into one event (FORMAT.md file.access `count`, `last_ts`): identical (process, op,
// path, new name) within `window` of the first occurrence become one event, handed out when that window closes, with
// the first occurrence's time and the last one's. Memory is bounded: beyond `maxPending` distinct accesses the oldest
// window is closed early (its event is then simply shorter, nothing is lost). Not thread-safe: the file source's
// reader thread owns it.
// The counts are exact only if the source hands over every access: fanotify does not — it merges an event into an
// identical one still waiting in its queue (measured on 6.18: 10,000 opens of one file by one process arrived as 8
// FAN_OPEN events) — so exact counts need a source that sees each access (eBPF), and fanotify's are lower bounds.
#pragma once

#include "event.h"

#include <QHash>
#include <chrono>
#include <deque>

namespace Flight::Capture {

class FileAggregator
{
public:
    explicit FileAggregator(std::chrono::nanoseconds window, qsizetype maxPending = 65536);

    // Takes one file.access event; appends to `out` whatever must leave early to stay within maxPending.
    void add(Format::Event event, QList<Format::Event> &out);
    // Appends every event whose window has closed by `nowMono` (CLOCK_BOOTTIME ns), or all of them.
    void flush(qint64 nowMono, QList<Format::Event> &out);
    void flushAll(QList<Format::Event> &out);

    qsizetype pending() const { return m_pending.size(); }
    // Whether an access identical to `access` (process, op, path, new name) is in an open window.
    bool holds(const Format::FileAccess &access) const { return m_pending.contains(keyOf(access)); }

private:
    struct Key
    {
        Format::ProcKey proc;
        Format::FileOp op;
        QByteArray path, to;
        bool operator==(const Key &) const = default;
    };
    friend size_t qHash(const Key &k, size_t seed)
    {
        return qHashMulti(seed, k.proc.pid, k.proc.start, int(k.op), k.path, k.to);
    }
    static Key keyOf(const Format::FileAccess &access);
    void closeOldest(QList<Format::Event> &out);

    qint64 m_windowNs;
    qsizetype m_maxPending;
    QHash<Key, Format::Event> m_pending;
    std::deque<std::pair<qint64, Key>> m_opened; // (first mono, key), in order of first occurrence
};

} // namespace Flight::Capture
