// SPDX-License-Identifier: GPL-3.0-or-later
// Indicator lists in a case (indicatorstore.h) matched against it (indicatormatcher.h), on a SQLite case file and
// on a real PostgreSQL cluster: the query scenario (queryfixture.h: known addresses, domains in argv, paths) plus a
// host whose collector recorded an executable's digest, imported through the real importer. Each hit must be an
// alert with the right evidence, indicators that match nothing must raise nothing, and matching again adds nothing.
#include "alertwriter.h"
#include "importer.h"
#include "indicatormatcher.h"
#include "indicatorstore.h"
#include "indicatorsync.h"
#include "queryfixture.h"
#include "skip.h"

#include <QDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;

namespace {

const QString kDigest = u"5f0c3e2a9b1d4c6e8f7a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4"_s;

// A third host whose collector proved the digest of what it executed (FORMAT.md: exe_digest, BLAKE2b-256).
Event digestExec(qint64 pid, const QString &comm, const QByteArray &exe, const QString &digest,
                 const QList<QByteArray> &argv)
{
    Event event = execEvent(pid, 1, comm, argv, 50);
    auto &exec = std::get<ProcExec>(event.body);
    exec.exe = exe;
    exec.exeDigest = digest;
    return event;
}

} // namespace

class TestIndicators : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data();
    void initTestCase();
    void init();
    void hitsRaiseAlertsWithEvidence();
    void listsStoredReplacedRemoved();
    void newArchivesMatchedAfterImport();

private:
    qint64 id(const QString &sql, const QVariantList &params = {});
    // "rule|type:id type:id ..." of every indicator alert, sorted.
    QStringList indicatorAlerts();
    QString stored(const QString &name, const QByteArray &text);

    std::unique_ptr<FreshCases> m_cases;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ArchiveSeries> m_delta;
};

void TestIndicators::initTestCase_data()
{
    ScenarioCases::addEngineRows();
}

void TestIndicators::initTestCase()
{
    m_cases = std::make_unique<FreshCases>();
}

// A fresh case per test function: the scenario, and host delta with one digest-proven exec.
void TestIndicators::init()
{
    QFETCH_GLOBAL(QString, engine);
    m_db.reset();
    if (engine == "postgresql"_L1 && !m_cases->hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    QString name;
    const auto location = m_cases->create(engine, u"indicators"_s, &name);
    QVERIFY2(location.ok(), qPrintable(location.error().message));
    const QString folder = QDir(m_cases->dir()).filePath(name);
    QVERIFY(QDir().mkpath(folder));
    auto opened = openScenarioCase(*location, folder);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    m_db = std::move(*opened);
    m_delta = std::make_unique<ArchiveSeries>(folder, u"delta"_s);
    const QString archive = m_delta->next(
        {digestExec(700, u"miner"_s, "/opt/m/miner", kDigest, {"/opt/m/miner", "--pool", "pool.example.org"})});
    const QString failure = trustAndImport(*m_db, {m_delta.get()}, {archive});
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

qint64 TestIndicators::id(const QString &sql, const QVariantList &params)
{
    auto value = m_db->scalar(sql, params);
    if (!value || value->isNull())
        qWarning("no row: %s", qPrintable(sql));
    return value ? value->toLongLong() : -1;
}

QStringList TestIndicators::indicatorAlerts()
{
    QList<std::pair<qint64, QString>> alerts;
    {
        auto q = m_db->query(u"SELECT id, rule FROM alerts WHERE source = 'indicator' ORDER BY id"_s);
        if (!q)
            return {q.error().message};
        while (q->next())
            alerts.append({q->value(0).toLongLong(), q->value(1).toString()});
    }
    QStringList result;
    for (const auto &[alertId, rule] : std::as_const(alerts)) {
        QStringList objects;
        const auto evidence = alertEvidence(*m_db, alertId);
        for (const AlertEvidenceRow &row : evidence.value())
            objects.append(u"%1:%2"_s.arg(objectTypeName(row.object.type)).arg(row.object.id));
        result.append(rule + u'|' + objects.join(u' '));
    }
    result.sort();
    return result;
}

QString TestIndicators::stored(const QString &name, const QByteArray &text)
{
    auto update = applyIndicatorList(*m_db, name, QDir(m_cases->dir()).filePath(name + u".txt"_s), text);
    return update ? QString() : update.error().message;
}

void TestIndicators::hitsRaiseAlertsWithEvidence()
{
    const QByteArray list = "# hits and misses\n"
                            "203.0.113.0/24\n" // remote of alpha's curl and beta's wget
                            "192.0.2.1\n" // nowhere
                            "evil.example\n" // argv of curl and wget
                            "example.org\n" // parent domain of pool.example.org (delta's argv)
                            "ood.example\n" // a suffix that is no whole name: nothing
                            "/tmp/drop/*\n" // a.sh (written by curl), b.bin (created by 301)
                            "**/python3\n" // executed by 400
                            "/nonexistent/**\n"
                            + kDigest.toLatin1() + "\n";
    QCOMPARE(stored(u"feed"_s, list), QString());
    // Beta's local address: its own list (one alert per list and event, and feed raised one about that event).
    QCOMPARE(stored(u"lan"_s, "10.0.0.9\n"), QString());
    const QByteArray csv = "type,value\nsha256," + kDigest.toLatin1() + "\nmd5,d41d8cd98f00b204e9800998ecf8427e\n";
    QCOMPARE(stored(u"sha-feed"_s, csv), QString()); // SHA-256 can never match the collector's BLAKE2b-256

    auto matched = matchIndicators(*m_db);
    QVERIFY2(matched.ok(), qPrintable(matched.error().message));
    QCOMPARE(matched->indicators, 12);

    const auto process = [&](const QString &host, qint64 pid) {
        return id(u"SELECT p.id FROM processes p JOIN hosts h ON h.id = p.host_id WHERE h.hostname = ? AND p.pid = ?"_s,
                  {host, pid});
    };
    const auto net = [&](const QString &host, const QString &column, const QString &address) {
        return id(u"SELECT n.id FROM net_events n JOIN hosts h ON h.id = n.host_id WHERE h.hostname = ? AND n.%1 = ?"_s
                      .arg(column),
                  {host, address});
    };
    const auto path = [&](const QByteArray &bytes) { return id(u"SELECT id FROM paths WHERE path = ?"_s, {bytes}); };
    const auto fileEvent = [&](const QByteArray &bytes) {
        return id(u"SELECT f.id FROM file_events f JOIN paths p ON p.id = f.path_id WHERE p.path = ?"_s, {bytes});
    };
    QStringList expected{
        u"feed|net_event:%1 process:%2"_s.arg(net(u"alpha"_s, u"raddr"_s, u"203.0.113.5"_s)).arg(process(u"alpha"_s, 300)),
        u"feed|net_event:%1 process:%2"_s.arg(net(u"beta"_s, u"raddr"_s, u"203.0.113.5"_s)).arg(process(u"beta"_s, 500)),
        u"lan|net_event:%1 process:%2"_s.arg(net(u"beta"_s, u"laddr"_s, u"10.0.0.9"_s)).arg(process(u"beta"_s, 500)),
        u"feed|process:%1"_s.arg(process(u"alpha"_s, 300)),
        u"feed|process:%1"_s.arg(process(u"beta"_s, 500)),
        u"feed|process:%1"_s.arg(process(u"delta"_s, 700)), // its digest (the first raise: one alert per object)
        u"feed|file_event:%1 process:%2 path:%3"_s.arg(fileEvent("/tmp/drop/a.sh"))
            .arg(process(u"alpha"_s, 300))
            .arg(path("/tmp/drop/a.sh")),
        u"feed|file_event:%1 process:%2 path:%3"_s.arg(fileEvent("/tmp/drop/b.bin"))
            .arg(process(u"alpha"_s, 301))
            .arg(path("/tmp/drop/b.bin")),
        u"feed|process:%1 path:%2"_s.arg(process(u"alpha"_s, 400)).arg(path("/usr/bin/python3")),
    };
    expected.sort();
    QCOMPARE(indicatorAlerts(), expected);
    QCOMPARE(matched->alertsRaised, expected.size());
    QCOMPARE(matched->raisedPerList.value(u"sha-feed"_s), 0);
    QCOMPARE(matched->raisedPerList.value(u"lan"_s), 1);

    // The alerts read as an analyst needs them.
    auto title = m_db->scalar(u"SELECT title || ' / ' || detail || ' / ' || severity FROM alerts a JOIN alert_evidence "
                              u"e ON e.alert_id = a.id AND e.ordinal = 0 WHERE e.object_type = 'net_event' AND "
                              u"e.object_id = ?"_s,
                              {net(u"alpha"_s, u"raddr"_s, u"203.0.113.5"_s)});
    QCOMPARE(title.value().toString(),
             u"feed: connect to a listed address, 203.0.113.5 port 443 / 203.0.113.5 matched 203.0.113.0/24 (feed "
             u"address, line 2); 1 event(s) of curl (pid 300) / medium"_s);
    auto digestAlert = m_db->scalar(u"SELECT title || ' / ' || severity FROM alerts a JOIN alert_evidence e ON "
                                    u"e.alert_id = a.id WHERE e.object_type = 'process' AND e.object_id = ? AND "
                                    u"a.source = 'indicator'"_s,
                                    {process(u"delta"_s, 700)});
    QCOMPARE(digestAlert.value().toString(), u"feed: executable with a listed digest, /opt/m/miner / high"_s);

    // Matching again (on demand, or after the next import) adds nothing.
    auto again = matchIndicators(*m_db);
    QVERIFY2(again.ok(), qPrintable(again.error().message));
    QCOMPARE(again->alertsRaised, 0);
    QCOMPARE(again->hits, matched->hits);
    QCOMPARE(indicatorAlerts(), expected);
    auto lists = IndicatorStore(*m_db).lists();
    QVERIFY(lists.ok());
    QCOMPARE(lists->size(), 3);
    QCOMPARE(lists->at(0).name, u"feed"_s);
    QCOMPARE(lists->at(0).matches, expected.size() - 1);
    QCOMPARE(lists->at(1).matches, 1);
    QCOMPARE(lists->at(2).matches, 0);
}

void TestIndicators::listsStoredReplacedRemoved()
{
    QCOMPARE(stored(u"feed"_s, "203.0.113.5\nevil.example\nbad line\n"), QString());
    IndicatorStore store(*m_db);
    auto first = store.list(u"feed"_s);
    QVERIFY2(first.ok(), qPrintable(first.error().message));
    QCOMPARE(first->indicators, 2);
    QCOMPARE(first->badLines, 1);
    QCOMPARE(first->counts.value(u"domain"_s), 1);
    QVERIFY(!first->fromUrl);

    // The same bytes again: nothing replaced. New bytes: the list is replaced whole.
    auto same = applyIndicatorList(*m_db, u"feed"_s, first->source, "203.0.113.5\nevil.example\nbad line\n");
    QVERIFY(same.ok());
    QCOMPARE(same->outcome, IndicatorListUpdate::Outcome::Unchanged);
    auto changed = applyIndicatorList(*m_db, u"feed"_s, first->source, "198.51.100.7\n");
    QVERIFY2(changed.ok(), qPrintable(changed.error().message));
    QCOMPARE(changed->outcome, IndicatorListUpdate::Outcome::Replaced);
    auto indicators = store.indicators(u"feed"_s);
    QVERIFY(indicators.ok());
    QCOMPARE(indicators->size(), 1);
    QCOMPARE(indicators->at(0).value, u"198.51.100.7"_s);
    QCOMPARE(id(u"SELECT COUNT(*) FROM indicators"_s), 1);

    // A list that holds nothing usable is refused and the stored one stays.
    auto refused = applyIndicatorList(*m_db, u"feed"_s, first->source, "nothing here\n");
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains("holds no indicator"_L1), qPrintable(refused.error().message));
    QCOMPARE(store.indicators(u"feed"_s)->size(), 1);

    QVERIFY(matchIndicators(*m_db).ok());
    QCOMPARE(indicatorAlerts().size(), 1);
    QVERIFY(store.remove(u"feed"_s).ok());
    QCOMPARE(id(u"SELECT COUNT(*) FROM indicators"_s), 0);
    QCOMPARE(indicatorAlerts().size(), 1); // the investigation keeps its alerts
    auto gone = store.remove(u"feed"_s);
    QVERIFY(!gone.ok());
    QVERIFY(gone.error().message.startsWith(u"no indicator list named \u201cfeed\u201d"_s));
    QVERIFY(IndicatorStore::nameProblem(u"bad\nname"_s).has_value());
    QCOMPARE(id(u"SELECT COUNT(*) FROM audit_log WHERE action LIKE 'indicators%'"_s), 3);
}

void TestIndicators::newArchivesMatchedAfterImport()
{
    QCOMPARE(stored(u"feed"_s, "c2.example.net\n/dev/shm/**\n"), QString());
    QVERIFY(matchIndicators(*m_db).ok());
    QCOMPARE(indicatorAlerts(), QStringList());

    const QString archive = m_delta->next({execEvent(710, 1, u"curl"_s, {"/usr/bin/curl", "https://C2.Example.NET/p"}, 60),
                                           fileEvent(710, FileOp::Create, "/dev/shm/.x/payload", 70)});
    Importer importer(*m_db);
    const auto outcomes = importer.importPaths({archive});
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.at(0).status, ImportStatus::Imported);
    const QStringList alerts = indicatorAlerts();
    QCOMPARE(alerts.size(), 2);
    QVERIFY2(alerts.at(0).startsWith("feed|file_event:"_L1), qPrintable(alerts.join(u", "_s)));
    QVERIFY2(alerts.at(1).startsWith("feed|process:"_L1), qPrintable(alerts.join(u", "_s)));
}

QTEST_GUILESS_MAIN(TestIndicators)
#include "tst_indicators.moc"
