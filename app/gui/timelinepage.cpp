// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinepage.h"

#include "coveragelaneswidget.h"
#include "timelinechartview.h"
#include "timelinelegend.h"
#include "timelinestyle.h"
#include "timescale.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <limits>

namespace Deck::Gui {

namespace {
constexpr qint64 kMinSpan = 100'000; // 100 µs: finer than the collector's clocks are worth
constexpr int kPixelsPerBucket = 4;
constexpr int kRequeryDelayMs = 120;

std::optional<std::pair<qint64, qint64>> band(const Core::TimeRange &range)
{
    if (!range.from && !range.to)
        return std::nullopt;
    return std::pair{range.from.value_or(std::numeric_limits<qint64>::min() / 2),
                     range.to.value_or(std::numeric_limits<qint64>::max() / 2)};
}
} // namespace

TimelinePage::TimelinePage(Models::CaseSession &session, QWidget *parent)
    : Page(session, parent)
{
    buildUi();
    m_requery.setSingleShot(true);
    m_requery.setInterval(kRequeryDelayMs);
    connect(&m_requery, &QTimer::timeout, this, &TimelinePage::requestCounts);
    connect(&m_overviewWatcher, &QFutureWatcherBase::finished, this, &TimelinePage::overviewArrived);
    connect(&m_countsWatcher, &QFutureWatcherBase::finished, this, &TimelinePage::countsArrived);
    connect(&session, &Models::CaseSession::opened, this, &TimelinePage::caseOpened);
    connect(&session, &Models::CaseSession::closed, this, &TimelinePage::caseClosed);
    auto &hub = session.selection();
    connect(&hub, &Models::SelectionHub::hostChanged, this, &TimelinePage::followHost);
    connect(&hub, &Models::SelectionHub::timeRangeChanged, this, &TimelinePage::followTimeRange);
    caseClosed();
}

TimelinePage::~TimelinePage()
{
    m_countsWatcher.cancel();
    m_overviewWatcher.cancel();
    m_worker.reset(); // waits for a running query before the watchers go
}

void TimelinePage::buildUi()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    outer->addWidget(buildToolBar());
    // The range every view is filtered to, on a line of its own so that it is never cut off.
    m_rangeLabel = new QLabel(this);
    m_rangeLabel->setContentsMargins(8, 2, 8, 2);
    m_rangeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outer->addWidget(m_rangeLabel);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack, 1);
    m_placeholder = new QLabel(this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_stack->addWidget(m_placeholder);

    auto *content = new QWidget(this);
    auto *grid = new QGridLayout(content);
    grid->setContentsMargins(0, 0, 6, 4);
    grid->setHorizontalSpacing(0);
    grid->setVerticalSpacing(2);
    m_chart = new TimelineChartView(content);
    m_lanes = new CoverageLanesWidget(content);
    auto *lanesScroll = new QScrollArea(content);
    lanesScroll->setWidget(m_lanes);
    lanesScroll->setWidgetResizable(true);
    lanesScroll->setFrameShape(QFrame::NoFrame);
    lanesScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    lanesScroll->setMaximumHeight(8 * 20 + 6); // a fleet scrolls; a few hosts show whole
    lanesScroll->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    m_legend = new KindLegend(content);
    grid->addWidget(m_chart, 0, 0);
    grid->addWidget(m_legend, 0, 1);
    grid->addWidget(lanesScroll, 1, 0);
    auto *coverageLegend = createCoverageLegend(content);
    coverageLegend->setContentsMargins(8, 0, 0, 0);
    grid->addWidget(coverageLegend, 2, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setRowStretch(0, 1);
    m_stack->addWidget(content);

    connect(m_chart, &TimelineChartView::viewRequested, this, &TimelinePage::showTime);
    connect(m_chart, &TimelineChartView::rangeSelected, this, [this](qint64 from, qint64 to) {
        session().selection().setTimeRange({from, to});
    });
    connect(m_chart, &TimelineChartView::resetRequested, this, &TimelinePage::resetView);
    connect(m_chart, &TimelineChartView::hovered, this, &TimelinePage::showHoverInfo);
    connect(m_chart, &TimelineChartView::plotRectChanged, this, &TimelinePage::alignLanes);
    connect(m_lanes, &CoverageLanesWidget::hostClicked, this,
            [this](qint64 hostId) { session().selection().setHost(hostId); });
    connect(m_legend, &KindLegend::shownChanged, this,
            [this] { m_chart->setHistogram(m_histogram, m_legend->shown()); });
}

void TimelinePage::caseOpened()
{
    m_worker = session().openWorker();
    m_placeholder->setText(tr("Reading the coverage of %1...").arg(session().name()));
    m_overviewWatcher.setFuture(m_worker->run([](Core::Database &db) { return Models::loadTimelineOverview(db); }));
}

void TimelinePage::caseClosed()
{
    m_requery.stop();
    m_countsWatcher.cancel();
    m_overviewWatcher.cancel();
    m_worker.reset();
    m_extent.reset();
    m_histogram = {};
    m_lanes->setLanes({});
    m_hostBox->clear();
    m_lanes->setCurrentHost(std::nullopt);
    followTimeRange({});
    m_stack->setCurrentWidget(m_placeholder);
    m_placeholder->setText(tr("No case is open. Open one (Case > Open Case...) to see its events over time and "
                              "what each host's collector recorded, lost or missed."));
}

void TimelinePage::overviewArrived()
{
    if (!m_worker || m_overviewWatcher.future().resultCount() == 0)
        return; // cancelled, or an answer about a case closed since
    const auto overview = m_overviewWatcher.result();
    if (!overview) {
        m_placeholder->setText(tr("Cannot show the timeline: %1").arg(overview.error().message));
        Q_EMIT overviewLoaded();
        return;
    }
    m_extent = overview->extent;
    m_lanes->setLanes(overview->lanes);
    {
        const QSignalBlocker blocker(m_hostBox);
        m_hostBox->clear();
        m_hostBox->addItem(tr("All hosts"));
        for (const Models::CoverageLane &lane : overview->lanes)
            m_hostBox->addItem(lane.hostname, lane.hostId);
    }
    if (!m_extent) {
        m_placeholder->setText(
            tr("The case %1 holds no archives yet: import or pull some to see a timeline.").arg(session().name()));
        Q_EMIT overviewLoaded();
        return;
    }
    m_stack->setCurrentIndex(1);
    m_chart->setLeftInset(m_lanes->labelWidth());
    m_chart->setOrigin(*m_extent->from);
    followHost(session().selection().host());
    followTimeRange(session().selection().timeRange());
    resetView();
    Q_EMIT overviewLoaded();
}

void TimelinePage::resetView()
{
    if (!m_extent)
        return;
    // A little room either side, so that the first and last events are not on the frame.
    const qint64 span = std::max(kMinSpan, *m_extent->to - *m_extent->from);
    showTime(*m_extent->from - span / 50, *m_extent->to + span / 50);
}

void TimelinePage::showTime(qint64 from, qint64 to)
{
    if (!m_extent)
        return;
    const qint64 fullSpan = std::max(kMinSpan, *m_extent->to - *m_extent->from);
    const qint64 lowest = *m_extent->from - fullSpan / 50;
    const qint64 highest = *m_extent->to + fullSpan / 50;
    const qint64 span = std::clamp(to - from, kMinSpan, highest - lowest);
    const qint64 center = from + (to - from) / 2;
    const qint64 start = std::clamp(center - span / 2, lowest, highest - span);
    if (start == m_chart->viewFrom() && start + span == m_chart->viewTo())
        return;
    m_chart->setView(start, start + span);
    viewChanged();
}

void TimelinePage::viewChanged()
{
    alignLanes();
    QList<Models::CoverageLane> shown;
    const auto host = session().selection().host();
    for (const Models::CoverageLane &lane : m_lanes->lanes()) {
        if (!host || lane.hostId == *host)
            shown.append(lane);
    }
    m_chart->setUnrecorded(Models::unrecordedSpans(shown, m_chart->viewFrom(), m_chart->viewTo()));
    m_requery.start();
    m_counting = true;
    showStatus();
}

void TimelinePage::alignLanes()
{
    const QRectF plot = m_chart->plotRect();
    m_lanes->setView(m_chart->viewFrom(), m_chart->viewTo(), plot.left(), plot.width());
}

void TimelinePage::requestCounts()
{
    if (!m_worker || !m_extent)
        return;
    const qint64 from = m_chart->viewFrom(), to = m_chart->viewTo();
    const int buckets = std::max(10, int(m_chart->plotRect().width()) / kPixelsPerBucket);
    const qint64 bucket = Models::bucketFor(from, to, buckets);
    // Buckets aligned to the epoch stay put while the view pans; the query covers the buckets the view touches.
    const qint64 queryFrom = Models::floorTo(from, bucket), queryTo = Models::ceilTo(to, bucket);
    const quint64 generation = ++m_generation;
    const auto host = session().selection().host();
    m_countsWatcher.cancel(); // skipped if it has not started
    m_countsWatcher.setFuture(m_worker->run([=](Core::Database &db) {
        return std::pair{generation, Models::loadTimelineHistogram(db, host, queryFrom, queryTo, bucket)};
    }));
}

void TimelinePage::countsArrived()
{
    if (!m_worker || m_countsWatcher.future().resultCount() == 0)
        return;
    const auto [generation, histogram] = m_countsWatcher.result();
    if (generation != m_generation)
        return;
    m_counting = false;
    if (!histogram) {
        m_histogram = {};
        m_chart->setHistogram(m_histogram, {});
        m_chart->setMessage(tr("Cannot count the events: %1").arg(histogram.error().message));
    } else {
        m_histogram = *histogram;
        m_legend->setKinds(m_histogram.kinds());
        m_chart->setHistogram(m_histogram, m_legend->shown());
        m_chart->setMessage(m_histogram.totalEvents() == 0 ? tr("No events in this time.") : QString());
    }
    showStatus();
    Q_EMIT countsLoaded();
}

void TimelinePage::followHost(std::optional<qint64> hostId)
{
    const int index = hostId ? m_hostBox->findData(*hostId) : 0;
    {
        const QSignalBlocker blocker(m_hostBox);
        m_hostBox->setCurrentIndex(std::max(0, index));
    }
    m_lanes->setCurrentHost(hostId);
    if (m_extent)
        viewChanged();
}

void TimelinePage::followTimeRange(const Core::TimeRange &range)
{
    m_chart->setSelection(band(range));
    m_lanes->setSelection(band(range));
    m_clearRange->setEnabled(range.from || range.to);
    m_zoomToRange->setEnabled(range.from && range.to);
    if (!range.from && !range.to) {
        m_rangeLabel->setText(tr("No time range selected (Shift+drag in the chart): every view shows all times."));
        m_rangeLabel->setStyleSheet(QString());
        return;
    }
    const QString from = range.from ? Models::utcText(*range.from) : tr("the beginning");
    QString to = range.to ? Models::utcText(*range.to) : tr("the end");
    if (range.from && range.to && from.left(10) == to.left(10))
        to = to.mid(11); // the same day: its time only
    const QString length = range.from && range.to ? Models::durationText(*range.to - *range.from) : QString();
    m_rangeLabel->setText(length.isEmpty()
                              ? tr("Range %1 to %2: every view shows only this.").arg(from, to)
                              : tr("Range %1 to %2 (%3): every view shows only this.").arg(from, to, length));
    m_rangeLabel->setStyleSheet(QStringLiteral("color: %1; font-weight: bold").arg(selectionEdge().name()));
    // A range another view chose out of sight is brought into view, with a margin either side.
    if (m_extent && range.from && range.to && (*range.to <= m_chart->viewFrom() || *range.from >= m_chart->viewTo())) {
        const qint64 margin = (*range.to - *range.from) / 4;
        showTime(*range.from - margin, *range.to + margin);
    }
}

void TimelinePage::showStatus()
{
    if (!m_extent) {
        m_status->clear();
        return;
    }
    const QString view = tr("%1 to %2").arg(Models::utcText(m_chart->viewFrom()), Models::utcText(m_chart->viewTo()));
    m_status->setToolTip(tr("Shown: %1").arg(view));
    if (m_counting) {
        m_status->setText(tr("Counting events..."));
        return;
    }
    m_status->setText(
        tr("%1 events shown, %2 per bucket")
            .arg(QLocale().toString(m_histogram.totalEvents()), Models::durationText(m_histogram.bucket())));
}

} // namespace Deck::Gui
