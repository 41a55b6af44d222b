// SPDX-License-Identifier: GPL-3.0-or-later
// Who this host is, for every manifest: machine id, hostname, boot id, kernel, OS, clock tick, boot time.
#pragma once

#include "expected.h"
#include "manifest.h"

namespace Flight::Capture {

// PRETTY_NAME from an os-release file (or NAME, or "Linux").
QString parseOsRelease(QByteArrayView content);

// Reads the running host (files under `root`, "/" outside tests). Fails naming the file that is missing or
// malformed: a manifest without a machine id or boot id would not identify anything.
Expected<Format::HostInfo> readHostInfo(const QString &root = QStringLiteral("/"));

// Nanoseconds of CLOCK_REALTIME, CLOCK_BOOTTIME and CLOCK_MONOTONIC.
qint64 realtimeNs();
qint64 boottimeNs();
qint64 monotonicNs();
// CLOCK_BOOTTIME - CLOCK_MONOTONIC (the time the host spent suspended): converts the proc connector's timestamps,
// which are CLOCK_MONOTONIC, to the events' mono.
qint64 bootMinusMonotonicNs();

} // namespace Flight::Capture
