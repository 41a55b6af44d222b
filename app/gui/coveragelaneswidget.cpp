// SPDX-License-Identifier: GPL-3.0-or-later
#include "coveragelaneswidget.h"

#include "timelinestyle.h"
#include "timescale.h"

#include <QFontMetrics>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace Deck::Gui {

namespace {
constexpr int kRowHeight = 16;
constexpr int kRowGap = 4;
constexpr int kLabelPadding = 8;
constexpr qreal kMinSegmentWidth = 3; // a loss of one instant stays visible
} // namespace

CoverageLanesWidget::CoverageLanesWidget(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void CoverageLanesWidget::setLanes(const QList<Models::CoverageLane> &lanes)
{
    m_lanes = lanes;
    updateGeometry();
    update();
}

void CoverageLanesWidget::setView(qint64 from, qint64 to, qreal left, qreal width)
{
    m_from = from;
    m_to = std::max(to, from + 1);
    m_left = left;
    m_width = std::max<qreal>(1, width);
    update();
}

void CoverageLanesWidget::setSelection(const std::optional<std::pair<qint64, qint64>> &range)
{
    m_selection = range;
    update();
}

void CoverageLanesWidget::setCurrentHost(std::optional<qint64> hostId)
{
    m_currentHost = hostId;
    update();
}

int CoverageLanesWidget::labelWidth() const
{
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    int widest = metrics.horizontalAdvance(tr("Coverage"));
    for (const Models::CoverageLane &lane : m_lanes)
        widest = std::max(widest, metrics.horizontalAdvance(lane.hostname));
    return std::min(widest, 220) + 2 * kLabelPadding;
}

QSize CoverageLanesWidget::sizeHint() const
{
    return {400, int(std::max<qsizetype>(1, m_lanes.size())) * (kRowHeight + kRowGap) + kRowGap};
}

QSize CoverageLanesWidget::minimumSizeHint() const
{
    return {100, sizeHint().height()};
}

QRectF CoverageLanesWidget::laneRect(int lane) const
{
    return {m_left, qreal(kRowGap + lane * (kRowHeight + kRowGap)), m_width, qreal(kRowHeight)};
}

int CoverageLanesWidget::laneAt(int y) const
{
    const int lane = (y - kRowGap / 2) / (kRowHeight + kRowGap);
    return y >= 0 && lane < m_lanes.size() ? lane : -1;
}

qreal CoverageLanesWidget::xOf(qint64 ns) const
{
    // In doubles: a segment of unknown start begins at the lowest qint64, which ns - m_from would overflow.
    return m_left + m_width * (double(ns) - double(m_from)) / double(m_to - m_from);
}

qint64 CoverageLanesWidget::nsAt(qreal x) const
{
    return m_from + qint64(std::llround((x - m_left) / m_width * double(m_to - m_from)));
}

void CoverageLanesWidget::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event);
    QPainter painter(this);
    if (m_lanes.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(int(m_left), 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                         tr("No hosts in the case: no coverage to show."));
        return;
    }
    for (int i = 0; i < m_lanes.size(); ++i) {
        const Models::CoverageLane &lane = m_lanes[i];
        const QRectF row = laneRect(i);
        const QRectF label(kLabelPadding / 2, row.top() - kRowGap / 2, m_left - kLabelPadding, row.height() + kRowGap);
        QFont font = this->font();
        const bool current = m_currentHost == lane.hostId;
        font.setBold(current);
        painter.setFont(font);
        if (current)
            painter.fillRect(label, palette().highlight().color().lighter(185));
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(label.adjusted(kLabelPadding / 2, 0, -kLabelPadding / 2, 0), Qt::AlignRight | Qt::AlignVCenter,
                         painter.fontMetrics().elidedText(lane.hostname, Qt::ElideMiddle, int(label.width())));

        painter.save();
        painter.setClipRect(row);
        paintCoverage(painter, row, Models::CoverageState::NotRecorded);
        for (const Models::CoverageSegment &segment : lane.segments) {
            qreal left = std::max(row.left() - 1, xOf(segment.from));
            qreal right = std::min(row.right() + 1, xOf(segment.to));
            if (right < row.left() || left > row.right())
                continue;
            if (right - left < kMinSegmentWidth) {
                const qreal middle = (left + right) / 2;
                left = middle - kMinSegmentWidth / 2;
                right = middle + kMinSegmentWidth / 2;
            }
            paintCoverage(painter, QRectF(left, row.top(), right - left, row.height()), segment.state);
        }
        painter.restore();
        painter.setPen(QColor(0xb0b0b0));
        painter.drawRect(row.adjusted(0, 0, -1, -1));
    }
    if (m_selection) {
        const qreal left = std::max(m_left, xOf(m_selection->first));
        const qreal right = std::min(m_left + m_width, xOf(m_selection->second));
        if (right >= left) {
            const QRectF band(left, 0, std::max<qreal>(1, right - left), height());
            painter.fillRect(band, selectionFill());
            painter.setPen(selectionEdge());
            painter.drawLine(band.topLeft(), band.bottomLeft());
            painter.drawLine(band.topRight(), band.bottomRight());
        }
    }
}

QString CoverageLanesWidget::explain(const QPoint &pos) const
{
    const int lane = laneAt(pos.y());
    if (lane < 0)
        return {};
    const Models::CoverageLane &host = m_lanes[lane];
    if (pos.x() < m_left)
        return QStringLiteral("<qt>%1</qt>")
            .arg(tr("%1: click to show its events in the chart.").arg(host.hostname.toHtmlEscaped()));
    const qint64 ns = nsAt(pos.x());
    QStringList lines{QStringLiteral("<b>%1</b> — %2").arg(host.hostname.toHtmlEscaped(), Models::utcText(ns))};
    // A short segment (a loss of one instant) is found within the pixels it is drawn on.
    const qint64 slack = qint64(std::llround(kMinSegmentWidth / m_width * double(m_to - m_from)));
    QList<Models::CoverageSegment> here = host.segmentsAt(ns);
    for (const Models::CoverageSegment &segment : host.segmentsOf(Models::CoverageState::Lost)) {
        if (!(segment.from <= ns && ns < segment.to) && segment.from <= ns + slack && ns - slack < segment.to)
            here.prepend(segment);
    }
    if (here.isEmpty())
        lines.append(QStringLiteral("<b>%1</b>: %2")
                         .arg(Models::coverageStateName(Models::CoverageState::NotRecorded),
                              Models::coverageStateMeaning(Models::CoverageState::NotRecorded)));
    for (const Models::CoverageSegment &segment : std::as_const(here))
        lines.append(QStringLiteral("<b>%1</b>: %2")
                         .arg(Models::coverageStateName(segment.state), segment.detail.toHtmlEscaped()));
    return QStringLiteral("<qt>") + lines.join(QStringLiteral("<br>")) + QStringLiteral("</qt>");
}

bool CoverageLanesWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = explain(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void CoverageLanesWidget::mousePressEvent(QMouseEvent *event)
{
    const int lane = laneAt(event->position().toPoint().y());
    if (event->button() == Qt::LeftButton && lane >= 0)
        Q_EMIT hostClicked(m_lanes[lane].hostId);
}

} // namespace Deck::Gui
