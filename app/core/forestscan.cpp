// SPDX-License-Identifier: GPL-3.0-or-later
#include "forestscan.h"

#include "accountnames.h"
#include "database.h"
#include "hugepages.h"
#include "nativerows.h"
#include "querysql.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Deck::Core {

namespace {

Q_LOGGING_CATEGORY(lcForest, "flightdeck.forest", QtInfoMsg)

// The processes a lane reads: all of them, or those of even or of odd id (the two lanes: whatever the ids' signs, every
// process is in one of them).
enum class Lane { All, Even, Odd };

// What every lane reads: the select of the host's processes (Even and Odd add their condition on the id) and the
// names it resolves.
struct LaneScan
{
    QString sql;
    QVariantList params;
    const AccountNameIndex &names;
};

// The processes of `lane` into out[0, expected): exactly that many.
Expected<void> readLane(Database &db, const LaneScan &scan, qint64 hostId, Lane lane, TreeRow *out, qint64 expected)
{
    QString sql = scan.sql;
    if (lane != Lane::All)
        sql += lane == Lane::Even ? u" AND p.id % 2 = 0"_s : u" AND p.id % 2 <> 0"_s;
    auto q = nativeRows(db, sql, scan.params);
    if (!q)
        return q.error();
    NativeRows &rows = **q;
    SharedStrings shared;
    qint64 read = 0;
    bool more = true;
    while (more) {
        auto next = rows.next();
        if (!next)
            return next.error();
        more = *next;
        if (!more || read == expected)
            break; // the end, or more rows than counted
        TreeRow row{readProcess(rows, shared), int(rows.toInt(kProcessColumns))};
        if (row.process.uid)
            row.process.userName = scan.names.nameAt(*row.process.uid, rows.toInt(kProcessColumns + 1));
        out[read++] = std::move(row);
    }
    if (more || read != expected)
        return storeError(StoreReason::Sql,
                          u"%1: the processes of host #%2 changed while they were read"_s.arg(db.name()).arg(hostId));
    return {};
}

// A snapshot's id as pg_export_snapshot() gives it ("00000003-0000001B-1"). SET TRANSACTION SNAPSHOT takes no
// parameters: the id is written into the statement, and only when it has this shape.
bool isSnapshotId(const QString &id)
{
    static const QRegularExpression shape(u"^[0-9A-Fa-f]+(-[0-9A-Fa-f]+)+$"_s);
    return shape.match(id).hasMatch();
}

struct SecondLane
{
    bool joined = false; // its connection was opened and took the snapshot
    Expected<void> read;
};

// The odd lane on a connection of its own, in the snapshot `snapshot`. Runs on the lane's thread.
SecondLane readSecondLane(const DatabaseLocation &location, const QString &snapshot, const LaneScan &scan,
                          qint64 hostId, TreeRow *out, qint64 expected)
{
    auto db = Database::open(location);
    if (!db)
        return {false, db.error()};
    auto joined = (*db)->beginReading();
    if (joined)
        joined = (*db)->execute(u"SET TRANSACTION SNAPSHOT '%1'"_s.arg(snapshot));
    if (!joined) {
        (*db)->rollback();
        return {false, joined.error()};
    }
    SecondLane lane{true, readLane(**db, scan, hostId, Lane::Odd, out, expected)};
    (*db)->rollback(); // it only read
    return lane;
}

// The count of the host's processes, and when `split`, of those with an even id (Lane::Even); else the count twice.
Expected<std::pair<qint64, qint64>> laneCounts(Database &db, qint64 hostId, bool split)
{
    auto q = db.query(split ? u"SELECT COUNT(*), COUNT(*) FILTER (WHERE p.id % 2 = 0) FROM processes p "
                              u"WHERE p.host_id = ?"_s
                            : u"SELECT COUNT(*), COUNT(*) FROM processes p WHERE p.host_id = ?"_s,
                      {hostId});
    if (!q)
        return q.error();
    if (!q->next())
        return storeError(StoreReason::Sql, u"%1: cannot count the processes of host #%2"_s.arg(db.name()).arg(hostId));
    return std::pair{q->value(0).toLongLong(), q->value(1).toLongLong()};
}

// The scan in the transaction of `db`; in two lanes when `mayShare` (a PostgreSQL snapshot that another connection
// may take: the transaction was begun for the scan) and the host has kTwoLaneRows processes or more.
Expected<QList<TreeRow>> scanInTransaction(Database &db, qint64 hostId, const QString &isRoot,
                                           const QVariantList &isRootParams, bool mayShare)
{
    auto userNames = AccountNameIndex::load(db, "uid"_L1, hostId);
    if (!userNames)
        return userNames.error();
    const auto counts = laneCounts(db, hostId, mayShare);
    if (!counts)
        return counts.error();
    const qint64 total = counts->first, even = counts->second;
    // Sized once, on huge pages (hugepages.h): grown, the list was moved and faulted in again and again.
    QList<TreeRow> rows;
    rows.reserve(total);
    adviseHugePages(rows.constData(), size_t(rows.capacity()) * sizeof(TreeRow));
    rows.resize(total);
    TreeRow *const out = rows.data();
    const LaneScan scan{u"SELECT %1, CASE WHEN %2 THEN 0 ELSE -1 END, COALESCE(p.ids_ts, p.start_ts) FROM processes p "
                        u"WHERE p.host_id = ?"_s.arg(processColumns(UserNameColumn::Null), isRoot),
                        QVariantList(isRootParams) << hostId, *userNames};
    if (!mayShare || total < kTwoLaneRows) {
        if (auto read = readLane(db, scan, hostId, Lane::All, out, total); !read)
            return read.error();
        return rows;
    }

    auto snapshot = db.scalar(u"SELECT pg_export_snapshot()"_s);
    if (!snapshot)
        return snapshot.error();
    const QString snapshotId = snapshot->toString();
    SecondLane second{false, storeError(StoreReason::Sql, u"snapshot id '%1' not understood"_s.arg(snapshotId))};
    std::unique_ptr<QThread> thread;
    if (isSnapshotId(snapshotId)) {
        thread.reset(QThread::create([&, location = db.location()] {
            second = readSecondLane(location, snapshotId, scan, hostId, out + even, total - even);
        }));
        thread->start();
    }
    auto first = readLane(db, scan, hostId, Lane::Even, out, even);
    if (thread)
        thread->wait(); // it writes into `rows` until it ends
    if (!first)
        return first.error();
    if (!second.joined) {
        qCInfo(lcForest, "%s: a second connection did not join the snapshot (%s); reading its half on this one",
               qPrintable(db.name()), qPrintable(second.read.error().message));
        second.read = readLane(db, scan, hostId, Lane::Odd, out + even, total - even);
    }
    if (!second.read)
        return second.read.error();
    if (second.joined)
        qCDebug(lcForest, "%s: host #%lld's %lld processes read in two lanes", qPrintable(db.name()), hostId, total);
    return rows;
}

} // namespace

Expected<QList<TreeRow>> scanHostProcesses(Database &db, qint64 hostId, const QString &isRoot,
                                           const QVariantList &isRootParams)
{
    // The names, the count and the rows (of every lane) come from one snapshot: the caller's transaction, or one
    // begun here. Only a snapshot begun here can be shared with a second connection.
    const bool ownTransaction = !db.inTransaction();
    if (ownTransaction) {
        if (auto begun = db.beginReading(); !begun)
            return begun.error();
    }
    auto rows = scanInTransaction(db, hostId, isRoot, isRootParams, ownTransaction && db.engine() == Engine::Postgres);
    if (ownTransaction)
        db.rollback(); // it only read
    return rows;
}

} // namespace Deck::Core
