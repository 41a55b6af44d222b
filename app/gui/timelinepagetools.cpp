// SPDX-License-Identifier: GPL-3.0-or-later
// The Timeline page's tool bar (host, zoom, tools, the range actions) and the chart's hover text.
#include "coveragelaneswidget.h"
#include "timelinechartview.h"
#include "timelinepage.h"
#include "timescale.h"

#include <QActionGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolBar>
#include <QToolTip>

namespace Deck::Gui {

namespace {

QAction *makeAction(QToolBar *bar, const QString &text, const QString &tip, const QList<QKeySequence> &keys)
{
    auto *action = bar->addAction(text);
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut); // only while the timeline has the focus
    const QString key = keys.isEmpty() ? QString() : keys.first().toString(QKeySequence::NativeText);
    action->setToolTip(key.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, key));
    return action;
}

} // namespace

QWidget *TimelinePage::buildToolBar()
{
    auto *bar = new QToolBar(this);
    bar->setIconSize(QSize(16, 16));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addWidget(new QLabel(tr("Host: "), bar));
    m_hostBox = new QComboBox(bar);
    m_hostBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_hostBox->setToolTip(tr("Count the events of one host, or of all hosts"));
    connect(m_hostBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QVariant id = m_hostBox->itemData(index);
        session().selection().setHost(id.isValid() ? std::optional<qint64>(id.toLongLong()) : std::nullopt);
    });
    bar->addWidget(m_hostBox);
    bar->addSeparator();

    const auto zoom = [this](double factor) {
        m_chart->requestZoom(m_chart->viewFrom() + (m_chart->viewTo() - m_chart->viewFrom()) / 2, factor);
    };
    connect(makeAction(bar, tr("Zoom In"), tr("Zoom in around the middle"),
                       {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal), QKeySequence::ZoomIn}),
            &QAction::triggered, this, [zoom] { zoom(0.5); });
    connect(makeAction(bar, tr("Zoom Out"), tr("Zoom out around the middle"),
                       {QKeySequence(Qt::Key_Minus), QKeySequence::ZoomOut}),
            &QAction::triggered, this, [zoom] { zoom(2.0); });
    connect(makeAction(bar, tr("Whole Case"), tr("Show the whole case"),
                       {QKeySequence(Qt::Key_0), QKeySequence(Qt::Key_Home)}),
            &QAction::triggered, this, &TimelinePage::resetView);
    bar->addSeparator();

    // Mouse tools: a plain drag pans, zooms into a rubber band or selects a range; Ctrl and Shift pick the last
    // two whatever the tool.
    auto *tools = new QActionGroup(bar);
    const struct
    {
        QString text, tip;
        QKeySequence key;
        TimelineChartView::Tool tool;
    } toolList[] = {
        {tr("Pan"), tr("Drag to move along the time axis; the wheel zooms"), QKeySequence(Qt::Key_P),
         TimelineChartView::Tool::Pan},
        {tr("Zoom"), tr("Drag across a stretch of time to zoom into it (or Ctrl+drag)"), QKeySequence(Qt::Key_Z),
         TimelineChartView::Tool::Zoom},
        {tr("Select Range"), tr("Drag across a stretch of time to make every view show only it (or Shift+drag)"),
         QKeySequence(Qt::Key_S), TimelineChartView::Tool::Select},
    };
    for (const auto &entry : toolList) {
        auto *action = makeAction(bar, entry.text, entry.tip, {entry.key});
        action->setCheckable(true);
        action->setChecked(entry.tool == TimelineChartView::Tool::Pan);
        tools->addAction(action);
        connect(action, &QAction::triggered, this, [this, tool = entry.tool] { m_chart->setTool(tool); });
    }
    bar->addSeparator();
    m_zoomToRange = makeAction(bar, tr("Zoom to Range"), tr("Show the selected time range"), {QKeySequence(Qt::Key_F)});
    connect(m_zoomToRange, &QAction::triggered, this, [this] {
        const auto &range = session().selection().timeRange();
        if (range.from && range.to)
            showTime(*range.from, *range.to);
    });
    m_clearRange
        = makeAction(bar, tr("Clear Range"), tr("Every view shows all times again"), {QKeySequence(Qt::Key_Escape)});
    connect(m_clearRange, &QAction::triggered, this, [this] { session().selection().setTimeRange({}); });
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    m_status = new QLabel(bar);
    m_status->setContentsMargins(8, 0, 8, 0);
    bar->addWidget(m_status);

    return bar;
}

void TimelinePage::showHoverInfo(qint64 ns, const QPoint &globalPos)
{
    const int bucket = m_histogram.bucketAt(ns);
    if (bucket < 0) {
        QToolTip::hideText();
        return;
    }
    const qint64 start = m_histogram.from() + bucket * m_histogram.bucket();
    const qint64 precision = std::min<qint64>(m_histogram.bucket(), 1'000'000'000);
    QStringList lines{QStringLiteral("<b>%1</b> + %2")
                          .arg(Models::utcText(start, precision), Models::durationText(m_histogram.bucket()))};
    for (const QString &kind : m_histogram.kinds()) {
        if (const qint64 count = m_histogram.count(kind, bucket))
            lines.append(QStringLiteral("%1: %2").arg(kind.toHtmlEscaped(), QLocale().toString(count)));
    }
    if (lines.size() == 1)
        lines.append(tr("no events"));
    // Whether a quiet bucket was watched: the coverage of each host shown at the bucket's start.
    const auto host = session().selection().host();
    for (const Models::CoverageLane &lane : m_lanes->lanes()) {
        if (host && lane.hostId != *host)
            continue;
        lines.append(tr("%1: %2").arg(lane.hostname.toHtmlEscaped(), Models::coverageStateName(lane.stateAt(start))));
    }
    QToolTip::showText(globalPos, QStringLiteral("<qt>") + lines.join(QStringLiteral("<br>")) + QStringLiteral("</qt>"),
                       m_chart);
}

} // namespace Deck::Gui
