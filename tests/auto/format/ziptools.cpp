// SPDX-License-Identifier: GPL-3.0-or-later
#include "ziptools.h"

#include <QDateTime>
#include <quacrc32.h>
#include <quazip.h>
#include <quazipfile.h>
#include <quazipnewinfo.h>
#include <zlib.h>

namespace Flight::TestSupport {

namespace {

constexpr quint32 kLocalHeader = 0x04034b50;
constexpr quint32 kCentralHeader = 0x02014b50;
constexpr quint32 kEndOfCentral = 0x06054b50;
constexpr quint32 kZip64EndOfCentral = 0x06064b50;
constexpr quint32 kZip64Locator = 0x07064b50;
constexpr quint32 kMax32 = 0xffffffffU;

// Little-endian reads that answer 0 outside the data, so a damaged file cannot make the parser read out of bounds.
quint64 le(const QByteArray &data, qint64 offset, int bytes)
{
    if (offset < 0 || offset + bytes > data.size())
        return 0;
    quint64 value = 0;
    for (int i = bytes - 1; i >= 0; --i)
        value = (value << 8) | static_cast<unsigned char>(data[offset + i]);
    return value;
}

} // namespace

bool writeZip(const QString &path, const QList<ZipEntry> &entries)
{
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdCreate))
        return false;
    for (const ZipEntry &entry : entries) {
        QuaZipFile file(&zip);
        QuaZipNewInfo info(entry.name);
        info.dateTime = QDateTime(QDate(2025, 10, 9), QTime(12, 0));
        const bool lying = entry.declaredSize >= 0;
        const QByteArray data = lying ? rawDeflate(entry.data) : entry.data;
        if (lying)
            info.uncompressedSize = ulong(entry.declaredSize);
        const char *password = entry.password.isEmpty() ? nullptr : entry.password.constData();
        const int method = lying ? Z_DEFLATED : entry.method;
        const int level = method == 0 ? 0 : (method == Z_DEFLATED ? 6 : 9);
        if (!file.open(QIODevice::WriteOnly, info, password, lying ? crc32Of(entry.data) : 0, method, level, lying))
            return false;
        if (file.write(data) != data.size())
            return false;
        file.close();
        if (file.getZipError() != UNZ_OK)
            return false;
    }
    zip.close();
    return zip.getZipError() == UNZ_OK;
}

QByteArray readZipEntry(const QString &path, const QString &name)
{
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdUnzip) || !zip.setCurrentFile(name))
        return {};
    QuaZipFile file(&zip);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray data = file.readAll();
    file.close();
    return file.getZipError() == UNZ_OK ? data : QByteArray();
}

QList<EntryLayout> zipLayout(const QByteArray &zip)
{
    qint64 eocd = -1;
    for (qint64 at = zip.size() - 22; at >= 0 && at >= zip.size() - 22 - 65535; --at) {
        if (le(zip, at, 4) == kEndOfCentral) {
            eocd = at;
            break;
        }
    }
    if (eocd < 0)
        return {};
    quint64 count = le(zip, eocd + 10, 2);
    quint64 central = le(zip, eocd + 16, 4);
    if (le(zip, eocd - 20, 4) == kZip64Locator) {
        const qint64 zip64 = qint64(le(zip, eocd - 20 + 8, 8));
        if (le(zip, zip64, 4) != kZip64EndOfCentral)
            return {};
        count = le(zip, zip64 + 32, 8);
        central = le(zip, zip64 + 48, 8);
    }
    QList<EntryLayout> layout;
    qint64 at = qint64(central);
    for (quint64 i = 0; i < count; ++i) {
        if (le(zip, at, 4) != kCentralHeader)
            return {};
        EntryLayout e;
        e.flags = quint16(le(zip, at + 8, 2));
        e.method = quint16(le(zip, at + 10, 2));
        e.crc = quint32(le(zip, at + 16, 4));
        e.centralCrcOffset = at + 16;
        quint64 compressed = le(zip, at + 20, 4);
        quint64 uncompressed = le(zip, at + 24, 4);
        const qint64 nameLength = qint64(le(zip, at + 28, 2));
        const qint64 extraLength = qint64(le(zip, at + 30, 2));
        const qint64 commentLength = qint64(le(zip, at + 32, 2));
        quint64 local = le(zip, at + 42, 4);
        e.name = QString::fromUtf8(zip.mid(at + 46, nameLength));
        // The ZIP64 extra field holds, in this order, each of these that is 0xffffffff in the fixed part.
        for (qint64 x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
            const quint64 id = le(zip, x, 2);
            const qint64 size = qint64(le(zip, x + 2, 2));
            if (id == 1) {
                qint64 field = x + 4;
                for (quint64 *value : {&uncompressed, &compressed, &local}) {
                    if (*value == kMax32) {
                        *value = le(zip, field, 8);
                        field += 8;
                    }
                }
            }
            x += 4 + size;
        }
        e.compressedSize = qint64(compressed);
        e.uncompressedSize = qint64(uncompressed);
        e.localHeaderOffset = qint64(local);
        if (le(zip, e.localHeaderOffset, 4) != kLocalHeader)
            return {};
        e.localCrcOffset = e.localHeaderOffset + 14;
        e.dataOffset = e.localHeaderOffset + 30 + qint64(le(zip, e.localHeaderOffset + 26, 2))
            + qint64(le(zip, e.localHeaderOffset + 28, 2));
        layout.append(e);
        at += 46 + nameLength + extraLength + commentLength;
    }
    return layout;
}

const EntryLayout *findEntry(const QList<EntryLayout> &layout, QStringView name)
{
    for (const EntryLayout &e : layout) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

quint32 crc32Of(QByteArrayView data)
{
    QuaCrc32 crc;
    return crc.calculate(data.toByteArray());
}

QByteArray rawDeflate(QByteArrayView data)
{
    z_stream stream = {};
    if (deflateInit2(&stream, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int result = deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return result == Z_STREAM_END ? out : QByteArray();
}

void putLe32(QByteArray &data, qint64 offset, quint32 value)
{
    for (int i = 0; i < 4; ++i)
        data[offset + i] = char((value >> (8 * i)) & 0xff);
}

} // namespace Flight::TestSupport
