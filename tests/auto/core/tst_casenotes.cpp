// SPDX-License-Identifier: GPL-3.0-or-later
// Bookmarks, notes and alert triage (casenotes.h) on a SQLite case file and on a real PostgreSQL cluster: stored
// intact (hostile text included), listed per object, removed, audited in the same transaction, and unknown rows
// refused with NotFound and nothing changed.
#include "casefixture.h"
#include "casenotes.h"
#include "database.h"
#include "endpointmarks.h"
#include "objectfacts.h"
#include "objectqueries.h"
#include "queryfixture.h"
#include "skip.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck::Core;
using namespace Deck::TestSupport;

class TestCaseNotes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data();
    void initTestCase();
    void init();
    void bookmarks();
    void notes();
    void triage();
    void unknownRowsAreRefused();
    void names();
    void endpoints();

private:
    std::unique_ptr<FreshCases> m_cases;
    std::unique_ptr<Database> m_db;
};

void TestCaseNotes::initTestCase_data()
{
    ScenarioCases::addEngineRows();
}

void TestCaseNotes::initTestCase()
{
    m_cases = std::make_unique<FreshCases>();
}

// A fresh case per test function.
void TestCaseNotes::init()
{
    QFETCH_GLOBAL(QString, engine);
    m_db.reset();
    if (engine == "postgresql"_L1 && !m_cases->hasPostgres())
        FLIGHT_SKIP("PostgreSQL could not be started (see the warning above)");
    QString name;
    auto opened = m_cases->open(engine, u"notes"_s, &name);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    m_db = std::move(*opened);
}

void TestCaseNotes::bookmarks()
{
    CaseNotes notes(*m_db);
    const ObjectRef process{ObjectType::Process, 42};
    const QString hostile = u"it's \"evil\"; DROP TABLE bookmarks; --\nline two"_s;
    auto first = notes.addBookmark(process, hostile);
    QVERIFY2(first.ok(), qPrintable(first.error().message));
    auto second = notes.addBookmark({ObjectType::Path, 7}, u"dropper"_s);
    QVERIFY(second.ok());

    auto all = notes.bookmarks();
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).label, hostile);
    QCOMPARE(all->at(0).object, process);
    QVERIFY(!all->at(0).createdBy.isEmpty());
    QVERIFY(all->at(0).createdTs > 0);
    QCOMPARE(notes.bookmarks(process)->size(), 1);
    QCOMPARE(count(*m_db, u"audit_log"_s, u"action = 'bookmark'"_s), 2);

    QVERIFY(notes.removeBookmark(*first).ok());
    QCOMPARE(notes.bookmarks(process)->size(), 0);
    QCOMPARE(notes.bookmarks()->size(), 1);
    QCOMPARE(count(*m_db, u"audit_log"_s, u"action = 'unbookmark'"_s), 1);
}

void TestCaseNotes::notes()
{
    CaseNotes notes(*m_db);
    const ObjectRef host{ObjectType::Host, 3};
    auto id = notes.addNote(host, u"first look: ssh from 10.0.0.9"_s);
    QVERIFY2(id.ok(), qPrintable(id.error().message));
    QVERIFY(!notes.notes(host)->at(0).updatedTs);

    const QString edited = u"confirmed: \u00e9vil, with a NUL-free multi\nline text"_s;
    QVERIFY(notes.editNote(*id, edited).ok());
    auto listed = notes.notes(host);
    QVERIFY(listed.ok());
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->at(0).text, edited);
    QVERIFY(listed->at(0).updatedTs.has_value());

    QVERIFY(notes.removeNote(*id).ok());
    QVERIFY(notes.notes()->isEmpty());
    QCOMPARE(count(*m_db, u"audit_log"_s, u"action IN ('note', 'unnote')"_s), 3);
}

void TestCaseNotes::triage()
{
    auto alert
        = m_db->scalar(u"INSERT INTO alerts (host_id, ts, source, severity, title, triage) "
                       u"VALUES (1, 5, 'state.change', 'high', 'modules: 1 items changed', 'new') RETURNING id"_s);
    QVERIFY2(alert.ok(), qPrintable(alert.error().message));
    CaseNotes notes(*m_db);
    QVERIFY(notes.setTriage(alert->toLongLong(), Triage::Malicious).ok());
    QCOMPARE(count(*m_db, u"alerts"_s, u"triage = 'malicious' AND triage_by IS NOT NULL AND triage_ts > 0"_s), 1);
    QCOMPARE(count(*m_db, u"audit_log"_s, u"action = 'triage' AND detail = 'malicious'"_s), 1);
}

void TestCaseNotes::unknownRowsAreRefused()
{
    CaseNotes notes(*m_db);
    const QString before = dumpTables(*m_db);
    for (const auto &failed : {notes.removeBookmark(999), notes.editNote(999, u"x"_s), notes.removeNote(999),
                               notes.setTriage(999, Triage::Benign)}) {
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, static_cast<int>(StoreReason::NotFound));
        QVERIFY2(failed.error().message.contains(u"999 does not exist"_s), qPrintable(failed.error().message));
    }
    QCOMPARE(dumpTables(*m_db), before); // the audit entries were rolled back with the change
}

void TestCaseNotes::names()
{
    for (auto type : {ObjectType::Process, ObjectType::FileEvent, ObjectType::NetEvent, ObjectType::StateChange,
                      ObjectType::Path, ObjectType::Host, ObjectType::Alert, ObjectType::Archive, ObjectType::Endpoint})
        QCOMPARE(objectTypeFromName(objectTypeName(type)), std::optional(type));
    QCOMPARE(objectTypeFromName(u"table"_s), std::nullopt);
    for (auto triage : {Triage::New, Triage::Investigating, Triage::Benign, Triage::Malicious})
        QCOMPARE(triageFromName(triageName(triage)), std::optional(triage));
    QCOMPARE(triageFromName(u"NEW"_s), std::nullopt);
}

// A remote address and an address:port are objects of their own: interned once each (the same endpoint twice is one
// row; the address alone and with a port are two), marked and listed like any object, described in words by
// objectFacts and ObjectQueries, and a hostile address is stored as given.
void TestCaseNotes::endpoints()
{
    const RemoteEndpoint address{u"203.0.113.9"_s, std::nullopt};
    const RemoteEndpoint withPort{u"203.0.113.9"_s, 443};
    const RemoteEndpoint v6{u"2001:db8::7"_s, 22};
    const RemoteEndpoint hostile{u"1.2.3.4'); DROP TABLE bookmarks; --"_s, std::nullopt};
    QCOMPARE(findEndpoint(*m_db, address)->has_value(), false);
    auto first = resolve(*m_db, MarkTarget(address));
    QVERIFY2(first.ok(), qPrintable(first.error().message));
    QCOMPARE(first->type, ObjectType::Endpoint);
    QCOMPARE(resolve(*m_db, MarkTarget(address))->id, first->id);
    auto second = resolve(*m_db, MarkTarget(withPort));
    auto third = resolve(*m_db, MarkTarget(v6));
    auto fourth = resolve(*m_db, MarkTarget(hostile));
    QVERIFY(second.ok() && third.ok() && fourth.ok());
    QVERIFY(second->id != first->id && third->id != second->id && fourth->id != third->id);
    QCOMPARE(**findEndpoint(*m_db, withPort), second->id);
    QCOMPARE(count(*m_db, u"remote_endpoints"_s), 4);
    // An ObjectRef target resolves to itself without touching the table.
    QCOMPARE(*resolve(*m_db, MarkTarget(ObjectRef{ObjectType::Host, 3})), (ObjectRef{ObjectType::Host, 3}));
    QVERIFY(!internEndpoint(*m_db, {QString(), 80}).ok());
    QVERIFY(!internEndpoint(*m_db, {u"192.0.2.1"_s, 70000}).ok());

    CaseNotes notes(*m_db);
    QVERIFY(notes.addBookmark(*first, u"C2"_s).ok());
    QVERIFY(notes.addNote(*second, u"beacon every 60 s"_s).ok());
    QCOMPARE(notes.bookmarks(*first)->size(), 1);
    QCOMPARE(notes.notes(*second)->at(0).object, *second);
    QCOMPARE(count(*m_db, u"audit_log"_s, u"object = 'endpoint %1'"_s.arg(first->id)), 1);

    auto facts = objectFacts(*m_db, {*first, *second, *third, *fourth, ObjectRef{ObjectType::Endpoint, 999}});
    QVERIFY2(facts.ok(), qPrintable(facts.error().message));
    QVERIFY(facts->at(0).exists);
    QCOMPARE(facts->at(0).what, address.address);
    QCOMPARE(facts->at(0).extra, QString());
    QCOMPARE(facts->at(1).extra, u"443"_s);
    QCOMPARE(facts->at(2).what, v6.address);
    QCOMPARE(facts->at(3).what, hostile.address);
    QVERIFY(!facts->at(4).exists);

    ObjectQueries queries(*m_db);
    QCOMPARE(queries.describe(*first)->text, u"endpoint 203.0.113.9"_s);
    QCOMPARE(queries.describe(*second)->text, u"endpoint 203.0.113.9:443"_s);
    QCOMPARE(queries.describe(*third)->text, u"endpoint [2001:db8::7]:22"_s);
    QCOMPARE(endpointText(withPort), u"203.0.113.9:443"_s);
}

QTEST_MAIN(TestCaseNotes)
#include "tst_casenotes.moc"
