// SPDX-License-Identifier: GPL-3.0-or-later
// Bookmarks, notes and alert triage (casenotes.h) on a SQLite case file and on a real PostgreSQL cluster: stored
// intact (hostile text included), listed per object, removed, audited in the same transaction, and unknown rows
// refused with NotFound and nothing changed.
#include "casefixture.h"
#include "casenotes.h"
#include "database.h"
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
                      ObjectType::Path, ObjectType::Host, ObjectType::Alert, ObjectType::Archive})
        QCOMPARE(objectTypeFromName(objectTypeName(type)), std::optional(type));
    QCOMPARE(objectTypeFromName(u"table"_s), std::nullopt);
    for (auto triage : {Triage::New, Triage::Investigating, Triage::Benign, Triage::Malicious})
        QCOMPARE(triageFromName(triageName(triage)), std::optional(triage));
    QCOMPARE(triageFromName(u"NEW"_s), std::nullopt);
}

QTEST_MAIN(TestCaseNotes)
#include "tst_casenotes.moc"
