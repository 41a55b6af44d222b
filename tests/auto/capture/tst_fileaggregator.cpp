// SPDX-License-Identifier: GPL-3.0-or-later
// Aggregation of repeated file accesses: 10,000 identical accesses become one event with count 10,000 and the first
// and last times; different processes, ops, paths or new names stay apart; windows close in time; memory is bounded
// without losing a count.
#include "fileaggregator.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;
using namespace Flight::Format;

namespace {

constexpr qint64 kSecond = 1'000'000'000;

Event access(qint64 mono, ProcKey proc, FileOp op, const QByteArray &path, std::optional<QByteArray> to = {})
{
    return {mono + 1000 * kSecond, mono, FileAccess{proc, op, path, std::move(to), 8, 42, std::nullopt}};
}

const FileAccess &body(const Event &e)
{
    return std::get<FileAccess>(e.body);
}

} // namespace

class TestFileAggregator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tenThousandReadsAreOneEvent()
    {
        FileAggregator aggregator(std::chrono::seconds(5));
        QList<Event> out;
        for (qint64 i = 0; i < 10000; ++i)
            aggregator.add(access(kSecond + i * 1000, {7, 70}, FileOp::Open, "/etc/hosts"), out);
        QVERIFY(out.isEmpty());
        aggregator.flush(kSecond + 4 * kSecond, out);
        QVERIFY(out.isEmpty()); // the window is still open
        aggregator.flush(kSecond + 5 * kSecond, out);
        QCOMPARE(out.size(), 1);
        QCOMPARE(out[0].mono, kSecond);
        QCOMPARE(out[0].ts, kSecond + 1000 * kSecond);
        QCOMPARE(body(out[0]).repeat, (Repeat{10000, kSecond + 9999 * 1000 + 1000 * kSecond, kSecond + 9999 * 1000}));
        QCOMPARE(body(out[0]).ino, 42);
        QCOMPARE(aggregator.pending(), 0);
    }

    void singleAccessHasNoRepeat()
    {
        FileAggregator aggregator(std::chrono::seconds(1));
        QList<Event> out;
        aggregator.add(access(0, {7, 70}, FileOp::Write, "/tmp/a"), out);
        aggregator.flushAll(out);
        QCOMPARE(out.size(), 1);
        QCOMPARE(body(out[0]).repeat, std::nullopt);
    }

    void differentKeysStayApartInOrder()
    {
        FileAggregator aggregator(std::chrono::seconds(1));
        QList<Event> out;
        aggregator.add(access(1, {7, 70}, FileOp::Open, "/a"), out);
        aggregator.add(access(2, {8, 80}, FileOp::Open, "/a"), out); // another process
        aggregator.add(access(3, {7, 70}, FileOp::Write, "/a"), out); // another op
        aggregator.add(access(4, {7, 70}, FileOp::Open, "/b"), out); // another path
        aggregator.add(access(5, {7, 70}, FileOp::Rename, "/a", "/c"), out);
        aggregator.add(access(6, {7, 70}, FileOp::Rename, "/a", "/d"), out); // another new name
        aggregator.add(access(7, {7, 70}, FileOp::Open, "/a"), out); // repeats the first
        aggregator.flushAll(out);
        QCOMPARE(out.size(), 6);
        QCOMPARE(out[0].mono, 1);
        QCOMPARE(body(out[0]).repeat->count, 2);
        for (qsizetype i = 1; i < out.size(); ++i)
            QVERIFY(!body(out[i]).repeat);
        QCOMPARE(body(out[5]).to, std::optional<QByteArray>("/d"));
    }

    void accessAfterTheWindowStartsANewEvent()
    {
        FileAggregator aggregator(std::chrono::seconds(1));
        QList<Event> out;
        aggregator.add(access(0, {7, 70}, FileOp::Open, "/a"), out);
        aggregator.flush(2 * kSecond, out);
        aggregator.add(access(2 * kSecond, {7, 70}, FileOp::Open, "/a"), out);
        aggregator.flushAll(out);
        QCOMPARE(out.size(), 2);
        QCOMPARE(out[1].mono, 2 * kSecond);
    }

    void boundedMemoryClosesTheOldestEarly()
    {
        FileAggregator aggregator(std::chrono::seconds(60), 3);
        QList<Event> out;
        for (int i = 0; i < 5; ++i)
            aggregator.add(access(i, {7, 70}, FileOp::Open, "/f" + QByteArray::number(i)), out);
        QCOMPARE(aggregator.pending(), 3);
        QCOMPARE(out.size(), 2);
        QCOMPARE(body(out[0]).path, QByteArray("/f0"));
        aggregator.add(access(9, {7, 70}, FileOp::Open, "/f0"), out); // counted again, as a new event
        aggregator.flushAll(out);
        qint64 total = 0;
        for (const Event &e : out)
            total += body(e).repeat ? body(e).repeat->count : 1;
        QCOMPARE(total, 6);
    }

    void zeroWindowPassesThrough()
    {
        FileAggregator aggregator(std::chrono::seconds(0));
        QList<Event> out;
        aggregator.add(access(0, {7, 70}, FileOp::Open, "/a"), out);
        aggregator.add(access(1, {7, 70}, FileOp::Open, "/a"), out);
        QCOMPARE(out.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestFileAggregator)
#include "tst_fileaggregator.moc"
