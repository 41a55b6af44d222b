// SPDX-License-Identifier: GPL-3.0-or-later
// Indicator lists as analysts get them (threat feeds, a colleague's notes): IP addresses and CIDR ranges (IPv4 and
// IPv6), domains, file digests and path patterns (globs). Two formats:
//   - plain text, one indicator per line, the type inferred from its shape; '#' starts a comment; blank lines skip;
//   - CSV whose header names a "type" and a "value" column (other columns ignored; fields may be double-quoted).
// Defanged forms ("evil[.]example", "hxxp://") are refanged. Every line that is not an indicator is reported with
// its line number and the reason, the others are kept; a list over the limits is refused whole. The input is
// hostile: sizes, line lengths and counts are bounded before anything is kept.
// Thread: any (pure functions).
#pragma once

#include "storeerror.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace Deck::Core {

enum class IndicatorType { Address, Domain, Digest, Path };

// The names stored in indicators.type: "address", "domain", "digest", "path".
QString indicatorTypeName(IndicatorType type);
std::optional<IndicatorType> indicatorTypeFromName(const QString &name);

struct Indicator
{
    IndicatorType type = IndicatorType::Address;
    // Normalised: an address as QHostAddress writes it, a range as "network/prefix", a domain in lower case
    // without a trailing dot, a digest in lower-case hex, a path pattern as given (UTF-8).
    QString value;
    // Digests only: the algorithm the list names (md5, sha1, sha256, sha512, blake2b-256, blake2b-512), or empty
    // when a plain-text list leaves it open (64 hex digits are SHA-256 or BLAKE2b-256).
    QString algorithm;
    int line = 0; // 1-based line of the list it came from
};

struct IndicatorProblem
{
    int line = 0;
    QString reason;
};

struct IndicatorLimits
{
    qint64 maxBytes = 64LL * 1024 * 1024;
    int maxIndicators = 1'000'000;
    int maxLineLength = 4096;
    int maxProblemsKept = 200; // further bad lines are counted, not described
};

struct ParsedIndicators
{
    QList<Indicator> indicators;
    QList<IndicatorProblem> problems; // the first maxProblemsKept bad lines
    int badLines = 0; // all of them
    int duplicates = 0; // lines repeating an indicator of the list (kept once)
    bool csv = false;
};

// Parses a list; `name` names it in errors. Refused whole (Conflict) when larger than maxBytes, with more than
// maxIndicators indicators, not text (a NUL byte), or without a single indicator.
Expected<ParsedIndicators> parseIndicatorList(const QByteArray &data, const QString &name,
                                              const IndicatorLimits &limits = {});

// "64 MiB", or "1000 bytes" when not a whole number of MiB (limits in messages).
QString sizeText(qint64 bytes);

// One value of a known type, normalised; nullopt with *reason when it is not one. `algorithm` for digests.
std::optional<Indicator> parseIndicatorValue(IndicatorType type, const QString &value, const QString &algorithm,
                                             QString *reason);
// One value of a plain-text list, its type inferred; nullopt with *reason when it is none of the four.
std::optional<Indicator> inferIndicator(const QString &value, QString *reason);

} // namespace Deck::Core
