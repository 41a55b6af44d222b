// SPDX-License-Identifier: GPL-3.0-or-later
// Importing from the GUI on real archives into a real SQLite case: a folder walked recursively (archives of a trusted
// host, one of an unknown signer, a malformed one) with each archive's outcome in the dialog; a cancel halfway that
// leaves only whole archives and lists the rest as not started; files dropped on the main window; and the inbox
// status of the Data In page. Runs under Xvfb and saves the dialogs to $FLIGHT_SCREENSHOT_DIR for people to look at.
#include "casefixture.h"
#include "datainpage.h"
#include "importdialog.h"
#include "mainwindow.h"
#include "truststore.h"

#include <QDir>
#include <QDropEvent>
#include <QLabel>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace Deck;
using namespace Deck::TestSupport;
using Core::ImportStatus;

class TestImportDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void importFolder();
    void cancelHalfway();
    void dropOnWindow();
    void inboxStatus();

private:
    void openCase(Models::CaseSession &session, const QString &name);
    static QString screenshotDir();
    void shoot(QWidget *widget, const QString &name);
    QString caseFile(const QString &name) const { return m_dir.filePath(name + u".sqlite"_s); }

    QTemporaryDir m_dir;
    QString m_folder; // trusted host (3 archives, in a subfolder), unknown signer (1), malformed (1)
    QString m_big; // 8 archives of a busy host, for the cancel
    std::unique_ptr<ArchiveSeries> m_trusted;
    std::unique_ptr<ArchiveSeries> m_busy;
};

void TestImportDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(u"FlightRecorderTests"_s);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(u"settings"_s));
    m_folder = m_dir.filePath(u"usb"_s);
    QVERIFY(QDir().mkpath(m_folder + u"/web-01"_s));
    m_trusted = std::make_unique<ArchiveSeries>(m_folder + u"/web-01"_s, u"web-01.example.org"_s);
    for (int i = 0; i < 3; ++i)
        QVERIFY(!m_trusted->next(busyHostEvents(500, 1000 + i * 100, i * 60000)).isEmpty());
    ArchiveSeries stranger(m_folder, u"stranger.example.org"_s);
    QVERIFY(!stranger.next(busyHostEvents(200, 100, 0)).isEmpty());
    QFile junk(m_folder + u"/broken.frec"_s);
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("PK\x03\x04 cut off in the middle of a copy");
    junk.close();

    m_big = m_dir.filePath(u"big"_s);
    QVERIFY(QDir().mkpath(m_big));
    m_busy = std::make_unique<ArchiveSeries>(m_big, u"busy.example.org"_s);
    for (int i = 0; i < 8; ++i)
        QVERIFY(!m_busy->next(busyHostEvents(30000, 1 + i * 5000, i * 600000)).isEmpty());
}

void TestImportDialog::openCase(Models::CaseSession &session, const QString &name)
{
    {
        auto db = Core::Database::open(caseFile(name));
        QVERIFY2(db, qPrintable(db.error().message));
        QVERIFY(Core::TrustStore(**db).trust(m_trusted->key.publicKey(), u"web-01"_s).ok());
        QVERIFY(Core::TrustStore(**db).trust(m_busy->key.publicKey(), u"busy"_s).ok());
    }
    QSignalSpy opened(&session, &Models::CaseSession::opened);
    session.open(caseFile(name));
    QVERIFY(opened.wait(10000));
}

QString TestImportDialog::screenshotDir()
{
    const QString out = qEnvironmentVariable("FLIGHT_SCREENSHOT_DIR", QDir::current().filePath(u"screenshots"_s));
    QDir().mkpath(out);
    return out;
}

void TestImportDialog::shoot(QWidget *widget, const QString &name)
{
    const QString out = screenshotDir();
    QTest::qWait(200);
    QVERIFY(widget->grab().save(QDir(out).filePath(name)));
    qInfo("screenshot: %s", qPrintable(QDir(out).filePath(name)));
}

void TestImportDialog::importFolder()
{
    Models::CaseSession session;
    openCase(session, u"folder"_s);
    Models::IntakeService intake(session);
    QVERIFY(intake.writer());
    Gui::ImportDialog dialog(*intake.writer(), {m_folder});
    QSignalSpy finished(&dialog.job(), &Models::ImportJob::finished);
    dialog.show();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);

    QTreeWidget *results = dialog.results();
    QCOMPARE(results->topLevelItemCount(), 5);
    QMap<QString, QString> outcomes; // archive -> outcome
    for (int i = 0; i < results->topLevelItemCount(); ++i)
        outcomes.insert(results->topLevelItem(i)->text(1), results->topLevelItem(i)->text(0));
    for (int seq = 1; seq <= 3; ++seq)
        QCOMPARE(outcomes.value(u"web-01.example.org-%1.frec"_s.arg(seq)), u"imported"_s);
    QCOMPARE(outcomes.value(u"stranger.example.org-1.frec"_s), u"held for trust"_s);
    QCOMPARE(outcomes.value(u"broken.frec"_s), u"refused: invalid"_s);
    const auto *broken = results->findItems(u"broken.frec"_s, Qt::MatchExactly, 1).value(0);
    QVERIFY(broken && !broken->text(5).isEmpty());
    QVERIFY2(dialog.summary().contains(u"3 imported"_s), qPrintable(dialog.summary()));
    QVERIFY(dialog.summary().contains(u"1 held for trust"_s));
    QVERIFY(dialog.summary().contains(u"1 refused: invalid"_s));
    shoot(&dialog, u"datain-import-folder.png"_s);

    auto db = Core::Database::open(caseFile(u"folder"_s));
    QVERIFY(db);
    QCOMPARE(count(**db, u"archives"_s), 3);
    QCOMPARE(count(**db, u"held_archives"_s), 1);
}

void TestImportDialog::cancelHalfway()
{
    Models::CaseSession session;
    openCase(session, u"cancel"_s);
    Models::IntakeService intake(session);
    Gui::ImportDialog dialog(*intake.writer(), {m_big});
    QSignalSpy finished(&dialog.job(), &Models::ImportJob::finished);
    // Cancelled as the third archive starts: usually inside it (rolled back), on a slow machine between archives.
    // Until then the bytes done only grow, and never pass the archives' total.
    qint64 bytesBefore = 0;
    bool shrank = false;
    connect(&dialog.job(), &Models::ImportJob::progressed, &dialog, [&](const Models::ImportJobProgress &p) {
        shrank = shrank || p.bytesDone < bytesBefore || p.bytesDone > p.bytesTotal;
        bytesBefore = p.bytesDone;
        if (p.reading.contains(u"busy.example.org-3.frec"_s) && !dialog.job().isCancelled()) {
            QVERIFY(dialog.grab().save(QDir(screenshotDir()).filePath(u"datain-import-running.png"_s)));
            dialog.reject(); // the Cancel button's path
        }
    });
    dialog.show();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QVERIFY2(!shrank, "the bytes done went back or past the total");
    const auto &outcomes = dialog.job().outcomes();
    const QStringList notStarted = dialog.job().notStarted();
    QVERIFY2(!notStarted.isEmpty(), "the cancel came after the last archive");
    QCOMPARE(outcomes.size() + notStarted.size(), 8);
    QVERIFY(dialog.isVisible()); // cancelling does not close: the summary stays
    QVERIFY(dialog.summary().contains(u"not started"_s));
    shoot(&dialog, u"datain-import-cancelled.png"_s);

    // Only whole archives: each imported one with all of its processes, none of the others.
    auto db = Core::Database::open(caseFile(u"cancel"_s));
    QVERIFY(db);
    int imported = 0;
    qint64 importedEvents = 0;
    for (const Core::ImportOutcome &o : outcomes) {
        importedEvents += o.status == ImportStatus::Imported ? o.events : 0;
        const qint64 rows = count(**db, u"archives"_s, u"digest = ?"_s, {o.digest});
        QCOMPARE(rows, o.status == ImportStatus::Imported ? 1 : 0);
        imported += o.status == ImportStatus::Imported ? 1 : 0;
    }
    QCOMPARE(count(**db, u"archives"_s), imported);
    QVERIFY(imported >= 2 && imported < 8);
    const qsizetype rolledBack = std::count_if(outcomes.cbegin(), outcomes.cend(), [](const Core::ImportOutcome &o) {
        return o.status == ImportStatus::Cancelled;
    });
    QVERIFY(rolledBack <= 1);
    qInfo("cancel: %d imported, %d rolled back, %d not started", imported, int(rolledBack), int(notStarted.size()));
    for (const QString &path : notStarted)
        QCOMPARE(count(**db, u"archives"_s, u"source = ?"_s, {QFileInfo(path).absoluteFilePath()}), 0);
    const qint64 events = (*db)->scalar(u"SELECT SUM(events) FROM archives"_s)->toLongLong();
    QCOMPARE(events, importedEvents);
    // Nothing of the archive rolled back or of those not started: every event row belongs to an imported archive.
    for (const QString &table : {u"process_events"_s, u"file_events"_s, u"net_events"_s})
        QCOMPARE(count(**db, table, u"archive_id NOT IN (SELECT id FROM archives)"_s), 0);
    QVERIFY(count(**db, u"file_events"_s) > 0);
}

void TestImportDialog::dropOnWindow()
{
    Gui::MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    openCase(window.session(), u"drop"_s);
    auto *page = window.findChild<Gui::DataInPage *>();
    QVERIFY(page);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_folder + u"/web-01"_s)});
    QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QVERIFY(drop.isAccepted());
    Gui::ImportDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<Gui::ImportDialog *>()) != nullptr);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->job().isRunning(), false, 30000);
    QCOMPARE(dialog->results()->topLevelItemCount(), 3);
    auto db = Core::Database::open(caseFile(u"drop"_s));
    QVERIFY(db);
    QCOMPARE(count(**db, u"archives"_s), 3);
}

void TestImportDialog::inboxStatus()
{
    Gui::MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    openCase(window.session(), u"inbox"_s);
    auto *page = window.findChild<Gui::DataInPage *>();
    QVERIFY(page);
    const QString inbox = m_dir.filePath(u"inbox"_s);
    QVERIFY(QDir().mkpath(inbox));
    page->intake().watchInbox(inbox, 200);
    QTRY_VERIFY(page->intake().inboxStatus().watching);
    QVERIFY(QFile::copy(m_folder + u"/web-01/web-01.example.org-1.frec"_s, inbox + u"/web-01.example.org-1.frec"_s));
    QVERIFY(QFile::copy(m_folder + u"/broken.frec"_s, inbox + u"/broken.frec"_s));
    QTRY_VERIFY_WITH_TIMEOUT(page->inboxLabel()->text().contains(u"1 imported"_s), 15000);
    QTRY_VERIFY(page->inboxLabel()->text().contains(u"1 refused"_s));
    QVERIFY(page->inboxLabel()->text().contains(inbox));
    QVERIFY(page->inboxLabel()->text().contains(u"Last import"_s));
    QVERIFY(page->inboxLabel()->text().contains(u"broken.frec"_s));
    auto *outcomes = page->findChild<QTreeWidget *>(u"inboxOutcomes"_s);
    QVERIFY(outcomes);
    QCOMPARE(outcomes->topLevelItemCount(), 2);
    shoot(&window, u"datain-page-inbox.png"_s);

    // The folder is remembered for the case: closing and opening it watches again.
    window.session().close();
    QVERIFY(!page->intake().inboxStatus().watching);
    QSignalSpy opened(&window.session(), &Models::CaseSession::opened);
    window.session().open(caseFile(u"inbox"_s));
    QVERIFY(opened.wait(10000));
    QTRY_VERIFY(page->intake().inboxStatus().watching);
    QCOMPARE(page->intake().inboxStatus().dir, inbox);
    page->intake().stopInbox();
    QTRY_VERIFY(page->inboxLabel()->text().contains(u"not watching"_s));
}

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
