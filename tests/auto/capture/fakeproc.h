// SPDX-License-Identifier: GPL-3.0-or-later
// A /proc tree in a temporary directory (the ReadOptions::root seam) for the process-table tests: add a process with
// its stat, status and cmdline, remove it, reuse its pid.
#pragma once

#include "procfs.h"

#include <QDir>
#include <QSaveFile>
#include <QTemporaryDir>

class FakeProc
{
public:
    bool add(qint64 pid, qint64 ppid, qint64 start, qint64 id, const QByteArray &cmdline = QByteArray("fake\0", 5))
    {
        const QString dir = QStringLiteral("%1/proc/%2/").arg(m_dir.path()).arg(pid);
        const QByteArray stat = QByteArray::number(pid) + " (fake) S " + QByteArray::number(ppid)
            + " 1 1 0 -1 4194304 0 0 0 0 0 0 0 0 20 0 1 0 " + QByteArray::number(start)
            + " 0 0 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n";
        const QByteArray ids = QByteArray::number(id);
        const QByteArray status
            = "Name:\tfake\nUid:\t" + ids + "\t" + ids + "\t0\t0\nGid:\t" + ids + "\t" + ids + "\t0\t0\n";
        if (!QDir().mkpath(dir))
            return false;
        for (const auto &[name, content] : {std::pair{QStringLiteral("status"), status},
                                            {QStringLiteral("cmdline"), cmdline},
                                            {QStringLiteral("stat"), stat}}) {
            QSaveFile file(dir + name);
            if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
                return false;
        }
        return true;
    }
    bool remove(qint64 pid)
    {
        return QDir(QStringLiteral("%1/proc/%2").arg(m_dir.path()).arg(pid)).removeRecursively();
    }
    Flight::Capture::ReadOptions options() const
    {
        Flight::Capture::ReadOptions o;
        o.root = m_dir.path();
        return o;
    }

private:
    QTemporaryDir m_dir;
};
