// SPDX-License-Identifier: GPL-3.0-or-later
#include "netrecorddecoder.h"

#include "netrecord.h"

#include <arpa/inet.h>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace Flight::Capture {

namespace {

std::optional<Format::NetOp> opOf(quint8 op)
{
    switch (op) {
    case FLIGHT_NET_CONNECT:
        return Format::NetOp::Connect;
    case FLIGHT_NET_ACCEPT:
        return Format::NetOp::Accept;
    case FLIGHT_NET_LISTEN:
        return Format::NetOp::Listen;
    case FLIGHT_NET_BIND:
        return Format::NetOp::Bind;
    case FLIGHT_NET_SEND:
        return Format::NetOp::Send;
    case FLIGHT_NET_CLOSE:
        return Format::NetOp::Close;
    default:
        return std::nullopt;
    }
}

Format::Endpoint endpoint(int family, const quint8 (&addr)[16], quint16 port)
{
    char text[INET6_ADDRSTRLEN] = {};
    ::inet_ntop(family, addr, text, sizeof(text)); // cannot fail: the family is checked, the buffer is large enough
    return {QString::fromLatin1(text), port};
}

} // namespace

NetRecordDecoder::NetRecordDecoder(qint64 clockTicksPerSecond)
    : m_nsPerTick(clockTicksPerSecond > 0 ? 1'000'000'000 / clockTicksPerSecond : 10'000'000)
{
}

Expected<Format::Event> NetRecordDecoder::decode(QByteArrayView record, qint64 realtimeOffset) const
{
    flight_net_record r;
    if (record.size() != qsizetype(sizeof(r)))
        return Error{u"network record of %1 bytes, expected %2"_s.arg(record.size()).arg(sizeof(r))};
    std::memcpy(&r, record.data(), sizeof(r));
    if (r.kind != FLIGHT_RECORD_NET || r.size != sizeof(r))
        return Error{u"network record with kind %1 and size %2"_s.arg(r.kind).arg(r.size)};
    const auto op = opOf(r.op);
    if (!op)
        return Error{u"network record with unknown operation %1"_s.arg(r.op)};
    if (r.protocol != IPPROTO_TCP && r.protocol != IPPROTO_UDP)
        return Error{u"network record with protocol %1 (neither TCP nor UDP)"_s.arg(r.protocol)};
    if (r.family != AF_INET && r.family != AF_INET6)
        return Error{u"network record with address family %1"_s.arg(r.family)};

    Format::NetEndpoint body;
    if (r.proc.pid != 0)
        body.proc = Format::ProcKey{qint64(r.proc.pid), qint64(r.proc.start_ns / quint64(m_nsPerTick))};
    body.op = *op;
    body.proto = r.protocol == IPPROTO_TCP ? Format::Proto::Tcp : Format::Proto::Udp;
    body.local = endpoint(r.family, r.local_addr, r.local_port);
    if (r.flags & FLIGHT_NET_HAS_REMOTE)
        body.remote = endpoint(r.family, r.remote_addr, r.remote_port);
    const qint64 mono = qint64(r.mono_ns);
    return Format::Event{mono + realtimeOffset, mono, std::move(body)};
}

} // namespace Flight::Capture
