// SPDX-License-Identifier: GPL-3.0-or-later
// The main window opens a case off the GUI thread and shows it, refuses a case it cannot open with the reason, keeps
// recent cases, and every page has a title and a place. Runs offscreen.
#include "guifixture.h"
#include "mainwindow.h"
#include "page.h"

#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Deck;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void opensACaseAndRemembersIt();
    void refusesACaseItCannotOpen();
    void everyPageHasATitle();
    void workerRunsQueriesOffTheGuiThread();

private:
    QTemporaryDir m_dir;
    TestSupport::GuiCase m_case;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("FlightRecorderTests"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    m_case = TestSupport::buildGuiCase(m_dir.path(), 2000);
    QVERIFY2(m_case.error.isEmpty(), qPrintable(m_case.error));
}

void TestMainWindow::opensACaseAndRemembersIt()
{
    Gui::MainWindow window;
    QSignalSpy opened(&window.session(), &Models::CaseSession::opened);
    window.openCase(m_case.location);
    QVERIFY(opened.wait(10000));
    QVERIFY(window.session().isOpen());
    QVERIFY2(window.windowTitle().contains(m_case.location), qPrintable(window.windowTitle()));
    QCOMPARE(QSettings().value(QStringLiteral("case/recent")).toStringList().value(0), m_case.location);

    QSignalSpy closed(&window.session(), &Models::CaseSession::closed);
    window.session().close();
    QCOMPARE(closed.count(), 1);
    QVERIFY(!window.session().isOpen());
    QVERIFY(window.windowTitle().contains(QStringLiteral("no case open")));
}

void TestMainWindow::refusesACaseItCannotOpen()
{
    Gui::MainWindow window;
    QSignalSpy failed(&window.session(), &Models::CaseSession::failed);
    // The message box the window shows is closed as soon as it appears.
    QTimer closer;
    connect(&closer, &QTimer::timeout, [] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->accept();
    });
    closer.start(50);
    window.openCase(QStringLiteral("mysql://nowhere/case"));
    QVERIFY(failed.wait(10000));
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("mysql://nowhere/case")), qPrintable(message));
    QVERIFY(!window.session().isOpen());
}

void TestMainWindow::everyPageHasATitle()
{
    Gui::MainWindow window;
    for (const auto *page : window.pages())
        QVERIFY2(!page->title().isEmpty(), page->metaObject()->className());
}

void TestMainWindow::workerRunsQueriesOffTheGuiThread()
{
    Models::CaseSession session;
    QSignalSpy opened(&session, &Models::CaseSession::opened);
    session.open(m_case.location);
    QVERIFY(opened.wait(10000));
    auto future = session.worker().run([](Core::Database &db) {
        auto hosts = db.scalar(QStringLiteral("SELECT count(*) FROM hosts"));
        return std::pair{QThread::currentThread(), hosts ? hosts->toLongLong() : -1};
    });
    future.waitForFinished();
    QVERIFY(future.result().first != QThread::currentThread());
    QCOMPARE(future.result().second, 3);

    // A job queued before the case is open is skipped, and its future says so.
    Models::CaseWorker unopened;
    auto skipped = unopened.run([](Core::Database &) { return 1; });
    skipped.waitForFinished();
    QVERIFY(skipped.isCanceled());
    QCOMPARE(skipped.resultCount(), 0);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
