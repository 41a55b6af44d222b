// SPDX-License-Identifier: GPL-3.0-or-later
// Detections in the workstation, on the integrity case (integritycase.h): Run Detections with the repo's rules (the
// rules folder setting) raises the two rule alerts the case holds evidence for (a kernel module and a BPF program
// loaded; its package change came with dpkg running, so that rule stays quiet), they appear in the alerts list with
// their rule, title and what matched, the detail pane shows the rule's description and the evidence, activating the
// evidence selects its host and time in the SelectionHub, and running again raises nothing. A folder with a broken
// rule file reports it in one line and still runs the others. Run Detections started while an import runs in the
// session waits for it on the case's one writer: both complete, neither meets the other as "database is locked". Runs
// offscreen; saves a picture of the page to FLIGHT_SCREENSHOT_DIR when it is set.
#include "alertmodel.h"
#include "casefixture.h"
#include "casesession.h"
#include "detectioncontrols.h"
#include "importjob.h"
#include "integritycase.h"
#include "integritypage.h"
#include "mainwindow.h"
#include "rulealertdetail.h"
#include "selectionhub.h"
#include "truststore.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace Qt::StringLiterals;
using namespace Deck;

class TestDetectionsPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void runShowAndSelect();
    void brokenRuleFileIsReported();
    void runWhileImporting();

private:
    Gui::IntegrityPage *openCase(Gui::MainWindow &window, const QString &name);

    QTemporaryDir m_dir;
    TestSupport::GuiCase m_built;
};

void TestDetectionsPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(u"FlightRecorderTests"_s);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(u"settings"_s));
    m_built = TestSupport::buildIntegrityCase(m_dir.path());
    QVERIFY2(m_built.error.isEmpty(), qPrintable(m_built.error));
}

Gui::IntegrityPage *TestDetectionsPage::openCase(Gui::MainWindow &window, const QString &name)
{
    const QString location = m_dir.filePath(name);
    if (!QFile::copy(m_built.location, location))
        return nullptr;
    QSignalSpy opened(&window.session(), &Models::CaseSession::opened);
    window.openCase(location);
    if (!opened.wait(10000))
        return nullptr;
    for (auto *candidate : window.pages()) {
        if (auto *found = qobject_cast<Gui::IntegrityPage *>(candidate))
            return found;
    }
    return nullptr;
}

void TestDetectionsPage::runShowAndSelect()
{
    Models::setRulesFolder(QStringLiteral(FLIGHT_RULES_DIR));
    Gui::MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Gui::IntegrityPage *page = openCase(window, u"run.sqlite"_s);
    QVERIFY(page);
    QTRY_COMPARE(page->alertModel()->rowCount(), 4);
    Gui::DetectionControls *controls = page->detectionControls();
    controls->setInteractive(false);
    QSignalSpy finished(controls, &Gui::DetectionControls::runFinished);
    QSignalSpy progressed(&controls->job(), &Models::DetectionJob::progressed);
    QVERIFY(controls->runAction()->isEnabled());
    controls->runAction()->trigger();
    QVERIFY(!controls->runAction()->isEnabled()); // one run at a time
    QVERIFY(finished.wait(30000));
    QCOMPARE(progressed.size(), 13);
    QCOMPARE(controls->lastMessage(), u"13 rules evaluated: 2 objects match, 2 new alerts."_s);
    QTRY_COMPARE(page->alertModel()->rowCount(), 6);

    Models::AlertModel *model = page->alertModel();
    QStringList rules;
    int moduleRow = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        rules << model->index(row, Models::AlertModel::Rule).data().toString();
        if (rules.constLast() == "kernel-module"_L1)
            moduleRow = row;
    }
    QCOMPARE(rules.count(u"integrity check"_s), 4);
    QVERIFY(rules.contains(u"bpf-program"_s));
    QVERIFY(moduleRow >= 0);
    QCOMPARE(model->index(moduleRow, Models::AlertModel::Title).data().toString(), u"A kernel module was loaded"_s);
    QCOMPARE(model->index(moduleRow, Models::AlertModel::Summary).data().toString(),
             u"state.change of modules (high): 1 items"_s);

    QSignalSpy shown(page->ruleAlertDetail(), &Gui::RuleAlertDetail::evidenceShown);
    page->alertView()->setCurrentIndex(model->index(moduleRow, 0));
    QVERIFY(shown.wait(10000));
    const QString text = page->detailView()->toPlainText();
    QVERIFY2(text.contains(u"Rootkits live in the kernel as modules"_s), qPrintable(text)); // the description
    QVERIFY2(text.contains(u"integrity change of modules (high)"_s), qPrintable(text)); // the evidence
    QCOMPARE(page->ruleAlertDetail()->evidence().size(), 1);
    if (const QByteArray dir = qgetenv("FLIGHT_SCREENSHOT_DIR"); !dir.isEmpty()) {
        if (auto *tabs = qobject_cast<QTabWidget *>(page->parentWidget()->parentWidget()))
            tabs->setCurrentWidget(page);
        QTest::qWait(200);
        QDir().mkpath(QString::fromLocal8Bit(dir));
        QVERIFY(window.grab().save(QString::fromLocal8Bit(dir) + u"/detections-integritypage.png"_s));
    }

    Models::SelectionHub &hub = window.session().selection();
    QSignalSpy range(&hub, &Models::SelectionHub::timeRangeChanged);
    page->ruleAlertDetail()->activate(0);
    QCOMPARE(hub.host(), page->ruleAlertDetail()->evidence().at(0).hostId);
    QCOMPARE(range.size(), 1);
    const qint64 ts = *page->ruleAlertDetail()->evidence().at(0).ts;
    QVERIFY(*hub.timeRange().from <= ts && ts < *hub.timeRange().to);

    // Again: nothing new.
    hub.setTimeRange({});
    controls->runAction()->trigger();
    QVERIFY(finished.wait(30000));
    QCOMPARE(controls->lastMessage(), u"13 rules evaluated: 2 objects match, 0 new alerts."_s);
}

void TestDetectionsPage::brokenRuleFileIsReported()
{
    const QString folder = m_dir.filePath(u"rules"_s);
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(
        QFile::copy(QStringLiteral(FLIGHT_RULES_DIR) + u"/kernel-module.rule"_s, folder + u"/kernel-module.rule"_s));
    QFile broken(folder + u"/broken.rule"_s);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("name: broken\nseverity: extreme\ntitle: t\ndescription: d\nmatch: user == 0\n");
    broken.close();
    Models::setRulesFolder(folder);
    Gui::MainWindow window;
    window.show();
    Gui::IntegrityPage *page = openCase(window, u"broken.sqlite"_s);
    QVERIFY(page);
    page->detectionControls()->setInteractive(false);
    QSignalSpy finished(page->detectionControls(), &Gui::DetectionControls::runFinished);
    page->detectionControls()->runAction()->trigger();
    QVERIFY(finished.wait(30000));
    QCOMPARE(page->detectionControls()->lastMessage(),
             u"1 rules evaluated: 1 objects match, 1 new alerts.\nRule files skipped:\n%1/broken.rule:2: severity "
             u"'extreme': use low, medium or high"_s.arg(folder));
}

void TestDetectionsPage::runWhileImporting()
{
    Models::setRulesFolder(QStringLiteral(FLIGHT_RULES_DIR));
    QVERIFY(QDir().mkpath(m_dir.filePath(u"busy"_s)));
    TestSupport::ArchiveSeries busy(m_dir.filePath(u"busy"_s), u"busy.example.org"_s);
    for (int i = 0; i < 4; ++i)
        QVERIFY(!busy.next(TestSupport::busyHostEvents(20000, 1000 + i * 20000, i * 60000)).isEmpty());
    Gui::MainWindow window;
    window.show();
    Gui::IntegrityPage *page = openCase(window, u"importing.sqlite"_s);
    QVERIFY(page);
    Models::CaseWorker *writer = window.session().writer();
    QVERIFY(writer);
    auto trusted = writer->run(
        [key = busy.key.publicKey()](Core::Database &db) { return Core::TrustStore(db).trust(key, u"busy"_s).ok(); });
    trusted.waitForFinished();
    QVERIFY(trusted.result());

    Models::ImportJob import;
    QSignalSpy imported(&import, &Models::ImportJob::finished);
    QSignalSpy importProgress(&import, &Models::ImportJob::progressed);
    import.start(*writer, {m_dir.filePath(u"busy"_s)}, window.session().importOptions());
    QVERIFY(importProgress.wait(10000));
    Gui::DetectionControls *controls = page->detectionControls();
    controls->setInteractive(false);
    QSignalSpy detected(controls, &Gui::DetectionControls::runFinished);
    qsizetype importsEndedAtStart = -1;
    connect(&controls->job(), &Models::DetectionJob::started, &import, [&] { importsEndedAtStart = imported.size(); });
    controls->runAction()->trigger();
    QVERIFY(detected.wait(180000));
    QCOMPARE(importsEndedAtStart, 1); // the run waited for the import on the writer
    QCOMPARE(imported.size(), 1);
    QCOMPARE(import.outcomes().size(), 4);
    for (const Core::ImportOutcome &outcome : import.outcomes())
        QVERIFY2(outcome.status == Core::ImportStatus::Imported, qPrintable(outcome.message));
    QVERIFY2(controls->lastMessage().startsWith(u"13 rules evaluated: "_s), qPrintable(controls->lastMessage()));
}

QTEST_MAIN(TestDetectionsPage)
#include "tst_detectionspage.moc"
