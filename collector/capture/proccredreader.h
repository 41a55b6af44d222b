// SPDX-License-Identifier: GPL-3.0-or-later
// Credential changes for the eBPF process source, from the kernel's process events connector. The kernels this
// project runs on have no BPF hook at commit_creds() that leaves other system calls alone (kprobes and fentry may be
// compiled out, and the raw syscall tracepoints put every system call of the machine on the kernel's slow path),
// while the connector's UID and GID events come from commit_creds() itself, at no cost to other system calls.
//
// Contract: open() subscribes for PROC_EVENT_UID | PROC_EVENT_GID (ProcConnectorSocket; it fails as that does).
// read() takes what is queued without waiting and appends the UID and GID events of every process but `excludePid`,
// in the order received; other types (a kernel before 6.6 ignores the filter) are dropped. Losses: a receive buffer
// overflow (ENOBUFS), and gaps in the per-CPU sequence numbers once an unfiltered event stamped after the filter
// request shows that the kernel ignored it (with the filter, the numbers also count the events it held back, so a gap
// means nothing there). takeLoss() hands over what read() noticed since the last call.
// Thread: open() and close() from the owner; read() and takeLoss() from one reader thread in between.
#pragma once

#include "procconnectorsocket.h"

namespace Flight::Capture {

class ProcCredReader
{
public:
    struct Options
    {
        qint64 receiveBufferBytes = 32 * 1024 * 1024;
        qint64 excludePid = 0; // 0: none
    };
    struct Loss
    {
        qint64 count = 0; // overflow reports, at least 1: a lower bound (like the netlink source's)
        QString reason;
    };

    [[nodiscard]] Expected<void> open(const Options &options);
    void close() { m_socket.close(); }
    int fd() const { return m_socket.fd(); }

    void read(QList<ProcConnectorEvent> &out);
    std::optional<Loss> takeLoss();

private:
    void handle(const QList<ProcConnectorEvent> &events, QList<ProcConnectorEvent> &out);
    void noteLoss(qint64 overflows, const QString &reason);

    ProcConnectorSocket m_socket;
    qint64 m_excludePid = 0;
    quint64 m_filterSentNs = 0;
    bool m_filterIgnored = false;
    ProcConnectorSequence m_sequence;
    QList<ProcConnectorEvent> m_early;
    QByteArray m_buffer;
    std::optional<Loss> m_loss;
};

} // namespace Flight::Capture
