// SPDX-License-Identifier: GPL-3.0-or-later
// /proc/<pid>/mountinfo (proc(5)): which filesystems are mounted where, so that file capture can mark every real
// local filesystem and leave pseudo and network filesystems out. Pure parser plus the live read.
#pragma once

#include "expected.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Flight::Capture {

struct Mount
{
    qint64 id = 0;
    quint32 major = 0, minor = 0; // st_dev of files on it
    QByteArray root; // the path inside the filesystem that is mounted here
    QByteArray mountPoint; // octal escapes (\040 for a space) decoded
    QString type; // e.g. "ext4", "fuse.sshfs"
    QByteArray source;
    bool operator==(const Mount &) const = default;
};

// Every line; a malformed line is an error naming its line number and what is wrong.
Expected<QList<Mount>> parseMountInfo(QByteArrayView content);

// Filesystems with no files of their own on local storage: kernel interfaces (proc, sysfs, cgroup, bpf, ...),
// network filesystems (nfs, cifs, ...) and FUSE. tmpfs and overlay count as real: /tmp, /dev/shm and containers live
// there.
bool isCapturedFilesystem(const QString &type);

// /proc/self/mountinfo under `root`.
Expected<QList<Mount>> readMountInfo(const QString &root = QStringLiteral("/"));

} // namespace Flight::Capture
