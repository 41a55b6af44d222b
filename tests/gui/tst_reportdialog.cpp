// SPDX-License-Identifier: GPL-3.0-or-later
// The report's print preview (app/gui/reportdialog): reads the report of the open case on a worker, shows the preview
// with the laid-out document, saves it as PDF and enters the file in the case's audit log, refuses another suffix.
// Offscreen. (Cancelling is tested on collectReport itself in tst_report.)
#include "casenotes.h"
#include "guifixture.h"
#include "reportdialog.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace Qt::StringLiterals;
using namespace Deck;

class TestReportDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void previewsAndSaves();

private:
    QTemporaryDir m_dir;
    TestSupport::GuiCase m_case;
};

void TestReportDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_case = TestSupport::buildGuiCase(m_dir.path(), 2000);
    QVERIFY2(m_case.error.isEmpty(), qPrintable(m_case.error));
    auto db = Core::Database::open(m_case.location);
    QVERIFY(db.ok());
    QVERIFY(Core::CaseNotes(**db).addNote({Core::ObjectType::Host, 1}, u"first look at <alpha>"_s).ok());
}

void TestReportDialog::previewsAndSaves()
{
    Models::CaseSession session;
    QSignalSpy opened(&session, &Models::CaseSession::opened);
    session.open(m_case.location);
    QVERIFY(opened.wait(10000));

    QPointer<Gui::ReportDialog> dialog = Gui::ReportDialog::start(session, {});
    QSignalSpy ready(dialog.data(), &Gui::ReportDialog::ready);
    QVERIFY(ready.wait(30000));
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->windowTitle().contains(u"Incident report"_s));
    const QString text = dialog->document()->toPlainText();
    QVERIFY(text.contains(u"first look at <alpha>"_s));
    QVERIFY(text.contains(u"Chain of custody"_s));

    // For people to look at: the preview as the analyst sees it.
    if (const QString shots = qEnvironmentVariable("FLIGHT_SCREENSHOT_DIR"); !shots.isEmpty()) {
        dialog->resize(1100, 800);
        QTest::qWait(200);
        QVERIFY(QDir().mkpath(shots));
        QVERIFY(dialog->grab().save(QDir(shots).filePath(u"report-preview.png"_s)));
    }

    const QString pdf = m_dir.filePath(u"preview.pdf"_s);
    QCOMPARE(dialog->saveTo(pdf), QString());
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    auto db = Core::Database::open(m_case.location);
    QVERIFY(db.ok());
    QTRY_COMPARE_WITH_TIMEOUT(
        (*db)->scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'report' AND object = ?"_s, {pdf})->toInt(), 1,
        10000);
    QVERIFY(dialog->saveTo(m_dir.filePath(u"report.txt"_s)).contains(u"give a file name ending in .pdf"_s));
    dialog->close();
    QTRY_VERIFY(dialog.isNull());
}

QTEST_MAIN(TestReportDialog)
#include "tst_reportdialog.moc"
