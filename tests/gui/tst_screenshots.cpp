// SPDX-License-Identifier: GPL-3.0-or-later
// Renders every page of the main window on the fixture case (plus the stitching scenario's two hosts as ops-01 and
// web-01, so that the Hosts page shows clock offsets) into PNG files, for people to look at (STYLE.md: GUI
// tests check wiring; screenshots are for eyes). Runs under Xvfb (xvfb-run, see CMakeLists.txt) so that fonts, styles
// and charts render as on a desktop. The files go to $FLIGHT_SCREENSHOT_DIR, else "screenshots" in the working
// directory; the test fails when a page renders nothing.
#include "casemarks.h"
#include "guifixture.h"
#include "hostlistmodel.h"
#include "hostspage.h"
#include "mainwindow.h"
#include "page.h"
#include "stitchfixture.h"

#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Deck;

class TestScreenshots : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyPage();

private:
    static void showClockOffsets(Gui::HostsPage &page);
    static void addMarks(Models::CaseSession &session);
};

// Marks to look at: the processes of the first process events (first in the events table, and in the process tree)
// with a bookmark, a note, and both; a remote address bookmarked and one of its ports with a note.
void TestScreenshots::addMarks(Models::CaseSession &session)
{
    auto first = session.worker().run([](Core::Database &db) {
        QList<qint64> processes;
        auto rows = db.query(QStringLiteral("SELECT process_id FROM process_events ORDER BY ts, id LIMIT 50"));
        while (rows && rows->next() && processes.size() < 3) {
            if (!processes.contains(rows->value(0).toLongLong()))
                processes.append(rows->value(0).toLongLong());
        }
        return processes;
    });
    first.waitForFinished();
    const QList<qint64> processes = first.result();
    QCOMPARE(processes.size(), 3);
    auto &marks = Models::CaseMarks::of(session);
    const auto process = [&](int i) { return Core::ObjectRef{Core::ObjectType::Process, processes[i]}; };
    QCOMPARE(marks.bookmark(process(0), QStringLiteral("first seen")).result(), QString());
    QCOMPARE(marks.addNote(process(1), QStringLiteral("ordinary boot, checked")).result(), QString());
    QCOMPARE(marks.bookmark(process(2)).result(), QString());
    QCOMPARE(marks.addNote(process(2), QStringLiteral("parent of the dropper?")).result(), QString());
    const Core::RemoteEndpoint c2{QStringLiteral("203.0.113.5"), std::nullopt};
    QCOMPARE(marks.bookmark(c2, QStringLiteral("C2")).result(), QString());
    QCOMPARE(marks.addNote(Core::RemoteEndpoint{c2.address, 443}, QStringLiteral("HTTPS beacon")).result(), QString());
}

// The Hosts page sits in a narrow dock: its clock column (estimated after the rows) is scrolled into view.
void TestScreenshots::showClockOffsets(Gui::HostsPage &page)
{
    const Models::HostListModel &model = *page.hosts();
    int row = -1;
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.index(r, Models::HostListModel::Host).data().toString() == QLatin1String("web-01"))
            row = r;
    }
    QVERIFY(row >= 0);
    const QModelIndex clock = model.index(row, Models::HostListModel::Clock);
    QTRY_VERIFY_WITH_TIMEOUT(clock.data().toString().startsWith(u'+'), 20000);
    page.hostView()->scrollTo(clock);
    QTest::qWait(200);
}

void TestScreenshots::everyPage()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("FlightRecorderTests"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.filePath(QStringLiteral("settings")));
    const auto fixture = TestSupport::buildGuiCase(dir.path());
    QVERIFY2(fixture.error.isEmpty(), qPrintable(fixture.error));
    {
        // Two more hosts whose connections are stitched, so that the Hosts page shows clock offsets.
        auto db = Core::Database::open(fixture.location);
        QVERIFY2(db, qPrintable(db.error().message));
        const QString folder = dir.filePath(QStringLiteral("stitched"));
        QVERIFY(QDir().mkpath(folder));
        TestSupport::StitchScenario stitched(folder, QStringLiteral("ops-01"), QStringLiteral("web-01"));
        QCOMPARE(TestSupport::trustAndImport(**db, {&stitched.alpha, &stitched.beta}, stitched.archives), QString());
    }
    const QString out
        = qEnvironmentVariable("FLIGHT_SCREENSHOT_DIR", QDir::current().filePath(QStringLiteral("screenshots")));
    QVERIFY(QDir().mkpath(out));

    Gui::MainWindow window;
    window.resize(1600, 960);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy opened(&window.session(), &Models::CaseSession::opened);
    window.openCase(fixture.location);
    QVERIFY(opened.wait(10000));
    addMarks(window.session());

    int index = 0;
    for (auto *page : window.pages()) {
        window.showPage(page);
        QTest::qWait(1500); // the page's queries run on a worker; give them time to land and paint
        if (auto *hosts = qobject_cast<Gui::HostsPage *>(page))
            showClockOffsets(*hosts);
        const QString name = QStringLiteral("%1-%2.png")
                                 .arg(++index, 2, 10, QLatin1Char('0'))
                                 .arg(QString::fromLatin1(page->metaObject()->className()).section(u':', -1).toLower());
        const QImage shot = window.grab().toImage();
        QVERIFY(!shot.isNull());
        QVERIFY2(shot.save(QDir(out).filePath(name)), qPrintable(name));
        qInfo("screenshot: %s", qPrintable(QDir(out).filePath(name)));
    }
    const QImage whole = window.grab().toImage();
    QVERIFY(whole.save(QDir(out).filePath(QStringLiteral("00-mainwindow.png"))));
}

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
