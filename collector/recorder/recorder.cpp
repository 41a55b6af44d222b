// SPDX-License-Identifier: GPL-3.0-or-later
#include "recorder.h"

#include "exedigests.h"
#include "hostinfo.h"
#include "processsnapshot.h"
#include "retention.h"
#include "selfstats.h"

#include <QDateTime>
#include <QDir>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Flight::Recorder {

Capture::ReadOptions processReadOptions(const Config &config)
{
    static const auto digests = std::make_shared<Capture::ExeDigests>();
    Capture::ReadOptions options;
    options.environment = config.environment;
    options.digests = config.exeDigest ? digests : nullptr;
    return options;
}

namespace {

Format::Event now(Format::EventBody body)
{
    return {Capture::realtimeNs(), Capture::boottimeNs(), std::move(body)};
}

std::vector<std::unique_ptr<AlertSink>> alertSinks(const Config &config, const QString &host)
{
    std::vector<std::unique_ptr<AlertSink>> sinks;
    for (const QString &name : config.alertSinks) {
        if (name == "syslog"_L1)
            sinks.push_back(makeSyslogSink(host));
        else if (name == "wall"_L1)
            sinks.push_back(makeWallSink(host));
        else if (name == "command"_L1)
            sinks.push_back(makeCommandSink(config.alertCommand, 10s));
    }
    return sinks;
}

} // namespace

Recorder::Recorder(Config config, Format::SigningKey key, Format::HostInfo host, QString version)
    : m_config(std::move(config))
    , m_host(std::move(host))
    , m_version(std::move(version))
    , m_sealer(std::move(key), SealOptions{m_config.keyPath, m_config.outbox, m_config.recipient})
    , m_queue(m_config.queueEvents)
    , m_alerter(alertSinks(m_config, m_host.hostname),
                Format::severityFromName(m_config.alertSeverity.toLatin1()).value_or(Format::Severity::High))
{
    m_uptime.start();
}

Recorder::~Recorder()
{
    for (auto &source : m_sources)
        source->stop();
}

QList<Format::Backend> Recorder::backends() const
{
    QList<Format::Backend> list;
    for (const auto &source : m_sources)
        list.append(source->backend());
    return list;
}

JournalMeta Recorder::meta() const
{
    return {m_host, {m_version, m_config.digest, backends(), {}, m_config.scope}};
}

QMap<QString, qint64> Recorder::stats() const
{
    return {{u"cpu_ms"_s, cpuMilliseconds()},
            {u"rss_kb"_s, residentKilobytes()},
            {u"events"_s, m_events},
            {u"lost"_s, m_lost},
            {u"queue_deepest"_s, m_queue.deepest()},
            {u"alerts_sent"_s, m_alerter.stats().sent},
            {u"alerts_failed"_s, m_alerter.stats().failed},
            {u"alerts_dropped"_s, m_alerter.stats().dropped},
            {u"uptime_s"_s, m_uptime.elapsed() / 1000}};
}

Expected<void> Recorder::sealFile(const QString &file, bool recovered)
{
    auto sealed = m_sealer.seal(file, recovered, stats());
    if (!sealed)
        return sealed.error();
    if (*sealed)
        m_sealed.append(std::move(**sealed));
    return {};
}

Expected<void> Recorder::start(std::vector<std::unique_ptr<Capture::EventSource>> sources)
{
    if (!QDir().mkpath(m_config.outbox))
        return Error{u"%1: cannot create the outbox"_s.arg(m_config.outbox)};
    for (const QString &leftover : Journal::pendingFiles(m_config.journal)) {
        if (auto sealed = sealFile(leftover, true); !sealed)
            return sealed;
        ++m_recovered;
    }
    // Sources first (the journal's meta names the backends that started), then the snapshot: a process that starts
    // in between is seen twice rather than never. Until the journal exists their events wait in the queue.
    m_sources = std::move(sources);
    for (auto &source : m_sources) {
        if (auto started = source->start(m_queue); !started)
            return Error{u"%1 capture: %2"_s.arg(source->backend().source, started.error().message)};
    }
    auto journal = Journal::create(m_config.journal, meta());
    if (!journal)
        return journal.error();
    m_journal = std::move(*journal);
    if (auto appended = append(now(Format::RecorderStart{m_version, ::getpid(), backends()})); !appended)
        return appended;
    if (auto appended = appendLiveProcesses(); !appended)
        return appended;
    m_nextSeal.setRemainingTime(std::chrono::seconds(m_config.sealIntervalSeconds));
    m_nextHeartbeat.setRemainingTime(std::chrono::seconds(m_config.heartbeatSeconds));
    return m_journal->sync();
}

Expected<void> Recorder::append(const Format::Event &event)
{
    ++m_events;
    if (const auto *loss = std::get_if<Format::RecorderLoss>(&event.body);
        loss && loss->unit == Format::LossUnit::Events) {
        m_lost += loss->count;
        m_queueLossPending |= loss->source == kQueueLossSource;
    }
    m_state.apply(event);
    m_alerter.post(event);
    return m_journal->append(event);
}

Expected<void> Recorder::appendLiveProcesses()
{
    const Capture::ProcessSnapshot snapshot = Capture::snapshotProcesses(processReadOptions(m_config));
    for (const Format::Event &event : snapshot.events) {
        if (auto appended = append(event); !appended)
            return appended;
    }
    return {};
}

Expected<void> Recorder::resnapshotAfterQueueLoss(bool force)
{
    if (!m_queueLossPending || (!force && !m_nextResnapshot.hasExpired()))
        return {};
    m_queueLossPending = false;
    m_nextResnapshot.setRemainingTime(1s);
    return appendLiveProcesses();
}

void Recorder::heartbeat()
{
    (void)append(now(Format::RecorderHeartbeat{stats()}));
    m_nextHeartbeat.setRemainingTime(std::chrono::seconds(m_config.heartbeatSeconds));
}

Expected<void> Recorder::sealCurrent(bool finalSegment)
{
    auto segment = finalSegment ? m_journal->close() : m_journal->rotate(meta());
    if (!segment)
        return segment.error();
    m_nextSeal.setRemainingTime(std::chrono::seconds(m_config.sealIntervalSeconds));
    if (auto sealed = sealFile(*segment, false); !sealed)
        return sealed;
    if (finalSegment)
        return {};
    for (const Format::StateSnapshot &snapshot : m_state.snapshots()) { // the new segment stands alone
        if (auto appended = m_journal->append(now(snapshot)); !appended)
            return appended;
        ++m_events;
    }
    return {};
}

Expected<void> Recorder::sealAndPrune(bool pruneOutbox)
{
    if (auto sealed = sealCurrent(false); !sealed)
        return sealed;
    if (!pruneOutbox)
        return {};
    const RetentionResult deleted = applyRetention(m_config.outbox, m_config.retentionBytes, m_config.retentionSeconds,
                                                   QDateTime::currentDateTimeUtc());
    if (deleted.deleted == 0)
        return {};
    return append(now(Format::RecorderLoss{u"retention"_s,
                                           deleted.deleted,
                                           Format::LossUnit::Archives,
                                           u"unpulled archives deleted to keep the outbox within its limits"_s,
                                           {},
                                           {},
                                           deleted.firstSeq,
                                           deleted.lastSeq}));
}

Expected<void> Recorder::run(const std::atomic<bool> &stop, QDeadlineTimer deadline, bool pruneOutbox)
{
    while (!stop.load() && !deadline.hasExpired()) {
        const auto wait = deadline.isForever() ? 200 : std::clamp<qint64>(deadline.remainingTime(), 0, 200);
        for (const Format::Event &event : m_queue.take(std::chrono::milliseconds(wait))) {
            if (auto appended = append(event); !appended)
                return appended;
            if (m_journal->bytes() >= m_config.sealBytes) {
                if (auto sealed = sealAndPrune(pruneOutbox); !sealed)
                    return sealed;
            }
        }
        if (auto resnapshot = resnapshotAfterQueueLoss(false); !resnapshot)
            return resnapshot;
        if (m_nextHeartbeat.hasExpired())
            heartbeat();
        if (m_nextSeal.hasExpired()) {
            if (auto sealed = sealAndPrune(pruneOutbox); !sealed)
                return sealed;
        }
        if (auto synced = m_journal->syncIfDue(); !synced)
            return synced;
    }

    for (auto &source : m_sources)
        source->stop();
    for (QList<Format::Event> batch; !(batch = m_queue.take(0ms)).isEmpty();) {
        for (const Format::Event &event : batch) {
            if (auto appended = append(event); !appended)
                return appended;
        }
    }
    if (auto resnapshot = resnapshotAfterQueueLoss(true); !resnapshot)
        return resnapshot;
    heartbeat();
    if (auto appended = append(now(Format::RecorderStop{stop.load() ? u"signal"_s : u"duration"_s})); !appended)
        return appended;
    return sealCurrent(true);
}

} // namespace Flight::Recorder
