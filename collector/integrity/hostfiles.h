// SPDX-License-Identifier: GPL-3.0-or-later
// What every integrity check does the same way: a host path under the root prefix, a bounded read of a file (inputs
// are hostile: a check never reads more than it said it would), byte strings made into item text, the clocks.
// Pure helpers, no state; thread-safe.
#pragma once

#include "expected.h"

#include <QByteArray>
#include <QLoggingCategory>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcIntegrity)

namespace Flight::Integrity {

// Longest string an item attribute or id may hold (FORMAT.md: strings ≤ 8 KiB).
inline constexpr qsizetype kMaxItemText = 8 * 1024;

// `hostPath` ("/etc/passwd") below `root` ("/" or a fixture tree), as bytes for open(2).
QByteArray underRoot(const QString &root, QByteArrayView hostPath);

// The whole file at `path`, failing with "<path>: <reason>" when it cannot be read or is larger than `maxBytes`.
// `missingOk`: a file that does not exist is an empty result instead of an error.
Expected<QByteArray> readBounded(const QByteArray &path, qint64 maxBytes, bool missingOk = false);

// Item text from bytes: valid UTF-8 as is, other bytes written as \xNN, control characters as \xNN too, and cut
// to kMaxItemText characters. Stable: the same bytes always give the same text.
QString itemText(QByteArrayView bytes);

// The bytes up to the first NUL of a fixed-size C field (utmp, bpf names).
QByteArrayView cField(const char *field, qsizetype size);

qint64 realtimeNs(); // CLOCK_REALTIME
qint64 boottimeNs(); // CLOCK_BOOTTIME

// errno as text ("no such file or directory").
QString errnoText(int error);

} // namespace Flight::Integrity
