// SPDX-License-Identifier: GPL-3.0-or-later
#include "fileaggregator.h"

namespace Flight::Capture {

FileAggregator::FileAggregator(std::chrono::nanoseconds window, qsizetype maxPending)
    : m_windowNs(window.count())
    , m_maxPending(std::max<qsizetype>(maxPending, 1))
{
}

FileAggregator::Key FileAggregator::keyOf(const Format::FileAccess &access)
{
    return {access.proc, access.op, access.path, access.to.value_or(QByteArray())};
}

void FileAggregator::add(Format::Event event, QList<Format::Event> &out)
{
    const auto *access = std::get_if<Format::FileAccess>(&event.body);
    if (!access || m_windowNs <= 0) {
        out.append(std::move(event));
        return;
    }
    Key key = keyOf(*access);
    if (const auto it = m_pending.find(key); it != m_pending.end()) {
        auto &folded = std::get<Format::FileAccess>(it->body);
        Format::Repeat repeat = folded.repeat.value_or(Format::Repeat{1, it->ts, it->mono});
        repeat.count += access->repeat ? access->repeat->count : 1;
        repeat.lastTs = std::max(repeat.lastTs, access->repeat ? access->repeat->lastTs : event.ts);
        repeat.lastMono = std::max(repeat.lastMono, access->repeat ? access->repeat->lastMono : event.mono);
        folded.repeat = repeat;
        return;
    }
    if (m_pending.size() >= m_maxPending)
        closeOldest(out);
    m_opened.emplace_back(event.mono, key);
    m_pending.insert(std::move(key), std::move(event));
}

void FileAggregator::flush(qint64 nowMono, QList<Format::Event> &out)
{
    while (!m_opened.empty() && m_opened.front().first + m_windowNs <= nowMono)
        closeOldest(out);
}

void FileAggregator::flushAll(QList<Format::Event> &out)
{
    while (!m_opened.empty())
        closeOldest(out);
}

void FileAggregator::closeOldest(QList<Format::Event> &out)
{
    const Key key = std::move(m_opened.front().second);
    m_opened.pop_front();
    if (auto event = m_pending.take(key); std::holds_alternative<Format::FileAccess>(event.body))
        out.append(std::move(event));
}

} // namespace Flight::Capture
