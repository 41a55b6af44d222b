// SPDX-License-Identifier: GPL-3.0-or-later
#include "packagefilescheck.h"

#include "dpkgverify.h"
#include "hostfiles.h"
#include "packagelist.h"
#include "packagescheck.h"
#include "statediff.h"

#include <QMap>
#include <algorithm>

using namespace Qt::StringLiterals;
using SteadyClock = std::chrono::steady_clock;

namespace Flight::Integrity {

PackageFilesCheck::PackageFilesCheck(const CheckOptions &options)
    : m_root(options.root)
    , m_dpkgAdminDir(options.dpkgAdminDir)
    , m_budget(options.packageFilesBudget)
    , m_recheck(options.packageFilesRecheck)
    , m_maxFileBytes(options.maxFileBytes)
{
}

Expected<QList<Format::StateItem>> PackageFilesCheck::observe()
{
    const QByteArray statusPath = underRoot(m_root, m_dpkgAdminDir.toUtf8() + "/status");
    const auto status = readBounded(statusPath, PackagesCheck::kMaxStatusBytes, true);
    if (!status)
        return status.error();
    const auto packages = parseDpkgStatus(*status);
    if (!packages)
        return Error{u"%1: %2"_s.arg(QString::fromUtf8(statusPath), packages.error().message)};
    QMap<QString, const Package *> installed; // by name:arch, sorted
    for (const Package &p : *packages)
        installed.insert(p.name + u':' + p.arch, &p);
    m_cache.removeIf([&installed](const auto &entry) { return !installed.contains(entry.key()); });

    // The work of this call: unverified at the installed version first, then the stale, oldest first.
    const auto now = SteadyClock::now();
    QStringList fresh;
    QList<std::pair<SteadyClock::time_point, QString>> stale;
    for (auto it = installed.cbegin(); it != installed.cend(); ++it) {
        const auto cached = m_cache.constFind(it.key());
        if (cached == m_cache.cend() || cached->version != (*it)->version)
            fresh.append(it.key());
        else if (now - cached->at >= m_recheck)
            stale.append({cached->at, it.key()});
    }
    std::sort(stale.begin(), stale.end());
    QStringList work = fresh;
    for (const auto &entry : std::as_const(stale))
        work.append(entry.second);

    VerifyLimits limits;
    limits.maxFileBytes = m_maxFileBytes;
    qint64 spent = 0;
    for (const QString &id : std::as_const(work)) {
        if (spent > 0 && spent >= m_budget)
            break;
        const Package &package = *installed.value(id);
        Verified verified{package.version, 0, {}, SteadyClock::now()};
        const auto result = verifyDpkgPackage(m_root, package.name, package.arch, limits, m_dpkgAdminDir);
        if (!result) {
            // An md5sums file that cannot be read or parsed is suspicious in itself; retried after `recheck`.
            verified.mismatches = 1;
            verified.files = itemText(result.error().message.toUtf8());
            spent += 1;
        } else {
            verified.mismatches = result->mismatches.size();
            QStringList files;
            for (const FileMismatch &m :
                 result->mismatches.first(std::min<qsizetype>(kMaxListedFiles, result->mismatches.size())))
                files.append(u"%1 (%2)"_s.arg(m.path, m.reason));
            verified.files = itemText(files.join(u"; "_s).toUtf8());
            spent += std::max<qint64>(result->bytes, 1); // a package without files still counts as work
        }
        m_cache.insert(id, std::move(verified));
    }

    if (!m_firstPassDone) {
        const qsizetype done = std::count_if(installed.cbegin(), installed.cend(), [this](const Package *p) {
            const auto cached = m_cache.constFind(p->name + u':' + p->arch);
            return cached != m_cache.cend() && cached->version == p->version;
        });
        if (done < installed.size())
            return Error{u"first verification pass in progress (%1 of %2 packages)"_s.arg(done).arg(installed.size()),
                         kNotReady};
        m_firstPassDone = true;
    }

    QList<Format::StateItem> items;
    for (auto it = installed.cbegin(); it != installed.cend(); ++it) {
        const auto cached = m_cache.constFind(it.key());
        if (cached == m_cache.cend() || cached->version != (*it)->version || cached->mismatches == 0)
            continue;
        items.append(
            {it.key(),
             {{u"version"_s, cached->version}, {u"mismatches"_s, cached->mismatches}, {u"files"_s, cached->files}}});
    }
    return uniqueSorted(items);
}

} // namespace Flight::Integrity
