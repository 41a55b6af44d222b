// SPDX-License-Identifier: GPL-3.0-or-later
#include "procpollsource.h"

#include "hostinfo.h"

using namespace Qt::StringLiterals;

namespace Flight::Capture {

ProcPollSource::ProcPollSource(QString degradedReason, ProcPollOptions options)
    : m_options(std::move(options))
    , m_reason(std::move(degradedReason))
{
}

ProcPollSource::~ProcPollSource()
{
    stop();
}

Format::Backend ProcPollSource::backend() const
{
    const QString limits = u"/proc is polled every %1 ms: processes that live shorter than that are not seen, and "
                           "exits carry no code or signal"_s.arg(m_options.interval.count());
    return {u"proc"_s, u"procfs-poll"_s, true, m_reason.isEmpty() ? limits : m_reason + u"; "_s + limits};
}

Expected<void> ProcPollSource::start(EventSink &sink)
{
    if (m_thread.joinable())
        return Error{u"/proc polling: already started"_s};
    if (m_options.interval <= std::chrono::milliseconds(0))
        return Error{u"/proc polling: interval %1 ms is not positive"_s.arg(m_options.interval.count())};
    m_known.clear();
    poll(nullptr); // the baseline; the recorder's start snapshot reports these processes
    if (m_known.isEmpty())
        return Error{u"/proc polling: no process readable under %1/proc"_s.arg(m_options.read.root)};
    m_sink = &sink;
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
    return {};
}

void ProcPollSource::stop()
{
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void ProcPollSource::run()
{
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            if (m_wake.wait_for(lock, m_options.interval, [this] { return m_stopping; }))
                return;
        }
        QList<Format::Event> events;
        poll(&events);
        for (Format::Event &event : events)
            m_sink->deliver(std::move(event));
    }
}

void ProcPollSource::poll(QList<Format::Event> *out)
{
    // Keys first, so that each new process's parent key comes from the same pass.
    const QList<qint64> pids = listPids(m_options.read.root);
    QHash<qint64, qint64> now;
    now.reserve(pids.size());
    for (const qint64 pid : pids) {
        if (auto stat = readProcStat(pid, m_options.read.root))
            now.insert(pid, stat->startTicks);
    }
    const auto parentStart = [&now](qint64 ppid) -> std::optional<qint64> {
        const auto it = now.constFind(ppid);
        return it == now.cend() ? std::nullopt : std::optional<qint64>(*it);
    };

    for (auto it = m_known.cbegin(); it != m_known.cend(); ++it) {
        if (out && now.value(it.key(), -1) != it.value())
            out->append({realtimeNs(), boottimeNs(), Format::ProcExit{{it.key(), it.value()}, {}, {}, false}});
    }
    QHash<qint64, qint64> seen;
    seen.reserve(now.size());
    for (const qint64 pid : pids) { // ascending, so parents mostly come before their children
        const auto start = now.constFind(pid);
        if (start == now.cend())
            continue;
        if (!out || m_known.value(pid, -1) == *start) {
            seen.insert(pid, *start);
            continue;
        }
        auto image = readProcess(pid, m_options.read, parentStart);
        if (!image || image->proc.start != *start)
            continue; // ended (or ended and its pid was reused) since the stat was read: never seen alive
        seen.insert(pid, *start);
        out->append({realtimeNs(), boottimeNs(), Format::ProcSnapshot{std::move(*image)}});
    }
    m_known = std::move(seen);
    ++m_polls;
}

} // namespace Flight::Capture
