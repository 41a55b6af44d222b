// SPDX-License-Identifier: GPL-3.0-or-later
// proc.snapshot events for every live process, so that every process tree is complete from the first archive.
#pragma once

#include "procfs.h"

namespace Flight::Capture {

struct ProcessSnapshot
{
    QList<Format::Event> events;
    qint64 vanished = 0; // processes that exited while the snapshot was taken
};

ProcessSnapshot snapshotProcesses(const ReadOptions &options = {});

} // namespace Flight::Capture
