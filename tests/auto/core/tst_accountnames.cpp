// SPDX-License-Identifier: GPL-3.0-or-later
// User names per host over time (accountnames.h) on a SQLite case file and a real PostgreSQL cluster: archives with
// the collector's `accounts` snapshots and changes imported by the real importer, then each process's name as of
// its time (a rename later does not rename earlier processes), unknown and removed uids as numbers alone, the name
// in the events table's rows, the display filter's `user == "name"`, and group names the same way (a group renamed
// mid-case: each process's gid and egid with the name of its time, in the process detail's query; the display
// filter's `group`; the network page's conversations with the user's and group's names of the process's time).
#include "accountnames.h"
#include "casefixture.h"
#include "eventtablequeries.h"
#include "importer.h"
#include "networkqueries.h"
#include "queryfixture.h"
#include "processimagequeries.h"
#include "processqueries.h"
#include "skip.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;
namespace Test = Flight::TestSupport;

namespace {

qint64 at(qint64 ms)
{
    return Test::kBaseTs + ms * 1000000;
}

Event execAs(qint64 pid, qint64 uid, qint64 ms)
{
    Event event = execEvent(pid, 1, u"sh"_s, {"/bin/sh"}, ms);
    std::get<ProcExec>(event.body).uid = uid;
    std::get<ProcExec>(event.body).euid = uid;
    std::get<ProcExec>(event.body).gid = uid; // each user's own group (gid 1000 is "staff", later "staffers")
    std::get<ProcExec>(event.body).egid = uid == 1000 ? 50 : uid; // 50: "wheel" throughout
    return event;
}

StateItem user(qint64 uid, const QString &name)
{
    return {u"uid:%1"_s.arg(uid),
            {{u"name"_s, name}, {u"gid"_s, uid}, {u"home"_s, u"/"_s}, {u"shell"_s, u"/bin/sh"_s}}};
}

StateItem group(qint64 gid, const QString &name)
{
    return {u"gid:%1"_s.arg(gid), {{u"name"_s, name}}};
}

Event accounts(qint64 ms, EventBody body)
{
    return Event{at(ms), Test::kBaseMono + ms * 1000000, std::move(body)};
}

} // namespace

class TestAccountNames : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data();
    void initTestCase();
    void init();
    void processesShowTheNameOfTheirTime();
    void eventRowsAndUserNameAt();
    void displayFilterByName();
    void storingTwiceAddsNothing();
    void groupsShowTheNameOfTheirTime();
    void displayFilterByGroup();
    void conversationsNameUserAndGroup();
    void indexInMemoryAgreesWithTheQuery();

private:
    qint64 pidUser(qint64 pid, QString *name);
    QStringList filteredPids(const QString &filter);

    std::unique_ptr<FreshCases> m_cases;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ArchiveSeries> m_echo; // for an archive a test adds
    qint64 m_hostId = 0;
};

void TestAccountNames::initTestCase_data()
{
    ScenarioCases::addEngineRows();
}

void TestAccountNames::initTestCase()
{
    m_cases = std::make_unique<FreshCases>();
}

// Host "echo", two archives (times in ms):
//   archive 1: @0 exec 100 as 1000 (before the accounts snapshot: the snapshot counts from the archive's start);
//   @5 snapshot root 0, alice 1000, groups staff 1000 and wheel 50; @10 exec 101 as 1000; @20 change alice ->
//   alicia, group staff -> staffers, eve 1001 added; @30 exec 102
//   as 1000, 103 as 1001, 104 as 4242 (never named); @40 change eve removed; @50 exec 105 as 1001.
//   archive 2 (the collector restarted): @100 exec 106 as 1000; @105 snapshot root only (alicia removed meanwhile).
void TestAccountNames::init()
{
    QFETCH_GLOBAL(QString, engine);
    m_db.reset();
    if (engine == "postgresql"_L1 && !m_cases->hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    QString name;
    auto opened = m_cases->open(engine, u"accounts"_s, &name);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    m_db = std::move(*opened);
    const QString folder = QDir(m_cases->dir()).filePath(name);
    QVERIFY(QDir().mkpath(folder));

    m_echo = std::make_unique<ArchiveSeries>(folder, u"echo"_s);
    ArchiveSeries &echo = *m_echo;
    StateChange renamed{u"accounts"_s, Severity::Medium, {user(1001, u"eve"_s)}, {}, {}};
    renamed.changed = {{u"uid:1000"_s, user(1000, u"alice"_s), user(1000, u"alicia"_s)},
                       {u"gid:1000"_s, group(1000, u"staff"_s), group(1000, u"staffers"_s)}};
    const StateChange removed{u"accounts"_s, Severity::Medium, {}, {user(1001, u"eve"_s)}, {}};
    const QString first
        = echo.next({execAs(100, 1000, 0),
                     accounts(5,
                              StateSnapshot{u"accounts"_s,
                                            {user(0, u"root"_s), user(1000, u"alice"_s),
                                             group(1000, u"staff"_s), group(50, u"wheel"_s)}}),
                     execAs(101, 1000, 10), accounts(20, renamed), execAs(102, 1000, 30), execAs(103, 1001, 30),
                     execAs(104, 4242, 30), accounts(40, removed), execAs(105, 1001, 50)});
    const QString second
        = echo.next({execAs(106, 1000, 100), accounts(105, StateSnapshot{u"accounts"_s, {user(0, u"root"_s)}})});
    const QString failure = trustAndImport(*m_db, {&echo}, {first, second});
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    m_hostId = m_db->scalar(u"SELECT id FROM hosts WHERE hostname = 'echo'"_s)->toLongLong();
}

qint64 TestAccountNames::pidUser(qint64 pid, QString *name)
{
    auto process = ProcessQueries(*m_db).processByPid(m_hostId, pid);
    if (!process) {
        *name = process.error().message;
        return -1;
    }
    *name = process->userName;
    return process->uid.value_or(-1);
}

void TestAccountNames::processesShowTheNameOfTheirTime()
{
    const QList<std::tuple<qint64, qint64, QString>> expected{
        {100, 1000, u"alice"_s}, {101, 1000, u"alice"_s}, {102, 1000, u"alicia"_s}, {103, 1001, u"eve"_s},
        {104, 4242, QString()},  {105, 1001, QString()},  {106, 1000, QString()}};
    for (const auto &[pid, uid, name] : expected) {
        QString shown;
        QCOMPARE(pidUser(pid, &shown), uid);
        QVERIFY2(shown == name, qPrintable(u"pid %1: '%2', expected '%3'"_s.arg(pid).arg(shown, name)));
    }
    // The tree's pages and walks carry the name too.
    auto roots = ProcessQueries(*m_db).roots(m_hostId);
    QVERIFY2(roots, qPrintable(roots.error().message));
    QStringList seen;
    for (const ProcessRow &row : std::as_const(roots->rows))
        seen << userText(*row.uid, row.userName);
    QCOMPARE(seen,
             (QStringList{u"alice (1000)"_s, u"alice (1000)"_s, u"alicia (1000)"_s, u"eve (1001)"_s, u"4242"_s,
                          u"1001"_s, u"1000"_s}));
    auto walked = ProcessQueries(*m_db).forest(m_hostId);
    QVERIFY2(walked, qPrintable(walked.error().message));
    QCOMPARE(walked->rows.size(), 7);
    QCOMPARE(walked->rows.at(2).process.userName, u"alicia"_s);
}

void TestAccountNames::eventRowsAndUserNameAt()
{
    auto rows = EventTableQueries(*m_db).rows({}, EventKey{}, 100);
    QVERIFY2(rows, qPrintable(rows.error().message));
    QStringList users;
    for (const EventTableRow &row : std::as_const(*rows)) {
        if (row.kind == "proc.exec"_L1)
            users << u"%1 %2"_s.arg(*row.pid).arg(userText(*row.uid, row.userName));
    }
    QCOMPARE(users,
             (QStringList{u"100 alice (1000)"_s, u"101 alice (1000)"_s, u"102 alicia (1000)"_s, u"103 eve (1001)"_s,
                          u"104 4242"_s, u"105 1001"_s, u"106 1000"_s}));
    QCOMPARE(*userNameAt(*m_db, m_hostId, 1000, at(15)), u"alice"_s);
    QCOMPARE(*userNameAt(*m_db, m_hostId, 1000, at(20)), u"alicia"_s);
    QCOMPARE(*userNameAt(*m_db, m_hostId, 0, at(200)), u"root"_s);
    QCOMPARE(*userNameAt(*m_db, m_hostId, 1000, at(-1)), QString()); // before the host's first record
    QCOMPARE(*userNameAt(*m_db, m_hostId + 1, 0, at(10)), QString()); // another host
}

QStringList TestAccountNames::filteredPids(const QString &filter)
{
    EventScope scope;
    auto parsed = parseDisplayFilter(filter);
    if (!parsed)
        return {parsed.error().message};
    scope.filter = *parsed;
    auto rows = EventTableQueries(*m_db).rows(scope, EventKey{}, 100, EventTableQueries::Statement::Fresh);
    if (!rows)
        return {rows.error().message};
    QStringList pids;
    for (const EventTableRow &row : std::as_const(*rows))
        pids << QString::number(row.pid.value_or(-1));
    return pids;
}

void TestAccountNames::displayFilterByName()
{
    QCOMPARE(filteredPids(u"user == \"alice\""_s), (QStringList{u"100"_s, u"101"_s}));
    QCOMPARE(filteredPids(u"user == alicia"_s), QStringList{u"102"_s});
    QCOMPARE(filteredPids(u"user == 1000"_s), (QStringList{u"100"_s, u"101"_s, u"102"_s, u"106"_s}));
    QCOMPARE(filteredPids(u"user == 1000 and not user == alice"_s), (QStringList{u"102"_s, u"106"_s}));
    QCOMPARE(filteredPids(u"user startswith ali"_s), (QStringList{u"100"_s, u"101"_s, u"102"_s}));
    QCOMPARE(filteredPids(u"user != \"alice\" and proc.pid < 200"_s), (QStringList{u"102"_s, u"103"_s}));
    QCOMPARE(filteredPids(u"user == \"nobody'; --\""_s), QStringList{});
}

void TestAccountNames::storingTwiceAddsNothing()
{
    const auto rows = [this] { return m_db->scalar(u"SELECT COUNT(*) FROM account_names"_s)->toLongLong(); };
    const qint64 before = rows();
    QCOMPARE(before, 9); // the first snapshot (4), the change (3), the removal, the second snapshot
    QList<Event> again{accounts(105, StateSnapshot{u"accounts"_s, {user(0, u"root"_s)}})};
    QVERIFY(m_db->begin());
    auto stored = storeAccounts(*m_db, m_hostId, at(100), again);
    QVERIFY2(stored, qPrintable(stored.error().message));
    QVERIFY(m_db->commit());
    QCOMPARE(rows(), before);
}

// gid and egid as the process detail shows them: the group's name as of the process's ids, so the renamed group
// keeps its old name on the processes before the rename; a group the newest snapshot leaves out has no name.
void TestAccountNames::groupsShowTheNameOfTheirTime()
{
    const QList<std::tuple<qint64, QString, QString, QString>> expected{
        {100, u"staff (1000)"_s, u"wheel (50)"_s, u"alice (1000)"_s},
        {101, u"staff (1000)"_s, u"wheel (50)"_s, u"alice (1000)"_s},
        {102, u"staffers (1000)"_s, u"wheel (50)"_s, u"alicia (1000)"_s},
        {103, u"1001"_s, u"1001"_s, u"eve (1001)"_s}, // no group 1001 was ever named
        {106, u"1000"_s, u"50"_s, u"1000"_s}}; // after a snapshot that names neither
    for (const auto &[pid, gid, egid, euid] : expected) {
        auto process = ProcessQueries(*m_db).processByPid(m_hostId, pid);
        QVERIFY2(process, qPrintable(process.error().message));
        auto image = ProcessImageQueries(*m_db).image(process->id);
        QVERIFY2(image, qPrintable(image.error().message));
        const QString shown = u"%1 / %2 / %3"_s.arg(userText(*image->gid, image->gidName),
                                                     userText(*image->egid, image->egidName),
                                                     userText(*image->euid, image->euidName));
        const QString wanted = u"%1 / %2 / %3"_s.arg(gid, egid, euid);
        QVERIFY2(shown == wanted, qPrintable(u"pid %1: '%2', expected '%3'"_s.arg(pid).arg(shown, wanted)));
    }
    QCOMPARE(*groupNameAt(*m_db, m_hostId, 1000, at(15)), u"staff"_s);
    QCOMPARE(*groupNameAt(*m_db, m_hostId, 1000, at(20)), u"staffers"_s);
    QCOMPARE(*groupNameAt(*m_db, m_hostId, 50, at(99)), u"wheel"_s);
    QCOMPARE(*groupNameAt(*m_db, m_hostId, 50, at(200)), QString()); // the second snapshot names only root
    QCOMPARE(*userNameAt(*m_db, m_hostId, 50, at(50)), QString()); // a group's id is no user's
}

// `group` compares the process's gid (not its egid) or the name that gid had at the event's time, as `user` does.
void TestAccountNames::displayFilterByGroup()
{
    QCOMPARE(filteredPids(u"group == staff"_s), (QStringList{u"100"_s, u"101"_s}));
    QCOMPARE(filteredPids(u"group == \"staffers\""_s), QStringList{u"102"_s});
    QCOMPARE(filteredPids(u"group == 1000"_s), (QStringList{u"100"_s, u"101"_s, u"102"_s, u"106"_s}));
    QCOMPARE(filteredPids(u"group == 1000 and not group == staff"_s), (QStringList{u"102"_s, u"106"_s}));
    QCOMPARE(filteredPids(u"group startswith staff"_s), (QStringList{u"100"_s, u"101"_s, u"102"_s}));
    QCOMPARE(filteredPids(u"group matches \"*ers\""_s), QStringList{u"102"_s});
    // != on a name keeps the named other groups only: 103-105 had groups without a name.
    QCOMPARE(filteredPids(u"group != staff and proc.pid < 200"_s), QStringList{u"102"_s});
    QCOMPARE(filteredPids(u"group == wheel"_s), QStringList{}); // wheel (50) is their egid, not their gid
    QCOMPARE(filteredPids(u"group == 4242 or group == 1001"_s), (QStringList{u"103"_s, u"104"_s, u"105"_s}));
    QCOMPARE(filteredPids(u"user == alicia and group == staffers"_s), QStringList{u"102"_s});
    QCOMPARE(filteredPids(u"group == \"nobody'; --\""_s), QStringList{});
    QCOMPARE(filteredPids(u"group < staff"_s), QStringList{u"column 7: < compares numbers; a group name is text"_s});
}

// The Conversations table's user and group: the names as of the process's latest ids, however late the connection
// (here after the second snapshot named neither), resolved for the page's rows, in the page's order.
void TestAccountNames::conversationsNameUserAndGroup()
{
    const QString third
        = m_echo->next({connectEvent(101, u"203.0.113.5"_s, 443, 200), connectEvent(102, u"203.0.113.5"_s, 443, 210),
                        connectEvent(104, u"198.51.100.7"_s, 22, 220)});
    const auto outcome = Importer(*m_db).importFile(third);
    QVERIFY2(outcome.status == ImportStatus::Imported, qPrintable(outcome.message));
    const auto shown = [this](ConversationOrder order, bool descending, int limit = 10, int offset = 0) {
        QStringList rows;
        auto result = NetworkQueries(*m_db).conversations({}, {int(order), descending}, limit, offset);
        if (!result)
            return QStringList{result.error().message};
        for (const ConversationRow &row : std::as_const(result->rows))
            rows << u"%1 %2 / %3"_s.arg(row.pid.value_or(-1))
                        .arg(userText(row.uid.value_or(-1), row.userName),
                             userText(row.gid.value_or(-1), row.groupName));
        return rows;
    };
    const QStringList byFirst{u"101 alice (1000) / staff (1000)"_s, u"102 alicia (1000) / staffers (1000)"_s,
                              u"104 4242 / 4242"_s};
    QCOMPARE(shown(ConversationOrder::First, false), byFirst);
    QCOMPARE(shown(ConversationOrder::First, false, 1, 1), QStringList{byFirst.at(1)});
    QCOMPARE(shown(ConversationOrder::Group, true), (QStringList{byFirst.at(2), byFirst.at(0), byFirst.at(1)}));
    QCOMPARE(shown(ConversationOrder::User, false, 2), (QStringList{byFirst.at(0), byFirst.at(1)}));
}

// AccountNameIndex (the whole forest's names, resolved in memory) gives what the SQL resolution gives, for users and
// groups, known and unknown ids, before, between and after the snapshots and renames, and on another host.
void TestAccountNames::indexInMemoryAgreesWithTheQuery()
{
    for (const qint64 host : {m_hostId, m_hostId + 1}) {
        auto users = AccountNameIndex::load(*m_db, "uid"_L1, host);
        auto groups = AccountNameIndex::load(*m_db, "gid"_L1, host);
        QVERIFY2(users.ok() && groups.ok(), qPrintable(users.error().message + groups.error().message));
        int named = 0;
        for (const qint64 id : {0, 50, 1000, 1001, 65534, 99999}) {
            for (qint64 ms = -20; ms <= 300; ms += 1) {
                const QString user = *userNameAt(*m_db, host, id, at(ms));
                QCOMPARE(users->nameAt(id, at(ms)), user);
                QCOMPARE(groups->nameAt(id, at(ms)), *groupNameAt(*m_db, host, id, at(ms)));
                named += user.isEmpty() ? 0 : 1;
            }
        }
        QCOMPARE(named > 0, host == m_hostId);
    }
}

QTEST_GUILESS_MAIN(TestAccountNames)
#include "tst_accountnames.moc"
