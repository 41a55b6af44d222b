// SPDX-License-Identifier: GPL-3.0-or-later
// The wire format of the kernel's process events connector (NETLINK_CONNECTOR, CN_IDX_PROC): a pure parser for the
// datagrams the kernel multicasts, and the subscription message. No I/O; safe from any thread.
//
// A datagram holds one or more netlink messages; each carries a cn_msg whose payload is a struct proc_event
// (<linux/cn_proc.h>). The parser copies every field out with memcpy (no alignment assumptions) after checking that
// it lies inside both the netlink message and the datagram, so no input makes it read out of bounds.
#pragma once

#include "expected.h"

#include <QByteArray>
#include <QHash>
#include <QList>

namespace Flight::Capture {

// One process event as the kernel reported it. Fields that a type does not carry stay 0.
struct ProcConnectorEvent
{
    // Other: a type the collector does not use (sid, ptrace, comm, coredump, or one newer than this code). Only
    // `what`, `cpu`, `seq` and `timestampNs` are filled: the source needs the sequence number to notice gaps.
    enum class Type { Ack, Fork, Exec, Uid, Gid, Exit, Other };
    Type type = Type::Ack;
    quint32 what = 0; // the kernel's enum proc_event::what
    quint32 cpu = 0; // the CPU that sent it; `seq` counts per CPU (acks of kernels < 6.6: cpu ~0u, no count)
    quint32 seq = 0;
    quint32 ack = 0; // cn_msg ack: for Type::Ack the request's ack + 1
    quint64 timestampNs = 0; // CLOCK_MONOTONIC (not BOOTTIME) when the kernel sent it
    qint64 pid = 0; // subject thread id (Fork: the child thread)
    qint64 tgid = 0; // subject process id (Fork: the child process)
    qint64 parentPid = 0; // Fork, Exit (kernels >= 4.18; else 0): parent thread and process ids
    qint64 parentTgid = 0;
    quint32 realId = 0; // Uid: ruid/euid, Gid: rgid/egid, from the initial user namespace
    quint32 effectiveId = 0;
    quint32 exitCode = 0; // Exit: the wait status (code << 8, or signal | 0x80 when a core was dumped)
    quint32 exitSignal = 0; // Exit: the signal sent to the parent (SIGCHLD)
    quint32 ackError = 0; // Ack: errno of the subscription request, 0 on success
    bool operator==(const ProcConnectorEvent &) const = default;
};

// The kernel numbers the messages it sends per CPU (cn_msg seq); a gap between two messages of one CPU is messages the
// socket never got. note() returns how many are missing before `event` (0 for the first message of a CPU, for a
// number that went backwards, and for the acknowledgements of kernels before 6.6, which echo the request's numbers
// with cpu ~0u). Only meaningful for a subscription to every event type: the numbers count every message the kernel
// sends, also those a filter holds back. Not thread-safe.
class ProcConnectorSequence
{
public:
    quint32 note(const ProcConnectorEvent &event);
    void reset() { m_last.clear(); }

private:
    QHash<quint32, quint32> m_last; // cpu -> last sequence number seen
};

// Parses one datagram received from the connector socket. Messages that are not process events (other connector
// ids, netlink NOOP, acknowledgements without error) are skipped; event types this collector does not use come back
// as Type::Other without their payload. A message that is shorter than its type needs, or whose lengths do not fit the
// datagram, fails the whole datagram with the byte offset and the reason.
Expected<QList<ProcConnectorEvent>> parseProcConnectorMessage(QByteArrayView datagram);

// The datagram that asks the kernel to start (listen = true) or stop multicasting process events to the sender.
// `cookie` goes into cn_msg seq and ack; the kernel acknowledges with a Type::Ack event whose ack is cookie + 1 (its
// seq is the kernel's own counter since Linux 6.6, so only the ack identifies the reply).
//
// With `eventTypes` (a set of enum proc_event::what bits, e.g. PROC_EVENT_UID | PROC_EVENT_GID) the payload is the
// struct proc_input of Linux 6.6 {mcast_op, event_type}: such a kernel then sends the socket only events of those
// types, and no acknowledgement either (an ack's type, PROC_EVENT_NONE, is in no set). Older kernels ignore a request
// of that length: no change, no acknowledgement. 0: the plain request, all types.
QByteArray procConnectorControlMessage(bool listen, quint32 cookie, quint32 senderPortId, quint32 eventTypes = 0);

} // namespace Flight::Capture
