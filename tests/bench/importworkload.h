// SPDX-License-Identifier: GPL-3.0-or-later
// The events of one busy monitored host for bench_import, archive after archive: a start snapshot (recorder start,
// live processes, packages), then processes that fork, exec (argv, cwd, env of some, tty and login session of
// some, exe digests), open/write/create/delete/rename files (a pool of shared libraries, configuration and home
// files, temporary files with mktemp's random names; repeats aggregated), connect/accept/listen/close (IPv4 and
// IPv6), change credentials now and then, and exit; among them heartbeats, kernel log lines, integrity changes (some
// of high severity, which raise alerts) and the odd loss. Each host has pids of its own. Deterministic for a given
// host number. Benchmark code only.
#pragma once

#include "event.h"

namespace Deck::Bench {

class ImportWorkload
{
public:
    explicit ImportWorkload(int host);

    // The next `count` events of the host, in time order.
    QList<Flight::Format::Event> next(int count);

private:
    quint32 random(quint32 bound);
    Flight::Format::Event at(Flight::Format::EventBody body);
    Flight::Format::ProcExec image(qint64 pid, qint64 parent);
    QByteArray temporaryName();
    void startSnapshot(QList<Flight::Format::Event> &events);
    void process(QList<Flight::Format::Event> &events, int room);
    void hostEvent(QList<Flight::Format::Event> &events);

    int m_host;
    quint32 m_state;
    qint64 m_tick = 0;
    qint64 m_pid; // the last pid handed out
    qint64 m_kmsgSeq = 1000;
    qint64 m_events = 0;
    bool m_started = false;
    QList<qint64> m_daemons; // long-lived parents of the host
};

} // namespace Deck::Bench
