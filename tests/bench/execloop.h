// SPDX-License-Identifier: GPL-3.0-or-later
// bench_exec's workload: a loop process that fork+execs `/bin/true MARKER` at a fixed rate or flat out, and what a
// recorder recorded of it. The loop runs in a child process (so that waitpid(-1) there reaps only its own children),
// stopped by SIGTERM when the benchmark is interrupted or dies. Called from the benchmark's main thread.
#pragma once

#include "event.h"
#include "expected.h"

#include <QByteArray>

namespace Flight::BenchExec {

// What the loop did; it travels through a pipe from the loop process, so it stays trivially copyable.
struct LoopResult
{
    qint64 spawned = 0;
    qint64 failed = 0;
    double seconds = 0;
    double cpu = 0; // user + system of the loop process and its reaped children
    Format::ProcKey loop; // filled in by the parent
};

// What a recorder recorded of one loop.
struct RecordedExecs
{
    qint64 execs = 0; // exec events of the loop's children
    qint64 withArgv = 0; // of those, with the marker as argv[1]
};

// `count` execs of /bin/true MARKER at `rate` per second (0: flat out, 2 children in flight per CPU), in a child
// process; fails when the loop process cannot be started or does not report.
Expected<LoopResult> runExecLoop(const QByteArray &marker, qint64 count, double rate);

} // namespace Flight::BenchExec
