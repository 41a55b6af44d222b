// SPDX-License-Identifier: GPL-3.0-or-later
// The Timeline view: events per kind over time (for the selected host or all hosts) above one coverage lane per
// host, zoom and pan, and the time range that filters every view (SelectionHub::timeRange): Shift+drag or the
// select tool sets it, Esc clears it, and a range set by another view shows here as a band (brought into view when
// it is out of sight).
// It sits in the top dock: the range it selects narrows every view below it, as a video editor's or Wireshark's
// I/O graph time strip does, and it stays visible while the analyst works in the tabs.
// Queries run on a worker of the page's own (counts again at every zoom and pan, debounced; a stale answer is
// dropped by its generation number). The bucket size follows the visible span (about 4 px per bucket).
// Thread: the GUI thread.
#pragma once

#include "page.h"
#include "timelinedata.h"

#include <QFutureWatcher>
#include <QTimer>

class QAction;
class QComboBox;
class QLabel;
class QStackedWidget;

namespace Deck::Gui {

class CoverageLanesWidget;
class KindLegend;
class TimelineChartView;

class TimelinePage : public Page
{
    Q_OBJECT
public:
    explicit TimelinePage(Models::CaseSession &session, QWidget *parent = nullptr);
    ~TimelinePage() override;

    QString title() const override { return tr("Timeline"); }
    Placement placement() const override { return Placement::TopDock; }

    TimelineChartView *chart() const { return m_chart; }
    CoverageLanesWidget *lanes() const { return m_lanes; }
    const Models::TimelineHistogram &histogram() const { return m_histogram; }
    // Shows [from, to) (clamped to the case's extent, widened to a minimum span) and counts it again.
    void showTime(qint64 from, qint64 to);
    // The whole case.
    void resetView();
    QAction *clearRangeAction() const { return m_clearRange; }

Q_SIGNALS:
    void overviewLoaded(); // extent and coverage lanes of the open case arrived
    void countsLoaded(); // the counts of the current view arrived (or failed: see the chart's message)

private:
    void buildUi();
    QWidget *buildToolBar();
    void caseOpened();
    void caseClosed();
    void overviewArrived();
    void requestCounts();
    void countsArrived();
    void followHost(std::optional<qint64> hostId);
    void followTimeRange(const Core::TimeRange &range);
    void viewChanged();
    void showHoverInfo(qint64 ns, const QPoint &globalPos);
    void alignLanes();
    void showStatus();

    std::unique_ptr<Models::CaseWorker> m_worker;
    QFutureWatcher<Core::Expected<Models::TimelineOverview>> m_overviewWatcher;
    QFutureWatcher<std::pair<quint64, Core::Expected<Models::TimelineHistogram>>> m_countsWatcher;
    quint64 m_generation = 0;
    QTimer m_requery;
    bool m_counting = false;
    std::optional<Core::TimeRange> m_extent;
    Models::TimelineHistogram m_histogram;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QComboBox *m_hostBox = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_rangeLabel = nullptr;
    QAction *m_clearRange = nullptr;
    QAction *m_zoomToRange = nullptr;
    TimelineChartView *m_chart = nullptr;
    CoverageLanesWidget *m_lanes = nullptr;
    KindLegend *m_legend = nullptr;
};

} // namespace Deck::Gui
