// SPDX-License-Identifier: GPL-3.0-or-later
// Files that hold secrets: created with mode 0600 from the first byte, written as "<path>.part", fsynced and renamed;
// read only when no one but the owner can read them.
#pragma once

#include "expected.h"

#include <QByteArray>

namespace Flight::Format {

Expected<void> writePrivateFile(const QString &path, QByteArrayView content, bool overwrite);
// Refuses files readable or writable by group or others, like OpenSSH does for private keys.
Expected<QByteArray> readPrivateFile(const QString &path, qint64 maxBytes);

// fsync of a file and of the directory holding it, so a rename is durable.
bool syncFile(const QString &path);
bool syncParentDirectory(const QString &path);

} // namespace Flight::Format
