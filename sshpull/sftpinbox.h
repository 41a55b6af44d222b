// SPDX-License-Identifier: GPL-3.0-or-later
// A workstation's (or collection server's) inbox seen over SFTP, for `flightrec push`: upload one archive as
// `<name>.part` (resumed when a shorter .part is there: this side wrote it in order, so it is a prefix), fsynced where
// the server offers fsync@openssh.com, its size checked, then renamed to `<name>` and the final file's size checked
// again. Only then is the archive delivered (put() returns), and only then may the caller delete its local copy.
// An archive already in the inbox with the same size counts as delivered; with another size it is refused and left
// alone. Thread: the session's.
#pragma once

#include "sshsession.h"

#include <functional>

namespace Flight::SshPull {

struct PutResult
{
    qint64 resumedFrom = 0; // bytes of a .part already in the inbox that were kept
    qint64 sent = 0; // bytes written over SFTP this time
    bool alreadyThere = false; // the inbox held the archive already (same size); nothing was sent
};

class SftpInbox
{
public:
    static constexpr quint32 kChunk = 64 * 1024;

    SftpInbox(SshSession &session, QString path);

    // Uploads the local file `localPath` as `name`. `progress(done, total)` after each chunk.
    Expected<PutResult> put(const QString &localPath, const QString &name,
                            const std::function<void(qint64, qint64)> &progress);
    QString remotePath(const QString &name) const;

private:
    // The size of a remote regular file, nullopt when there is none; an error for anything else there.
    Expected<std::optional<qint64>> remoteSize(const QString &remote);

    SshSession &m_session;
    QString m_path;
};

} // namespace Flight::SshPull
