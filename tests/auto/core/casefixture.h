// SPDX-License-Identifier: GPL-3.0-or-later
// Fixtures for the case-store tests: a monitored host writing a real signed hash chain of archives (the format
// library's writer, a real Ed25519 key), events of a small process tree, and a dump of the case's tables for
// "nothing changed" comparisons. Test code only.
#pragma once

#include "database.h"
#include "sampleevents.h"

namespace Deck::TestSupport {

using namespace Flight::Format;

class ArchiveSeries
{
public:
    ArchiveSeries(QString dir, const QString &hostname);

    // Writes the next archive of the chain (seq and prev_digest follow) as "<hostname>-<seq>.frec".
    QString next(const QList<Event> &events, const WriterOptions &options = {});
    // Writes an archive with the given seq and prev_digest (gaps, forks) without moving the chain on.
    QString write(qint64 seq, const QString &prevDigest, const QList<Event> &events, const QString &fileName,
                  const WriterOptions &options = {});
    QString digest(qint64 seq) const { return m_digests.value(seq); }
    qint64 lastSeq() const { return m_seq; }

    SigningKey key = SigningKey::generate();
    HostInfo host;

private:
    QString m_dir;
    qint64 m_seq = 0;
    QMap<qint64, QString> m_digests;
};

// An exec of `pid` (start = pid * 10) by `ppid`, `offset` ms after the base time.
Event execEvent(qint64 pid, qint64 ppid, const QString &comm, const QList<QByteArray> &argv, qint64 offsetMs);
Event fileEvent(qint64 pid, FileOp op, const QByteArray &path, qint64 offsetMs);
Event connectEvent(qint64 pid, const QString &raddr, qint64 rport, qint64 offsetMs);
Event exitEvent(qint64 pid, qint64 code, qint64 offsetMs);

// Trusts the key of each series for its host name and imports `archives` in order; the first error's text, or
// nothing when every archive was imported.
QString trustAndImport(Core::Database &db, const QList<const ArchiveSeries *> &series, const QStringList &archives);

// Every row of `tables` (default: all of the case's tables) in id order, one line per row.
QString dumpTables(Core::Database &db, const QStringList &tables = {});
// The tables that hold evidence and trust: what an archive that is not imported must leave untouched.
QStringList evidenceTables();
qint64 count(Core::Database &db, const QString &table, const QString &where = {}, const QVariantList &params = {});

} // namespace Deck::TestSupport

namespace Deck::TestSupport {

// `count` events of a busy host, in time order: processes that exec (argv of 2-5 words, a few hundred programs),
// open files (a pool of a few thousand paths plus some unique ones), sometimes connect, and exit; about ten events
// per process. `firstPid` lets a series continue its process numbering across archives.
QList<Flight::Format::Event> busyHostEvents(int count, qint64 firstPid, qint64 firstOffsetMs);

} // namespace Deck::TestSupport
