// SPDX-License-Identifier: GPL-3.0-or-later
#include "packagescheck.h"

#include "hostfiles.h"
#include "packagelist.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Flight::Integrity {

namespace {

bool hasRpmDatabase(const QString &root)
{
    for (const char *dir : {"/var/lib/rpm/", "/usr/lib/sysimage/rpm/"}) {
        for (const char *file : {"Packages", "Packages.db", "rpmdb.sqlite"}) {
            if (QFileInfo(QString::fromUtf8(underRoot(root, QByteArray(dir) + file))).isFile())
                return true;
        }
    }
    return false;
}

Expected<QList<Package>> queryRpm(const QString &rpm, const QString &root)
{
    QProcess process;
    process.setProgram(rpm);
    process.setArguments({u"--root"_s, root, u"-qa"_s, u"--queryformat"_s, QString::fromLatin1(kRpmQueryFormat)});
    process.setStandardInputFile(QProcess::nullDevice());
    process.start();
    if (!process.waitForStarted())
        return Error{u"%1: cannot start: %2"_s.arg(rpm, process.errorString())};
    if (!process.waitForFinished(PackagesCheck::kRpmTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return Error{u"%1 -qa: no answer within %2 s"_s.arg(rpm).arg(PackagesCheck::kRpmTimeoutMs / 1000)};
    }
    const QByteArray output = process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QByteArray error = process.readAllStandardError().trimmed();
        return Error{u"%1 -qa: exit %2: %3"_s.arg(rpm).arg(process.exitCode()).arg(itemText(error.left(200)))};
    }
    if (output.size() > PackagesCheck::kMaxRpmOutputBytes)
        return Error{u"%1 -qa: more than %2 bytes of output"_s.arg(rpm).arg(PackagesCheck::kMaxRpmOutputBytes)};
    return parseRpmQuery(output);
}

} // namespace

PackagesCheck::PackagesCheck(const CheckOptions &options)
    : m_root(options.root)
    , m_dpkgAdminDir(options.dpkgAdminDir)
    , m_rpm(options.rpm)
{
}

Expected<QList<Format::StateItem>> PackagesCheck::observe()
{
    const QByteArray statusPath = underRoot(m_root, m_dpkgAdminDir.toUtf8() + "/status");
    const auto status = readBounded(statusPath, kMaxStatusBytes, true);
    if (!status)
        return status.error();
    auto packages = parseDpkgStatus(*status);
    if (!packages)
        return Error{u"%1: %2"_s.arg(QString::fromUtf8(statusPath), packages.error().message)};
    if (m_rpm && hasRpmDatabase(m_root)) {
        const QString rpm = QStandardPaths::findExecutable(u"rpm"_s);
        if (!rpm.isEmpty()) {
            auto rpmPackages = queryRpm(rpm, m_root);
            if (!rpmPackages)
                return rpmPackages.error();
            packages->append(*rpmPackages);
        }
    }
    return packageItems(*packages);
}

} // namespace Flight::Integrity
