// SPDX-License-Identifier: GPL-3.0-or-later
#include "archivewriter.h"

#include "archiveerror.h"
#include "digest.h"
#include "eventcodec.h"
#include "formatversion.h"
#include "securefile.h"
#include "streamcipher.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <quazip.h>
#include <quazipfile.h>
#include <quazipnewinfo.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Format {

namespace {
constexpr qsizetype kFlushBytes = 256 * 1024;
constexpr int kStored = 0;
} // namespace

struct ArchiveWriter::Zip
{
    QuaZip archive;
    QuaZipFile events{&archive};
    std::unique_ptr<StreamEncryptor> encryptor;
    Blake2b256 digest;
    qint64 entrySize = 0;
    QDateTime entryTime;
};

ArchiveWriter::ArchiveWriter(QString path, SigningKey key, ArchiveHeader header, WriterOptions options)
    : m_path(std::move(path))
    , m_key(std::move(key))
    , m_header(std::move(header))
    , m_options(std::move(options))
{
}

ArchiveWriter::~ArchiveWriter()
{
    if (m_zip)
        abort();
}

Error ArchiveWriter::ioError(const QString &what) const
{
    return makeError(Reason::Io, u"%1: %2"_s.arg(m_path + kPartSuffix, what));
}

Expected<void> ArchiveWriter::open()
{
    if (QFileInfo::exists(m_path))
        return makeError(Reason::Io, u"%1: already exists (refusing to replace an archive)"_s.arg(m_path));
    // Readers refuse other chunk sizes (FORMAT.md §5), and a size of 0 would never finish a chunk.
    if (m_options.recipient && (m_options.chunkSize < kMinChunkSize || m_options.chunkSize > kMaxChunkSize))
        return makeError(Reason::Unspecified,
                         u"%1: chunk size %2 is outside %3..%4"_s.arg(m_path)
                             .arg(m_options.chunkSize)
                             .arg(kMinChunkSize)
                             .arg(kMaxChunkSize));
    const QString part = m_path + kPartSuffix;
    QFile::remove(part);
    m_zip = std::make_unique<Zip>();
    m_zip->archive.setZipName(part);
    m_zip->archive.setZip64Enabled(true);
    m_zip->archive.setUtf8Enabled(true);
    if (!m_zip->archive.open(QuaZip::mdCreate)) {
        const int code = m_zip->archive.getZipError();
        m_zip.reset();
        return ioError(u"cannot create (zip error %1)"_s.arg(code));
    }
    QFile::setPermissions(part, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);
    m_zip->entryTime = QDateTime::currentDateTimeUtc();
    QuaZipNewInfo info(m_options.recipient ? QString(kEncryptedEventsEntry) : QString(kEventsEntry));
    info.dateTime = m_zip->entryTime;
    if (!m_zip->events.open(QIODevice::WriteOnly, info, nullptr, 0, Z_DEFLATED, m_options.compressionLevel)) {
        const int code = m_zip->events.getZipError();
        abort();
        return ioError(u"cannot start the events entry (zip error %1)"_s.arg(code));
    }
    if (m_options.recipient)
        m_zip->encryptor = std::make_unique<StreamEncryptor>(*m_options.recipient, m_options.chunkSize);
    return {};
}

Expected<void> ArchiveWriter::append(const Event &event)
{
    const qsizetype before = m_buffer.size();
    encodeEvent(event, m_buffer);
    m_encodedBytes += m_buffer.size() - before;
    m_tally.add(event);
    if (m_buffer.size() >= kFlushBytes)
        return flush(false);
    return {};
}

Expected<void> ArchiveWriter::appendEncoded(QByteArrayView line, const Event &event)
{
    m_buffer.append(line);
    m_encodedBytes += line.size();
    m_tally.add(event);
    if (m_buffer.size() >= kFlushBytes)
        return flush(false);
    return {};
}

Expected<void> ArchiveWriter::flush(bool final)
{
    if (!m_zip)
        return ioError(u"the archive is not open"_s);
    QByteArray data;
    if (m_zip->encryptor) {
        data = m_zip->encryptor->push(m_buffer);
        if (final)
            data += m_zip->encryptor->finish();
    } else {
        data = std::move(m_buffer);
    }
    m_buffer.clear();
    m_zip->digest.add(data);
    m_zip->entrySize += data.size();
    if (m_zip->events.write(data) != data.size())
        return ioError(u"cannot write events (zip error %1)"_s.arg(m_zip->events.getZipError()));
    return {};
}

Expected<void> ArchiveWriter::writeEntry(QLatin1StringView name, QByteArrayView data)
{
    QuaZipFile file(&m_zip->archive);
    QuaZipNewInfo info{QString(name)};
    info.dateTime = m_zip->entryTime;
    if (!file.open(QIODevice::WriteOnly, info, nullptr, 0, kStored, 0)
        || file.write(data.data(), data.size()) != data.size()) {
        return ioError(u"cannot write %1 (zip error %2)"_s.arg(name).arg(file.getZipError()));
    }
    file.close();
    if (file.getZipError() != UNZ_OK)
        return ioError(u"cannot write %1 (zip error %2)"_s.arg(name).arg(file.getZipError()));
    return {};
}

Expected<SealedArchive> ArchiveWriter::finish()
{
    if (auto flushed = flush(true); !flushed)
        return flushed.error();
    m_zip->events.close();
    if (m_zip->events.getZipError() != UNZ_OK)
        return ioError(u"cannot finish the events entry (zip error %1)"_s.arg(m_zip->events.getZipError()));

    Manifest m;
    m.version = kFormatVersion;
    m.seq = m_header.seq;
    m.prevDigest = m_header.prevDigest;
    m.recovered = m_header.recovered;
    m.createdTs = m_options.createdTs ? m_options.createdTs : QDateTime::currentMSecsSinceEpoch() * 1000000;
    m.host = m_header.host;
    m.collector = m_header.collector;
    m.tally = m_tally;
    const QString entryName = m_zip->encryptor ? QString(kEncryptedEventsEntry) : QString(kEventsEntry);
    m.entries = {{entryName, m_zip->entrySize, QString::fromLatin1(m_zip->digest.finish().toHex())}};
    m.signer = m_key.publicKey().toText();
    if (m_zip->encryptor) {
        m.encryption = Encryption{QString(kEncryptionScheme), m_options.recipient->toText(),
                                  m_zip->encryptor->sealedKey(), m_zip->encryptor->chunkSize()};
    }
    const QByteArray manifestBytes = manifestToJson(m);
    if (auto written = writeEntry(kManifestEntry, manifestBytes); !written)
        return written.error();
    if (auto written = writeEntry(kSignatureEntry, m_key.sign(manifestBytes)); !written)
        return written.error();
    m_zip->archive.close();
    const int zipError = m_zip->archive.getZipError();
    m_zip.reset();
    const QString part = m_path + kPartSuffix;
    if (zipError != UNZ_OK || !syncFile(part)) {
        QFile::remove(part);
        return ioError(u"cannot complete the archive (zip error %1)"_s.arg(zipError));
    }
    // link() + unlink() instead of rename(): it fails rather than replacing an archive that appeared meanwhile.
    if (::link(QFile::encodeName(part).constData(), QFile::encodeName(m_path).constData()) != 0) {
        QFile::remove(part);
        return makeError(Reason::Io,
                         u"%1: cannot store the archive (it exists or the directory is not writable)"_s.arg(m_path));
    }
    QFile::remove(part);
    syncParentDirectory(m_path);
    return SealedArchive{m_path, Blake2b256::hexHash(manifestBytes), std::move(m), manifestBytes};
}

void ArchiveWriter::abort()
{
    if (m_zip && m_zip->events.isOpen())
        m_zip->events.close();
    if (m_zip)
        m_zip->archive.close();
    m_zip.reset();
    QFile::remove(m_path + kPartSuffix);
}

} // namespace Flight::Format
