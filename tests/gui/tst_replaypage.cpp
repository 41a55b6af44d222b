// SPDX-License-Identifier: GPL-3.0-or-later
// The Replay page on the replay case (tests/auto/core/replayfixture.h, host echo) imported by the real importer: its
// models under QAbstractItemModelTester while the position moves, what changed since the previous position, the
// "not known at this time" states, stepping with the keyboard, the link to the selection hub's time and process,
// and a screenshot for people to look at (under Xvfb; $FLIGHT_SCREENSHOT_DIR/replay-*.png).
#include "replaycontroller.h"
#include "replayfixture.h"
#include "replaypage.h"
#include "replaypanel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace Deck;
using Change = Models::ReplayRow::Change;

namespace {

qint64 at(qint64 ms)
{
    return TestSupport::ReplayScenario::at(ms);
}

QStringList column(const QAbstractItemModel &model, int col = 0)
{
    QStringList cells;
    for (int row = 0; row < model.rowCount(); ++row)
        cells.append(model.index(row, col).data().toString());
    return cells;
}

} // namespace

class TestReplayPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void modelsFollowThePosition();
    void keyboardAndHubLinks();
    void notKnownStates();
    void screenshot();

private:
    void waitFor(qint64 ms);

    QTemporaryDir m_dir;
    QString m_location;
    std::unique_ptr<Models::CaseSession> m_session;
    std::unique_ptr<Gui::ReplayPage> m_page;
};

void TestReplayPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_location = m_dir.filePath(u"replay.sqlite"_s);
    auto db = Core::Database::open(m_location);
    QVERIFY2(db.ok(), qPrintable(db.error().message));
    TestSupport::ReplayScenario scenario(m_dir.path());
    const QString error = scenario.importInto(**db);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestReplayPage::init()
{
    m_session = std::make_unique<Models::CaseSession>();
    m_page = std::make_unique<Gui::ReplayPage>(*m_session);
    m_page->resize(1500, 850);
    m_page->show();
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    QSignalSpy opened(m_session.get(), &Models::CaseSession::opened);
    m_session->open(m_location);
    QVERIFY(opened.wait(20000));
    // The page picks the case's only host and replays it from the start of its recording.
    QTRY_VERIFY_WITH_TIMEOUT(m_page->controller().current().has_value(), 20000);
    QCOMPARE(m_page->controller().current()->at, at(0));
    QCOMPARE(m_session->selection().time(), at(0));
}

void TestReplayPage::cleanup()
{
    m_page.reset();
    m_session.reset();
}

void TestReplayPage::waitFor(qint64 ms)
{
    QTRY_VERIFY_WITH_TIMEOUT(m_page->controller().current() && m_page->controller().current()->at == at(ms)
                                 && !m_page->controller().isBusy(),
                             20000);
}

void TestReplayPage::modelsFollowThePosition()
{
    Models::ReplayController &c = m_page->controller();
    using Tester = QAbstractItemModelTester;
    const Tester::FailureReportingMode mode = Tester::FailureReportingMode::QtTest;
    Tester processes(c.processes(), mode), files(c.files(), mode), network(c.network(), mode),
        modules(c.items(u"modules"_s), mode), bpf(c.items(u"bpf"_s), mode), packages(c.items(u"packages"_s), mode);

    c.setTime(at(45));
    waitFor(45);
    // The tree: sshd > bash > logger, all new since @0 but sshd.
    const QModelIndex sshd = c.processes()->index(0, 0);
    QCOMPARE(c.processes()->rowCount(), 1);
    QCOMPARE(sshd.data().toString(), u"sshd"_s);
    const QModelIndex bash = c.processes()->index(0, 0, sshd);
    QCOMPARE(bash.data().toString(), u"bash"_s);
    QCOMPARE(c.processes()->index(0, 0, bash).data().toString(), u"logger"_s);
    QCOMPARE(c.processes()->parent(c.processes()->index(0, 0, bash)), bash);
    QVERIFY(!sshd.data(Models::ReplayTreeModel::NewRole).toBool());
    QVERIFY(bash.data(Models::ReplayTreeModel::NewRole).toBool());
    QCOMPARE(c.processes()->newCount(), 2);
    QCOMPARE(column(*c.files(), 1), QStringList{u"/var/log/app.log"_s});
    QCOMPARE(column(*c.network()), (QStringList{u"listening"_s, u"connection"_s}));

    c.setTime(at(95));
    waitFor(95);
    // Since @45: the connection closed (listed as gone), rootkit loaded, openssl upgraded, nc-openbsd installed.
    QCOMPARE(c.network()->count(Change::Gone), 1);
    QCOMPARE(c.network()->rowCount(), 2);
    QCOMPARE(c.network()->index(1, 0).data(Models::ReplayListModel::ChangeRole).toInt(), int(Change::Gone));
    QVERIFY(c.network()->index(1, 0).data(Qt::FontRole).value<QFont>().strikeOut());
    QCOMPARE(c.files()->count(Change::Gone), 1);
    QCOMPARE(column(*c.items(u"modules"_s)), (QStringList{u"ext4"_s, u"nf_tables"_s, u"rootkit"_s}));
    QCOMPARE(c.items(u"modules"_s)->index(2, 0).data(Models::ReplayListModel::ChangeRole).toInt(), int(Change::New));
    QCOMPARE(c.items(u"packages"_s)->count(Change::New), 1);
    QCOMPARE(c.items(u"packages"_s)->count(Change::Changed), 1);
    QCOMPARE(c.processes()->newCount(), 0);

    c.setTime(at(120));
    waitFor(120);
    QCOMPARE(c.goneProcesses(), 1); // logger ended
    QCOMPARE(c.processes()->newCount(), 1); // cat
    QCOMPARE(c.files()->index(0, 2).data().toString(), u"not recorded"_s);
    QCOMPARE(c.network()->count(Change::Gone), 1); // the listener ended with logger
    QCOMPARE(c.items(u"packages"_s)->count(Change::New) + c.items(u"packages"_s)->count(Change::Changed), 0);

    // Another host (none here): everything empties; back to echo replays from the hub's time.
    const auto host = c.host();
    QVERIFY(host);
    c.setHost(std::nullopt);
    QVERIFY(!c.current());
    QCOMPARE(c.processes()->rowCount(), 0);
    c.setHost(host);
    waitFor(120);
}

void TestReplayPage::keyboardAndHubLinks()
{
    auto *slider = m_page->findChild<QSlider *>(u"replaySlider"_s);
    QVERIFY(slider);
    m_session->selection().setTime(at(45)); // another view moves the time: the page follows
    waitFor(45);
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Right);
    waitFor(50);
    QTest::keyClick(slider, Qt::Key_Right);
    waitFor(60);
    QTest::keyClick(slider, Qt::Key_Left);
    waitFor(50);
    QTest::keyClick(m_page.get(), Qt::Key_Comma);
    waitFor(40);
    QCOMPARE(m_session->selection().time(), at(40));
    QCOMPARE(slider->value(), int(10000 * 40 / 420));

    // Dragging: the slider's value is a time in the recording.
    slider->setValue(10000 * 150 / 420);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->controller().current() && !m_page->controller().isBusy()
                                 && qAbs(m_page->controller().current()->at - at(150)) < 1000000,
                             20000);
    // A typed time.
    auto *time = m_page->findChild<QLineEdit *>(u"replayTime"_s);
    time->setText(QString::number(at(75)));
    QTest::keyClick(time, Qt::Key_Return);
    waitFor(75);

    // Selecting a process selects it in the hub.
    auto *tree = m_page->findChild<QTreeView *>(u"replayProcesses"_s);
    const QModelIndex sshd = tree->model()->index(0, 0);
    tree->setCurrentIndex(sshd);
    QCOMPARE(m_session->selection().process(), sshd.data(Models::ReplayTreeModel::ProcessIdRole).toLongLong());
}

void TestReplayPage::notKnownStates()
{
    m_page->controller().setTime(at(120));
    waitFor(120);
    m_page->controller().setTime(at(200));
    waitFor(200);
    // What was there at @120 is not "gone" at a time nothing is known of, and is not "new" after it.
    QCOMPARE(m_page->controller().goneProcesses(), 0);
    QCOMPARE(m_page->controller().files()->rowCount(), 0);
    QCOMPARE(m_page->controller().items(u"modules"_s)->rowCount(), 0);
    const auto panels = m_page->findChildren<Gui::ReplayPanel *>();
    QCOMPARE(panels.size(), 6);
    for (const Gui::ReplayPanel *panel : panels) {
        QVERIFY2(panel->knowledgeText().startsWith(u"Not known at this time: the collector was not running from "_s),
                 qPrintable(panel->knowledgeText()));
    }
    m_page->controller().setTime(at(120));
    waitFor(120);
    QCOMPARE(m_page->controller().processes()->newCount(), 0);
    QCOMPARE(m_page->controller().items(u"modules"_s)->count(Change::New), 0);
    QStringList shown;
    for (const Gui::ReplayPanel *panel : panels) {
        if (!panel->knowledgeText().isEmpty())
            shown.append(panel->knowledgeText());
    }
    QCOMPARE(shown.size(), 1); // files only
    QVERIFY2(shown[0].startsWith(u"Incomplete: files may be missing — file.fanotify lost 5 events from "_s),
             qPrintable(shown[0]));
}

void TestReplayPage::screenshot()
{
    const QString out = qEnvironmentVariable("FLIGHT_SCREENSHOT_DIR", QDir::current().filePath(u"screenshots"_s));
    QVERIFY(QDir().mkpath(out));
    m_page->controller().setTime(at(95));
    waitFor(95);
    m_page->controller().setTime(at(120));
    waitFor(120);
    QTest::qWait(100);
    QVERIFY(m_page->grab().toImage().save(QDir(out).filePath(u"replay-1-changes.png"_s)));
    m_page->controller().setTime(at(200));
    waitFor(200);
    QTest::qWait(100);
    QVERIFY(m_page->grab().toImage().save(QDir(out).filePath(u"replay-2-unknown.png"_s)));
}

QTEST_MAIN(TestReplayPage)
#include "tst_replaypage.moc"
