// SPDX-License-Identifier: GPL-3.0-or-later
#include "integritycheck.h"

#include "accountscheck.h"
#include "bpfcheck.h"
#include "filescheck.h"
#include "listenerscheck.h"
#include "loginscheck.h"
#include "modulescheck.h"
#include "packagefilescheck.h"
#include "packagescheck.h"

using namespace Qt::StringLiterals;

namespace Flight::Integrity {

QStringList defaultWatchedPaths()
{
    return {u"/boot"_s,
            u"/etc/passwd"_s,
            u"/etc/shadow"_s,
            u"/etc/group"_s,
            u"/etc/sudoers"_s,
            u"/etc/sudoers.d"_s,
            u"/etc/ld.so.preload"_s,
            u"/root/.ssh/authorized_keys"_s,
            u"/home/*/.ssh/authorized_keys"_s,
            u"/etc/systemd/system"_s,
            u"/lib/systemd/system"_s,
            u"/etc/crontab"_s,
            u"/etc/cron.d"_s,
            u"/var/spool/cron"_s};
}

QStringList checkNames()
{
    return {u"packages"_s, u"packagefiles"_s, u"modules"_s,  u"bpf"_s,
            u"files"_s,    u"logins"_s,       u"accounts"_s, u"listeners"_s};
}

std::unique_ptr<IntegrityCheck> makeCheck(QStringView name, const CheckOptions &options)
{
    if (name == u"packages"_s)
        return std::make_unique<PackagesCheck>(options);
    if (name == u"packagefiles"_s)
        return std::make_unique<PackageFilesCheck>(options);
    if (name == u"modules"_s)
        return std::make_unique<ModulesCheck>(options);
    if (name == u"bpf"_s)
        return std::make_unique<BpfCheck>(options.ownBpfPrograms);
    if (name == u"files"_s)
        return std::make_unique<FilesCheck>(options);
    if (name == u"logins"_s)
        return std::make_unique<LoginsCheck>(options);
    if (name == u"accounts"_s)
        return std::make_unique<AccountsCheck>(options);
    if (name == u"listeners"_s)
        return std::make_unique<ListenersCheck>(options);
    return nullptr;
}

std::vector<std::unique_ptr<IntegrityCheck>> makeChecks(const CheckOptions &options)
{
    std::vector<std::unique_ptr<IntegrityCheck>> checks;
    for (const QString &name : checkNames()) {
        if (name != u"packagefiles"_s || options.packageFiles)
            checks.push_back(makeCheck(name, options));
    }
    return checks;
}

} // namespace Flight::Integrity
