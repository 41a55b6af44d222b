// SPDX-License-Identifier: GPL-3.0-or-later
// The importer's bulk writers (bulkwriter.h) on a SQLite case file and on a real PostgreSQL cluster: every kind of
// value (NULL, 64- and 32-bit integers at their limits, text with tabs, newlines, backslashes, quotes and non-ASCII,
// bytes 0-255, empty text and bytes) comes back as it was written; on PostgreSQL, whose binary COPY needs each field
// to match its column's type, a value out of an INTEGER column's range and text that is not UTF-8 are refused, the
// transaction rolls back to nothing, and the connection works afterwards (SQLite stores that integer as it is).
#include "bulkwriter.h"
#include "database.h"
#include "queryfixture.h"
#include "skip.h"

#include <QTest>
#include <limits>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;

namespace {

struct Row
{
    std::optional<qint64> big;
    std::optional<qint64> small;
    std::optional<QByteArray> text;
    std::optional<QByteArray> bytes;
};

QByteArray allBytes()
{
    QByteArray bytes;
    for (int b = 0; b < 256; ++b)
        bytes.append(char(b));
    return bytes;
}

const QList<QLatin1StringView> kColumns{"id"_L1, "big"_L1, "small"_L1, "txt"_L1, "bin"_L1};

} // namespace

class TestBulkWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data();
    void initTestCase();
    void init();
    void valuesComeBackIntact();
    void manyRowsInBlocks();
    void refusedRowsLeaveNothing();
    void refusedRowAmongManyLeavesNothing();

private:
    Expected<void> write(const QList<Row> &rows);
    QList<Row> readBack();

    std::unique_ptr<FreshCases> m_cases;
    std::unique_ptr<Database> m_db;
};

void TestBulkWriter::initTestCase_data()
{
    ScenarioCases::addEngineRows();
}

void TestBulkWriter::initTestCase()
{
    m_cases = std::make_unique<FreshCases>();
}

void TestBulkWriter::init()
{
    QFETCH_GLOBAL(QString, engine);
    m_db.reset();
    if (engine == "postgresql"_L1 && !m_cases->hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    QString name;
    auto opened = m_cases->open(engine, u"bulk"_s, &name);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    m_db = std::move(*opened);
    const bool sqlite = m_db->engine() == Engine::Sqlite;
    auto created
        = m_db->execute(u"CREATE TABLE bulk_values (id BIGINT NOT NULL, big BIGINT, small INTEGER, txt TEXT "
                        u"CHECK (txt IS NULL OR txt <> 'refused'), bin %1)"_s.arg(sqlite ? u"BLOB"_s : u"BYTEA"_s));
    QVERIFY2(created.ok(), qPrintable(created.error().message));
}

// The rows in one transaction, committed when every row went in.
Expected<void> TestBulkWriter::write(const QList<Row> &rows)
{
    if (auto begun = m_db->begin(); !begun)
        return begun;
    BulkWriter &bulk = m_db->bulk();
    auto done = bulk.start("bulk_values"_L1, kColumns);
    for (qsizetype i = 0; done && i < rows.size(); ++i) {
        const Row &row = rows[i];
        bulk.addInt(i);
        bulk.addOptional(row.big);
        bulk.addOptional(row.small);
        row.text ? bulk.addText(QByteArrayView(*row.text)) : bulk.addNull();
        bulk.addOptionalBlob(row.bytes);
        done = bulk.endRow();
    }
    if (done)
        done = bulk.finish();
    if (done)
        return m_db->commit();
    m_db->rollback();
    return done;
}

QList<Row> TestBulkWriter::readBack()
{
    QList<Row> rows;
    auto q = m_db->query(u"SELECT big, small, txt, bin FROM bulk_values ORDER BY id"_s);
    if (!q)
        return rows;
    const auto optionalInt = [&](int column) {
        return q->value(column).isNull() ? std::nullopt : std::optional(q->value(column).toLongLong());
    };
    const auto optionalBytes = [&](int column) {
        return q->value(column).isNull() ? std::nullopt : std::optional(q->value(column).toByteArray());
    };
    while (q->next())
        rows.append({optionalInt(0), optionalInt(1), optionalBytes(2), optionalBytes(3)});
    return rows;
}

void TestBulkWriter::valuesComeBackIntact()
{
    const qint64 min64 = std::numeric_limits<qint64>::min(), max64 = std::numeric_limits<qint64>::max();
    const qint64 min32 = std::numeric_limits<qint32>::min(), max32 = std::numeric_limits<qint32>::max();
    const QList<Row> rows{
        {std::nullopt, std::nullopt, std::nullopt, std::nullopt},
        {0, 0, QByteArray(""), QByteArray("")},
        {min64, min32, QByteArray("tab\there\nnewline\r\\N back\\slash \"quoted\" 'single'; DROP TABLE x; --"),
         allBytes()},
        {max64, max32, u"ünïcödé ✓ 𝄞"_s.toUtf8(), QByteArray("\\x00\\\\")},
        {-1, -1, QByteArray("\\N"), QByteArray(1, '\0')},
    };
    const auto written = write(rows);
    QVERIFY2(written.ok(), qPrintable(written.error().message));
    const QList<Row> back = readBack();
    QCOMPARE(back.size(), rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QCOMPARE(back[i].big, rows[i].big);
        QCOMPARE(back[i].small, rows[i].small);
        QCOMPARE(back[i].text, rows[i].text);
        QCOMPARE(back[i].bytes, rows[i].bytes);
    }
}

// More rows than one block of the PostgreSQL writer (128 KiB), one row larger than a block, with the writer used for
// a second COPY after the first.
void TestBulkWriter::manyRowsInBlocks()
{
    QList<Row> rows;
    for (qint64 i = 0; i < 30000; ++i)
        rows.append({i * 1000003, i % 2 ? std::optional<qint64>(-i) : std::nullopt,
                     QByteArray::number(i).repeated(int(i % 7)), QByteArray(int(i % 50), char(i % 256))});
    const qsizetype large = rows.size() / 2;
    rows.insert(large, Row{-1, 7, QByteArray(200000, 'x'), QByteArray(300 * 1024, '\xff')});
    for (int pass = 0; pass < 2; ++pass) {
        const auto written = write(rows);
        QVERIFY2(written.ok(), qPrintable(written.error().message));
    }
    auto count = m_db->scalar(u"SELECT COUNT(*) FROM bulk_values"_s);
    QVERIFY(count.ok());
    QCOMPARE(count->toLongLong(), 60002);
    const QList<Row> back = readBack();
    QCOMPARE(back.size(), 60002);
    for (qsizetype i = 0; i < back.size(); i += 997) { // each row twice, adjacent (ordered by the written index)
        const Row &row = rows[i / 2];
        QCOMPARE(back[i].big, row.big);
        QCOMPARE(back[i].small, row.small);
        QCOMPARE(back[i].text, row.text);
        QCOMPARE(back[i].bytes, row.bytes);
    }
    for (const qsizetype i : {2 * large, 2 * large + 1}) {
        QCOMPARE(back[i].text, rows[large].text);
        QCOMPARE(back[i].bytes, rows[large].bytes);
    }
}

void TestBulkWriter::refusedRowsLeaveNothing()
{
    const Row good{1, 1, QByteArray("fine"), QByteArray("fine")};
    if (m_db->engine() == Engine::Sqlite) {
        // SQLite's INTEGER holds 64 bits: the value PostgreSQL refuses below is stored as it is.
        const Row wide{1, qint64(std::numeric_limits<qint32>::max()) + 1, QByteArray("x"), std::nullopt};
        const auto written = write({good, wide});
        QVERIFY2(written.ok(), qPrintable(written.error().message));
        const QList<Row> back = readBack();
        QCOMPARE(back.size(), 2);
        QCOMPARE(back.at(1).small, wide.small);
        return;
    }
    const QList<QPair<const char *, Row>> bad{
        {"out of range", {1, qint64(std::numeric_limits<qint32>::max()) + 1, QByteArray("x"), std::nullopt}},
        {"not UTF-8", {1, 1, QByteArray("\xff\xfe"), std::nullopt}},
        {"a NUL in text", {1, 1, QByteArray("a\0b", 3), std::nullopt}},
    };
    for (const auto &[why, row] : bad) {
        const auto written = write({good, row, good});
        QVERIFY2(!written.ok(), why);
        QVERIFY2(written.error().message.contains("bulk_values"_L1), qPrintable(written.error().message));
        auto count = m_db->scalar(u"SELECT COUNT(*) FROM bulk_values"_s);
        QVERIFY2(count.ok(), qPrintable(count.error().message));
        QCOMPARE(count->toLongLong(), 0);
    }
    const auto written = write({good});
    QVERIFY2(written.ok(), qPrintable(written.error().message));
    QCOMPARE(readBack().size(), 1);
}

// A row the table refuses in the middle of many (on SQLite inside a multi-row INSERT, after rows of the same INSERT
// went in): the error names the table, the rollback leaves none of the rows, and the writer works afterwards.
void TestBulkWriter::refusedRowAmongManyLeavesNothing()
{
    QList<Row> rows(50, Row{1, 1, QByteArray("fine"), QByteArray("fine")});
    rows[37].text = QByteArray("refused");
    const auto written = write(rows);
    QVERIFY(!written.ok());
    QVERIFY2(written.error().message.contains("bulk_values"_L1), qPrintable(written.error().message));
    auto count = m_db->scalar(u"SELECT COUNT(*) FROM bulk_values"_s);
    QVERIFY2(count.ok(), qPrintable(count.error().message));
    QCOMPARE(count->toLongLong(), 0);
    rows[37].text = QByteArray("fine again");
    const auto again = write(rows);
    QVERIFY2(again.ok(), qPrintable(again.error().message));
    const QList<Row> back = readBack();
    QCOMPARE(back.size(), 50);
    QCOMPARE(back.at(37).text, rows[37].text);
}

QTEST_GUILESS_MAIN(TestBulkWriter)
#include "tst_bulkwriter.moc"
