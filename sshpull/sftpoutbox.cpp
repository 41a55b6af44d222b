// SPDX-License-Identifier: GPL-3.0-or-later
#include "sftpoutbox.h"

#include "remotename.h"
#include "securefile.h"
#include "writeall.h"

#include <QCollator>
#include <QFile>
#include <cerrno>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <libssh/libssh.h>
#include <libssh/sftp.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace Flight::SshPull {

namespace {

constexpr int kMaxEntries = 100000; // a listing longer than this is refused (a hostile host could list forever)

// Owns an open sftp_file and the read requests still outstanding on it (each must be collected).
struct RemoteFile
{
    sftp_file file = nullptr;
    std::deque<std::pair<quint32, quint32>> pending; // request id, length
    std::vector<char> scratch = std::vector<char>(SftpOutbox::kChunk);

    ~RemoteFile()
    {
        drain();
        if (file)
            sftp_close(file);
    }
    void drain()
    {
        for (const auto &[id, length] : pending)
            sftp_async_read(file, scratch.data(), length, id);
        pending.clear();
    }
};

struct LocalFile
{
    int fd = -1;
    ~LocalFile()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

} // namespace

SftpOutbox::SftpOutbox(SshSession &session, QString path, qint64 maxArchiveBytes)
    : m_session(session)
    , m_path(std::move(path))
    , m_maxBytes(maxArchiveBytes)
{
    while (m_path.size() > 1 && m_path.endsWith(u'/'))
        m_path.chop(1);
}

QString SftpOutbox::remotePath(const QString &name) const
{
    return m_path == "/"_L1 ? u'/' + name : m_path + u'/' + name;
}

Expected<OutboxListing> SftpOutbox::list()
{
    SshSession::Operation operation(m_session);
    const QByteArray path = m_path.toUtf8();
    sftp_dir dir = sftp_opendir(m_session.sftp(), path.constData());
    if (!dir)
        return m_session.failure(SshReason::RemoteFile, u"cannot list the outbox %1"_s.arg(m_path));
    OutboxListing listing;
    int entries = 0;
    while (sftp_attributes attributes = sftp_readdir(m_session.sftp(), dir)) {
        const QByteArray name(attributes->name ? attributes->name : "");
        const quint8 type = attributes->type;
        const qint64 size = qint64(std::min<quint64>(attributes->size, quint64(std::numeric_limits<qint64>::max())));
        const qint64 mtime = attributes->mtime;
        sftp_attributes_free(attributes);
        m_session.madeProgress();
        if (++entries > kMaxEntries) {
            sftp_closedir(dir);
            return sshError(
                SshReason::RemoteFile,
                u"%1: the outbox %2 lists more than %3 entries; refused"_s.arg(m_session.target().name, m_path)
                    .arg(kMaxEntries));
        }
        if (name == "." || name == ".." || name.endsWith(".part"))
            continue;
        QByteArray shown = name.left(80); // printable in a message, whatever the host sent
        for (char &c : shown)
            c = (c >= 0x20 && c < 0x7f) ? c : '?';
        if (const QString why = rejectArchiveName(name); !why.isEmpty()) {
            if (name.endsWith(".frec"))
                listing.rejected.append(
                    u"%1: %2: %3; left alone"_s.arg(m_session.target().name, QString::fromLatin1(shown), why));
            continue;
        }
        if (type != SSH_FILEXFER_TYPE_REGULAR) {
            listing.rejected.append(
                u"%1: %2: not a regular file; left alone"_s.arg(m_session.target().name, QString::fromUtf8(name)));
            continue;
        }
        if (size > m_maxBytes) {
            listing.rejected.append(u"%1: %2: %3 bytes, more than the limit of %4; left alone"_s
                                        .arg(m_session.target().name, QString::fromUtf8(name))
                                        .arg(size)
                                        .arg(m_maxBytes));
            continue;
        }
        listing.archives.append({QString::fromUtf8(name), size, mtime});
    }
    const bool complete = sftp_dir_eof(dir);
    sftp_closedir(dir);
    if (!complete)
        return m_session.failure(SshReason::RemoteFile, u"cannot list the outbox %1"_s.arg(m_path));
    QCollator collator;
    collator.setNumericMode(true);
    std::sort(listing.archives.begin(), listing.archives.end(),
              [&](const RemoteArchive &a, const RemoteArchive &b) { return collator.compare(a.name, b.name) < 0; });
    return listing;
}

Expected<FetchResult> SftpOutbox::fetch(const RemoteArchive &archive, const QString &localPath,
                                        const std::function<void(qint64, qint64)> &progress)
{
    SshSession::Operation operation(m_session);
    const QString partPath = localPath + u".part"_s;
    const QByteArray part = QFile::encodeName(partPath);
    LocalFile local;
    local.fd = ::open(part.constData(), O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    struct stat info
    {
    };
    if (local.fd < 0 || ::fstat(local.fd, &info) != 0 || !S_ISREG(info.st_mode))
        return sshError(SshReason::LocalFile,
                        u"%1: cannot write %2: %3"_s.arg(m_session.target().name, partPath,
                                                         QString::fromLocal8Bit(std::strerror(errno))));
    FetchResult result;
    // A .part longer than the remote file is not a prefix of it: start again.
    result.resumedFrom = info.st_size <= archive.size ? info.st_size : 0;
    if (::ftruncate(local.fd, result.resumedFrom) != 0 || ::lseek(local.fd, result.resumedFrom, SEEK_SET) < 0)
        return sshError(SshReason::LocalFile,
                        u"%1: cannot write %2: %3"_s.arg(m_session.target().name, partPath,
                                                         QString::fromLocal8Bit(std::strerror(errno))));

    const QString remote = remotePath(archive.name);
    RemoteFile file;
    file.file = sftp_open(m_session.sftp(), remote.toUtf8().constData(), O_RDONLY, 0);
    if (!file.file)
        return m_session.failure(SshReason::RemoteFile, u"cannot open %1"_s.arg(remote));

    qint64 done = result.resumedFrom; // written, in order
    qint64 requested = done; // asked for
    const auto restartAt = [&](qint64 offset) {
        file.drain();
        requested = offset;
        return sftp_seek64(file.file, quint64(offset)) == 0;
    };
    if (!restartAt(done))
        return m_session.failure(SshReason::RemoteFile, u"cannot read %1"_s.arg(remote));
    std::vector<char> buffer(kChunk);
    if (progress)
        progress(done, archive.size);
    while (done < archive.size) {
        while (file.pending.size() < size_t(kInFlight) && requested < archive.size) {
            const quint32 length = quint32(std::min<qint64>(kChunk, archive.size - requested));
            const int id = sftp_async_read_begin(file.file, length);
            if (id < 0)
                return m_session.failure(SshReason::Protocol, u"cannot read %1"_s.arg(remote));
            file.pending.emplace_back(quint32(id), length);
            requested += length;
        }
        const auto [id, length] = file.pending.front();
        file.pending.pop_front();
        const int got = sftp_async_read(file.file, buffer.data(), length, id);
        if (got < 0)
            return m_session.failure(SshReason::RemoteFile, u"cannot read %1"_s.arg(remote));
        if (got == 0)
            return sshError(SshReason::RemoteFile,
                            u"%1: %2 ended after %3 bytes, but was listed with %4; kept %5 "
                            u"to resume"_s.arg(m_session.target().name, remote)
                                .arg(done)
                                .arg(archive.size)
                                .arg(partPath));
        if (!writeAll(local.fd, buffer.data(), size_t(got), FdKind::File))
            return sshError(SshReason::LocalFile,
                            u"%1: cannot write %2: %3"_s.arg(m_session.target().name, partPath,
                                                             QString::fromLocal8Bit(std::strerror(errno))));
        done += got;
        result.received += got;
        m_session.madeProgress();
        if (progress)
            progress(done, archive.size);
        // A short answer (the server may cap a read) leaves a hole: ask again from where the data ends.
        if (quint32(got) < length && done < archive.size && !restartAt(done))
            return m_session.failure(SshReason::RemoteFile, u"cannot read %1"_s.arg(remote));
    }
    if (::fsync(local.fd) != 0 || ::close(std::exchange(local.fd, -1)) != 0)
        return sshError(SshReason::LocalFile,
                        u"%1: cannot write %2: %3"_s.arg(m_session.target().name, partPath,
                                                         QString::fromLocal8Bit(std::strerror(errno))));
    if (::rename(part.constData(), QFile::encodeName(localPath).constData()) != 0)
        return sshError(SshReason::LocalFile,
                        u"%1: cannot rename %2 to %3: %4"_s.arg(m_session.target().name, partPath, localPath,
                                                                QString::fromLocal8Bit(std::strerror(errno))));
    Flight::Format::syncParentDirectory(localPath); // the rename survives a crash
    return result;
}

Expected<void> SftpOutbox::remove(const QString &name)
{
    SshSession::Operation operation(m_session);
    const QString remote = remotePath(name);
    if (sftp_unlink(m_session.sftp(), remote.toUtf8().constData()) != 0)
        return m_session.failure(SshReason::RemoteFile, u"cannot remove %1"_s.arg(remote));
    return {};
}

} // namespace Flight::SshPull
