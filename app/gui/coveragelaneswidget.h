// SPDX-License-Identifier: GPL-3.0-or-later
// The coverage lanes under the timeline's chart: one row per host, drawn on the chart's time scale (setView() with
// the chart's plot area), showing what the case saw of the host (Models::CoverageLane): recorded time solid green,
// losses solid magenta, and hatched where there is no evidence — no archive, the collector stopped or gone, archives
// missing from the chain. Hovering explains the place; clicking a row selects its host.
// Thread: the GUI thread.
#pragma once

#include "coveragelanes.h"

#include <QWidget>

namespace Deck::Gui {

class CoverageLanesWidget : public QWidget
{
    Q_OBJECT
public:
    explicit CoverageLanesWidget(QWidget *parent = nullptr);

    void setLanes(const QList<Models::CoverageLane> &lanes);
    const QList<Models::CoverageLane> &lanes() const { return m_lanes; }
    // The time scale: [from, to) spans `width` pixels starting at x = `left`.
    void setView(qint64 from, qint64 to, qreal left, qreal width);
    void setSelection(const std::optional<std::pair<qint64, qint64>> &range);
    void setCurrentHost(std::optional<qint64> hostId);
    // Pixels the host names need left of the lanes.
    int labelWidth() const;
    // What the tooltip at `pos` says: the host, the time and every coverage state there with its explanation.
    QString explain(const QPoint &pos) const;
    // The lane under `y`, or -1.
    int laneAt(int y) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void hostClicked(qint64 hostId);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    QRectF laneRect(int lane) const;
    qreal xOf(qint64 ns) const;
    qint64 nsAt(qreal x) const;

    QList<Models::CoverageLane> m_lanes;
    std::optional<std::pair<qint64, qint64>> m_selection;
    std::optional<qint64> m_currentHost;
    qint64 m_from = 0;
    qint64 m_to = 1;
    qreal m_left = 80;
    qreal m_width = 100;
};

} // namespace Deck::Gui
