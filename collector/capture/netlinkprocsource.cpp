// SPDX-License-Identifier: GPL-3.0-or-later
#include "netlinkprocsource.h"

#include "hostinfo.h"
#include "proceventtracker.h"

#include <QLoggingCategory>
#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Flight::Capture {

namespace {

Q_LOGGING_CATEGORY(lcNetlink, "flightrec.capture.netlink")

using SteadyClock = std::chrono::steady_clock;
constexpr auto kAckTimeout = 1s;
constexpr auto kStopDrain = 500ms; // how long stop() lets the reader hand over what was already queued
constexpr auto kResyncDeadline = 1s; // resync after a loss even when the queue never runs empty
constexpr auto kProgressInterval = 50ms; // an idle reader still says how far it is complete this often

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

const QString kOverflowReason = u"netlink receive buffer overflow (ENOBUFS)"_s;

} // namespace

NetlinkProcSource::NetlinkProcSource(QString degradedReason, NetlinkProcOptions options)
    : m_options(std::move(options))
    , m_reason(std::move(degradedReason))
{
}

NetlinkProcSource::~NetlinkProcSource()
{
    stop();
}

Format::Backend NetlinkProcSource::backend() const
{
    return {u"proc"_s, u"netlink"_s, true, m_reason};
}

NetlinkProcSource::Stats NetlinkProcSource::stats() const
{
    QMutexLocker lock(&m_statsMutex);
    return m_stats;
}

Expected<void> NetlinkProcSource::start(EventSink &sink)
{
    if (m_thread.joinable())
        return Error{u"proc connector: already started"_s};
    m_counting = {};
    m_lossPending = false;
    m_lossOverflows = 0;
    m_sequence.reset();
    m_lastTs = realtimeNs();
    m_lastMono = boottimeNs();
    m_tracker = std::make_unique<ProcEventTracker>(m_options.read);
    if (auto subscribed = subscribe(); !subscribed) {
        closeAll();
        return subscribed;
    }
    m_wake = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_wake < 0) {
        const int error = errno;
        closeAll();
        return Error{u"proc connector: eventfd: %1"_s.arg(errnoText(error))};
    }
    // After subscribing: a process that starts in between is learned twice rather than never.
    m_tracker->learnLiveProcesses();
    m_sink = &sink;
    publishStats();
    m_thread = std::thread([this] { run(); });
    return {};
}

void NetlinkProcSource::stop()
{
    if (m_thread.joinable()) {
        const quint64 one = 1;
        if (::write(m_wake, &one, sizeof(one)) != sizeof(one))
            qCWarning(lcNetlink) << "cannot wake the reader:" << errnoText(errno);
        m_thread.join();
    }
    closeAll(); // unsubscribes first: lets the kernel stop building events when nobody listens
}

void NetlinkProcSource::closeAll()
{
    m_socket.close();
    if (m_wake >= 0)
        ::close(m_wake);
    m_wake = -1;
}

Expected<void> NetlinkProcSource::subscribe()
{
    auto subscribed = m_socket.subscribe({m_options.receiveBufferBytes, 0, kAckTimeout});
    if (!subscribed)
        return subscribed.error();
    m_counting.receiveBufferBytes = subscribed->receiveBufferBytes;
    m_early = std::move(subscribed->early); // handled by the reader, which also counts their sequence numbers
    if (subscribed->overflows > 0) {
        m_counting.overflows += subscribed->overflows;
        m_lossOverflows += subscribed->overflows;
        beginLoss(kOverflowReason);
    }
    return {};
}

void NetlinkProcSource::run()
{
    QByteArray buffer(64 * 1024, Qt::Uninitialized);
    bool stopping = false;
    SteadyClock::time_point drainUntil;
    const auto requestStop = [&] {
        stopping = true;
        drainUntil = SteadyClock::now() + kStopDrain;
    };
    auto resyncDue = SteadyClock::now() + kResyncDeadline; // for a loss noticed while subscribing

    QList<Format::Event> early;
    for (const ProcConnectorEvent &event : std::exchange(m_early, {})) {
        noteSequence(event);
        m_tracker->handle(event, early);
    }
    deliver(early);

    while (!stopping || SteadyClock::now() < drainUntil) {
        if (!stopping && m_options.testReceiveDelay > 0ms) {
            pollfd wake = {m_wake, POLLIN, 0};
            if (::poll(&wake, 1, int(m_options.testReceiveDelay.count())) > 0)
                requestStop();
        }
        const bool lossWasPending = m_lossPending;
        const qint64 receivedAt = boottimeNs();
        const ProcConnectorSocket::Received received = m_socket.receive(buffer);
        const int error = received.error;
        if (!received.datagram.isEmpty())
            handleDatagram(received.datagram);
        else if (error == ENOBUFS) {
            ++m_counting.overflows;
            ++m_lossOverflows;
            beginLoss(kOverflowReason);
        } else if (error == EAGAIN || error == EWOULDBLOCK) {
            if (m_lossPending) {
                finishLoss(true); // the queue ran empty: what it held is handed over, now the table is re-read
                continue;
            }
            m_sink->progress(receivedAt); // the queue was empty: everything before is delivered
            if (stopping)
                break;
            publishStats();
            pollfd fds[2] = {{m_socket.fd(), POLLIN, 0}, {m_wake, POLLIN, 0}};
            // Not forever: an idle host's progress goes on (processlifetimes.h waits for it).
            if (::poll(fds, 2, int(kProgressInterval.count())) < 0 && errno != EINTR) {
                qCCritical(lcNetlink) << "poll failed, process events stop:" << errnoText(errno);
                break;
            }
            if (fds[1].revents & POLLIN)
                requestStop();
        } else if (error != 0 && error != EINTR) {
            qCCritical(lcNetlink) << "receive failed, process events stop:" << errnoText(error);
            break;
        }
        if (m_lossPending && !lossWasPending)
            resyncDue = SteadyClock::now() + kResyncDeadline;
        if (m_lossPending && SteadyClock::now() >= resyncDue)
            finishLoss(true); // the queue does not run empty; better a resync now than a stale table
    }
    if (stopping && m_socket.hasQueued())
        beginLoss(u"stopped before all queued process events were read"_s); // the drain time ran out
    if (m_lossPending)
        finishLoss(false);
    publishStats();
}

void NetlinkProcSource::handleDatagram(QByteArrayView datagram)
{
    auto events = parseProcConnectorMessage(datagram);
    if (!events) {
        qCWarning(lcNetlink) << events.error().message;
        beginLoss(u"malformed proc connector message: %1"_s.arg(events.error().message));
        return;
    }
    m_counting.messages += events->size();
    QList<Format::Event> out;
    for (const ProcConnectorEvent &event : *events) {
        noteSequence(event);
        m_tracker->handle(event, out);
    }
    deliver(out);
}

void NetlinkProcSource::noteSequence(const ProcConnectorEvent &event)
{
    const quint32 gap = m_sequence.note(event);
    if (gap == 0)
        return;
    m_counting.droppedMessages += gap;
    beginLoss(u"proc connector sequence gap: %1 kernel messages missing"_s.arg(gap));
}

void NetlinkProcSource::beginLoss(const QString &reason)
{
    if (!m_lossPending) {
        m_lossPending = true;
        m_lossReason = reason;
        m_lossTs = m_lastTs;
        m_lossMono = m_lastMono;
    } else if (reason == kOverflowReason) {
        m_lossReason = reason; // the usual cause of the gaps in the same episode
    }
}

void NetlinkProcSource::finishLoss(bool resync)
{
    QList<Format::Event> out;
    Format::RecorderLoss loss{u"proc.netlink"_s,
                              std::max<qint64>(1, m_lossOverflows),
                              Format::LossUnit::Events,
                              m_lossReason,
                              realtimeNs(),
                              boottimeNs(),
                              std::nullopt,
                              std::nullopt};
    out.append({m_lossTs, m_lossMono, std::move(loss)});
    m_lossPending = false;
    m_lossOverflows = 0;
    if (resync) {
        m_tracker->resync(out);
        m_sequence.reset(); // gaps of this episode that show up later are covered by this resync
        ++m_counting.resyncs;
    }
    deliver(out);
}

void NetlinkProcSource::deliver(QList<Format::Event> &events)
{
    for (Format::Event &event : events) {
        if (!std::holds_alternative<Format::RecorderLoss>(event.body)) {
            m_lastTs = event.ts;
            m_lastMono = event.mono;
        }
        m_sink->deliver(std::move(event));
    }
    m_counting.events += events.size();
    events.clear();
    publishStats();
}

void NetlinkProcSource::publishStats()
{
    Stats stats = m_counting;
    if (m_tracker) {
        const auto &c = m_tracker->counters();
        stats.estimatedStarts = c.estimatedStarts;
        stats.incompleteExecs = c.incompleteExecs;
        stats.credsWithoutPrev = c.credsWithoutPrev;
        stats.unkeyed = c.unkeyed;
    }
    QMutexLocker lock(&m_statsMutex);
    m_stats = stats;
}

} // namespace Flight::Capture
