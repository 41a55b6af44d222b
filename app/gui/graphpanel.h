// SPDX-License-Identifier: GPL-3.0-or-later
// A graph with its controls, shared by the file access graph and the network map: a tool row (what is shown and
// what was left out, a busy indicator, zoom, fit, clear), the GraphView, a time slider that limits the graph to the
// events up to a time T within the span (the hub's time range, else the case's extent; all the way right: no
// limit), and a legend. The panel runs the controller's requests: it drives setRange() from the hub's range and the
// slider (debounced) and shows changed() documents.
// Thread: the GUI thread.
#pragma once

#include "graphcontroller.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QSlider;

namespace Deck::Gui {

class GraphView;

class GraphPanel : public QWidget
{
    Q_OBJECT
public:
    // `legend`: the operations to explain (file operations), or empty for none.
    GraphPanel(Models::GraphController &controller, const QStringList &legend, QWidget *parent = nullptr);

    GraphView *view() const { return m_view; }
    QSlider *slider() const { return m_slider; }
    // The time span the slider covers (the hub's range, or the case's extent when the range is open).
    void setSpan(const Core::TimeRange &hubRange, const std::optional<Core::TimeRange> &extent);
    void setHubRange(const Core::TimeRange &hubRange) { setSpan(hubRange, m_extent); }
    // The range the graph is limited to now: the hub's range, cut at the slider's time.
    Core::TimeRange limitedRange() const;
    QString statusText() const;
    // What the status says when the graph holds only its seed (%1: the seed's label).
    void setLonelyText(const QString &text);

private:
    void showDocument();
    void sliderMoved();
    QWidget *createLegend(const QStringList &operations);

    Models::GraphController &m_controller;
    GraphView *m_view;
    QLabel *m_status;
    QLabel *m_busy;
    QSlider *m_slider;
    QLabel *m_sliderText;
    QTimer m_debounce;
    Core::TimeRange m_hubRange;
    std::optional<Core::TimeRange> m_extent;
    QString m_lonely;
};

} // namespace Deck::Gui
