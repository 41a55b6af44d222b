// SPDX-License-Identifier: GPL-3.0-or-later
// The bounded queue between capture and the journal: it never grows past its capacity and never drops silently; a
// deep queue keeps its later events as journal lines and hands out the same events, in order.
#include "eventqueue.h"
#include "eventcodec.h"

#include <QTest>
#include <thread>

using namespace Qt::StringLiterals;
using namespace Flight::Recorder;
using namespace Flight::Format;
using namespace std::chrono_literals;

namespace {
Event exitEvent(qint64 i)
{
    return {1000 + i, 10 + i, ProcExit{{100 + i, 5}, 0, std::nullopt, false}};
}

// Events of several kinds with the members that are easy to get wrong: bytes that are not UTF-8, absent and present
// optionals, repeats, addresses of both families.
Event variedEvent(qint64 i)
{
    const qint64 ts = 1'700'000'000'000'000'000 + i * 1001, mono = 5'000'000 + i;
    switch (i % 4) {
    case 0: {
        ProcExec exec;
        exec.proc = {1000 + i, 77};
        exec.parent = {1, 2};
        exec.comm = u"sh"_s;
        exec.exe = QByteArray("/usr/bin/\xff\x01odd");
        exec.argv = {"sh", "-c", QByteArray("echo \"") + QByteArray::number(i) + "\""};
        exec.cwd = QByteArray("/tmp");
        exec.uid = exec.euid = 1000;
        exec.loginuid = 1000;
        exec.env.insert(u"SUDO_USER"_s, "alice");
        return {ts, mono, exec};
    }
    case 1:
        return {ts, mono,
                FileAccess{{2000 + i, 3}, FileOp::Open, "/var/tmp/\xfe name " + QByteArray::number(i), std::nullopt, 2049,
                           12345 + i, Repeat{i + 2, ts + 10, mono + 10}}};
    case 2:
        return {ts, mono,
                NetEndpoint{ProcKey{3000 + i, 9}, NetOp::Connect, Proto::Tcp, {u"127.0.0.1"_s, 40000 + i % 1000},
                            Endpoint{u"::1"_s, 443}, std::nullopt}};
    default:
        return {ts, mono, ProcExit{{100 + i, 5}, std::nullopt, 9, true}};
    }
}
} // namespace

class TestEventQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void overflowBecomesOneLossEvent()
    {
        EventQueue queue(10);
        for (int i = 0; i < 25; ++i)
            queue.deliver(exitEvent(i));
        const QList<Event> batch = queue.take(0ms);
        QCOMPARE(batch.size(), 11);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(batch[i], exitEvent(i));
        const auto &loss = std::get<RecorderLoss>(batch.back().body);
        QCOMPARE(loss.source, u"recorder.queue"_s);
        QCOMPARE(loss.count, 15);
        QCOMPARE(batch.back().ts, 1010); // the first dropped event
        QCOMPARE(loss.lastTs, std::optional<qint64>(1024));
        QCOMPARE(queue.dropped(), 15);
        QCOMPARE(queue.deepest(), 10);
        QVERIFY(queue.take(0ms).isEmpty()); // the loss is reported once
    }

    void concurrentProducersLoseNothingWithinCapacity()
    {
        EventQueue queue(1000000);
        std::vector<std::thread> producers;
        for (int t = 0; t < 4; ++t)
            producers.emplace_back([&queue, t] {
                for (int i = 0; i < 20000; ++i)
                    queue.deliver(exitEvent(t * 100000 + i));
            });
        qint64 taken = 0;
        for (auto &p : producers)
            p.join();
        while (taken < 80000) {
            const auto batch = queue.take(100ms);
            QVERIFY(!batch.isEmpty());
            taken += batch.size();
        }
        QCOMPARE(taken, 80000);
        QCOMPARE(queue.dropped(), 0);
    }

    // A deep queue is handed out in batches of at most kMaxBatch, in order, the loss after the first batch.
    void deepQueueTakenInBoundedBatches()
    {
        const qsizetype deep = EventQueue::kMaxBatch * 2 + 10;
        EventQueue queue(deep);
        for (qsizetype i = 0; i < deep + 5; ++i)
            queue.deliver(exitEvent(i));
        QList<Event> all;
        QList<qsizetype> sizes;
        for (QList<Event> batch; !(batch = queue.take(0ms)).isEmpty();) {
            sizes.append(batch.size());
            all.append(batch);
        }
        QCOMPARE(sizes, (QList<qsizetype>{EventQueue::kMaxBatch + 1, EventQueue::kMaxBatch, 10}));
        QCOMPARE(std::get<RecorderLoss>(all[EventQueue::kMaxBatch].body).count, 5);
        all.removeAt(EventQueue::kMaxBatch);
        for (qsizetype i = 0; i < deep; ++i)
            QCOMPARE(all[i], exitEvent(i));
    }

    // Past the structured depth, events wait as journal lines: taken out equal and in order, the loss after them.
    void deepEventsKeptAsLinesComeBackEqual()
    {
        constexpr qint64 capacity = 3 * EventQueue::kMaxBatch + 100, structuredDepth = 50;
        EventQueue queue(capacity, structuredDepth);
        for (qint64 i = 0; i < capacity + 7; ++i)
            queue.deliver(variedEvent(i));
        QList<Event> all;
        for (QList<Event> batch; !(batch = queue.take(0ms)).isEmpty();)
            all.append(batch);
        QCOMPARE(all.size(), capacity + 1);
        const Event lossEvent = all.takeAt(EventQueue::kMaxBatch); // after the first batch
        const auto &loss = std::get<RecorderLoss>(lossEvent.body);
        QCOMPARE(loss.count, 7);
        QCOMPARE(lossEvent.ts, variedEvent(capacity).ts);
        for (qint64 i = 0; i < capacity; ++i)
            QVERIFY2(all[i] == variedEvent(i), encodeEvent(all[i]).constData());
        QCOMPARE(queue.dropped(), 7);
        QCOMPARE(queue.deepest(), capacity);

        // Drained, it starts structured again; taking and delivering interleaved across the depth keeps the order.
        QList<Event> taken;
        for (qint64 i = 0; i < 3 * structuredDepth; ++i) {
            queue.deliver(variedEvent(i));
            if (i % 70 == 69)
                taken.append(queue.take(0ms));
        }
        for (QList<Event> batch; !(batch = queue.take(0ms)).isEmpty();)
            taken.append(batch);
        QCOMPARE(taken.size(), 3 * structuredDepth);
        for (qint64 i = 0; i < 3 * structuredDepth; ++i)
            QVERIFY2(taken[i] == variedEvent(i), encodeEvent(taken[i]).constData());
        QCOMPARE(queue.dropped(), 7);
    }

    void wakeEndsTheWait()
    {
        EventQueue queue(10);
        std::thread waker([&queue] {
            std::this_thread::sleep_for(50ms);
            queue.wake();
        });
        QElapsedTimer timer;
        timer.start();
        QVERIFY(queue.take(10s).isEmpty());
        QVERIFY(timer.elapsed() < 5000);
        waker.join();
    }
};

QTEST_GUILESS_MAIN(TestEventQueue)
#include "tst_eventqueue.moc"
