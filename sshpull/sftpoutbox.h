// SPDX-License-Identifier: GPL-3.0-or-later
// A collector's outbox seen over SFTP: list the archives (regular files with plain archive names, sizes bounded;
// everything else reported as rejected, never touched), download one with many read requests in flight into
// `<local>.part` (resumed when a shorter .part is there, written in order so a .part is always a prefix of the
// file), fsynced and renamed to `<local>`, and remove one. Thread: the session's.
#pragma once

#include "sshsession.h"

#include <QList>
#include <functional>

namespace Flight::SshPull {

struct RemoteArchive
{
    QString name;
    qint64 size = 0;
    qint64 mtime = 0; // seconds since 1970
};

struct OutboxListing
{
    QList<RemoteArchive> archives; // by name
    QStringList rejected; // one message per entry left alone (name, type or size)
};

struct FetchResult
{
    qint64 resumedFrom = 0; // bytes of a previous .part that were kept
    qint64 received = 0; // bytes read over SFTP this time
};

class SftpOutbox
{
public:
    // Requests of `chunk` bytes, `inFlight` of them at a time (OpenSSH's sftp: 32 KiB, 64).
    static constexpr quint32 kChunk = 32 * 1024;
    static constexpr int kInFlight = 64;

    SftpOutbox(SshSession &session, QString path, qint64 maxArchiveBytes);

    Expected<OutboxListing> list();
    // Downloads `archive` to `localPath` (through localPath + ".part"). `progress(done, total)` after each chunk.
    Expected<FetchResult> fetch(const RemoteArchive &archive, const QString &localPath,
                                const std::function<void(qint64, qint64)> &progress);
    Expected<void> remove(const QString &name);

    QString remotePath(const QString &name) const;

private:
    SshSession &m_session;
    QString m_path;
    qint64 m_maxBytes;
};

} // namespace Flight::SshPull
