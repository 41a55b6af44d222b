// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers for the integrity tests: fixture files from tests/auto/integrity/fixtures, and a host tree built in a
// temporary directory that a check reads through its root prefix.
#pragma once

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

inline QByteArray fixture(const char *name)
{
    const QString path = QFINDTESTDATA(QStringLiteral("fixtures/") + QLatin1StringView(name));
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        qFatal("fixture %s not found", name);
    return file.readAll();
}

class FixtureRoot
{
public:
    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QString hostPath(const QString &path) const { return m_dir.path() + path; }

    // Writes `content` to host path `path` (absolute, "/etc/passwd"), creating directories.
    bool write(const QString &path, const QByteArray &content, QFileDevice::Permissions mode = {}) const
    {
        const QString full = hostPath(path);
        QDir().mkpath(QFileInfo(full).path());
        QFile file(full);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
            return false;
        file.close();
        return mode == QFileDevice::Permissions() || QFile::setPermissions(full, mode);
    }
    bool append(const QString &path, const QByteArray &content) const
    {
        QFile file(hostPath(path));
        return file.open(QIODevice::Append) && file.write(content) == content.size();
    }
    bool mkdir(const QString &path) const { return QDir().mkpath(hostPath(path)); }

private:
    QTemporaryDir m_dir;
};
