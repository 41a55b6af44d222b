// SPDX-License-Identifier: GPL-3.0-or-later
// The events table's queries (eventtablequeries.h) on the incident of queryfixture.h, on a SQLite case file and on a
// real PostgreSQL cluster started here: display filters give the known events and nothing else (hostile values
// included), the stream is walked in slices with anchors that fall on page boundaries, and a page read from any
// anchor is the stream from there on, narrowed by host and time range.
#include "eventtablequeries.h"
#include "queryfixture.h"
#include "skip.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;

class TestEventTableQueries : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data();
    void init();
    void filters_data();
    void filters();
    void walkInSlices();
    void hostAndRange();
    void lastTime();

private:
    // "host@ms kind object" of every row of `scope`, read a page at a time.
    QStringList described(const EventScope &scope);
    static QString describe(const EventTableRow &row);
    qint64 hostId(const QString &name);

    ScenarioCases m_cases;
    Database *m_db = nullptr;
};

void TestEventTableQueries::initTestCase_data()
{
    ScenarioCases::addEngineRows();
}

void TestEventTableQueries::init()
{
    QFETCH_GLOBAL(QString, engine);
    if (engine == "postgresql"_L1 && !m_cases.hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    QString error;
    m_db = m_cases.get(engine, &error);
    QVERIFY2(m_db, qPrintable(error));
}

qint64 TestEventTableQueries::hostId(const QString &name)
{
    auto found = findHost(*m_db, name);
    return found ? *found : -1;
}

QString TestEventTableQueries::describe(const EventTableRow &row)
{
    QString object;
    if (!row.path.isEmpty())
        object = u' ' + row.op + u' ' + QString::fromUtf8(row.path.left(12));
    else if (row.rport)
        object = u" %1:%2"_s.arg(row.raddr).arg(*row.rport);
    else if (row.pid)
        object = u" %1"_s.arg(*row.pid);
    return u"%1@%2 %3%4"_s.arg(row.host).arg((row.key.ts - QueryScenario::at(0)) / 1000000).arg(row.kind, object);
}

QStringList TestEventTableQueries::described(const EventScope &scope)
{
    EventTableQueries queries(*m_db);
    QStringList list;
    // Walk the keys in slices of 4 with an anchor every 2, then read a page of 2 from every anchor.
    std::optional<EventKey> after;
    qint64 walked = 0;
    QList<EventKey> anchors;
    for (;;) {
        auto slice = queries.walk(scope, after, walked, 4, 2);
        if (!slice) {
            qWarning("walk: %s", qPrintable(slice.error().message));
            return {u"error"_s};
        }
        anchors += slice->anchors;
        walked += slice->rows;
        after = slice->last;
        if (slice->rows < 4)
            break;
    }
    for (const EventKey &anchor : std::as_const(anchors)) {
        auto rows = queries.rows(scope, anchor, 2);
        if (!rows) {
            qWarning("rows: %s", qPrintable(rows.error().message));
            return {u"error"_s};
        }
        for (const EventTableRow &row : std::as_const(*rows))
            list << describe(row);
    }
    if (list.size() != walked)
        list << u"walked %1 rows, read %2"_s.arg(walked).arg(list.size());
    return list;
}

void TestEventTableQueries::filters_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("path") << u"file.path == \"/etc/passwd\""_s
                          << QStringList{u"alpha@40 file.access open /etc/passwd"_s,
                                         u"alpha@1030 file.access open /etc/passwd"_s};
    QTest::newRow("remote port") << u"net.rport == 443"_s
                                 << QStringList{u"alpha@80 net.endpoint 203.0.113.5:443"_s,
                                                u"beta@85 net.endpoint 203.0.113.5:443"_s};
    QTest::newRow("exe contains") << u"proc.exe contains \"curl\""_s
                                  << QStringList{
                                         u"alpha@20 proc.exec 300"_s, u"alpha@40 file.access open /etc/passwd"_s,
                                         u"alpha@50 file.access write /tmp/drop/a."_s,
                                         u"alpha@80 net.endpoint 203.0.113.5:443"_s, u"alpha@100 proc.exit 300"_s};
    QTest::newRow("host") << u"host == beta"_s
                          << QStringList{u"beta@10 proc.exec 500"_s, u"beta@85 net.endpoint 203.0.113.5:443"_s};
    QTest::newRow("kind") << u"event.kind == rec.loss or event.kind == state.change"_s
                          << QStringList{u"alpha@90 state.change"_s, u"alpha@110 rec.loss"_s};
    QTest::newRow("or of and") << u"proc.pid == 401 or (file.op == create and host == \"alpha\")"_s
                               << QStringList{u"alpha@60 file.access create /tmp/drop/b."_s,
                                              u"alpha@70 file.access create /tmp/'; DROP"_s,
                                              u"alpha@1040 proc.exec 401"_s,
                                              u"alpha@5020 file.access open /var/log/x"_s};
    QTest::newRow("hostile path")
        << u"file.path == \"/tmp/'; DROP TABLE paths; --\\n\\\\N\\t\\\"quoted\\\" %_*?[x]\\xff\""_s
        << QStringList{u"alpha@70 file.access create /tmp/'; DROP"_s};
    QTest::newRow("hostile comm") << u"proc.comm contains \"DROP TABLE processes\""_s
                                  << QStringList{u"alpha@30 proc.exec 301"_s,
                                                 u"alpha@60 file.access create /tmp/drop/b."_s,
                                                 u"alpha@70 file.access create /tmp/'; DROP"_s};
    QTest::newRow("hostile argv") << u"proc.argv contains \"\\xff\\xfe\""_s
                                  << QStringList{u"alpha@30 proc.exec 301"_s,
                                                 u"alpha@60 file.access create /tmp/drop/b."_s,
                                                 u"alpha@70 file.access create /tmp/'; DROP"_s};
    QTest::newRow("wildcards are literal")
        << u"file.path contains \"%\" or proc.comm contains \"_\""_s
        << QStringList{u"alpha@30 proc.exec 301"_s, u"alpha@60 file.access create /tmp/drop/b."_s,
                       u"alpha@70 file.access create /tmp/'; DROP"_s};
    QTest::newRow("numbers") << u"user == 1000 and net.rport > 10 and net.lport < 40500"_s
                             << QStringList{u"alpha@80 net.endpoint 203.0.113.5:443"_s,
                                            u"alpha@1020 net.endpoint 198.51.100.7:22"_s};
    QTest::newRow("address") << u"net.raddr == 198.51.100.7"_s
                             << QStringList{u"alpha@1020 net.endpoint 198.51.100.7:22"_s};
    QTest::newRow("state check") << u"state.check == modules"_s << QStringList{u"alpha@90 state.change"_s};
    QTest::newRow("nothing") << u"host == alpha and host == beta"_s << QStringList{};
    QTest::newRow("not keeps tables without the field")
        << u"not proc.pid < 1000000 and host == alpha"_s
        << QStringList{u"alpha@0 rec.start"_s,  u"alpha@90 state.change"_s, u"alpha@110 rec.loss"_s,
                       u"alpha@120 rec.stop"_s, u"alpha@1000 rec.start"_s,  u"alpha@5000 rec.start"_s};
}

void TestEventTableQueries::filters()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, expected);
    auto parsed = parseDisplayFilter(filter);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
    QCOMPARE(described({std::nullopt, {}, *parsed}), expected);
}

void TestEventTableQueries::walkInSlices()
{
    // Every event of the case once, in (ts, id, table) order: the whole stream equals the tables' rows.
    const QStringList all = described({});
    qint64 total = 0;
    for (const char *table : {"process_events", "file_events", "net_events", "state_changes", "host_events", "losses"})
        total += count(*m_db, QString::fromLatin1(table));
    QCOMPARE(all.size(), total);
    QVERIFY2(all.contains(u"alpha@110 rec.loss"_s), qPrintable(all.join(u'\n')));
    qint64 previous = std::numeric_limits<qint64>::min();
    EventTableQueries queries(*m_db);
    auto slice = queries.walk({}, std::nullopt, 0, 1000, 1);
    QVERIFY(slice.ok());
    QCOMPARE(slice->rows, total);
    QCOMPARE(slice->anchors.size(), total);
    for (int i = 0; i < slice->anchors.size(); ++i) {
        const EventKey &key = slice->anchors[i];
        QVERIFY(key.ts >= previous);
        previous = key.ts;
        // Each key's page starts with that key's row.
        auto rows = queries.rows({}, key, 1);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->first().key, key);
        QCOMPARE(describe(rows->first()), all[i]);
    }
    QCOMPARE(slice->last, std::optional<EventKey>(slice->anchors.last()));
    // After the last key nothing follows.
    auto end = queries.walk({}, slice->last, total, 10, 1);
    QVERIFY(end.ok());
    QCOMPARE(end->rows, 0);
    QVERIFY(!end->last);
}

void TestEventTableQueries::hostAndRange()
{
    EventScope scope;
    scope.hostId = hostId(u"alpha"_s);
    scope.range = {QueryScenario::at(40), QueryScenario::at(90)};
    QCOMPARE(described(scope),
             (QStringList{u"alpha@40 file.access open /etc/passwd"_s, u"alpha@50 file.access write /tmp/drop/a."_s,
                          u"alpha@60 file.access create /tmp/drop/b."_s, u"alpha@70 file.access create /tmp/'; DROP"_s,
                          u"alpha@80 net.endpoint 203.0.113.5:443"_s}));
    scope.hostId = hostId(u"beta"_s);
    scope.filter = *parseDisplayFilter(u"proc.comm == wget"_s);
    QCOMPARE(described(scope), QStringList{u"beta@85 net.endpoint 203.0.113.5:443"_s});
    scope.range = {std::nullopt, QueryScenario::at(85)};
    QCOMPARE(described(scope), QStringList{u"beta@10 proc.exec 500"_s});
    scope.range = {};
    QCOMPARE(described(scope), (QStringList{u"beta@10 proc.exec 500"_s, u"beta@85 net.endpoint 203.0.113.5:443"_s}));
}

void TestEventTableQueries::lastTime()
{
    // The end of a scope's time span is the time of its last event in stream order, the filter aside; the range
    // bounds it; a scope without events has none.
    EventTableQueries queries(*m_db);
    const auto lastWalked = [&](EventScope scope) -> std::optional<qint64> {
        scope.filter = {};
        auto slice = queries.walk(scope, std::nullopt, 0, 100000, 1000);
        return slice && slice->last ? std::optional<qint64>(slice->last->ts) : std::nullopt;
    };
    EventScope scope;
    QVERIFY(lastWalked(scope));
    QCOMPARE(*queries.lastTime(scope), lastWalked(scope));
    scope.hostId = hostId(u"beta"_s);
    QVERIFY(lastWalked(scope));
    QCOMPARE(*queries.lastTime(scope), lastWalked(scope));
    scope.hostId = hostId(u"alpha"_s);
    scope.range = {QueryScenario::at(40), QueryScenario::at(90)};
    scope.filter = *parseDisplayFilter(u"proc.comm == wget"_s);
    QCOMPARE(*queries.lastTime(scope), std::optional<qint64>(QueryScenario::at(80)));
    QCOMPARE(*queries.lastTime(scope), lastWalked(scope));
    scope.range = {QueryScenario::at(-9000), QueryScenario::at(-8000)};
    QCOMPARE(*queries.lastTime(scope), std::optional<qint64>());
    scope.hostId = 999999;
    scope.range = {};
    QCOMPARE(*queries.lastTime(scope), std::optional<qint64>());
}

QTEST_GUILESS_MAIN(TestEventTableQueries)
#include "tst_eventtablequeries.moc"
