// SPDX-License-Identifier: GPL-3.0-or-later
// FanotifySource's process keys (the class is split by responsibility; see fanotifysource.h, "Process keys"): the key
// of an event's process by its pidfd and /proc/<pid>/stat, and, for a process that ended before its event was read,
// from the process events once they are complete up to the read.
#include "fanotifysource.h"

#include "hostinfo.h"
#include "procfs.h"

#include <sys/syscall.h>
#include <unistd.h>

namespace Flight::Capture {

void FanotifySource::attribute(qint64 pid, const std::optional<Format::ProcKey> &key,
                               QList<Format::FileAccess> accesses, Group group, QList<Format::Event> &out)
{
    const qint64 mono = boottimeNs(), ts = realtimeNs();
    if (key)
        add(*key, ts, mono, std::move(accesses), out);
    else if (m_options.lifetimes)
        m_waiting.push_back({pid, m_emptySince[group], mono, ts, std::move(accesses)});
    else
        ++m_unkeyed;
}

void FanotifySource::add(const Format::ProcKey &key, qint64 ts, qint64 mono, QList<Format::FileAccess> accesses,
                         QList<Format::Event> &out)
{
    for (Format::FileAccess &access : accesses) {
        access.proc = key;
        if (access.op == Format::FileOp::Rename) // each one delivered: renames are few, and which name a file
            out.append({ts, mono, std::move(access)}); // ended up under matters
        else
            m_aggregator.add({ts, mono, std::move(access)}, out);
    }
}

void FanotifySource::keyWaiting(bool giveUp, QList<Format::Event> &out)
{
    if (m_waiting.empty())
        return;
    const qint64 complete = m_options.lifetimes->completeUntil();
    const qint64 waitedEnough = boottimeNs() - qint64(std::chrono::nanoseconds(m_options.keyWait).count());
    while (!m_waiting.empty()) {
        Waiting &waiting = m_waiting.front();
        const bool ready = complete >= waiting.readAt;
        if (!ready && !giveUp && waiting.readAt > waitedEnough)
            return; // the rest were read later still
        const auto key
            = ready ? m_options.lifetimes->keyOf(waiting.pid, waiting.queuedAfter, waiting.readAt) : std::nullopt;
        if (key) {
            ++m_keyedLate;
            add(*key, waiting.ts, waiting.readAt, std::move(waiting.accesses), out);
        } else {
            ++m_unkeyed;
        }
        m_waiting.pop_front();
    }
}

std::optional<Format::ProcKey> FanotifySource::keyOf(Group group, qint64 pid, int pidfd, bool verified)
{
    if (!m_options.keyByPidfd)
        return std::nullopt;
    if (!verified) { // a group without pidfds: the pid may have been reused since the event
        const auto stat = readProcStat(pid);
        return stat ? std::optional(Format::ProcKey{pid, stat->startTicks}) : std::nullopt;
    }
    if (pidfd < 0)
        return std::nullopt; // FAN_NOPIDFD: the process had ended when the event was read
    if (const auto it = m_batchKeys[group].constFind(pid); it != m_batchKeys[group].cend())
        return *it;
    const auto stat = readProcStat(pid);
    // Still alive after the read: it held the pid all along, so the stat is its own.
    if (!stat || ::syscall(SYS_pidfd_send_signal, pidfd, 0, nullptr, 0) != 0)
        return std::nullopt;
    const Format::ProcKey key{pid, stat->startTicks};
    m_batchKeys[group].insert(pid, key);
    return key;
}

} // namespace Flight::Capture
