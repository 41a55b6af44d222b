// SPDX-License-Identifier: GPL-3.0-or-later
// The `packagefiles` check (opt-in, CheckOptions::packageFiles): the installed dpkg packages whose files do not match
// the MD5 digests dpkg recorded (dpkgverify.h). One item per such package, id `name:arch`, attributes `version`,
// `mismatches` (count) and `files` (up to kMaxListedFiles "path (reason)" joined by "; "). A package that verifies
// clean, has no md5sums, or is not yet verified at its installed version is not an item. A package whose md5sums
// cannot be read or parsed is an item with one mismatch: that error.
//
// Cost: hashing every package file on every call is too heavy, so the check keeps a cache (per name:arch: the
// version verified, the result, when) and each observe() verifies, within a budget of bytes hashed
// (CheckOptions::packageFilesBudget), first the packages it has no result for at their installed version (new,
// upgraded: in id order), then those verified longer than CheckOptions::packageFilesRecheck ago (oldest first), so
// every package is verified again once per recheck period in slices. It starts no package once the budget is spent
// (at least one per call); a package is verified whole, so a call exceeds the budget by at most one package.
// Until every installed package has been verified once, observe() fails with kNotReady ("first verification pass in
// progress (N of M packages)") so that no partial state is published.
//
// Contract: as IntegrityCheck; the cache makes an instance stateful (one thread at a time). Reads
// <root>/var/lib/dpkg/status (a host without it has no packages: an empty list) and the md5sums under
// <root>/var/lib/dpkg/info. rpm packages are not verified.
#pragma once

#include "integritycheck.h"

#include <QHash>

namespace Flight::Integrity {

class PackageFilesCheck : public IntegrityCheck
{
public:
    explicit PackageFilesCheck(const CheckOptions &options);
    QString name() const override { return QStringLiteral("packagefiles"); }
    Expected<QList<Format::StateItem>> observe() override;

    static constexpr int kMaxListedFiles = 20;

private:
    struct Verified
    {
        QString version;
        qint64 mismatches = 0;
        QString files; // the `files` attribute
        std::chrono::steady_clock::time_point at;
    };

    QString m_root;
    QString m_dpkgAdminDir;
    qint64 m_budget;
    std::chrono::milliseconds m_recheck;
    qint64 m_maxFileBytes;
    QHash<QString, Verified> m_cache; // by name:arch
    bool m_firstPassDone = false;
};

} // namespace Flight::Integrity
