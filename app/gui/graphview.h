// SPDX-License-Identifier: GPL-3.0-or-later
// Draws a laid-out GraphDocument (QGraphicsView): nodes as labelled boxes in their columns and rows, edges as curves
// coloured by operation (graphstyle.h) with their label placed where it overlaps no node and no other label (else
// the label is left to the edge's tooltip). Click a node: nodeClicked(); double-click: nodeActivated(); a right-click
// makes it the current node (for the context menu a page attaches). Ctrl+wheel zooms; Enter expands the selected node.
// A node can carry a marker (setMarks(): a bookmark or note on its object) before its label. An empty document shows
// the placeholder text.
// Thread: the GUI thread.
#pragma once

#include "graphdocument.h"

#include <QGraphicsView>
#include <QImage>

namespace Deck::Gui {

class GraphView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit GraphView(QWidget *parent = nullptr);
    ~GraphView() override;

    void setDocument(const Models::GraphDocument &document);
    void setPlaceholder(const QString &text);
    // The node shown as selected (an empty key or one not in the graph: none).
    void setCurrent(const QString &key);
    const QString &current() const { return m_current; }
    // The node under `pos` (viewport coordinates), or an empty key.
    QString keyAt(const QPoint &pos) const;
    // The nodes that show a marker, with the marker's tooltip (it also leads the node's tooltip); kept over rebuilds.
    // `pictures`: the marker of a node (markdecoration.h: a bookmark's ribbon, a note's square or both); a marked node
    // without one shows the notes' square.
    void setMarks(const QHash<QString, QString> &marks, const QHash<QString, QImage> &pictures = {});
    const QHash<QString, QString> &marks() const { return m_marks; }
    // Where a node's marker is, in scene coordinates (empty when it has none).
    QRectF markerRect(const QString &key) const;

    // Where things are, in scene coordinates (for tests and the screenshot check).
    QRectF nodeRect(const QString &key) const;
    QList<QRectF> labelRects() const;
    QStringList labels() const;

    void zoomBy(double factor);
    void fit();

Q_SIGNALS:
    void nodeClicked(const QString &key);
    void nodeActivated(const QString &key);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void rebuild();
    void showMarks();
    // Puts the node's label after its marker (when it has one), elided to the room left.
    void placeText(const QString &key);
    double markerWidth(const QString &key) const;
    void addNodes(const QList<double> &columnX, const QList<double> &widths);
    void addCaptions(const QList<double> &columnX);
    void addEdges();
    // `towards`: -1 near the left end, 1 near the right end, 0 the middle first.
    void placeLabel(const QPainterPath &curve, const QString &text, const QColor &color, QList<QRectF> &taken,
                    int towards);

    QGraphicsScene *m_scene;
    Models::GraphDocument m_document;
    QString m_placeholder;
    QString m_current;
    QHash<QString, QGraphicsPathItem *> m_nodeItems;
    QHash<QString, QGraphicsSimpleTextItem *> m_nodeTexts;
    QHash<QString, QString> m_nodeLabels;
    QHash<QString, QGraphicsItem *> m_markers;
    QHash<QString, QString> m_marks;
    QHash<QString, QImage> m_markPictures;
    QList<QGraphicsItem *> m_labelItems;
};

} // namespace Deck::Gui
