// SPDX-License-Identifier: GPL-3.0-or-later
// The Indicators page on the GUI fixture case (the query scenario plus a busy host): its two models under
// QAbstractItemModelTester, a list added from a file through the page's updater (stored, matched, rows shown), a
// match selecting its evidence through the shared selection, an update that keeps an unchanged list, removal. With
// FLIGHT_SCREENSHOT_DIR set it saves the page with a list and its matches for a person to look at. Offscreen.
#include "guifixture.h"
#include "indicatorlistmodel.h"
#include "indicatormatchmodel.h"
#include "indicatorspage.h"
#include "indicatorupdater.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck;

class TestIndicatorsPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void addMatchSelectRemove();

private:
    QTemporaryDir m_dir;
    TestSupport::GuiCase m_case;
};

void TestIndicatorsPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(u"FlightRecorderTests"_s);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(u"settings"_s));
    m_case = TestSupport::buildGuiCase(m_dir.path(), 2000);
    QVERIFY2(m_case.error.isEmpty(), qPrintable(m_case.error));
}

void TestIndicatorsPage::addMatchSelectRemove()
{
    Models::CaseSession session;
    Gui::IndicatorsPage page(session);
    QAbstractItemModelTester listTester(page.listModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester matchTester(page.matchModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy opened(&session, &Models::CaseSession::opened);
    session.open(m_case.location);
    QVERIFY(opened.wait(10000));
    QTRY_COMPARE(page.listModel()->rowCount(), 0);

    const QString path = m_dir.filePath(u"analyst-feed.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# the case's known bad\n203.0.113.0/24\nevil.example\n/tmp/drop/*\nnot an indicator\n198.18.0.1\n");
    file.close();

    QSignalSpy finished(page.updater(), &Models::IndicatorUpdater::finished);
    page.updater()->addFile(path, {});
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    const QString message = finished.constLast().at(0).toString();
    QVERIFY2(message.startsWith("analyst-feed: 4 indicators; 1 lines rejected (line 5: "_L1), qPrintable(message));
    QVERIFY2(message.endsWith("6 new match(es)"_L1), qPrintable(message)); // 2 connections, 2 argv, a.sh, b.bin
    QVERIFY(finished.constLast().at(1).toBool()); // a rejected line is reported as a failure
    QTRY_COMPARE(page.listModel()->rowCount(), 1);
    QTRY_COMPARE(page.matchModel()->rowCount(), 6);
    const auto *lists = page.listModel();
    QCOMPARE(lists->data(lists->index(0, Models::IndicatorListModel::Name)).toString(), u"analyst-feed"_s);
    QCOMPARE(lists->data(lists->index(0, Models::IndicatorListModel::Indicators)).toInt(), 4);
    QCOMPARE(lists->data(lists->index(0, Models::IndicatorListModel::Matches)).toInt(), 6);

    // Activating the match of beta's connection selects its process, host and the remote end.
    int netRow = -1;
    for (int row = 0; row < page.matchModel()->rowCount(); ++row)
        if (page.matchModel()->matchAt(row).hostname == "beta"_L1
            && page.matchModel()->matchAt(row).about->type == Core::ObjectType::NetEvent)
            netRow = row;
    QVERIFY(netRow >= 0);
    QSignalSpy endpoint(&session.selection(), &Models::SelectionHub::endpointChanged);
    page.selectMatch(netRow);
    QVERIFY(endpoint.wait(10000));
    QCOMPARE(session.selection().endpoint()->address, u"203.0.113.5"_s);
    QCOMPARE(session.selection().endpoint()->port, 443);
    QCOMPARE(session.selection().host(), page.matchModel()->matchAt(netRow).hostId);
    QVERIFY(session.selection().process().has_value());

    // Updating re-reads the file: the same bytes leave the list as it is; nothing new matches.
    page.updater()->updateAll();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QCOMPARE(finished.constLast().at(0).toString(), u"analyst-feed: unchanged; 0 new match(es)"_s);

    if (const QString dir = qEnvironmentVariable("FLIGHT_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QDir().mkpath(dir);
        page.resize(1500, 800);
        page.show();
        QTest::qWait(300);
        QVERIFY(page.grab().save(dir + u"/indicators-page.png"_s));
    }

    page.listView()->setCurrentIndex(page.listModel()->index(0, 0));
    page.removeCurrent(false);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 30000);
    QCOMPARE(finished.constLast().at(0).toString(), u"analyst-feed: removed (its alerts stay)"_s);
    QTRY_COMPARE(page.listModel()->rowCount(), 0);
    QTRY_COMPARE(page.matchModel()->rowCount(), 6);
}

QTEST_MAIN(TestIndicatorsPage)
#include "tst_indicatorspage.moc"
