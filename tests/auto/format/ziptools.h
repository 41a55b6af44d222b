// SPDX-License-Identifier: GPL-3.0-or-later
// Zip helpers for the container and tamper tests: write arbitrary (hostile) zips with QuaZip, and find where each
// entry's bytes lie inside a zip file by parsing its central directory (ZIP64 aware).
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Flight::TestSupport {

struct ZipEntry
{
    ZipEntry() = default;
    ZipEntry(QString n, QByteArray d, int m = 0, QByteArray p = {}, qint64 declared = -1)
        : name(std::move(n))
        , data(std::move(d))
        , method(m)
        , password(std::move(p))
        , declaredSize(declared)
    {
    }

    QString name;
    QByteArray data;
    int method = 0; // 0 stored, 8 deflate, 12 bzip2
    QByteArray password; // zip-level (PKWARE) encryption when not empty
    qint64 declaredSize = -1; // when set: deflated honestly, but the headers claim this uncompressed size
};

// Writes `entries` in order, names unchecked. Returns false when QuaZip fails.
bool writeZip(const QString &path, const QList<ZipEntry> &entries);
// The decompressed bytes of entry `name`, or a null QByteArray.
QByteArray readZipEntry(const QString &path, const QString &name);

struct EntryLayout
{
    QString name;
    quint16 flags = 0;
    quint16 method = 0;
    quint32 crc = 0;
    qint64 compressedSize = 0;
    qint64 uncompressedSize = 0;
    qint64 localHeaderOffset = 0;
    qint64 dataOffset = 0; // first byte of the entry's stored or compressed data
    qint64 centralCrcOffset = 0; // the CRC-32 field in the central directory
    qint64 localCrcOffset = 0; // the CRC-32 field in the local header
};

// The entries of `zip` in central directory order; empty when it cannot be parsed.
QList<EntryLayout> zipLayout(const QByteArray &zip);
const EntryLayout *findEntry(const QList<EntryLayout> &layout, QStringView name);

quint32 crc32Of(QByteArrayView data);
QByteArray rawDeflate(QByteArrayView data); // deflate without zlib header, as inside a zip
void putLe32(QByteArray &data, qint64 offset, quint32 value);

} // namespace Flight::TestSupport
