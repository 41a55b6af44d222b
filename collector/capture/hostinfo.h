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

// Nanoseconds of CLOCK_REALTIME and CLOCK_BOOTTIME, read back to back.
qint64 realtimeNs();
qint64 boottimeNs();

} // namespace Flight::Capture
