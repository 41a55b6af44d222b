// SPDX-License-Identifier: GPL-3.0-or-later
#include "proceventtracker.h"

#include "credentialchange.h"
#include "hostinfo.h"

#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Capture {

ProcEventTracker::ProcEventTracker(ReadOptions options)
    : m_table(std::move(options))
{
    if (const long hz = sysconf(_SC_CLK_TCK); hz > 0)
        m_nsPerTick = 1000000000LL / hz;
}

void ProcEventTracker::learnLiveProcesses()
{
    m_table.learnLiveProcesses(); // a process that ends meanwhile is not learnt; its exit is counted as unkeyed
}

std::optional<Format::ProcKey> ProcEventTracker::keyOf(qint64 pid) const
{
    const Known *known = m_table.find(pid);
    return known ? std::optional<Format::ProcKey>({pid, known->start}) : std::nullopt;
}

void ProcEventTracker::handle(const ProcConnectorEvent &event, QList<Format::Event> &out)
{
    switch (event.type) {
    case ProcConnectorEvent::Type::Ack:
    case ProcConnectorEvent::Type::Other:
        return;
    case ProcConnectorEvent::Type::Fork:
        return fork(event, out);
    case ProcConnectorEvent::Type::Exec:
        return exec(event, out);
    case ProcConnectorEvent::Type::Exit:
        return exit(event, out);
    case ProcConnectorEvent::Type::Uid:
    case ProcConnectorEvent::Type::Gid:
        return credentials(event, out);
    }
}

void ProcEventTracker::fork(const ProcConnectorEvent &e, QList<Format::Event> &out)
{
    if (e.pid != e.tgid)
        return; // a new thread, not a new process
    const qint64 estimate = ticksAt(e.timestampNs);
    Known child;
    child.parent = parentKey(e.parentTgid, estimate + 1);
    const Known *parent = m_table.find(e.parentTgid);
    if (auto stat = readProcStat(e.tgid, m_table.options().root); stat && stat->startTicks <= estimate + 1) {
        child.start = stat->startTicks;
        child.comm = stat->comm;
    } else {
        child.start = estimate;
        child.comm = parent ? parent->comm : QString();
        ++m_counters.estimatedStarts;
    }
    if (parent)
        child.ids = parent->ids; // fork copies the parent's credentials
    else if (auto ids = readProcIds(e.tgid, m_table.options().root))
        child.ids = *ids;
    Format::ProcFork body{{e.tgid, child.start}, child.parent, std::nullopt};
    if (!child.comm.isEmpty())
        body.comm = child.comm;
    m_table.insert(e.tgid, std::move(child));
    out.append(at(e.timestampNs, std::move(body)));
}

void ProcEventTracker::exec(const ProcConnectorEvent &e, QList<Format::Event> &out)
{
    const qint64 notAfter = ticksAt(e.timestampNs) + 1;
    const auto parentStart = [this, notAfter](qint64 ppid) -> std::optional<qint64> {
        const Known *parent = m_table.findOrLearn(ppid, notAfter);
        return parent ? std::optional<qint64>(parent->start) : std::nullopt;
    };
    auto image = readProcess(e.tgid, m_table.options(), parentStart);
    Known *known = m_table.find(e.tgid); // after readProcess(), which may add the parent to the table
    const bool same = image && (known ? image->proc.start == known->start : image->proc.start <= notAfter);
    if (same) {
        if (known) {
            // /proc shows the credentials of now, which may already be past changes still queued behind this
            // event; the table holds those of the moment of the exec (a setuid exec reports UID before EXEC).
            image->uid = known->ids.uid;
            image->euid = known->ids.euid;
            image->gid = known->ids.gid;
            image->egid = known->ids.egid;
        }
        if (!image->exe) { // exiting already: a zombie keeps its comm, not its memory (argv) or files (exe, cwd)
            image->argvTruncated = image->argvTruncated || image->argv.isEmpty();
            ++m_counters.incompleteExecs;
        }
        m_table.insert(e.tgid, {image->proc.start, image->parent, idsOf(*image), image->comm});
        out.append(at(e.timestampNs, Format::ProcExec{std::move(*image)}));
        return;
    }
    if (!known) {
        ++m_counters.unkeyed;
        return;
    }
    Format::ProcExec partial;
    partial.proc = {e.tgid, known->start};
    partial.parent = known->parent;
    partial.argvTruncated = true;
    partial.uid = known->ids.uid;
    partial.euid = known->ids.euid;
    partial.gid = known->ids.gid;
    partial.egid = known->ids.egid;
    known->comm.clear(); // unknown after the exec
    ++m_counters.incompleteExecs;
    out.append(at(e.timestampNs, std::move(partial)));
}

void ProcEventTracker::exit(const ProcConnectorEvent &e, QList<Format::Event> &out)
{
    if (e.pid != e.tgid)
        return; // a thread; the process ends with its leader
    Format::ProcExit body;
    if (const Known *known = m_table.find(e.tgid)) {
        body.proc = {e.tgid, known->start};
        m_table.erase(e.tgid);
    } else if (auto stat = readProcStat(e.tgid, m_table.options().root);
               stat && stat->startTicks <= ticksAt(e.timestampNs) + 1) {
        body.proc = {e.tgid, stat->startTicks}; // still a zombie
    } else {
        ++m_counters.unkeyed;
        return;
    }
    const int status = int(e.exitCode);
    if (WIFEXITED(status)) {
        body.code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status) && WTERMSIG(status) <= 64) {
        body.signal = WTERMSIG(status);
        body.core = WCOREDUMP(status);
    }
    out.append(at(e.timestampNs, std::move(body)));
}

void ProcEventTracker::credentials(const ProcConnectorEvent &e, QList<Format::Event> &out)
{
    CredentialOutcome outcome = applyCredentialEvent(m_table, e, ticksAt(e.timestampNs) + 1);
    m_counters.unkeyed += outcome.unkeyed ? 1 : 0;
    m_counters.credsWithoutPrev += outcome.learnt ? 1 : 0;
    if (outcome.cred)
        out.append(at(e.timestampNs, std::move(*outcome.cred)));
}

Format::ProcKey ProcEventTracker::parentKey(qint64 ppid, qint64 notAfterTicks)
{
    if (ppid <= 0)
        return {};
    const Known *parent = m_table.findOrLearn(ppid, notAfterTicks);
    return {ppid, parent ? parent->start : 0};
}

qint64 ProcEventTracker::ticksAt(quint64 monotonicNs) const
{
    return (qint64(monotonicNs) + bootMinusMonotonicNs()) / m_nsPerTick;
}

Format::Event ProcEventTracker::at(quint64 monotonicNs, Format::EventBody body) const
{
    const qint64 mono = qint64(monotonicNs) + bootMinusMonotonicNs();
    return {mono + (realtimeNs() - boottimeNs()), mono, std::move(body)};
}

} // namespace Flight::Capture
