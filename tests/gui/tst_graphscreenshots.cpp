// SPDX-License-Identifier: GPL-3.0-or-later
// Screenshots of the file access graph and the network map with the fixture's incident selected (tst_screenshots
// shows every page as a case opens, before anything is selected): curl's files with /etc/passwd expanded, and the
// network map of curl's conversation; curl has a note, /etc/passwd, host alpha and the address 203.0.113.5 a bookmark,
// its port 443 a note (their markers show); alpha's accounts name its uid 1000 and gid 0, so that the Conversations
// table shows users and groups by name (gamma's by user name, its groups as numbers).
// For people to look at, under Xvfb; the test fails when the graph is empty or a label overlaps another label or a
// node.
#include "accountnames.h"
#include "casemarks.h"
#include "filegraphpage.h"
#include "graphnodes.h"
#include "graphpanel.h"
#include "graphtestcase.h"
#include "graphview.h"
#include "mainwindow.h"
#include "networkgraphsource.h"
#include "networkpage.h"
#include "processqueries.h"

#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Deck;
using namespace Qt::StringLiterals;

class TestGraphScreenshots : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void incident();

private:
    static void checkLabels(Gui::GraphView *view, const Models::GraphDocument &document);
    static void save(QWidget *window, const QString &name);
};

void TestGraphScreenshots::checkLabels(Gui::GraphView *view, const Models::GraphDocument &document)
{
    const QList<QRectF> labels = view->labelRects();
    for (qsizetype i = 0; i < labels.size(); ++i) {
        for (qsizetype j = i + 1; j < labels.size(); ++j)
            QVERIFY2(!labels[i].intersects(labels[j]), qPrintable(view->labels().join(u", "_s)));
        for (const auto &node : document.nodes())
            QVERIFY2(!labels[i].intersects(view->nodeRect(node.key)), qPrintable(node.label));
    }
}

void TestGraphScreenshots::save(QWidget *window, const QString &name)
{
    const QString out
        = qEnvironmentVariable("FLIGHT_SCREENSHOT_DIR", QDir::current().filePath(QStringLiteral("screenshots")));
    QVERIFY(QDir().mkpath(out));
    QVERIFY(window->grab().toImage().save(QDir(out).filePath(name)));
    qInfo("screenshot: %s", qPrintable(QDir(out).filePath(name)));
}

void TestGraphScreenshots::incident()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("FlightRecorderTests"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.filePath(QStringLiteral("settings")));
    const auto fixture = TestSupport::buildGraphCase(dir.path(), 3000);
    QVERIFY2(fixture.error.isEmpty(), qPrintable(fixture.error));
    {
        auto db = Core::Database::open(fixture.location);
        QVERIFY2(db.ok(), qPrintable(db.error().message));
        const qint64 alpha = *Core::findHost(**db, u"alpha"_s);
        const auto account = [](const QString &id, const QString &name) {
            return Flight::Format::StateItem{id, {{u"name"_s, name}}};
        };
        const Flight::Format::Event accounts{
            0, 0,
            Flight::Format::StateSnapshot{u"accounts"_s,
                                          {account(u"uid:1000"_s, u"alice"_s), account(u"gid:0"_s, u"root"_s)}}};
        QVERIFY((*db)->begin());
        QVERIFY(Core::storeAccounts(**db, alpha, 0, {accounts}).ok());
        QVERIFY((*db)->commit());
    }

    Gui::MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy opened(&window.session(), &Models::CaseSession::opened);
    window.openCase(fixture.location);
    QVERIFY(opened.wait(10000));
    Gui::FileGraphPage *files = nullptr;
    Gui::NetworkPage *network = nullptr;
    for (auto *page : window.pages()) {
        files = files ? files : qobject_cast<Gui::FileGraphPage *>(page);
        network = network ? network : qobject_cast<Gui::NetworkPage *>(page);
    }
    QVERIFY(files && network);

    auto found = window.session().worker().run([](Core::Database &db) {
        const qint64 alpha = *Core::findHost(db, u"alpha"_s);
        const qint64 delta = *Core::findHost(db, u"delta"_s);
        const qint64 passwd
            = db.scalar(u"SELECT id FROM paths WHERE path = ?"_s, {QByteArray("/etc/passwd")})->toLongLong();
        return std::tuple{alpha, Core::ProcessQueries(db).processByPid(alpha, 300)->id, delta,
                          Core::ProcessQueries(db).processByPid(delta, 700)->id, passwd};
    });
    found.waitForFinished();
    const auto [alpha, curl, delta, find, passwd] = found.result();
    auto &marks = Models::CaseMarks::of(window.session());
    QCOMPARE(marks.addNote({Core::ObjectType::Process, curl}, u"uploaded the password file"_s).result(), QString());
    QCOMPARE(marks.bookmark({Core::ObjectType::Path, passwd}).result(), QString());
    QCOMPARE(marks.bookmark({Core::ObjectType::Host, alpha}).result(), QString());
    QCOMPARE(marks.bookmark(Core::RemoteEndpoint{u"203.0.113.5"_s, std::nullopt}, u"C2"_s).result(), QString());
    QCOMPARE(marks.addNote(Core::RemoteEndpoint{u"203.0.113.5"_s, 443}, u"HTTPS beacon"_s).result(), QString());

    window.showPage(files);
    window.session().selection().setProcess(curl, alpha);
    QTRY_VERIFY_WITH_TIMEOUT(files->controller().document().node(Models::fileKey("/etc/passwd")), 10000);
    files->controller().expand(Models::fileKey("/etc/passwd"));
    QTRY_VERIFY_WITH_TIMEOUT(files->controller().document().nodes().size() == 4, 10000);
    for (const QString &marked : {Models::processKey(curl), Models::fileKey("/etc/passwd")})
        QTRY_VERIFY_WITH_TIMEOUT(!files->panel()->view()->markerRect(marked).isEmpty(), 10000);
    QTest::qWait(300);
    checkLabels(files->panel()->view(), files->controller().document());
    save(&window, u"graph-1-fileaccess.png"_s);

    // A process that touched thousands of files: the first ones, and "N more".
    window.session().selection().setProcess(find, delta);
    QTRY_VERIFY_WITH_TIMEOUT(files->controller().document().node(u"m:"_s + Models::processKey(find)), 10000);
    QTest::qWait(300);
    checkLabels(files->panel()->view(), files->controller().document());
    save(&window, u"graph-4-fileaccess-busy.png"_s);

    window.showPage(network);
    QTRY_VERIFY_WITH_TIMEOUT(network->conversations().rowCount() > 0, 10000);
    for (int row = 0; row < network->conversations().rowCount(); ++row) {
        if (network->conversations().conversation(row).comm == u"curl"_s)
            network->conversationsView()->setCurrentIndex(network->conversations().index(row, 0));
    }
    QTRY_VERIFY_WITH_TIMEOUT(!network->controller().isBusy(), 10000);
    network->controller().expand(Models::remoteKey(u"203.0.113.5"_s));
    QTRY_VERIFY_WITH_TIMEOUT(network->controller().document().nodes().size() >= 5, 10000);
    for (const QString &marked :
         {Models::processKey(curl), Models::hostKey(alpha), Models::remoteKey(u"203.0.113.5"_s)})
        QTRY_VERIFY_WITH_TIMEOUT(!network->panel()->view()->markerRect(marked).isEmpty(), 10000);
    QTest::qWait(300);
    checkLabels(network->panel()->view(), network->controller().document());
    save(&window, u"graph-2-network.png"_s);

    // A host's network: its processes and the addresses they talked to.
    network->controller().clear();
    network->controller().start(Models::hostSeed(alpha));
    QTRY_VERIFY_WITH_TIMEOUT(!network->controller().isBusy(), 10000);
    QTest::qWait(300);
    save(&window, u"graph-3-network-host.png"_s);
}

QTEST_MAIN(TestGraphScreenshots)
#include "tst_graphscreenshots.moc"
