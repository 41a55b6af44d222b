// SPDX-License-Identifier: GPL-3.0-or-later
// "Follow Process" and the network map's cross-host links on the stitching tests' case (stitchfixture.h: alpha and
// beta, beta's clock 2.5 s ahead): the chain model under QAbstractItemModelTester with its known tree, the dialog
// run on the case's worker with the clock offset and what could not be stitched, the action a view of processes
// gets, and the stitched edge of the network map drawn between the two processes. Screenshots of the dialog and of
// the map are written for people to look at.
#include "followprocessdialog.h"
#include "graphnodes.h"
#include "graphview.h"
#include "networkgraphsource.h"
#include "processqueries.h"
#include "stitchfixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Deck;
using namespace Deck::TestSupport;

class TestFollowProcess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void chainModel();
    void dialogShowsChainOffsetAndGaps();
    void actionOpensTheDialog();
    void networkMapDrawsStitchedLink();

private:
    qint64 processId(const QString &host, qint64 pid);
    bool openSession(Models::CaseSession &session);
    static void saveShot(QWidget &widget, const QString &name);

    QTemporaryDir m_dir;
    QString m_location;
    std::unique_ptr<Core::Database> m_db;
};

void TestFollowProcess::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_location = m_dir.filePath(QStringLiteral("stitch.sqlite"));
    auto db = openStitchCase(m_location, m_dir.filePath(QStringLiteral("archives")));
    QVERIFY2(db, qPrintable(db.error().message));
    m_db = std::move(*db);
}

qint64 TestFollowProcess::processId(const QString &host, qint64 pid)
{
    auto hostId = Core::findHost(*m_db, host);
    if (!hostId)
        return -1;
    auto row = Core::ProcessQueries(*m_db).processByPid(*hostId, pid);
    return row ? row->id : -1;
}

bool TestFollowProcess::openSession(Models::CaseSession &session)
{
    QSignalSpy opened(&session, &Models::CaseSession::opened);
    session.open(m_location);
    return opened.wait(10000);
}

void TestFollowProcess::saveShot(QWidget &widget, const QString &name)
{
    const QString out
        = qEnvironmentVariable("FLIGHT_SCREENSHOT_DIR", QDir::current().filePath(QStringLiteral("screenshots")));
    QDir().mkpath(out);
    QVERIFY(widget.grab().toImage().save(QDir(out).filePath(name)));
    qInfo("screenshot: %s", qPrintable(QDir(out).filePath(name)));
}

void TestFollowProcess::chainModel()
{
    auto chain = Core::FollowQueries(*m_db).follow(processId(QStringLiteral("alpha"), 1001));
    QVERIFY2(chain, qPrintable(chain.error().message));
    Models::FollowChainModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setChain(*chain);
    QCOMPARE(model.rowCount(), 1);
    QStringList path;
    for (QModelIndex at = model.index(0, 0); at.isValid(); at = model.index(0, 0, at))
        path << at.data().toString() + QStringLiteral(" @") + at.siblingAtColumn(1).data().toString();
    QCOMPARE(
        path,
        (QStringList{QStringLiteral("ssh (pid 1001) @alpha"), QStringLiteral("10.1.0.1:50001 → 10.1.0.2:22 tcp @alpha"),
                     QStringLiteral("sshd (pid 2001) @beta"), QStringLiteral("bash (pid 2002) @beta"),
                     QStringLiteral("id (pid 2003) @beta")}));
    const QModelIndex sshd = model.index(0, 0, model.index(0, 0, model.index(0, 0)));
    QCOMPARE(sshd.data(Models::FollowChainModel::ProcessIdRole).toLongLong(), processId(QStringLiteral("beta"), 2001));
    // Raw on beta's clock, corrected by the estimated 2502 ms to alpha's.
    const qint64 raw = chain->steps[2].rawTs;
    QCOMPARE(sshd.siblingAtColumn(Models::FollowChainModel::RawTimeColumn).data().toString(), Models::displayTime(raw));
    QCOMPARE(sshd.siblingAtColumn(Models::FollowChainModel::CorrectedTimeColumn).data().toString(),
             Models::displayTime(raw - 2'502'000'000));
    QCOMPARE(model.headerData(Models::FollowChainModel::CorrectedTimeColumn, Qt::Horizontal).toString(),
             QStringLiteral("Time on alpha's clock"));
    model.setChain({});
    QCOMPARE(model.rowCount(), 0);
}

void TestFollowProcess::dialogShowsChainOffsetAndGaps()
{
    Models::CaseSession session;
    QVERIFY(openSession(session));
    auto *dialog = new Gui::FollowProcessDialog(session, processId(QStringLiteral("alpha"), 1001));
    QSignalSpy loaded(dialog, &Gui::FollowProcessDialog::loaded);
    dialog->show();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(dialog->model()->chain().steps.size(), 5);
    const QString notes = dialog->findChildren<QLabel *>().constLast()->text();
    QVERIFY2(notes.contains(QStringLiteral("Clock of beta − clock of alpha: +2502.000 ms (median of 7 pair(s)")),
             qPrintable(notes));
    saveShot(*dialog, QStringLiteral("follow-process.png"));
    // Selecting a process of the chain selects it everywhere.
    QSignalSpy selected(&session.selection(), &Models::SelectionHub::processChanged);
    const QModelIndex sshd = dialog->model()->index(0, 0, dialog->model()->index(0, 0, dialog->model()->index(0, 0)));
    dialog->view()->setCurrentIndex(sshd);
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected[0][0].toLongLong(), processId(QStringLiteral("beta"), 2001));
    dialog->close();

    // A process whose connection could not be stitched says why.
    auto *nc = new Gui::FollowProcessDialog(session, processId(QStringLiteral("alpha"), 1003));
    QSignalSpy ncLoaded(nc, &Gui::FollowProcessDialog::loaded);
    QVERIFY(ncLoaded.wait(10000));
    const QString ncNotes = nc->findChildren<QLabel *>().constLast()->text();
    QVERIFY2(ncNotes.contains(QStringLiteral("no accept on beta: address translation (NAT)")), qPrintable(ncNotes));
    QVERIFY2(ncNotes.contains(QStringLiteral("No stitched connection")), qPrintable(ncNotes));
    delete nc;
}

void TestFollowProcess::actionOpensTheDialog()
{
    Models::CaseSession session;
    QVERIFY(openSession(session));
    constexpr int kIdRole = Qt::UserRole + 7;
    QStandardItemModel rows;
    auto *item = new QStandardItem(QStringLiteral("id"));
    item->setData(processId(QStringLiteral("beta"), 2003), kIdRole);
    rows.appendRow(item);
    QTreeView view;
    view.setModel(&rows);
    view.setCurrentIndex(rows.index(0, 0));
    QAction *action = Gui::FollowProcessDialog::attach(&view, nullptr, session, kIdRole);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_T));
    action->trigger();
    Gui::FollowProcessDialog *dialog = nullptr;
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *d = qobject_cast<Gui::FollowProcessDialog *>(w); d && d->isVisible())
            dialog = d;
    QVERIFY(dialog);
    // From the command on beta the chain starts at the ssh client on alpha.
    QTRY_COMPARE(dialog->model()->chain().steps.size(), 5);
    QCOMPARE(dialog->model()->index(0, 0).data().toString(), QStringLiteral("ssh (pid 1001)"));
    dialog->close();
}

void TestFollowProcess::networkMapDrawsStitchedLink()
{
    auto piece = Models::networkGraphPiece(*m_db, Models::overviewSeed(), {}, 40, 0);
    QVERIFY2(piece, qPrintable(piece.error().message));
    const QString ssh = Models::processKey(processId(QStringLiteral("alpha"), 1001));
    const QString sshd = Models::processKey(processId(QStringLiteral("beta"), 2001));
    const auto edge = std::find_if(piece->edges.cbegin(), piece->edges.cend(),
                                   [&](const Models::GraphEdge &e) { return e.from == ssh && e.to == sshd; });
    QVERIFY(edge != piece->edges.cend());
    QVERIFY(edge->stitched);
    QCOMPARE(edge->ops.firstKey(), QStringLiteral("tcp 22 to beta (stitched: 4-tuple+ssh-env)"));
    // The connection to the unmonitored host is an address, never a stitched edge.
    for (const Models::GraphEdge &e : piece->edges)
        QVERIFY(!e.stitched || !e.to.startsWith(QStringLiteral("r:")));
    Models::GraphDocument document;
    document.merge(*piece);
    document.layout();
    Gui::GraphView view;
    view.resize(1400, 800);
    view.setDocument(document);
    view.show();
    view.fit();
    saveShot(view, QStringLiteral("network-map-stitched.png"));
}

QTEST_MAIN(TestFollowProcess)
#include "tst_followprocess.moc"
