// SPDX-License-Identifier: GPL-3.0-or-later
// Screenshots of the Integrity and alerts page and of the Bookmarks & Notes page with something to show (the fixture
// of tst_screenshots raises no alert): the integrity case (integritycase.h) with one alert triaged, a change
// selected, a bookmark and a note. Under Xvfb, for people to look at; the files go to $FLIGHT_SCREENSHOT_DIR as
// integrity-*.png. The test fails when a page renders nothing.
#include "casemarks.h"
#include "integritycase.h"
#include "integritymodel.h"
#include "alertmodel.h"
#include "integritypage.h"
#include "mainwindow.h"
#include "marksmodel.h"
#include "markspage.h"

#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck;

class TestIntegrityScreenshots : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pagesWithAlertsAndMarks();
};

void TestIntegrityScreenshots::pagesWithAlertsAndMarks()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QCoreApplication::setOrganizationName(u"FlightRecorderTests"_s);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.filePath(u"settings"_s));
    const auto built = TestSupport::buildIntegrityCase(dir.path());
    QVERIFY2(built.error.isEmpty(), qPrintable(built.error));
    const QString out = qEnvironmentVariable("FLIGHT_SCREENSHOT_DIR", QDir::current().filePath(u"screenshots"_s));
    QVERIFY(QDir().mkpath(out));

    Gui::MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy opened(&window.session(), &Models::CaseSession::opened);
    window.openCase(built.location);
    QVERIFY(opened.wait(10000));

    Gui::IntegrityPage *integrity = nullptr;
    Gui::MarksPage *marks = nullptr;
    for (auto *page : window.pages()) {
        integrity = integrity ? integrity : qobject_cast<Gui::IntegrityPage *>(page);
        marks = marks ? marks : qobject_cast<Gui::MarksPage *>(page);
    }
    QVERIFY(integrity && marks);
    QTRY_COMPARE(integrity->alertModel()->rowCount(), 4);
    auto &caseMarks = Models::CaseMarks::of(window.session());
    const auto alert = [&](int row) { return integrity->alertModel()->row(row).id; };
    QCOMPARE(caseMarks.setTriage(alert(1), Core::Triage::Malicious).result(), QString());
    QCOMPARE(caseMarks.setTriage(alert(3), Core::Triage::Investigating).result(), QString());
    QCOMPARE(caseMarks.bookmark({Core::ObjectType::Alert, alert(1)}, u"rootkit"_s).result(), QString());
    QCOMPARE(caseMarks.addNote({Core::ObjectType::Alert, alert(1)},
                               u"Loaded from /tmp/.x minutes after the nc install; image the host."_s)
                 .result(),
             QString());
    QCOMPARE(caseMarks.addNote({Core::ObjectType::StateChange, integrity->alertModel()->row(0).stateChangeId.value()},
                               u"openssl upgrade is the regular patch run\n(ticket 4711)"_s)
                 .result(),
             QString());
    QCOMPARE(caseMarks.addNote(Core::RemoteEndpoint{u"203.0.113.5"_s, 443}, u"HTTPS beacon every 60 s"_s).result(),
             QString());
    QTRY_COMPARE(marks->model()->rowCount(), 4);
    QTRY_COMPARE(integrity->alertModel()->index(1, Models::AlertModel::Triage).data().toString(), u"malicious"_s);

    window.showPage(integrity);
    integrity->changeView()->setCurrentIndex(integrity->changeModel()->index(0, 0));
    QTest::qWait(500);
    const QImage changes = window.grab().toImage();
    QVERIFY(changes.save(QDir(out).filePath(u"integrity-1-change.png"_s)));
    integrity->alertView()->setCurrentIndex(integrity->alertModel()->index(1, 0));
    QTest::qWait(300);
    QVERIFY(window.grab().toImage().save(QDir(out).filePath(u"integrity-2-alert.png"_s)));
    window.showPage(marks);
    QTest::qWait(300);
    QVERIFY(window.grab().toImage().save(QDir(out).filePath(u"integrity-3-marks.png"_s)));
    window.session().close();
    QTest::qWait(100);
    window.showPage(integrity);
    QVERIFY(window.grab().toImage().save(QDir(out).filePath(u"integrity-4-nocase.png"_s)));
}

QTEST_MAIN(TestIntegrityScreenshots)
#include "tst_integrityscreenshots.moc"
