// SPDX-License-Identifier: GPL-3.0-or-later
#include "procconnector.h"

#include <QString>
#include <array>
#include <cstddef>
#include <cstring>
#include <linux/cn_proc.h>
#include <linux/connector.h>
#include <linux/netlink.h>

using namespace Qt::StringLiterals;

namespace Flight::Capture {

namespace {

// The layout the parser relies on, checked against the kernel's headers.
using EventData = decltype(proc_event::event_data);
using ExitData = decltype(EventData::exit);
constexpr qsizetype kNlHeader = NLMSG_HDRLEN;
constexpr qsizetype kCnHeader = sizeof(cn_msg);
constexpr qsizetype kEventHeader = offsetof(proc_event, event_data);
constexpr qsizetype kExitWithoutParent = offsetof(ExitData, parent_pid);
static_assert(kNlHeader == 16 && kCnHeader == 20 && kEventHeader == 16);
static_assert(sizeof(decltype(EventData::fork)) == 16 && sizeof(decltype(EventData::exec)) == 8);
static_assert(sizeof(decltype(EventData::id)) == 16 && sizeof(ExitData) == 24 && kExitWithoutParent == 16);

template <typename T> T load(QByteArrayView bytes, qsizetype offset)
{
    Q_ASSERT(offset >= 0 && offset + qsizetype(sizeof(T)) <= bytes.size());
    T value;
    std::memcpy(&value, bytes.data() + offset, sizeof(T));
    return value;
}

// Bytes of event_data a type needs (0 for Type::Other, whose payload is not read).
qsizetype payloadSize(quint32 what, ProcConnectorEvent::Type *type)
{
    switch (what) {
    case proc_event::PROC_EVENT_NONE:
        *type = ProcConnectorEvent::Type::Ack;
        return sizeof(EventData::ack);
    case proc_event::PROC_EVENT_FORK:
        *type = ProcConnectorEvent::Type::Fork;
        return sizeof(EventData::fork);
    case proc_event::PROC_EVENT_EXEC:
        *type = ProcConnectorEvent::Type::Exec;
        return sizeof(EventData::exec);
    case proc_event::PROC_EVENT_UID:
        *type = ProcConnectorEvent::Type::Uid;
        return sizeof(EventData::id);
    case proc_event::PROC_EVENT_GID:
        *type = ProcConnectorEvent::Type::Gid;
        return sizeof(EventData::id);
    case proc_event::PROC_EVENT_EXIT:
        *type = ProcConnectorEvent::Type::Exit;
        return kExitWithoutParent; // the parent ids (kernel 4.18) are read when present
    default:
        *type = ProcConnectorEvent::Type::Other;
        return 0;
    }
}

// Fills the type-specific fields from event_data (`data` holds at least payloadSize() bytes).
void decodePayload(ProcConnectorEvent &e, QByteArrayView data)
{
    const auto i32 = [&data](qsizetype offset) { return qint64(load<qint32>(data, offset)); };
    const auto u32 = [&data](qsizetype offset) { return load<quint32>(data, offset); };
    switch (e.type) {
    case ProcConnectorEvent::Type::Other:
        break;
    case ProcConnectorEvent::Type::Ack:
        e.ackError = u32(0);
        break;
    case ProcConnectorEvent::Type::Fork:
        e.parentPid = i32(0);
        e.parentTgid = i32(4);
        e.pid = i32(8);
        e.tgid = i32(12);
        break;
    case ProcConnectorEvent::Type::Exec:
        e.pid = i32(0);
        e.tgid = i32(4);
        break;
    case ProcConnectorEvent::Type::Uid:
    case ProcConnectorEvent::Type::Gid:
        e.pid = i32(0);
        e.tgid = i32(4);
        e.realId = u32(8);
        e.effectiveId = u32(12);
        break;
    case ProcConnectorEvent::Type::Exit:
        e.pid = i32(0);
        e.tgid = i32(4);
        e.exitCode = u32(8);
        e.exitSignal = u32(12);
        if (data.size() >= qsizetype(sizeof(ExitData))) {
            e.parentPid = i32(16);
            e.parentTgid = i32(20);
        }
        break;
    }
}

Error malformed(qsizetype offset, const QString &reason)
{
    return Error{u"proc connector datagram, byte %1: %2"_s.arg(offset).arg(reason)};
}

} // namespace

quint32 ProcConnectorSequence::note(const ProcConnectorEvent &event)
{
    if (event.type == ProcConnectorEvent::Type::Ack && event.cpu == ~0u)
        return 0;
    const auto last = m_last.find(event.cpu);
    if (last == m_last.end()) {
        m_last.insert(event.cpu, event.seq);
        return 0;
    }
    const quint32 gap = event.seq - *last - 1;
    *last = event.seq;
    return gap >= 0x80000000u ? 0 : gap;
}

Expected<QList<ProcConnectorEvent>> parseProcConnectorMessage(QByteArrayView datagram)
{
    if (datagram.isEmpty())
        return malformed(0, u"empty datagram"_s);
    QList<ProcConnectorEvent> events;
    qsizetype offset = 0;
    while (offset < datagram.size()) {
        const qsizetype left = datagram.size() - offset;
        if (left < kNlHeader)
            return malformed(offset, u"%1 bytes left, too few for a netlink header"_s.arg(left));
        const auto header = load<nlmsghdr>(datagram, offset);
        if (header.nlmsg_len < kNlHeader || header.nlmsg_len > quint64(left))
            return malformed(offset,
                             u"nlmsg_len %1 outside %2 ... %3"_s.arg(header.nlmsg_len).arg(kNlHeader).arg(left));
        const QByteArrayView message = datagram.sliced(offset, header.nlmsg_len);
        const qsizetype at = offset;
        offset += std::min<qsizetype>(NLMSG_ALIGN(header.nlmsg_len), left);

        if (header.nlmsg_type == NLMSG_ERROR) {
            if (message.size() < kNlHeader + qsizetype(sizeof(int)))
                return malformed(at, u"truncated netlink error message"_s);
            const int error = load<int>(message, kNlHeader);
            if (error == 0)
                continue; // an acknowledgement
            return malformed(at, u"netlink error: %1"_s.arg(QString::fromLocal8Bit(std::strerror(-error))));
        }
        if (header.nlmsg_type != NLMSG_DONE) // the connector sends every message as NLMSG_DONE
            continue;
        const QByteArrayView payload = message.sliced(kNlHeader);
        if (payload.size() < kCnHeader)
            return malformed(at, u"%1 payload bytes, too few for a connector header"_s.arg(payload.size()));
        const auto cn = load<cn_msg>(payload, 0);
        if (cn.id.idx != CN_IDX_PROC || cn.id.val != CN_VAL_PROC)
            continue;
        if (cn.len > payload.size() - kCnHeader)
            return malformed(at,
                             u"connector length %1 exceeds the %2 bytes after its header"_s.arg(cn.len).arg(
                                 payload.size() - kCnHeader));
        const QByteArrayView data = payload.sliced(kCnHeader, cn.len);
        if (data.size() < kEventHeader)
            return malformed(at, u"%1 bytes, too few for a proc_event header"_s.arg(data.size()));

        ProcConnectorEvent event;
        event.what = load<quint32>(data, 0);
        const qsizetype needed = payloadSize(event.what, &event.type);
        const QByteArrayView eventData = data.sliced(kEventHeader);
        if (eventData.size() < needed)
            return malformed(at,
                             u"event type 0x%1 needs %2 data bytes, has %3"_s.arg(event.what, 0, 16)
                                 .arg(needed)
                                 .arg(eventData.size()));
        event.cpu = load<quint32>(data, 4);
        event.timestampNs = load<quint64>(data, 8);
        event.seq = cn.seq;
        event.ack = cn.ack;
        decodePayload(event, eventData);
        events.append(event);
    }
    return events;
}

QByteArray procConnectorControlMessage(bool listen, quint32 cookie, quint32 senderPortId, quint32 eventTypes)
{
    // struct proc_input of Linux 6.6 (<linux/cn_proc.h> of older systems lacks it): two 32-bit enums.
    const std::array<quint32, 2> input{quint32(listen ? PROC_CN_MCAST_LISTEN : PROC_CN_MCAST_IGNORE), eventTypes};
    const qsizetype payload = eventTypes != 0 ? qsizetype(sizeof(input)) : qsizetype(sizeof(input[0]));
    QByteArray bytes(kNlHeader + kCnHeader + payload, '\0');
    nlmsghdr header = {};
    header.nlmsg_len = quint32(bytes.size());
    header.nlmsg_type = NLMSG_DONE;
    header.nlmsg_seq = cookie;
    header.nlmsg_pid = senderPortId;
    cn_msg cn = {};
    cn.id = {CN_IDX_PROC, CN_VAL_PROC};
    cn.seq = cookie;
    cn.ack = cookie;
    cn.len = quint16(payload);
    std::memcpy(bytes.data(), &header, sizeof(header));
    std::memcpy(bytes.data() + kNlHeader, &cn, sizeof(cn));
    std::memcpy(bytes.data() + kNlHeader + kCnHeader, input.data(), size_t(payload));
    return bytes;
}

} // namespace Flight::Capture
