// SPDX-License-Identifier: GPL-3.0-or-later
// What recording costs the recorded, as ratios against the same workloads with no collector in the same run
// (DESIGN.md, Budgets; issue 4):
//   workloads: open+close of one file on the root filesystem, in a loop in this process; `dd if=/dev/zero
//              of=/dev/null bs=1 count=N` (a read+write syscall loop in another process); TCP connect+accept+close
//              on 127.0.0.1 to a listener thread of this program (closed with a reset: no TIME_WAIT pile-up).
//   modes:     no collector; flightrec exec-only (file_capture = no, net_capture = no); flightrec with file capture
//              (file_capture = yes, net_capture = no) by fanotify (file_backend = fanotify), the same with
//              file_ignore_repeats = yes, and by eBPF (file_backend = ebpf; left out, with the reason, where the
//              eBPF file programs cannot load), for open/close and dd; flightrec with net capture (file_capture = no,
//              net_capture = yes) for TCP. proc_backend = auto in all. The file modes name file_backend, so
//              BENCH_FLIGHTREC must be a build that knows it.
// A run measures: none, mode, none, mode, ..., none (modes in an order that rotates from run to run), each
// workload 3 times a session, the fastest counting; a mode's ratio in a run is its time over the mean of the two
// unrecorded sessions either side of it, and the figure printed is the median over the runs, with their range. Times
// are wall time, and the CPU time of the workload's own processes (where in-kernel hooks are paid; less exposed than
// the wall time to what else the machine runs). Also: what the collector recorded of each loop (file events and
// their repeat counts, TCP connects and accepts to the listener), rec.loss, collector CPU and VmHWM.
// Usage (root): bench_overhead [OPENS] [DD_BYTES] [CONNECTIONS] [RUNS]; BENCH_FLIGHTREC=PATH runs another build of
// flightrec (a before/after comparison in the same conditions). Not a test: it asserts nothing about time;
// exit 0 when it measured (budgets met or not), 1 when it could not.
#include "benchsupport.h"
#include "collectorrun.h"
#include "loopbacklistener.h"
#include "overheadworkloads.h"
#include "texttable.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Flight::BenchOverhead;
using namespace Flight::BenchSupport;
using Flight::Error;
using Flight::Expected;

namespace {

// What a collector session recorded that this benchmark looks at.
struct Recorded
{
    qint64 openEvents = 0; // file.access open of the open/close loop's file
    qint64 openRepeats = 0; // the same, with their repeat counts
    qint64 connects = 0, accepts = 0; // net.endpoint to / on the listener's port
    QMap<QString, qint64> losses; // rec.loss by "source (reason)"
};

// The open events of `openedPath` and the connects and accepts to `port` in the collector's sealed archives.
Expected<Recorded> readRecorded(const CollectorRun &collector, const QByteArray &openedPath, qint64 port)
{
    using namespace Flight::Format;
    Recorded r;
    auto read = collector.readEvents(
        [&](const Event &e) {
            if (const auto *file = std::get_if<FileAccess>(&e.body)) {
                if (file->op == FileOp::Open && file->path == openedPath)
                    ++r.openEvents, r.openRepeats += file->repeat ? file->repeat->count : 1;
            } else if (const auto *net = std::get_if<NetEndpoint>(&e.body)) {
                const qint64 n = net->repeat ? net->repeat->count : 1;
                if (net->op == NetOp::Connect && net->remote && net->remote->port == port)
                    r.connects += n;
                else if (net->op == NetOp::Accept && net->local.port == port)
                    r.accepts += n;
            }
        },
        &r.losses);
    if (!read)
        return read.error();
    return r;
}

enum Mode { None, ExecOnly, FileCapture, FileIgnoreRepeats, FileEbpf, NetCapture, ModeCount };
const char *const kModeNames[]
    = {"no collector", "exec-only", "file capture", "file, ignore repeats", "file, ebpf", "net capture"};
constexpr Mode kRecorded[] = {ExecOnly, FileCapture, FileIgnoreRepeats, FileEbpf, NetCapture};

bool capturesFiles(Mode m)
{
    return m == FileCapture || m == FileIgnoreRepeats || m == FileEbpf;
}

// The workloads a mode is measured on: file capture on those that touch files, net capture on the TCP loop.
bool measures(Mode m, int w)
{
    return m == None || m == ExecOnly || (capturesFiles(m) ? w != Tcp : w == Tcp);
}

struct Session
{
    Timing times[WorkloadCount] = {}; // the fastest of the repetitions, wall and CPU apart
    double cpu = -1; // the collector's, over the workloads
    double collectorCpu[WorkloadCount] = {}; // the collector's per loop of a workload, until it was idle again
    qint64 hwmKb = -1;
    Recorded recorded;
};

struct Bench
{
    FlightrecCopy flightrec;
    QString tmp;
    Sizes sizes;
    int sessions = 0;
    QString backends[ModeCount];

    Expected<Session> run(Mode mode, const LoopbackListener &listener)
    {
        const QString dir = u"%1/s%2"_s.arg(tmp).arg(++sessions);
        const QString work = dir + u"-work"_s;
        const RemoveOnExit cleanup{dir}, cleanWork{work}; // declared before the collector: removed after it stopped
        QDir().mkpath(work);
        QFile opened(work + u"/opened"_s);
        if (!opened.open(QIODevice::WriteOnly) || opened.write("flight\n") != 7)
            return Error{u"%1: cannot write"_s.arg(opened.fileName())};
        opened.close();
        std::unique_ptr<CollectorRun> collector;
        if (mode != None) {
            QStringList config{u"proc_backend = auto"_s,
                               u"file_capture = %1"_s.arg(capturesFiles(mode) ? u"yes"_s : u"no"_s),
                               u"net_capture = %1"_s.arg(mode == NetCapture ? u"yes"_s : u"no"_s)};
            if (mode == FileIgnoreRepeats) // named only here: the other configs stay valid for older builds
                config.append(u"file_ignore_repeats = yes"_s);
            if (capturesFiles(mode))
                config.append(u"file_backend = %1"_s.arg(mode == FileEbpf ? u"ebpf"_s : u"fanotify"_s));
            collector = std::make_unique<CollectorRun>(flightrec, dir, config);
            if (auto started = collector->start(); !started)
                return started.error();
            backends[mode] = collector->backends();
            settle(collector->pid());
        }
        Session s;
        const qint64 pid = collector ? collector->pid() : 0;
        const double cpu0 = pid ? cpuSeconds(pid) : 0;
        for (int w = 0; w < WorkloadCount && !interrupted(); ++w) {
            if (!measures(mode, w))
                continue;
            const double collectorBefore = pid ? cpuSeconds(pid) : 0;
            for (int rep = 0; rep < sizes.reps && !interrupted(); ++rep) {
                auto t = runWorkload(Workload(w), sizes, QFile::encodeName(opened.fileName()), listener);
                if (!t)
                    return t.error();
                s.times[w].wall = rep ? std::min(s.times[w].wall, t->wall) : t->wall;
                s.times[w].cpu = rep ? std::min(s.times[w].cpu, t->cpu) : t->cpu;
                settle(pid);
            }
            if (pid)
                s.collectorCpu[w] = (cpuSeconds(pid) - collectorBefore) / sizes.reps;
        }
        if (interrupted())
            return Error{u"interrupted"_s};
        if (!collector)
            return s;
        s.cpu = cpuSeconds(pid) - cpu0;
        s.hwmKb = vmHwmKb(pid);
        if (auto stopped = collector->stop(); !stopped)
            return stopped.error();
        auto recorded = readRecorded(*collector, QFile::encodeName(opened.fileName()), listener.port());
        if (!recorded)
            return recorded.error();
        s.recorded = *recorded;
        return s;
    }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Sizes sizes;
    qint64 *const fields[] = {&sizes.opens, &sizes.ddBytes, &sizes.connections};
    for (int i = 1; i < argc && i <= 3; ++i)
        *fields[i - 1] = std::atoll(argv[i]);
    const int runs = argc > 4 ? std::atoi(argv[4]) : 5;
    if (argc > 5 || sizes.opens <= 0 || sizes.ddBytes <= 0 || sizes.connections <= 0 || runs <= 0) {
        std::fprintf(stderr,
                     "usage: bench_overhead [OPENS (100000)] [DD_BYTES (500000)] [CONNECTIONS (8000)] "
                     "[RUNS (5)]\n");
        return 1;
    }
    if (!startAsRoot("bench_overhead", "flightrec record needs it"))
        return 1;

    QTemporaryDir tmp;
    LoopbackListener listener;
    Bench bench;
    bench.flightrec = copyFlightrec(qEnvironmentVariable("BENCH_FLIGHTREC", QStringLiteral(FLIGHTREC_BINARY)), tmp.path());
    bench.tmp = tmp.path();
    bench.sizes = sizes;
    if (!tmp.isValid() || !bench.flightrec.ready || !listener.ok()) {
        std::fprintf(stderr,
                     "bench_overhead: cannot set up (temporary directory, listener, a copy of %s that runs keygen)\n",
                     qPrintable(bench.flightrec.built));
        return 1;
    }
    const QStringList others = processesNamed({"flightrec", "auditd"});
    std::printf("bench_overhead: %lld open+close of %s/.../opened; dd if=/dev/zero of=/dev/null bs=1 count=%lld; "
                "%lld TCP connect+accept+close on 127.0.0.1\n",
                qint64(sizes.opens), qPrintable(tmp.path()), qint64(sizes.ddBytes), qint64(sizes.connections));
    std::printf(
        "  modes: no collector; flightrec %s (%s; proc_backend = auto) exec-only (file_capture = no, net_capture "
        "= no), file capture (file_capture = yes, net_capture = no, file_backend = fanotify), file, ignore repeats "
        "(the same with file_ignore_repeats = yes), file, ebpf (file_backend = ebpf), net capture (file_capture = no, "
        "net_capture = yes); other keys at their defaults\n",
        qPrintable(bench.flightrec.built), qPrintable(bench.flightrec.builtAt));
    std::printf("  %d runs of: none, mode, none, mode, ..., none (modes rotating), each workload %d times a "
                "session (the fastest counts); ratio = mode / mean of the unrecorded sessions either side, median over "
                "the runs (range); wall time, and CPU time of the workload's own processes\n",
                runs, sizes.reps);
    std::printf("  machine: %ld CPUs, load average %s; other recorders running: %s\n", ::sysconf(_SC_NPROCESSORS_ONLN),
                loadAverage().constData(), others.isEmpty() ? "none" : qPrintable(others.join(u", "_s)));

    std::printf("warm-up:");
    if (auto warm = bench.run(None, listener); !warm) {
        std::fprintf(stderr, "\nbench_overhead: %s\n", qPrintable(warm.error().message));
        return 1;
    }
    std::printf(" done\n");
    // Per mode, workload and measure (0 wall, 1 CPU): one ratio per run.
    QList<double> ratios[ModeCount][WorkloadCount][2];
    QList<double> base[WorkloadCount][2];
    const auto measure = [](const Timing &t, int m) { return m == 0 ? t.wall : t.cpu; };
    QList<Session> sessions[ModeCount];
    QString unavailable[ModeCount]; // why a mode that may not start here (file, ebpf) did not
    for (int r = 0; r < runs && !interrupted(); ++r) {
        std::printf("run %d/%d:", r + 1, runs);
        std::fflush(stdout);
        auto before = bench.run(None, listener);
        for (size_t i = 0; i < std::size(kRecorded) && before && !interrupted(); ++i) {
            const Mode mode = kRecorded[(i + size_t(r)) % std::size(kRecorded)];
            if (!unavailable[mode].isEmpty())
                continue;
            std::printf(" %s", kModeNames[mode]);
            std::fflush(stdout);
            auto s = bench.run(mode, listener);
            if (!s && mode == FileEbpf) {
                unavailable[mode] = s.error().message;
                std::printf(" (not available)");
                continue;
            }
            if (!s) {
                std::fprintf(stderr, "\nbench_overhead: %s: %s\n", kModeNames[mode], qPrintable(s.error().message));
                return 1;
            }
            auto after = bench.run(None, listener);
            if (!after) {
                before = after;
                break;
            }
            for (int w = 0; w < WorkloadCount; ++w)
                for (int m = 0; m < 2; ++m) {
                    const double unrecorded = (measure(before->times[w], m) + measure(after->times[w], m)) / 2;
                    if (measures(mode, w))
                        ratios[mode][w][m].append(measure(s->times[w], m) / unrecorded);
                    // The noise: how much two unrecorded sessions in a row differ.
                    ratios[None][w][m].append(measure(after->times[w], m) / measure(before->times[w], m));
                    base[w][m].append(measure(after->times[w], m));
                }
            sessions[mode].append(*s);
            before = after;
        }
        if (!before && !interrupted()) {
            std::fprintf(stderr, "\nbench_overhead: %s\n", qPrintable(before.error().message));
            return 1;
        }
        std::printf("\n");
    }
    std::fflush(stdout);
    if (interrupted()) {
        std::fprintf(stderr, "bench_overhead: interrupted\n");
        return 1;
    }
    std::printf("load average at the end: %s\n", loadAverage().constData());
    for (Mode m : kRecorded)
        std::printf("%s: %s %s\n", kModeNames[m], unavailable[m].isEmpty() ? "capturing" : "not measured:",
                    qPrintable(unavailable[m].isEmpty() ? bench.backends[m] : unavailable[m]));

    const auto ratioText = [&](Mode mode, int w, int m) {
        QList<double> v = ratios[mode][w][m];
        if (v.isEmpty())
            return u"-"_s;
        std::sort(v.begin(), v.end());
        return u"%1x (%2-%3)"_s.arg(median(v), 0, 'f', 3).arg(v.first(), 0, 'f', 2).arg(v.last(), 0, 'f', 2);
    };
    const qint64 counts[] = {sizes.opens, sizes.ddBytes, sizes.connections};
    std::printf("\n");
    TextTable t;
    t.add({u"workload"_s, u""_s, u"no collector"_s, u"noise: none/none"_s, u"exec-only"_s, u"file capture"_s,
           u"file, ignore repeats"_s, u"file, ebpf"_s, u"net capture"_s});
    for (int w = 0; w < WorkloadCount; ++w)
        for (int m = 0; m < 2; ++m)
            t.add({m == 0 ? u"%1 x%2"_s.arg(QLatin1StringView(kWorkloadNames[w])).arg(counts[w]) : QString(),
                   m == 0 ? u"wall"_s : u"CPU"_s, u"%1 s"_s.arg(median(base[w][m]), 0, 'f', 3), ratioText(None, w, m),
                   ratioText(ExecOnly, w, m), ratioText(FileCapture, w, m), ratioText(FileIgnoreRepeats, w, m),
                   ratioText(FileEbpf, w, m), ratioText(NetCapture, w, m)});
    t.print();

    std::printf("\n");
    TextTable rec;
    rec.add({u"mode"_s, u"collector CPU"_s, u"per loop: open+close"_s, u"dd"_s, u"tcp"_s, u"VmHWM"_s,
             u"recorded (median of runs)"_s, u"rec.loss (all runs)"_s});
    for (Mode m : kRecorded) {
        if (sessions[m].isEmpty())
            continue;
        QList<double> cpu, events, repeats, connects, accepts, perLoop[WorkloadCount];
        qint64 hwm = 0;
        QMap<QString, qint64> losses;
        for (const Session &s : std::as_const(sessions[m])) {
            cpu.append(s.cpu);
            for (int w = 0; w < WorkloadCount; ++w)
                perLoop[w].append(s.collectorCpu[w]);
            events.append(double(s.recorded.openEvents));
            repeats.append(double(s.recorded.openRepeats));
            connects.append(double(s.recorded.connects));
            accepts.append(double(s.recorded.accepts));
            hwm = std::max(hwm, s.hwmKb);
            for (auto it = s.recorded.losses.cbegin(); it != s.recorded.losses.cend(); ++it)
                losses[it.key()] += it.value();
        }
        QStringList lossText;
        for (auto it = losses.cbegin(); it != losses.cend(); ++it)
            lossText.append(u"%1 %2"_s.arg(it.key()).arg(it.value()));
        QString recorded = u"-"_s;
        if (capturesFiles(m))
            recorded = u"%1 open events of the file, repeat counts summing to %2 of %3 opens"_s.arg(median(events))
                           .arg(median(repeats))
                           .arg(sizes.opens * sizes.reps);
        else if (m == NetCapture)
            recorded = u"%1 connects, %2 accepts of %3 connections"_s.arg(median(connects))
                           .arg(median(accepts))
                           .arg(sizes.connections * sizes.reps);
        const auto loopCpu = [&](int w) {
            return measures(m, w) ? u"%1 s"_s.arg(median(perLoop[w]), 0, 'f', 3) : u"-"_s;
        };
        rec.add({QString::fromLatin1(kModeNames[m]), u"%1 s (median session)"_s.arg(median(cpu), 0, 'f', 2),
                 loopCpu(OpenClose), loopCpu(Dd), loopCpu(Tcp),
                 u"%1 MB"_s.arg(double(hwm) / 1024, 0, 'f', 1), recorded,
                 lossText.isEmpty() ? u"none"_s : lossText.join(u", "_s)});
    }
    rec.print();

    // Budgets (DESIGN.md, issue 4): printed, never asserted.
    std::printf("\n");
    const auto verdict = [&](Mode mode, int w, int m, double limit) {
        const double r = median(ratios[mode][w][m]);
        return u"%1 %2x %3"_s.arg(m == 0 ? u"wall"_s : u"CPU"_s)
            .arg(r, 0, 'f', 3)
            .arg(r <= limit ? u"met"_s : u"NOT MET"_s);
    };
    const auto budget = [&](const char *what, Mode mode, int w, double limit) {
        if (ratios[mode][w][0].isEmpty()) {
            std::printf("budget %s %s <= %.2fx: not measured\n", kWorkloadNames[w], what, limit);
            return;
        }
        std::printf("budget %s %s <= %.2fx: %s, %s\n", kWorkloadNames[w], what, limit,
                    qPrintable(verdict(mode, w, 0, limit)), qPrintable(verdict(mode, w, 1, limit)));
    };
    budget("with file capture", FileCapture, OpenClose, 1.2);
    budget("with file capture, ignore repeats", FileIgnoreRepeats, OpenClose, 1.2);
    budget("with file capture, ebpf", FileEbpf, OpenClose, 1.2);
    for (int w = 0; w < WorkloadCount; ++w)
        budget("exec-only", ExecOnly, w, 1.02);
    for (Mode m : kRecorded) {
        if (sessions[m].isEmpty())
            continue;
        qint64 hwm = 0;
        for (const Session &s : std::as_const(sessions[m]))
            hwm = std::max(hwm, s.hwmKb);
        std::printf("budget collector RSS <= 50 MB, %s: %s (VmHWM %.1f MB, largest run)\n", kModeNames[m],
                    hwm > 0 && hwm <= 50 * 1024 ? "met" : "NOT MET", double(hwm) / 1024);
    }
    std::printf("net capture on the TCP loop: wall %.3fx, CPU %.3fx (no budget set)\n",
                median(ratios[NetCapture][Tcp][0]), median(ratios[NetCapture][Tcp][1]));
    return 0;
}
