// SPDX-License-Identifier: GPL-3.0-or-later
// Which process held a pid, and when: built from the events the process source delivers, for a source that learns
// of an access by pid only after the process may have ended (fanotify hands a pidfd, or nothing once the process is
// gone; FanotifySource). Without it, a file touched by a process that lives a few milliseconds (mv, rm, a compiler
// pass) could not be attributed at all.
//
// A process's life runs from its key's start (clock ticks since boot: never later than the real start) to its
// proc.exit's mono plus kExitSlack (files are closed, and close-after-write reported, after the exit tracepoint;
// a process without a proc.exit yet is alive). keyOf(pid, from, to) answers only when exactly one process that held
// `pid` lived at some time in [from, to]: none, or several (the pid was reused in between), give nullopt, so an
// answer is never a guess. The caller must wait until completeUntil() >= to: the process source's promise that every
// event stamped before that time has been delivered (EventSink::progress); before it, a process that took the pid
// in [from, to] may still be on its way. The process source is wrapped in an ObservedSource (observedsource.h) that
// feeds note() and noteComplete().
//
// Memory: a process that ended more than kMemory before the newest event is forgotten. Thread-safe: the process
// source's thread notes, other sources' threads ask.
#pragma once

#include "eventsource.h"

#include <QHash>
#include <QMutex>
#include <deque>

namespace Flight::Capture {

class ProcessLifetimes
{
public:
    static constexpr qint64 kExitSlackNs = 1'000'000'000;
    static constexpr qint64 kMemoryNs = 60'000'000'000;

    // nsPerTick: 1e9 / sysconf(_SC_CLK_TCK), the unit of ProcKey::start.
    explicit ProcessLifetimes(qint64 nsPerTick);

    void note(const Format::Event &event);
    void noteComplete(qint64 mono);

    qint64 completeUntil() const;
    std::optional<Format::ProcKey> keyOf(qint64 pid, qint64 fromMono, qint64 toMono) const;
    qsizetype size() const; // processes remembered

private:
    struct Life
    {
        qint64 start = 0; // the key's
        std::optional<qint64> endMono; // proc.exit's mono, plus the slack
    };

    void learn(const Format::ProcKey &key);
    void end(const Format::ProcKey &key, qint64 mono);
    void forgetOld();

    const qint64 m_nsPerTick;
    mutable QMutex m_mutex;
    QHash<qint64, QList<Life>> m_lives; // pid -> the processes that held it, in the order learnt
    std::deque<std::pair<qint64, Format::ProcKey>> m_ended; // (end, key), in the order they ended
    qint64 m_newest = 0; // the newest event's mono
    qint64 m_complete = 0;
};

} // namespace Flight::Capture
