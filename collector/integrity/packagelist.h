// SPDX-License-Identifier: GPL-3.0-or-later
// Installed packages from the two package databases a Linux host may have, as pure parsers (tested on Debian and
// RHEL fixtures), and the `packages` items (FORMAT.md §2.4: id `name:arch`; name, version, arch, source).
//
// dpkg: /var/lib/dpkg/status, deb822 stanzas. A package counts as installed when its Status is `install ok
// installed` or its files are in place and only triggers are pending (`triggers-pending`, `triggers-awaited`: dpkg
// passes through those during every run, and they must not look like a removal). Other states (config-files,
// half-installed, unpacked, not-installed) are left out.
// rpm: the output of `rpm -qa --queryformat` with kRpmQueryFormat (one tab-separated line per package). The version
// is `[epoch:]version-release`; a package without an architecture (gpg-pubkey) has arch `none`.
// Several installed versions of one name:arch (rpm's kernels) become one item whose version lists them all,
// sorted, separated by ", ".
// Hostile input: a malformed stanza or line is an error naming its line and the reason; fields are bounded.
#pragma once

#include "event.h"
#include "expected.h"

#include <QList>

namespace Flight::Integrity {

struct Package
{
    QString name;
    QString version;
    QString arch;
    QString source; // "dpkg" or "rpm"
    bool operator==(const Package &) const = default;
};

inline constexpr char kRpmQueryFormat[] = "%{NAME}\\t%{EPOCH}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\n";

Expected<QList<Package>> parseDpkgStatus(QByteArrayView content);
Expected<QList<Package>> parseRpmQuery(QByteArrayView output);

// The items, sorted by id, one per name:arch.
QList<Format::StateItem> packageItems(const QList<Package> &packages);

} // namespace Flight::Integrity
