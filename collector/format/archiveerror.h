// SPDX-License-Identifier: GPL-3.0-or-later
// The reasons an archive can be rejected (FORMAT.md §6), carried in Flight::Error::code.
#pragma once

#include "expected.h"

namespace Flight::Format {

enum class Reason : int {
    Unspecified = 0,
    Io,
    CorruptZip,
    UnsafeEntryName,
    UnexpectedEntry,
    DuplicateEntry,
    MissingEntry,
    UnsupportedCompression,
    OversizedEntry,
    MalformedManifest,
    UnsupportedVersion,
    BadSignature,
    UnknownSigner,
    CannotDecrypt,
    DigestMismatch,
    SizeMismatch,
    CorruptData,
    MalformedEvent,
    ManifestMismatch,
    SequenceGap,
    Fork,
    OutOfOrder,
    Cancelled,
    BadKey,
};

inline Error makeError(Reason reason, QString message)
{
    return Error{std::move(message), static_cast<int>(reason)};
}

inline Reason reasonOf(const Error &error)
{
    return static_cast<Reason>(error.code);
}

} // namespace Flight::Format
