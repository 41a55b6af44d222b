// SPDX-License-Identifier: GPL-3.0-or-later
#include "archivereader.h"

#include "archiveerror.h"
#include "digest.h"
#include "eventcodec.h"
#include "formatversion.h"
#include "linesplitter.h"
#include "streamcipher.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <quazip.h>
#include <quazipfile.h>
#include <quazipfileinfo.h>

using namespace Qt::StringLiterals;

namespace Flight::Format {

namespace {
constexpr qint64 kReadChunk = 256 * 1024;
constexpr quint16 kMethodStored = 0;
constexpr quint16 kMethodDeflate = 8;
constexpr quint16 kFlagEncrypted = 1;

bool isSafeEntryName(const QString &name)
{
    return !name.isEmpty() && !name.contains(u'/') && !name.contains(u'\\') && !name.contains(u"..")
        && !name.contains(QChar(0)) && !name.startsWith(u'.');
}

// minizip finds the end of central directory record by searching backwards and reads it even when the file stops
// a few bytes short of its end; the record must end the file, else the file was truncated or extended.
bool endsWithEndRecord(const QString &path)
{
    constexpr qint64 kEndRecord = 22;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const qint64 tailSize = std::min<qint64>(file.size(), kEndRecord + 0xffff);
    if (!file.seek(file.size() - tailSize))
        return false;
    const QByteArray tail = file.read(tailSize);
    for (qsizetype at = tail.size() - kEndRecord; at >= 0; --at) {
        if (tail.at(at) == 'P' && tail.at(at + 1) == 'K' && tail.at(at + 2) == 5 && tail.at(at + 3) == 6) {
            const qsizetype comment = uchar(tail.at(at + 20)) | (uchar(tail.at(at + 21)) << 8);
            if (at + kEndRecord + comment == tail.size())
                return true;
        }
    }
    return false;
}

} // namespace

struct ArchiveReader::Zip
{
    QuaZip archive;
};

ArchiveReader::ArchiveReader(QString path, ReaderLimits limits)
    : m_path(std::move(path))
    , m_limits(limits)
{
}

ArchiveReader::~ArchiveReader() = default;

Error ArchiveReader::error(int reason, const QString &what) const
{
    return Error{m_path + u": "_s + what, reason};
}

Expected<void> ArchiveReader::open()
{
    const QFileInfo info(m_path);
    if (!info.exists())
        return error(int(Reason::Io), u"no such file"_s);
    if (!info.isFile() || !info.isReadable())
        return error(int(Reason::Io), u"not a readable file"_s);
    m_zip = std::make_unique<Zip>();
    m_zip->archive.setZipName(m_path);
    if (!m_zip->archive.open(QuaZip::mdUnzip))
        return error(
            int(Reason::CorruptZip),
            u"corrupt zip: not a zip archive, or truncated (zip error %1)"_s.arg(m_zip->archive.getZipError()));
    if (!endsWithEndRecord(m_path))
        return error(int(Reason::CorruptZip),
                     u"corrupt zip: truncated or extended (the file does not end with its "
                     u"end of central directory record)"_s);
    if (auto entries = checkEntries(); !entries)
        return entries;

    auto manifestBytes = readSmallEntry(QString(kManifestEntry), m_limits.maxManifestBytes);
    if (!manifestBytes)
        return manifestBytes.error();
    auto signature = readSmallEntry(QString(kSignatureEntry), kSignatureBytes);
    if (!signature)
        return signature.error();

    auto manifest = manifestFromJson(*manifestBytes);
    if (!manifest)
        return error(manifest.error().code, manifest.error().message);
    auto signer = PublicKey::fromText(manifest->signer);
    if (!signer)
        return error(int(Reason::MalformedManifest), u"malformed manifest: 'signer' is not an Ed25519 public key"_s);
    if (signature->size() != kSignatureBytes || !signer->verify(*manifestBytes, *signature))
        return error(
            int(Reason::BadSignature),
            u"bad signature: manifest.sig does not verify manifest.json under signer %1"_s.arg(signer->fingerprint()));

    // The manifest is authentic from here on; check that it describes this container.
    const bool encryptedEntry = m_eventsEntry == kEncryptedEventsEntry;
    if (manifest->entries.size() != 1 || manifest->entries.front().name != m_eventsEntry)
        return error(int(Reason::MalformedManifest),
                     u"malformed manifest: 'entries' does not list exactly '%1'"_s.arg(m_eventsEntry));
    if (encryptedEntry != manifest->encryption.has_value())
        return error(int(Reason::MalformedManifest),
                     u"malformed manifest: '%1' does not agree with the manifest's 'encryption'"_s.arg(m_eventsEntry));

    m_manifest = std::move(*manifest);
    m_manifestBytes = std::move(*manifestBytes);
    m_signer = *signer;
    m_digest = Blake2b256::hexHash(m_manifestBytes);
    return {};
}

Expected<void> ArchiveReader::checkEntries()
{
    const QList<QuaZipFileInfo64> entries = m_zip->archive.getFileInfoList64();
    if (m_zip->archive.getZipError() != UNZ_OK)
        return error(int(Reason::CorruptZip),
                     u"corrupt zip: unreadable central directory (zip error %1)"_s.arg(m_zip->archive.getZipError()));
    static const QSet<QString> known{QString(kEventsEntry), QString(kEncryptedEventsEntry), QString(kManifestEntry),
                                     QString(kSignatureEntry)};
    QSet<QString> seen;
    for (const QuaZipFileInfo64 &entry : entries) {
        const QString &name = entry.name;
        const QString shown = name.left(80);
        if (!isSafeEntryName(name))
            return error(int(Reason::UnsafeEntryName), u"unsafe entry name '%1'"_s.arg(shown));
        if (!known.contains(name))
            return error(int(Reason::UnexpectedEntry), u"unexpected entry '%1'"_s.arg(shown));
        if (seen.contains(name))
            return error(int(Reason::DuplicateEntry), u"duplicate entry '%1'"_s.arg(name));
        seen.insert(name);
        if (entry.flags & kFlagEncrypted)
            return error(int(Reason::UnsupportedCompression),
                         u"unsupported compression in '%1': zip encryption"_s.arg(name));
        if (entry.method != kMethodStored && entry.method != kMethodDeflate)
            return error(int(Reason::UnsupportedCompression),
                         u"unsupported compression in '%1': method %2"_s.arg(name).arg(entry.method));
        const bool isEvents = name == kEventsEntry || name == kEncryptedEventsEntry;
        const qint64 limit = isEvents ? m_limits.maxEventsBytes
                                      : (name == kManifestEntry ? m_limits.maxManifestBytes : kSignatureBytes);
        if (entry.uncompressedSize > quint64(limit))
            return error(
                int(Reason::OversizedEntry),
                u"oversized entry '%1': %2 bytes, the limit is %3"_s.arg(name).arg(entry.uncompressedSize).arg(limit));
        if (isEvents) {
            if (!m_eventsEntry.isEmpty())
                return error(int(Reason::UnexpectedEntry),
                             u"unexpected entry '%1': the archive has both events entries"_s.arg(name));
            m_eventsEntry = name;
            m_eventsDeclaredSize = qint64(entry.uncompressedSize);
        }
    }
    for (const QLatin1StringView required : {kManifestEntry, kSignatureEntry}) {
        if (!seen.contains(QString(required)))
            return error(int(Reason::MissingEntry), u"missing entry '%1'"_s.arg(required));
    }
    if (m_eventsEntry.isEmpty())
        return error(int(Reason::MissingEntry), u"missing entry '%1'"_s.arg(kEventsEntry));
    return {};
}

Expected<QByteArray> ArchiveReader::readSmallEntry(const QString &name, qint64 limit)
{
    QByteArray data;
    auto collected = [&](QByteArrayView chunk) -> Expected<void> {
        if (data.size() + chunk.size() > limit)
            return error(int(Reason::OversizedEntry),
                         u"oversized entry '%1': more than %2 bytes"_s.arg(name).arg(limit));
        data.append(chunk);
        return {};
    };
    if (!m_zip->archive.setCurrentFile(name, QuaZip::csSensitive))
        return error(int(Reason::CorruptZip), u"corrupt zip: cannot locate '%1'"_s.arg(name));
    QuaZipFile file(&m_zip->archive);
    if (!file.open(QIODevice::ReadOnly))
        return error(int(Reason::CorruptData),
                     u"corrupt data in '%1': cannot open (zip error %2)"_s.arg(name).arg(file.getZipError()));
    char buffer[4096];
    for (;;) {
        const qint64 n = file.read(buffer, sizeof buffer);
        if (n < 0)
            return error(int(Reason::CorruptData), u"corrupt data in '%1': cannot decompress"_s.arg(name));
        if (n == 0)
            break;
        if (auto ok = collected(QByteArrayView(buffer, n)); !ok)
            return ok.error();
    }
    file.close();
    if (file.getZipError() != UNZ_OK)
        return error(int(Reason::CorruptData),
                     u"corrupt data in '%1': checksum mismatch (zip error %2)"_s.arg(name).arg(file.getZipError()));
    return data;
}

Expected<void> ArchiveReader::streamEvents(const ChunkSink &sink, const Progress &progress)
{
    const EntryInfo &expected = m_manifest.entries.front();
    if (!m_zip->archive.setCurrentFile(m_eventsEntry, QuaZip::csSensitive))
        return error(int(Reason::CorruptZip), u"corrupt zip: cannot locate '%1'"_s.arg(m_eventsEntry));
    QuaZipFile file(&m_zip->archive);
    if (!file.open(QIODevice::ReadOnly))
        return error(int(Reason::CorruptData),
                     u"corrupt data in '%1': cannot open (zip error %2)"_s.arg(m_eventsEntry).arg(file.getZipError()));
    Blake2b256 digest;
    QByteArray buffer(kReadChunk, Qt::Uninitialized);
    qint64 total = 0;
    // A damaged entry usually breaks a line or a chunk before its CRC and digest are known; the sink's error waits
    // until the bytes are known to be intact, so that damage is reported as such and names the entry (FORMAT.md §6).
    std::optional<Error> sinkError;
    for (;;) {
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n < 0)
            return error(int(Reason::CorruptData), u"corrupt data in '%1': cannot decompress"_s.arg(m_eventsEntry));
        if (n == 0)
            break;
        total += n;
        if (total > m_limits.maxEventsBytes)
            return error(int(Reason::OversizedEntry),
                         u"oversized entry '%1': more than %2 bytes"_s.arg(m_eventsEntry).arg(m_limits.maxEventsBytes));
        if (total > expected.size)
            return error(int(Reason::SizeMismatch),
                         u"entry size mismatch in '%1': longer than the manifest's %2 bytes"_s.arg(m_eventsEntry)
                             .arg(expected.size));
        const QByteArrayView chunk(buffer.constData(), n);
        digest.add(chunk);
        if (!sinkError) {
            if (auto ok = sink(chunk); !ok) {
                if (ok.error().code == int(Reason::Cancelled))
                    return ok;
                sinkError = ok.error();
            }
        }
        if (progress)
            progress(total, expected.size);
    }
    file.close();
    if (file.getZipError() != UNZ_OK)
        return error(
            int(Reason::CorruptData),
            u"corrupt data in '%1': checksum mismatch (zip error %2)"_s.arg(m_eventsEntry).arg(file.getZipError()));
    if (total != expected.size)
        return error(int(Reason::SizeMismatch),
                     u"entry size mismatch in '%1': %2 bytes, the manifest says %3"_s.arg(m_eventsEntry)
                         .arg(total)
                         .arg(expected.size));
    if (QString::fromLatin1(digest.finish().toHex()) != expected.digest)
        return error(int(Reason::DigestMismatch), u"entry digest mismatch in '%1'"_s.arg(m_eventsEntry));
    if (sinkError)
        return *sinkError;
    return {};
}

Expected<void> ArchiveReader::checkEventsDigest(const Progress &progress)
{
    return streamEvents([](QByteArrayView) -> Expected<void> { return {}; }, progress);
}

Expected<void> ArchiveReader::readEvents(const EventSink &sink, const DecryptionKey *key, const Progress &progress)
{
    std::unique_ptr<StreamDecryptor> decryptor;
    if (m_manifest.encryption) {
        if (!key)
            return error(int(Reason::CannotDecrypt),
                         u"cannot decrypt: the events are encrypted to %1 and no key was given"_s.arg(
                             m_manifest.encryption->recipient));
        auto opened = StreamDecryptor::open(*key, m_manifest.encryption->sealedKey, m_manifest.encryption->chunkSize);
        if (!opened)
            return error(opened.error().code, opened.error().message);
        decryptor = std::move(*opened);
    }

    EventTally tally;
    LineSplitter lines(m_limits.maxLineBytes);
    auto decodeLines = [&](QByteArrayView plain) -> Expected<void> {
        auto fed = lines.feed(plain, [&](QByteArrayView line, qint64 number) -> Expected<void> {
            auto event = decodeEvent(line);
            if (!event)
                return error(int(Reason::MalformedEvent), u"line %1: %2"_s.arg(number).arg(event.error().message));
            tally.add(*event);
            if (!sink(*event))
                return error(int(Reason::Cancelled), u"reading cancelled"_s);
            return {};
        });
        // The splitter's own errors ("line N: ...") come without a reason or the file name.
        if (!fed && fed.error().code == int(Reason::Unspecified))
            return error(int(Reason::MalformedEvent), fed.error().message);
        return fed;
    };

    auto streamed = streamEvents(
        [&](QByteArrayView chunk) -> Expected<void> {
            if (!decryptor)
                return decodeLines(chunk);
            auto plain = decryptor->push(chunk);
            if (!plain)
                return error(plain.error().code, plain.error().message);
            return decodeLines(*plain);
        },
        progress);
    if (!streamed)
        return streamed;
    if (decryptor) {
        auto rest = decryptor->finish();
        if (!rest)
            return error(rest.error().code, rest.error().message);
        if (auto ok = decodeLines(*rest); !ok)
            return ok;
    }
    if (auto end = lines.finish(); !end)
        return error(int(Reason::MalformedEvent), end.error().message);

    const EventTally &claimed = m_manifest.tally;
    auto mismatch = [&](const QString &what) {
        return error(int(Reason::ManifestMismatch), u"manifest does not match events: "_s + what);
    };
    if (tally.events != claimed.events)
        return mismatch(u"the manifest says %1 events, the entry has %2"_s.arg(claimed.events).arg(tally.events));
    if (tally.counts != claimed.counts)
        return mismatch(u"the counts per kind differ"_s);
    if (tally.span != claimed.span)
        return mismatch(u"the time span differs"_s);
    if (tally.losses != claimed.losses)
        return mismatch(u"the losses differ"_s);
    return {};
}

} // namespace Flight::Format
