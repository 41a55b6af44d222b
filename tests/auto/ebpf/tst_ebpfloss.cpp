// SPDX-License-Identifier: GPL-3.0-or-later
// Nothing is lost silently (DESIGN.md): with a one-page ring buffer and a stalled consumer, a burst of execs must
// overflow the ring, and the rec.loss events must account for at least every record of the burst that was not
// delivered, with a time span inside the burst. Afterwards the source must capture normally again, and its /proc
// resync must report the processes whose records were lost: those that ended unseen, those that started unseen. The
// same holds for the credential changes the proc connector brings (rec.loss "proc.cred").
#include "collectingsink.h"
#include "ebpfprocesssource.h"
#include "hostinfo.h"
#include "livetest.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;
using namespace Flight::Format;
using namespace SpawnHelpers;

namespace {

constexpr int kLongLived = 20;

// A one-page ring buffer whose consumer starts stalled: the smallest burst overflows it.
EbpfProcessOptions stalledOnePageRing()
{
    EbpfProcessOptions options;
    options.ringBufferBytes = ::sysconf(_SC_PAGESIZE);
    options.environment = {};
    options.startPaused = true;
    return options;
}

// A marker sleep(1) accepts as one more duration to add: "0.<random digits>".
QByteArray sleepMarker()
{
    return "0." + QByteArray::number(QRandomGenerator::global()->generate64());
}

// Starts kLongLived sleeping processes with argv {/bin/sleep, 600, mark, i}; their keys.
QList<ProcKey> startSleepers(const QByteArray &mark)
{
    QList<ProcKey> keys;
    for (int i = 0; i < kLongLived; ++i) {
        const pid_t pid = spawn({"/bin/sleep", "600", mark, QByteArray::number(i)});
        if (const auto key = pid > 0 ? keyOf(pid) : std::nullopt)
            keys.append(*key);
    }
    return keys;
}

void killAll(const QList<ProcKey> &keys)
{
    for (const ProcKey &key : keys) {
        ::kill(pid_t(key.pid), SIGKILL);
        waitFor(pid_t(key.pid));
    }
}

// A one-page ring buffer: one exec record more than it has room for is refused, so it is full after this.
void fillRing(int execs)
{
    const QByteArray mark = marker();
    for (int i = 0; i < execs; ++i)
        waitFor(spawn({"/bin/true", mark, QByteArray::number(i)}));
}

} // namespace

class TestEbpfLoss : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stalledConsumerReportsLoss()
    {
        if (::geteuid() != 0)
            FLIGHT_SKIP("not root: loading BPF programs needs CAP_BPF and CAP_PERFMON");
        CollectingSink sink;
        EbpfProcessSource source(stalledOnePageRing());
        START_OR_SKIP(source, sink);

        const ProcKey self = selfKey();
        const QByteArray mark = marker();
        constexpr int kSpawned = 2000;
        QSet<qint64> pids;
        const qint64 burstStart = boottimeNs();
        for (int i = 0; i < kSpawned; ++i) {
            const pid_t pid = spawn({"/bin/true", mark, QByteArray::number(i)});
            QVERIFY(pid > 0);
            pids.insert(pid);
            waitFor(pid);
        }
        const qint64 burstEnd = boottimeNs();
        source.setConsumerPaused(false);
        // The source captures again once the consumer has caught up (a process that runs before that may be lost
        // too, and counted: so try a few).
        bool capturedAfter = false;
        for (int attempt = 0; attempt < 10 && !capturedAfter; ++attempt) {
            const QByteArray after = marker();
            QCOMPARE(waitFor(spawn({"/bin/true", after})), 0);
            for (int wait = 0; wait < 50 && !capturedAfter; ++wait) {
                QTest::qWait(10);
                capturedAfter
                    = !sink.all<ProcExec>([&](const ProcExec &e) { return e.argv.value(1) == after; }).isEmpty();
            }
        }
        QVERIFY(capturedAfter);
        source.stop();

        const QList<RecorderLoss> losses = sink.all<RecorderLoss>();
        QVERIFY(!losses.isEmpty());
        qint64 lost = 0;
        for (const RecorderLoss &loss : losses) {
            QCOMPARE(loss.source, u"proc.ebpf"_s);
            QVERIFY(loss.count > 0);
            lost += loss.count;
        }
        const qint64 execs = sink.all<ProcExec>([&](const ProcExec &e) { return e.argv.value(1) == mark; }).size();
        const qint64 forks
            = sink.all<ProcFork>([&](const ProcFork &f) { return f.parent == self && pids.contains(f.proc.pid); })
                  .size();
        const qint64 exits = sink.all<ProcExit>([&](const ProcExit &e) { return pids.contains(e.proc.pid); }).size();
        qInfo("burst of %d execs into a one-page ring buffer, consumer stalled: %lld execs, %lld forks, %lld exits "
              "delivered, %lld records reported lost in %lld rec.loss events",
              kSpawned, execs, forks, exits, lost, qint64(losses.size()));
        QVERIFY(execs < kSpawned);
        // Every record of the burst is either delivered or counted (other processes on the machine may add to
        // the count, never take from it).
        QVERIFY2(lost >= kSpawned - execs, "lost execs are not all counted");
        QVERIFY2(lost >= 3 * kSpawned - execs - forks - exits, "lost records are not all counted");

        // The span of the first loss lies within the burst.
        const auto events = sink.events();
        const auto first = std::find_if(events.cbegin(), events.cend(),
                                        [](const Event &e) { return std::holds_alternative<RecorderLoss>(e.body); });
        const auto &loss = std::get<RecorderLoss>(first->body);
        QVERIFY(first->mono >= burstStart && first->mono <= burstEnd);
        QVERIFY(loss.lastMono.has_value() == loss.lastTs.has_value());
        if (loss.lastMono) {
            QVERIFY(*loss.lastMono >= first->mono);
            QVERIFY(*loss.lastMono <= burstEnd + 1'000'000'000);
            QCOMPARE(*loss.lastTs - first->ts, *loss.lastMono - first->mono);
        }
    }

    // While the consumer is stalled and the ring is full, processes end and start unseen (kLongLived of each: far
    // more records than the free space a full one-page ring can have left). Afterwards every one of them must be in
    // the capture: the ended ones with a proc.exit, the started ones with their proc.exec or, when that was lost, a
    // proc.snapshot from the resync, with the right argv and parent.
    void resyncAfterLossReportsUnseenProcesses()
    {
        if (::geteuid() != 0)
            FLIGHT_SKIP("not root: loading BPF programs needs CAP_BPF and CAP_PERFMON");
        const QByteArray endedMark = sleepMarker(), startedMark = sleepMarker();
        const QList<ProcKey> ended = startSleepers(endedMark);
        QCOMPARE(ended.size(), kLongLived);
        CollectingSink sink;
        EbpfProcessSource source(stalledOnePageRing());
        START_OR_SKIP(source, sink);

        fillRing(200);
        killAll(ended);
        const QList<ProcKey> started = startSleepers(startedMark);
        QCOMPARE(started.size(), kLongLived);
        QTRY_VERIFY_WITH_TIMEOUT(!sink.all<RecorderLoss>().isEmpty(), 5000);
        source.setConsumerPaused(false);

        const auto seenStarted = [&] {
            QSet<qint64> pids;
            for (const ProcExec &e :
                 sink.all<ProcExec>([&](const ProcExec &e) { return e.argv.value(2) == startedMark; }))
                pids.insert(e.proc.pid);
            for (const ProcSnapshot &s :
                 sink.all<ProcSnapshot>([&](const ProcSnapshot &s) { return s.argv.value(2) == startedMark; }))
                pids.insert(s.proc.pid);
            return pids.size();
        };
        const auto seenEnded
            = [&] { return sink.all<ProcExit>([&](const ProcExit &e) { return ended.contains(e.proc); }).size(); };
        QTRY_COMPARE_WITH_TIMEOUT(seenStarted(), kLongLived, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(seenEnded(), kLongLived, 5000);
        source.stop();
        killAll(started);

        const ProcKey self = selfKey();
        const QList<ProcSnapshot> repaired
            = sink.all<ProcSnapshot>([&](const ProcSnapshot &s) { return s.argv.value(2) == startedMark; });
        const QList<ProcExit> codeless
            = sink.all<ProcExit>([&](const ProcExit &e) { return ended.contains(e.proc) && !e.code && !e.signal; });
        qInfo("with the ring full: %d processes started, %lld reported by the resync; %d ended, %lld exits from the "
              "resync (no code)",
              kLongLived, qint64(repaired.size()), kLongLived, qint64(codeless.size()));
        QVERIFY2(!repaired.isEmpty() && !codeless.isEmpty(), "the full ring took every record: no resync was needed");
        for (const ProcSnapshot &s : repaired) {
            QVERIFY(started.contains(s.proc));
            QCOMPARE(s.parent, self);
            QCOMPARE(s.argv.value(0), QByteArray("/bin/sleep"));
        }
        // A resync's events come after the loss that caused it.
        const auto events = sink.events();
        const auto firstLoss = std::find_if(events.cbegin(), events.cend(), [](const Event &e) {
            return std::holds_alternative<RecorderLoss>(e.body);
        });
        const auto firstRepair = std::find_if(events.cbegin(), events.cend(), [&](const Event &e) {
            const auto *s = std::get_if<ProcSnapshot>(&e.body);
            return s && s->argv.value(2) == startedMark;
        });
        QVERIFY(firstLoss < firstRepair);
    }

    // Credential changes come from the proc connector: while the consumer is stalled, more of them than its smallest
    // receive buffer holds must yield a rec.loss from "proc.cred" (ENOBUFS), after which proc.cred is captured again.
    void connectorOverflowReportsCredentialLoss()
    {
        if (::geteuid() != 0)
            FLIGHT_SKIP("not root: loading BPF programs needs CAP_BPF and CAP_PERFMON");
        CollectingSink sink;
        EbpfProcessOptions options;
        options.environment = {};
        options.startPaused = true;
        options.connectorBufferBytes = 1; // the kernel's minimum: a few messages
        EbpfProcessSource source(options);
        START_OR_SKIP(source, sink);

        const QByteArray burst = marker();
        for (int i = 0; i < 50; ++i) // two changes each: the user ids, then the group ids
            QCOMPARE(waitFor(spawn(
                         {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "/bin/true", burst})),
                     0);
        source.setConsumerPaused(false);
        QTRY_VERIFY_WITH_TIMEOUT(
            !sink.all<RecorderLoss>([](const RecorderLoss &l) { return l.source == u"proc.cred"_s; }).isEmpty(), 5000);

        const QByteArray after = marker();
        QCOMPARE(waitFor(spawn(
                     {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "/bin/true", after})),
                 0);
        const auto changesAfter = [&] {
            const auto exec = sink.only<ProcExec>([&](const ProcExec &e) { return e.argv.value(5) == after; });
            return exec ? sink.all<ProcCred>([&](const ProcCred &c) { return c.proc == exec->proc; }).size() : 0;
        };
        QTRY_COMPARE_WITH_TIMEOUT(changesAfter(), 2, 5000);
        source.stop();

        const QList<RecorderLoss> losses
            = sink.all<RecorderLoss>([](const RecorderLoss &l) { return l.source == u"proc.cred"_s; });
        QList<ProcKey> burstKeys;
        for (const ProcExec &e : sink.all<ProcExec>([&](const ProcExec &e) { return e.argv.value(5) == burst; }))
            burstKeys.append(e.proc);
        const qint64 delivered
            = sink.all<ProcCred>([&](const ProcCred &c) { return burstKeys.contains(c.proc); }).size();
        qInfo("50 processes changing ids twice into a minimal connector buffer: %lld proc.cred delivered, %lld "
              "rec.loss from proc.cred",
              delivered, qint64(losses.size()));
        QVERIFY(delivered < 100);
        for (const RecorderLoss &loss : losses) {
            QVERIFY(loss.count >= 1);
            const QString reason = loss.reason.value_or(QString());
            QVERIFY2(reason.contains(u"ENOBUFS"_s), qPrintable(reason));
        }
    }
};

QTEST_GUILESS_MAIN(TestEbpfLoss)
#include "tst_ebpfloss.moc"
