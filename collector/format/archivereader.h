// SPDX-License-Identifier: GPL-3.0-or-later
// Reads and checks one .frec archive, treating it as hostile (FORMAT.md §6): container and entry names, sizes
// counted on decompressed bytes, manifest, version, signature, decryption, entry digest, every event line, and the
// manifest's tally. Errors name the file and the reason; Error::code is a Reason. Not thread-safe; one reader per
// archive per thread.
#pragma once

#include "event.h"
#include "expected.h"
#include "keys.h"
#include "manifest.h"

#include <functional>
#include <memory>

namespace Flight::Format {

struct ReaderLimits
{
    qint64 maxManifestBytes = 1024 * 1024;
    qint64 maxEventsBytes = 4LL * 1024 * 1024 * 1024;
    qint64 maxLineBytes = 1024 * 1024;
};

class ArchiveReader
{
public:
    explicit ArchiveReader(QString path, ReaderLimits limits = {});
    ~ArchiveReader();

    // Checks the container, reads the manifest and verifies its signature (steps 1-6). Must succeed before the
    // accessors or the read functions are used.
    Expected<void> open();

    const QString &path() const { return m_path; }
    const Manifest &manifest() const { return m_manifest; }
    const QByteArray &manifestBytes() const { return m_manifestBytes; }
    const QString &digest() const { return m_digest; } // archive digest, hex
    const PublicKey &signer() const { return m_signer; }
    bool encrypted() const { return m_manifest.encryption.has_value(); }

    // Returns false to stop reading; readEvents then fails with Reason::Cancelled.
    using EventSink = std::function<bool(const Event &event)>;
    // Called with bytes of the events entry read so far and its total.
    using Progress = std::function<void(qint64 done, qint64 total)>;

    // Streams every event to `sink` in file order while checking decryption (needs `key` when encrypted), the
    // entry's size and digest, every line and finally the manifest's tally. Events arrive before the digest at the
    // end is known, so a caller that stores them must discard them all when this fails (the importer runs in one
    // transaction).
    Expected<void> readEvents(const EventSink &sink, const DecryptionKey *key = nullptr, const Progress &progress = {});

    // Checks only the events entry's size and digest: all that can be verified without the recipient's key.
    Expected<void> checkEventsDigest(const Progress &progress = {});

private:
    Error error(int reason, const QString &what) const;
    Expected<void> checkEntries();
    Expected<QByteArray> readSmallEntry(const QString &name, qint64 limit);
    using ChunkSink = std::function<Expected<void>(QByteArrayView)>;
    Expected<void> streamEvents(const ChunkSink &sink, const Progress &progress);

    struct Zip;
    QString m_path;
    ReaderLimits m_limits;
    std::unique_ptr<Zip> m_zip;
    QString m_eventsEntry;
    qint64 m_eventsDeclaredSize = 0;
    Manifest m_manifest;
    QByteArray m_manifestBytes;
    QString m_digest;
    PublicKey m_signer;
};

} // namespace Flight::Format
