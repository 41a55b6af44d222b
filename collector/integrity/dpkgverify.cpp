// SPDX-License-Identifier: GPL-3.0-or-later
#include "dpkgverify.h"

#include "hostfiles.h"

#include <QCryptographicHash>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Integrity {

namespace {

constexpr qint64 kMaxMd5sumsBytes = 16LL << 20;

bool isHex32(QByteArrayView text)
{
    if (text.size() != 32)
        return false;
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

bool safeRelative(const QByteArray &path)
{
    if (path.isEmpty() || path.startsWith('/') || path.size() > 4096 || path.contains('\0'))
        return false;
    for (const QByteArray &part : path.split('/')) {
        if (part == "..")
            return false;
    }
    return true;
}

// The reason the file differs, or an empty string when it matches. Adds to `bytes` what it read.
QString compare(const QByteArray &path, const QByteArray &md5, const VerifyLimits &limits, qint64 &bytes, bool &skipped)
{
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | O_NOFOLLOW);
    if (fd < 0)
        return errno == ENOENT ? u"missing"_s
            : errno == ELOOP   ? u"not a regular file"_s
                               : u"cannot read: "_s + errnoText(errno);
    struct stat st = {};
    QString reason;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        reason = u"not a regular file"_s;
    } else if (st.st_size > limits.maxFileBytes || bytes + st.st_size > limits.maxBytes) {
        skipped = true;
    } else {
        QCryptographicHash hash(QCryptographicHash::Md5);
        char buffer[65536];
        ssize_t n = 0;
        qint64 total = 0;
        while ((n = ::read(fd, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR)) {
            if (n < 0)
                continue;
            total += n;
            if (total > limits.maxFileBytes)
                break;
            hash.addData(QByteArrayView(buffer, n));
        }
        bytes += total;
        if (n < 0)
            reason = u"cannot read: "_s + errnoText(errno);
        else if (total > limits.maxFileBytes)
            skipped = true;
        else if (hash.result().toHex() != md5)
            reason = u"digest differs"_s;
    }
    ::close(fd);
    return reason;
}

} // namespace

Expected<QList<Md5Entry>> parseDpkgMd5sums(QByteArrayView content)
{
    QList<Md5Entry> entries;
    qsizetype number = 0;
    for (const QByteArray &line : content.toByteArray().split('\n')) {
        ++number;
        if (line.isEmpty())
            continue;
        // Two spaces between digest and path, as md5sum(1) writes them; the path may itself hold spaces.
        if (line.size() < 35 || line.at(32) != ' ' || line.at(33) != ' ' || !isHex32(line.first(32)))
            return Error{u"md5sums line %1: expected '<32 hex digits>  <path>'"_s.arg(number)};
        const QByteArray path = line.sliced(34);
        if (!safeRelative(path))
            return Error{u"md5sums line %1: unsafe path '%2'"_s.arg(number).arg(itemText(path.left(200)))};
        entries.append({line.first(32), path});
    }
    return entries;
}

Expected<PackageVerification> verifyDpkgPackage(const QString &root, const QString &name, const QString &arch,
                                                const VerifyLimits &limits, const QString &adminDir)
{
    PackageVerification result;
    if (name.isEmpty() || name.contains(u'/') || arch.contains(u'/'))
        return Error{u"package '%1': not a package name"_s.arg(name)};
    QByteArray md5sums;
    QByteArray md5sumsPath;
    for (const QString &file : {name + u':' + arch + u".md5sums"_s, name + u".md5sums"_s}) {
        md5sumsPath = underRoot(root, adminDir.toUtf8() + "/info/" + file.toUtf8());
        auto content = readBounded(md5sumsPath, kMaxMd5sumsBytes, true);
        if (!content)
            return content.error();
        if (!content->isEmpty()) {
            md5sums = std::move(*content);
            break;
        }
    }
    if (md5sums.isEmpty())
        return result;
    const auto entries = parseDpkgMd5sums(md5sums);
    if (!entries)
        return Error{u"%1: %2"_s.arg(QString::fromUtf8(md5sumsPath), entries.error().message)};
    result.hasDigests = true;
    qint64 bytes = 0;
    for (const Md5Entry &entry : *entries) {
        if (result.checked >= limits.maxFiles) {
            ++result.skipped;
            continue;
        }
        bool skipped = false;
        const QString reason = compare(underRoot(root, "/" + entry.path), entry.md5, limits, bytes, skipped);
        if (skipped) {
            ++result.skipped;
            continue;
        }
        ++result.checked;
        if (!reason.isEmpty())
            result.mismatches.append({itemText("/" + entry.path), reason});
    }
    result.bytes = bytes;
    return result;
}

} // namespace Flight::Integrity
