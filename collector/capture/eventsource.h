// SPDX-License-Identifier: GPL-3.0-or-later
// Live, file and synthetic capture sources behind one interface (STYLE.md, after falcosecurity/libs). A source runs
// its own thread(s) from start() to stop() and hands every event to the sink. Nothing is dropped silently: when a
// source loses events (ring buffer full, ENOBUFS, queue overflow) it delivers a rec.loss event saying how many and
// over which time span.
#pragma once

#include "event.h"
#include "expected.h"

namespace Flight::Capture {

// Receives events from sources. deliver() is called from the sources' threads, concurrently; implementations are
// thread-safe and must not block for long (the recorder's sink appends to an in-memory queue).
class EventSink
{
public:
    virtual ~EventSink() = default;
    virtual void deliver(Format::Event event) = 0;
    // A process source's promise: every event stamped before `mono` (CLOCK_BOOTTIME) has been delivered. Other
    // sources wait for it before they key an access by what the process events said (processlifetimes.h).
    virtual void progress(qint64 mono) { Q_UNUSED(mono); }
};

class EventSource
{
public:
    virtual ~EventSource() = default;

    // Which mechanism this source uses, whether that is a degraded fallback, and why (goes into every manifest).
    virtual Format::Backend backend() const = 0;

    // Starts capturing into `sink`, which must outlive the source. Fails with a one-line reason when the mechanism
    // cannot run here (no privilege, kernel too old, ...), so the caller can try the next fallback.
    virtual Expected<void> start(EventSink &sink) = 0;

    // Stops capturing; returns after the last event was handed to the sink. Safe to call twice.
    virtual void stop() = 0;
};

} // namespace Flight::Capture
