// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline's counts over a case, on a SQLite case file and on a real PostgreSQL cluster started here (the scenario
// of queryfixture.h, imported once per engine): the buckets per kind, and the per-second counts kept at import
// against counting the event rows.
#include "migrations.h"
#include "queryfixture.h"
#include "skip.h"
#include "timelinequeries.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;

class TestTimelineQueries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { ScenarioCases::addEngineRows(); }
    void init();

    void timeline();
    void timelineSumsAgreeWithRecount();

private:
    qint64 hostId(const QString &host);

    ScenarioCases m_cases;
    Database *m_db = nullptr;
};

// The scenario is imported once per engine and shared by the tests.
void TestTimelineQueries::init()
{
    QFETCH_GLOBAL(QString, engine);
    if (engine == "postgresql"_L1 && !m_cases.hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    QString error;
    m_db = m_cases.get(engine, &error);
    QVERIFY2(m_db, qPrintable(error));
}

qint64 TestTimelineQueries::hostId(const QString &host)
{
    auto found = findHost(*m_db, host);
    return found ? *found : -1;
}

void TestTimelineQueries::timeline()
{
    TimelineRequest request{hostId(u"alpha"_s), QueryScenario::at(0), QueryScenario::at(6000), 1000000000};
    auto buckets = TimelineQueries(*m_db).counts(request);
    QVERIFY2(buckets.ok(), qPrintable(buckets.error().message));
    QStringList got;
    for (const TimelineBucket &b : *buckets)
        got.append(u"%1 %2 %3"_s.arg((b.start - QueryScenario::at(0)) / 1000000000).arg(b.kind).arg(b.events));
    QCOMPARE(got,
             (QStringList{u"0 file.access 4"_s, u"0 net.endpoint 1"_s, u"0 proc.exec 3"_s, u"0 proc.exit 1"_s,
                          u"0 rec.loss 1"_s, u"0 rec.start 1"_s, u"0 rec.stop 1"_s, u"0 state.change 1"_s,
                          u"1 file.access 1"_s, u"1 net.endpoint 1"_s, u"1 proc.exec 2"_s, u"1 proc.snapshot 1"_s,
                          u"1 rec.start 1"_s, u"5 file.access 1"_s, u"5 proc.exit 1"_s, u"5 rec.start 1"_s}));
    // All hosts, one bucket for the first second: beta's exec and connect join alpha's.
    request.hostId.reset();
    request.to = QueryScenario::at(1000);
    auto all = TimelineQueries(*m_db).counts(request);
    QVERIFY(all.ok());
    QStringList allGot;
    for (const TimelineBucket &b : *all)
        allGot.append(u"%1 %2"_s.arg(b.kind).arg(b.events));
    QCOMPARE(allGot,
             (QStringList{u"file.access 4"_s, u"net.endpoint 2"_s, u"proc.exec 4"_s, u"proc.exit 1"_s, u"rec.loss 1"_s,
                          u"rec.start 1"_s, u"rec.stop 1"_s, u"state.change 1"_s}));
    auto extent = TimelineQueries(*m_db).extent(hostId(u"alpha"_s));
    QVERIFY(extent.ok() && extent->has_value());
    QCOMPARE((*extent)->from, std::optional<qint64>(QueryScenario::at(0)));
    QCOMPARE((*extent)->to, std::optional<qint64>(QueryScenario::at(5020) + 1));
}

// The per-second counts kept at import give what counting the event rows gives, for ranges and buckets that use
// them, use them in part, or cannot; and the migration that introduced them computes the same from the event rows.
void TestTimelineQueries::timelineSumsAgreeWithRecount()
{
    const auto shown = [this](TimelineRequest request, bool recount) {
        request.recount = recount;
        auto buckets = TimelineQueries(*m_db).counts(request);
        QStringList got;
        if (!buckets)
            return QStringList{buckets.error().message};
        for (const TimelineBucket &b : *buckets)
            got.append(u"%1 %2 %3"_s.arg(b.start).arg(b.kind).arg(b.events));
        return got;
    };
    const qint64 second = 1000000000;
    const auto checkAll = [&] {
        for (const std::optional<qint64> host : {std::optional<qint64>(hostId(u"alpha"_s)), std::optional<qint64>()}) {
            for (const qint64 from : {QueryScenario::at(0), QueryScenario::at(-2000), QueryScenario::at(250)}) {
                for (const qint64 to : {QueryScenario::at(6000), QueryScenario::at(5020) + 1,
                                        QueryScenario::at(1000) + 1, QueryScenario::at(400)}) {
                    for (const qint64 bucket : {second, 2 * second, 60 * second, second / 1000, 3 * second / 2}) {
                        const TimelineRequest request{host, from, to, bucket};
                        const QStringList recounted = shown(request, true);
                        QCOMPARE(shown(request, false), recounted);
                    }
                }
            }
        }
    };
    checkAll();
    QVERIFY(!shown({hostId(u"alpha"_s), QueryScenario::at(0), QueryScenario::at(6000), second}, true).isEmpty());
    QVERIFY(m_db->execute(u"DROP TABLE event_seconds"_s).ok());
    QVERIFY(m_db->execute(u"DELETE FROM schema_version WHERE description LIKE 'timeline: %'"_s).ok());
    auto migrated = migrate(*m_db);
    QVERIFY2(migrated.ok(), qPrintable(migrated.error().message));
    QCOMPARE(*migrated, kSchemaVersion);
    checkAll();
}

QTEST_GUILESS_MAIN(TestTimelineQueries)
#include "tst_timelinequeries.moc"
