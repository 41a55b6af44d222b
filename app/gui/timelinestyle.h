// SPDX-License-Identifier: GPL-3.0-or-later
// How the timeline looks, in one place so that the chart, the coverage lanes and the legends agree: a fixed colour
// per event kind (the same kind keeps its colour at every zoom and on every host), the fill of each coverage state
// (solid for evidence — recorded, lost; hatched for no evidence — no archive, collector down, archives missing), and
// the selected range's band.
// Thread: the GUI thread.
#pragma once

#include "coveragelanes.h"

#include <QBrush>
#include <QColor>

class QPainter;

namespace Deck::Gui {

QColor kindColor(const QString &kind);
// Fills `rect` as the lanes draw `state`.
void paintCoverage(QPainter &painter, const QRectF &rect, Models::CoverageState state);
// The hatch the chart lays over time that no shown host recorded.
QBrush unrecordedBrush();
QColor selectionFill();
QColor selectionEdge();

} // namespace Deck::Gui
