// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline's chart: stacked step areas of events per kind over a time axis labelled in UTC, with the time no
// shown host recorded hatched behind them, the selected time range as a band, and the mouse and keys of a time
// view: the wheel zooms around the cursor, a drag pans (or, with Ctrl or the zoom tool, draws a rubber band to zoom
// into; with Shift or the select tool, selects a range), the arrow keys pan, + and - zoom, Home shows everything.
// It does not decide what is shown: it asks (viewRequested, rangeSelected) and the page answers with setView().
// Times are UTC ns; x values inside the chart are ms after origin() so that doubles keep sub-µs precision.
// Thread: the GUI thread.
#pragma once

#include "timelinehistogram.h"

#include <QChartView>

class QAbstractAxis;
class QCategoryAxis;
class QValueAxis;

namespace Deck::Gui {

class TimelineChartView : public QChartView
{
    Q_OBJECT
public:
    enum class Tool { Pan, Zoom, Select };

    explicit TimelineChartView(QWidget *parent = nullptr);

    void setTool(Tool tool) { m_tool = tool; }
    Tool tool() const { return m_tool; }
    // The plot starts `pixels` from the left edge (the coverage lanes' labels are as wide) so that a time has the
    // same x in the chart and in the lanes.
    void setLeftInset(int pixels);
    // The plot area in this widget's coordinates.
    QRectF plotRect() const;

    void setOrigin(qint64 ns) { m_origin = ns; }
    void setView(qint64 from, qint64 to);
    qint64 viewFrom() const { return m_from; }
    qint64 viewTo() const { return m_to; }
    qint64 nsAt(qreal x) const;
    qreal xOf(qint64 ns) const;

    void setHistogram(const Models::TimelineHistogram &histogram, const QStringList &shown);
    void setUnrecorded(const QList<std::pair<qint64, qint64>> &spans);
    void setSelection(const std::optional<std::pair<qint64, qint64>> &range);
    // Drawn in the middle of the plot (no events, loading, an error); empty to draw none.
    void setMessage(const QString &message);

    // Asks for a view zoomed by `factor` (< 1 zooms in) around `center`, or moved by `fraction` of its width.
    void requestZoom(qint64 center, double factor);
    void requestPan(double fraction);

Q_SIGNALS:
    void viewRequested(qint64 from, qint64 to);
    void rangeSelected(qint64 from, qint64 to);
    void hovered(qint64 ns, const QPoint &globalPos);
    void plotRectChanged();
    void resetRequested(); // Home: the whole case

protected:
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    enum class Drag { None, Pan, Zoom, Select };

    void layoutPlot();
    void updateTimeAxis();
    qreal chartX(qint64 ns) const { return qreal(ns - m_origin) / 1e6; }

    QCategoryAxis *m_timeAxis = nullptr;
    QValueAxis *m_countAxis = nullptr;
    Tool m_tool = Tool::Pan;
    int m_leftInset = 80;
    qint64 m_origin = 0;
    qint64 m_from = 0;
    qint64 m_to = 1;
    QList<std::pair<qint64, qint64>> m_unrecorded;
    std::optional<std::pair<qint64, qint64>> m_selection;
    QString m_message;
    Drag m_drag = Drag::None;
    QPoint m_pressPos;
    QPoint m_dragPos;
    qint64 m_pressFrom = 0;
    qint64 m_pressTo = 0;
};

} // namespace Deck::Gui
