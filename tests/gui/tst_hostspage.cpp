// SPDX-License-Identifier: GPL-3.0-or-later
// The Hosts view and the trust decision: HostListModel, ArchiveListModel and HeldArchiveModel under
// QAbstractItemModelTester with the fixture's known answers; selecting a host in the page sets the shared selection
// and a host selected elsewhere is selected here; trusting a held archive's key from the dialog (driven here, not
// blocking) imports it through the real importer and the host list shows the new host; a key other than the one a
// known host is trusted with is refused loudly, with no trust button. The clock column: the stitching case's known
// offset (beta +2502 ms ahead of alpha from 7 pairs, range +2501..+2505 ms) on each side, "no pairs" for hosts that
// talked to no monitored host. Runs offscreen.
#include "archivelistmodel.h"
#include "displaytext.h"
#include "guifixture.h"
#include "heldarchivemodel.h"
#include "hostlistmodel.h"
#include "hostspage.h"
#include "importer.h"
#include "stitchfixture.h"
#include "trustdialog.h"
#include "trustjob.h"
#include "truststore.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Deck;
using namespace Deck::TestSupport;
using Models::HostListModel;

class TestHostsPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void hostListModel();
    void clockOffsets();
    void archiveListModel();
    void heldArchiveModel();
    void selectingAHostSetsTheHub();
    void trustingAHeldKeyImportsIt();
    void changedKeyIsRefusedLoudly();
    void trustJobReportsProgressAndErrors();
    void emptyStatesSayWhy();

private:
    QString buildCase(const QString &name);
    static bool openCase(Models::CaseSession &session, const QString &location);
    static int rowOf(const QAbstractItemModel &model, const QString &hostname);
    static QString dialogText(const QWidget &dialog);
    static void saveShot(QWidget &widget, const QString &name);

    QTemporaryDir m_dir;
    QString m_case; // the fixture case, read only
};

void TestHostsPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("FlightRecorderTests"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    m_case = buildCase(QStringLiteral("shared"));
    QVERIFY(!m_case.isEmpty());
}

QString TestHostsPage::buildCase(const QString &name)
{
    const QString dir = m_dir.filePath(name);
    QDir().mkpath(dir);
    const auto built = buildGuiCase(dir, 400);
    if (!built.error.isEmpty())
        qWarning("%s", qPrintable(built.error));
    return built.error.isEmpty() ? built.location : QString();
}

bool TestHostsPage::openCase(Models::CaseSession &session, const QString &location)
{
    QSignalSpy opened(&session, &Models::CaseSession::opened);
    session.open(location);
    return opened.wait(10000);
}

int TestHostsPage::rowOf(const QAbstractItemModel &model, const QString &hostname)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, HostListModel::Host).data().toString() == hostname)
            return row;
    }
    return -1;
}

QString TestHostsPage::dialogText(const QWidget &dialog)
{
    QStringList texts;
    for (const auto *label : dialog.findChildren<QLabel *>())
        texts << label->text();
    return texts.join(u'\n');
}

// For people to look at (not a check): the dialogs when FLIGHT_SCREENSHOT_DIR is set.
void TestHostsPage::saveShot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("FLIGHT_SCREENSHOT_DIR");
    if (!dir.isEmpty() && QDir().mkpath(dir))
        widget.grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

void TestHostsPage::hostListModel()
{
    Models::CaseSession session;
    HostListModel hosts(session);
    QAbstractItemModelTester tester(&hosts, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QVERIFY(openCase(session, m_case));
    QTRY_COMPARE(hosts.rowCount(), 4); // alpha, beta, gamma and delta (held only)
    const auto cell
        = [&](const QString &host, int column) { return hosts.index(rowOf(hosts, host), column).data().toString(); };
    // alpha: seq 3 never imported; a clean stop (@120 .. @1000) and a crash (end of seq 2 @1040 .. @5000) in a span
    // of 5020 ms: 4840 ms not recorded; the collector reported 17 events lost.
    QCOMPARE(cell(QStringLiteral("alpha"), HostListModel::Trust), QStringLiteral("trusted"));
    QCOMPARE(cell(QStringLiteral("alpha"), HostListModel::Archives), QStringLiteral("3 verified"));
    QCOMPARE(cell(QStringLiteral("alpha"), HostListModel::Chain), QStringLiteral("gap: 1 missing"));
    QCOMPARE(cell(QStringLiteral("alpha"), HostListModel::LastArchive),
             Models::utcText(QueryScenario::at(5020), Models::kTableTimePrecision));
    QCOMPARE(cell(QStringLiteral("alpha"), HostListModel::Span), QStringLiteral("5.02 s"));
    QCOMPARE(cell(QStringLiteral("alpha"), HostListModel::Coverage),
             QStringLiteral("3.5% recorded \u00b7 1 crash \u00b7 17 lost"));
    QCOMPARE(cell(QStringLiteral("beta"), HostListModel::Chain), QStringLiteral("intact"));
    QCOMPARE(cell(QStringLiteral("beta"), HostListModel::Coverage), QStringLiteral("100.0% recorded"));
    QCOMPARE(cell(QStringLiteral("gamma"), HostListModel::Archives), QStringLiteral("4 verified"));
    // delta: only its held archive names it.
    const int delta = rowOf(hosts, QStringLiteral("delta"));
    QVERIFY(!hosts.index(delta, 0).data(HostListModel::HostIdRole).isValid());
    QCOMPARE(cell(QStringLiteral("delta"), HostListModel::Trust), QStringLiteral("untrusted: 1 held"));
    QCOMPARE(cell(QStringLiteral("delta"), HostListModel::Archives), QStringLiteral("1 awaiting trust"));
    QVERIFY(cell(QStringLiteral("delta"), HostListModel::Key).startsWith(QStringLiteral("BLAKE2B:")));
    QVERIFY(hosts.index(delta, HostListModel::Trust).data(Qt::ForegroundRole).isValid()); // drawn as a problem

    session.close();
    QCOMPARE(hosts.rowCount(), 0);
}

void TestHostsPage::clockOffsets()
{
    const QString location = m_dir.filePath(QStringLiteral("stitch.sqlite"));
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("stitch"))));
    {
        auto built = openStitchCase(location, m_dir.filePath(QStringLiteral("stitch")));
        QVERIFY2(built, qPrintable(built.error().message));
    }
    Models::CaseSession session;
    HostListModel hosts(session);
    QAbstractItemModelTester tester(&hosts, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy estimated(&hosts, &HostListModel::offsetsEstimated);
    QVERIFY(openCase(session, location));
    QTRY_COMPARE(hosts.rowCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(estimated.size(), 1, 20000);
    QVERIFY(!hosts.isEstimatingOffsets());
    const auto cell = [&](const QString &host, int role) {
        return hosts.index(rowOf(hosts, host), HostListModel::Clock).data(role).toString();
    };
    QCOMPARE(cell(QStringLiteral("beta"), Qt::DisplayRole),
             QStringLiteral("+2502.000 ms vs alpha (range +2501.000 ms to +2505.000 ms, 7 pair(s))"));
    QCOMPARE(cell(QStringLiteral("alpha"), Qt::DisplayRole),
             QStringLiteral("-2502.000 ms vs beta (range -2505.000 ms to -2501.000 ms, 7 pair(s))"));
    QCOMPARE(
        cell(QStringLiteral("alpha"), Qt::ToolTipRole),
        QStringLiteral("clock of alpha minus clock of beta: median -2502.000 ms, from -2505.000 ms to -2501.000 ms "
                       "over 7 stitched connection(s)"));
    session.close();
    QCOMPARE(hosts.rowCount(), 0);

    // The GUI fixture's hosts talked to no monitored host.
    QVERIFY(openCase(session, m_case));
    QTRY_COMPARE(hosts.rowCount(), 4);
    QTRY_COMPARE_WITH_TIMEOUT(estimated.size(), 2, 20000);
    QCOMPARE(cell(QStringLiteral("gamma"), Qt::DisplayRole), QStringLiteral("no pairs"));
    QVERIFY(cell(QStringLiteral("gamma"), Qt::ToolTipRole).startsWith(QStringLiteral("No connection between gamma")));
    QCOMPARE(cell(QStringLiteral("delta"), Qt::DisplayRole), QString()); // held only: not a monitored host yet
}

void TestHostsPage::archiveListModel()
{
    Models::CaseSession session;
    Models::ArchiveListModel archives(session);
    QAbstractItemModelTester tester(&archives, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QVERIFY(openCase(session, m_case));
    auto db = Core::Database::open(m_case);
    QVERIFY(db.ok());
    const auto alpha = Core::findHost(**db, QStringLiteral("alpha"));
    QVERIFY(alpha.ok());
    archives.setHost(*alpha);
    QTRY_COMPARE(archives.rowCount(), 3);
    QCOMPARE(archives.index(2, Models::ArchiveListModel::Seq).data().toString(), QStringLiteral("4"));
    QCOMPARE(archives.index(2, Models::ArchiveListModel::Chain).data().toString(),
             QStringLiteral("gap: 1 missing before"));
    QCOMPARE(archives.index(0, Models::ArchiveListModel::Chain).data().toString(), QStringLiteral("first"));
    QCOMPARE(archives.index(1, Models::ArchiveListModel::Verdict).data().toString(), QStringLiteral("verified"));
    QCOMPARE(archives.index(0, Models::ArchiveListModel::From).data().toString(),
             Models::utcText(QueryScenario::at(0), Models::kTableTimePrecision));
    QCOMPARE(archives.index(0, Models::ArchiveListModel::Events).data().toString(), QStringLiteral("13"));
    QCOMPARE(archives.index(0, Models::ArchiveListModel::Digest).data(Qt::ToolTipRole).toString().section(u'\n', 0, 0),
             QStringLiteral("digest ") + archives.archive(0).digest);
    archives.setHost(std::nullopt);
    QCOMPARE(archives.rowCount(), 0);
}

void TestHostsPage::heldArchiveModel()
{
    Models::CaseSession session;
    Models::HeldArchiveModel held(session);
    QAbstractItemModelTester tester(&held, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QVERIFY(openCase(session, m_case));
    QTRY_COMPARE(held.rowCount(), 1);
    auto db = Core::Database::open(m_case);
    QVERIFY(db.ok());
    const auto stored = Core::TrustStore(**db).held();
    QVERIFY(stored.ok() && stored->size() == 1);
    QCOMPARE(held.index(0, Models::HeldArchiveModel::State).data().toString(), QStringLiteral("awaiting trust"));
    QCOMPARE(held.index(0, Models::HeldArchiveModel::Host).data().toString(), QStringLiteral("delta"));
    QCOMPARE(held.index(0, Models::HeldArchiveModel::Events).data().toString(), QStringLiteral("40"));
    const auto decision = held.decision(0);
    QVERIFY(decision.mayTrust());
    QCOMPARE(decision.fingerprint, stored->at(0).fingerprint);
    QCOMPARE(decision.machineId, stored->at(0).machineId);
    QCOMPARE(decision.archives, 1);
}

void TestHostsPage::selectingAHostSetsTheHub()
{
    Models::CaseSession session;
    Gui::HostsPage page(session);
    QVERIFY(openCase(session, m_case));
    QTRY_COMPARE(page.hosts()->rowCount(), 4);
    const int alpha = rowOf(*page.hosts(), QStringLiteral("alpha"));
    const int beta = rowOf(*page.hosts(), QStringLiteral("beta"));
    const qint64 alphaId = page.hosts()->host(alpha).hostId.value_or(-1);
    const qint64 betaId = page.hosts()->host(beta).hostId.value_or(-1);

    QSignalSpy changed(&session.selection(), &Models::SelectionHub::hostChanged);
    page.hostView()->selectRow(alpha);
    QCOMPARE(session.selection().host(), alphaId);
    QCOMPARE(changed.count(), 1);
    QTRY_COMPARE(page.archives()->rowCount(), 3); // alpha's chain of custody below

    session.selection().setHost(betaId); // another view selects beta
    QCOMPARE(page.hostView()->currentIndex().row(), beta);
    QCOMPARE(page.archives()->host(), betaId);
    QTRY_COMPARE(page.archives()->rowCount(), 1);
    QCOMPARE(changed.count(), 2); // following it did not echo back
    page.resize(700, 600);
    page.hostView()->selectRow(alpha);
    QTRY_COMPARE(page.archives()->rowCount(), 3);
    saveShot(page, QStringLiteral("hosts-page-alpha"));
}

void TestHostsPage::trustingAHeldKeyImportsIt()
{
    const QString location = buildCase(QStringLiteral("trust"));
    QVERIFY(!location.isEmpty());
    Models::CaseSession session;
    Gui::HostsPage page(session);
    page.resize(700, 700);
    QVERIFY(openCase(session, location));
    QTRY_COMPARE(page.held()->rowCount(), 1);
    const auto decision = page.held()->decision(0);

    // Refusing changes nothing.
    auto *refused = page.decideTrust(0);
    QVERIFY(refused && refused->isVisible());
    QVERIFY(!refused->trustButton()->isEnabled()); // not before the fingerprint was compared
    QVERIFY(!refused->trustButton()->isDefault() && !refused->refuseButton()->isDefault());
    QTest::keyClick(refused, Qt::Key_Return); // Enter decides nothing
    QVERIFY(refused->isVisible());
    QTest::mouseClick(refused->refuseButton(), Qt::LeftButton);
    QTRY_VERIFY(page.findChildren<Gui::TrustDialog *>().isEmpty()); // closed and deleted
    QVERIFY(!page.isTrusting());
    QCOMPARE(page.held()->rowCount(), 1);

    // Enter or a double-click on a host that waits for a decision opens it.
    QTRY_COMPARE(page.hosts()->rowCount(), 4);
    Q_EMIT page.hostView()->activated(page.hosts()->index(rowOf(*page.hosts(), QStringLiteral("delta")), 0));
    auto *dialog = page.findChild<Gui::TrustDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    QCOMPARE(dialog->decision().fingerprint, decision.fingerprint);
    const QString shown = dialogText(*dialog);
    for (const QString &expected : {QStringLiteral("delta"), decision.machineId, decision.fingerprint})
        QVERIFY2(shown.contains(expected), qPrintable(expected));
    saveShot(*dialog, QStringLiteral("hosts-trustdialog"));
    dialog->confirmation()->click();
    QVERIFY(dialog->trustButton()->isEnabled());
    QTest::mouseClick(dialog->trustButton(), Qt::LeftButton);

    // The trust and the import run off the GUI thread; the lists reload when they are done.
    QTRY_VERIFY_WITH_TIMEOUT(page.outcomeText().contains(QStringLiteral("Held archives imported: 1")), 20000);
    QVERIFY2(page.outcomeText().contains(decision.fingerprint), qPrintable(page.outcomeText()));
    QTRY_COMPARE(page.held()->rowCount(), 0);
    QTRY_VERIFY(page.hosts()->rowCount() == 4
                && page.hosts()->host(rowOf(*page.hosts(), QStringLiteral("delta"))).hostId.has_value());
    const auto &delta = page.hosts()->host(rowOf(*page.hosts(), QStringLiteral("delta")));
    QCOMPARE(delta.archives, 1);
    QCOMPARE(delta.events, 40);
    QCOMPARE(delta.keys.size(), 1);
    QCOMPARE(delta.keys.at(0).fingerprint, decision.fingerprint);
    QCOMPARE(delta.keys.at(0).label, QStringLiteral("delta"));
}

void TestHostsPage::changedKeyIsRefusedLoudly()
{
    const QString location = buildCase(QStringLiteral("conflict"));
    QVERIFY(!location.isEmpty());
    // epsilon's archive signed by key B is held (new host); then key A is trusted and epsilon imported with it.
    // Key B now contradicts the key trusted for a known host.
    const QString dirA = m_dir.filePath(QStringLiteral("conflict/a")),
                  dirB = m_dir.filePath(QStringLiteral("conflict/b"));
    QVERIFY(QDir().mkpath(dirA) && QDir().mkpath(dirB));
    ArchiveSeries trusted(dirA, QStringLiteral("epsilon"));
    ArchiveSeries impostor(dirB, QStringLiteral("epsilon"));
    impostor.host = trusted.host;
    {
        auto db = Core::Database::open(location);
        QVERIFY(db.ok());
        Core::Importer importer(**db);
        QCOMPARE(importer.importFile(impostor.next(busyHostEvents(10, 1, 0))).status, Core::ImportStatus::Quarantined);
        QVERIFY(Core::TrustStore(**db).trust(trusted.key.publicKey(), QStringLiteral("epsilon")).ok());
        QCOMPARE(importer.importFile(trusted.next(busyHostEvents(10, 1, 0))).status, Core::ImportStatus::Imported);
        QCOMPARE(importer.importFile(impostor.next(busyHostEvents(10, 1, 100))).status,
                 Core::ImportStatus::Refused); // audited
    }
    Models::CaseSession session;
    Gui::HostsPage page(session);
    QVERIFY(openCase(session, location));
    QTRY_COMPARE(page.held()->rowCount(), 3); // delta and epsilon held, epsilon's refusal
    QTRY_COMPARE(page.hosts()->rowCount(), 5);
    const int epsilon = rowOf(*page.hosts(), QStringLiteral("epsilon"));
    QCOMPARE(page.hosts()->index(epsilon, HostListModel::Trust).data().toString(),
             QStringLiteral("KEY CONFLICT: 1 held"));
    QCOMPARE(page.hosts()->index(epsilon, HostListModel::Archives).data().toString(),
             QStringLiteral("1 verified, 1 signed by another key"));
    int row = -1;
    for (int r = 0; r < page.held()->heldCount(); ++r)
        row = page.held()->decision(r).hostname == QStringLiteral("epsilon") ? r : row;
    QVERIFY(row >= 0);
    QCOMPARE(page.held()->index(row, Models::HeldArchiveModel::State).data().toString(),
             QStringLiteral("key conflict"));
    QCOMPARE(page.held()->index(2, Models::HeldArchiveModel::State).data().toString(), QStringLiteral("REFUSED"));
    QVERIFY(page.held()->isRefusal(2) && !page.held()->decision(2).mayTrust());

    page.resize(700, 600);
    page.findChild<QTabWidget *>()->setCurrentIndex(1);
    saveShot(page, QStringLiteral("hosts-page-quarantine"));
    auto *dialog = page.decideTrust(row);
    QVERIFY(dialog);
    QCOMPARE(dialog->decision().kind, Models::TrustDecision::Kind::KeyConflict);
    QVERIFY(!dialog->trustButton()); // no trust with one click, nor with two
    QVERIFY(!dialog->confirmation());
    const QString shown = dialogText(*dialog);
    QVERIFY2(shown.contains(QStringLiteral("REFUSED")), qPrintable(shown));
    QVERIFY2(shown.contains(trusted.key.publicKey().fingerprint()), qPrintable(shown));
    QVERIFY2(shown.contains(impostor.key.publicKey().fingerprint()), qPrintable(shown));
    saveShot(*dialog, QStringLiteral("hosts-trustdialog-refused"));
    dialog->reject();

    // A signer that claims several hosts is refused as well.
    Core::HeldArchive one{1,
                          {},
                          {},
                          QStringLiteral("untrusted signer"),
                          {},
                          QStringLiteral("m1"),
                          QStringLiteral("h1"),
                          1,
                          QStringLiteral("ed25519:K"),
                          QStringLiteral("BLAKE2B:K"),
                          5,
                          0};
    Core::HeldArchive two = one;
    two.machineId = QStringLiteral("m2");
    const auto several = Models::assessTrust(one, {one, two}, {});
    QVERIFY(!several.mayTrust());
    QVERIFY2(several.reason.contains(QStringLiteral("2 different hosts")), qPrintable(several.reason));
    QVERIFY(Models::assessTrust(one, {one}, {}).mayTrust());
}

void TestHostsPage::trustJobReportsProgressAndErrors()
{
    const QString location = buildCase(QStringLiteral("job"));
    QVERIFY(!location.isEmpty());
    QString publicKey;
    {
        auto db = Core::Database::open(location);
        QVERIFY(db.ok());
        auto held = Core::TrustStore(**db).held();
        QVERIFY(held.ok() && held->size() == 1);
        publicKey = held->at(0).signer;
    }
    Models::CaseWorker writer;
    QVERIFY(writer.open(location).result().ok());
    Models::TrustJob job;
    QSignalSpy progress(&job, &Models::TrustJob::progress);
    QSignalSpy finished(&job, &Models::TrustJob::finished);
    job.start(writer, publicKey, QStringLiteral("delta's collector"));
    QVERIFY(job.isRunning());
    QVERIFY(finished.wait(20000));
    auto report = finished.at(0).at(0).value<Models::TrustReport>();
    QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
    QVERIFY(!report.cancelled);
    QCOMPARE(report.trust.added, true);
    QCOMPARE(report.imported(), 1);
    QCOMPARE(report.notImported(), 0);
    QVERIFY(progress.count() >= 1);
    QCOMPARE(progress.at(0).at(1).toInt(), 1); // one archive to import
    QVERIFY(progress.at(0).at(2).toString().endsWith(QStringLiteral("delta-1.frec")));

    // Errors name the object and the reason.
    job.start(writer, QStringLiteral("ed25519:not-a-key"), {});
    QCOMPARE(finished.count(), 1); // never from inside start(), however fast the writer was
    QVERIFY(finished.wait(20000));
    report = finished.at(1).at(0).value<Models::TrustReport>();
    QVERIFY2(report.error.startsWith(QStringLiteral("ed25519:not-a-key: not a public key")), qPrintable(report.error));
    // A writer without a case (it did not open) skips the job, which ends saying so.
    Models::CaseWorker closed;
    QVERIFY(!closed.open(m_dir.filePath(QStringLiteral("no/such/dir/case.sqlite"))).result().ok());
    job.start(closed, publicKey, {});
    QCOMPARE(finished.count(), 2);
    QVERIFY(finished.wait(20000));
    report = finished.at(2).at(0).value<Models::TrustReport>();
    QVERIFY2(report.error.contains(QStringLiteral("without a result")), qPrintable(report.error));
}

void TestHostsPage::emptyStatesSayWhy()
{
    Models::CaseSession session;
    Gui::HostsPage page(session);
    const auto shownTexts = [&page] {
        QStringList texts;
        for (const auto *label : page.findChildren<QLabel *>()) {
            if (!label->isHidden() && label->isVisibleTo(&page))
                texts << label->text();
        }
        return texts.join(u'\n');
    };
    QVERIFY2(shownTexts().contains(QStringLiteral("No case open")), qPrintable(shownTexts()));
    QVERIFY(openCase(session, m_dir.filePath(QStringLiteral("empty.sqlite"))));
    QTRY_VERIFY2(shownTexts().contains(QStringLiteral("This case has no hosts yet")), qPrintable(shownTexts()));
    QVERIFY(!shownTexts().contains(QStringLiteral("No case open")));

    QVERIFY(openCase(session, m_case));
    QTRY_COMPARE(page.hosts()->rowCount(), 4);
    QTRY_VERIFY(!shownTexts().contains(QStringLiteral("no hosts yet")));
    // No host selected: the archive list says what selecting one shows.
    QVERIFY2(shownTexts().contains(QStringLiteral("Select a host above")), qPrintable(shownTexts()));
    page.hostView()->selectRow(rowOf(*page.hosts(), QStringLiteral("delta")));
    QVERIFY2(shownTexts().contains(QStringLiteral("delta has no imported archives")), qPrintable(shownTexts()));
}

QTEST_MAIN(TestHostsPage)
#include "tst_hostspage.moc"
