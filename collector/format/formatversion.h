// SPDX-License-Identifier: GPL-3.0-or-later
// The constants of the .frec format (FORMAT.md), shared by the writer and the reader.
#pragma once

#include <QLatin1StringView>

namespace Flight::Format {

inline constexpr QLatin1StringView kFormatName{"flightrec-archive"};
// Raised whenever a kind, an event member or a manifest member is added (FORMAT.md §7).
inline constexpr int kFormatVersion = 4;

inline constexpr QLatin1StringView kEventsEntry{"events.jsonl"};
inline constexpr QLatin1StringView kEncryptedEventsEntry{"events.jsonl.enc"};
inline constexpr QLatin1StringView kManifestEntry{"manifest.json"};
inline constexpr QLatin1StringView kSignatureEntry{"manifest.sig"};

inline constexpr QLatin1StringView kArchiveSuffix{".frec"};
inline constexpr QLatin1StringView kPartSuffix{".part"};

inline constexpr int kSignatureBytes = 64;
inline constexpr int kDigestBytes = 32;
inline constexpr int kMaxEventDepth = 8;
inline constexpr int kDefaultChunkSize = 64 * 1024;
inline constexpr int kMinChunkSize = 1024;
inline constexpr int kMaxChunkSize = 1024 * 1024;

// Largest PID the kernel can hand out (PID_MAX_LIMIT on 64-bit).
inline constexpr qint64 kMaxPid = 4194304;
// uid_t value meaning "unset" (written by omission).
inline constexpr qint64 kUnsetId = 4294967295LL;

} // namespace Flight::Format
