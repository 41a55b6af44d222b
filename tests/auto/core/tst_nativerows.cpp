// SPDX-License-Identifier: GPL-3.0-or-later
// Rows read over the native handle (nativerows.h) on a SQLite case file and on a real PostgreSQL cluster: every kind
// of value (NULL, 64- and 32-bit integers at their limits, text with newlines, quotes and non-ASCII, bytes 0-255,
// empty text and bytes) reads as Qt SQL reads it; parameters of each kind select the row they name; a process row
// reads the same through readProcess() either way (repeated values shared); a failed statement names the database and leaves the connection
// working; a result abandoned half-read leaves it working too; many rows read whole, in and out of a transaction.
#include "database.h"
#include "nativerows.h"
#include "querysql.h"
#include "queryfixture.h"
#include "skip.h"

#include <QTest>
#include <limits>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;

namespace {

QByteArray allBytes()
{
    QByteArray bytes;
    for (int b = 0; b < 256; ++b)
        bytes.append(char(b));
    return bytes;
}

// A row was read (not the end, not an error).
bool nextRow(NativeRows &rows)
{
    auto more = rows.next();
    return more.ok() && *more;
}

const QVariant kNullInt{QMetaType(QMetaType::LongLong)};
const QVariant kNullText{QMetaType(QMetaType::QString)};
const QVariant kNullBytes{QMetaType(QMetaType::QByteArray)};

// Reads every row of `sql` through NativeRows as (id, small, txt, bin), nulls as null QVariants.
QList<QVariantList> nativeValues(Database &db, const QString &sql, const QVariantList &params = {})
{
    QList<QVariantList> values;
    auto rows = nativeRows(db, sql, params);
    if (!rows) {
        qWarning("%s", qPrintable(rows.error().message));
        return values;
    }
    for (;;) {
        auto more = (*rows)->next();
        if (!more || !*more)
            break;
        const NativeRows &row = **rows;
        values.append({row.isNull(0) ? kNullInt : QVariant(row.toInt(0)),
                       row.isNull(1) ? kNullInt : QVariant(row.toInt(1)),
                       row.isNull(2) ? kNullText : QVariant(row.toText(2)),
                       row.isNull(3) ? kNullBytes : QVariant(row.toBytes(3))});
    }
    return values;
}

} // namespace

class TestNativeRows : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data();
    void initTestCase();
    void init();
    void valuesReadAsQtReadsThem();
    void parametersOfEveryKind();
    void processRowsReadTheSame();
    void failedStatementNamesTheDatabase();
    void abandonedResultLeavesConnectionWorking();
    void manyRowsInAndOutOfATransaction();

private:
    std::unique_ptr<FreshCases> m_cases;
    std::unique_ptr<Database> m_db;
};

void TestNativeRows::initTestCase_data()
{
    ScenarioCases::addEngineRows();
}

void TestNativeRows::initTestCase()
{
    m_cases = std::make_unique<FreshCases>();
}

void TestNativeRows::init()
{
    QFETCH_GLOBAL(QString, engine);
    m_db.reset();
    if (engine == "postgresql"_L1 && !m_cases->hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    QString name;
    auto opened = m_cases->open(engine, u"native"_s, &name);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    m_db = std::move(*opened);
    const QString blob = m_db->engine() == Engine::Sqlite ? u"BLOB"_s : u"BYTEA"_s;
    QVERIFY(m_db->execute(u"CREATE TABLE t (id BIGINT, small INTEGER, txt TEXT, bin %1)"_s.arg(blob)).ok());
    const QList<QVariantList> rows{
        {std::numeric_limits<qint64>::max(), std::numeric_limits<qint32>::min(), u"a'b\"c\nd;--é€😀"_s, allBytes()},
        {std::numeric_limits<qint64>::min(), std::numeric_limits<qint32>::max(), u""_s, QByteArray("")},
        {0, kNullInt, kNullText, kNullBytes},
        {kNullInt, 7, u"x"_s, QByteArray("\0\xff", 2)},
    };
    for (const QVariantList &row : rows)
        QVERIFY(m_db->execute(u"INSERT INTO t (id, small, txt, bin) VALUES (?, ?, ?, ?)"_s, row).ok());
}

void TestNativeRows::valuesReadAsQtReadsThem()
{
    const QString sql = u"SELECT id, small, txt, bin FROM t ORDER BY id NULLS LAST"_s;
    QList<QVariantList> qt;
    {
        auto q = m_db->query(sql);
        QVERIFY(q.ok());
        while (q->next())
            qt.append({q->value(0).isNull() ? kNullInt : QVariant(q->value(0).toLongLong()),
                       q->value(1).isNull() ? kNullInt : QVariant(q->value(1).toLongLong()),
                       q->value(2).isNull() ? kNullText : QVariant(q->value(2).toString()),
                       q->value(3).isNull() ? kNullBytes : QVariant(q->value(3).toByteArray())});
    }
    const QList<QVariantList> native = nativeValues(*m_db, sql);
    QCOMPARE(native.size(), 4);
    QCOMPARE(native, qt);
    QCOMPARE(native.at(0).at(0).toLongLong(), std::numeric_limits<qint64>::min());
    QCOMPARE(native.at(1).at(1), kNullInt);
    QCOMPARE(native.at(3).at(0), kNullInt);
    QCOMPARE(native.at(2).at(3).toByteArray(), allBytes());
    QCOMPARE(native.at(2).at(2).toString(), u"a'b\"c\nd;--é€😀"_s);
}

void TestNativeRows::parametersOfEveryKind()
{
    const QString sql = u"SELECT id, small, txt, bin FROM t WHERE id = ? AND txt = ? AND bin = ?"_s;
    const auto found = nativeValues(*m_db, sql, {std::numeric_limits<qint64>::max(), u"a'b\"c\nd;--é€😀"_s, allBytes()});
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.at(0).at(1).toLongLong(), qint64(std::numeric_limits<qint32>::min()));
    QCOMPARE(nativeValues(*m_db, sql, {std::numeric_limits<qint64>::max(), u"a'b"_s, allBytes()}).size(), 0);
    QCOMPARE(nativeValues(*m_db, u"SELECT id, small, txt, bin FROM t WHERE small = ? OR id IS NOT DISTINCT FROM ?"_s,
                          {int(7), kNullInt})
                 .size(),
             1);
}

void TestNativeRows::processRowsReadTheSame()
{
    QVERIFY(m_db->execute(u"INSERT INTO hosts (machine_id, hostname, first_import_ts, last_import_ts) "
                          u"VALUES ('m', 'h', 0, 0)"_s)
                .ok());
    const qint64 host = m_db->scalar(u"SELECT id FROM hosts"_s)->toLongLong();
    QVERIFY(m_db->execute(u"INSERT INTO account_snapshots (host_id, ts) VALUES (?, 5)"_s, {host}).ok());
    QVERIFY(m_db->execute(u"INSERT INTO account_names (host_id, kind, num, ts, name) VALUES (?, 'uid', 1000, 5, "
                          u"'alice')"_s,
                          {host})
                .ok());
    const QByteArray argv("sh\0-c\0echo 'x'; DROP TABLE t\n", 29);
    QVERIFY(m_db->execute(u"INSERT INTO processes (host_id, boot_id, pid, start, start_ts, parent_pid, parent_start, "
                          u"comm, exe, argv, cwd, uid, last_ts, exit_ts, exit_code, exit_signal) "
                          u"VALUES (?, 1, 42, 420, 10, 1, 10, 'sh\"''x', ?, ?, NULL, 1000, 20, 30, NULL, 9), "
                          u"(?, 1, 43, 430, 11, NULL, NULL, NULL, NULL, NULL, ?, NULL, NULL, NULL, 0, NULL)"_s,
                          {host, QByteArray("/bin/\xff"), argv, host, QByteArray("/")})
                .ok());
    const QString sql = u"SELECT %1 FROM processes p ORDER BY p.id"_s.arg(processColumns());
    SharedStrings shared;
    // One statement at a time on a connection: Qt's rows first, then the native ones.
    QList<ProcessRow> qtRows;
    {
        auto q = m_db->query(sql);
        QVERIFY(q.ok());
        while (q->next())
            qtRows.append(readProcess(*q));
    }
    {
        auto rows = nativeRows(*m_db, sql);
        QVERIFY2(rows.ok(), qPrintable(rows.error().message));
        int read = 0;
        for (const ProcessRow &qt : std::as_const(qtRows)) {
            QVERIFY(nextRow(**rows));
            const ProcessRow native = readProcess(**rows, shared);
            QCOMPARE(native.id, qt.id);
            QCOMPARE(native.pid, qt.pid);
            QCOMPARE(native.parentPid, qt.parentPid);
            QCOMPARE(native.comm, qt.comm);
            QCOMPARE(native.exe, qt.exe);
            QCOMPARE(native.argv, qt.argv);
            QCOMPARE(native.cwd, qt.cwd);
            QCOMPARE(native.uid, qt.uid);
            QCOMPARE(native.exitCode, qt.exitCode);
            QCOMPARE(native.exitSignal, qt.exitSignal);
            QCOMPARE(native.userName, qt.userName);
            ++read;
        }
        QCOMPARE(read, 2);
        auto end = (*rows)->next();
        QVERIFY(end.ok() && !*end);
    }
    auto first = nativeRows(*m_db, sql);
    QVERIFY(first.ok() && nextRow(**first));
    const ProcessRow sh = readProcess(**first, shared);
    QCOMPARE(sh.argv, argv);
    QCOMPARE(sh.comm, u"sh\"'x"_s);
    QCOMPARE(sh.userName, u"alice"_s);
    QCOMPARE(sh.exitSignal, std::optional<qint64>(9));
}

void TestNativeRows::failedStatementNamesTheDatabase()
{
    QString message;
    {
        auto rows = nativeRows(*m_db, u"SELECT nosuchcolumn FROM t WHERE id = ?"_s, {1});
        if (!rows) {
            message = rows.error().message;
        } else {
            auto more = (*rows)->next(); // PostgreSQL reports a failed statement with its first result
            QVERIFY(!more);
            message = more.error().message;
        }
    }
    QVERIFY2(message.contains(m_db->name()), qPrintable(message));
    QVERIFY2(message.contains(u"nosuchcolumn"_s), qPrintable(message));
    QVERIFY2(!message.contains(u'\n'), qPrintable(message));
    QCOMPARE(m_db->scalar(u"SELECT count(*) FROM t"_s)->toInt(), 4);
    QCOMPARE(nativeValues(*m_db, u"SELECT id, small, txt, bin FROM t"_s).size(), 4);
}

void TestNativeRows::abandonedResultLeavesConnectionWorking()
{
    for (int i = 0; i < 2000; ++i)
        QVERIFY(m_db->execute(u"INSERT INTO t (id) VALUES (?)"_s, {1000 + i}).ok());
    {
        auto rows = nativeRows(*m_db, u"SELECT id, small, txt, bin FROM t"_s);
        QVERIFY(rows.ok());
        QVERIFY(nextRow(**rows));
    }
    QCOMPARE(m_db->scalar(u"SELECT count(*) FROM t"_s)->toInt(), 2004);
    QCOMPARE(nativeValues(*m_db, u"SELECT id, small, txt, bin FROM t WHERE id >= ? AND id < ?"_s, {2990, 3000}).size(),
             10);
}

// More rows than PostgreSQL's cursor fetches at once, read whole outside a transaction and inside the caller's,
// which stays the caller's: still open afterwards, and its rollback undoes what it wrote.
void TestNativeRows::manyRowsInAndOutOfATransaction()
{
    const auto sumOfIds = [this] {
        auto rows = nativeRows(*m_db, u"SELECT id FROM t WHERE id > ? AND id < ?"_s, {100, 1000000});
        qint64 sum = -1;
        if (!rows)
            return sum;
        for (sum = 0;;) {
            auto more = (*rows)->next();
            if (!more)
                return qint64(-1);
            if (!*more)
                return sum;
            sum += (*rows)->toInt(0);
        }
    };
    QVERIFY(m_db->execute(u"INSERT INTO t (id) WITH RECURSIVE n(i) AS (SELECT 1001 UNION ALL SELECT i + 1 FROM n "
                          u"WHERE i < 26000) SELECT i FROM n"_s)
                .ok());
    const qint64 written = (1001 + 26000) * 25000LL / 2;
    QCOMPARE(sumOfIds(), written);
    QVERIFY(m_db->begin().ok());
    QVERIFY(m_db->execute(u"INSERT INTO t (id) VALUES (?)"_s, {30000}).ok());
    QCOMPARE(sumOfIds(), written + 30000);
    QVERIFY(m_db->execute(u"INSERT INTO t (id) VALUES (?)"_s, {30001}).ok());
    m_db->rollback();
    QCOMPARE(sumOfIds(), written);
    QCOMPARE(m_db->scalar(u"SELECT count(*) FROM t"_s)->toInt(), 25004);
}

QTEST_GUILESS_MAIN(TestNativeRows)
#include "tst_nativerows.moc"
