// SPDX-License-Identifier: GPL-3.0-or-later
#include "netlinkprocsource.h"

#include "hostinfo.h"
#include "proceventtracker.h"

#include <QLoggingCategory>
#include <cerrno>
#include <cstring>
#include <linux/connector.h>
#include <linux/netlink.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
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
    m_lastSeq.clear();
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
    if (m_socket >= 0) { // best effort: lets the kernel stop building events when nobody listens
        const QByteArray ignore = procConnectorControlMessage(false, m_seq + 1, 0);
        sockaddr_nl kernel = {};
        kernel.nl_family = AF_NETLINK;
        (void)::sendto(m_socket, ignore.constData(), size_t(ignore.size()), 0, reinterpret_cast<sockaddr *>(&kernel),
                       sizeof(kernel));
    }
    closeAll();
}

void NetlinkProcSource::closeAll()
{
    for (int *fd : {&m_socket, &m_wake}) {
        if (*fd >= 0)
            ::close(*fd);
        *fd = -1;
    }
}

Expected<void> NetlinkProcSource::subscribe()
{
    m_socket = ::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_CONNECTOR);
    if (m_socket < 0)
        return Error{u"proc connector: netlink socket: %1"_s.arg(errnoText(errno))};
    const int wanted = int(std::clamp<qint64>(m_options.receiveBufferBytes, 0, INT_MAX / 2));
    if (::setsockopt(m_socket, SOL_SOCKET, SO_RCVBUFFORCE, &wanted, sizeof(wanted)) != 0
        && ::setsockopt(m_socket, SOL_SOCKET, SO_RCVBUF, &wanted, sizeof(wanted)) != 0)
        qCWarning(lcNetlink) << "cannot set the receive buffer to" << wanted << "bytes:" << errnoText(errno);
    int granted = 0;
    socklen_t grantedSize = sizeof(granted);
    if (::getsockopt(m_socket, SOL_SOCKET, SO_RCVBUF, &granted, &grantedSize) == 0)
        m_counting.receiveBufferBytes = granted;

    sockaddr_nl local = {};
    local.nl_family = AF_NETLINK;
    local.nl_groups = CN_IDX_PROC;
    if (::bind(m_socket, reinterpret_cast<sockaddr *>(&local), sizeof(local)) != 0)
        return Error{u"proc connector: joining the process events group: %1"_s.arg(errnoText(errno))};
    socklen_t localSize = sizeof(local);
    if (::getsockname(m_socket, reinterpret_cast<sockaddr *>(&local), &localSize) != 0)
        return Error{u"proc connector: getsockname: %1"_s.arg(errnoText(errno))};

    static std::atomic<quint32> counter{0};
    m_seq = (((quint32(::getpid()) << 12) ^ ++counter) & 0x7fffffffu) | 1u; // events carry ack 0, never ours + 1
    const QByteArray listen = procConnectorControlMessage(true, m_seq, local.nl_pid);
    sockaddr_nl kernel = {};
    kernel.nl_family = AF_NETLINK;
    if (::sendto(m_socket, listen.constData(), size_t(listen.size()), 0, reinterpret_cast<sockaddr *>(&kernel),
                 sizeof(kernel))
        != listen.size())
        return Error{u"proc connector: subscribing to process events: %1"_s.arg(errnoText(errno))};

    // The kernel acknowledges on the multicast group; events of other processes may come first.
    QByteArray buffer(64 * 1024, Qt::Uninitialized);
    const auto deadline = SteadyClock::now() + kAckTimeout;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now());
        pollfd fd = {m_socket, POLLIN, 0};
        if (left <= 0ms || ::poll(&fd, 1, int(left.count())) == 0)
            return Error{u"proc connector: the kernel did not acknowledge the subscription within %1 ms "
                         "(kernel without CONFIG_PROC_EVENTS?)"_s.arg(std::chrono::milliseconds(kAckTimeout).count())};
        sockaddr_nl from = {};
        socklen_t fromSize = sizeof(from);
        const ssize_t n = ::recvfrom(m_socket, buffer.data(), size_t(buffer.size()), MSG_DONTWAIT,
                                     reinterpret_cast<sockaddr *>(&from), &fromSize);
        if (n < 0 && errno == ENOBUFS) {
            ++m_counting.overflows;
            ++m_lossOverflows;
            beginLoss(kOverflowReason);
            continue;
        }
        if (n <= 0 || from.nl_pid != 0)
            continue;
        auto events = parseProcConnectorMessage(QByteArrayView(buffer.constData(), n));
        if (!events)
            return Error{u"proc connector: %1"_s.arg(events.error().message)};
        bool acknowledged = false;
        for (const ProcConnectorEvent &event : *events) {
            m_early.append(event); // handled by the reader, which also counts their sequence numbers
            if (event.type != ProcConnectorEvent::Type::Ack || event.ack != m_seq + 1)
                continue;
            if (event.ackError != 0)
                return Error{
                    u"proc connector: the kernel refused the subscription: %1"_s.arg(errnoText(int(event.ackError)))};
            acknowledged = true;
        }
        if (acknowledged)
            return {};
    }
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
        sockaddr_nl from = {};
        socklen_t fromSize = sizeof(from);
        const ssize_t n = ::recvfrom(m_socket, buffer.data(), size_t(buffer.size()), MSG_DONTWAIT,
                                     reinterpret_cast<sockaddr *>(&from), &fromSize);
        const int error = n < 0 ? errno : 0;
        if (n > 0 && from.nl_pid == 0) // only the kernel, not another process, speaks for it
            handleDatagram(QByteArrayView(buffer.constData(), n));
        else if (error == ENOBUFS) {
            ++m_counting.overflows;
            ++m_lossOverflows;
            beginLoss(kOverflowReason);
        } else if (error == EAGAIN || error == EWOULDBLOCK) {
            if (m_lossPending) {
                finishLoss(true); // the queue ran empty: what it held is handed over, now the table is re-read
                continue;
            }
            if (stopping)
                break;
            publishStats();
            pollfd fds[2] = {{m_socket, POLLIN, 0}, {m_wake, POLLIN, 0}};
            if (::poll(fds, 2, -1) < 0 && errno != EINTR) {
                qCCritical(lcNetlink) << "poll failed, process events stop:" << errnoText(errno);
                break;
            }
            if (fds[1].revents & POLLIN)
                requestStop();
        } else if (n < 0 && error != EINTR) {
            qCCritical(lcNetlink) << "receive failed, process events stop:" << errnoText(error);
            break;
        }
        if (m_lossPending && !lossWasPending)
            resyncDue = SteadyClock::now() + kResyncDeadline;
        if (m_lossPending && SteadyClock::now() >= resyncDue)
            finishLoss(true); // the queue does not run empty; better a resync now than a stale table
    }
    char probe = 0;
    if (stopping && ::recv(m_socket, &probe, 1, MSG_DONTWAIT | MSG_PEEK) >= 0)
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
    if (event.type == ProcConnectorEvent::Type::Ack && event.cpu == ~0u)
        return; // before Linux 6.6 acknowledgements echo the request's numbers instead of counting
    const auto last = m_lastSeq.find(event.cpu);
    if (last == m_lastSeq.end()) {
        m_lastSeq.insert(event.cpu, event.seq);
        return;
    }
    const quint32 gap = event.seq - *last - 1;
    *last = event.seq;
    if (gap == 0 || gap >= 0x80000000u)
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
        m_lastSeq.clear(); // gaps of this episode that show up later are covered by this resync
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
