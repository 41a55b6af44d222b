// SPDX-License-Identifier: GPL-3.0-or-later
// Turns the kernel side's loss counters into rec.loss events (DESIGN.md: nothing is lost silently):
// - ring-buffer reservations that failed, counted per CPU by process.bpf.c with the time of the first and last
//   failure (flight_loss_slot), reported as {source "proc.ebpf", reason "ring buffer full"} spanning first..last;
// - program runs the kernel skipped (bpf_prog_info.recursion_misses), reported with reason "bpf program skipped".
// Each poll() reports what happened since the previous one. The loss span is exact up to the microseconds between
// reading the slots and bumping the epoch (a failure in that window keeps its count, but its time may be folded
// into the next span). Not thread-safe: the consumer thread owns it. Errors: a failed map read is logged and
// retried at the next poll; counts are cumulative, so nothing is lost by a failed read.
#pragma once

#include "bootclock.h"
#include "event.h"

#include <QList>
#include <vector>

namespace Flight::Capture {

class LossReader
{
public:
    // `slotsFd`: the per-CPU "losses" map; `epoch`: the program's mmapped loss_epoch; `programFds`: the attached
    // programs, whose recursion misses are watched.
    // `source`: the rec.loss source ("proc.ebpf", "net.ebpf").
    LossReader(QString source, int slotsFd, quint64 *epoch, QList<int> programFds);

    // rec.loss events for what was lost since the previous poll (none, one or two).
    QList<Format::Event> poll(const BootClock &clock);

private:
    std::optional<Format::Event> pollSlots(const BootClock &clock);
    std::optional<Format::Event> pollMisses(const BootClock &clock);

    QString m_source;
    int m_slotsFd;
    quint64 *m_epoch;
    QList<int> m_programFds;
    int m_cpus;
    std::vector<quint64> m_seenSlots; // per CPU: the cumulative count already reported
    std::vector<quint64> m_seenMisses; // per program
    qint64 m_lastMissPoll;
};

} // namespace Flight::Capture
