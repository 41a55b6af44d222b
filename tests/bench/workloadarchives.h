// SPDX-License-Identifier: GPL-3.0-or-later
// The archives of the import and GUI benchmarks: HOSTS signed hash chains of ImportWorkload events, written into a
// folder with DIR/trust.txt ("PUBLIC-KEY HOSTNAME" per line, as flightdeck-makearchives writes it), or read back
// from such a folder. Benchmark code only; failures are returned as false or as the error's text.
#pragma once

#include <QList>
#include <QString>

namespace Deck::Core {
class Database;
}

namespace Deck::Bench {

struct WorkloadArchives
{
    QString dir;
    QList<std::pair<QString, QString>> keys; // public key text, host name
    qint64 events = 0;
};

// HOSTS hash chains of `perHost` events each, `perArchive` per archive, below archives.dir, and its trust.txt.
bool writeWorkloadArchives(WorkloadArchives &archives, int hosts, qint64 perHost, int perArchive);
// Reads archives.dir/trust.txt and counts the events of the archives below archives.dir.
bool readWorkloadArchives(WorkloadArchives &archives);
// Trusts every host key of `archives` in `db`; the error's text, or nothing.
QString trustWorkloadKeys(Core::Database &db, const WorkloadArchives &archives);

} // namespace Deck::Bench
