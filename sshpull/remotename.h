// SPDX-License-Identifier: GPL-3.0-or-later
// What a name listed in a remote outbox must look like before anything is done with it. The host is hostile: a
// name becomes a local file name and a remote path, so only plain archive names are accepted — no '/', no "..",
// no leading dot or dash, no control or non-ASCII characters, at most 200 bytes, ending in ".frec".
#pragma once

#include <QString>

namespace Flight::SshPull {

// Empty when `name` is an acceptable archive name, else why not (for the message).
QString rejectArchiveName(const QByteArray &name);

} // namespace Flight::SshPull
