// SPDX-License-Identifier: GPL-3.0-or-later
// A source whose events, and progress promises (EventSink::progress), are shown to an observer on their way to the
// recorder, unchanged: how one source learns from another without either knowing the other (the process events key
// fanotify's late accesses, ProcessLifetimes; writes to watched files trigger the integrity checks). The observer is
// called on the inner source's threads, before the sink, and must be thread-safe and quick.
#pragma once

#include "eventsource.h"

#include <functional>
#include <memory>

namespace Flight::Capture {

struct SourceObserver
{
    std::function<void(const Format::Event &)> event; // may be empty
    std::function<void(qint64 mono)> progress; // may be empty
};

class ObservedSource final : public EventSource
{
public:
    ObservedSource(std::unique_ptr<EventSource> inner, SourceObserver observer);
    ~ObservedSource() override;

    Format::Backend backend() const override { return m_inner->backend(); }
    Expected<void> start(EventSink &sink) override;
    void stop() override { m_inner->stop(); }

private:
    class Tee;
    std::unique_ptr<EventSource> m_inner;
    SourceObserver m_observer;
    std::unique_ptr<Tee> m_tee;
};

} // namespace Flight::Capture
