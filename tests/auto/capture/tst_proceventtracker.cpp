// SPDX-License-Identifier: GPL-3.0-or-later
// The process table behind the proc connector source, on a /proc tree in a temporary directory (the ReadOptions::root
// seam): the cases the live kernel produces only by chance — a child gone before its fork is handled, a pid reused,
// an exec whose process is gone, credentials read "from the future" — made certain (the resync: tst_processtable).
#include "fakeproc.h"
#include "proceventtracker.h"

#include <QTest>
#include <ctime>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;
using namespace Flight::Format;
using Type = ProcConnectorEvent::Type;

namespace {

quint64 monotonicNow()
{
    timespec ts = {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return quint64(ts.tv_sec) * 1000000000ULL + quint64(ts.tv_nsec);
}

ProcConnectorEvent kernelEvent(Type type, qint64 tgid, qint64 pid = 0)
{
    ProcConnectorEvent e;
    e.type = type;
    e.timestampNs = monotonicNow();
    e.tgid = tgid;
    e.pid = pid ? pid : tgid;
    return e;
}

ProcConnectorEvent forkOf(qint64 parent, qint64 child, qint64 childThread = 0)
{
    ProcConnectorEvent e = kernelEvent(Type::Fork, child, childThread);
    e.parentPid = e.parentTgid = parent;
    return e;
}

template <typename T> T only(const QList<Event> &events)
{
    if (events.size() != 1 || !std::holds_alternative<T>(events[0].body))
        qFatal("expected exactly one %s, got %lld events", T::kKind, qint64(events.size()));
    return std::get<T>(events[0].body);
}

} // namespace

class TestProcEventTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forkExecCredentialsExit()
    {
        FakeProc proc;
        QVERIFY(proc.add(1, 0, 5, 0));
        QVERIFY(proc.add(100, 1, 50, 1000));
        ProcEventTracker tracker(proc.options());
        tracker.learnLiveProcesses();
        QCOMPARE(tracker.size(), 2);
        QList<Event> out;

        QVERIFY(proc.add(200, 100, 60, 1000));
        tracker.handle(forkOf(100, 200), out);
        QCOMPARE(only<ProcFork>(out), (ProcFork{{200, 60}, {100, 50}, u"fake"_s}));
        const qint64 mono = out[0].mono;
        QVERIFY(mono > 0 && out[0].ts > mono);
        out.clear();
        tracker.handle(forkOf(100, 100, 201), out); // a new thread of 100
        QVERIFY(out.isEmpty());

        // setuid(0) in 200: prev from the table (inherited at fork); /proc may already show later values.
        ProcConnectorEvent uid = kernelEvent(Type::Uid, 200);
        uid.realId = uid.effectiveId = 0;
        tracker.handle(uid, out);
        QCOMPARE(only<ProcCred>(out), (ProcCred{{200, 60}, 0, 0, 1000, 1000, 1000, 1000, 1000, 1000}));
        out.clear();
        tracker.handle(uid, out); // another thread reporting the same change
        QVERIFY(out.isEmpty());

        // Exec: the image from /proc, the credentials from the table (/proc still says 1000 here).
        tracker.handle(kernelEvent(Type::Exec, 200), out);
        ProcExec exec = only<ProcExec>(out);
        QCOMPARE(exec.proc, (ProcKey{200, 60}));
        QCOMPARE(exec.parent, (ProcKey{100, 50}));
        QCOMPARE(exec.argv, QList<QByteArray>{"fake"});
        QCOMPARE(exec.uid, 0);
        QCOMPARE(exec.gid, 1000);
        out.clear();

        // Exec of a process that is gone: marked, keyed from the table.
        QVERIFY(proc.remove(200));
        tracker.handle(kernelEvent(Type::Exec, 200), out);
        exec = only<ProcExec>(out);
        QCOMPARE(exec.proc, (ProcKey{200, 60}));
        QCOMPARE(exec.parent, (ProcKey{100, 50}));
        QVERIFY(exec.argv.isEmpty() && exec.argvTruncated && exec.comm.isEmpty() && !exec.exe && !exec.cwd);
        QCOMPARE(exec.uid, 0);
        QCOMPARE(tracker.counters().incompleteExecs, 2); // the fake has no exe link: the first one too
        out.clear();

        ProcConnectorEvent exit = kernelEvent(Type::Exit, 200);
        exit.exitCode = 3 << 8;
        tracker.handle(exit, out);
        QCOMPARE(only<ProcExit>(out), (ProcExit{{200, 60}, 3, std::nullopt, false}));
        out.clear();
        exit = kernelEvent(Type::Exit, 100, 101); // a thread of 100
        tracker.handle(exit, out);
        QVERIFY(out.isEmpty());
        exit = kernelEvent(Type::Exit, 100);
        exit.exitCode = 11 | 0x80;
        tracker.handle(exit, out);
        QCOMPARE(only<ProcExit>(out), (ProcExit{{100, 50}, std::nullopt, 11, true}));
        QVERIFY(!tracker.keyOf(100) && !tracker.keyOf(200));
        out.clear();

        tracker.handle(kernelEvent(Type::Exit, 999), out); // never known, not in /proc: cannot be keyed
        QVERIFY(out.isEmpty());
        QCOMPARE(tracker.counters().unkeyed, 1);
    }

    void childGoneOrReusedBeforeItsForkIsHandled()
    {
        FakeProc proc;
        QVERIFY(proc.add(1, 0, 5, 0));
        ProcEventTracker tracker(proc.options());
        tracker.learnLiveProcesses();
        QList<Event> out;

        tracker.handle(forkOf(1, 300), out);
        const ProcFork gone = only<ProcFork>(out);
        QCOMPARE(gone.parent, (ProcKey{1, 5}));
        // The start comes from the event's time, in ticks since boot: later than any fixture, close to the mono.
        QVERIFY(gone.proc.start > 1000);
        const qint64 nsPerTick = 1000000000LL / sysconf(_SC_CLK_TCK);
        QVERIFY(gone.proc.start * nsPerTick <= out[0].mono && out[0].mono < (gone.proc.start + 1) * nsPerTick);
        QCOMPARE(tracker.counters().estimatedStarts, 1);
        out.clear();

        // A process in /proc that started after the event is not the child but a later user of its pid.
        QVERIFY(proc.add(301, 1, 1000000000000LL, 0));
        tracker.handle(forkOf(1, 301), out);
        QVERIFY(only<ProcFork>(out).proc.start < 1000000000000LL);
        QCOMPARE(tracker.counters().estimatedStarts, 2);
        out.clear();

        ProcConnectorEvent exit = kernelEvent(Type::Exit, 300);
        tracker.handle(exit, out);
        QCOMPARE(only<ProcExit>(out).proc, gone.proc); // the same key at exit: never re-read
    }
};

QTEST_GUILESS_MAIN(TestProcEventTracker)
#include "tst_proceventtracker.moc"
