// SPDX-License-Identifier: GPL-3.0-or-later
// Writes one .frec archive (FORMAT.md §1): events streamed into the events entry (optionally encrypted), then the
// manifest and its signature, all into "<path>.part", fsynced and renamed. Until finish() succeeds nothing exists
// under the final name; a writer destroyed without finish() removes its .part file. Not thread-safe: one writer per
// thread.
#pragma once

#include "expected.h"
#include "keys.h"
#include "manifest.h"

#include <memory>

namespace Flight::Format {

// What the collector knows before the first event.
struct ArchiveHeader
{
    qint64 seq = 1;
    QString prevDigest; // archive digest of seq - 1, empty for seq 1
    bool recovered = false;
    HostInfo host;
    CollectorInfo collector;
};

struct WriterOptions
{
    std::optional<RecipientKey> recipient; // encrypt the events to this key
    qint64 chunkSize = 64 * 1024;
    int compressionLevel = 6;
    qint64 createdTs = 0; // 0: the time finish() runs
};

struct SealedArchive
{
    QString path;
    QString digest; // archive digest (BLAKE2b-256 hex of manifest.json)
    Manifest manifest;
    QByteArray manifestBytes;
};

class ArchiveWriter
{
public:
    ArchiveWriter(QString path, SigningKey key, ArchiveHeader header, WriterOptions options = {});
    ~ArchiveWriter();
    ArchiveWriter(const ArchiveWriter &) = delete;
    ArchiveWriter &operator=(const ArchiveWriter &) = delete;

    // Creates "<path>.part". Fails when `path` already exists.
    Expected<void> open();
    Expected<void> append(const Event &event);
    // Appends an already encoded line (ending in '\n') whose decoded form is `event`, e.g. replayed from a journal.
    Expected<void> appendEncoded(QByteArrayView line, const Event &event);
    Expected<SealedArchive> finish();
    // Removes the .part file; the writer cannot be used afterwards.
    void abort();

    // Bytes of encoded events so far (before compression), for sealing by size.
    qint64 encodedBytes() const { return m_encodedBytes; }
    qint64 eventCount() const { return m_tally.events; }

private:
    Expected<void> flush(bool final);
    Expected<void> writeEntry(QLatin1StringView name, QByteArrayView data);
    Error ioError(const QString &what) const;

    struct Zip;
    QString m_path;
    SigningKey m_key;
    ArchiveHeader m_header;
    WriterOptions m_options;
    std::unique_ptr<Zip> m_zip;
    EventTally m_tally;
    QByteArray m_buffer;
    qint64 m_encodedBytes = 0;
};

} // namespace Flight::Format
