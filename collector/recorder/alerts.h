// SPDX-License-Identifier: GPL-3.0-or-later
// Alerts for integrity changes (DESIGN.md "Capture", integrity): every state.change at or above a severity goes, with
// its detail, to the configured sinks:
//   syslog   one line per alert to the system log socket (/dev/log: journald or a syslog daemon), facility
//            authpriv, priority alert (high) or warning (medium, low); written by this code, not syslog(3), so a
//            socket that is missing or refuses is a failure that is counted, not silence;
//   wall     the detail to every logged-in terminal, through util-linux's wall;
//   command  a program (argv from alert_command) that gets the event as one JSON line (FORMAT.md) on stdin and must
//            exit 0 within commandTimeout, else it is killed and the alert counts as failed.
// Contract: post() never blocks the recorder: alerts go to a bounded queue served by one thread; when it is full an
// alert is dropped and counted. A failing sink is logged (once per sink and reason in a row) and counted, and never
// stops recording; the counts go into the heartbeats (alerts_sent, alerts_failed, alerts_dropped). stop() lets the
// thread finish what is queued (each sink bounded by its timeout) and joins; the destructor calls it.
#pragma once

#include "event.h"
#include "expected.h"

#include <QStringList>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace Flight::Recorder {

// What a person reads: "flightrec on HOST: high integrity change in modules" and one line per added, removed or
// changed item with its attributes (a changed item shows only what changed, as before -> after). At most maxLines
// item lines, then "... and N more".
QString alertText(const Format::StateChange &change, const QString &host, qsizetype maxLines = 40);
// The same on one line, bounded to about `maxChars`, for the system log.
QString alertLine(const Format::StateChange &change, const QString &host, qsizetype maxChars = 900);

class AlertSink
{
public:
    virtual ~AlertSink() = default;
    virtual QString name() const = 0;
    virtual Expected<void> send(const Format::Event &event, const Format::StateChange &change) = 0;
};

std::unique_ptr<AlertSink> makeSyslogSink(QString host, QString socketPath = QStringLiteral("/dev/log"));
std::unique_ptr<AlertSink> makeWallSink(QString host, QString program = QStringLiteral("wall"));
std::unique_ptr<AlertSink> makeCommandSink(QStringList argv, std::chrono::milliseconds timeout);

class Alerter
{
public:
    struct Stats
    {
        qint64 sent = 0; // alert deliveries that succeeded (one per sink)
        qint64 failed = 0; // ... that failed
        qint64 dropped = 0; // alerts dropped because the queue was full
    };

    Alerter(std::vector<std::unique_ptr<AlertSink>> sinks, Format::Severity threshold, qsizetype queueLimit = 256);
    ~Alerter();
    Alerter(const Alerter &) = delete;
    Alerter &operator=(const Alerter &) = delete;

    // Queues `event` if it is a state.change at or above the threshold; otherwise does nothing.
    void post(const Format::Event &event);
    void stop();
    Stats stats() const;

private:
    void run();

    std::vector<std::unique_ptr<AlertSink>> m_sinks;
    const Format::Severity m_threshold;
    const qsizetype m_queueLimit;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Format::Event> m_queue;
    bool m_stopping = false;
    std::atomic<qint64> m_sent{0}, m_failed{0}, m_dropped{0};
    std::thread m_thread;
};

} // namespace Flight::Recorder
