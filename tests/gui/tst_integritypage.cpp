// SPDX-License-Identifier: GPL-3.0-or-later
// The Integrity and alerts page and the Bookmarks & Notes page in the main window, on the integrity case
// (integritycase.h: four alerts on host delta): triage from the view changes the row, who and when, and the audit log;
// bookmark and note actions on a row appear in the Bookmarks & Notes page and survive reopening the case, hostile
// text intact; notes are edited and marks removed from that page, each audited; selecting shows what changed,
// double-click links the host. Runs offscreen.
#include "alertmodel.h"
#include "auditlog.h"
#include "casemarks.h"
#include "integritycase.h"
#include "integritymodel.h"
#include "integritypage.h"
#include "mainwindow.h"
#include "markactions.h"
#include "marksmodel.h"
#include "markspage.h"
#include "objectrefrole.h"

#include <QAction>
#include <QComboBox>
#include <QInputDialog>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Deck;

class TestIntegrityPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void triageFromTheView();
    void triageFilter();
    void detailPaneAndHostLink();
    void hostFollowedBeforeItsNameCame();
    void bookmarkAndNoteSurviveReopening();
    void marksPageEditsRemovesAndSelects();
    void markActionsOnAnyView();

private:
    template <typename P> P *page() const;
    qint64 scalar(const QString &sql, const QVariantList &params = {}) const;
    void openCase();
    // Answers the next input dialog with `text` (or cancels it when empty).
    void answerNextDialog(const QString &text);

    QTemporaryDir m_dir;
    TestSupport::GuiCase m_built;
    QString m_location; // this test's copy of the case
    std::unique_ptr<Gui::MainWindow> m_window;
    int m_copies = 0;
};

void TestIntegrityPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(u"FlightRecorderTests"_s);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(u"settings"_s));
    m_built = TestSupport::buildIntegrityCase(m_dir.path());
    QVERIFY2(m_built.error.isEmpty(), qPrintable(m_built.error));
}

void TestIntegrityPage::init()
{
    m_location = m_dir.filePath(u"case%1.sqlite"_s.arg(++m_copies));
    QVERIFY(QFile::copy(m_built.location, m_location));
    m_window = std::make_unique<Gui::MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    openCase();
}

void TestIntegrityPage::cleanup()
{
    m_window.reset();
}

void TestIntegrityPage::openCase()
{
    QSignalSpy opened(&m_window->session(), &Models::CaseSession::opened);
    m_window->openCase(m_location);
    QVERIFY(opened.wait(10000));
    QTRY_COMPARE(page<Gui::IntegrityPage>()->alertModel()->rowCount(), 4);
    QTRY_COMPARE(page<Gui::IntegrityPage>()->changeModel()->rowCount(), 7);
}

template <typename P> P *TestIntegrityPage::page() const
{
    for (auto *candidate : m_window->pages()) {
        if (auto *found = qobject_cast<P *>(candidate))
            return found;
    }
    return nullptr;
}

qint64 TestIntegrityPage::scalar(const QString &sql, const QVariantList &params) const
{
    auto db = Core::Database::open(m_location);
    if (!db)
        return -1;
    auto value = (*db)->scalar(sql, params);
    return value ? value->toLongLong() : -1;
}

void TestIntegrityPage::answerNextDialog(const QString &text)
{
    auto *timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, [timer, text] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        timer->deleteLater();
        timer->stop();
        if (text.isEmpty()) {
            dialog->reject();
            return;
        }
        dialog->setTextValue(text);
        dialog->accept();
    });
    timer->start(20);
}

void TestIntegrityPage::triageFromTheView()
{
    auto *integrity = page<Gui::IntegrityPage>();
    QVERIFY(integrity);
    m_window->showPage(integrity);
    auto *alerts = integrity->alertView();
    auto *model = integrity->alertModel();
    QVERIFY(!integrity->triageAction(u"malicious"_s)->isEnabled()); // nothing selected yet
    alerts->setCurrentIndex(model->index(1, 0));
    const qint64 alertId = model->index(1, 0).data(Models::AlertModel::AlertIdRole).toLongLong();
    QCOMPARE(model->index(1, Models::AlertModel::Title).data().toString(), u"modules: 1 items changed"_s);
    QVERIFY(integrity->triageAction(u"malicious"_s)->isEnabled());
    integrity->triageAction(u"malicious"_s)->trigger();

    QTRY_COMPARE(model->index(1, Models::AlertModel::Triage).data().toString(), u"malicious"_s);
    QCOMPARE(model->index(1, Models::AlertModel::TriagedBy).data().toString(), Core::currentActor());
    QVERIFY(!model->index(1, Models::AlertModel::TriagedAt).data().toString().isEmpty());
    QCOMPARE(alerts->currentIndex().row(), 1); // the selection stays on the alert
    QTRY_VERIFY(integrity->detailView()->toPlainText().contains(u"malicious (by "_s));
    QCOMPARE(scalar(u"SELECT count(*) FROM audit_log WHERE action = 'triage' AND object = ? AND detail = ?"_s,
                    {u"alert %1"_s.arg(alertId), u"malicious"_s}),
             1);
    QCOMPARE(scalar(u"SELECT count(*) FROM alerts WHERE triage = 'malicious' AND id = ?"_s, {alertId}), 1);
    QTRY_COMPARE(m_window->statusBar()->currentMessage(), u"Alert #%1 marked malicious."_s.arg(alertId));
    // The change list shows the alert's new state too.
    QTRY_COMPARE(integrity->changeModel()->index(1, Models::IntegrityModel::Alert).data().toString(),
                 u"malicious"_s);

    // From the keyboard: Alt+B marks the selected alert benign.
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    alerts->setFocus();
    alerts->setCurrentIndex(model->index(2, 0));
    QTest::keyClick(alerts, Qt::Key_B, Qt::AltModifier);
    QTRY_COMPARE(model->index(2, Models::AlertModel::Triage).data().toString(), u"benign"_s);
    QCOMPARE(scalar(u"SELECT count(*) FROM audit_log WHERE action = 'triage'"_s), 2);
}

void TestIntegrityPage::triageFilter()
{
    auto *integrity = page<Gui::IntegrityPage>();
    auto *model = integrity->alertModel();
    QCOMPARE(Models::CaseMarks::of(m_window->session())
                 .setTriage(model->index(0, 0).data(Models::AlertModel::AlertIdRole).toLongLong(),
                            Core::Triage::Investigating)
                 .result(),
             QString());
    QTRY_COMPARE(model->index(0, Models::AlertModel::Triage).data().toString(), u"investigating"_s);
    auto *filter = integrity->findChild<QComboBox *>(u"triageFilter"_s);
    QVERIFY(filter);
    auto choose = [&](const QString &label) {
        const int index = filter->findText(label);
        QVERIFY2(index >= 0, qPrintable(label));
        filter->setCurrentIndex(index);
    };
    choose(u"Only investigating"_s);
    QTRY_COMPARE(model->rowCount(), 1);
    choose(u"Only new"_s);
    QTRY_COMPARE(model->rowCount(), 3);
    choose(u"Open (new or investigating)"_s);
    QTRY_COMPARE(model->rowCount(), 4);
    choose(u"Only malicious"_s);
    QTRY_COMPARE(model->rowCount(), 0);
    choose(u"All alerts"_s);
    QTRY_COMPARE(model->rowCount(), 4);
}

void TestIntegrityPage::detailPaneAndHostLink()
{
    auto *integrity = page<Gui::IntegrityPage>();
    m_window->showPage(integrity);
    auto *changes = integrity->changeView();
    const QString empty = integrity->detailView()->toPlainText();
    QVERIFY2(empty.contains(u"Select an alert or a state change"_s), qPrintable(empty));

    changes->setCurrentIndex(integrity->changeModel()->index(0, 0));
    QString detail = integrity->detailView()->toPlainText();
    for (const QString &expected :
         {u"packages change on delta"_s, u"severity high"_s, u"Alert #"_s, u"Added (1)"_s,
          u"nc-openbsd (amd64) 1.226-1 installed"_s, u"Removed (1)"_s, u"auditd (amd64) 1:3.0.9-1 removed"_s,
          u"Changed (1)"_s, u"openssl (amd64) 3.0.13-1 -> 3.0.13-2"_s, u"Stored event"_s}) {
        QVERIFY2(detail.contains(expected), qPrintable(expected + u" not in:\n"_s + detail));
    }
    changes->setCurrentIndex(integrity->changeModel()->index(2, 0));
    detail = integrity->detailView()->toPlainText();
    QVERIFY2(detail.contains(u"BPF program 42 loaded: sniff (type kprobe, tag a0b1c2d3e4f50617, uid 0)"_s),
             qPrintable(detail));
    QVERIFY(detail.contains(u"BPF program 7 unloaded (flightrec_exec, tracepoint)"_s));
    changes->setCurrentIndex(integrity->changeModel()->index(3, 0));
    QVERIFY(integrity->detailView()->toPlainText().contains(
        u"/etc/passwd: digest: 1111 -> 2222, mode: 0644 -> 0666"_s));
    // An alert and its state change select each other; a change without an alert leaves no alert selected.
    integrity->alertView()->setCurrentIndex(integrity->alertModel()->index(3, 0));
    QCOMPARE(changes->currentIndex().row(), 3);
    QVERIFY(integrity->triageAction(u"benign"_s)->isEnabled());
    changes->setCurrentIndex(integrity->changeModel()->index(4, 0));
    QVERIFY(!integrity->alertView()->currentIndex().isValid());
    QVERIFY(!integrity->triageAction(u"benign"_s)->isEnabled());
    QVERIFY(integrity->detailView()->toPlainText().contains(u"root logged in on pts/0 from 10.0.0.9"_s));
    changes->setCurrentIndex(integrity->changeModel()->index(1, 0));
    QCOMPARE(integrity->alertView()->currentIndex().row(), 1);
    changes->setCurrentIndex(integrity->changeModel()->index(6, 0));
    QVERIFY(integrity->detailView()->toPlainText().contains(
        u"kernel log (level 4): rootkit: module verification failed"_s));

    // Selecting does not narrow the other views; double-click makes the row's host the shared host.
    auto &hub = m_window->session().selection();
    QVERIFY(!hub.host());
    const QRect cell = changes->visualRect(integrity->changeModel()->index(1, 1));
    QTest::mouseClick(changes->viewport(), Qt::LeftButton, {}, cell.center());
    QVERIFY(!hub.host());
    QTest::mouseDClick(changes->viewport(), Qt::LeftButton, {}, cell.center());
    const qint64 delta = scalar(u"SELECT id FROM hosts WHERE hostname = 'delta'"_s);
    QVERIFY(hub.host() == std::optional<qint64>(delta));
    auto *hosts = integrity->findChild<QComboBox *>(u"hostFilter"_s);
    QTRY_COMPARE(hosts->currentText(), u"delta"_s);
    QTRY_COMPARE(integrity->changeModel()->rowCount(), 7);
    // The host box sets the shared host back to every host.
    hosts->setCurrentIndex(0);
    Q_EMIT hosts->activated(0);
    QVERIFY(!hub.host());
    // Enter on an alert does what double-click does.
    integrity->alertView()->setCurrentIndex(integrity->alertModel()->index(0, 0));
    QTest::keyClick(integrity->alertView(), Qt::Key_Return);
    QVERIFY(hub.host() == std::optional<qint64>(delta));
    hub.setHost(std::nullopt);
    // An unknown host shows nothing.
    hub.setHost(delta + 100);
    QCOMPARE(hosts->currentText(), u"host #%1"_s.arg(delta + 100));
    QTRY_COMPARE(integrity->changeModel()->rowCount(), 0);
    QTRY_COMPARE(integrity->alertModel()->rowCount(), 0);
}

// The shared host set before the page has read the hosts' names (a double-click elsewhere while the worker is busy):
// the host is shown by its row id until its name comes, and then by its name, once.
void TestIntegrityPage::hostFollowedBeforeItsNameCame()
{
    auto *integrity = page<Gui::IntegrityPage>();
    auto *hosts = integrity->findChild<QComboBox *>(u"hostFilter"_s);
    const qint64 delta = scalar(u"SELECT id FROM hosts WHERE hostname = 'delta'"_s);
    Models::CaseSession &session = m_window->session();
    session.close();
    const auto early = connect(&session, &Models::CaseSession::opened, this,
                               [&session, delta] { session.selection().setHost(delta); });
    openCase();
    disconnect(early);
    QTRY_COMPARE(hosts->currentText(), u"delta"_s);
    QCOMPARE(hosts->findText(u"host #%1"_s.arg(delta)), -1);
    QCOMPARE(hosts->findData(QVariant(delta)), hosts->currentIndex());
}

void TestIntegrityPage::bookmarkAndNoteSurviveReopening()
{
    auto *integrity = page<Gui::IntegrityPage>();
    auto *marksPage = page<Gui::MarksPage>();
    QVERIFY(marksPage);
    m_window->showPage(integrity);
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));

    // Ctrl+B on the selected state change.
    auto *changes = integrity->changeView();
    changes->setFocus();
    changes->setCurrentIndex(integrity->changeModel()->index(0, 0));
    QTest::keyClick(changes, Qt::Key_B, Qt::ControlModifier);
    QTRY_COMPARE(marksPage->model()->rowCount(), 1);
    QTRY_COMPARE(m_window->statusBar()->currentMessage(), u"Bookmarked."_s);

    // Add Note... on an alert, with hostile text.
    const QString hostile = u"<b>not bold</b> '; DROP TABLE notes; --\nsecond line \\x00 %1 \u00e9\u202e"_s;
    auto *alerts = integrity->alertView();
    alerts->setCurrentIndex(integrity->alertModel()->index(1, 0));
    auto *alertMarks = alerts->findChild<Gui::MarkActions *>();
    QVERIFY(alertMarks);
    answerNextDialog(hostile);
    alertMarks->noteAction()->trigger();
    QTRY_COMPARE(marksPage->model()->rowCount(), 2);
    // A cancelled note adds nothing.
    answerNextDialog(QString());
    alertMarks->noteAction()->trigger();
    QTest::qWait(200);
    QCOMPARE(marksPage->model()->rowCount(), 2);

    auto check = [&] {
        auto *model = marksPage->model();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(0, Models::MarksModel::Kind).data().toString(), u"Bookmark"_s);
        QCOMPARE(model->index(0, Models::MarksModel::ObjectType).data().toString(), u"state change"_s);
        QCOMPARE(model->index(0, Models::MarksModel::Object).data().toString(),
                 u"packages change (high) on delta at 2025-10-09 08:53:20.133"_s);
        QCOMPARE(model->index(1, Models::MarksModel::Kind).data().toString(), u"Note"_s);
        QCOMPARE(model->index(1, Models::MarksModel::Object).data().toString(),
                 u"\u201cmodules: 1 items changed\u201d on delta (new)"_s);
        QCOMPARE(model->index(1, 0).data(Models::MarksModel::TextRole).toString(), hostile);
        QCOMPARE(model->index(1, Models::MarksModel::By).data().toString(), Core::currentActor());
    };
    check();
    QCOMPARE(scalar(u"SELECT count(*) FROM audit_log WHERE action = 'bookmark'"_s), 1);
    QCOMPARE(scalar(u"SELECT count(*) FROM audit_log WHERE action = 'note' AND detail = ?"_s, {hostile}), 1);

    m_window->session().close();
    QCOMPARE(marksPage->model()->rowCount(), 0);
    QSignalSpy loaded(marksPage->model(), &Models::MarksModel::loaded);
    QSignalSpy opened(&m_window->session(), &Models::CaseSession::opened);
    m_window->openCase(m_location);
    QVERIFY(opened.wait(10000));
    QVERIFY(loaded.wait(10000));
    check();
}

void TestIntegrityPage::marksPageEditsRemovesAndSelects()
{
    auto *marksPage = page<Gui::MarksPage>();
    auto &marks = Models::CaseMarks::of(m_window->session());
    const qint64 process = scalar(u"SELECT id FROM processes WHERE pid = 700"_s);
    const qint64 file = scalar(u"SELECT id FROM file_events"_s);
    QCOMPARE(marks.bookmark({Core::ObjectType::Process, process}, u"dropper"_s).result(), QString());
    QCOMPARE(marks.addNote({Core::ObjectType::FileEvent, file}, u"first"_s).result(), QString());
    auto *model = marksPage->model();
    QTRY_COMPARE(model->rowCount(), 2);

    marksPage->editNote(1, u"second look: \"passwd\" rewritten"_s);
    QTRY_COMPARE(model->index(1, 0).data(Models::MarksModel::TextRole).toString(),
                 u"second look: \"passwd\" rewritten"_s);
    QVERIFY(model->index(1, Models::MarksModel::When).data().toString().contains(u"edited"_s));

    // Enter or double-click: the object becomes the shared selection.
    auto &hub = m_window->session().selection();
    marksPage->select(1);
    QVERIFY(hub.process() == std::optional<qint64>(process));
    QCOMPARE(hub.path(), QByteArray("/etc/passwd"));
    QVERIFY(hub.host() == std::optional<qint64>(scalar(u"SELECT id FROM hosts"_s)));

    marksPage->removeMark(0, false);
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, Models::MarksModel::Kind).data().toString(), u"Note"_s);
    marksPage->removeMark(0, false);
    QTRY_COMPARE(model->rowCount(), 0);
    QCOMPARE(scalar(u"SELECT count(*) FROM audit_log WHERE action IN ('unbookmark', 'unnote')"_s), 2);
    QCOMPARE(scalar(u"SELECT count(*) FROM bookmarks"_s) + scalar(u"SELECT count(*) FROM notes"_s), 0);
}

// Another page's view plugs the actions in with one call: through Models::ObjectRefRole, or a function of its own.
void TestIntegrityPage::markActionsOnAnyView()
{
    const qint64 process = scalar(u"SELECT id FROM processes WHERE pid = 700"_s);
    const qint64 host = scalar(u"SELECT id FROM hosts"_s);
    QStandardItemModel model(2, 1);
    model.setData(model.index(0, 0), u"dpkg"_s);
    model.setData(model.index(0, 0), QVariant::fromValue(Core::ObjectRef{Core::ObjectType::Process, process}),
                  Models::ObjectRefRole);
    model.setData(model.index(1, 0), u"a row without an object"_s);
    QTableView byRole(m_window.get());
    byRole.setModel(&model);
    auto *marks = Gui::MarkActions::attach(&byRole, m_window->session());
    QCOMPARE(byRole.contextMenuPolicy(), Qt::CustomContextMenu);
    QVERIFY(byRole.actions().contains(marks->bookmarkAction()));
    QCOMPARE(marks->bookmarkAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_B));
    QCOMPARE(marks->noteAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C));
    auto *marksModel = page<Gui::MarksPage>()->model();

    byRole.setCurrentIndex(model.index(1, 0));
    marks->bookmarkAction()->trigger(); // no object: nothing happens
    byRole.setCurrentIndex(model.index(0, 0));
    marks->bookmarkAction()->trigger();
    QTRY_COMPARE(marksModel->rowCount(), 1);
    QCOMPARE(marksModel->index(0, Models::MarksModel::Object).data().toString(), u"dpkg (pid 700) on delta"_s);
    marks->bookmarkAction()->trigger(); // a second bookmark of the same object is not added
    QTest::qWait(200);
    QCOMPARE(marksModel->rowCount(), 1);

    QTableView byFunction(m_window.get());
    byFunction.setModel(&model);
    auto *hostMarks = Gui::MarkActions::attach(&byFunction, m_window->session(), [host](const QModelIndex &index) {
        return index.row() == 1 ? std::optional(Core::ObjectRef{Core::ObjectType::Host, host}) : std::nullopt;
    });
    byFunction.setCurrentIndex(model.index(1, 0));
    hostMarks->bookmarkAction()->trigger();
    QTRY_COMPARE(marksModel->rowCount(), 2);
    QCOMPARE(marksModel->index(1, Models::MarksModel::ObjectType).data().toString(), u"host"_s);
    QCOMPARE(marksModel->index(1, Models::MarksModel::Object).data().toString(), u"delta"_s);
}

QTEST_MAIN(TestIntegrityPage)
#include "tst_integritypage.moc"
