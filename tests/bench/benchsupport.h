// SPDX-License-Identifier: GPL-3.0-or-later
// What bench_exec and bench_overhead share besides CollectorRun and TextTable: the root check and interruption by
// signals, clocks, a median, readers of /proc, waiting for a recorder to go idle, process-group set-up for the
// recorders, the copy of flightrec the sessions run, and the removal of a session's files.
// Thread: the benchmark's main thread, except interrupted(), which any thread and the signal handler may call.
// Errors: readers of /proc return -1 (or empty) when the process is gone; nothing throws.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <ctime>
#include <sys/resource.h>
#include <sys/types.h>

class QProcess;

namespace Flight::BenchSupport {

// The start of a benchmark's main(): unless the effective user is root, prints "PROGRAM: must run as root (WHY)" on
// stderr and returns false. Otherwise installs the handler for SIGINT, SIGTERM, SIGHUP and SIGQUIT: it sets
// interrupted() and sends SIGTERM to the process given to terminateOnInterrupt(), if any.
bool startAsRoot(const char *program, const char *why);
// Set by the signal handler; every loop of a benchmark checks it.
bool interrupted();
// The process the handler stops too (0: none), such as a loop process that would otherwise run to its end.
void terminateOnInterrupt(pid_t pid);

// CLOCK_MONOTONIC in seconds.
double now();
double clockSeconds(clockid_t clock);
// User + system time of `usage`, in seconds.
double cpuOf(const rusage &usage);
// -1 for no values.
double median(QList<double> values);

// At most 64 KiB of a file of /proc (empty when it cannot be read).
QByteArray readProcFile(const QString &path);
// CPU time of a process (or kernel thread) in seconds, summed over its threads' schedstat (ns, unlike the clock
// ticks of /proc/PID/stat); -1 when it is gone.
double cpuSeconds(qint64 pid);
// Peak resident set size in KiB; -1 when the process is gone.
qint64 vmHwmKb(qint64 pid);
// The 1, 5 and 15 minute load averages, space-separated.
QByteArray loadAverage();
// Processes whose comm is one of `names`, as "name (pid)": a recorder of someone else's skews every figure.
QStringList processesNamed(const QList<QByteArray> &names);
// The first process whose comm is `comm`; 0 when there is none.
qint64 pidOf(const QByteArray &comm);
// Waits until `pid` used less than 2 ms of CPU in each of two 100 ms windows (at most 5 s): it caught up, and the
// next workload does not pay for the previous one. Returns at once for pid 0 or when interrupted.
void settle(qint64 pid);

// The benchmark's children (collectors, auditd) run in their own process group, so that a Ctrl-C on the terminal
// reaches the benchmark alone and it stops them in order; the kernel sends them SIGTERM if it dies without that.
void ownGroupAndDeathSignal(QProcess &process);

// The flightrec built next to the benchmarks, copied into a temporary directory with a key of its own: sessions run
// the copy, so a rebuild of the tree's flightrec during the run changes nothing and every session runs the same one.
struct FlightrecCopy
{
    QString built; // the tree's binary
    QString builtAt; // its modification time, ISO 8601
    QString flightrec; // the copy
    QString key; // made by the copy's keygen
    bool ready = false; // copied, and keygen succeeded
};
FlightrecCopy copyFlightrec(const QString &built, const QString &dir);

// Removes a session's directory and its config file when the session ends, however it ends.
struct RemoveOnExit
{
    QString dir;
    ~RemoveOnExit();
};

} // namespace Flight::BenchSupport
