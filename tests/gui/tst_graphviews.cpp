// SPDX-License-Identifier: GPL-3.0-or-later
// The file access graph and the network map on the GUI case (offscreen): the Conversations and Endpoints models
// under QAbstractItemModelTester with the fixture's known rows, the graphs' nodes and edges for the known incident,
// the time limit, the size bound on a process that touched 100k files and on the busy host, and the pages' wiring
// to the selection hub (following it, and setting it on a click).
#include "filegraphpage.h"
#include "filegraphsource.h"
#include "graphnodes.h"
#include "graphpanel.h"
#include "graphtestcase.h"
#include "graphview.h"
#include "networkgraphsource.h"
#include "networkpage.h"
#include "processqueries.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSlider>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Deck;
using namespace Qt::StringLiterals;
using Models::GraphController;
using Models::NodeKind;

namespace {
constexpr int kBusyFiles = 100000;
constexpr int kWaitMs = 20000;
} // namespace

class TestGraphViews : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void conversationsModel();
    void endpointsModel();
    void fileGraphOfTheIncident();
    void fileGraphUpToATime();
    void fileGraphBoundedOnABusyProcess();
    void networkGraphOfTheIncident();
    void networkGraphBoundedOnTheBusyHost();
    void fileGraphPageFollowsAndSetsTheHub();
    void networkPageRowsSetTheHub();

private:
    qint64 processId(const QString &host, qint64 pid);
    qint64 hostId(const QString &host);
    bool waitFor(GraphController &controller);
    template <typename Model> bool loadAll(Model &model);

    QTemporaryDir m_dir;
    TestSupport::GuiCase m_case;
    Models::CaseSession m_session;
};

void TestGraphViews::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QElapsedTimer timer;
    timer.start();
    m_case = TestSupport::buildGraphCase(m_dir.path(), kBusyFiles);
    QVERIFY2(m_case.error.isEmpty(), qPrintable(m_case.error));
    qInfo("case with a %d-file process built in %lld ms", kBusyFiles, qint64(timer.elapsed()));
    QSignalSpy opened(&m_session, &Models::CaseSession::opened);
    m_session.open(m_case.location);
    QVERIFY(opened.wait(kWaitMs));
}

qint64 TestGraphViews::hostId(const QString &host)
{
    auto found = m_session.worker().run([host](Core::Database &db) { return Core::findHost(db, host); });
    found.waitForFinished();
    return found.result() ? *found.result() : -1;
}

qint64 TestGraphViews::processId(const QString &host, qint64 pid)
{
    const qint64 hostRow = hostId(host);
    auto found = m_session.worker().run(
        [hostRow, pid](Core::Database &db) { return Core::ProcessQueries(db).processByPid(hostRow, pid); });
    found.waitForFinished();
    return found.result() ? found.result()->id : -1;
}

bool TestGraphViews::waitFor(GraphController &controller)
{
    return QTest::qWaitFor([&] { return !controller.isBusy(); }, kWaitMs);
}

template <typename Model> bool TestGraphViews::loadAll(Model &model)
{
    for (int rounds = 0; rounds < 100; ++rounds) {
        if (!QTest::qWaitFor([&] { return !model.isLoading(); }, kWaitMs))
            return false;
        if (!model.canFetchMore({}))
            return true;
        model.fetchMore({});
    }
    return false;
}

void TestGraphViews::conversationsModel()
{
    Models::ConversationsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setWorker(&m_session.worker());
    QVERIFY(loadAll(model));
    // The busy host makes more than one page: all of them were fetched.
    QVERIFY2(model.total() > Models::AggregateTableModel::kPageRows, qPrintable(QString::number(model.total())));
    QCOMPARE(model.rowCount(), model.total());

    Core::NetworkFilter web;
    web.remoteAddress = u"203.0.113.5"_s;
    model.setFilter(web);
    QVERIFY(loadAll(model));
    QCOMPARE(model.rowCount(), 2);
    const auto text = [&](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(text(0, Models::ConversationsModel::Host), u"alpha"_s);
    QCOMPARE(text(0, Models::ConversationsModel::Protocol), u"tcp"_s);
    QCOMPARE(text(0, Models::ConversationsModel::Local), u"10.0.0.2:40300"_s);
    QCOMPARE(text(0, Models::ConversationsModel::Remote), u"203.0.113.5:443"_s);
    QCOMPARE(text(0, Models::ConversationsModel::Process), u"curl [300]"_s);
    QCOMPARE(text(0, Models::ConversationsModel::User), u"1000"_s); // alpha's collector named no account
    QCOMPARE(text(0, Models::ConversationsModel::Group), u"0"_s);
    QCOMPARE(text(0, Models::ConversationsModel::Events), u"1"_s);
    QVERIFY(text(0, Models::ConversationsModel::First).endsWith(u" UTC"_s));
    QCOMPARE(text(1, Models::ConversationsModel::Host), u"beta"_s);
    QCOMPARE(text(1, Models::ConversationsModel::Process), u"wget [500]"_s);
    QCOMPARE(text(1, Models::ConversationsModel::Local), u"10.0.0.9:40500"_s);

    // Sorted by the query: by process name, descending.
    model.sort(Models::ConversationsModel::Process, Qt::DescendingOrder);
    QVERIFY(loadAll(model));
    QCOMPARE(text(0, Models::ConversationsModel::Process), u"wget [500]"_s);

    Core::NetworkFilter ssh;
    ssh.remoteAddress = u"198.51.100.7"_s;
    model.setFilter(ssh);
    QVERIFY(loadAll(model));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(text(0, Models::ConversationsModel::Process), u"python3 [400]"_s);
    QCOMPARE(text(0, Models::ConversationsModel::Remote), u"198.51.100.7:22"_s);
    model.setWorker(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestGraphViews::endpointsModel()
{
    Models::EndpointsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setWorker(&m_session.worker());
    QVERIFY(loadAll(model));
    QVERIFY(model.rowCount() > 2);
    QCOMPARE(model.rowCount(), model.total());
    QHash<QString, int> rows;
    for (int row = 0; row < model.rowCount(); ++row)
        rows.insert(model.index(row, Models::EndpointsModel::Address).data().toString(), row);
    QVERIFY(rows.contains(u"203.0.113.5"_s));
    const auto text = [&](const QString &address, int column) {
        return model.index(rows.value(address), column).data().toString();
    };
    QCOMPARE(text(u"203.0.113.5"_s, Models::EndpointsModel::Ports), u"443"_s);
    QCOMPARE(text(u"203.0.113.5"_s, Models::EndpointsModel::Events), u"2"_s);
    QCOMPARE(text(u"203.0.113.5"_s, Models::EndpointsModel::Conversations), u"2"_s);
    QCOMPARE(text(u"203.0.113.5"_s, Models::EndpointsModel::Processes), u"curl, wget"_s);
    QCOMPARE(text(u"203.0.113.5"_s, Models::EndpointsModel::Hosts), u"2"_s);
    QCOMPARE(text(u"198.51.100.7"_s, Models::EndpointsModel::Ports), u"22"_s);
    QCOMPARE(text(u"198.51.100.7"_s, Models::EndpointsModel::Processes), u"python3"_s);

    model.sort(Models::EndpointsModel::Address, Qt::AscendingOrder);
    QVERIFY(loadAll(model));
    QStringList addresses;
    for (int row = 0; row < model.rowCount(); ++row)
        addresses << model.index(row, Models::EndpointsModel::Address).data().toString();
    QStringList sorted = addresses;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(addresses, sorted); // text order, as SQL compares text
}

void TestGraphViews::fileGraphOfTheIncident()
{
    GraphController controller(&Models::fileGraphPiece, 1);
    controller.setWorker(&m_session.worker());
    const qint64 curl = processId(u"alpha"_s, 300);
    controller.start(Models::processSeed(curl, hostId(u"alpha"_s), 0));
    QVERIFY(waitFor(controller));
    const auto &graph = controller.document();
    const auto *process = graph.node(Models::processKey(curl));
    QVERIFY(process);
    QCOMPARE(process->label, u"curl [300]"_s);
    QVERIFY(process->expanded);
    QVERIFY(graph.node(Models::fileKey("/etc/passwd")));
    QVERIFY(graph.node(Models::fileKey("/tmp/drop/a.sh")));
    QCOMPARE(graph.nodes().size(), 3);
    QCOMPARE(graph.edges().size(), 2);
    QMap<QString, QMap<QString, qint64>> ops;
    for (const auto &edge : graph.edges())
        ops.insert(edge.to, edge.ops);
    QCOMPARE(ops.value(Models::fileKey("/etc/passwd")), (QMap<QString, qint64>{{u"open"_s, 1}}));
    QCOMPARE(ops.value(Models::fileKey("/tmp/drop/a.sh")), (QMap<QString, qint64>{{u"write"_s, 1}}));

    // One step from /etc/passwd: python3 (400) read it too.
    controller.expand(Models::fileKey("/etc/passwd"));
    QVERIFY(waitFor(controller));
    const qint64 python = processId(u"alpha"_s, 400);
    QVERIFY(controller.document().node(Models::processKey(python)));
    QCOMPARE(controller.document().node(Models::processKey(python))->label, u"python3 [400]"_s);
    QCOMPARE(controller.document().edges().size(), 3);
    // Laid out: processes left, files right, one row each.
    for (const auto &node : controller.document().nodes())
        QCOMPARE(node.column, node.kind == NodeKind::Process ? 0 : 1);
    QSet<std::pair<int, int>> places;
    for (const auto &node : controller.document().nodes())
        places.insert({node.column, node.row});
    QCOMPARE(places.size(), controller.document().nodes().size());
}

void TestGraphViews::fileGraphUpToATime()
{
    GraphController controller(&Models::fileGraphPiece, 1);
    controller.setWorker(&m_session.worker());
    controller.start(Models::fileSeed("/etc/passwd"));
    QVERIFY(waitFor(controller));
    const qint64 python = processId(u"alpha"_s, 400);
    QVERIFY(controller.document().node(Models::processKey(python)));
    controller.expand(Models::processKey(python));
    QVERIFY(waitFor(controller));
    QCOMPARE(controller.document().nodes().size(), 3); // passwd, curl, python3 (it touched nothing else)

    // Up to 1 s after the base time: python3 (started at 1.01 s) had not read it yet; its expansion is not replayed.
    controller.setRange({std::nullopt, TestSupport::QueryScenario::at(1000)});
    QVERIFY(waitFor(controller));
    QVERIFY(!controller.document().node(Models::processKey(python)));
    QVERIFY(controller.document().node(Models::processKey(processId(u"alpha"_s, 300))));
    controller.setRange({});
    QVERIFY(waitFor(controller));
    QVERIFY(controller.document().node(Models::processKey(python)));
}

void TestGraphViews::fileGraphBoundedOnABusyProcess()
{
    GraphController controller(&Models::fileGraphPiece, 1);
    controller.setWorker(&m_session.worker());
    const qint64 find = processId(u"delta"_s, 700);
    QElapsedTimer timer;
    timer.start();
    int ticks = 0;
    QTimer ticker; // the GUI thread keeps running while the worker reads
    connect(&ticker, &QTimer::timeout, [&ticks] { ++ticks; });
    ticker.start(5);
    controller.start(Models::processSeed(find, hostId(u"delta"_s), 0));
    QVERIFY(waitFor(controller));
    qInfo("first expansion of a %d-file process: %lld ms (GUI ticks meanwhile: %d)", kBusyFiles,
          qint64(timer.elapsed()), ticks);
    const auto &graph = controller.document();
    QCOMPARE(graph.nodes().size(), 1 + Models::GraphDocument::kPerExpansion + 1);
    const auto *more = graph.node(u"m:"_s + Models::processKey(find));
    QVERIFY(more);
    QCOMPARE(more->id, kBusyFiles + 1 - Models::GraphDocument::kPerExpansion); // + the rename target
    QCOMPARE(graph.hidden(), more->id);

    // "More" continues the expansion until the graph is full; it never grows past its bound.
    for (int i = 0; i < 20 && !controller.document().full(); ++i) {
        controller.expand(u"m:"_s + Models::processKey(find));
        QVERIFY(waitFor(controller));
    }
    QVERIFY(controller.document().full());
    qsizetype real = 0;
    for (const auto &node : controller.document().nodes())
        real += node.kind == NodeKind::More ? 0 : 1;
    QVERIFY2(real <= Models::GraphDocument::kMaxNodes, qPrintable(QString::number(real)));
    QVERIFY(controller.document().hidden() > kBusyFiles - Models::GraphDocument::kMaxNodes);
}

void TestGraphViews::networkGraphOfTheIncident()
{
    GraphController controller(&Models::networkGraphPiece, 3);
    controller.setWorker(&m_session.worker());
    controller.start(Models::remoteSeed(u"203.0.113.5"_s));
    QVERIFY(waitFor(controller));
    const auto &graph = controller.document();
    const qint64 curl = processId(u"alpha"_s, 300);
    const qint64 wget = processId(u"beta"_s, 500);
    QVERIFY(graph.node(Models::processKey(curl)));
    QVERIFY(graph.node(Models::processKey(wget)));
    QCOMPARE(graph.node(Models::hostKey(hostId(u"alpha"_s)))->label, u"alpha"_s);
    QCOMPARE(graph.node(Models::hostKey(hostId(u"beta"_s)))->label, u"beta"_s);
    QCOMPARE(graph.nodes().size(), 5);
    QStringList ops;
    for (const auto &edge : graph.edges()) {
        if (edge.to == Models::remoteKey(u"203.0.113.5"_s))
            ops << edge.ops.keys();
    }
    QCOMPARE(ops, (QStringList{u"tcp 443"_s, u"tcp 443"_s}));
    QCOMPARE(graph.node(Models::remoteKey(u"203.0.113.5"_s))->column, 2);
    QCOMPARE(graph.node(Models::processKey(curl))->column, Models::kNetworkProcessColumn);

    controller.start(Models::processSeed(processId(u"alpha"_s, 400), 0, Models::kNetworkProcessColumn));
    QVERIFY(waitFor(controller));
    QVERIFY(controller.document().node(Models::remoteKey(u"198.51.100.7"_s)));
}

void TestGraphViews::networkGraphBoundedOnTheBusyHost()
{
    GraphController controller(&Models::networkGraphPiece, 3);
    controller.setWorker(&m_session.worker());
    const qint64 gamma = hostId(u"gamma"_s);
    controller.start(Models::hostSeed(gamma));
    QVERIFY(waitFor(controller));
    const auto *more = controller.document().node(u"m:"_s + Models::hostKey(gamma));
    QVERIFY(more);
    QVERIFY(more->id > 0);
    for (int i = 0; i < 30 && !controller.document().full(); ++i) {
        controller.expand(more->key);
        QVERIFY(waitFor(controller));
        more = controller.document().node(u"m:"_s + Models::hostKey(gamma));
        QVERIFY(more);
    }
    QVERIFY(controller.document().full());
    QVERIFY(controller.document().nodes().size() <= Models::GraphDocument::kMaxNodes + 1);
}

void TestGraphViews::fileGraphPageFollowsAndSetsTheHub()
{
    Gui::FileGraphPage page(m_session);
    page.resize(1200, 700);
    page.show();
    auto &hub = m_session.selection();
    const qint64 curl = processId(u"alpha"_s, 300);
    hub.setProcess(curl, hostId(u"alpha"_s));
    QVERIFY(waitFor(page.controller()));
    auto *view = page.panel()->view();
    QCOMPARE(view->current(), Models::processKey(curl));
    const QRectF passwd = view->nodeRect(Models::fileKey("/etc/passwd"));
    QVERIFY(!passwd.isEmpty());
    QVERIFY(view->labels().contains(u"open"_s));
    QVERIFY(view->labels().contains(u"write"_s));

    // Click a file: it becomes the selected path; double-click: it expands to python3.
    const QPoint at = view->mapFromScene(passwd.center());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(hub.path(), QByteArray("/etc/passwd"));
    QCOMPARE(page.controller().document().nodes().size(), 3); // followed without starting over
    QTest::keyClick(view, Qt::Key_Return); // Enter expands the selected node, as a double-click does
    QVERIFY(waitFor(page.controller()));
    const qint64 python = processId(u"alpha"_s, 400);
    QVERIFY(page.controller().document().node(Models::processKey(python)));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->mapFromScene(view->nodeRect(Models::processKey(python)).center()));
    QCOMPARE(hub.process(), std::optional<qint64>(python));

    // Labels overlap neither nodes nor each other.
    const QList<QRectF> labels = view->labelRects();
    QCOMPARE(labels.size(), 3);
    for (qsizetype i = 0; i < labels.size(); ++i) {
        for (qsizetype j = i + 1; j < labels.size(); ++j)
            QVERIFY(!labels[i].intersects(labels[j]));
        for (const auto &node : page.controller().document().nodes())
            QVERIFY(!labels[i].intersects(view->nodeRect(node.key)));
    }

    // The time slider all the way left: only what happened at the very start remains.
    page.panel()->slider()->setValue(0);
    QTRY_VERIFY_WITH_TIMEOUT(page.controller().range().to.has_value(), kWaitMs);
    QVERIFY(waitFor(page.controller()));
    QVERIFY(!page.controller().document().node(Models::processKey(python)));
    page.panel()->slider()->setValue(page.panel()->slider()->maximum());
    QTRY_VERIFY_WITH_TIMEOUT(!page.controller().range().to.has_value(), kWaitMs);

    // A process without file events: the graph says so.
    hub.setProcess(processId(u"alpha"_s, 200), hostId(u"alpha"_s));
    QVERIFY(waitFor(page.controller()));
    QCOMPARE(page.panel()->statusText(), u"bash [200]: no file events in this time range."_s);

    // The hub's time range limits the graph too.
    hub.setTimeRange({std::nullopt, TestSupport::QueryScenario::at(1000)});
    QTRY_VERIFY_WITH_TIMEOUT(page.controller().range().to == TestSupport::QueryScenario::at(1000), kWaitMs);
    hub.setTimeRange({});
}

void TestGraphViews::networkPageRowsSetTheHub()
{
    Gui::NetworkPage page(m_session);
    page.resize(1200, 800);
    page.show();
    QVERIFY(waitFor(page.controller()));
    QVERIFY(!page.controller().document().isEmpty()); // the overview of every host
    QVERIFY(loadAll(page.conversations()));
    int curlRow = -1;
    for (int row = 0; row < page.conversations().rowCount(); ++row) {
        if (page.conversations().conversation(row).comm == u"curl"_s)
            curlRow = row;
    }
    QVERIFY(curlRow >= 0);
    auto &hub = m_session.selection();
    page.conversationsView()->setCurrentIndex(page.conversations().index(curlRow, 0));
    const qint64 curl = processId(u"alpha"_s, 300);
    QCOMPARE(hub.process(), std::optional<qint64>(curl));
    QCOMPARE(hub.endpoint(), (std::optional<Models::Endpoint>(Models::Endpoint{u"203.0.113.5"_s, 443})));
    QVERIFY(waitFor(page.controller()));
    QVERIFY(page.controller().document().node(Models::remoteKey(u"203.0.113.5"_s)));
    QCOMPARE(page.panel()->view()->current(), Models::processKey(curl));

    QVERIFY(loadAll(page.endpoints()));
    int sshRow = -1;
    for (int row = 0; row < page.endpoints().rowCount(); ++row) {
        if (page.endpoints().endpoint(row).address == u"198.51.100.7"_s)
            sshRow = row;
    }
    QVERIFY(sshRow >= 0);
    page.endpointsView()->setCurrentIndex(page.endpoints().index(sshRow, 0));
    QCOMPARE(hub.endpoint(), (std::optional<Models::Endpoint>(Models::Endpoint{u"198.51.100.7"_s, std::nullopt})));
    QVERIFY(waitFor(page.controller()));
    QVERIFY(page.controller().document().node(Models::processKey(processId(u"alpha"_s, 400))));

    // A node click selects its process.
    auto *view = page.panel()->view();
    const qint64 python = processId(u"alpha"_s, 400);
    hub.setProcess(curl, hostId(u"alpha"_s));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->mapFromScene(view->nodeRect(Models::processKey(python)).center()));
    QCOMPARE(hub.process(), std::optional<qint64>(python));
}

QTEST_MAIN(TestGraphViews)
#include "tst_graphviews.moc"
