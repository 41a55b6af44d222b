// SPDX-License-Identifier: GPL-3.0-or-later
// The collector's own resource use, for heartbeats and manifests.
#pragma once

#include <QtGlobal>

namespace Flight::Recorder {

qint64 cpuMilliseconds(); // user + system CPU time of this process
qint64 residentKilobytes(); // current RSS

} // namespace Flight::Recorder
