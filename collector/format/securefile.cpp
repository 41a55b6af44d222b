// SPDX-License-Identifier: GPL-3.0-or-later
#include "securefile.h"

#include "archiveerror.h"

#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Format {

namespace {
Error ioError(const QString &path, const QString &what)
{
    return makeError(Reason::Io, u"%1: %2: %3"_s.arg(path, what, QString::fromLocal8Bit(std::strerror(errno))));
}
} // namespace

Expected<void> writePrivateFile(const QString &path, QByteArrayView content, bool overwrite)
{
    const QByteArray finalName = QFile::encodeName(path);
    if (!overwrite && ::access(finalName.constData(), F_OK) == 0)
        return makeError(Reason::Io, u"%1: already exists (refusing to replace a key)"_s.arg(path));
    const QByteArray partName = finalName + ".part";
    ::unlink(partName.constData());
    const int fd = ::open(partName.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return ioError(path + u".part"_s, u"cannot create"_s);
    qsizetype done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, static_cast<size_t>(content.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            auto error = ioError(path + u".part"_s, u"cannot write"_s);
            ::close(fd);
            ::unlink(partName.constData());
            return error;
        }
        done += n;
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced || ::rename(partName.constData(), finalName.constData()) != 0) {
        auto error = ioError(path, u"cannot store"_s);
        ::unlink(partName.constData());
        return error;
    }
    syncParentDirectory(path);
    return {};
}

Expected<QByteArray> readPrivateFile(const QString &path, qint64 maxBytes)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return ioError(path, u"cannot open"_s);
    struct stat st = {};
    if (::fstat(fd, &st) != 0) {
        auto error = ioError(path, u"cannot stat"_s);
        ::close(fd);
        return error;
    }
    if ((st.st_mode & 077) != 0) {
        ::close(fd);
        return makeError(
            Reason::BadKey,
            u"%1: permissions %2 are too open (the key must be readable by its owner only)"_s.arg(path).arg(
                st.st_mode & 07777, 4, 8, QLatin1Char('0')));
    }
    QByteArray content(maxBytes + 1, Qt::Uninitialized);
    qint64 done = 0;
    for (;;) {
        const ssize_t n = ::read(fd, content.data() + done, static_cast<size_t>(content.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            auto error = ioError(path, u"cannot read"_s);
            ::close(fd);
            return error;
        }
        if (n == 0 || (done += n) == content.size())
            break;
    }
    ::close(fd);
    if (done > maxBytes)
        return makeError(Reason::BadKey, u"%1: larger than %2 bytes, not a key file"_s.arg(path).arg(maxBytes));
    content.truncate(done);
    return content;
}

bool syncFile(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

bool syncParentDirectory(const QString &path)
{
    return syncFile(QFileInfo(path).absolutePath());
}

} // namespace Flight::Format
