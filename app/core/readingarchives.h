// SPDX-License-Identifier: GPL-3.0-or-later
// What a progress display says during an import: the archives being read now and how far, together. On PostgreSQL an
// import reads two archives at once (importlanes.cpp), whose progress reports come in turn; shown one report at a time,
// flightdeck-cli's line switched between the two files and their percentages ten times a second. An archive leaves
// the set when its outcome arrives, or once it was read to its end and another archive reports (on SQLite the outcomes
// come when a batch commits, seconds later). Thread: one, the one the importer reports on.
#pragma once

#include "importer.h"

namespace Deck::Core {

class ReadingArchives
{
public:
    // What to show after a report or an outcome.
    struct Shown
    {
        int archive = 0; // ImportProgress::fileIndex + 1 (in lanes: the archives ended, plus one), of `archives`
        int archives = 0;
        QStringList files; // the names (without folders) of the archives being read, in the order they started
        qint64 bytesDone = 0; // of their events entries, added up
        qint64 bytesTotal = 0;
        QString label() const; // "[3/40] a.frec, b.frec"
    };

    Shown progressed(const ImportProgress &progress);
    Shown ended(const QString &path);

private:
    struct Reading
    {
        QString path;
        qint64 done = 0;
        qint64 total = 0;
    };
    Shown shown() const;

    QList<Reading> m_reading;
    int m_archive = 0;
    int m_archives = 0;
};

} // namespace Deck::Core
