// SPDX-License-Identifier: GPL-3.0-or-later
// The process tree page wired to the shared selection: selecting a row sets the hub; a process selected elsewhere
// is revealed (its ancestors expanded as they load); the search box finds the hostile name intact and jumps to it;
// jump to parent; the host filter; the detail panel shows the recorded image (exe digest, environment) and its
// file, connection and child lists set the hub's path, endpoint and process. Runs offscreen.
#include "guifixture.h"
#include "imagefixture.h"
#include "importer.h"
#include "processdetailwidget.h"
#include "processqueries.h"
#include "processsearchbar.h"
#include "processtreepage.h"
#include "truststore.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

using namespace Deck;
using namespace Deck::Gui;
using Scenario = TestSupport::QueryScenario;

class TestProcessTreePage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void selectingSetsTheHub();
    void followingTheHubRevealsADeepProcess();
    void searchFindsTheHostileNameIntact();
    void jumpsToTheParent();
    void hostFilterFollowsTheHub();
    void anotherCaseStartsUnfiltered();
    void followsTheSharedTimeRange();
    void detailShowsTheRecordedImage();
    void detailListsSetTheHub();
    void rendersForPeople();

private:
    qint64 id(qint64 pid, const QString &host);
    QModelIndex currentRow() const { return m_page->view()->currentIndex(); }
    qint64 currentPid() const;

    QTemporaryDir m_dir;
    TestSupport::GuiCase m_case;
    std::unique_ptr<Core::Database> m_db;
    std::unique_ptr<Models::CaseSession> m_session;
    std::unique_ptr<ProcessTreePage> m_page;
};

void TestProcessTreePage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("FlightRecorderTests"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    m_case = TestSupport::buildGuiCase(m_dir.path(), 2000);
    QVERIFY2(m_case.error.isEmpty(), qPrintable(m_case.error));
    auto db = Core::Database::open(m_case.location);
    QVERIFY(db.ok());
    m_db = std::move(*db);
    // Host delta: processes with the whole recorded image (imagefixture.h).
    TestSupport::ImageScenario images(m_dir.path());
    QVERIFY(Core::TrustStore(*m_db).trust(images.delta.key.publicKey(), QStringLiteral("delta")).ok());
    const auto outcome = Core::Importer(*m_db).importFile(images.archive);
    QVERIFY2(outcome.status == Core::ImportStatus::Imported, qPrintable(outcome.message));
}

void TestProcessTreePage::init()
{
    m_session = std::make_unique<Models::CaseSession>();
    m_page = std::make_unique<ProcessTreePage>(*m_session);
    m_page->resize(1400, 800);
    m_page->show();
    QSignalSpy opened(m_session.get(), &Models::CaseSession::opened);
    m_session->open(m_case.location);
    QVERIFY(opened.wait(10000));
    QTRY_COMPARE(m_page->hosts()->count(), 5); // All hosts, alpha, beta, delta, gamma
    QTRY_COMPARE(m_page->model()->pending(), 0);
    QCOMPARE(m_page->model()->rowCount(), 4);
}

void TestProcessTreePage::cleanup()
{
    m_page.reset();
    m_session.reset();
}

qint64 TestProcessTreePage::id(qint64 pid, const QString &host)
{
    auto process = Core::ProcessQueries(*m_db).processByPid(*Core::findHost(*m_db, host), pid);
    return process ? process->id : -1;
}

qint64 TestProcessTreePage::currentPid() const
{
    const auto *process = m_page->model()->processAt(currentRow());
    return process ? process->pid : -1;
}

void TestProcessTreePage::selectingSetsTheHub()
{
    auto *model = m_page->model();
    auto *view = m_page->view();
    const QModelIndex alpha = model->index(0, 0);
    view->expand(alpha);
    QTRY_VERIFY(model->processAt(model->index(0, 0, alpha)));
    const QModelIndex sshd = model->index(0, 0, alpha);
    QSignalSpy changed(&m_session->selection(), &Models::SelectionHub::processChanged);
    view->setCurrentIndex(sshd);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_session->selection().process(), id(100, QStringLiteral("alpha")));
    QCOMPARE(m_session->selection().host(), alpha.data(Models::ProcessTreeModel::HostIdRole).toLongLong());
    QTRY_COMPARE(m_page->detail()->shownProcess(), id(100, QStringLiteral("alpha")));
}

void TestProcessTreePage::followingTheHubRevealsADeepProcess()
{
    const qint64 sh = id(401, QStringLiteral("alpha"));
    m_session->selection().setProcess(sh, *Core::findHost(*m_db, QStringLiteral("alpha")));
    QTRY_COMPARE(currentPid(), 401);
    for (QModelIndex up = currentRow().parent(); up.isValid(); up = up.parent())
        QVERIFY(m_page->view()->isExpanded(up));
    QVERIFY(m_page->view()->visualRect(currentRow()).isValid());
    QCOMPARE(m_session->selection().process(), sh); // no echo changed it
    QSignalSpy loaded(m_page->detail(), &ProcessDetailWidget::loaded);
    QTRY_COMPARE(m_page->detail()->shownProcess(), sh);
}

void TestProcessTreePage::searchFindsTheHostileNameIntact()
{
    QLineEdit *field = m_page->search()->field();
    QSignalSpy searched(m_page->search(), &ProcessSearchBar::searched);
    QTest::keyClicks(field, QStringLiteral("DROP TABLE processes"));
    QVERIFY(searched.wait(5000)); // after the debounce
    QCOMPARE(searched.at(0).at(0).toInt(), 1);
    const Core::ProcessHit &hit = m_page->search()->hits().constFirst();
    QCOMPARE(hit.process.comm, Scenario::hostileComm());
    QCOMPARE(hit.process.argv, Scenario::hostileArgv().join('\0'));
    QTRY_COMPARE(currentPid(), 301);
    QCOMPARE(m_session->selection().process(), id(301, QStringLiteral("alpha")));

    // Several matches: Enter steps through them.
    field->clear();
    QTest::keyClicks(field, QStringLiteral("evil.example"));
    QVERIFY(searched.wait(5000));
    QCOMPARE(searched.at(1).at(0).toInt(), 2); // by start: wget on beta (@10), curl on alpha (@20)
    QTRY_COMPARE(currentPid(), 500);
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_COMPARE(currentPid(), 300);
    // F3 steps on from the tree too, wrapping around.
    m_page->view()->setFocus();
    QTest::keyClick(m_page->view(), Qt::Key_F3);
    QTRY_COMPARE(currentPid(), 500);
}

void TestProcessTreePage::jumpsToTheParent()
{
    m_session->selection().setProcess(id(401, QStringLiteral("alpha")),
                                      *Core::findHost(*m_db, QStringLiteral("alpha")));
    QTRY_COMPARE(currentPid(), 401);
    m_page->view()->setFocus();
    QTest::keyClick(m_page->view(), Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(currentPid(), 400);
    QCOMPARE(m_session->selection().process(), id(400, QStringLiteral("alpha")));
    m_page->jumpToParent();
    m_page->jumpToParent();
    QCOMPARE(currentPid(), 100);
    m_page->jumpToParent(); // the chain ends: the page says whom sshd named
    QCOMPARE(currentPid(), 100);
    QVERIFY2(m_page->status()->text().contains(QStringLiteral("parent pid 1 not in the case")),
             qPrintable(m_page->status()->text()));
}

void TestProcessTreePage::hostFilterFollowsTheHub()
{
    QComboBox *hosts = m_page->hosts();
    hosts->setCurrentIndex(hosts->findText(QStringLiteral("alpha")));
    auto *model = m_page->model();
    QTRY_COMPARE(model->pending(), 0);
    QCOMPARE(model->rowCount(), 1); // alpha's only root: sshd
    QVERIFY(model->processAt(model->index(0, 0)));
    QCOMPARE(model->processAt(model->index(0, 0))->pid, 100);
    // A process of beta selected elsewhere: the filtered tree moves to beta and shows it.
    m_session->selection().setProcess(id(500, QStringLiteral("beta")), *Core::findHost(*m_db, QStringLiteral("beta")));
    QCOMPARE(hosts->currentText(), QStringLiteral("beta"));
    QTRY_COMPARE(currentPid(), 500);
    hosts->setCurrentIndex(0);
    QTRY_COMPARE(model->pending(), 0);
    QCOMPARE(model->rowCount(), 4);
    QVERIFY(!model->processAt(model->index(0, 0))); // hosts at the top again
}

void TestProcessTreePage::anotherCaseStartsUnfiltered()
{
    m_page->hosts()->setCurrentIndex(m_page->hosts()->findText(QStringLiteral("beta")));
    QVERIFY(m_page->model()->filter().host);
    m_session->close();
    QVERIFY(!m_page->model()->filter().host);
    QCOMPARE(m_page->model()->rowCount(), 0);
    QSignalSpy opened(m_session.get(), &Models::CaseSession::opened);
    m_session->open(m_case.location);
    QVERIFY(opened.wait(10000));
    QTRY_COMPARE(m_page->hosts()->count(), 5);
    QCOMPARE(m_page->hosts()->currentIndex(), 0);
    QTRY_COMPARE(m_page->model()->pending(), 0);
    QCOMPARE(m_page->model()->rowCount(), 4);
}

void TestProcessTreePage::followsTheSharedTimeRange()
{
    Models::SelectionHub &hub = m_session->selection();
    hub.setTimeRange({Scenario::at(200), std::nullopt});
    QCOMPARE(m_page->model()->filter().range.from, Scenario::at(200));
    QTRY_COMPARE(m_page->model()->pending(), 0);
    // curl ended @100: outside the range, so selecting it says why it is not shown.
    hub.setProcess(id(300, QStringLiteral("alpha")), *Core::findHost(*m_db, QStringLiteral("alpha")));
    QTRY_VERIFY2(m_page->status()->text().contains(QStringLiteral("outside the user or time filter")),
                 qPrintable(m_page->status()->text()));
    const auto buttons = m_page->findChildren<QToolButton *>();
    const auto allTime = std::find_if(buttons.begin(), buttons.end(),
                                      [](QToolButton *b) { return b->text() == QStringLiteral("All time"); });
    QVERIFY(allTime != buttons.end());
    QVERIFY((*allTime)->isVisible());
    (*allTime)->click();
    QVERIFY(!hub.timeRange().from);
    QVERIFY(!m_page->model()->filter().range.from);
    QVERIFY(!(*allTime)->isVisible());
}

void TestProcessTreePage::detailShowsTheRecordedImage()
{
    ProcessDetailWidget *detail = m_page->detail();
    QSignalSpy loaded(detail, &ProcessDetailWidget::loaded);
    m_session->selection().setProcess(id(700, QStringLiteral("delta")),
                                      *Core::findHost(*m_db, QStringLiteral("delta")));
    QVERIFY(loaded.wait(5000));
    const QString text = detail->summary()->toPlainText();
    for (const QString &expected :
         {QString::fromLatin1(TestSupport::ImageScenario::kBashDigest), QStringLiteral("SSH_CONNECTION=198.51.100.7"),
          QStringLiteral("LANG=C.UTF-8\\n\"<b>x</b>\\xff"), QStringLiteral("uid 1000, euid 0, gid 1000, egid 1001"),
          QStringLiteral("tty pts/0"), QStringLiteral("[0]"), QStringLiteral("-bash"), QStringLiteral("[1]"),
          QStringLiteral("--login"), QStringLiteral("cut"), QStringLiteral("signal 9 (SIGKILL)"),
          QStringLiteral("core dumped"), QStringLiteral("/home/alice"), QStringLiteral("sshd (pid 600)")})
        QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + text));
    QCOMPARE(detail->children()->topLevelItemCount(), 1);

    // A process named only by its fork: nothing recorded, and the panel says so.
    m_session->selection().setProcess(id(701, QStringLiteral("delta")),
                                      *Core::findHost(*m_db, QStringLiteral("delta")));
    QVERIFY(loaded.wait(5000));
    const QString bare = detail->summary()->toPlainText();
    QVERIFY2(bare.contains(QStringLiteral("not recorded (not proved by the collector)")), qPrintable(bare));
    QVERIFY2(bare.contains(QStringLiteral("none recorded")), qPrintable(bare));
}

void TestProcessTreePage::detailListsSetTheHub()
{
    ProcessDetailWidget *detail = m_page->detail();
    QSignalSpy loaded(detail, &ProcessDetailWidget::loaded);
    m_session->selection().setProcess(id(300, QStringLiteral("alpha")),
                                      *Core::findHost(*m_db, QStringLiteral("alpha")));
    QVERIFY(loaded.wait(5000));
    QTreeWidget *files = detail->files();
    QCOMPARE(files->topLevelItemCount(), 2);
    QCOMPARE(files->topLevelItem(0)->text(2), QStringLiteral("/etc/passwd"));
    Q_EMIT files->itemActivated(files->topLevelItem(1), 0);
    QCOMPARE(m_session->selection().path(), QByteArray("/tmp/drop/a.sh"));
    QTreeWidget *connections = detail->connections();
    QCOMPARE(connections->topLevelItemCount(), 1);
    QCOMPARE(connections->topLevelItem(0)->text(4), QStringLiteral("203.0.113.5:443"));
    Q_EMIT connections->itemActivated(connections->topLevelItem(0), 0);
    QCOMPARE(m_session->selection().endpoint(), (Models::Endpoint{QStringLiteral("203.0.113.5"), 443}));

    m_session->selection().setProcess(id(200, QStringLiteral("alpha")),
                                      *Core::findHost(*m_db, QStringLiteral("alpha")));
    QVERIFY(loaded.wait(5000));
    QCOMPARE(detail->children()->topLevelItemCount(), 3);
    Q_EMIT detail->children()->itemActivated(detail->children()->topLevelItem(2), 0);
    QCOMPARE(m_session->selection().process(), id(400, QStringLiteral("alpha")));
    QTRY_COMPARE(currentPid(), 400);
}

// The page with a process selected, rendered: for people to look at when FLIGHT_SCREENSHOT_DIR is set (run under
// xvfb-run with QT_QPA_PLATFORM=xcb to see it as on a desktop); tst_screenshots shows the page as a case opens.
void TestProcessTreePage::rendersForPeople()
{
    QSignalSpy loaded(m_page->detail(), &ProcessDetailWidget::loaded);
    m_session->selection().setProcess(id(301, QStringLiteral("alpha")),
                                      *Core::findHost(*m_db, QStringLiteral("alpha")));
    QVERIFY(loaded.wait(5000));
    QTRY_COMPARE(currentPid(), 301);
    QTRY_COMPARE(m_page->model()->pending(), 0);
    const QImage shot = m_page->grab().toImage();
    QVERIFY(!shot.isNull());
    QVERIFY(m_page->view()->viewport()->rect().intersects(m_page->view()->visualRect(currentRow())));
    if (const QString dir = qEnvironmentVariable("FLIGHT_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(shot.save(QDir(dir).filePath(QStringLiteral("processtreepage-selected.png"))));
}

QTEST_MAIN(TestProcessTreePage)
#include "tst_processtreepage.moc"
