// SPDX-License-Identifier: GPL-3.0-or-later
#include "sftpinbox.h"

#include <QFile>
#include <fcntl.h>
#include <libssh/libssh.h>
#include <libssh/sftp.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace Flight::SshPull {

namespace {

struct RemoteWriter
{
    sftp_file file = nullptr;
    ~RemoteWriter()
    {
        if (file)
            sftp_close(file);
    }
};

} // namespace

SftpInbox::SftpInbox(SshSession &session, QString path)
    : m_session(session)
    , m_path(std::move(path))
{
    while (m_path.size() > 1 && m_path.endsWith(u'/'))
        m_path.chop(1);
}

QString SftpInbox::remotePath(const QString &name) const
{
    return m_path == "/"_L1 ? u'/' + name : m_path + u'/' + name;
}

Expected<std::optional<qint64>> SftpInbox::remoteSize(const QString &remote)
{
    sftp_attributes attributes = sftp_lstat(m_session.sftp(), remote.toUtf8().constData());
    if (!attributes) {
        if (sftp_get_error(m_session.sftp()) == SSH_FX_NO_SUCH_FILE)
            return std::optional<qint64>();
        return m_session.failure(SshReason::RemoteFile, u"cannot look at %1"_s.arg(remote));
    }
    const bool regular = attributes->type == SSH_FILEXFER_TYPE_REGULAR;
    const auto size = qint64(std::min<quint64>(attributes->size, quint64(std::numeric_limits<qint64>::max())));
    sftp_attributes_free(attributes);
    if (!regular)
        return sshError(SshReason::RemoteFile,
                        u"%1: %2 exists and is not a regular file; left alone"_s.arg(m_session.target().name, remote));
    return std::optional<qint64>(size);
}

Expected<PutResult> SftpInbox::put(const QString &localPath, const QString &name,
                                   const std::function<void(qint64, qint64)> &progress)
{
    SshSession::Operation operation(m_session);
    const QString host = m_session.target().name;
    QFile local(localPath);
    if (!local.open(QIODevice::ReadOnly))
        return sshError(SshReason::LocalFile, u"%1: cannot read %2: %3"_s.arg(host, localPath, local.errorString()));
    const qint64 total = local.size();
    const QString remote = remotePath(name);
    const QString partRemote = remote + u".part"_s;

    PutResult result;
    auto existing = remoteSize(remote);
    if (!existing)
        return existing.error();
    if (*existing) {
        if (**existing != total)
            return sshError(
                SshReason::RemoteFile,
                u"%1: %2 exists with %3 bytes, not %4; left alone"_s.arg(host, remote).arg(**existing).arg(total));
        result.alreadyThere = true;
        sftp_unlink(m_session.sftp(), partRemote.toUtf8().constData()); // a leftover of an earlier attempt, if any
        return result;
    }

    auto partSize = remoteSize(partRemote);
    if (!partSize)
        return partSize.error();
    // A .part longer than the archive is not a prefix of it: start again.
    result.resumedFrom = (*partSize && **partSize <= total) ? **partSize : 0;
    RemoteWriter writer;
    const int flags = O_WRONLY | O_CREAT | (result.resumedFrom == 0 ? O_TRUNC : 0);
    writer.file = sftp_open(m_session.sftp(), partRemote.toUtf8().constData(), flags, 0640);
    if (!writer.file || sftp_seek64(writer.file, quint64(result.resumedFrom)) != 0)
        return m_session.failure(SshReason::RemoteFile, u"cannot write %1"_s.arg(partRemote));
    if (!local.seek(result.resumedFrom))
        return sshError(SshReason::LocalFile, u"%1: cannot read %2: %3"_s.arg(host, localPath, local.errorString()));

    std::vector<char> buffer(kChunk);
    qint64 done = result.resumedFrom;
    if (progress)
        progress(done, total);
    while (done < total) {
        const qint64 got = local.read(buffer.data(), qint64(buffer.size()));
        if (got <= 0)
            return sshError(SshReason::LocalFile,
                            u"%1: cannot read %2: %3"_s.arg(
                                host, localPath, got == 0 ? u"it shrank while being sent"_s : local.errorString()));
        for (qint64 offset = 0; offset < got;) {
            const ssize_t wrote = sftp_write(writer.file, buffer.data() + offset, size_t(got - offset));
            if (wrote <= 0)
                return m_session.failure(SshReason::RemoteFile, u"cannot write %1"_s.arg(partRemote));
            offset += wrote;
        }
        done += got;
        result.sent += got;
        m_session.madeProgress();
        if (progress)
            progress(done, total);
    }
    if (sftp_extension_supported(m_session.sftp(), "fsync@openssh.com", "1") && sftp_fsync(writer.file) != 0)
        return m_session.failure(SshReason::RemoteFile, u"cannot flush %1 to disk"_s.arg(partRemote));
    if (sftp_close(std::exchange(writer.file, nullptr)) != 0)
        return m_session.failure(SshReason::RemoteFile, u"cannot write %1"_s.arg(partRemote));

    // The size the server holds, before and after the rename: the only confirmation SFTP gives.
    for (const QString &path : {partRemote, remote}) {
        if (path == remote
            && sftp_rename(m_session.sftp(), partRemote.toUtf8().constData(), remote.toUtf8().constData()) != 0)
            return m_session.failure(SshReason::RemoteFile, u"cannot rename %1 to %2"_s.arg(partRemote, remote));
        auto held = remoteSize(path);
        if (!held)
            return held.error();
        if (!*held || **held != total)
            return sshError(
                SshReason::RemoteFile,
                u"%1: %2 holds %3 bytes after the upload, not %4"_s.arg(host, path).arg(*held ? **held : 0).arg(total));
    }
    return result;
}

} // namespace Flight::SshPull
