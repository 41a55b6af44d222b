// SPDX-License-Identifier: GPL-3.0-or-later
// An EventSink that keeps every event (thread-safe), with the queries the eBPF tests ask of a capture.
#pragma once

#include "eventsource.h"

#include <QMutex>
#include <functional>

class CollectingSink final : public Flight::Capture::EventSink
{
public:
    void deliver(Flight::Format::Event event) override
    {
        const QMutexLocker lock(&m_mutex);
        m_events.append(std::move(event));
    }

    QList<Flight::Format::Event> events() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_events;
    }

    // The bodies of kind T that satisfy `match`.
    template <typename T> QList<T> all(const std::function<bool(const T &)> &match = {}) const
    {
        QList<T> found;
        for (const Flight::Format::Event &e : events()) {
            if (const T *body = std::get_if<T>(&e.body); body && (!match || match(*body)))
                found.append(*body);
        }
        return found;
    }

    // The one body of kind T that satisfies `match`; nullopt when there is none or more than one.
    template <typename T> std::optional<T> only(const std::function<bool(const T &)> &match) const
    {
        const QList<T> found = all<T>(match);
        return found.size() == 1 ? std::optional<T>(found.first()) : std::nullopt;
    }

private:
    mutable QMutex m_mutex;
    QList<Flight::Format::Event> m_events;
};
