// SPDX-License-Identifier: GPL-3.0-or-later
// The manifest of FORMAT.md §3, its JSON form, and the tally that derives its event summary from the lines.
#pragma once

#include "event.h"
#include "expected.h"

namespace Flight::Format {

struct HostInfo
{
    QString machineId;
    QString hostname;
    QString bootId;
    QString kernel;
    QString os;
    qint64 clkTck = 100;
    qint64 bootTs = 0;
    bool operator==(const HostInfo &) const = default;
};

struct CollectorInfo
{
    QString version;
    QString configDigest; // hex or empty
    QList<Backend> backends;
    QMap<QString, qint64> stats;
    QString scope = QStringLiteral("host"); // host, or namespace: the collector's own pid namespace only
    bool operator==(const CollectorInfo &) const = default;
};

struct Span
{
    qint64 firstTs = 0, lastTs = 0, firstMono = 0, lastMono = 0;
    bool operator==(const Span &) const = default;
};

struct LossSummary
{
    QString source;
    qint64 count = 0;
    LossUnit unit = LossUnit::Events;
    qint64 firstTs = 0, lastTs = 0;
    bool operator==(const LossSummary &) const = default;
};

struct EntryInfo
{
    QString name;
    qint64 size = 0;
    QString digest; // BLAKE2b-256 hex of the entry's bytes
    bool operator==(const EntryInfo &) const = default;
};

struct Encryption
{
    QString scheme;
    QString recipient; // "x25519:<base64>"
    QByteArray sealedKey; // crypto_box_seal of the stream key
    qint64 chunkSize = 0;
    bool operator==(const Encryption &) const = default;
};

inline constexpr QLatin1StringView kEncryptionScheme{"x25519-sealedbox/secretstream-xchacha20poly1305"};

// What the lines of an archive add up to; the writer fills the manifest from it, the reader checks against it.
struct EventTally
{
    qint64 events = 0;
    Span span;
    QMap<QString, qint64> counts;
    QList<LossSummary> losses;

    void add(const Event &event);
    bool operator==(const EventTally &) const = default;
};

struct Manifest
{
    qint64 version = 0;
    qint64 seq = 0;
    QString prevDigest; // hex, empty for seq 1
    bool recovered = false;
    qint64 createdTs = 0;
    HostInfo host;
    CollectorInfo collector;
    EventTally tally; // span, events, counts, losses
    QList<EntryInfo> entries;
    QString signer; // "ed25519:<base64>"
    std::optional<Encryption> encryption;
    bool operator==(const Manifest &) const = default;
};

// Deterministic compact JSON, members in FORMAT.md order, ending with '\n'.
QByteArray manifestToJson(const Manifest &manifest);
// Checks every member. Error::code is Reason::MalformedManifest or Reason::UnsupportedVersion.
Expected<Manifest> manifestFromJson(QByteArrayView json);

} // namespace Flight::Format
