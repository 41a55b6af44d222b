// SPDX-License-Identifier: GPL-3.0-or-later
// The eBPF process source on the live kernel: real processes (shell chains, short-lived programs, exit codes and
// signals, a relative exec, long argv, deep and mounted working directories, a terminal) must come out as exact
// proc.* events with keys that match /proc and parent keys that match the process that spawned them. Needs root
// (CAP_BPF, CAP_PERFMON); skips only when bpf() is denied, which fails under CI=true.
#include "collectingsink.h"
#include "digest.h"
#include "ebpfprocesssource.h"
#include "exedigests.h"
#include "hostinfo.h"
#include "livetest.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <fcntl.h>
#include <stdlib.h>
#include <thread>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;
using namespace Flight::Format;
using namespace SpawnHelpers;

namespace {

std::optional<ProcExec> execWithArgv(const CollectingSink &sink, const QList<QByteArray> &argv)
{
    return sink.only<ProcExec>([&](const ProcExec &e) { return e.argv == argv; });
}

std::optional<ProcFork> forkOf(const CollectingSink &sink, const ProcKey &key)
{
    return sink.only<ProcFork>([&](const ProcFork &f) { return f.proc == key; });
}

std::optional<ProcExit> exitOf(const CollectingSink &sink, const ProcKey &key)
{
    return sink.only<ProcExit>([&](const ProcExit &e) { return e.proc == key; });
}

} // namespace

class TestEbpfProcessSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            FLIGHT_SKIP("not root: loading BPF programs needs CAP_BPF and CAP_PERFMON");
        m_self = selfKey();
        QVERIFY(m_self.start > 0);
    }

    void backendAndBadRingSize()
    {
        EbpfProcessOptions options;
        options.ringBufferBytes = 5000;
        EbpfProcessSource source(options);
        QCOMPARE(source.backend(), (Backend{u"proc"_s, u"ebpf"_s, false, {}}));
        CollectingSink sink;
        const auto started = source.start(sink);
        QVERIFY(!started);
        QVERIFY2(started.error().message.contains(u"power of two"_s), qPrintable(started.error().message));
    }

    // A lone exec leaves the ring far below the wakeup threshold: the consumer must still deliver it while
    // running, within a fraction of a second, not only when it is stopped.
    void eventsArriveWhileRunning()
    {
        CollectingSink sink;
        EbpfProcessSource source;
        START_OR_SKIP(source, sink);
        const QByteArray mark = marker();
        const pid_t pid = spawn({"/bin/true", mark});
        QVERIFY(pid > 0);
        QCOMPARE(waitFor(pid), 0);
        QTRY_VERIFY_WITH_TIMEOUT(execWithArgv(sink, {"/bin/true", mark}).has_value(), 1000);
        source.stop();
    }

    void shellChain()
    {
        CollectingSink sink;
        EbpfProcessSource source;
        START_OR_SKIP(source, sink);
        const QByteArray mark = marker(), script = "sh -c '/bin/true " + mark + "-inner'; exit 0";
        const qint64 before = boottimeNs();
        const pid_t pid = spawn({"/bin/sh", "-c", script, mark});
        QVERIFY(pid > 0);
        QCOMPARE(waitFor(pid), 0);
        const qint64 after = boottimeNs();
        source.stop();

        const auto outer = execWithArgv(sink, {"/bin/sh", "-c", script, mark});
        QVERIFY(outer);
        QCOMPARE(outer->proc.pid, qint64(pid));
        QCOMPARE(outer->parent, m_self);
        QCOMPARE(outer->exe, std::optional<QByteArray>(canonical("/bin/sh")));
        QCOMPARE(outer->cwd, std::optional<QByteArray>(QFile::encodeName(QDir::currentPath())));
        QCOMPARE(outer->comm, u"sh"_s);
        QCOMPARE(outer->uid, qint64(::getuid()));
        QCOMPARE(outer->euid, qint64(::geteuid()));
        QCOMPARE(outer->gid, qint64(::getgid()));
        QCOMPARE(outer->egid, qint64(::getegid()));
        QVERIFY(!outer->argvTruncated);
        // Inherited from this process: login uid, session, terminal, cgroup.
        const auto self = readProcess(::getpid(), {}, [](qint64) { return std::optional<qint64>(0); });
        QVERIFY(self);
        QCOMPARE(outer->loginuid, self->loginuid);
        QCOMPARE(outer->sessionid, self->sessionid);
        QCOMPARE(outer->tty, self->tty);
        QCOMPARE(outer->cgroup, self->cgroup);

        const auto outerFork = forkOf(sink, outer->proc);
        QVERIFY(outerFork);
        QCOMPARE(outerFork->parent, m_self);
        const auto outerExit = exitOf(sink, outer->proc);
        QVERIFY(outerExit);
        QCOMPARE(outerExit->code, std::optional<qint64>(0));

        // The inner /bin/true descends from the outer shell through fork events (the shell may or may not fork
        // once more before it execs), and every parent key on the way is one the capture saw being created.
        const auto inner = execWithArgv(sink, {"/bin/true", mark + "-inner"});
        QVERIFY(inner);
        QCOMPARE(inner->exe, std::optional<QByteArray>(canonical("/bin/true")));
        ProcKey key = inner->proc;
        QCOMPARE(forkOf(sink, key).value_or(ProcFork{}).parent, inner->parent);
        for (int depth = 0; depth < 3 && key != outer->proc; ++depth) {
            const auto fork = forkOf(sink, key);
            QVERIFY2(fork, "a process in the chain has no fork event");
            key = fork->parent;
        }
        QCOMPARE(key, outer->proc);
        QCOMPARE(exitOf(sink, inner->proc).value_or(ProcExit{}).code, std::optional<qint64>(0));

        // Times are CLOCK_BOOTTIME, converted to UTC with the current offset.
        const auto events = sink.events();
        const auto execEvent = std::find_if(events.cbegin(), events.cend(), [&](const Event &e) {
            const auto *exec = std::get_if<ProcExec>(&e.body);
            return exec && exec->proc == outer->proc;
        });
        QVERIFY(execEvent->mono >= before && execEvent->mono <= after);
        QVERIFY(std::abs(execEvent->ts - (realtimeNs() - boottimeNs() + execEvent->mono)) < 50'000'000);

        // Keys survive PID reuse: no two processes created during the capture share one.
        QSet<std::pair<qint64, qint64>> keys;
        const QList<ProcFork> forks = sink.all<ProcFork>();
        for (const ProcFork &f : forks)
            keys.insert({f.proc.pid, f.proc.start});
        QCOMPARE(keys.size(), forks.size());
    }

    void exitCodesAndSignals()
    {
        CollectingSink sink;
        EbpfProcessSource source;
        START_OR_SKIP(source, sink);
        const QByteArray mark = marker();
        const pid_t seven = spawn({"/bin/sh", "-c", "exit 7", mark});
        const pid_t zero = spawn({"/bin/true", mark});
        const pid_t terminated = spawn({"/bin/sh", "-c", "kill -TERM $$; exit 3", mark});
        const pid_t killed = spawn({"/bin/sleep", "30"}); // posix_spawn() returns after the exec
        QVERIFY(seven > 0 && zero > 0 && terminated > 0 && killed > 0);
        const auto killedKey = keyOf(killed);
        QVERIFY(killedKey);
        ::kill(killed, SIGKILL);
        QCOMPARE(WEXITSTATUS(waitFor(seven)), 7);
        QCOMPARE(waitFor(zero), 0);
        QCOMPARE(WTERMSIG(waitFor(terminated)), SIGTERM);
        QVERIFY(WIFSIGNALED(waitFor(killed)));
        source.stop();

        const auto sevenExec = execWithArgv(sink, {"/bin/sh", "-c", "exit 7", mark});
        const auto zeroExec = execWithArgv(sink, {"/bin/true", mark});
        const auto killedExec = sink.only<ProcExec>([&](const ProcExec &e) { return e.proc.pid == killed; });
        QVERIFY2(sevenExec && zeroExec && killedExec,
                 qPrintable(u"exit 7: %1, true: %2, sleep: %3 of %4 events"_s.arg(bool(sevenExec))
                                .arg(bool(zeroExec))
                                .arg(bool(killedExec))
                                .arg(sink.events().size())));
        QCOMPARE(killedExec->proc, *killedKey); // the key is /proc/<pid>/stat's pid and field 22
        const auto sevenExit = exitOf(sink, sevenExec->proc), zeroExit = exitOf(sink, zeroExec->proc),
                   killedExit = exitOf(sink, killedExec->proc);
        QVERIFY(sevenExit && zeroExit && killedExit);
        QCOMPARE(sevenExit->code, std::optional<qint64>(7));
        QCOMPARE(sevenExit->signal, std::nullopt);
        QCOMPARE(zeroExit->code, std::optional<qint64>(0));
        QCOMPARE(killedExit->signal, std::optional<qint64>(SIGKILL));
        QCOMPARE(killedExit->code, std::nullopt);
        QVERIFY(!killedExit->core);
        const auto terminatedExec = execWithArgv(sink, {"/bin/sh", "-c", "kill -TERM $$; exit 3", mark});
        QVERIFY(terminatedExec);
        const auto terminatedExit = exitOf(sink, terminatedExec->proc);
        QVERIFY(terminatedExit);
        QCOMPARE(terminatedExit->signal, std::optional<qint64>(SIGTERM));
        QCOMPARE(terminatedExit->code, std::nullopt);
    }

    void relativeExecResolvesExeAndCwd()
    {
        CollectingSink sink;
        EbpfProcessOptions options;
        options.environment = {u"FLIGHT_MARK"_s};
        EbpfProcessSource source(options);
        START_OR_SKIP(source, sink);
        const QByteArray mark = marker();
        const pid_t pid = spawn({"/bin/sh", "-c", "cd /usr/bin && ./env FLIGHT_MARK=" + mark + " true"});
        QVERIFY(pid > 0);
        QCOMPARE(waitFor(pid), 0);
        source.stop();

        const auto env = execWithArgv(sink, {"./env", "FLIGHT_MARK=" + mark, "true"});
        QVERIFY(env);
        QCOMPARE(env->exe, std::optional<QByteArray>(canonical("/usr/bin/env")));
        QCOMPARE(env->cwd, std::optional<QByteArray>(canonical("/usr/bin")));
        // env execs `true` in place: same process, its environment carries the marker.
        const auto trueExec
            = sink.only<ProcExec>([&](const ProcExec &e) { return e.env.value(u"FLIGHT_MARK"_s) == mark; });
        QVERIFY(trueExec);
        QCOMPARE(trueExec->argv, (QList<QByteArray>{"true"}));
        QCOMPARE(trueExec->proc, env->proc);
        QCOMPARE(trueExec->parent, env->parent);
        QCOMPARE(trueExec->exe, std::optional<QByteArray>(canonical("/usr/bin/true")));
        QCOMPARE(trueExec->cwd, std::optional<QByteArray>(canonical("/usr/bin")));
        QCOMPARE(trueExec->env.keys(), QList<QString>{u"FLIGHT_MARK"_s});
    }

    // exe_digest is the digest of the file executed: for a process gone before its record is read, the file at its
    // path must still be the one the kernel executed; one replaced meanwhile gets no digest rather than a wrong one.
    void exeDigestOnlyOfTheExecutedFile()
    {
        QTemporaryDir dir;
        const QString kept = dir.filePath(u"kept"_s), replaced = dir.filePath(u"replaced"_s);
        QVERIFY(QFile::copy(u"/bin/true"_s, kept) && QFile::copy(u"/bin/true"_s, replaced));
        CollectingSink sink;
        EbpfProcessOptions options;
        options.digests = std::make_shared<ExeDigests>();
        options.startPaused = true; // both exit before their records are read
        EbpfProcessSource source(options);
        START_OR_SKIP(source, sink);
        const QByteArray mark = marker();
        QCOMPARE(waitFor(spawn({QFile::encodeName(kept), mark})), 0);
        QCOMPARE(waitFor(spawn({QFile::encodeName(replaced), mark})), 0);
        const QString other = dir.filePath(u"other"_s);
        QVERIFY(QFile::copy(u"/bin/false"_s, other));
        QVERIFY(::rename(QFile::encodeName(other).constData(), QFile::encodeName(replaced).constData()) == 0);
        source.setConsumerPaused(false);
        source.stop();

        const auto keptExec = execWithArgv(sink, {QFile::encodeName(kept), mark});
        const auto replacedExec = execWithArgv(sink, {QFile::encodeName(replaced), mark});
        QVERIFY(keptExec && replacedExec);
        QFile file(kept);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(keptExec->exeDigest, std::optional<QString>(Blake2b256::hexHash(file.readAll())));
        QCOMPARE(replacedExec->exeDigest, std::nullopt);
    }

    void longArgv()
    {
        CollectingSink sink;
        EbpfProcessSource source;
        START_OR_SKIP(source, sink);
        const QByteArray mark = marker();
        QList<QByteArray> argv{"/bin/true", mark};
        for (int i = 0; i < 200; ++i)
            argv.append("argument-" + QByteArray::number(i));
        argv.append(QByteArray(20 * 1024, 'x') + mark);
        QList<QByteArray> oversized{"/bin/true", mark + "-oversized", QByteArray(100 * 1024, 'a'),
                                    QByteArray(100 * 1024, 'b')};
        QCOMPARE(waitFor(spawn(argv)), 0);
        QCOMPARE(waitFor(spawn(oversized)), 0);
        source.stop();

        const auto exact = execWithArgv(sink, argv);
        QVERIFY(exact);
        QVERIFY(!exact->argvTruncated);
        const auto cut = sink.only<ProcExec>([&](const ProcExec &e) { return e.argv.value(1) == mark + "-oversized"; });
        QVERIFY(cut);
        QVERIFY(cut->argvTruncated); // 200 KiB of arguments, 128 KiB read
        QCOMPARE(cut->argv.mid(0, 3), oversized.mid(0, 3));
        QCOMPARE(cut->argv.size(), 4);
        QVERIFY(oversized[3].startsWith(cut->argv[3]));
    }

    void deepAndMountedPathsAndTerminal()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        QByteArray deep = QFile::encodeName(QFileInfo(temp.path()).canonicalFilePath());
        for (int i = 0; i < 150; ++i) // deeper than any fixed unrolled walk, shorter than PATH_MAX
            deep += "/level-" + QByteArray::number(i);
        QVERIFY(QDir().mkpath(QFile::decodeName(deep)));
        const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
        QVERIFY(master >= 0 && ::grantpt(master) == 0 && ::unlockpt(master) == 0);
        const QByteArray terminal = ::ptsname(master);

        CollectingSink sink;
        EbpfProcessSource source;
        START_OR_SKIP(source, sink);
        const QByteArray mark = marker();
        QCOMPARE(waitFor(spawn({"/bin/true", mark, "deep"}, deep)), 0);
        QCOMPARE(waitFor(spawn({"/bin/true", mark, "proc"}, "/proc/sys/kernel")), 0);
        QCOMPARE(waitFor(spawn({"/bin/true", mark, "tty"}, {}, terminal)), 0);
        source.stop();
        ::close(master);

        const auto inDeep = execWithArgv(sink, {"/bin/true", mark, "deep"});
        QVERIFY(inDeep);
        QCOMPARE(inDeep->cwd, std::optional<QByteArray>(deep));
        const auto inProc = execWithArgv(sink, {"/bin/true", mark, "proc"});
        QVERIFY(inProc);
        QCOMPARE(inProc->cwd, std::optional<QByteArray>("/proc/sys/kernel")); // across the /proc mount
        const auto onTty = execWithArgv(sink, {"/bin/true", mark, "tty"});
        QVERIFY(onTty);
        QVERIFY(terminal.startsWith("/dev/"));
        QCOMPARE(onTty->tty, std::optional<QString>(QString::fromLatin1(terminal.mid(5)))); // "pts/N"
    }

    // Not a timed assertion: prints the rate; asserts that a burst at this machine's pace loses nothing.
    void execBurstIsComplete()
    {
        CollectingSink sink;
        EbpfProcessSource source;
        START_OR_SKIP(source, sink);
        const QByteArray mark = marker();
        constexpr int kThreads = 2, kPerThread = 1000;
        QElapsedTimer timer;
        timer.start();
        std::vector<std::thread> spawners;
        for (int t = 0; t < kThreads; ++t) {
            spawners.emplace_back([&mark, t] {
                for (int i = 0; i < kPerThread; ++i)
                    waitFor(spawn({"/bin/true", mark, QByteArray::number(t * kPerThread + i)}));
            });
        }
        for (std::thread &spawner : spawners)
            spawner.join();
        const qint64 elapsed = timer.elapsed();
        source.stop();

        const auto captured = sink.all<ProcExec>([&](const ProcExec &e) { return e.argv.value(1) == mark; });
        QSet<QByteArray> numbers;
        for (const ProcExec &e : captured)
            numbers.insert(e.argv.value(2));
        qInfo("exec burst: %d execs in %lld ms (%.0f execs/s, %lld events delivered in all)", kThreads * kPerThread,
              elapsed, kThreads * kPerThread * 1000.0 / double(std::max<qint64>(elapsed, 1)),
              qint64(sink.events().size()));
        QVERIFY(sink.all<RecorderLoss>().isEmpty());
        QCOMPARE(numbers.size(), kThreads * kPerThread);
    }

private:
    ProcKey m_self;
};

QTEST_GUILESS_MAIN(TestEbpfProcessSource)
#include "tst_ebpfprocesssource.moc"
