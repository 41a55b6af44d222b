// SPDX-License-Identifier: GPL-3.0-or-later
// The proc connector source on the live kernel: real processes with known argv, exit codes, a SIGKILL and a
// credential change come out with the right keys (the parent's key included); a receive buffer made to overflow
// yields a rec.loss from "proc.netlink" followed by a resync. Needs root (CAP_NET_ADMIN) and CONFIG_PROC_EVENTS.
#include "collectingsink.h"
#include "netlinkprocsource.h"
#include "skip.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace Flight::Capture;
using namespace Flight::Format;

namespace {

ProcKey keyFromProc(qint64 pid)
{
    auto stat = readProcStat(pid);
    return stat ? ProcKey{pid, stat->startTicks} : ProcKey{pid, -1};
}

// The bodies of kind T among `events` for which `match` holds, in delivery order.
template <typename T, typename Match> QList<T> find(const QList<Event> &events, Match match)
{
    QList<T> found;
    for (const Event &event : events) {
        if (const T *body = std::get_if<T>(&event.body); body && match(*body))
            found.append(*body);
    }
    return found;
}

template <typename T> QList<T> ofPid(const QList<Event> &events, qint64 pid)
{
    return find<T>(events, [pid](const T &body) { return body.proc.pid == pid; });
}

QString marker()
{
    return u"flight-marker-%1"_s.arg(QRandomGenerator::global()->generate64(), 0, 16);
}

} // namespace

class TestNetlinkProcSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        if (::geteuid() != 0)
            FLIGHT_SKIP("the proc connector needs root (CAP_NET_ADMIN)");
    }

    void forkExecExitWithKeysCodesAndSignal()
    {
        CollectingSink sink;
        NetlinkProcSource source(u"eBPF unavailable in this test"_s);
        QCOMPARE(source.backend(), (Backend{u"proc"_s, u"netlink"_s, true, u"eBPF unavailable in this test"_s}));
        const auto started = source.start(sink);
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        QCOMPARE(source.stats().receiveBufferBytes, 64LL * 1024 * 1024); // 32 MiB requested, the kernel doubles
        const ProcKey self = keyFromProc(::getpid());
        QVERIFY(self.start >= 0);

        // A short process with an exit code.
        const QString mark = marker();
        QProcess exit7;
        exit7.start(u"sh"_s, {u"-c"_s, u"exit 7"_s, mark});
        QVERIFY(exit7.waitForStarted());
        const qint64 exit7Pid = exit7.processId();
        QVERIFY(exit7.waitForFinished());
        QCOMPARE(exit7.exitCode(), 7);

        // A process killed by SIGKILL.
        QProcess victim;
        victim.start(u"sleep"_s, {u"30"_s});
        QVERIFY(victim.waitForStarted());
        const ProcKey victimKey = keyFromProc(victim.processId());
        QTRY_VERIFY(!ofPid<ProcExec>(sink.events(), victimKey.pid).isEmpty());
        victim.kill();
        QVERIFY(victim.waitForFinished());

        // A chain: sh forks sleep (a unique duration is its marker), then exits with 5.
        const QString duration = u"1.%1"_s.arg(QRandomGenerator::global()->bounded(100000, 999999));
        QProcess chain;
        chain.start(u"sh"_s, {u"-c"_s, u"sleep %1; exit 5"_s.arg(duration), mark});
        QVERIFY(chain.waitForStarted());
        const ProcKey chainKey = keyFromProc(chain.processId());
        const QList<QByteArray> sleepArgv{"sleep", duration.toUtf8()};
        const auto sleepExec
            = [&] { return find<ProcExec>(sink.events(), [&](const ProcExec &e) { return e.argv == sleepArgv; }); };
        QTRY_COMPARE(sleepExec().size(), 1);
        const ProcKey sleepKey = keyFromProc(sleepExec().first().proc.pid); // still sleeping: /proc is the truth
        QVERIFY(chain.waitForFinished());
        QCOMPARE(chain.exitCode(), 5);

        QElapsedTimer stopping;
        stopping.start();
        source.stop();
        QVERIFY2(stopping.elapsed() < 2000, "stop() must not wait for the next kernel event");
        const QList<Event> events = sink.events();

        // sh -c 'exit 7': fork from this process, exec (complete or marked incomplete), exit code 7, one key.
        const auto forks7 = ofPid<ProcFork>(events, exit7Pid);
        QCOMPARE(forks7.size(), 1);
        QCOMPARE(forks7[0].parent, self);
        const ProcKey exit7Key = forks7[0].proc;
        const auto execs7 = ofPid<ProcExec>(events, exit7Pid);
        QCOMPARE(execs7.size(), 1);
        QCOMPARE(execs7[0].proc, exit7Key);
        if (!execs7[0].argv.isEmpty())
            QCOMPARE(execs7[0].argv.mid(1), (QList<QByteArray>{"-c", "exit 7", mark.toUtf8()}));
        else
            QVERIFY(execs7[0].argvTruncated); // gone before it was read: marked, not silently empty
        const auto exits7 = ofPid<ProcExit>(events, exit7Pid);
        QCOMPARE(exits7.size(), 1);
        QCOMPARE(exits7[0], (ProcExit{exit7Key, 7, std::nullopt, false}));

        // sleep 30, killed.
        QCOMPARE(ofPid<ProcFork>(events, victimKey.pid).value(0).proc, victimKey);
        QCOMPARE(ofPid<ProcFork>(events, victimKey.pid).value(0).parent, self);
        const ProcExec victimExec = ofPid<ProcExec>(events, victimKey.pid).value(0);
        QCOMPARE(victimExec.proc, victimKey);
        QCOMPARE(victimExec.parent, self);
        QVERIFY(victimExec.argv.value(0).endsWith("sleep"));
        QCOMPARE(victimExec.argv.mid(1), QList<QByteArray>{"30"});
        QVERIFY(victimExec.exe && victimExec.exe->endsWith("/sleep"));
        QCOMPARE(victimExec.uid, qint64(::getuid()));
        QCOMPARE(ofPid<ProcExit>(events, victimKey.pid), (QList<ProcExit>{{victimKey, std::nullopt, 9, false}}));

        // The chain and its sleep: the parent key of each is the key of the process that spawned it.
        QCOMPARE(ofPid<ProcFork>(events, chainKey.pid).value(0).proc, chainKey);
        QCOMPARE(ofPid<ProcFork>(events, chainKey.pid).value(0).parent, self);
        QCOMPARE(ofPid<ProcExec>(events, chainKey.pid).value(0).argv.mid(1),
                 (QList<QByteArray>{"-c", u"sleep %1; exit 5"_s.arg(duration).toUtf8(), mark.toUtf8()}));
        const auto sleepForks = ofPid<ProcFork>(events, sleepKey.pid);
        QCOMPARE(sleepForks.size(), 1);
        QCOMPARE(sleepForks[0].proc, sleepKey);
        QCOMPARE(sleepForks[0].parent, chainKey);
        const ProcExec sleeper = ofPid<ProcExec>(events, sleepKey.pid).value(0);
        QCOMPARE(sleeper.proc, sleepKey);
        QCOMPARE(sleeper.parent, chainKey);
        QCOMPARE(sleeper.argv, sleepArgv);
        QVERIFY(!sleeper.argvTruncated);
        QCOMPARE(sleeper.cwd, std::optional<QByteArray>(QFile::encodeName(QDir::currentPath())));
        QCOMPARE(ofPid<ProcExit>(events, sleepKey.pid), (QList<ProcExit>{{sleepKey, 0, std::nullopt, false}}));
        QCOMPARE(ofPid<ProcExit>(events, chainKey.pid), (QList<ProcExit>{{chainKey, 5, std::nullopt, false}}));

        // Times come from the kernel's stamps: in order for one process, and within this test.
        qint64 forkMono = 0, execMono = 0, exitMono = 0;
        for (const Event &e : events) {
            if (const auto *f = std::get_if<ProcFork>(&e.body); f && f->proc == sleepKey)
                forkMono = e.mono;
            if (const auto *x = std::get_if<ProcExec>(&e.body); x && x->proc == sleepKey)
                execMono = e.mono;
            if (const auto *x = std::get_if<ProcExit>(&e.body); x && x->proc == sleepKey)
                exitMono = e.mono;
        }
        QVERIFY(0 < forkMono && forkMono <= execMono && execMono < exitMono);
        QVERIFY(exitMono - forkMono >= 1000000000LL); // slept more than a second
        QCOMPARE(find<RecorderLoss>(events, [](const RecorderLoss &) { return true; }).size(), 0);
    }

    void credentialChanges()
    {
        CollectingSink sink;
        NetlinkProcSource source(u"test"_s);
        const auto started = source.start(sink);
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        QProcess p;
        p.start(u"setpriv"_s, {u"--regid=65534"_s, u"--reuid=65534"_s, u"--clear-groups"_s, u"sleep"_s, u"0.3"_s});
        if (!p.waitForStarted())
            FLIGHT_SKIP("setpriv (util-linux) is not installed");
        const qint64 pid = p.processId();
        QVERIFY(p.waitForFinished());
        QCOMPARE(p.exitCode(), 0);
        source.stop();
        const QList<Event> events = sink.events();

        const ProcKey key = ofPid<ProcFork>(events, pid).value(0).proc;
        QVERIFY(key.start > 0);
        const auto creds = ofPid<ProcCred>(events, pid);
        // setpriv keeps its capabilities across setresuid(), then calls setresgid(): two changes, each with the
        // values before it as prev_*; the kernel's reports that changed nothing would not be events.
        QCOMPARE(creds.size(), 2);
        QCOMPARE(creds[0], (ProcCred{key, 65534, 65534, 0, 0, 0, 0, 0, 0}));
        QCOMPARE(creds[1], (ProcCred{key, 65534, 65534, 65534, 65534, 65534, 65534, 0, 0}));
        const auto execs = ofPid<ProcExec>(events, pid);
        QCOMPARE(execs.size(), 2); // setpriv, then sleep
        QCOMPARE(execs[1].argv, (QList<QByteArray>{"sleep", "0.3"}));
        QCOMPARE(execs[1].uid, 65534);
        QCOMPARE(execs[1].egid, 65534);
        QCOMPARE(ofPid<ProcExit>(events, pid), (QList<ProcExit>{{key, 0, std::nullopt, false}}));
    }

    void overflowIsReportedAndResynced()
    {
        CollectingSink sink;
        NetlinkProcOptions options;
        options.receiveBufferBytes = 1; // the kernel's minimum: a handful of messages
        options.testReceiveDelay = 20ms; // the reader falls behind on purpose
        NetlinkProcSource source(u"test"_s, options);
        const auto started = source.start(sink);
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        QVERIFY(source.stats().receiveBufferBytes < 16 * 1024);

        // 2000 short processes, and every 100th a sleep that outlives the burst: whichever of them the overflow
        // hid from the reader, the resync finds alive. They end by themselves.
        const QString duration = u"4.%1"_s.arg(QRandomGenerator::global()->bounded(100000, 999999));
        QProcess burst;
        burst.start(u"sh"_s,
                    {u"-c"_s,
                     u"i=0; while [ $i -lt 2000 ]; do /bin/true; i=$((i+1)); "
                     "case $i in *00) sleep %1 & ;; esac; done"_s.arg(duration)});
        QVERIFY(burst.waitForStarted());
        QVERIFY(burst.waitForFinished(60000));

        const auto lossIndex = [&sink] {
            const QList<Event> events = sink.events();
            for (qsizetype i = 0; i < events.size(); ++i) {
                if (const auto *loss = std::get_if<RecorderLoss>(&events[i].body);
                    loss && loss->source == u"proc.netlink"_s)
                    return i;
            }
            return qsizetype(-1);
        };
        QTRY_VERIFY_WITH_TIMEOUT(lossIndex() >= 0, 20000);
        const auto snapshotsAfterLoss = [&] {
            return find<ProcSnapshot>(sink.events().mid(lossIndex()), [](const ProcSnapshot &) { return true; });
        };
        QTRY_VERIFY_WITH_TIMEOUT(!snapshotsAfterLoss().isEmpty(), 20000);
        source.stop();

        const QList<Event> events = sink.events();
        const Event &lossEvent = events[lossIndex()];
        const auto &loss = std::get<RecorderLoss>(lossEvent.body);
        QCOMPARE(loss.reason, std::optional<QString>(u"netlink receive buffer overflow (ENOBUFS)"_s));
        QVERIFY(loss.count >= 1);
        QCOMPARE(loss.unit, LossUnit::Events);
        QVERIFY(loss.lastMono && *loss.lastMono >= lossEvent.mono);
        const NetlinkProcSource::Stats stats = source.stats();
        QVERIFY(stats.overflows >= 1);
        QVERIFY(stats.resyncs >= 1);
        QVERIFY(stats.droppedMessages > 0);
        qInfo("overflows %lld, resyncs %lld, messages received %lld, dropped %lld, snapshots after the first loss %lld",
              stats.overflows, stats.resyncs, stats.messages, stats.droppedMessages,
              qint64(snapshotsAfterLoss().size()));

        // The resync's snapshots carry the same keys /proc shows for processes still alive.
        for (const ProcSnapshot &s : snapshotsAfterLoss()) {
            const ProcKey now = keyFromProc(s.proc.pid);
            if (now.start >= 0 && s.argv == QList<QByteArray>{"sleep", duration.toUtf8()})
                QCOMPARE(s.proc, now);
        }
    }
};

QTEST_GUILESS_MAIN(TestNetlinkProcSource)
#include "tst_netlinkprocsource.moc"
