// SPDX-License-Identifier: GPL-3.0-or-later
// One full check of an archive: everything ArchiveReader can check, plus the signer against a trust set.
#pragma once

#include "archivereader.h"

namespace Flight::Format {

struct VerifyOptions
{
    std::optional<QList<PublicKey>> trusted; // when set, the signer must be one of these
    const DecryptionKey *key = nullptr; // when set, encrypted events are decrypted and decoded too
    ReaderLimits limits;
};

struct VerifiedArchive
{
    Manifest manifest;
    QString digest;
    PublicKey signer;
    bool eventsDecoded = false; // false when the events are encrypted and no key was given (digest checked only)
};

Expected<VerifiedArchive> verifyArchive(const QString &path, const VerifyOptions &options = {});

} // namespace Flight::Format
