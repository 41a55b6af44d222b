// SPDX-License-Identifier: GPL-3.0-or-later
#include "proccredreader.h"

#include <QLoggingCategory>
#include <cerrno>
#include <cstring>
#include <linux/cn_proc.h>

using namespace Qt::StringLiterals;

namespace Flight::Capture {

namespace {

Q_LOGGING_CATEGORY(lcCred, "flightrec.capture.cred")

const QString kOverflowReason = u"proc connector receive buffer overflow (ENOBUFS)"_s;

bool isCredential(const ProcConnectorEvent &event)
{
    return event.type == ProcConnectorEvent::Type::Uid || event.type == ProcConnectorEvent::Type::Gid;
}

} // namespace

Expected<void> ProcCredReader::open(const Options &options)
{
    ProcConnectorSocket::Options subscription;
    subscription.receiveBufferBytes = options.receiveBufferBytes;
    subscription.eventTypes = proc_event::PROC_EVENT_UID | proc_event::PROC_EVENT_GID;
    auto subscribed = m_socket.subscribe(subscription);
    if (!subscribed)
        return subscribed.error();
    m_excludePid = options.excludePid;
    m_filterSentNs = subscribed->filterSentNs;
    m_filterIgnored = m_filterSentNs == 0;
    m_sequence.reset();
    m_loss.reset();
    m_buffer = QByteArray(64 * 1024, Qt::Uninitialized);
    m_early = std::move(subscribed->early);
    if (subscribed->overflows > 0)
        noteLoss(subscribed->overflows, kOverflowReason);
    return {};
}

void ProcCredReader::read(QList<ProcConnectorEvent> &out)
{
    handle(std::exchange(m_early, {}), out);
    while (m_socket.isOpen()) {
        const ProcConnectorSocket::Received received = m_socket.receive(m_buffer);
        if (received.error == ENOBUFS) {
            noteLoss(1, kOverflowReason);
        } else if (received.error == EAGAIN || received.error == EWOULDBLOCK) {
            return;
        } else if (received.error != 0 && received.error != EINTR) {
            qCCritical(lcCred, "receiving from the proc connector failed, proc.cred stops: %s",
                       std::strerror(received.error));
            m_socket.close();
        } else if (!received.datagram.isEmpty()) {
            auto events = parseProcConnectorMessage(received.datagram);
            if (events)
                handle(*events, out);
            else
                noteLoss(0, u"malformed proc connector message: %1"_s.arg(events.error().message));
        }
    }
}

void ProcCredReader::handle(const QList<ProcConnectorEvent> &events, QList<ProcConnectorEvent> &out)
{
    for (const ProcConnectorEvent &event : events) {
        const bool wanted = isCredential(event) || event.type == ProcConnectorEvent::Type::Ack;
        if (!m_filterIgnored && !wanted && event.timestampNs > m_filterSentNs) {
            qCDebug(lcCred, "the kernel ignored the event filter (before Linux 6.6): sequence gaps now count");
            m_filterIgnored = true;
            m_sequence.reset();
        }
        if (m_filterIgnored) {
            if (const quint32 gap = m_sequence.note(event))
                noteLoss(0, u"proc connector sequence gap: %1 kernel messages missing"_s.arg(gap));
        }
        if (isCredential(event) && event.tgid != m_excludePid)
            out.append(event);
    }
}

void ProcCredReader::noteLoss(qint64 overflows, const QString &reason)
{
    if (!m_loss)
        m_loss = Loss{0, reason};
    else if (reason == kOverflowReason)
        m_loss->reason = reason; // the usual cause of the gaps in the same episode
    m_loss->count = std::max<qint64>(1, m_loss->count + overflows);
}

std::optional<ProcCredReader::Loss> ProcCredReader::takeLoss()
{
    return std::exchange(m_loss, std::nullopt);
}

} // namespace Flight::Capture
