// SPDX-License-Identifier: GPL-3.0-or-later
// Which capture sources the collector runs: for processes the first of eBPF, netlink proc connector and /proc
// polling that works here (or the one the config names), each fallback saying why the better one did not run; file
// access and network endpoints likewise; and the integrity checks. The process events key fanotify's late accesses
// (ProcessLifetimes), and file and network events trigger integrity checks (IntegrityTriggers).
#pragma once

#include "config.h"
#include "eventsource.h"

#include <memory>
#include <vector>

namespace Flight::Commands {

Expected<std::vector<std::unique_ptr<Capture::EventSource>>> selectSources(const Recorder::Config &config);

} // namespace Flight::Commands
