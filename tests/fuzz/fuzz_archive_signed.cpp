// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the input is the content of the events entry of an archive that is correct in everything else —
// the manifest names its size and digest and the tally of its good lines, and is signed with a key generated once
// per process — so that ArchiveReader gets past the signature to the zip streaming and the event lines. The input's
// size modulo 3 picks how the entry is stored: deflated, stored, or encrypted (FORMAT.md §5) in 1 KiB chunks, so
// that lines also cross the decryptor's and the line splitter's chunk boundaries. These must hold:
// - open() and checkEventsDigest() succeed: the archive is correct by construction;
// - readEvents delivers exactly the events that decodeEvent gives for the lines before the first bad one, with lines
//   split here independently after FORMAT.md §2.1 (terminated by '\n', not empty, no trailing '\r', length limit);
// - readEvents succeeds exactly when every line is good and the content is empty or ends with '\n', and otherwise
//   fails with Reason::MalformedEvent.
#include "archiveerror.h"
#include "digest.h"
#include "eventcodec.h"
#include "formatversion.h"
#include "fuzzsupport.h"
#include "streamcipher.h"

#include <array>
#include <quazip.h>
#include <quazipfile.h>
#include <quazipnewinfo.h>

using namespace Qt::StringLiterals;
using namespace Flight::Format;
using Flight::Fuzz::printable;
using Flight::Fuzz::propertyViolated;

namespace {

enum class Storage { Deflated, Stored, Encrypted };

struct Keys
{
    SigningKey signing = SigningKey::generate();
    DecryptionKey decryption = DecryptionKey::generate();
};

const Keys &keys()
{
    static const Keys k;
    return k;
}

// What a reader following FORMAT.md §2.1 yields for `content`.
struct Expectation
{
    QList<Event> events; // the good lines before the first bad one
    bool ok = true;
    QString why; // when !ok
};

Expectation expectedReading(QByteArrayView content, qint64 maxLineBytes)
{
    Expectation e;
    qsizetype start = 0;
    while (start < content.size()) {
        const qsizetype newline = content.indexOf('\n', start);
        const QByteArrayView line = content.sliced(start, (newline < 0 ? content.size() : newline) - start);
        const qint64 number = e.events.size() + 1;
        if (line.size() > maxLineBytes)
            e.why = u"line %1 is too long"_s.arg(number);
        else if (newline < 0)
            e.why = u"line %1 is not terminated"_s.arg(number);
        else if (line.isEmpty() || line.back() == '\r')
            e.why = u"line %1 is empty or ends with \\r"_s.arg(number);
        else if (auto event = decodeEvent(line); !event)
            e.why = u"line %1: %2"_s.arg(number).arg(event.error().message);
        else
            e.events.append(std::move(*event));
        if (!e.why.isEmpty()) {
            e.ok = false;
            return e;
        }
        start = newline + 1;
    }
    return e;
}

Manifest manifestFor(const QList<Event> &events, EntryInfo entry, std::optional<Encryption> encryption)
{
    Manifest m;
    m.version = kFormatVersion;
    m.seq = 1;
    m.createdTs = 1763800000000000000LL;
    m.host.machineId = u"3d1219c7c4c5404aaa1f6d2a48adfda4"_s;
    m.host.hostname = u"fuzz"_s;
    m.host.bootId = u"d1a65032-0aca-4891-b7e2-2aa85da7f6c9"_s;
    m.host.bootTs = 1763790000000000000LL;
    m.collector.version = u"0.1.0"_s;
    for (const Event &event : events)
        m.tally.add(event);
    m.entries = {std::move(entry)};
    m.signer = keys().signing.publicKey().toText();
    m.encryption = std::move(encryption);
    return m;
}

void addEntry(QuaZip &zip, const QString &name, QByteArrayView data, bool deflate)
{
    QuaZipFile file(&zip);
    QuaZipNewInfo info(name);
    if (!file.open(QIODevice::WriteOnly, info, nullptr, 0, deflate ? Z_DEFLATED : 0, deflate ? 1 : 0)
        || file.write(data.data(), data.size()) != data.size()) {
        Flight::Fuzz::environmentFailure(u"cannot write %1 (zip error %2)"_s.arg(name).arg(file.getZipError()));
    }
    file.close();
    if (file.getZipError() != UNZ_OK)
        Flight::Fuzz::environmentFailure(u"cannot finish %1 (zip error %2)"_s.arg(name).arg(file.getZipError()));
}

// Writes the archive into the scratch file; returns whether its events are encrypted.
bool writeArchive(QByteArrayView content, Storage storage, const QList<Event> &tallied)
{
    QByteArray entryData;
    std::optional<Encryption> encryption;
    QString entryName = QString(kEventsEntry);
    if (storage == Storage::Encrypted) {
        const RecipientKey recipient = keys().decryption.recipient();
        StreamEncryptor encryptor(recipient, kMinChunkSize);
        entryData = encryptor.push(content);
        entryData += encryptor.finish();
        encryption
            = Encryption{QString(kEncryptionScheme), recipient.toText(), encryptor.sealedKey(), encryptor.chunkSize()};
        entryName = QString(kEncryptedEventsEntry);
    } else {
        entryData = content.toByteArray();
    }
    const QByteArray manifest = manifestToJson(
        manifestFor(tallied, EntryInfo{entryName, entryData.size(), Blake2b256::hexHash(entryData)}, encryption));

    QuaZip zip(Flight::Fuzz::scratchPath());
    if (!zip.open(QuaZip::mdCreate))
        Flight::Fuzz::environmentFailure(u"cannot create the scratch archive (zip error %1)"_s.arg(zip.getZipError()));
    addEntry(zip, entryName, entryData, storage != Storage::Stored);
    addEntry(zip, QString(kManifestEntry), manifest, false);
    addEntry(zip, QString(kSignatureEntry), keys().signing.sign(manifest), false);
    zip.close();
    if (zip.getZipError() != UNZ_OK)
        Flight::Fuzz::environmentFailure(u"cannot close the scratch archive (zip error %1)"_s.arg(zip.getZipError()));
    return encryption.has_value();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView content = Flight::Fuzz::inputBytes(data, size);
    const ReaderLimits limits = Flight::Fuzz::smallLimits();
    // Keeps the encrypted entry under maxEventsBytes too; libFuzzer's inputs are far smaller anyway.
    if (content.size() > limits.maxEventsBytes / 2)
        return 0;
    const Storage storage = std::array{Storage::Deflated, Storage::Stored, Storage::Encrypted}[size % 3];

    const Expectation expected = expectedReading(content, limits.maxLineBytes);
    const bool encrypted = writeArchive(content, storage, expected.events);

    const auto details = [&](const QString &what) {
        return u"storage %1, content: %2\nexpected %3 events, %4\n%5"_s.arg(int(storage))
            .arg(QString::fromLatin1(printable(content)))
            .arg(expected.events.size())
            .arg(expected.ok ? u"success"_s : u"failure: "_s + expected.why, what);
    };
    ArchiveReader reader(Flight::Fuzz::scratchPath(), limits);
    if (const auto opened = reader.open(); !opened)
        propertyViolated("a correctly built archive opens", details(opened.error().message));
    if (const auto digest = reader.checkEventsDigest(); !digest)
        propertyViolated("a correctly built archive passes checkEventsDigest", details(digest.error().message));

    QList<Event> delivered;
    const auto read = reader.readEvents(
        [&](const Event &event) {
            delivered.append(event);
            return true;
        },
        encrypted ? &keys().decryption : nullptr);
    const QString outcome = read ? u"reader: success"_s : u"reader: "_s + read.error().message;
    if (delivered != expected.events)
        propertyViolated("the reader delivers the events of the good lines before the first bad one",
                         details(u"%1 delivered; %2"_s.arg(delivered.size()).arg(outcome)));
    if (read.ok() != expected.ok)
        propertyViolated("the reader accepts exactly the well-formed contents", details(outcome));
    if (!read && reasonOf(read.error()) != Reason::MalformedEvent)
        propertyViolated("bad content fails with Reason::MalformedEvent", details(outcome));
    return 0;
}
