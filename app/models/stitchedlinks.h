// SPDX-License-Identifier: GPL-3.0-or-later
// The network map's cross-host links (Core::StitchQueries): a connection from a process of one monitored host to a
// process of another is drawn as an edge between the two processes (GraphEdge::stitched), labelled with the server
// port and what matched it, with both hosts and processes added to the piece. For a host, its links as client or
// server; for a process, the links it is an end of; for the overview, every link. At most kPerExpansion links.
// Thread: the worker's.
#pragma once

#include "graphdocument.h"
#include "networkqueries.h"

namespace Deck::Models {

Core::Expected<void> addStitchedLinks(Core::Database &db, const GraphNode &node, const Core::TimeRange &range,
                                      int processColumn, int hostColumn, GraphPiece &piece);

} // namespace Deck::Models
