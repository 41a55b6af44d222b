// SPDX-License-Identifier: GPL-3.0-or-later
// The last fallback of a kind of capture that may be impossible here (file access without the privilege for
// fanotify): it starts, delivers nothing, and its backend says so — {source, "none", degraded, why} — so every
// manifest states that this kind of event was not seen, rather than the collector refusing to record the rest.
#pragma once

#include "eventsource.h"

namespace Flight::Capture {

class NotCapturedSource final : public EventSource
{
public:
    NotCapturedSource(QString source, QString reason)
        : m_backend{std::move(source), QStringLiteral("none"), true, std::move(reason)}
    {
    }
    Format::Backend backend() const override { return m_backend; }
    Expected<void> start(EventSink &) override { return {}; }
    void stop() override { }

private:
    Format::Backend m_backend;
};

} // namespace Flight::Capture
