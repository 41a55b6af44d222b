// SPDX-License-Identifier: GPL-3.0-or-later
// The bounded queue between capture and the journal: it never grows past its capacity and never drops silently.
#include "eventqueue.h"

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
