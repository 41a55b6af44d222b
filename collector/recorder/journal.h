// SPDX-License-Identifier: GPL-3.0-or-later
// The journal: encoded event lines appended to <dir>/current.jsonl and fsynced at least once a second, so a crash
// loses at most the last second. rotate() closes it as <dir>/segment-<n>.jsonl for sealing. Every journal file has a
// sidecar "<file>.meta" with what sealing needs that cannot be read again after a reboot or an upgrade (boot id, boot
// time, collector version and backends). Writer thread only.
#pragma once

#include "event.h"
#include "expected.h"
#include "manifest.h"

#include <QElapsedTimer>
#include <QFile>

namespace Flight::Recorder {

struct JournalMeta
{
    Format::HostInfo host;
    Format::CollectorInfo collector;
};
QByteArray journalMetaToJson(const JournalMeta &meta);
Expected<JournalMeta> journalMetaFromJson(QByteArrayView json, const QString &path);

class Journal
{
public:
    // Starts <dir>/current.jsonl; fails when one is left over (seal it first: see pendingFiles()).
    static Expected<std::unique_ptr<Journal>> create(const QString &dir, const JournalMeta &meta);

    Expected<void> append(const Format::Event &event);
    Expected<void> syncIfDue(); // fsync when there is unsynced data and the last fsync is >= 1 s old
    Expected<void> sync();
    qint64 bytes() const { return m_bytes; }
    qint64 events() const { return m_events; }
    // Closes the current file as the next segment and starts a new current file. Returns the segment's path.
    Expected<QString> rotate(const JournalMeta &meta);
    // Closes the current file as a segment without starting a new one (at stop).
    Expected<QString> close();

    // Journal files left in `dir` (segments in order, then a leftover current.jsonl), oldest first.
    static QStringList pendingFiles(const QString &dir);
    // The meta line a journal file starts with (what `flightrec status` shows of a running recorder).
    static Expected<JournalMeta> readMeta(const QString &file);

private:
    Journal(QString dir);
    Expected<void> startFile(const JournalMeta &meta);

    QString m_dir;
    QFile m_file;
    QByteArray m_buffer;
    qint64 m_bytes = 0;
    qint64 m_events = 0;
    bool m_dirty = false;
    QElapsedTimer m_sinceSync;
};

} // namespace Flight::Recorder
