// SPDX-License-Identifier: GPL-3.0-or-later
// Nothing is lost silently (DESIGN.md): with a one-page ring buffer and a stalled consumer, a burst of execs must
// overflow the ring, and the rec.loss events must account for at least every record of the burst that was not
// delivered, with a time span inside the burst. Afterwards the source must capture normally again.
#include "collectingsink.h"
#include "ebpfprocesssource.h"
#include "hostinfo.h"
#include "livetest.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;
using namespace Flight::Format;
using namespace SpawnHelpers;

class TestEbpfLoss : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stalledConsumerReportsLoss()
    {
        if (::geteuid() != 0)
            FLIGHT_SKIP("not root: loading BPF programs needs CAP_BPF and CAP_PERFMON");
        CollectingSink sink;
        EbpfProcessOptions options;
        options.ringBufferBytes = ::sysconf(_SC_PAGESIZE);
        options.environment = {};
        options.startPaused = true;
        EbpfProcessSource source(options);
        const auto started = source.start(sink);
        if (!started && started.error().message.contains(u"not permitted"_s))
            FLIGHT_SKIP("bpf() is not permitted to this process (needs CAP_BPF and CAP_PERFMON)");
        QVERIFY2(started, qPrintable(started.error().message));

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
};

QTEST_GUILESS_MAIN(TestEbpfLoss)
#include "tst_ebpfloss.moc"
