// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpointscenario.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Flight::Format;

namespace Deck::TestSupport {

EndpointScenario::EndpointScenario(const QString &dir, quint32 seed)
    : m_series(dir, u"foxtrot"_s)
    , m_state(seed)
{
    m_series.host.bootTs = ReplayScenario::at(-3600000);
    archives << m_series.next(boot(0, 1200));
    m_series.host.bootId = u"5f1c1d1e-0000-4000-8000-00000000beef"_s;
    m_series.host.bootTs = ReplayScenario::at(kSecondBootMs);
    archives << m_series.next(boot(kSecondBootMs + 10, kSecondBootMs + 800));
}

QList<qint64> EndpointScenario::times() const
{
    QList<qint64> ms{kSecondBootMs - 1, kSecondBootMs + 900};
    for (const Net &net : m_nets)
        ms << net.ms << net.ms + 5;
    return ms;
}

QStringList EndpointScenario::expected(qint64 ms) const
{
    const bool second = ms >= kSecondBootMs;
    const qint64 lastMs = second ? m_lastMs[1] : m_lastMs[0];
    QMap<QString, QList<const Net *>> open;
    for (const Net &net : m_nets) {
        if (net.ms > ms || (net.ms >= kSecondBootMs) != second)
            continue;
        if (net.op == NetOp::Close) {
            open.remove(net.ends);
            continue;
        }
        if (m_exits.contains(net.pid) && m_exits.value(net.pid) <= ms)
            continue;
        open[net.ends].append(&net);
    }
    QList<const Net *> all;
    for (const auto &nets : std::as_const(open))
        all += nets;
    std::sort(all.begin(), all.end(), [](const Net *a, const Net *b) { return a->order < b->order; });
    QStringList words;
    for (const Net *net : std::as_const(all)) {
        const bool exited = m_exits.contains(net->pid);
        words << u"@%1 %2 %3 pid %4 %5"_s.arg(net->ms)
                     .arg(net->opName, net->ends)
                     .arg(net->pid)
                     .arg(lastMs > ms || exited ? u"running"_s : u"alive at last sight"_s);
    }
    return words;
}

quint32 EndpointScenario::next(quint32 bound)
{
    m_state ^= m_state << 13;
    m_state ^= m_state >> 17;
    m_state ^= m_state << 5;
    return m_state % bound;
}

Event EndpointScenario::event(qint64 ms, EventBody body) const
{
    const qint64 sinceBoot = ReplayScenario::at(ms) - m_series.host.bootTs;
    return Event{ReplayScenario::at(ms), sinceBoot, std::move(body)};
}

ProcKey EndpointScenario::key(qint64 pid, qint64 startMs) const
{
    return {pid, (ReplayScenario::at(startMs) - m_series.host.bootTs) / 10000000};
}

QList<Event> EndpointScenario::boot(qint64 fromMs, qint64 toMs)
{
    static const char *const opNames[] = {"connect", "accept", "listen", "bind", "send", "close", "exists"};
    const QList<Endpoint> locals{{u"10.0.0.2"_s, 40001}, {u"10.0.0.2"_s, 40002}, {u"0.0.0.0"_s, 8080}};
    const QList<std::optional<Endpoint>> remotes{Endpoint{u"10.0.0.3"_s, 22}, Endpoint{u"10.0.0.4"_s, 443},
                                                 std::nullopt};
    QList<Event> events{event(fromMs - 10, RecorderStart{u"0.1.0"_s, 77, {}})};
    QMap<qint64, ProcKey> alive;
    qint64 pid = fromMs + 100; // unique across boots; 1 is the parent
    for (qint64 ms = fromMs; ms <= toMs; ms += 10) {
        if (alive.size() < 6 && next(3) == 0) {
            ProcExec exec;
            exec.proc = key(++pid, ms);
            exec.parent = key(1, fromMs - 10);
            exec.comm = u"p%1"_s.arg(pid);
            exec.exe = "/usr/bin/p";
            exec.argv = {"p"};
            events << event(ms, exec);
            alive.insert(pid, exec.proc);
        }
        for (quint32 i = 0, n = next(4); i < n; ++i) {
            const bool owned = !alive.isEmpty() && next(5) != 0;
            const qint64 owner = owned ? alive.keys().at(qsizetype(next(quint32(alive.size())))) : 0;
            NetEndpoint net;
            if (owned)
                net.proc = alive.value(owner);
            net.op = next(10) < 3 ? NetOp::Close : NetOp(next(7));
            net.proto = next(4) == 0 ? Proto::Udp : Proto::Tcp;
            net.local = locals.at(next(3));
            net.remote = remotes.at(next(3));
            const QString remote = net.remote ? u"%1:%2"_s.arg(net.remote->addr).arg(net.remote->port) : u"-"_s;
            m_nets.append({ms, m_nets.size(), net.op, QString::fromLatin1(opNames[int(net.op)]),
                           u"%1 %2:%3>%4"_s.arg(net.proto == Proto::Udp ? u"udp"_s : u"tcp"_s, net.local.addr)
                               .arg(net.local.port)
                               .arg(remote),
                           owner});
            events << event(ms, net);
        }
        if (!alive.isEmpty() && next(12) == 0) {
            const qint64 ending = alive.keys().at(qsizetype(next(quint32(alive.size()))));
            events << event(ms, ProcExit{alive.take(ending), 0, std::nullopt, false});
            m_exits.insert(ending, ms);
        }
    }
    m_lastMs << (events.constLast().ts - ReplayScenario::at(0)) / 1000000;
    return events;
}

} // namespace Deck::TestSupport
