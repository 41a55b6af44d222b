// SPDX-License-Identifier: GPL-3.0-or-later
#include "processtable.h"

#include "hostinfo.h"
#include "processsnapshot.h"

#include <QSet>

namespace Flight::Capture {

namespace {

Format::Event now(Format::EventBody body)
{
    return {realtimeNs(), boottimeNs(), std::move(body)};
}

} // namespace

ProcessTable::ProcessTable(ReadOptions options)
    : m_options(std::move(options))
{
}

void ProcessTable::learnLiveProcesses()
{
    QHash<qint64, qint64> parents;
    for (const qint64 pid : listPids(m_options.root)) {
        auto stat = readProcStat(pid, m_options.root);
        auto ids = readProcIds(pid, m_options.root);
        if (!stat || !ids)
            continue; // ended meanwhile
        m_entries.insert(pid, {stat->startTicks, {}, *ids, stat->comm});
        parents.insert(pid, stat->ppid);
    }
    for (auto it = parents.cbegin(); it != parents.cend(); ++it) {
        const Entry *parent = find(it.value());
        m_entries[it.key()].parent = {it.value(), parent ? parent->start : 0};
    }
}

void ProcessTable::apply(const Format::Event &event)
{
    const auto findKey = [this](const Format::ProcKey &key) {
        Entry *entry = find(key.pid);
        return entry && entry->start == key.start ? entry : nullptr;
    };
    if (const auto *image = std::get_if<Format::ProcExec>(&event.body)) {
        insert(image->proc.pid, {image->proc.start, image->parent, idsOf(*image), image->comm});
    } else if (const auto *seen = std::get_if<Format::ProcSnapshot>(&event.body)) {
        insert(seen->proc.pid, {seen->proc.start, seen->parent, idsOf(*seen), seen->comm});
    } else if (const auto *fork = std::get_if<Format::ProcFork>(&event.body)) {
        const Entry *parent = findKey(fork->parent);
        Entry child{fork->proc.start, fork->parent, parent ? parent->ids : ProcIds{},
                    fork->comm.value_or(parent ? parent->comm : QString())};
        insert(fork->proc.pid, std::move(child)); // fork copies the parent's credentials
    } else if (const auto *exit = std::get_if<Format::ProcExit>(&event.body)) {
        if (findKey(exit->proc))
            erase(exit->proc.pid);
    } else if (const auto *cred = std::get_if<Format::ProcCred>(&event.body)) {
        if (Entry *entry = findKey(cred->proc))
            entry->ids = {cred->uid, cred->euid, cred->gid, cred->egid};
    }
}

void ProcessTable::resync(QList<Format::Event> &out)
{
    ProcessSnapshot snapshot = snapshotProcesses(m_options);
    QSet<qint64> alive;
    QList<Format::Event> seen;
    for (Format::Event &event : snapshot.events) {
        const auto &p = std::get<Format::ProcSnapshot>(event.body);
        alive.insert(p.proc.pid);
        const Entry *known = find(p.proc.pid);
        if (known && known->start == p.proc.start && known->comm == p.comm && known->ids == idsOf(p))
            continue;
        if (known && known->start != p.proc.start) // the pid was reused while events were lost
            out.append(now(Format::ProcExit{{p.proc.pid, known->start}, {}, {}, false}));
        insert(p.proc.pid, {p.proc.start, p.parent, idsOf(p), p.comm});
        seen.append(std::move(event));
    }
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (alive.contains(it.key())) {
            ++it;
            continue;
        }
        out.append(now(Format::ProcExit{{it.key(), it->start}, {}, {}, false}));
        it = m_entries.erase(it);
    }
    out.append(seen);
}

ProcessTable::Entry *ProcessTable::find(qint64 pid)
{
    const auto it = m_entries.find(pid);
    return it == m_entries.end() ? nullptr : &*it;
}

const ProcessTable::Entry *ProcessTable::find(qint64 pid) const
{
    const auto it = m_entries.constFind(pid);
    return it == m_entries.cend() ? nullptr : &*it;
}

ProcessTable::Entry *ProcessTable::findOrLearn(qint64 pid, qint64 notAfterTicks)
{
    if (Entry *known = find(pid))
        return known;
    auto stat = readProcStat(pid, m_options.root);
    auto ids = readProcIds(pid, m_options.root);
    if (!stat || !ids || stat->startTicks > notAfterTicks)
        return nullptr;
    const Entry *grand = find(stat->ppid);
    const Format::ProcKey parent{stat->ppid, grand ? grand->start : 0};
    return &insert(pid, {stat->startTicks, parent, *ids, stat->comm});
}

ProcessTable::Entry &ProcessTable::insert(qint64 pid, Entry entry)
{
    return *m_entries.insert(pid, std::move(entry));
}

void ProcessTable::erase(qint64 pid)
{
    m_entries.remove(pid);
}

} // namespace Flight::Capture
