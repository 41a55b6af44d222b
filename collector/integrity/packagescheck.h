// SPDX-License-Identifier: GPL-3.0-or-later
// The `packages` check: dpkg's status database (<root><admin dir>/status, the admin dir /var/lib/dpkg unless
// CheckOptions::dpkgAdminDir says otherwise, as dpkg's --admindir does) and, when the host has rpm, the rpm
// database, through `rpm --root <root> -qa` (rpm's database formats — bdb, ndb, sqlite — are read by rpm only).
// rpm runs only when an `rpm` executable is on the collector's PATH and <root> holds an rpm database
// (var/lib/rpm or usr/lib/sysimage/rpm with a Packages/rpmdb.sqlite file), with a time limit and an output limit.
// A host with neither database has no packages (an empty list, not an error). Parsing: packagelist.h.
#pragma once

#include "integritycheck.h"

namespace Flight::Integrity {

class PackagesCheck : public IntegrityCheck
{
public:
    explicit PackagesCheck(const CheckOptions &options);
    QString name() const override { return QStringLiteral("packages"); }
    Expected<QList<Format::StateItem>> observe() override;

    static constexpr qint64 kMaxStatusBytes = 256LL << 20;
    static constexpr qint64 kMaxRpmOutputBytes = 64LL << 20;
    static constexpr int kRpmTimeoutMs = 120'000;

private:
    QString m_root;
    QString m_dpkgAdminDir;
    bool m_rpm;
};

} // namespace Flight::Integrity
