// SPDX-License-Identifier: GPL-3.0-or-later
// The Bookmarks & Notes page made after a case with marks was opened (issue 8: it stayed empty until the next mark
// change): the page shows the case's bookmarks and notes without any change, with its model under
// QAbstractItemModelTester, then follows the case — empty when it closes, another case's marks when that one opens,
// the first case's again when it is reopened. The integrity page's alert model, made late the same way, loads too
// (the same base, CaseListModel). On the integrity case (integritycase.h). Runs offscreen.
#include "alertmodel.h"
#include "casenotes.h"
#include "integritycase.h"
#include "marksmodel.h"
#include "markspage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck;

class TestMarksPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pageMadeAfterTheCaseOpenedShowsItsMarks();
    void alertModelMadeAfterTheCaseOpenedLoads();

private:
    // A copy of the integrity case with `labels` bookmarked on host delta and one note on it, made through CaseNotes
    // before any view opens it.
    QString caseWithMarks(const QString &name, const QStringList &labels, const QString &note);
    static bool open(Models::CaseSession &session, const QString &location);
    static QStringList column(const QAbstractItemModel &model, int column, int role = Qt::DisplayRole);
    static QString stateText(const Gui::MarksPage &page);

    QTemporaryDir m_dir;
    TestSupport::GuiCase m_built;
};

void TestMarksPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_built = TestSupport::buildIntegrityCase(m_dir.path());
    QVERIFY2(m_built.error.isEmpty(), qPrintable(m_built.error));
}

QString TestMarksPage::caseWithMarks(const QString &name, const QStringList &labels, const QString &note)
{
    const QString location = m_dir.filePath(name);
    if (!QFile::copy(m_built.location, location))
        return {};
    auto db = Core::Database::open(location);
    if (!db)
        return {};
    auto host = (*db)->scalar(u"SELECT id FROM hosts WHERE hostname = 'delta'"_s);
    if (!host)
        return {};
    Core::CaseNotes notes(**db);
    for (qsizetype i = 0; i < labels.size(); ++i) {
        auto process = (*db)->scalar(u"SELECT id FROM processes ORDER BY id LIMIT 1 OFFSET ?"_s, {i});
        if (!process || !notes.addBookmark({Core::ObjectType::Process, process->toLongLong()}, labels.at(i)))
            return {};
    }
    if (!notes.addNote({Core::ObjectType::Host, host->toLongLong()}, note))
        return {};
    return location;
}

bool TestMarksPage::open(Models::CaseSession &session, const QString &location)
{
    QSignalSpy opened(&session, &Models::CaseSession::opened);
    session.open(location);
    return opened.wait(10000);
}

QStringList TestMarksPage::column(const QAbstractItemModel &model, int column, int role)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row)
        texts << model.index(row, column).data(role).toString();
    return texts;
}

QString TestMarksPage::stateText(const Gui::MarksPage &page)
{
    // The line under the table (the empty table says why it is empty itself).
    const auto *label = page.findChild<QLabel *>(u"marksState"_s);
    return label ? label->text() : u"no marksState label"_s;
}

void TestMarksPage::pageMadeAfterTheCaseOpenedShowsItsMarks()
{
    const QString first = caseWithMarks(u"first.sqlite"_s, {u"suspect"_s}, u"delta was reached from outside"_s);
    const QString second = caseWithMarks(u"second.sqlite"_s, {u"one"_s, u"two"_s}, u"another case"_s);
    QVERIFY(!first.isEmpty() && !second.isEmpty());

    Models::CaseSession session;
    QVERIFY(open(session, first));
    // The page comes after the case, as when a view is opened on a case already open.
    Gui::MarksPage page(session);
    QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.resize(1000, 400);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_COMPARE(page.model()->rowCount(), 2);
    QCOMPARE(page.view()->model()->rowCount(), 2);
    QCOMPARE(column(*page.model(), Models::MarksModel::Kind), (QStringList{u"Bookmark"_s, u"Note"_s}));
    QCOMPARE(column(*page.model(), Models::MarksModel::Text),
             (QStringList{u"suspect"_s, u"delta was reached from outside"_s}));
    QCOMPARE(column(*page.model(), Models::MarksModel::Object).constLast(), u"delta"_s);
    QVERIFY2(stateText(page).startsWith(u"Double-click or press Enter"_s), qPrintable(stateText(page)));

    // Closing the case empties the page; another case brings its own marks.
    session.close();
    QCOMPARE(page.model()->rowCount(), 0);
    QVERIFY(stateText(page).isEmpty());
    QVERIFY(open(session, second));
    QTRY_COMPARE(page.model()->rowCount(), 3);
    QCOMPARE(column(*page.model(), Models::MarksModel::Text), (QStringList{u"one"_s, u"two"_s, u"another case"_s}));

    // Opening the first case again over the second (no close in between) shows the first case's marks.
    QVERIFY(open(session, first));
    QTRY_COMPARE(column(*page.model(), Models::MarksModel::Text),
                 (QStringList{u"suspect"_s, u"delta was reached from outside"_s}));
    QVERIFY2(stateText(page).startsWith(u"Double-click or press Enter"_s), qPrintable(stateText(page)));
}

void TestMarksPage::alertModelMadeAfterTheCaseOpenedLoads()
{
    Models::CaseSession session;
    QVERIFY(open(session, m_built.location));
    Models::AlertModel alerts(session);
    QAbstractItemModelTester tester(&alerts, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(alerts.rowCount(), 4); // integritycase.h: four high changes, four alerts
    QVERIFY(alerts.error().isEmpty());
}

QTEST_MAIN(TestMarksPage)
#include "tst_markspage.moc"
