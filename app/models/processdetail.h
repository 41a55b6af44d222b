// SPDX-License-Identifier: GPL-3.0-or-later
// Everything the detail panel shows of one process, read in one job on a worker: the process row, the rest of its
// image (processimagequeries.h: euid, tty, exe digest, environment allowlist), its parent when the case holds it,
// and what it did (ActivityQueries::did: files, connections, children, each list bounded by `limit`).
// Thread: load() runs on the worker's thread (it takes the Database); the value is plain data.
#pragma once

#include "activityqueries.h"
#include "processimagequeries.h"

namespace Deck::Models {

struct ProcessDetail
{
    Core::ProcessActivity activity; // activity.process is the process itself
    Core::ProcessImageRow image;
    std::optional<Core::ProcessRow> parent;
    int limit = 0; // each list holds at most this many rows; activity.truncated says one was cut

    static Core::Expected<ProcessDetail> load(Core::Database &db, qint64 processId, int limit = 2000);
};

} // namespace Deck::Models
