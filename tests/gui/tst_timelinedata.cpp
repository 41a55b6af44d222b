// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline's data, without widgets: nice steps and UTC tick labels (also when the local zone is not UTC),
// the histogram's zero-filled buckets and stacked outlines, and the coverage lanes of the fixture case read through
// the real queries: alpha's chain gap (seq 3), its crash before seq 4, its clean stop and its loss at @110..@115.
#include "guifixture.h"
#include "timelinedata.h"
#include "timescale.h"
#include "timetext.h"

#include <QTemporaryDir>
#include <QTest>
#include <ctime>

using namespace Qt::StringLiterals;
using namespace Deck;
using namespace Deck::Models;
using Deck::TestSupport::QueryScenario;

namespace {
constexpr qint64 kMs = 1'000'000;
constexpr qint64 kSecond = 1000 * kMs;

qint64 utc(const char *iso)
{
    return *Core::parseTime(QString::fromLatin1(iso));
}

QStringList spans(const QList<CoverageSegment> &segments)
{
    QStringList out;
    for (const CoverageSegment &segment : segments) {
        const auto at = [](qint64 ns) {
            if (ns == std::numeric_limits<qint64>::min())
                return u"?"_s;
            const qint64 offset = ns - QueryScenario::at(0);
            return offset % kMs ? u"@%1+%2ns"_s.arg(offset / kMs).arg(offset % kMs) : u"@%1"_s.arg(offset / kMs);
        };
        out.append(at(segment.from) + u".."_s + at(segment.to));
    }
    return out;
}
} // namespace

class TestTimelineData : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void niceSteps_data();
    void niceSteps();
    void ticksAreUtc_data();
    void ticksAreUtc();
    void durations();
    void histogramFillsAndStacks();
    void coverageOfTheFixture();
    void unrecordedTime();
    void gapAtTheChainStart();

private:
    QTemporaryDir m_dir;
    TimelineOverview m_overview;
};

void TestTimelineData::initTestCase()
{
    // The labels must be UTC whatever the analyst's zone is.
    qputenv("TZ", "America/New_York");
    tzset();
    QVERIFY(m_dir.isValid());
    const auto fixture = TestSupport::buildGuiCase(m_dir.path(), 400);
    QVERIFY2(fixture.error.isEmpty(), qPrintable(fixture.error));
    auto db = Core::Database::open(fixture.location);
    QVERIFY2(db.ok(), qPrintable(db.error().message));
    auto overview = loadTimelineOverview(**db);
    QVERIFY2(overview.ok(), qPrintable(overview.error().message));
    m_overview = *overview;
}

void TestTimelineData::niceSteps_data()
{
    QTest::addColumn<qint64>("at_least");
    QTest::addColumn<qint64>("step");
    QTest::newRow("one ns") << qint64(0) << qint64(1);
    QTest::newRow("3 ns") << qint64(3) << qint64(5);
    QTest::newRow("1.2 ms") << qint64(1'200'000) << qint64(2'000'000);
    QTest::newRow("700 ms") << 700 * kMs << kSecond;
    QTest::newRow("11 s") << 11 * kSecond << 15 * kSecond;
    QTest::newRow("40 s") << 40 * kSecond << 60 * kSecond;
    QTest::newRow("4 h") << 4 * 3600 * kSecond << 6 * 3600 * kSecond;
    QTest::newRow("9 days") << 9 * 86400 * kSecond << 14 * 86400 * kSecond;
}

void TestTimelineData::niceSteps()
{
    QFETCH(qint64, at_least);
    QFETCH(qint64, step);
    QCOMPARE(niceStepAtLeast(at_least), step);
    QCOMPARE(bucketFor(0, at_least * 200, 200), step);
}

void TestTimelineData::ticksAreUtc_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<QStringList>("labels");
    const qint64 t = utc("2025-10-09T08:55:23Z");
    QTest::newRow("seconds") << t << t + 30 * kSecond << QStringList{u"08:55:25"_s, u"08:55:30"_s, u"08:55:35"_s,
                                                                     u"08:55:40"_s, u"08:55:45"_s, u"08:55:50"_s};
    QTest::newRow("milliseconds") << t + 240 * kMs << t + 1240 * kMs
                                  << QStringList{u"08:55:23.400"_s, u"08:55:23.600"_s, u"08:55:23.800"_s,
                                                 u"08:55:24.000"_s, u"08:55:24.200"_s};
    QTest::newRow("microseconds") << t << t + 20'000
                                  << QStringList{u"08:55:23.000000"_s, u"08:55:23.000005"_s, u"08:55:23.000010"_s,
                                                 u"08:55:23.000015"_s, u"08:55:23.000020"_s};
    const qint64 evening = utc("2025-10-09T21:10:00Z");
    QTest::newRow("over midnight") << evening << evening + 5 * 3600 * kSecond
                                   << QStringList{u"10-09 22:00"_s, u"10-09 23:00"_s, u"10-10 00:00"_s,
                                                  u"10-10 01:00"_s, u"10-10 02:00"_s};
    QTest::newRow("days") << evening << evening + 20 * 86400 * kSecond
                          << QStringList{u"2025-10-16"_s, u"2025-10-23"_s}; // weeks from the epoch's Thursday
}

void TestTimelineData::ticksAreUtc()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(QStringList, labels);
    QStringList got;
    for (const TimeTick &tick : timeTicks(from, to, 6))
        got.append(tick.label);
    QCOMPARE(got, labels);
    QCOMPARE(utcText(utc("2025-10-09T08:55:23.25Z")), u"2025-10-09 08:55:23.250 UTC"_s);
    QCOMPARE(utcText(utc("2025-10-09T08:55:23.25Z"), kSecond), u"2025-10-09 08:55:23 UTC"_s);
}

void TestTimelineData::durations()
{
    QCOMPARE(durationText(10 * kSecond), u"10 s"_s);
    QCOMPARE(durationText(2500 * kMs), u"2.5 s"_s);
    QCOMPARE(durationText(250 * kMs), u"250 ms"_s);
    QCOMPARE(durationText(5400 * kSecond), u"1 h 30 min"_s);
    QCOMPARE(durationText(2 * 86400 * kSecond), u"2 d"_s);
    QCOMPARE(durationText(10'000), u"10 µs"_s);
}

void TestTimelineData::histogramFillsAndStacks()
{
    // Non-empty buckets only, as TimelineQueries returns them; one outside [from, to) is ignored.
    const QList<Core::TimelineBucket> buckets{{1000, u"proc.exec"_s, 2},
                                              {1000, u"file.access"_s, 3},
                                              {1030, u"file.access"_s, 1},
                                              {1050, u"zz.unknown"_s, 4},
                                              {1060, u"proc.exec"_s, 9}};
    const TimelineHistogram histogram(buckets, 1000, 1050, 10);
    QCOMPARE(histogram.bucketCount(), 5);
    QCOMPARE(histogram.kinds(), (QStringList{u"proc.exec"_s, u"file.access"_s}));
    QCOMPARE(histogram.count(u"file.access"_s, 1), 0); // a quiet bucket is a zero, not a hole
    QCOMPARE(histogram.count(u"file.access"_s, 3), 1);
    QCOMPARE(histogram.total(0), 5);
    QCOMPARE(histogram.totalEvents(), 6);
    QCOMPARE(histogram.bucketAt(1049), 4);
    QCOMPARE(histogram.bucketAt(1050), -1);
    QCOMPARE(histogram.maxStacked({u"proc.exec"_s, u"file.access"_s}), 5);
    QCOMPARE(histogram.maxStacked({u"file.access"_s}), 3);

    const auto x = [](qint64 ns) { return qreal(ns); };
    const auto outlines = histogram.stackedOutlines({u"proc.exec"_s, u"file.access"_s}, x);
    QCOMPARE(outlines.size(), 2);
    // proc.exec: 2 in the first bucket, then 0 to the end, as steps.
    QCOMPARE(outlines[0], (QList<QPointF>{{1000, 2}, {1010, 2}, {1010, 0}, {1050, 0}}));
    // file.access on top of it: 5, 0, 0, 1, 0.
    QCOMPARE(outlines[1],
             (QList<QPointF>{{1000, 5}, {1010, 5}, {1010, 0}, {1030, 0}, {1030, 1}, {1040, 1}, {1040, 0}, {1050, 0}}));
    // A hidden kind leaves the others unstacked.
    QCOMPARE(histogram.stackedOutlines({u"file.access"_s}, x).value(0).value(0), QPointF(1000, 3));
}

void TestTimelineData::coverageOfTheFixture()
{
    QCOMPARE(m_overview.lanes.size(), 3);
    const CoverageLane &alpha = m_overview.lanes[0];
    QCOMPARE(alpha.hostname, u"alpha"_s);
    QVERIFY(alpha.extent.has_value());
    QCOMPARE(alpha.extent->from, std::optional<qint64>(QueryScenario::at(0)));

    // Recorded: seq 1 until its rec.stop, seq 2 until it ends (then the crash and the missing seq 3), seq 4.
    QCOMPARE(spans(alpha.segmentsOf(CoverageState::Recorded)),
             (QStringList{u"@0..@120"_s, u"@1000..@1040"_s, u"@5000..@5020+1ns"_s}));
    QCOMPARE(spans(alpha.segmentsOf(CoverageState::Stopped)), QStringList{u"@120..@1000"_s});
    QCOMPARE(spans(alpha.segmentsOf(CoverageState::Crashed)), QStringList{u"@1040..@5000"_s});
    const auto gaps = alpha.segmentsOf(CoverageState::ChainGap);
    QCOMPARE(spans(gaps), QStringList{u"@1040..@5000"_s});
    QVERIFY2(gaps[0].detail.contains(u"Archive 3 "_s), qPrintable(gaps[0].detail));
    const auto losses = alpha.segmentsOf(CoverageState::Lost);
    QCOMPARE(spans(losses), QStringList{u"@110..@115+1ns"_s}); // last_ts is the last lost instant
    QVERIFY2(losses[0].detail.contains(u"17 events"_s) && losses[0].detail.contains(u"proc.ebpf: ring buffer full"_s),
             qPrintable(losses[0].detail));

    // What each moment shows: evidence (recorded, lost) apart from no evidence (stopped, crashed, missing, none).
    QCOMPARE(alpha.stateAt(QueryScenario::at(50)), CoverageState::Recorded);
    QCOMPARE(alpha.stateAt(QueryScenario::at(112)), CoverageState::Lost);
    QCOMPARE(alpha.stateAt(QueryScenario::at(500)), CoverageState::Stopped);
    QCOMPARE(alpha.stateAt(QueryScenario::at(2000)), CoverageState::ChainGap); // missing wins over "crashed"
    QCOMPARE(alpha.segmentsAt(QueryScenario::at(2000)).size(), 2);
    QCOMPARE(alpha.stateAt(QueryScenario::at(5010)), CoverageState::Recorded);
    QCOMPARE(alpha.stateAt(QueryScenario::at(-1)), CoverageState::NotRecorded);
    QCOMPARE(alpha.stateAt(QueryScenario::at(6000)), CoverageState::NotRecorded);

    const CoverageLane &beta = m_overview.lanes[1];
    QCOMPARE(beta.hostname, u"beta"_s);
    QCOMPARE(spans(beta.segments), QStringList{u"@10..@85+1ns"_s}); // recorded only: no loss, gap or downtime
    QCOMPARE(m_overview.lanes[2].hostname, u"gamma"_s);
    QVERIFY(m_overview.extent && m_overview.extent->from && m_overview.extent->to);
    QCOMPARE(*m_overview.extent->from, QueryScenario::at(0));
}

void TestTimelineData::unrecordedTime()
{
    const CoverageLane &alpha = m_overview.lanes[0];
    const CoverageLane &beta = m_overview.lanes[1];
    const auto at = QueryScenario::at;
    // Alpha alone: before its first event, its downtime and its missing archive, and after its last event.
    QCOMPARE(unrecordedSpans({alpha}, at(-100), at(6000)),
             (QList<std::pair<qint64, qint64>>{
                 {at(-100), at(0)}, {at(120), at(1000)}, {at(1040), at(5000)}, {at(5020) + 1, at(6000)}}));
    // With beta too: beta recorded @10..@85, inside alpha's first run, so nothing changes before @120.
    QCOMPARE(unrecordedSpans({alpha, beta}, at(0), at(200)), (QList<std::pair<qint64, qint64>>{{at(120), at(200)}}));
}

void TestTimelineData::gapAtTheChainStart()
{
    // Archives 1 and 2 never arrived and 3 is the first in the case: their time is unknown, before seq 3's start.
    Core::HostCoverage host{7, u"delta"_s, {}, {Core::ChainGap{1, 1, 2, std::nullopt, 5000}}, {}};
    const auto lanes = buildCoverageLanes({host}, {{7, Core::TimeRange{5000, 9000}}});
    QCOMPARE(lanes.size(), 1);
    const auto gaps = lanes[0].segmentsOf(CoverageState::ChainGap);
    QCOMPARE(gaps.size(), 1);
    QCOMPARE(gaps[0].from, std::numeric_limits<qint64>::min());
    QVERIFY2(gaps[0].detail.contains(u"Archives 1 to 2"_s) && gaps[0].detail.contains(u"recorded before"_s),
             qPrintable(gaps[0].detail));
    QCOMPARE(lanes[0].stateAt(-1'000'000), CoverageState::ChainGap);
    QCOMPARE(lanes[0].stateAt(6000), CoverageState::Recorded);
    QCOMPARE(unrecordedSpans(lanes, 0, 10000), (QList<std::pair<qint64, qint64>>{{0, 5000}, {9000, 10000}}));
}

QTEST_GUILESS_MAIN(TestTimelineData)
#include "tst_timelinedata.moc"
