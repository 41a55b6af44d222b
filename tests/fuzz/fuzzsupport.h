// SPDX-License-Identifier: GPL-3.0-or-later
// What the fuzz targets share: the input as bytes, one scratch file per process for the targets that need a path,
// small reader limits, and the report of a violated property. Single-threaded, like libFuzzer's TestOneInput.
#pragma once

#include "archivereader.h"

#include <QByteArrayView>
#include <QString>
#include <cstddef>
#include <cstdint>

namespace Flight::Fuzz {

inline QByteArrayView inputBytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArrayView(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// A file under QDir::tempPath(), created on the first call and reused for every input of this process; removed
// when the process exits normally (a crashing process leaves it behind). Aborts when it cannot be created.
const QString &scratchPath();
// Replaces the scratch file's content. Aborts on an I/O error, which is a broken environment, not a finding.
void writeScratch(QByteArrayView content);

// Limits small enough that a zip bomb or a huge line costs milliseconds, large enough for every seed.
Format::ReaderLimits smallLimits();

// Escaped and shortened for a terminal: printable ASCII as is, everything else as \xNN.
QByteArray printable(QByteArrayView bytes, qsizetype limit = 2000);

// Reports a broken environment (cannot write a temporary file...), which is not a finding, and aborts.
[[noreturn]] void environmentFailure(const QString &what);

// Prints the property that does not hold and the details, then aborts; libFuzzer saves the input as a crash.
[[noreturn]] void propertyViolated(const char *property, const QString &details);

} // namespace Flight::Fuzz
