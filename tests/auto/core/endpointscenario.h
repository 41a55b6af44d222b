// SPDX-License-Identifier: GPL-3.0-or-later
// A random scenario of network endpoints on host "foxtrot" in two boots: processes that start and end (or not),
// endpoints of them and of no process, opened by every op and closed, reopened, several at one time, TCP and UDP on
// the same ends, listeners without a remote end. expected() is its replay the plain way, event by event in time
// order: a close ends every endpoint with its protocol and ends, a process's endpoints end with it, a boot ends
// everything; what connectionsAt must give at any time. Times are ms after ReplayScenario's base (ReplayScenario::at).
// Test code only.
#pragma once

#include "replayfixture.h"

#include <QMap>

namespace Deck::TestSupport {

class EndpointScenario
{
public:
    static constexpr qint64 kSecondBootMs = 2000;

    // Writes the scenario drawn from `seed` as archives in `dir`.
    EndpointScenario(const QString &dir, quint32 seed);

    // Trusts foxtrot's key and imports the archives into `db`; an empty string, or what failed.
    QString importInto(Core::Database &db) const { return trustAndImport(db, {&m_series}, archives); }

    // Every time an event happens, and the times between them; before the second boot and after the end.
    QList<qint64> times() const;
    // The endpoints open at `ms`, oldest first, each as "@ms op proto laddr:lport>remote pid N liveness".
    QStringList expected(qint64 ms) const;

    QStringList archives;

private:
    struct Net
    {
        qint64 ms = 0;
        qsizetype order = 0; // in the archives, across both
        Flight::Format::NetOp op = Flight::Format::NetOp::Connect;
        QString opName, ends;
        qint64 pid = 0; // 0: no process
    };

    quint32 next(quint32 bound);
    Flight::Format::Event event(qint64 ms, Flight::Format::EventBody body) const;
    Flight::Format::ProcKey key(qint64 pid, qint64 startMs) const;
    // The events of one boot from `fromMs` to `toMs`, in 10 ms steps.
    QList<Flight::Format::Event> boot(qint64 fromMs, qint64 toMs);

    ArchiveSeries m_series;
    quint32 m_state;
    QList<Net> m_nets;
    QMap<qint64, qint64> m_exits; // pid -> ms of its exit
    QList<qint64> m_lastMs; // each boot's last event
};

} // namespace Deck::TestSupport
