// SPDX-License-Identifier: GPL-3.0-or-later
// Turns journal files into signed archives in the outbox: "<hostname>-<seq, 8 digits>.frec", continuing the signing
// key's hash chain (ChainState), written as .part and renamed by ArchiveWriter. The journal file is deleted only
// after the archive and the chain state are durable. Writer thread only.
#pragma once

#include "archivewriter.h"
#include "expected.h"

#include <QString>

namespace Flight::Recorder {

struct SealOptions
{
    QString keyPath;
    QString outbox;
    std::optional<Format::RecipientKey> recipient;
};

class Sealer
{
public:
    Sealer(Format::SigningKey key, SealOptions options);

    // Seals one journal file. `recovered`: it was left by a collector that did not stop cleanly (a torn last line is
    // then expected, dropped, and recorded as a loss). `stats` goes into the manifest. Returns nullopt when the file
    // held no events (it is removed all the same).
    Expected<std::optional<Format::SealedArchive>> seal(const QString &journalFile, bool recovered,
                                                        const QMap<QString, qint64> &stats);

private:
    Format::SigningKey m_key;
    SealOptions m_options;
};

} // namespace Flight::Recorder
