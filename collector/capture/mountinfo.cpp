// SPDX-License-Identifier: GPL-3.0-or-later
#include "mountinfo.h"

#include <QDir>
#include <QFile>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Flight::Capture {

namespace {

// \ooo octal escapes, as the kernel writes space, tab, newline and backslash in paths.
std::optional<QByteArray> unescape(QByteArrayView field)
{
    QByteArray out;
    out.reserve(field.size());
    for (qsizetype i = 0; i < field.size(); ++i) {
        if (field[i] != '\\') {
            out.append(field[i]);
            continue;
        }
        if (i + 3 >= field.size())
            return std::nullopt;
        int value = 0;
        for (qsizetype j = i + 1; j <= i + 3; ++j) {
            if (field[j] < '0' || field[j] > '7')
                return std::nullopt;
            value = value * 8 + (field[j] - '0');
        }
        if (value == 0 || value > 255)
            return std::nullopt;
        out.append(char(value));
        i += 3;
    }
    return out;
}

std::optional<quint32> number(QByteArrayView text)
{
    bool ok = false;
    const uint value = text.toByteArray().toUInt(&ok, 10);
    return ok && !text.isEmpty() && text[0] != '+' ? std::optional<quint32>(value) : std::nullopt;
}

Expected<Mount> parseLine(QByteArrayView line)
{
    const QList<QByteArray> fields = line.toByteArray().split(' ');
    const qsizetype dash = fields.indexOf(QByteArray("-"));
    if (dash < 6 || fields.size() != dash + 4)
        return Error{u"expected 6 fields, optional fields, '-', type, source and options"_s};
    Mount m;
    bool ok = false;
    m.id = fields[0].toLongLong(&ok);
    if (!ok || m.id < 0)
        return Error{u"mount id '%1' is not a number"_s.arg(QString::fromUtf8(fields[0]))};
    const QList<QByteArray> dev = fields[2].split(':');
    const auto major = dev.size() == 2 ? number(dev[0]) : std::nullopt;
    const auto minor = dev.size() == 2 ? number(dev[1]) : std::nullopt;
    if (!major || !minor)
        return Error{u"device '%1' is not major:minor"_s.arg(QString::fromUtf8(fields[2]))};
    m.major = *major;
    m.minor = *minor;
    const auto root = unescape(fields[3]), mountPoint = unescape(fields[4]), source = unescape(fields[dash + 2]);
    if (!root || !mountPoint || !source || !mountPoint->startsWith('/'))
        return Error{u"root, mount point or source is not a valid path"_s};
    m.root = *root;
    m.mountPoint = *mountPoint;
    m.type = QString::fromUtf8(fields[dash + 1]);
    m.source = *source;
    if (m.type.isEmpty())
        return Error{u"empty filesystem type"_s};
    return m;
}

} // namespace

Expected<QList<Mount>> parseMountInfo(QByteArrayView content)
{
    QList<Mount> mounts;
    qsizetype number = 0;
    for (const QByteArray &line : content.toByteArray().split('\n')) {
        ++number;
        if (line.isEmpty())
            continue;
        auto mount = parseLine(line);
        if (!mount)
            return Error{u"mountinfo line %1: %2"_s.arg(number).arg(mount.error().message)};
        mounts.append(std::move(*mount));
    }
    return mounts;
}

bool isCapturedFilesystem(const QString &type)
{
    static const QSet<QString> notCaptured{
        // kernel interfaces
        u"proc"_s, u"sysfs"_s, u"devtmpfs"_s, u"devpts"_s, u"cgroup"_s, u"cgroup2"_s, u"securityfs"_s, u"debugfs"_s,
        u"tracefs"_s, u"bpf"_s, u"pstore"_s, u"configfs"_s, u"fusectl"_s, u"mqueue"_s, u"hugetlbfs"_s, u"autofs"_s,
        u"binfmt_misc"_s, u"efivarfs"_s, u"rpc_pipefs"_s, u"nsfs"_s, u"selinuxfs"_s, u"nfsd"_s, u"ramfs"_s,
        // network
        u"nfs"_s, u"nfs4"_s, u"cifs"_s, u"smb3"_s, u"smbfs"_s, u"9p"_s, u"ceph"_s, u"afs"_s, u"glusterfs"_s, u"fuse"_s,
        u"fuseblk"_s};
    return !type.startsWith(u"fuse."_s) && !notCaptured.contains(type);
}

Expected<QList<Mount>> readMountInfo(const QString &root)
{
    QFile file(QDir(root).filePath(u"proc/self/mountinfo"_s));
    if (!file.open(QIODevice::ReadOnly))
        return Error{u"%1: cannot read: %2"_s.arg(file.fileName(), file.errorString())};
    return parseMountInfo(file.readAll());
}

} // namespace Flight::Capture
