// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphpanel.h"

#include "graphnodes.h"
#include "graphstyle.h"
#include "graphview.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QSlider>
#include <QToolButton>

namespace Deck::Gui {

namespace {
constexpr int kSliderSteps = 1000;
constexpr int kDebounceMs = 250;

QToolButton *toolButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    return button;
}

QPixmap swatch(const QColor &color)
{
    QPixmap pixmap(22, 10);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(color, 3));
    painter.drawLine(2, 5, 20, 5);
    return pixmap;
}
} // namespace

GraphPanel::GraphPanel(Models::GraphController &controller, const QStringList &legend, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_view(new GraphView(this))
    , m_status(new QLabel(this))
    , m_busy(new QLabel(tr("Loading…"), this))
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_sliderText(new QLabel(this))
{
    auto *tools = new QHBoxLayout;
    tools->addWidget(m_status, 1);
    tools->addWidget(m_busy);
    m_busy->hide();
    const auto action = [this](const QString &text, const QKeySequence &key, auto slot) {
        auto *a = new QAction(text, this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    tools->addWidget(toolButton(action(tr("Zoom In"), QKeySequence::ZoomIn, [this] { m_view->zoomBy(1.25); }), this));
    tools->addWidget(toolButton(action(tr("Zoom Out"), QKeySequence::ZoomOut, [this] { m_view->zoomBy(0.8); }), this));
    tools->addWidget(
        toolButton(action(tr("Fit"), QKeySequence(Qt::CTRL | Qt::Key_0), [this] { m_view->fit(); }), this));
    tools->addWidget(toolButton(action(tr("Clear"), QKeySequence(), [this] { m_controller.clear(); }), this));

    auto *timeRow = new QHBoxLayout;
    timeRow->addWidget(new QLabel(tr("Events up to:"), this));
    m_slider->setRange(0, kSliderSteps);
    m_slider->setValue(kSliderSteps);
    m_slider->setPageStep(kSliderSteps / 20);
    m_slider->setToolTip(tr("Show only the events up to this time (all the way right: every event in the range)"));
    timeRow->addWidget(m_slider, 1);
    m_sliderText->setMinimumWidth(
        m_sliderText->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00:00.000 UTC  ")));
    timeRow->addWidget(m_sliderText);
    if (!legend.isEmpty())
        timeRow->addWidget(createLegend(legend));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(tools);
    layout->addWidget(m_view, 1);
    layout->addLayout(timeRow);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, [this] { m_controller.setRange(limitedRange()); });
    connect(m_slider, &QSlider::valueChanged, this, &GraphPanel::sliderMoved);
    connect(&m_controller, &Models::GraphController::changed, this, &GraphPanel::showDocument);
    connect(&m_controller, &Models::GraphController::busyChanged, m_busy, &QWidget::setVisible);
    connect(&m_controller, &Models::GraphController::failed, this,
            [this](const QString &message) { m_status->setText(tr("The graph could not be read: %1").arg(message)); });
    m_lonely = tr("%1: nothing found in this time range.");
    setSpan({}, std::nullopt);
    showDocument();
}

QWidget *GraphPanel::createLegend(const QStringList &operations)
{
    auto *legend = new QWidget(this);
    auto *row = new QHBoxLayout(legend);
    row->setContentsMargins(12, 0, 0, 0);
    row->setSpacing(4);
    for (const QString &op : operations) {
        auto *icon = new QLabel(legend);
        icon->setPixmap(swatch(operationColor(op)));
        row->addWidget(icon);
        row->addWidget(new QLabel(operationName(op), legend));
        row->addSpacing(6);
    }
    return legend;
}

void GraphPanel::setSpan(const Core::TimeRange &hubRange, const std::optional<Core::TimeRange> &extent)
{
    m_hubRange = hubRange;
    m_extent = extent;
    sliderMoved();
    m_debounce.stop();
    m_controller.setRange(limitedRange());
}

Core::TimeRange GraphPanel::limitedRange() const
{
    Core::TimeRange range = m_hubRange;
    const qint64 from = m_hubRange.from.value_or(m_extent && m_extent->from ? *m_extent->from : 0);
    const std::optional<qint64> to = m_hubRange.to ? m_hubRange.to : (m_extent ? m_extent->to : std::nullopt);
    if (m_slider->value() >= kSliderSteps || !to || *to <= from)
        return range;
    range.to = from + qint64(double(*to - from) * m_slider->value() / kSliderSteps);
    return range;
}

void GraphPanel::sliderMoved()
{
    const Core::TimeRange range = limitedRange();
    m_sliderText->setText(m_slider->value() >= kSliderSteps || !range.to ? tr("every event")
                                                                         : Models::displayTime(*range.to));
    m_debounce.start();
}

void GraphPanel::setLonelyText(const QString &text)
{
    m_lonely = text;
}

QString GraphPanel::statusText() const
{
    return m_status->text();
}

void GraphPanel::showDocument()
{
    const auto &document = m_controller.document();
    m_view->setDocument(document);
    if (document.isEmpty()) {
        m_status->clear();
        return;
    }
    qsizetype nodes = 0;
    for (const auto &node : document.nodes())
        nodes += node.kind == Models::NodeKind::More ? 0 : 1;
    if (nodes == 1 && document.edges().isEmpty()) {
        m_status->setText(m_lonely.arg(document.nodes().constFirst().label));
        return;
    }
    QString text = tr("Nodes: %1, edges: %2").arg(nodes).arg(document.edges().size());
    if (const qint64 hidden = document.hidden(); hidden > 0)
        text += tr("; %1 more not shown (double-click a \"more\" node)").arg(QLocale().toString(hidden));
    if (document.full())
        text += tr("; the graph is at its limit of %1 nodes: clear it or start from another node")
                    .arg(Models::GraphDocument::kMaxNodes);
    text += tr(". Double-click a node to expand it (bold: expanded).");
    m_status->setText(text);
}

} // namespace Deck::Gui
