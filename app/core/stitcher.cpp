// SPDX-License-Identifier: GPL-3.0-or-later
#include "stitcher.h"

#include <QMap>
#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

// A session's processes start after the accept on the same clock (sshd authenticates first); the margin allows
// for an accept recorded at the connection's first use rather than at accept().
constexpr qint64 kSessionMargin = 1'000'000'000;

struct Candidate
{
    qsizetype connect = 0;
    qsizetype accept = 0;
    qint64 distance = 0; // from the expected time
};

class Stitcher
{
public:
    Stitcher(StitchInputs in, const StitchOptions &options)
        : m_in(std::move(in))
        , m_options(options)
    {
        for (qsizetype i = 0; i < m_in.accepts.size(); ++i)
            m_acceptsByKey[acceptKey(m_in.accepts[i])].append(i);
        for (qsizetype i = 0; i < m_in.facts.sessions.size(); ++i)
            m_sessionsByKey[{m_in.facts.sessions[i].hostId, m_in.facts.sessions[i].connection}].append(i);
    }

    StitchResult run(const StitchEstimate *known, StitchEstimate *estimated)
    {
        // Pass 1: each connect's nearest accept in raw time gives the offsets; pass 2 matches against them.
        if (known) {
            m_offsets = known->rough;
        } else {
            QList<ClockSample> rough;
            for (const Candidate &c : candidates(nullptr))
                rough.append(sample(c));
            m_offsets = estimateClockOffsets(rough);
        }
        const QList<Candidate> matched = assignOnce(candidates(&m_offsets));
        QList<ClockSample> samples;
        for (const Candidate &c : matched) {
            samples.append(sample(c));
            m_result.links.append(link(c));
        }
        m_result.offsets = known ? known->offsets : estimateClockOffsets(samples);
        if (estimated)
            *estimated = {m_offsets, m_result.offsets};
        attachSessions();
        reportUnmatched();
        finish();
        return m_result;
    }

private:
    ClockSample sample(const Candidate &c) const
    {
        const TcpEnd &client = m_in.connects[c.connect];
        const TcpEnd &server = m_in.accepts[c.accept];
        return {client.hostId, server.hostId, server.ts - client.ts};
    }

    // Per connect the best accept of another host within maxSkew: nearest in raw time (offsets null) or nearest
    // the host pair's estimated offset, within the tolerance.
    QList<Candidate> candidates(const QList<ClockOffset> *offsets) const
    {
        QList<Candidate> out;
        for (qsizetype ci = 0; ci < m_in.connects.size(); ++ci) {
            const TcpEnd &c = m_in.connects[ci];
            std::optional<Candidate> best;
            for (const qsizetype ai : m_acceptsByKey.value(connectKey(c))) {
                const TcpEnd &a = m_in.accepts[ai];
                const qint64 delta = a.ts - c.ts;
                if (a.hostId == c.hostId || std::abs(delta) > m_options.maxSkewNs)
                    continue;
                const qint64 expected = offsets ? clockOffset(*offsets, c.hostId, a.hostId).value_or(0) : 0;
                const qint64 distance = std::abs(delta - expected);
                if (offsets && distance > m_options.toleranceNs)
                    continue;
                if (!best || distance < best->distance)
                    best = Candidate{ci, ai, distance};
            }
            if (best)
                out.append(*best);
        }
        return out;
    }

    // Each accept once: the nearest pairs first.
    static QList<Candidate> assignOnce(QList<Candidate> all)
    {
        std::stable_sort(all.begin(), all.end(),
                         [](const Candidate &a, const Candidate &b) { return a.distance < b.distance; });
        QSet<qsizetype> used;
        QList<Candidate> kept;
        for (const Candidate &c : std::as_const(all)) {
            if (used.contains(c.accept))
                continue;
            used.insert(c.accept);
            kept.append(c);
        }
        std::sort(kept.begin(), kept.end(),
                  [](const Candidate &a, const Candidate &b) { return a.connect < b.connect; });
        return kept;
    }

    HostLink link(const Candidate &c)
    {
        const TcpEnd &client = m_in.connects[c.connect];
        const TcpEnd &server = m_in.accepts[c.accept];
        m_matchedConnects.insert(c.connect);
        m_matchedAccepts.insert(c.accept);
        HostLink l = clientSide(client);
        l.evidence = u"4-tuple"_s;
        l.serverHostId = server.hostId;
        l.acceptEventId = server.eventId;
        l.acceptTs = server.ts;
        l.serverProcessId = server.processId;
        l.acceptedByListener = server.processId && m_in.listeners.contains(*server.processId);
        l.serverUid = server.uid;
        return l;
    }

    static HostLink clientSide(const TcpEnd &client)
    {
        HostLink l;
        l.proto = u"tcp"_s;
        l.clientHostId = client.hostId;
        l.clientAddr = client.laddr;
        l.clientPort = client.lport;
        l.serverAddr = client.raddr;
        l.serverPort = client.rport;
        l.connectEventId = client.eventId;
        l.connectTs = client.ts;
        l.clientProcessId = client.processId;
        l.clientUid = client.uid;
        return l;
    }

    // The top processes of the session group `indexes` (those whose parent is not in it) starting within
    // [from, to]; claimed ones are left out and the returned ones claimed.
    QList<qint64> takeSessions(const QList<qsizetype> &indexes, qint64 from, qint64 to, std::optional<qint64> *uid)
    {
        QSet<qint64> ids;
        for (const qsizetype i : indexes)
            ids.insert(m_in.facts.sessions[i].id);
        QList<qint64> tops;
        for (const qsizetype i : indexes) {
            const SshSessionProcess &s = m_in.facts.sessions[i];
            if (m_claimedSessions.contains(i) || s.startTs < from || s.startTs > to)
                continue;
            m_claimedSessions.insert(i);
            if (s.parentId && ids.contains(*s.parentId))
                continue;
            tops.append(s.id);
            if (uid && !uid->has_value())
                *uid = s.uid;
        }
        return tops;
    }

    // SSH_CONNECTION on the server confirms a link; a later link of the same 4-tuple (a port used again) takes
    // the sessions that started after its accept.
    void attachSessions()
    {
        QList<qsizetype> order(m_result.links.size());
        std::iota(order.begin(), order.end(), 0);
        // Latest accept first; of one time, the later event (an order that does not depend on what else was read).
        std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
            const HostLink &x = m_result.links[a], &y = m_result.links[b];
            return *x.acceptTs != *y.acceptTs ? *x.acceptTs > *y.acceptTs : *x.acceptEventId > *y.acceptEventId;
        });
        for (const qsizetype li : order) {
            HostLink &l = m_result.links[li];
            const auto group = m_sessionsByKey.value(
                {l.serverHostId, connectionText(l.clientAddr, l.clientPort, l.serverAddr, l.serverPort)});
            std::optional<qint64> uid;
            l.sessionProcessIds
                = takeSessions(group, *l.acceptTs - kSessionMargin, std::numeric_limits<qint64>::max(), &uid);
            if (l.sessionProcessIds.isEmpty())
                continue;
            l.evidence = u"4-tuple+ssh-env"_s;
            if (uid)
                l.serverUid = uid;
            if (!l.serverProcessId)
                l.serverProcessId = l.sessionProcessIds.constFirst();
        }
    }

    QSet<qint64> peersOf(const TcpEnd &e) const
    {
        QSet<qint64> peers = m_in.facts.hostsByAddress.value(e.raddr);
        peers.remove(e.hostId);
        return peers;
    }

    // An unmatched connect whose server recorded the ssh session (SSH_CONNECTION) but not the accept.
    bool linkBySession(const TcpEnd &c, const QSet<qint64> &peers)
    {
        QList<qint64> ordered(peers.cbegin(), peers.cend());
        std::sort(ordered.begin(), ordered.end()); // an order independent of how the set was built
        for (const qint64 peer : std::as_const(ordered)) {
            const auto group = m_sessionsByKey.value({peer, connectKey(c)});
            const qint64 expected = c.ts + clockOffset(m_result.offsets, c.hostId, peer).value_or(0);
            std::optional<qint64> uid;
            const QList<qint64> tops
                = takeSessions(group, expected - m_options.maxSkewNs, expected + m_options.maxSkewNs, &uid);
            if (tops.isEmpty())
                continue;
            HostLink l = clientSide(c);
            l.evidence = u"ssh-env"_s;
            l.serverHostId = peer;
            l.serverProcessId = tops.constFirst();
            l.serverUid = uid;
            l.sessionProcessIds = tops;
            m_result.links.append(l);
            return true;
        }
        return false;
    }

    QString names(const QSet<qint64> &hosts) const
    {
        QStringList list;
        for (const qint64 h : hosts)
            list.append(m_in.hostnames.value(h));
        list.sort();
        return list.join(u", "_s);
    }

    // Why the other end of `e` on `peers` is missing, as far as the case can tell: a loss on a peer near the time
    // the other end was due (by the pair's offset when estimated, else within maxSkew), or no archive of a peer then.
    QString reason(const TcpEnd &e, const QSet<qint64> &peers, const QString &missing) const
    {
        QSet<qint64> lossy, covered;
        for (const qint64 peer : peers) {
            const auto offset = clockOffset(m_result.offsets, e.hostId, peer);
            const qint64 due = e.ts + offset.value_or(0);
            const qint64 margin = offset ? m_options.toleranceNs : m_options.maxSkewNs;
            for (const TimeSpan &s : m_in.losses)
                if (s.hostId == peer && s.from <= due + margin && s.to >= due - margin)
                    lossy.insert(peer);
            for (const TimeSpan &s : m_in.archives)
                if (s.hostId == peer && s.from <= e.ts + m_options.maxSkewNs && s.to >= e.ts - m_options.maxSkewNs)
                    covered.insert(peer);
        }
        if (!lossy.isEmpty())
            return u"no %1 on %2, which recorded a loss of events around then"_s.arg(missing, names(lossy));
        if (covered.isEmpty())
            return u"no %1: no archive of %2 covers that time"_s.arg(missing, names(peers));
        return u"no %1 on %2: address translation (NAT), or the %1 was not recorded"_s.arg(missing, names(peers));
    }

    void unmatched(const TcpEnd &e, const QString &side, const QString &missing)
    {
        const QSet<qint64> peers = peersOf(e);
        if (m_in.facts.hostsByAddress.value(e.raddr).isEmpty()) {
            auto &counts = m_unmonitored[{e.hostId, side}];
            counts.first += 1;
            counts.second.insert(e.raddr);
            return;
        }
        if (peers.isEmpty())
            return; // an address of its own host: not a cross-host connection
        QList<qint64> peerList(peers.cbegin(), peers.cend());
        std::sort(peerList.begin(), peerList.end());
        m_result.unstitched.append({side, e.hostId, e.processId, e.eventId, e.ts, e.laddr, e.lport, e.raddr, e.rport,
                                    peerList, reason(e, peers, missing)});
    }

    void reportUnmatched()
    {
        for (qsizetype i = 0; i < m_in.connects.size(); ++i) {
            const TcpEnd &c = m_in.connects[i];
            if (m_matchedConnects.contains(i) || linkBySession(c, peersOf(c)))
                continue;
            unmatched(c, u"connect"_s, u"accept"_s);
        }
        for (qsizetype i = 0; i < m_in.accepts.size(); ++i) {
            if (!m_matchedAccepts.contains(i))
                unmatched(m_in.accepts[i], u"accept"_s, u"connect"_s);
        }
    }

    bool involves(qint64 host) const { return !m_options.hostId || *m_options.hostId == host; }

    // Orders the lists and keeps what involves the asked host.
    void finish()
    {
        auto &links = m_result.links;
        links.removeIf([&](const HostLink &l) { return !involves(l.clientHostId) && !involves(l.serverHostId); });
        std::sort(links.begin(), links.end(), linkBefore);
        m_result.offsets.removeIf([&](const ClockOffset &o) { return !involves(o.hostA) && !involves(o.hostB); });
        auto &unstitched = m_result.unstitched;
        unstitched.removeIf([&](const UnstitchedConnection &u) {
            return !involves(u.hostId)
                && std::none_of(u.peerHostIds.cbegin(), u.peerHostIds.cend(), [&](qint64 h) { return involves(h); });
        });
        std::sort(unstitched.begin(), unstitched.end(), unstitchedBefore);
        for (auto it = m_unmonitored.cbegin(); it != m_unmonitored.cend(); ++it) {
            if (involves(it.key().first))
                m_result.unmonitored.append(
                    {it.key().first, it.key().second, it.value().first, qint64(it.value().second.size())});
        }
        m_result.hostnames = m_in.hostnames;
        for (auto it = m_in.facts.hostsByAddress.cbegin(); it != m_in.facts.hostsByAddress.cend(); ++it)
            m_result.monitoredAddresses.insert(it.key());
        for (auto it = m_in.facts.openBeforeCapture.cbegin(); it != m_in.facts.openBeforeCapture.cend(); ++it)
            if (involves(it.key()))
                m_result.openBeforeCapture += it.value();
    }

    StitchInputs m_in;
    StitchOptions m_options;
    QHash<QString, QList<qsizetype>> m_acceptsByKey;
    QHash<std::pair<qint64, QString>, QList<qsizetype>> m_sessionsByKey;
    QList<ClockOffset> m_offsets;
    QSet<qsizetype> m_matchedConnects, m_matchedAccepts, m_claimedSessions;
    QMap<std::pair<qint64, QString>, std::pair<qint64, QSet<QString>>> m_unmonitored;
    StitchResult m_result;
};

} // namespace

bool linkBefore(const HostLink &a, const HostLink &b)
{
    const bool aSession = !a.acceptEventId, bSession = !b.acceptEventId;
    return std::tie(a.connectTs, aSession, a.connectEventId) < std::tie(b.connectTs, bSession, b.connectEventId);
}

bool unstitchedBefore(const UnstitchedConnection &a, const UnstitchedConnection &b)
{
    const bool aAccept = a.side == "accept"_L1, bAccept = b.side == "accept"_L1;
    return std::tie(a.ts, aAccept, a.eventId) < std::tie(b.ts, bAccept, b.eventId);
}

StitchResult stitchEnds(StitchInputs in, const StitchOptions &options, const StitchEstimate *known,
                        StitchEstimate *estimated)
{
    return Stitcher(std::move(in), options).run(known, estimated);
}

} // namespace Deck::Core
