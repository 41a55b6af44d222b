// SPDX-License-Identifier: GPL-3.0-or-later
#include "pushloop.h"

#include "pusher.h"

using namespace Qt::StringLiterals;

namespace Flight::Recorder {

PushLoop::PushLoop(const Config &config, std::function<void(const QString &)> log)
    : m_config(config)
    , m_log(std::move(log))
    , m_thread([this] { run(); })
{
}

PushLoop::~PushLoop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void PushLoop::run()
{
    PushSettings settings;
    settings.keyFile = m_config.pushKey;
    settings.knownHostsFile = m_config.pushKnownHosts;
    settings.timeoutMs = int(std::min<qint64>(m_config.pushTimeoutSeconds * 1000, 3600 * 1000));
    settings.cancel = &m_stop;
    int failures = 0;
    // The first pass soon after start: archives sealed by an earlier run (or recovered) go out at once.
    qint64 delay = 5;
    while (true) {
        {
            std::unique_lock lock(m_mutex);
            if (m_wake.wait_for(lock, std::chrono::seconds(delay), [this] { return m_stop.load(); }))
                return;
        }
        const PushReport report = pushOutbox(m_config.outbox, *m_config.pushTo, settings);
        if (m_stop)
            return;
        failures = report.failure ? failures + 1 : 0;
        delay = pushRetryDelaySeconds(failures, m_config.pushIntervalSeconds);
        if (report.failure) {
            m_log(u"push: %1 (%2 pushed, %3 left; next try in %4 s)"_s.arg(report.failure->message)
                      .arg(report.pushed)
                      .arg(report.remaining)
                      .arg(delay));
        } else if (report.pushed + report.alreadyThere > 0) {
            m_log(u"push: %1 archives (%2 bytes) to %3"_s.arg(report.pushed + report.alreadyThere)
                      .arg(report.bytes)
                      .arg(m_config.pushTo->display()));
        }
    }
}

} // namespace Flight::Recorder
