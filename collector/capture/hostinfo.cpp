// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostinfo.h"

#include "archiveerror.h"

#include <QFile>
#include <QRegularExpression>
#include <ctime>
#include <sys/utsname.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Capture {

namespace {

qint64 clockNs(clockid_t clock)
{
    timespec ts = {};
    clock_gettime(clock, &ts);
    return qint64(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

Expected<QString> readLine(const QString &path, const QRegularExpression &valid)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{u"%1: cannot read: %2"_s.arg(path, file.errorString())};
    const QString value = QString::fromUtf8(file.readLine(256)).trimmed();
    if (!valid.match(value).hasMatch())
        return Error{u"%1: unexpected content '%2'"_s.arg(path, value.left(64))};
    return value;
}

} // namespace

qint64 realtimeNs()
{
    return clockNs(CLOCK_REALTIME);
}
qint64 boottimeNs()
{
    return clockNs(CLOCK_BOOTTIME);
}
qint64 monotonicNs()
{
    return clockNs(CLOCK_MONOTONIC);
}
qint64 bootMinusMonotonicNs()
{
    const qint64 monotonic = monotonicNs();
    return boottimeNs() - monotonic;
}

QString parseOsRelease(QByteArrayView content)
{
    QString name;
    for (const QByteArray &line : content.toByteArray().split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq <= 0)
            continue;
        const QByteArray key = line.left(eq).trimmed();
        QString value = QString::fromUtf8(line.mid(eq + 1)).trimmed();
        if (value.size() >= 2 && (value.front() == u'"' || value.front() == u'\'') && value.back() == value.front())
            value = value.mid(1, value.size() - 2);
        if (key == "PRETTY_NAME")
            return value;
        if (key == "NAME")
            name = value;
    }
    return name.isEmpty() ? u"Linux"_s : name;
}

Expected<Format::HostInfo> readHostInfo(const QString &root)
{
    const QString base = root.endsWith(u'/') ? root : root + u'/';
    static const QRegularExpression hex32(u"^[0-9a-f]{32}$"_s);
    static const QRegularExpression uuid(u"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"_s);
    auto machineId = readLine(base + u"etc/machine-id"_s, hex32);
    if (!machineId)
        return machineId.error();
    auto bootId = readLine(base + u"proc/sys/kernel/random/boot_id"_s, uuid);
    if (!bootId)
        return bootId.error();

    Format::HostInfo host;
    host.machineId = *machineId;
    host.bootId = *bootId;
    utsname uts = {};
    uname(&uts);
    host.hostname = QString::fromUtf8(uts.nodename);
    host.kernel = QString::fromUtf8(uts.release);
    QFile osRelease(base + u"etc/os-release"_s);
    if (!osRelease.open(QIODevice::ReadOnly)) {
        osRelease.setFileName(base + u"usr/lib/os-release"_s);
        (void)osRelease.open(QIODevice::ReadOnly);
    }
    host.os = parseOsRelease(osRelease.isOpen() ? osRelease.read(64 * 1024) : QByteArray());
    host.clkTck = sysconf(_SC_CLK_TCK);
    host.bootTs = realtimeNs() - boottimeNs();
    return host;
}

} // namespace Flight::Capture
