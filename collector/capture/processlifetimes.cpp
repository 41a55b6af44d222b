// SPDX-License-Identifier: GPL-3.0-or-later
#include "processlifetimes.h"

#include <QMutexLocker>
#include <algorithm>

namespace Flight::Capture {

ProcessLifetimes::ProcessLifetimes(qint64 nsPerTick)
    : m_nsPerTick(nsPerTick)
{
}

void ProcessLifetimes::note(const Format::Event &event)
{
    QMutexLocker lock(&m_mutex);
    m_newest = std::max(m_newest, event.mono);
    if (const auto *fork = std::get_if<Format::ProcFork>(&event.body))
        learn(fork->proc);
    else if (const auto *exec = std::get_if<Format::ProcExec>(&event.body))
        learn(exec->proc);
    else if (const auto *snapshot = std::get_if<Format::ProcSnapshot>(&event.body))
        learn(snapshot->proc);
    else if (const auto *exit = std::get_if<Format::ProcExit>(&event.body))
        end(exit->proc, event.mono);
    forgetOld();
}

void ProcessLifetimes::noteComplete(qint64 mono)
{
    QMutexLocker lock(&m_mutex);
    m_complete = std::max(m_complete, mono);
}

qint64 ProcessLifetimes::completeUntil() const
{
    QMutexLocker lock(&m_mutex);
    return m_complete;
}

std::optional<Format::ProcKey> ProcessLifetimes::keyOf(qint64 pid, qint64 fromMono, qint64 toMono) const
{
    QMutexLocker lock(&m_mutex);
    std::optional<Format::ProcKey> found;
    for (const Life &life : m_lives.value(pid)) {
        const bool overlaps = life.start * m_nsPerTick <= toMono && (!life.endMono || *life.endMono >= fromMono);
        if (!overlaps)
            continue;
        if (found)
            return std::nullopt; // the pid changed hands in between: which one it was is not known
        found = Format::ProcKey{pid, life.start};
    }
    return found;
}

qsizetype ProcessLifetimes::size() const
{
    QMutexLocker lock(&m_mutex);
    qsizetype n = 0;
    for (const QList<Life> &lives : m_lives)
        n += lives.size();
    return n;
}

void ProcessLifetimes::learn(const Format::ProcKey &key)
{
    QList<Life> &lives = m_lives[key.pid];
    if (std::none_of(lives.cbegin(), lives.cend(), [&](const Life &l) { return l.start == key.start; }))
        lives.append({key.start, std::nullopt});
}

void ProcessLifetimes::end(const Format::ProcKey &key, qint64 mono)
{
    learn(key); // its fork may have come before the collector, or been lost
    for (Life &life : m_lives[key.pid]) {
        if (life.start == key.start && !life.endMono) {
            life.endMono = mono + kExitSlackNs;
            m_ended.emplace_back(*life.endMono, key);
        }
    }
}

void ProcessLifetimes::forgetOld()
{
    while (!m_ended.empty() && m_ended.front().first < m_newest - kMemoryNs) {
        const Format::ProcKey key = m_ended.front().second;
        m_ended.pop_front();
        const auto lives = m_lives.find(key.pid);
        if (lives == m_lives.end())
            continue;
        lives->removeIf([&](const Life &l) { return l.start == key.start; });
        if (lives->isEmpty())
            m_lives.erase(lives);
    }
}

} // namespace Flight::Capture
