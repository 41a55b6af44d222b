// SPDX-License-Identifier: GPL-3.0-or-later
// bench_overhead's workloads, timed: open+close of one file in a loop in this thread; `dd if=/dev/zero of=/dev/null
// bs=1` (a read+write syscall loop in another process); TCP connect+accept+close on 127.0.0.1 to a LoopbackListener
// (each connection closed with a reset, so no TIME_WAIT sockets pile up). Run on the benchmark's main thread; a
// workload that cannot run fails with a sentence naming the file, the program or the address.
#pragma once

#include "expected.h"

#include <QByteArray>

namespace Flight::BenchOverhead {

class LoopbackListener;

struct Sizes
{
    qint64 opens = 100000, ddBytes = 500000, connections = 8000;
    int reps = 3; // per workload and session; the fastest counts
};

enum Workload { OpenClose, Dd, Tcp, WorkloadCount };
inline const char *const kWorkloadNames[] = {"open+close", "dd bs=1", "tcp connect+accept+close"};

// Wall time, and the CPU time of the processes doing the work: where in-kernel hooks are paid, and less exposed than
// the wall time to what else the machine runs.
struct Timing
{
    double wall = 0, cpu = 0;
};

// Runs one workload; `file` is the file the open/close loop opens. CPU: this thread's for open/close, dd's own, this
// process's (the connecting thread and the listener's) for TCP.
Expected<Timing> runWorkload(Workload w, const Sizes &sizes, const QByteArray &file, const LoopbackListener &listener);

} // namespace Flight::BenchOverhead
