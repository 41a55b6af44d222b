// SPDX-License-Identifier: GPL-3.0-or-later
// How the graphs look: the colour of each file operation and of network edges, the fill of each node kind, and the
// text of an edge's label ("open ×2 · write"). Shared by the graph view and its legend so that they agree.
// Thread: the GUI thread.
#pragma once

#include "graphdocument.h"

#include <QColor>

namespace Deck::Gui {

// The operations of the legend, in the order of their weight (the heaviest colours an edge with several).
QStringList fileOperations();
QColor operationColor(const QString &op);
// The colour of an edge: its heaviest file operation's, the network colour, or grey for an edge without operations.
QColor edgeColor(const Models::GraphEdge &edge);
QColor nodeFill(Models::NodeKind kind);
QColor nodeBorder(Models::NodeKind kind);
QString edgeLabel(const Models::GraphEdge &edge);
QString operationName(const QString &op); // translated

} // namespace Deck::Gui
