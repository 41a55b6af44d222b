// SPDX-License-Identifier: GPL-3.0-or-later
// The file access graph's GraphSource: a process expands to the files it touched, a file to the processes that
// touched it (FileGraphQueries), processes in column 0 and files in column 1, one edge per (process, file) with the
// events of each operation. A seed is made by fileGraphSeed().
// Thread: the worker's (it runs as a CaseWorker job).
#pragma once

#include "graphcontroller.h"

namespace Deck::Models {

Core::Expected<GraphPiece> fileGraphPiece(Core::Database &db, const GraphNode &node, const Core::TimeRange &range,
                                          int limit, int offset);
GraphNode fileSeed(const QByteArray &path);

} // namespace Deck::Models
