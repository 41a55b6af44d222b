// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinechartview.h"

#include "timelinestyle.h"
#include "timescale.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QLineSeries>
#include <QMouseEvent>
#include <QValueAxis>
#include <cmath>
#include <utility>

namespace Deck::Gui {

namespace {

constexpr int kTopMargin = 12;
constexpr int kRightMargin = 16;
constexpr int kBottomMargin = 46; // tick labels and the axis title
constexpr int kDragThreshold = 4;
constexpr double kWheelZoom = 0.8; // per wheel notch

// A 1-2-5 step for the count axis, so that its labels are whole numbers.
qint64 countStep(qint64 highest)
{
    for (qint64 decade = 1;; decade *= 10) {
        for (const qint64 factor : {1, 2, 5}) {
            if (highest <= 5 * decade * factor)
                return decade * factor;
        }
    }
}

} // namespace

TimelineChartView::TimelineChartView(QWidget *parent)
    : QChartView(parent)
    , m_timeAxis(new QCategoryAxis)
    , m_countAxis(new QValueAxis)
{
    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setBackgroundVisible(false);
    chart->setMargins(QMargins());
    m_timeAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_timeAxis->setTitleText(tr("Time (UTC)"));
    m_countAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_countAxis->setTickType(QValueAxis::TicksDynamic);
    m_countAxis->setTickAnchor(0);
    m_countAxis->setMinorGridLineVisible(false);
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_countAxis)}) {
        QFont title = axis->titleFont();
        title.setPointSizeF(title.pointSizeF() * 0.9);
        title.setBold(false);
        axis->setTitleFont(title);
        axis->setGridLineColor(QColor(0xe4e4e4));
    }
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_countAxis, Qt::AlignLeft);
    setChart(chart);
    setFrameShape(QFrame::NoFrame);
    setRenderHint(QPainter::Antialiasing, false); // steps stay crisp
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumHeight(180);
    setView(0, 1);
    setHistogram({}, {});
}

void TimelineChartView::setLeftInset(int pixels)
{
    if (m_leftInset == pixels)
        return;
    m_leftInset = pixels;
    layoutPlot();
}

QRectF TimelineChartView::plotRect() const
{
    return chart()->plotArea();
}

void TimelineChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    layoutPlot();
}

void TimelineChartView::layoutPlot()
{
    const QRectF plot(m_leftInset, kTopMargin, std::max(10, width() - m_leftInset - kRightMargin),
                      std::max(10, height() - kTopMargin - kBottomMargin));
    if (chart()->plotArea() == plot)
        return;
    chart()->setPlotArea(plot);
    updateTimeAxis();
    Q_EMIT plotRectChanged();
}

void TimelineChartView::setView(qint64 from, qint64 to)
{
    m_from = from;
    m_to = std::max(to, from + 1);
    m_timeAxis->setRange(chartX(m_from), chartX(m_to));
    updateTimeAxis();
    viewport()->update();
}

void TimelineChartView::updateTimeAxis()
{
    for (const QString &label : m_timeAxis->categoriesLabels())
        m_timeAxis->remove(label);
    const int maxTicks = std::max(2, int(plotRect().width() / 110));
    const auto ticks = Models::timeTicks(m_from, m_to, maxTicks);
    m_timeAxis->setStartValue(chartX(m_from) - 1); // below the first tick, which may be at m_from itself
    for (const Models::TimeTick &tick : ticks)
        m_timeAxis->append(tick.label, chartX(tick.ns));
    // The date goes into the title when every tick is on one day (the labels then show the time of day only).
    const QString first = Models::utcText(m_from, 1'000'000'000).left(10);
    const QString last = Models::utcText(m_to - 1, 1'000'000'000).left(10);
    m_timeAxis->setTitleText(first == last ? tr("Time (UTC), %1").arg(first) : tr("Time (UTC)"));
}

qint64 TimelineChartView::nsAt(qreal x) const
{
    const QRectF plot = plotRect();
    const double fraction = plot.width() > 0 ? (x - plot.left()) / plot.width() : 0;
    return m_from + qint64(std::llround(fraction * double(m_to - m_from)));
}

qreal TimelineChartView::xOf(qint64 ns) const
{
    const QRectF plot = plotRect();
    return plot.left() + plot.width() * (double(ns) - double(m_from)) / double(m_to - m_from);
}

void TimelineChartView::setHistogram(const Models::TimelineHistogram &histogram, const QStringList &shown)
{
    chart()->removeAllSeries();
    const QStringList kinds = histogram.kinds();
    const auto outlines = histogram.stackedOutlines(shown, [this](qint64 ns) { return chartX(ns); });
    QLineSeries *below = nullptr;
    qsizetype outline = 0;
    for (const QString &kind : kinds) {
        if (!shown.contains(kind))
            continue;
        auto *upper = new QLineSeries;
        upper->replace(outlines[outline++]);
        auto *area = new QAreaSeries(upper, below);
        upper->setParent(area);
        area->setName(kind);
        const QColor colour = kindColor(kind);
        area->setColor(colour);
        area->setBorderColor(colour.darker(125));
        chart()->addSeries(area);
        area->attachAxis(m_timeAxis);
        area->attachAxis(m_countAxis);
        below = upper;
    }
    const qint64 highest = std::max<qint64>(1, histogram.maxStacked(shown));
    const qint64 step = countStep(highest);
    m_countAxis->setTickInterval(double(step));
    m_countAxis->setRange(0, double((highest / step + 1) * step)); // headroom: the highest stack never touches the top
    m_countAxis->setTitleText(
        histogram.bucketCount() > 0 ? tr("events per %1").arg(Models::durationText(histogram.bucket())) : tr("events"));
}

void TimelineChartView::setUnrecorded(const QList<std::pair<qint64, qint64>> &spans)
{
    m_unrecorded = spans;
    viewport()->update();
}

void TimelineChartView::setSelection(const std::optional<std::pair<qint64, qint64>> &range)
{
    m_selection = range;
    viewport()->update();
}

void TimelineChartView::setMessage(const QString &message)
{
    m_message = message;
    viewport()->update();
}

void TimelineChartView::requestZoom(qint64 center, double factor)
{
    const double span = double(m_to - m_from) * factor;
    const double left = double(center - m_from) / double(m_to - m_from);
    const qint64 from = center - qint64(std::llround(span * left));
    Q_EMIT viewRequested(from, from + std::max<qint64>(1, qint64(std::llround(span))));
}

void TimelineChartView::requestPan(double fraction)
{
    const qint64 shift = qint64(std::llround(double(m_to - m_from) * fraction));
    Q_EMIT viewRequested(m_from + shift, m_to + shift);
}

void TimelineChartView::wheelEvent(QWheelEvent *event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0) {
        event->ignore();
        return;
    }
    requestZoom(nsAt(event->position().x()), std::pow(kWheelZoom, notches));
    event->accept();
}

void TimelineChartView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !plotRect().contains(event->position())) {
        event->ignore();
        return;
    }
    setFocus(Qt::MouseFocusReason);
    m_pressPos = m_dragPos = event->position().toPoint();
    m_pressFrom = m_from;
    m_pressTo = m_to;
    if (event->modifiers() & Qt::ShiftModifier || m_tool == Tool::Select)
        m_drag = Drag::Select;
    else if (event->modifiers() & Qt::ControlModifier || m_tool == Tool::Zoom)
        m_drag = Drag::Zoom;
    else
        m_drag = Drag::Pan;
    if (m_drag == Drag::Pan)
        viewport()->setCursor(Qt::ClosedHandCursor);
    event->accept();
}

void TimelineChartView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_drag == Drag::None) {
        if (plotRect().contains(event->position()))
            Q_EMIT hovered(nsAt(pos.x()), event->globalPosition().toPoint());
        return;
    }
    m_dragPos = pos;
    if (m_drag == Drag::Pan) {
        const double perPixel = double(m_pressTo - m_pressFrom) / std::max(1.0, plotRect().width());
        const qint64 shift = qint64(std::llround(double(m_pressPos.x() - pos.x()) * perPixel));
        Q_EMIT viewRequested(m_pressFrom + shift, m_pressTo + shift);
    }
    viewport()->update();
}

void TimelineChartView::mouseReleaseEvent(QMouseEvent *event)
{
    const Drag drag = std::exchange(m_drag, Drag::None);
    viewport()->unsetCursor();
    viewport()->update();
    if (drag == Drag::None || event->button() != Qt::LeftButton)
        return;
    const QRectF plot = plotRect();
    const qreal x0 = std::clamp<qreal>(std::min(m_pressPos.x(), m_dragPos.x()), plot.left(), plot.right());
    const qreal x1 = std::clamp<qreal>(std::max(m_pressPos.x(), m_dragPos.x()), plot.left(), plot.right());
    if (x1 - x0 < kDragThreshold)
        return;
    if (drag == Drag::Zoom)
        Q_EMIT viewRequested(nsAt(x0), nsAt(x1));
    else if (drag == Drag::Select)
        Q_EMIT rangeSelected(nsAt(x0), nsAt(x1));
}

void TimelineChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    // Zooms in twice around the point, as in map and waveform views.
    if (plotRect().contains(event->position()))
        requestZoom(nsAt(event->position().x()), 0.25);
}

void TimelineChartView::keyPressEvent(QKeyEvent *event)
{
    const qint64 center = m_from + (m_to - m_from) / 2;
    switch (event->key()) {
    case Qt::Key_Left:
        requestPan(event->modifiers() & Qt::ShiftModifier ? -0.5 : -0.1);
        break;
    case Qt::Key_Right:
        requestPan(event->modifiers() & Qt::ShiftModifier ? 0.5 : 0.1);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        requestZoom(center, 0.5);
        break;
    case Qt::Key_Minus:
        requestZoom(center, 2.0);
        break;
    case Qt::Key_Home:
        Q_EMIT resetRequested();
        break;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void TimelineChartView::drawBackground(QPainter *painter, const QRectF &rect)
{
    painter->fillRect(rect, palette().base());
    const QRectF plot = plotRect();
    for (const auto &[from, to] : std::as_const(m_unrecorded)) {
        const qreal left = std::max(plot.left(), xOf(from));
        const qreal right = std::min(plot.right(), xOf(to));
        if (right > left)
            painter->fillRect(QRectF(left, plot.top(), right - left, plot.height()), unrecordedBrush());
    }
}

void TimelineChartView::drawForeground(QPainter *painter, const QRectF &rect)
{
    Q_UNUSED(rect);
    const QRectF plot = plotRect();
    painter->save();
    painter->setClipRect(plot);
    if (m_selection) {
        const qreal left = std::max(plot.left() - 1, xOf(m_selection->first));
        const qreal right = std::min(plot.right() + 1, xOf(m_selection->second));
        if (right >= left) {
            const QRectF band(left, plot.top(), std::max<qreal>(1, right - left), plot.height());
            painter->fillRect(band, selectionFill());
            painter->setPen(QPen(selectionEdge(), 1));
            painter->drawLine(band.topLeft(), band.bottomLeft());
            painter->drawLine(band.topRight(), band.bottomRight());
        }
    }
    if (m_drag == Drag::Zoom || m_drag == Drag::Select) {
        const qreal left = std::min(m_pressPos.x(), m_dragPos.x());
        const QRectF band(left, plot.top(), std::abs(m_dragPos.x() - m_pressPos.x()), plot.height());
        painter->fillRect(band, m_drag == Drag::Select ? selectionFill() : QColor(0, 0, 0, 25));
        painter->setPen(QPen(m_drag == Drag::Select ? selectionEdge() : QColor(0x606060), 1, Qt::DashLine));
        painter->drawRect(band);
    }
    if (!m_message.isEmpty()) {
        QFont font = painter->font();
        font.setPointSizeF(font.pointSizeF() * 1.1);
        painter->setFont(font);
        painter->setPen(palette().color(QPalette::PlaceholderText));
        painter->drawText(plot.adjusted(20, 10, -20, -10), Qt::AlignCenter | Qt::TextWordWrap, m_message);
    }
    painter->restore();
}

} // namespace Deck::Gui
