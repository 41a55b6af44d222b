// SPDX-License-Identifier: GPL-3.0-or-later
// The Timeline page's wiring, offscreen on the fixture case: it loads the coverage and the counts off the GUI
// thread, a Shift+drag (or the select tool) sets the time range every view filters to, a range set elsewhere shows
// as its band, Clear Range clears it, the wheel and the keys zoom (and the counts come again in finer buckets), and
// the host follows the shared selection.
#include "coveragelaneswidget.h"
#include "guifixture.h"
#include "timelinechartview.h"
#include "timelinelegend.h"
#include "timelinepage.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

using namespace Qt::StringLiterals;
using namespace Deck;
using Deck::TestSupport::QueryScenario;

class TestTimelinePage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void loadsCoverageAndCounts();
    void shiftDragSetsTheTimeRange();
    void selectToolSetsTheTimeRange();
    void followsARangeFromAnotherView();
    void wheelAndKeysZoomAndCountAgain();
    void followsTheSelectedHost();
    void legendHidesKinds();
    void lanesDrawAGapOfUnknownStart();
    void emptyWhenClosed();

private:
    QPoint pointAt(qint64 ns) const;

    QTemporaryDir m_dir;
    QString m_case;
    std::unique_ptr<Models::CaseSession> m_session;
    std::unique_ptr<Gui::TimelinePage> m_page;
};

void TestTimelinePage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("FlightRecorderTests"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    const auto fixture = TestSupport::buildGuiCase(m_dir.path(), 2000);
    QVERIFY2(fixture.error.isEmpty(), qPrintable(fixture.error));
    m_case = fixture.location;
}

void TestTimelinePage::init()
{
    m_session = std::make_unique<Models::CaseSession>();
    m_page = std::make_unique<Gui::TimelinePage>(*m_session);
    m_page->resize(1200, 480);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QSignalSpy overview(m_page.get(), &Gui::TimelinePage::overviewLoaded);
    QSignalSpy counts(m_page.get(), &Gui::TimelinePage::countsLoaded);
    m_session->open(m_case);
    QVERIFY(overview.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(counts.count() > 0, 10000);
}

void TestTimelinePage::cleanup()
{
    m_page.reset();
    m_session.reset();
}

QPoint TestTimelinePage::pointAt(qint64 ns) const
{
    const auto *chart = m_page->chart();
    return QPoint(int(std::lround(chart->xOf(ns))), int(chart->plotRect().center().y()));
}

void TestTimelinePage::loadsCoverageAndCounts()
{
    QCOMPARE(m_page->lanes()->lanes().size(), 3);
    QCOMPARE(m_page->lanes()->lanes().at(0).hostname, u"alpha"_s);
    // The whole case is shown: alpha's incident at the start, gamma's bursts every ten minutes until 30 min.
    QVERIFY(m_page->chart()->viewFrom() <= QueryScenario::at(0));
    QVERIFY(m_page->chart()->viewTo() >= QueryScenario::at(30 * 60 * 1000));
    const auto &histogram = m_page->histogram();
    QVERIFY(histogram.bucketCount() >= 100);
    QVERIFY(histogram.kinds().contains(u"rec.loss"_s));
    QVERIFY(histogram.kinds().contains(u"file.access"_s));
    QVERIFY(histogram.from() <= m_page->chart()->viewFrom() && histogram.to() >= m_page->chart()->viewTo());
    QCOMPARE(histogram.count(u"rec.loss"_s, histogram.bucketAt(QueryScenario::at(110))), 1);
    // The lanes are drawn on the chart's scale.
    QCOMPARE(m_page->lanes()->labelWidth(), int(m_page->chart()->plotRect().left()));
}

void TestTimelinePage::shiftDragSetsTheTimeRange()
{
    auto &hub = m_session->selection();
    QSignalSpy changed(&hub, &Models::SelectionHub::timeRangeChanged);
    const qint64 from = QueryScenario::at(5 * 60 * 1000), to = QueryScenario::at(15 * 60 * 1000);
    auto *viewport = m_page->chart()->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, Qt::ShiftModifier, pointAt(from));
    QTest::mouseMove(viewport, pointAt((from + to) / 2));
    QTest::mouseMove(viewport, pointAt(to));
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::ShiftModifier, pointAt(to));
    QCOMPARE(changed.count(), 1);
    // Within the time one pixel covers.
    const qint64 pixel = (m_page->chart()->viewTo() - m_page->chart()->viewFrom()) / 1000;
    QVERIFY(hub.timeRange().from && hub.timeRange().to);
    QVERIFY2(std::abs(*hub.timeRange().from - from) <= pixel,
             qPrintable(QString::number(*hub.timeRange().from - from)));
    QVERIFY(std::abs(*hub.timeRange().to - to) <= pixel);
    // A plain drag pans (here: zoomed in, dragged 200 px to the left, so later times come into view); the range
    // stays.
    m_page->showTime(QueryScenario::at(0), QueryScenario::at(10 * 60 * 1000));
    const qint64 viewFrom = m_page->chart()->viewFrom();
    const QPoint start = m_page->chart()->plotRect().center().toPoint();
    QTest::mousePress(viewport, Qt::LeftButton, {}, start);
    QTest::mouseMove(viewport, start - QPoint(200, 0));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, start - QPoint(200, 0));
    QCOMPARE(changed.count(), 1);
    const double perPixel = double(10 * 60 * 1000) * 1e6 / m_page->chart()->plotRect().width();
    QVERIFY(std::abs(double(m_page->chart()->viewFrom() - viewFrom) - 200 * perPixel) < 2 * perPixel);

    m_page->clearRangeAction()->trigger();
    QCOMPARE(changed.count(), 2);
    QVERIFY(!hub.timeRange().from && !hub.timeRange().to);
}

void TestTimelinePage::selectToolSetsTheTimeRange()
{
    m_page->chart()->setTool(Gui::TimelineChartView::Tool::Select);
    const qint64 from = QueryScenario::at(2 * 60 * 1000), to = QueryScenario::at(4 * 60 * 1000);
    auto *viewport = m_page->chart()->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, {}, pointAt(from));
    QTest::mouseMove(viewport, pointAt(to));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, pointAt(to));
    const auto &range = m_session->selection().timeRange();
    QVERIFY(range.from && range.to && *range.from < *range.to);
    QVERIFY(*range.from >= from - 2'000'000'000 && *range.to <= to + 2'000'000'000);
}

void TestTimelinePage::followsARangeFromAnotherView()
{
    QVERIFY(!m_page->clearRangeAction()->isEnabled());
    m_session->selection().setTimeRange({QueryScenario::at(100), QueryScenario::at(1100)});
    QVERIFY(m_page->clearRangeAction()->isEnabled());
    // The band is drawn in the lanes too: the lanes' pixels inside it are tinted. Check through explain(), which
    // reads the same scale: a point in alpha's lane at @110 tells of the loss.
    m_page->showTime(QueryScenario::at(0), QueryScenario::at(1200));
    const QRectF plot = m_page->chart()->plotRect();
    const qint64 span = m_page->chart()->viewTo() - m_page->chart()->viewFrom();
    const int x = int(plot.left() + plot.width() * double(QueryScenario::at(112) - m_page->chart()->viewFrom()) / span);
    const QString text = m_page->lanes()->explain(QPoint(x, 10));
    QVERIFY2(text.contains(u"alpha"_s) && text.contains(u"17 events"_s), qPrintable(text));
    const int stopped
        = int(plot.left() + plot.width() * double(QueryScenario::at(600) - m_page->chart()->viewFrom()) / span);
    QVERIFY(m_page->lanes()->explain(QPoint(stopped, 10)).contains(u"rec.stop"_s));

    // A range chosen elsewhere out of sight is brought into view.
    const qint64 from = QueryScenario::at(20 * 60 * 1000), to = QueryScenario::at(21 * 60 * 1000);
    m_session->selection().setTimeRange({from, to});
    QVERIFY(m_page->chart()->viewFrom() < from && m_page->chart()->viewTo() > to);
    QVERIFY(m_page->chart()->viewTo() - m_page->chart()->viewFrom() < 2 * (to - from));
}

void TestTimelinePage::wheelAndKeysZoomAndCountAgain()
{
    QSignalSpy counts(m_page.get(), &Gui::TimelinePage::countsLoaded);
    const qint64 span = m_page->chart()->viewTo() - m_page->chart()->viewFrom();
    const qint64 bucket = m_page->histogram().bucket();
    auto *viewport = m_page->chart()->viewport();
    const QPoint at = pointAt(QueryScenario::at(1000));
    for (int i = 0; i < 8; ++i) {
        QWheelEvent wheel(at, viewport->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(viewport, &wheel);
    }
    const qint64 zoomed = m_page->chart()->viewTo() - m_page->chart()->viewFrom();
    QVERIFY2(zoomed < span / 5, qPrintable(u"%1 -> %2"_s.arg(span).arg(zoomed)));
    // The point under the cursor stays where it was.
    QVERIFY(std::abs(m_page->chart()->nsAt(at.x()) - QueryScenario::at(1000)) < zoomed / 100);
    QVERIFY(counts.wait(5000));
    QVERIFY(m_page->histogram().bucket() < bucket);
    QVERIFY(m_page->histogram().from() <= m_page->chart()->viewFrom());

    m_page->chart()->setFocus();
    QTest::keyClick(m_page->chart(), Qt::Key_Plus);
    QVERIFY(std::abs(m_page->chart()->viewTo() - m_page->chart()->viewFrom() - zoomed / 2) <= 1);
    const qint64 before = m_page->chart()->viewFrom();
    QTest::keyClick(m_page->chart(), Qt::Key_Right);
    QVERIFY(m_page->chart()->viewFrom() > before);
    QTest::keyClick(m_page->chart(), Qt::Key_Home);
    QCOMPARE(m_page->chart()->viewTo() - m_page->chart()->viewFrom(), span);

    // Ctrl+drag zooms into the rubber band, and sets no range.
    const qint64 from = QueryScenario::at(10 * 60 * 1000), to = QueryScenario::at(20 * 60 * 1000);
    QTest::mousePress(viewport, Qt::LeftButton, Qt::ControlModifier, pointAt(from));
    QTest::mouseMove(viewport, pointAt(to));
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::ControlModifier, pointAt(to));
    const qint64 pixel = span / 1000;
    QVERIFY(std::abs(m_page->chart()->viewFrom() - from) <= pixel);
    QVERIFY(std::abs(m_page->chart()->viewTo() - to) <= pixel);
    QVERIFY(!m_session->selection().timeRange().from);
}

void TestTimelinePage::followsTheSelectedHost()
{
    QSignalSpy counts(m_page.get(), &Gui::TimelinePage::countsLoaded);
    const qint64 all = m_page->histogram().totalEvents();
    const qint64 alphaId = m_page->lanes()->lanes().at(0).hostId;
    m_session->selection().setHost(alphaId);
    QVERIFY(counts.wait(5000));
    // queryfixture.h: alpha's 13 + 6 + 3 events; all hosts add beta's 2 and gamma's 2000 and the snapshots of its
    // accounts check at the top of its 4 archives (guifixture.cpp).
    QCOMPARE(m_page->histogram().totalEvents(), 22);
    QCOMPARE(all, 22 + 2 + 2000 + 4);
    // Clicking a lane's name selects its host.
    QTest::mouseClick(m_page->lanes(), Qt::LeftButton, {}, QPoint(5, 4 + 20 + 8));
    QCOMPARE(m_session->selection().host(), std::optional<qint64>(m_page->lanes()->lanes().at(1).hostId));
}

void TestTimelinePage::legendHidesKinds()
{
    const auto series = [this] { return m_page->chart()->chart()->series().size(); };
    const qsizetype before = series();
    QCOMPARE(before, m_page->histogram().kinds().size());
    auto *legend = m_page->findChild<Gui::KindLegend *>();
    QVERIFY(legend);
    QCheckBox *box = nullptr;
    for (auto *candidate : legend->findChildren<QCheckBox *>()) {
        if (candidate->text() == u"file.access"_s)
            box = candidate;
    }
    QVERIFY(box);
    box->click();
    QCOMPARE(series(), before - 1);
    QVERIFY(!legend->shown().contains(u"file.access"_s));
    // Remembered (QSettings): a new legend starts with it hidden.
    Gui::KindLegend another;
    another.setKinds({u"proc.exec"_s, u"file.access"_s});
    QCOMPARE(another.shown(), QStringList{u"proc.exec"_s});
    box->click();
    QCOMPARE(series(), before);
}

void TestTimelinePage::lanesDrawAGapOfUnknownStart()
{
    // Archives 1 and 2 of a host never arrived: the gap has no start, and is drawn from the left edge.
    Core::HostCoverage host{7, u"<b>delta</b>"_s, {}, {Core::ChainGap{1, 1, 2, std::nullopt, 5000}}, {}};
    Gui::CoverageLanesWidget lanes;
    lanes.resize(600, 40);
    lanes.setLanes(Models::buildCoverageLanes({host}, {{7, Core::TimeRange{5000, 9000}}}));
    lanes.setView(0, 10000, 100, 500);
    QVERIFY(!lanes.grab().isNull());
    const QString text = lanes.explain(QPoint(150, 10));
    QVERIFY2(text.contains(Models::coverageStateName(Models::CoverageState::ChainGap)), qPrintable(text));
    // A hostile host name is shown as text, not markup.
    QVERIFY2(text.contains(u"&lt;b&gt;delta"_s), qPrintable(text));
    QVERIFY(lanes.explain(QPoint(10, 10)).contains(u"&lt;b&gt;delta"_s));
}

void TestTimelinePage::emptyWhenClosed()
{
    m_session->close();
    QVERIFY(m_page->lanes()->lanes().isEmpty());
    QCOMPARE(m_page->histogram().bucketCount(), 0);
}

QTEST_MAIN(TestTimelinePage)
#include "tst_timelinepage.moc"
