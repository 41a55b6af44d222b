// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphview.h"

#include "graphnodes.h"
#include "graphstyle.h"
#include "notesfeed.h"

#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QGraphicsPixmapItem>
#include <QGraphicsSimpleTextItem>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>
#include <algorithm>
#include <climits>
#include <cmath>

namespace Deck::Gui {

namespace {
constexpr double kNodeHeight = 26;
constexpr double kRowStep = 44;
constexpr double kColumnGap = 240;
constexpr double kMinWidth = 130;
constexpr double kMaxWidth = 330;
constexpr double kTextPadding = 10;
constexpr double kMarkerSize = 10;
constexpr double kMarkerGap = 6;
constexpr double kMinScale = 0.7;
constexpr int kKeyRole = 0;

QPainterPath roundedBox(const QRectF &rect)
{
    QPainterPath path;
    path.addRoundedRect(rect, 5, 5);
    return path;
}
} // namespace

GraphView::GraphView(QWidget *parent)
    : QGraphicsView(parent)
    , m_scene(new QGraphicsScene(this))
{
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setBackgroundBrush(palette().base());
}

GraphView::~GraphView() = default;

void GraphView::setDocument(const Models::GraphDocument &document)
{
    m_document = document;
    rebuild();
}

void GraphView::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    if (m_document.isEmpty())
        rebuild();
}

void GraphView::setCurrent(const QString &key)
{
    m_current = key;
    for (auto it = m_nodeItems.cbegin(); it != m_nodeItems.cend(); ++it) {
        const auto *node = m_document.node(it.key());
        const bool selected = it.key() == key;
        QPen pen(selected ? palette().highlight().color() : nodeBorder(node->kind), selected ? 2.6 : 1.1);
        if (node->kind == Models::NodeKind::More)
            pen.setStyle(Qt::DashLine);
        it.value()->setPen(pen);
    }
    if (const auto *item = m_nodeItems.value(key))
        ensureVisible(item, 40, 40);
}

QRectF GraphView::nodeRect(const QString &key) const
{
    const auto *item = m_nodeItems.value(key);
    return item ? item->sceneBoundingRect() : QRectF();
}

QList<QRectF> GraphView::labelRects() const
{
    QList<QRectF> rects;
    for (const auto *item : m_labelItems)
        rects << item->sceneBoundingRect();
    return rects;
}

QStringList GraphView::labels() const
{
    QStringList texts;
    for (const auto *item : m_labelItems) {
        for (const auto *child : item->childItems()) {
            if (const auto *text = dynamic_cast<const QGraphicsSimpleTextItem *>(child))
                texts << text->text();
        }
    }
    return texts;
}

void GraphView::rebuild()
{
    m_scene->clear();
    m_nodeItems.clear();
    m_nodeTexts.clear();
    m_nodeLabels.clear();
    m_markers.clear();
    m_labelItems.clear();
    resetTransform();
    if (m_document.isEmpty()) {
        auto *text = m_scene->addText(m_placeholder);
        text->setDefaultTextColor(palette().placeholderText().color());
        text->setTextWidth(460);
        m_scene->setSceneRect(text->boundingRect().adjusted(-20, -20, 20, 20));
        return;
    }
    // Each column is as wide as its widest label (within bounds), the gaps between them hold the edge labels.
    const QFontMetricsF metrics(font());
    QList<double> widths(m_document.columns(), kMinWidth);
    for (const auto &node : m_document.nodes()) {
        const double marker = m_marks.contains(node.key) ? markerWidth(node.key) + kMarkerGap : 0;
        const double wanted = metrics.horizontalAdvance(node.label) + 2 * kTextPadding + marker;
        widths[node.column] = std::clamp(wanted, widths[node.column], kMaxWidth);
    }
    QList<double> columnX;
    double x = 0;
    for (double width : std::as_const(widths)) {
        columnX << x;
        x += width + kColumnGap;
    }
    addNodes(columnX, widths);
    addCaptions(columnX);
    addEdges();
    showMarks();
    m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-30, -30, 30, 30));
    fit();
    setCurrent(m_current);
}

void GraphView::addNodes(const QList<double> &columnX, const QList<double> &widths)
{
    QList<int> rows(columnX.size(), 0);
    for (const auto &node : m_document.nodes())
        rows[node.column] = std::max(rows[node.column], node.row + 1);
    const int tallest = *std::max_element(rows.cbegin(), rows.cend());
    for (const auto &node : m_document.nodes()) {
        // Columns are centred on the tallest one.
        const double top = (tallest - rows[node.column]) * kRowStep / 2 + node.row * kRowStep;
        const QRectF box(columnX[node.column], top, widths[node.column], kNodeHeight);
        auto *item = m_scene->addPath(roundedBox(box), QPen(nodeBorder(node.kind), 1.1), nodeFill(node.kind));
        item->setData(kKeyRole, node.key);
        item->setZValue(2);
        item->setCursor(Qt::PointingHandCursor);
        QString label = node.label;
        QString tip = node.detail;
        if (node.kind == Models::NodeKind::More) {
            label = tr("%n more…", nullptr, int(std::min<qint64>(node.id, INT_MAX)));
            tip = tr("%1 more not shown.\nDouble-click to show the next ones.").arg(QLocale().toString(node.id));
            item->setPen(QPen(nodeBorder(node.kind), 1.1, Qt::DashLine));
        }
        item->setToolTip(tip);
        auto *text = new QGraphicsSimpleTextItem(item);
        QFont textFont = font();
        textFont.setItalic(node.kind == Models::NodeKind::More);
        textFont.setBold(node.expanded && node.kind != Models::NodeKind::More);
        text->setFont(textFont);
        text->setBrush(palette().text());
        m_nodeItems.insert(node.key, item);
        m_nodeTexts.insert(node.key, text);
        m_nodeLabels.insert(node.key, label);
        placeText(node.key);
    }
}

void GraphView::placeText(const QString &key)
{
    auto *item = m_nodeItems.value(key);
    auto *text = m_nodeTexts.value(key);
    if (!item || !text)
        return;
    const QRectF box = item->path().boundingRect();
    const double indent = m_markers.contains(key) ? markerWidth(key) + kMarkerGap : 0;
    const double room = box.width() - 2 * kTextPadding - indent;
    // Elided in the item's own font (bold text is wider than plain).
    text->setText(QFontMetricsF(text->font()).elidedText(m_nodeLabels.value(key), Qt::ElideMiddle, room));
    text->setPos(box.left() + kTextPadding + indent, box.center().y() - text->boundingRect().height() / 2);
}

void GraphView::setMarks(const QHash<QString, QString> &marks, const QHash<QString, QImage> &pictures)
{
    if (marks == m_marks && pictures == m_markPictures)
        return;
    m_marks = marks;
    m_markPictures = pictures;
    showMarks();
}

double GraphView::markerWidth(const QString &key) const
{
    const auto picture = m_markPictures.constFind(key);
    return picture != m_markPictures.cend() ? picture->width() : kMarkerSize;
}

QRectF GraphView::markerRect(const QString &key) const
{
    const auto *marker = m_markers.value(key);
    return marker ? marker->sceneBoundingRect() : QRectF();
}

void GraphView::showMarks()
{
    for (auto it = m_nodeItems.cbegin(); it != m_nodeItems.cend(); ++it) {
        const auto *node = m_document.node(it.key());
        if (!node || node->kind == Models::NodeKind::More)
            continue;
        const auto mark = m_marks.constFind(it.key());
        const bool marked = mark != m_marks.cend();
        if (!marked && !m_markers.contains(it.key()))
            continue;
        delete m_markers.take(it.key());
        if (marked) {
            // The marker of the events table and the process tree (its picture; else a square in the notes' colour).
            const QRectF box = it.value()->path().boundingRect();
            QGraphicsItem *marker = nullptr;
            if (const auto picture = m_markPictures.constFind(it.key()); picture != m_markPictures.cend()) {
                marker = new QGraphicsPixmapItem(QPixmap::fromImage(*picture), it.value());
                marker->setPos(box.left() + kTextPadding, box.center().y() - picture->height() / 2.0);
            } else {
                auto *square = new QGraphicsRectItem(box.left() + kTextPadding, box.center().y() - kMarkerSize / 2,
                                                     kMarkerSize, kMarkerSize, it.value());
                square->setBrush(Models::noteMarkerColor());
                square->setPen(QPen(Models::noteMarkerColor().darker(130), 1));
                marker = square;
            }
            marker->setToolTip(*mark);
            m_markers.insert(it.key(), marker);
        }
        it.value()->setToolTip(marked ? *mark + QStringLiteral("\n\n") + node->detail : node->detail);
        placeText(it.key());
    }
}

void GraphView::addCaptions(const QList<double> &columnX)
{
    QList<QString> captions(columnX.size());
    for (const auto &node : m_document.nodes()) {
        if (!captions[node.column].isEmpty())
            continue;
        switch (node.kind) {
        case Models::NodeKind::Host:
            captions[node.column] = tr("Hosts");
            break;
        case Models::NodeKind::Process:
            captions[node.column] = tr("Processes");
            break;
        case Models::NodeKind::File:
            captions[node.column] = tr("Files");
            break;
        case Models::NodeKind::Remote:
            captions[node.column] = tr("Remote addresses");
            break;
        case Models::NodeKind::More:
            break;
        }
    }
    QFont bold = font();
    bold.setBold(true);
    for (qsizetype column = 0; column < captions.size(); ++column) {
        auto *caption = m_scene->addSimpleText(captions[column], bold);
        caption->setBrush(palette().placeholderText());
        caption->setPos(columnX[column], -kRowStep);
    }
}

void GraphView::addEdges()
{
    QList<QRectF> taken;
    for (const auto *item : std::as_const(m_nodeItems))
        taken << item->sceneBoundingRect().adjusted(-3, -3, 3, 3);
    QHash<QString, int> degree;
    for (const auto &edge : m_document.edges()) {
        ++degree[edge.from];
        ++degree[edge.to];
    }
    for (const auto &edge : m_document.edges()) {
        const auto *from = m_nodeItems.value(edge.from);
        const auto *to = m_nodeItems.value(edge.to);
        if (!from || !to)
            continue;
        QRectF a = from->sceneBoundingRect();
        QRectF b = to->sceneBoundingRect();
        int leftDegree = degree.value(edge.from);
        int rightDegree = degree.value(edge.to);
        if (a.center().x() > b.center().x()) {
            std::swap(a, b);
            std::swap(leftDegree, rightDegree);
        }
        QPainterPath curve;
        if (std::abs(a.center().x() - b.center().x()) < 1) {
            // Two nodes of one column (a cross-host link between processes): an arc out to the right and back.
            const QPointF start(a.right(), a.center().y());
            const QPointF end(b.right(), b.center().y());
            const QPointF bulge(40 + std::abs(end.y() - start.y()) / 4, 0);
            curve.moveTo(start);
            curve.cubicTo(start + bulge, end + bulge, end);
            leftDegree = rightDegree = 0;
        } else {
            const QPointF start(a.right(), a.center().y());
            const QPointF end(b.left(), b.center().y());
            const double bend = (end.x() - start.x()) / 2;
            curve.moveTo(start);
            curve.cubicTo(start + QPointF(bend, 0), end - QPointF(bend, 0), end);
        }
        qint64 events = 0;
        for (qint64 count : edge.ops)
            events += count;
        const QColor color = edgeColor(edge);
        QPen pen(color, 1.2 + std::min(2.5, std::log10(double(std::max<qint64>(1, events)))));
        if (edge.stitched)
            pen.setStyle(Qt::DashLine);
        auto *item = m_scene->addPath(curve, pen);
        item->setZValue(edge.ops.isEmpty() ? 0 : 1);
        const QString label = edgeLabel(edge);
        if (label.isEmpty())
            continue;
        item->setToolTip(tr("%1\nfirst %2\nlast %3")
                             .arg(label, Models::displayTime(edge.firstTs), Models::displayTime(edge.lastTs)));
        // Edges fanning out of one node are far apart only near their other end: the label goes there.
        placeLabel(curve, label, color, taken, leftDegree > rightDegree ? 1 : (rightDegree > leftDegree ? -1 : 0));
    }
}

void GraphView::placeLabel(const QPainterPath &curve, const QString &text, const QColor &color, QList<QRectF> &taken,
                           int towards)
{
    static const QList<double> middle{0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8, 0.12, 0.88};
    static const QList<double> right{0.78, 0.68, 0.86, 0.58, 0.5, 0.42, 0.32, 0.22};
    QList<double> left;
    for (double t : right)
        left << 1 - t;
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.88);
    const QSizeF size = QFontMetricsF(small).size(Qt::TextSingleLine, text) + QSizeF(8, 2);
    for (const double t : towards > 0 ? right : (towards < 0 ? left : middle)) {
        const QPointF at = curve.pointAtPercent(t);
        const QRectF rect(at - QPointF(size.width() / 2, size.height() / 2), size);
        const bool free
            = std::none_of(taken.cbegin(), taken.cend(), [&](const QRectF &r) { return r.intersects(rect); });
        if (!free)
            continue;
        taken << rect.adjusted(-2, -1, 2, 1);
        QColor fill = palette().base().color();
        fill.setAlpha(235);
        auto *box = m_scene->addPath(roundedBox(rect), QPen(color.lighter(150), 0.8), fill);
        box->setZValue(3);
        auto *label = new QGraphicsSimpleTextItem(text, box);
        label->setFont(small);
        label->setBrush(color.darker(130));
        label->setPos(rect.topLeft() + QPointF(4, 1));
        m_labelItems << box;
        return;
    }
}

QString GraphView::keyAt(const QPoint &pos) const
{
    for (QGraphicsItem *item = itemAt(pos); item; item = item->parentItem()) {
        const QVariant key = item->data(kKeyRole);
        if (key.isValid())
            return key.toString();
    }
    return {};
}

void GraphView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::RightButton) {
        if (const QString key = keyAt(event->position().toPoint()); !key.isEmpty())
            setCurrent(key); // what the context menu and its keys act on
    }
    if (event->button() == Qt::LeftButton) {
        if (const QString key = keyAt(event->position().toPoint()); !key.isEmpty()) {
            setCurrent(key);
            Q_EMIT nodeClicked(key);
            event->accept();
            return;
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void GraphView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (const QString key = keyAt(event->position().toPoint()); !key.isEmpty()) {
        Q_EMIT nodeActivated(key);
        event->accept();
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(std::pow(1.15, event->angleDelta().y() / 120.0));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void GraphView::keyPressEvent(QKeyEvent *event)
{
    // Enter expands the selected node, as a double-click does.
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && m_nodeItems.contains(m_current)) {
        Q_EMIT nodeActivated(m_current);
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void GraphView::zoomBy(double factor)
{
    const double next = transform().m11() * factor;
    if (next < 0.1 || next > 4)
        return;
    QGraphicsView::scale(factor, factor);
}

void GraphView::fit()
{
    // 1:1 when it fits (the text stays crisp); else shrunk to fit, but never below a readable size.
    resetTransform();
    const QRectF scene = sceneRect();
    const QSizeF room = viewport()->size();
    if (scene.isEmpty() || room.isEmpty())
        return;
    const double factor = std::min(room.width() / scene.width(), room.height() / scene.height());
    if (factor < 1)
        QGraphicsView::scale(std::max(factor, kMinScale), std::max(factor, kMinScale));
    centerOn(scene.center());
    if (factor < kMinScale) // too tall to fit readably: start at the top, where the first rows are
        verticalScrollBar()->setValue(verticalScrollBar()->minimum());
}

} // namespace Deck::Gui
