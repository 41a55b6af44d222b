// SPDX-License-Identifier: GPL-3.0-or-later
// Process capture on exec loops, against auditd measured in the same run (DESIGN.md, Budgets; issue 3):
//   workload:   a loop process fork+execs `/bin/true MARKER` at two fixed rates for SECONDS each, then BURST times flat
//               out (2 children in flight per CPU: the machine's ceiling). What the loop spawned is the ground truth.
//   recorders:  none; flightrec with proc_backend = ebpf and = netlink (file_capture = no, net_capture = no); auditd
//               with `-a always,exit -F arch=b64 -S execve`, log_format = RAW, its own config and log.
//   figures:    execs recorded (an exec event whose parent is the phase's loop process, or whose argv[1] is its
//               marker) vs spawned, and how many of them with argv; rec.loss (the kernel's audit "lost" for auditd);
//               recorder CPU per 1000 execs (all its threads, from the loop's start until it is idle again; auditd's
//               kauditd thread shown apart); the loop's own CPU per exec (user + system of the loop and its children:
//               where in-kernel hooks are paid) and its wall time, as ratios to no recorder in the same run; VmHWM.
// auditd: its rule is deleted, auditd stopped and the kernel's audit "enabled" and backlog limit restored on every
// path: return, error, SIGINT/SIGTERM/SIGHUP/SIGQUIT (the benchmark's children run in their own process group, so a
// Ctrl-C reaches the benchmark only, which stops them in order); if the benchmark is killed outright, auditd and the
// collectors get SIGTERM from the kernel (PR_SET_PDEATHSIG) and README.md says how to delete a leftover rule.
// Usage (root): bench_exec [SECONDS] [BURST] [RUNS]. Not a test: it asserts nothing about time; exit 0 when it
// measured (budgets met or not), 1 when it could not.
#include "auditdrun.h"
#include "benchsupport.h"
#include "collectorrun.h"
#include "execloop.h"
#include "texttable.h"

#include <QCoreApplication>
#include <QMap>
#include <QTemporaryDir>
#include <QUuid>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Flight::BenchExec;
using namespace Flight::BenchSupport;
using Flight::Error;
using Flight::Expected;
using Flight::Format::ProcKey;

namespace {

struct Phase
{
    QByteArray name;
    double rate = 0; // 0: flat out
    qint64 count = 0;
};

// Exec events per phase (loop process and marker) in the collector's sealed archives; rec.loss counts go to `losses`.
Expected<QList<RecordedExecs>> countExecs(const CollectorRun &collector, const QList<ProcKey> &loops,
                                          const QList<QByteArray> &markers, QMap<QString, qint64> *losses)
{
    QList<RecordedExecs> out(loops.size());
    auto read = collector.readEvents(
        [&](const Flight::Format::Event &e) {
            if (const auto *exec = std::get_if<Flight::Format::ProcExec>(&e.body)) {
                const qsizetype byMarker = markers.indexOf(exec->argv.value(1));
                const qsizetype phase = byMarker >= 0 ? byMarker : loops.indexOf(exec->parent);
                if (phase >= 0) {
                    ++out[phase].execs;
                    out[phase].withArgv += byMarker >= 0;
                }
            }
        },
        losses);
    if (!read)
        return read.error();
    return out;
}

struct PhaseSample
{
    LoopResult loop;
    RecordedExecs recorded;
    double cpu = -1, kauditdCpu = -1; // the recorder's, and kauditd's, in seconds
};

struct SessionSample
{
    int run = 0;
    QList<PhaseSample> phases;
    qint64 hwmKb = -1;
    qint64 lost = 0; // rec.loss (any source) or the kernel's audit "lost"
    QMap<QString, qint64> losses; // rec.loss by source (reason)
};

enum class Kind { None, Ebpf, Netlink, Auditd };
constexpr Kind kKinds[] = {Kind::None, Kind::Ebpf, Kind::Netlink, Kind::Auditd};

const char *kindName(Kind k)
{
    return k == Kind::None   ? "no recorder"
        : k == Kind::Ebpf    ? "flightrec ebpf"
        : k == Kind::Netlink ? "flightrec netlink"
                             : "auditd";
}

struct Bench
{
    FlightrecCopy flightrec;
    QString tmp;
    QList<Phase> phases;
    qint64 kauditd = 0;
    int session = 0;
    QMap<Kind, QString> backends;

    // Runs every phase while `pid` (0: nothing) records; CPU from each loop's start until `pid` is idle again.
    Expected<QList<PhaseSample>> runPhases(qint64 pid, const QByteArray &tag, QList<QByteArray> *markers)
    {
        QList<PhaseSample> out;
        for (qsizetype i = 0; i < phases.size(); ++i) {
            const QByteArray marker = tag + 'p' + QByteArray::number(i);
            markers->append(marker);
            const double cpu0 = pid ? cpuSeconds(pid) : 0, k0 = kauditd ? cpuSeconds(kauditd) : 0;
            auto loop = runExecLoop(marker, phases[i].count, phases[i].rate);
            if (!loop)
                return loop.error();
            if (interrupted())
                return Error{u"interrupted"_s};
            settle(pid);
            PhaseSample s;
            s.loop = *loop;
            s.cpu = pid ? cpuSeconds(pid) - cpu0 : -1;
            s.kauditdCpu = kauditd ? cpuSeconds(kauditd) - k0 : -1;
            out.append(s);
        }
        return out;
    }

    Expected<SessionSample> run(Kind kind)
    {
        const QString dir = u"%1/s%2"_s.arg(tmp).arg(++session);
        const RemoveOnExit cleanup{dir}; // declared before the recorders: removed after they stopped
        const QByteArray tag = "fbench" + QUuid::createUuid().toString(QUuid::Id128).left(10).toLatin1();
        QList<QByteArray> markers;
        SessionSample sample;
        if (kind == Kind::None) {
            auto phasesRun = runPhases(0, tag, &markers);
            if (!phasesRun)
                return phasesRun.error();
            sample.phases = *phasesRun;
            return sample;
        }
        if (kind == Kind::Auditd) {
            AuditdRun auditd(dir);
            if (auto started = auditd.start(); !started)
                return started.error();
            settle(auditd.pid());
            auto phasesRun = runPhases(auditd.pid(), tag, &markers);
            sample.hwmKb = vmHwmKb(auditd.pid());
            auditd.stop();
            if (!phasesRun)
                return phasesRun.error();
            sample.phases = *phasesRun;
            sample.lost = auditd.lost();
            const QList<RecordedExecs> counts = auditd.count(markers);
            for (qsizetype i = 0; i < markers.size(); ++i)
                sample.phases[i].recorded = counts[i];
            return sample;
        }
        const QStringList config{u"proc_backend = %1"_s.arg(kind == Kind::Ebpf ? u"ebpf"_s : u"netlink"_s),
                                 u"file_capture = no"_s, u"net_capture = no"_s};
        CollectorRun collector(flightrec, dir, config);
        if (auto started = collector.start(); !started)
            return started.error();
        backends[kind] = collector.backends();
        settle(collector.pid());
        auto phasesRun = runPhases(collector.pid(), tag, &markers);
        sample.hwmKb = vmHwmKb(collector.pid());
        if (auto stopped = collector.stop(); !stopped)
            return stopped.error();
        if (!phasesRun)
            return phasesRun.error();
        sample.phases = *phasesRun;
        QList<ProcKey> loops;
        for (const PhaseSample &p : std::as_const(sample.phases))
            loops.append(p.loop.loop);
        auto counts = countExecs(collector, loops, markers, &sample.losses);
        if (!counts)
            return counts.error();
        for (qsizetype i = 0; i < markers.size(); ++i)
            sample.phases[i].recorded = counts->at(i);
        for (qint64 n : std::as_const(sample.losses))
            sample.lost += n;
        return sample;
    }
};

QString fixed(double v, int decimals)
{
    return v < 0 ? u"-"_s : QString::number(v, 'f', decimals);
}

QString times(double v)
{
    return v < 0 ? u"-"_s : QString::number(v, 'f', 2) + u'x';
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const double seconds = argc > 1 ? std::atof(argv[1]) : 3;
    const qint64 burst = argc > 2 ? std::atoll(argv[2]) : 3000;
    const int runs = argc > 3 ? std::atoi(argv[3]) : 3;
    if (argc > 4 || seconds <= 0 || burst <= 0 || runs <= 0) {
        std::fprintf(stderr, "usage: bench_exec [SECONDS (3)] [BURST (3000)] [RUNS (3)]\n");
        return 1;
    }
    if (!startAsRoot("bench_exec", "flightrec record and auditd need it"))
        return 1;

    QTemporaryDir tmp;
    Bench bench;
    bench.flightrec = copyFlightrec(QStringLiteral(FLIGHTREC_BINARY), tmp.path());
    bench.tmp = tmp.path();
    bench.kauditd = pidOf("kauditd");
    bench.phases
        = {{"100/s", 100, qint64(100 * seconds)}, {"400/s", 400, qint64(400 * seconds)}, {"flat out", 0, burst}};
    if (!tmp.isValid() || !bench.flightrec.ready) {
        std::fprintf(stderr, "bench_exec: cannot set up (temporary directory, a copy of %s that runs keygen)\n",
                     qPrintable(bench.flightrec.built));
        return 1;
    }
    const QString noAuditd = AuditdRun::missing();
    QString auditState = u"auditctl not installed"_s;
    if (noAuditd.isEmpty()) {
        const QStringList rules = AuditdRun::rules();
        const auto status = AuditdRun::status();
        auditState = u"enabled %1, backlog_limit %2, %3 rules loaded"_s.arg(status.value("enabled", -1))
                         .arg(status.value("backlog_limit", -1))
                         .arg(rules.size());
        if (!rules.filter(u"key=flightbench"_s).isEmpty())
            auditState += u" (one is this benchmark's, left by a run that was killed: see README.md)"_s;
    }
    const QStringList others = processesNamed({"flightrec", "auditd"});
    std::printf("bench_exec: a loop fork+execs `/bin/true MARKER`: 100/s and 400/s for %g s each, then %lld flat out "
                "(%ld children in flight)\n",
                seconds, qint64(burst), 2 * ::sysconf(_SC_NPROCESSORS_ONLN));
    std::printf(
        "  recorders: none; flightrec proc_backend = ebpf, = netlink (file_capture = no, net_capture = no, other keys "
        "at their defaults), %s (%s); "
        "auditd -a always,exit -F arch=b64 -S execve, log_format = RAW, own config%s\n",
        qPrintable(bench.flightrec.built), qPrintable(bench.flightrec.builtAt),
        noAuditd.isEmpty() ? "" : " (not installed: skipped)");
    std::printf("  %d runs, recorders in rotating order; figures are medians over the runs, ratios medians of per-run "
                "ratios, recorded/spawned from the worst run\n",
                runs);
    std::printf("  machine: %ld CPUs, load average %s; kernel audit: %s; other recorders running: %s\n",
                ::sysconf(_SC_NPROCESSORS_ONLN), loadAverage().constData(), qPrintable(auditState),
                others.isEmpty() ? "none" : qPrintable(others.join(u", "_s)));

    QMap<Kind, QList<SessionSample>> samples;
    QMap<Kind, QString> unavailable;
    if (!noAuditd.isEmpty())
        unavailable[Kind::Auditd] = u"%1 is not installed (installer/install-bench-deps.sh)"_s.arg(noAuditd);
    for (int r = 0; r < runs && !interrupted(); ++r) {
        std::printf("run %d/%d:", r + 1, runs);
        for (size_t i = 0; i < std::size(kKinds) && !interrupted(); ++i) {
            const Kind kind = kKinds[(i + size_t(r)) % std::size(kKinds)];
            if (unavailable.contains(kind))
                continue;
            std::printf(" [%s]", kindName(kind));
            std::fflush(stdout);
            auto s = bench.run(kind);
            if (s) {
                s->run = r;
                samples[kind].append(*s);
            } else if (!interrupted()) {
                unavailable[kind] = s.error().message;
                std::printf(" (failed)");
            }
        }
        std::printf("\n");
    }
    std::fflush(stdout);
    if (interrupted() || !samples.contains(Kind::None)) {
        std::fprintf(stderr, "bench_exec: %s\n", interrupted() ? "interrupted" : "the exec loop could not run");
        return 1;
    }
    std::printf("load average at the end: %s\n", loadAverage().constData());
    for (auto it = bench.backends.cbegin(); it != bench.backends.cend(); ++it)
        std::printf("%s: capturing %s\n", kindName(it.key()), qPrintable(it.value()));
    for (auto it = unavailable.cbegin(); it != unavailable.cend(); ++it)
        std::printf("%s: not measured: %s\n", kindName(it.key()), qPrintable(it.value()));

    // Median over the runs of a figure of one phase.
    const auto med = [&](Kind k, qsizetype ph, auto figure) {
        QList<double> v;
        for (const SessionSample &s : samples.value(k))
            v.append(figure(s.phases[ph]));
        return median(v);
    };
    // Median over the runs that measured both kinds of (figure of k / figure of base).
    const auto ratio = [&](Kind k, Kind base, qsizetype ph, auto figure) {
        QList<double> v;
        for (const SessionSample &s : samples.value(k))
            for (const SessionSample &b : samples.value(base))
                if (b.run == s.run)
                    v.append(figure(s.phases[ph]) / figure(b.phases[ph]));
        return median(v);
    };
    const auto recCpuMs = [](const PhaseSample &p) { return p.cpu / double(p.loop.spawned) * 1e6; };
    const auto loopCpuUs = [](const PhaseSample &p) { return p.loop.cpu / double(p.loop.spawned) * 1e6; };
    const auto wall = [](const PhaseSample &p) { return p.loop.seconds; };

    for (qsizetype ph = 0; ph < bench.phases.size(); ++ph) {
        const Phase &phase = bench.phases[ph];
        const double rate
            = med(Kind::None, ph, [](const PhaseSample &p) { return double(p.loop.spawned) / p.loop.seconds; });
        std::printf("\nphase %s: %lld execs; without a recorder the loop ran %.0f execs/s%s\n", phase.name.constData(),
                    qint64(phase.count), rate,
                    phase.rate > 0 && rate < 0.95 * phase.rate ? " (rate not held: the machine's ceiling)" : "");
        TextTable t;
        t.add({u"recorder"_s, u"recorded/spawned"_s, u"with argv"_s, u"recorder CPU"_s, u"vs auditd"_s, u"loop CPU"_s,
               u"vs none"_s, u"loop wall"_s, u"vs none"_s});
        t.add({u""_s, u"(worst run)"_s, u""_s, u"ms/1000 execs"_s, u""_s, u"us/exec"_s, u""_s, u"s"_s, u""_s});
        for (Kind k : kKinds) {
            if (!samples.contains(k))
                continue;
            const PhaseSample *worst = nullptr;
            qint64 failed = 0;
            for (const SessionSample &s : samples[k]) {
                const PhaseSample &p = s.phases[ph];
                if (!worst || p.loop.spawned - p.recorded.execs > worst->loop.spawned - worst->recorded.execs)
                    worst = &p;
                failed = std::max(failed, p.loop.failed);
            }
            QString recorded = u"-"_s, withArgv = u"-"_s, cpu = u"-"_s, vsAuditd = u"-"_s;
            if (k != Kind::None) {
                recorded = u"%1/%2"_s.arg(worst->recorded.execs).arg(worst->loop.spawned);
                withArgv = QString::number(worst->recorded.withArgv);
                cpu = fixed(med(k, ph, recCpuMs), 1);
                if (k == Kind::Auditd)
                    cpu += u" (+%1 kauditd)"_s.arg(fixed(
                        med(k, ph, [](const PhaseSample &p) { return p.kauditdCpu / double(p.loop.spawned) * 1e6; }),
                        1));
                vsAuditd = times(ratio(k, Kind::Auditd, ph, recCpuMs));
            }
            if (failed)
                recorded += u" (%1 failed)"_s.arg(failed);
            t.add({QString::fromLatin1(kindName(k)), recorded, withArgv, cpu, vsAuditd, fixed(med(k, ph, loopCpuUs), 0),
                   times(ratio(k, Kind::None, ph, loopCpuUs)), fixed(med(k, ph, wall), 2),
                   times(ratio(k, Kind::None, ph, wall))});
        }
        t.print();
    }

    std::printf("\n");
    TextTable mem;
    mem.add({u"recorder"_s, u"VmHWM (largest run)"_s, u"losses (worst run)"_s});
    for (Kind k : {Kind::Ebpf, Kind::Netlink, Kind::Auditd}) {
        if (!samples.contains(k))
            continue;
        qint64 lost = 0, hwm = 0;
        QMap<QString, qint64> losses;
        for (const SessionSample &s : samples[k]) {
            hwm = std::max(hwm, s.hwmKb);
            if (s.lost >= lost)
                lost = s.lost, losses = s.losses;
        }
        QStringList lossText;
        for (auto it = losses.cbegin(); it != losses.cend(); ++it)
            lossText.append(u"%1 %2"_s.arg(it.key()).arg(it.value()));
        mem.add({QString::fromLatin1(kindName(k)), u"%1 MB"_s.arg(fixed(double(hwm) / 1024, 1)),
                 k == Kind::Auditd        ? u"kernel audit lost %1"_s.arg(lost)
                     : lossText.isEmpty() ? u"rec.loss 0"_s
                                          : u"rec.loss %1: %2"_s.arg(lost).arg(lossText.join(u", "_s))});
    }
    mem.print();

    // Budgets (DESIGN.md): printed, never asserted.
    std::printf("\n");
    const qsizetype ceiling = bench.phases.size() - 1;
    for (Kind k : {Kind::Ebpf, Kind::Netlink}) {
        if (!samples.contains(k))
            continue;
        const char *n = kindName(k);
        qint64 missing = 0, lost = 0, hwm = 0;
        for (const SessionSample &s : samples[k]) {
            const PhaseSample &p = s.phases[ceiling];
            missing = std::max(missing, p.loop.spawned - p.recorded.execs);
            lost = std::max(lost, s.lost);
            hwm = std::max(hwm, s.hwmKb);
        }
        std::printf("budget %s: 0 loss at the ceiling: %s (%lld of %lld execs not recorded, rec.loss %lld; worst "
                    "run)\n",
                    n, missing == 0 && lost == 0 ? "met" : "NOT MET", qint64(missing), qint64(burst), qint64(lost));
        double cpu = 0, audit = 0, kaudit = 0, execs = 0;
        for (qsizetype ph = 0; ph < bench.phases.size(); ++ph) {
            cpu += med(k, ph, [](const PhaseSample &p) { return p.cpu; });
            audit += med(Kind::Auditd, ph, [](const PhaseSample &p) { return p.cpu; });
            kaudit += med(Kind::Auditd, ph, [](const PhaseSample &p) { return p.kauditdCpu; });
            execs += double(bench.phases[ph].count);
        }
        if (samples.contains(Kind::Auditd))
            std::printf("budget %s: CPU per exec <= auditd: %s (all phases: %.1f us per exec = %.2fx auditd's %.1f "
                        "us; %.2fx auditd + kauditd)\n",
                        n, cpu <= audit ? "met" : "NOT MET", cpu / execs * 1e6, cpu / audit, audit / execs * 1e6,
                        cpu / (audit + kaudit));
        else
            std::printf("budget %s: CPU per exec <= auditd: cannot tell (auditd not measured)\n", n);
        std::printf("budget %s: RSS <= 50 MB: %s (VmHWM %.1f MB, largest run)\n", n,
                    hwm > 0 && hwm <= 50 * 1024 ? "met" : "NOT MET", double(hwm) / 1024);
    }
    return 0;
}
