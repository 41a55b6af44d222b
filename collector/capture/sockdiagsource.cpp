// SPDX-License-Identifier: GPL-3.0-or-later
#include "sockdiagsource.h"

#include "hostinfo.h"

#include <QLoggingCategory>
#include <QSet>
#include <algorithm>
#include <netinet/tcp.h>
#include <pthread.h>

using namespace Qt::StringLiterals;

namespace Flight::Capture {

namespace {

Q_LOGGING_CATEGORY(lcSockDiag, "flightrec.capture.sockdiag")

bool isListener(const DiagSocket &s)
{
    return s.proto == Format::Proto::Tcp && s.state == TCP_LISTEN;
}

// Whether a connection with this local end was accepted by one of `listeners` (same port, same or any address).
bool acceptedBy(const QList<Format::Endpoint> &listeners, const Format::Endpoint &local)
{
    return std::any_of(listeners.cbegin(), listeners.cend(), [&](const Format::Endpoint &l) {
        return l.port == local.port && (l.addr == local.addr || l.addr == "0.0.0.0"_L1 || l.addr == "::"_L1);
    });
}

} // namespace

SockDiagSource::SockDiagSource(QString degradedReason, SockDiagOptions options)
    : m_options(std::move(options))
    , m_reason(std::move(degradedReason))
{
}

SockDiagSource::~SockDiagSource()
{
    stop();
}

Format::Backend SockDiagSource::backend() const
{
    QStringList reasons;
    if (!m_reason.isEmpty())
        reasons.append(m_reason);
    reasons.append(u"the socket table is polled over sock_diag every %1 ms: a connection shorter than that is not "
                   "seen, nor are UDP datagrams, and an owner is the process that held the socket at the poll"_s.arg(
                       m_options.interval.count()));
    if (!m_udpReason.isEmpty())
        reasons.append(m_udpReason);
    return {u"net"_s, u"sockdiag"_s, true, reasons.join(u"; "_s)};
}

Expected<void> SockDiagSource::start(EventSink &sink)
{
    if (m_thread.joinable())
        return Error{u"sock_diag: already started"_s};
    if (m_options.interval <= std::chrono::milliseconds(0))
        return Error{u"sock_diag: interval %1 ms is not positive"_s.arg(m_options.interval.count())};
    auto diag = SockDiag::open();
    if (!diag)
        return diag.error();
    auto sockets = diag->dump(Format::Proto::Tcp);
    if (!sockets)
        return sockets.error();
    m_udpReason.clear();
    if (auto udp = diag->dump(Format::Proto::Udp))
        sockets->append(std::move(*udp));
    else
        m_udpReason = u"UDP not captured: %1"_s.arg(udp.error().message);
    m_diag = std::move(*diag);

    // The start-up snapshot, and the sockets it names as known: what the first poll finds besides them is new.
    const SocketOwnerMap owners = scanSocketOwners(m_options.excludePid, m_options.root);
    for (Format::Event &event : socketSnapshotEvents(*sockets, owners, realtimeNs(), boottimeNs()))
        sink.deliver(std::move(event));
    m_known.clear();
    for (const DiagSocket &s : std::as_const(*sockets)) {
        if (s.proto == Format::Proto::Tcp && !isOpenTcpState(s.state))
            continue;
        const bool excluded = s.inode != 0 && owners.excluded.contains(s.inode);
        const auto owner = s.inode != 0 && !excluded ? owners.ownerOf(s.inode) : std::nullopt;
        m_known.insert(s.cookie, {s, owner, !excluded, excluded});
    }
    m_sink = &sink;
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
    return {};
}

void SockDiagSource::stop()
{
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
    m_diag.reset();
}

Expected<QList<DiagSocket>> SockDiagSource::dumpAll()
{
    auto sockets = m_diag->dump(Format::Proto::Tcp);
    if (!sockets || !m_udpReason.isEmpty())
        return sockets;
    auto udp = m_diag->dump(Format::Proto::Udp);
    if (!udp)
        return udp;
    sockets->append(std::move(*udp));
    return sockets;
}

void SockDiagSource::run()
{
    ::pthread_setname_np(::pthread_self(), "flightrec-sdiag");
    bool failing = false;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            if (m_wake.wait_for(lock, m_options.interval, [this] { return m_stopping; }))
                return;
        }
        auto sockets = dumpAll();
        if (!sockets) {
            // Comparing with nothing would report every socket closed: this poll is skipped instead.
            if (!std::exchange(failing, true))
                qCWarning(lcSockDiag, "%s", qPrintable(sockets.error().message));
            continue;
        }
        failing = false;
        QList<Format::Event> events;
        apply(
            *sockets, [this] { return scanSocketOwners(m_options.excludePid, m_options.root); }, events);
        for (Format::Event &event : events)
            m_sink->deliver(std::move(event));
    }
}

void SockDiagSource::apply(const QList<DiagSocket> &now, const std::function<SocketOwnerMap()> &owners,
                           QList<Format::Event> &out)
{
    const qint64 ts = realtimeNs(), mono = boottimeNs();
    std::optional<SocketOwnerMap> ownerMap;
    QList<Format::Endpoint> listeners; // now, and those that closed since the last poll
    for (const DiagSocket &s : now) {
        if (isListener(s))
            listeners.append(s.local);
    }
    for (const Known &k : std::as_const(m_known)) {
        if (isListener(k.socket))
            listeners.append(k.socket.local);
    }

    QSet<quint64> present;
    for (const DiagSocket &s : now) {
        if (s.proto == Format::Proto::Tcp && !isOpenTcpState(s.state))
            continue;
        present.insert(s.cookie);
        if (const auto it = m_known.constFind(s.cookie); it != m_known.cend() && (it->reported || it->excluded))
            continue;
        if (s.proto == Format::Proto::Tcp && s.state == TCP_SYN_SENT)
            continue; // reported once connected
        Format::NetOp op = Format::NetOp::Bind;
        if (s.proto == Format::Proto::Tcp) {
            if (s.state == TCP_LISTEN)
                op = Format::NetOp::Listen;
            else
                op = acceptedBy(listeners, s.local) ? Format::NetOp::Accept : Format::NetOp::Connect;
        }
        if (op == Format::NetOp::Accept && s.inode == 0) {
            m_known.insert(s.cookie, {s, std::nullopt, false, false}); // in the accept queue: no process holds it yet
            continue;
        }
        std::optional<Format::ProcKey> owner;
        if (s.inode != 0) {
            if (!ownerMap)
                ownerMap = owners();
            if (ownerMap->excluded.contains(s.inode)) {
                m_known.insert(s.cookie, {s, std::nullopt, false, true});
                continue;
            }
            owner = ownerMap->ownerOf(s.inode);
        }
        m_known.insert(s.cookie, {s, owner, true, false});
        out.append({ts, mono, endpointOf(s, op, owner)});
    }

    QList<quint64> gone;
    for (auto it = m_known.cbegin(); it != m_known.cend(); ++it) {
        if (!present.contains(it.key()))
            gone.append(it.key());
    }
    std::sort(gone.begin(), gone.end()); // cookies grow: the oldest socket first, whatever the hash order
    for (const quint64 cookie : std::as_const(gone)) {
        const Known known = m_known.take(cookie);
        if (known.excluded || known.socket.proto != Format::Proto::Tcp)
            continue;
        if (!known.reported) // accepted, then closed before any process took it from the queue
            out.append({ts, mono, endpointOf(known.socket, Format::NetOp::Accept, std::nullopt)});
        out.append({ts, mono, endpointOf(known.socket, Format::NetOp::Close, known.owner)});
    }
}

} // namespace Flight::Capture
