// SPDX-License-Identifier: GPL-3.0-or-later
// Verification of an installed Debian package's files against the MD5 digests dpkg recorded at installation
// (<root>/var/lib/dpkg/info/<name>[:<arch>].md5sums), for a periodic sweep: the caller spreads packages over time
// and every call is bounded in files and bytes. MD5 is what dpkg records; it detects accidental and casual change,
// not a collision made on purpose (the files check's BLAKE2b covers the paths that matter most).
// Conffiles are not in md5sums (administrators edit them) and are not verified. A file at a path dpkg diverted
// (dpkg-divert) is verified where the package put it, so a diversion shows as a mismatch. Thread-safe (no state).
#pragma once

#include "expected.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Flight::Integrity {

struct Md5Entry
{
    QByteArray md5; // 32 lowercase hex
    QByteArray path; // relative to the root, as dpkg writes it ("usr/bin/hello")
    bool operator==(const Md5Entry &) const = default;
};

// "<md5>  <path>" lines; a malformed line, an absolute path or one with a `..` component is an error naming the line.
Expected<QList<Md5Entry>> parseDpkgMd5sums(QByteArrayView content);

struct VerifyLimits
{
    qint64 maxFiles = 20000; // files of one package
    qint64 maxBytes = 1LL << 30; // bytes read for one package
    qint64 maxFileBytes = 256LL << 20; // a larger file is skipped
};

struct FileMismatch
{
    QString path; // absolute host path
    QString reason; // "missing", "digest differs", "not a regular file", "cannot read: ..."
    bool operator==(const FileMismatch &) const = default;
};

struct PackageVerification
{
    bool hasDigests = false; // false: the package has no md5sums file (no files, or dpkg recorded none)
    qint64 checked = 0; // files whose digest was compared
    qint64 skipped = 0; // files over maxFileBytes, or beyond the limits
    qint64 bytes = 0; // bytes read to compute the digests
    QList<FileMismatch> mismatches;
};

// Verifies package `name` (architecture `arch`: the md5sums file of a Multi-Arch: same package carries it) under
// `root`, its md5sums under <root><adminDir>/info. Fails only when the md5sums file exists but cannot be read or
// parsed.
Expected<PackageVerification> verifyDpkgPackage(const QString &root, const QString &name, const QString &arch,
                                                const VerifyLimits &limits = {},
                                                const QString &adminDir = QStringLiteral("/var/lib/dpkg"));

} // namespace Flight::Integrity
