// SPDX-License-Identifier: GPL-3.0-or-later
// A subscription to the kernel's process events connector (NETLINK_CONNECTOR, CN_IDX_PROC): the socket, its receive
// buffer, the listen request and the wait for the kernel's acknowledgement. Shared by NetlinkProcSource (every event
// type) and the eBPF source's credential events (ProcCredReader: UID and GID only). The wire format is procconnector.h.
//
// Contract: subscribe() opens the socket, asks for `receiveBufferBytes` (SO_RCVBUFFORCE as root, else SO_RCVBUF,
// which the kernel caps at rmem_max), joins the group, sends the plain listen request and waits up to `ackTimeout` for
// its acknowledgement; what arrives meanwhile is handed back (Subscription), so the caller sees every event from the
// first one on. With `eventTypes` it then narrows the subscription with the filtered request of Linux 6.6: that
// request is never acknowledged (the kernel filters its own ack away, measured on 6.18; older kernels ignore it), so
// it is sent only after the plain one has proved that the connector works, and the caller still drops the types it did
// not ask for. Errors name the step and the reason ("proc connector: subscribing to process events: Connection
// refused" in a network namespace of its own); a failed subscribe() leaves nothing open. close() and the destructor
// unsubscribe (best effort) and close. Not thread-safe: subscribe() and close() from the owner; receive() from one
// reader thread in between.
#pragma once

#include "expected.h"
#include "procconnector.h"

#include <chrono>

namespace Flight::Capture {

class ProcConnectorSocket
{
public:
    struct Options
    {
        // Requested receive buffer in bytes; the kernel doubles what it grants (bookkeeping overhead).
        qint64 receiveBufferBytes = 32 * 1024 * 1024;
        // enum proc_event::what bits wanted, e.g. PROC_EVENT_UID | PROC_EVENT_GID; 0: all types, no filter request.
        quint32 eventTypes = 0;
        std::chrono::milliseconds ackTimeout{1000};
    };

    struct Subscription
    {
        QList<ProcConnectorEvent> early; // received up to the acknowledgement, which is among them (Type::Ack)
        qint64 overflows = 0; // ENOBUFS reports while waiting: events were lost before the first one was read
        qint64 receiveBufferBytes = 0; // what the kernel granted (SO_RCVBUF read back); 0 if unknown
        quint64 filterSentNs = 0; // CLOCK_MONOTONIC after the filtered request was sent; 0: none was sent
    };

    struct Received
    {
        QByteArrayView datagram; // a view into the caller's buffer; empty when there is none (see error)
        int error = 0; // errno: EAGAIN when nothing is queued, ENOBUFS when the kernel dropped messages (a full buffer)
    };

    ProcConnectorSocket() = default;
    ~ProcConnectorSocket();
    ProcConnectorSocket(const ProcConnectorSocket &) = delete;
    ProcConnectorSocket &operator=(const ProcConnectorSocket &) = delete;

    [[nodiscard]] Expected<Subscription> subscribe(const Options &options);

    // One receive without waiting. A datagram that did not come from the kernel is skipped (empty, error 0): only the
    // kernel speaks for the connector. After ENOBUFS the messages still queued can be read.
    Received receive(QByteArray &buffer) const;
    // Whether a datagram (or an error) is waiting.
    bool hasQueued() const;
    int fd() const { return m_fd; }
    bool isOpen() const { return m_fd >= 0; }

    void close();

private:
    int m_fd = -1;
    quint32 m_cookie = 0;
};

} // namespace Flight::Capture
