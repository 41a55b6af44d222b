// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the first of several capture mechanisms that starts on this host (DESIGN.md "Capture": eBPF, then the proc
// connector, then /proc polling). Each candidate is built with the reasons the better ones did not start, so the
// manifest's backend says which mechanism ran and why (FORMAT.md §3 "backend").
//
// Contract: start() tries the candidates in order and keeps the first that starts; it fails only when none does,
// with every candidate's reason ("ebpf: ...; netlink: ...; poll: ..."). backend() is the running candidate's; before
// start() it is the first candidate's, after a failed start() the last one's. stop() stops the running one.
#pragma once

#include "eventsource.h"

#include <QList>
#include <functional>
#include <memory>

namespace Flight::Capture {

class FallbackSource final : public EventSource
{
public:
    struct Candidate
    {
        QString name; // "ebpf", "netlink", "poll": names the mechanism in the reasons
        // Builds the source; `whyNotBetter` says why the candidates before this one did not start (empty for the
        // first), for the source's degraded reason.
        std::function<std::unique_ptr<EventSource>(const QString &whyNotBetter)> make;
    };

    explicit FallbackSource(QList<Candidate> candidates);
    ~FallbackSource() override;

    Format::Backend backend() const override;
    Expected<void> start(EventSink &sink) override;
    void stop() override;

private:
    QList<Candidate> m_candidates;
    std::unique_ptr<EventSource> m_current;
};

} // namespace Flight::Capture
