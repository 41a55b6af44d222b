// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostfiles.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcIntegrity, "flightrec.integrity", QtInfoMsg)

namespace Flight::Integrity {

namespace {

qint64 clockNs(clockid_t clock)
{
    timespec ts = {};
    clock_gettime(clock, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000LL + ts.tv_nsec;
}

} // namespace

QByteArray underRoot(const QString &root, QByteArrayView hostPath)
{
    QByteArray out = root.toUtf8();
    while (out.endsWith('/'))
        out.chop(1);
    if (!hostPath.startsWith('/'))
        out.append('/');
    out.append(hostPath);
    return out.isEmpty() ? QByteArray("/") : out;
}

Expected<QByteArray> readBounded(const QByteArray &path, qint64 maxBytes, bool missingOk)
{
    const QString name = QString::fromUtf8(path);
    // O_NONBLOCK: a FIFO planted where a file is expected must not hang the check.
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        if (missingOk && errno == ENOENT)
            return QByteArray();
        return Error{u"%1: cannot read: %2"_s.arg(name, errnoText(errno))};
    }
    QByteArray data;
    struct stat st = {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > maxBytes) {
        ::close(fd);
        return Error{u"%1: larger than %2 bytes"_s.arg(name).arg(maxBytes)};
    }
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            return Error{u"%1: cannot read: %2"_s.arg(name, errnoText(error))};
        }
        if (n == 0)
            break;
        if (data.size() + n > maxBytes) {
            ::close(fd);
            return Error{u"%1: larger than %2 bytes"_s.arg(name).arg(maxBytes)};
        }
        data.append(buffer, n);
    }
    ::close(fd);
    return data;
}

QString itemText(QByteArrayView bytes)
{
    QString text = QString::fromUtf8(bytes);
    bool clean = text.toUtf8() == bytes && !text.contains(QChar::ReplacementCharacter);
    for (QChar c : std::as_const(text))
        clean = clean && c.unicode() >= 0x20 && c.unicode() != 0x7f;
    if (!clean) {
        // Escape byte by byte: invalid sequences and control characters become \xNN, valid multibyte text stays.
        text.clear();
        qsizetype i = 0;
        while (i < bytes.size()) {
            const uchar c = uchar(bytes[i]);
            qsizetype len = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
            QString piece;
            if (len > 0 && i + len <= bytes.size()) {
                piece = QString::fromUtf8(bytes.sliced(i, len));
                if (piece.toUtf8() != bytes.sliced(i, len) || piece.contains(QChar::ReplacementCharacter))
                    piece.clear();
            }
            if (piece.isEmpty() || (len == 1 && (c < 0x20 || c == 0x7f))) {
                text += u"\\x%1"_s.arg(uint(c), 2, 16, QChar(u'0'));
                len = 1;
            } else {
                text += piece;
            }
            i += len;
        }
    }
    if (text.size() > kMaxItemText)
        text.truncate(text[kMaxItemText - 1].isHighSurrogate() ? kMaxItemText - 1 : kMaxItemText);
    return text;
}

QByteArrayView cField(const char *field, qsizetype size)
{
    const void *nul = std::memchr(field, 0, size_t(size));
    return QByteArrayView(field, nul ? static_cast<const char *>(nul) - field : size);
}

qint64 realtimeNs()
{
    return clockNs(CLOCK_REALTIME);
}

qint64 boottimeNs()
{
    return clockNs(CLOCK_BOOTTIME);
}

QString errnoText(int error)
{
    QString text = QString::fromLocal8Bit(std::strerror(error));
    if (!text.isEmpty())
        text[0] = text[0].toLower();
    return text;
}

} // namespace Flight::Integrity
