// SPDX-License-Identifier: GPL-3.0-or-later
// Bounds the outbox by age and bytes. Every archive still in the outbox is one no workstation has removed after
// pulling it, so each deletion is reported back as a loss for the next archive (DESIGN.md "Recording").
#pragma once

#include <QDateTime>
#include <QString>
#include <optional>

namespace Flight::Recorder {

struct RetentionResult
{
    qint64 deleted = 0;
    qint64 firstSeq = 0, lastSeq = 0; // sequence numbers of the deleted archives (from their names)
    qint64 bytes = 0;
};

// Deletes the oldest "<host>-<seq>.frec" archives while the outbox is larger than `maxBytes` or they are older than
// `maxAgeSeconds` (by modification time, compared with `now`). The newest archive is always kept.
RetentionResult applyRetention(const QString &outbox, qint64 maxBytes, qint64 maxAgeSeconds, const QDateTime &now);

// The sequence number in an archive file name "<host>-<seq>.frec", or nullopt.
std::optional<qint64> sequenceFromName(const QString &fileName);

} // namespace Flight::Recorder
