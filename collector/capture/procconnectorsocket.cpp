// SPDX-License-Identifier: GPL-3.0-or-later
#include "procconnectorsocket.h"

#include "hostinfo.h"

#include <QLoggingCategory>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstring>
#include <linux/connector.h>
#include <linux/netlink.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Flight::Capture {

namespace {

Q_LOGGING_CATEGORY(lcConnector, "flightrec.capture.connector")

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

bool sendToKernel(int fd, const QByteArray &message)
{
    sockaddr_nl kernel = {};
    kernel.nl_family = AF_NETLINK;
    return ::sendto(fd, message.constData(), size_t(message.size()), 0, reinterpret_cast<sockaddr *>(&kernel),
                    sizeof(kernel))
        == message.size();
}

} // namespace

ProcConnectorSocket::~ProcConnectorSocket()
{
    close();
}

Expected<ProcConnectorSocket::Subscription> ProcConnectorSocket::subscribe(const Options &options)
{
    close();
    Subscription result;
    const auto fail = [this](const QString &message) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
        return Error{u"proc connector: "_s + message};
    };
    m_fd = ::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_CONNECTOR);
    if (m_fd < 0)
        return fail(u"netlink socket: %1"_s.arg(errnoText(errno)));
    const int wanted = int(std::clamp<qint64>(options.receiveBufferBytes, 0, INT_MAX / 2));
    if (::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUFFORCE, &wanted, sizeof(wanted)) != 0
        && ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &wanted, sizeof(wanted)) != 0)
        qCWarning(lcConnector) << "cannot set the receive buffer to" << wanted << "bytes:" << errnoText(errno);
    int granted = 0;
    socklen_t grantedSize = sizeof(granted);
    if (::getsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &granted, &grantedSize) == 0)
        result.receiveBufferBytes = granted;

    sockaddr_nl local = {};
    local.nl_family = AF_NETLINK;
    local.nl_groups = CN_IDX_PROC;
    if (::bind(m_fd, reinterpret_cast<sockaddr *>(&local), sizeof(local)) != 0)
        return fail(u"joining the process events group: %1"_s.arg(errnoText(errno)));
    socklen_t localSize = sizeof(local);
    if (::getsockname(m_fd, reinterpret_cast<sockaddr *>(&local), &localSize) != 0)
        return fail(u"getsockname: %1"_s.arg(errnoText(errno)));

    static std::atomic<quint32> counter{0};
    m_cookie = (((quint32(::getpid()) << 12) ^ ++counter) & 0x7fffffffu) | 1u; // events carry ack 0, never ours + 1
    if (!sendToKernel(m_fd, procConnectorControlMessage(true, m_cookie, local.nl_pid)))
        return fail(u"subscribing to process events: %1"_s.arg(errnoText(errno)));

    // The kernel acknowledges on the multicast group; events of other processes may come first.
    QByteArray buffer(64 * 1024, Qt::Uninitialized);
    const auto deadline = std::chrono::steady_clock::now() + options.ackTimeout;
    for (bool acknowledged = false; !acknowledged;) {
        const auto left
            = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        pollfd fd = {m_fd, POLLIN, 0};
        if (left <= 0ms || ::poll(&fd, 1, int(left.count())) == 0)
            return fail(u"the kernel did not acknowledge the subscription within %1 ms "
                        "(kernel without CONFIG_PROC_EVENTS?)"_s.arg(options.ackTimeout.count()));
        const Received received = receive(buffer);
        if (received.error == ENOBUFS)
            ++result.overflows;
        if (received.datagram.isEmpty())
            continue;
        auto events = parseProcConnectorMessage(received.datagram);
        if (!events)
            return fail(events.error().message);
        for (const ProcConnectorEvent &event : *events) {
            result.early.append(event);
            if (event.type != ProcConnectorEvent::Type::Ack || event.ack != m_cookie + 1)
                continue;
            if (event.ackError != 0)
                return fail(u"the kernel refused the subscription: %1"_s.arg(errnoText(int(event.ackError))));
            acknowledged = true;
        }
    }

    if (options.eventTypes != 0) {
        if (!sendToKernel(m_fd, procConnectorControlMessage(true, m_cookie + 2, local.nl_pid, options.eventTypes)))
            qCWarning(lcConnector) << "cannot narrow the subscription, every event type will come:" << errnoText(errno);
        else
            result.filterSentNs = quint64(monotonicNs());
    }
    return result;
}

ProcConnectorSocket::Received ProcConnectorSocket::receive(QByteArray &buffer) const
{
    sockaddr_nl from = {};
    socklen_t fromSize = sizeof(from);
    const ssize_t n = ::recvfrom(m_fd, buffer.data(), size_t(buffer.size()), MSG_DONTWAIT,
                                 reinterpret_cast<sockaddr *>(&from), &fromSize);
    if (n < 0)
        return {{}, errno};
    if (n == 0 || from.nl_pid != 0)
        return {};
    return {QByteArrayView(buffer.constData(), n), 0};
}

bool ProcConnectorSocket::hasQueued() const
{
    char probe = 0;
    return m_fd >= 0 && ::recv(m_fd, &probe, 1, MSG_DONTWAIT | MSG_PEEK) >= 0;
}

void ProcConnectorSocket::close()
{
    if (m_fd < 0)
        return;
    // Best effort: lets the kernel stop building events when nobody listens.
    (void)sendToKernel(m_fd, procConnectorControlMessage(false, m_cookie + 4, 0));
    ::close(m_fd);
    m_fd = -1;
}

} // namespace Flight::Capture
