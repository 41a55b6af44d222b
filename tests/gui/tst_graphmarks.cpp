// SPDX-License-Identifier: GPL-3.0-or-later
// Bookmarks and notes in the graph views (offscreen), on the GUI case: a bookmark and a note made from a node's
// context menu (and a note from the keyboard) of the file access graph and of the network map land in the case on
// the node's object (a file's interned path, a process, a host, a remote address), the node shows the marker of the
// other views with the note in its tooltip, and the marker goes when the mark is removed (in any view: CaseMarks).
// A remote address is marked from its node and from the Endpoints table, an address:port from the Conversations
// table (its marks show on the address's node); the Bookmarks & Notes page lists them by address and jumps back to
// them (the shared endpoint, the network map's current node); the Endpoints and Conversations tables (under
// QAbstractItemModelTester) show the markers beside the address.
#include "casemarks.h"
#include "filegraphpage.h"
#include "graphmarks.h"
#include "graphnodes.h"
#include "graphpanel.h"
#include "graphview.h"
#include "guifixture.h"
#include "markactions.h"
#include "marksmodel.h"
#include "markspage.h"
#include "networkpage.h"
#include "processqueries.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QInputDialog>
#include <QMenu>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Deck;
using namespace Qt::StringLiterals;

namespace {
constexpr int kWaitMs = 20000;
} // namespace

class TestGraphMarks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void fileGraphNodes();
    void networkMapNodes();

private:
    template <typename Query> auto onWorker(Query query);
    qint64 hostId(const QString &host);
    qint64 processId(const QString &host, qint64 pid);
    qint64 endpointId(const QString &address, qint64 port); // port -1: the address alone
    // Opens `view`'s context menu on the node `key` and picks `text` from it (an empty text: closes it); whether the
    // item was there and enabled.
    bool pick(Gui::GraphView *view, const QString &key, const QString &text);
    void answerNextDialog(const QString &text);
    // The case's marks as "<type> <id>" ("path 3", "process 7") and note texts.
    QStringList bookmarks();
    QStringList notes();
    bool removeNotesAndBookmarks();

    QTemporaryDir m_dir;
    TestSupport::GuiCase m_case;
    Models::CaseSession m_session;
};

void TestGraphMarks::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_case = TestSupport::buildGuiCase(m_dir.path());
    QVERIFY2(m_case.error.isEmpty(), qPrintable(m_case.error));
    QSignalSpy opened(&m_session, &Models::CaseSession::opened);
    m_session.open(m_case.location);
    QVERIFY(opened.wait(kWaitMs));
}

template <typename Query> auto TestGraphMarks::onWorker(Query query)
{
    auto future = m_session.worker().run(std::move(query));
    future.waitForFinished();
    return future.result();
}

qint64 TestGraphMarks::hostId(const QString &host)
{
    const auto found = onWorker([host](Core::Database &db) { return Core::findHost(db, host); });
    return found ? *found : -1;
}

qint64 TestGraphMarks::processId(const QString &host, qint64 pid)
{
    const qint64 hostRow = hostId(host);
    const auto found
        = onWorker([hostRow, pid](Core::Database &db) { return Core::ProcessQueries(db).processByPid(hostRow, pid); });
    return found ? found->id : -1;
}

QStringList TestGraphMarks::bookmarks()
{
    const auto found = onWorker([](Core::Database &db) { return Core::CaseNotes(db).bookmarks(); });
    QStringList marks;
    for (const Core::Bookmark &b : found ? *found : QList<Core::Bookmark>())
        marks << Core::objectTypeName(b.object.type) + u' ' + QString::number(b.object.id);
    return marks;
}

QStringList TestGraphMarks::notes()
{
    const auto found = onWorker([](Core::Database &db) { return Core::CaseNotes(db).notes(); });
    QStringList marks;
    for (const Core::Note &n : found ? *found : QList<Core::Note>())
        marks << Core::objectTypeName(n.object.type) + u' ' + QString::number(n.object.id) + u": "_s + n.text;
    return marks;
}

bool TestGraphMarks::removeNotesAndBookmarks()
{
    auto &marks = Models::CaseMarks::of(m_session);
    const auto allNotes = onWorker([](Core::Database &db) { return Core::CaseNotes(db).notes(); });
    const auto allBookmarks = onWorker([](Core::Database &db) { return Core::CaseNotes(db).bookmarks(); });
    if (!allNotes || !allBookmarks)
        return false;
    for (const Core::Note &note : *allNotes) {
        if (!marks.removeNote(note.id).result().isEmpty())
            return false;
    }
    for (const Core::Bookmark &bookmark : *allBookmarks) {
        if (!marks.removeBookmark(bookmark.id).result().isEmpty())
            return false;
    }
    return true;
}

bool TestGraphMarks::pick(Gui::GraphView *view, const QString &key, const QString &text)
{
    const QRectF node = view->nodeRect(key);
    if (node.isEmpty())
        return false;
    bool enabled = false;
    bool shown = false;
    auto *timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, [&, timer] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        timer->stop();
        timer->deleteLater();
        shown = true;
        for (QAction *action : menu->actions()) {
            if (action->text() == text) {
                enabled = action->isEnabled();
                if (enabled)
                    action->trigger();
            }
        }
        menu->close();
    });
    timer->start(20);
    Q_EMIT view->customContextMenuRequested(view->mapFromScene(node.center()));
    return shown && enabled;
}

void TestGraphMarks::answerNextDialog(const QString &text)
{
    auto *timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, [timer, text] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        timer->stop();
        timer->deleteLater();
        dialog->setTextValue(text);
        dialog->accept();
    });
    timer->start(20);
}

void TestGraphMarks::fileGraphNodes()
{
    Gui::FileGraphPage page(m_session);
    page.resize(1200, 700);
    page.show();
    const qint64 curl = processId(u"alpha"_s, 300);
    m_session.selection().setProcess(curl, hostId(u"alpha"_s));
    QTRY_VERIFY_WITH_TIMEOUT(page.controller().document().node(Models::fileKey("/etc/passwd")), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!page.controller().isBusy(), kWaitMs);
    auto *view = page.panel()->view();
    const QString passwd = Models::fileKey("/etc/passwd");
    const QString curlKey = Models::processKey(curl);
    QVERIFY(view->marks().isEmpty());
    QVERIFY(view->markerRect(passwd).isEmpty());

    // The file's context menu: a bookmark on its interned path.
    QVERIFY(pick(view, passwd, u"&Bookmark"_s));
    QTRY_COMPARE_WITH_TIMEOUT(bookmarks().size(), 1, kWaitMs);
    const auto pathId = onWorker([](Core::Database &db) {
        return db.scalar(u"SELECT id FROM paths WHERE path = ?"_s, {QByteArray("/etc/passwd")});
    });
    QVERIFY(pathId && pathId->toLongLong() > 0);
    QCOMPARE(bookmarks(), QStringList{u"path %1"_s.arg(pathId->toLongLong())});
    QTRY_VERIFY_WITH_TIMEOUT(!view->markerRect(passwd).isEmpty(), kWaitMs);
    QCOMPARE(view->marks().value(passwd), u"Bookmarked"_s);
    QVERIFY(view->nodeRect(passwd).contains(view->markerRect(passwd)));
    QVERIFY(view->markerRect(curlKey).isEmpty());

    // The process's note, from the keyboard on the current node (Ctrl+Alt+C's action), with the input dialog.
    view->setCurrent(curlKey);
    answerNextDialog(u"exfiltrated the password file"_s);
    page.marks()->actions()->noteAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(notes(), QStringList{u"process %1: exfiltrated the password file"_s.arg(curl)}, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!view->markerRect(curlKey).isEmpty(), kWaitMs);
    QCOMPARE(view->marks().value(curlKey), u"Note: exfiltrated the password file"_s);

    // A new graph with the marked nodes shows their markers at once.
    page.controller().expand(passwd);
    QTRY_VERIFY_WITH_TIMEOUT(page.controller().document().nodes().size() > 3, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!view->markerRect(passwd).isEmpty() && !view->markerRect(curlKey).isEmpty(), kWaitMs);

    // Removed in any view: the markers go.
    QVERIFY(removeNotesAndBookmarks());
    QTRY_VERIFY_WITH_TIMEOUT(view->markerRect(curlKey).isEmpty(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(view->markerRect(passwd).isEmpty(), kWaitMs);
    QVERIFY(view->marks().isEmpty());
}

void TestGraphMarks::networkMapNodes()
{
    Gui::NetworkPage page(m_session);
    QAbstractItemModelTester conversationsTester(&page.conversations(),
                                                 QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester endpointsTester(&page.endpoints(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.resize(1200, 800);
    page.show();
    QTRY_VERIFY_WITH_TIMEOUT(!page.controller().isBusy() && !page.controller().document().isEmpty(), kWaitMs);
    auto *view = page.panel()->view();
    const qint64 alpha = hostId(u"alpha"_s);
    const qint64 curl = processId(u"alpha"_s, 300);
    const QString hostKey = Models::hostKey(alpha);
    const QString curlKey = Models::processKey(curl);
    const QString remote = Models::remoteKey(u"203.0.113.5"_s);
    QVERIFY(page.controller().document().node(hostKey));
    QVERIFY(page.controller().document().node(curlKey));
    QVERIFY(page.controller().document().node(remote));
    QVERIFY(view->markerRect(remote).isEmpty());

    QVERIFY(pick(view, hostKey, u"&Bookmark"_s));
    QTRY_COMPARE_WITH_TIMEOUT(bookmarks(), QStringList{u"host %1"_s.arg(alpha)}, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!view->markerRect(hostKey).isEmpty(), kWaitMs);
    // The tables' picture (a ribbon for a bookmark), not the note's square.
    QCOMPARE(view->markerRect(hostKey).size(), QSizeF(Models::markImage(true, false).size()));

    answerNextDialog(u"talked to the C2"_s);
    QVERIFY(pick(view, curlKey, u"Add &Note..."_s));
    QTRY_COMPARE_WITH_TIMEOUT(notes(), QStringList{u"process %1: talked to the C2"_s.arg(curl)}, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!view->markerRect(curlKey).isEmpty(), kWaitMs);
    QCOMPARE(view->marks().value(curlKey), u"Note: talked to the C2"_s);

    // A remote address: interned as an endpoint when first marked, once.
    QVERIFY(pick(view, remote, u"&Bookmark"_s));
    QTRY_COMPARE_WITH_TIMEOUT(bookmarks().size(), 2, kWaitMs);
    const qint64 address = endpointId(u"203.0.113.5"_s, -1);
    QVERIFY(address > 0);
    QCOMPARE(bookmarks().at(1), u"endpoint %1"_s.arg(address));
    QTRY_VERIFY_WITH_TIMEOUT(!view->markerRect(remote).isEmpty(), kWaitMs);
    QCOMPARE(view->marks().value(remote), u"Bookmarked"_s);
    QVERIFY(pick(view, remote, u"&Bookmark"_s)); // already bookmarked: no second one
    QTest::qWait(200);
    QCOMPARE(bookmarks().size(), 2);

    // Its address:port, from the Conversations table (the keyboard's action on the current row).
    auto *conversations = page.conversationsView();
    QTRY_VERIFY_WITH_TIMEOUT(page.conversations().rowCount() > 0, kWaitMs);
    int row = -1;
    for (int i = 0; i < page.conversations().rowCount() && row < 0; ++i) {
        const auto &conversation = page.conversations().conversation(i);
        if (conversation.raddr == "203.0.113.5"_L1 && conversation.rport)
            row = i;
    }
    QVERIFY(row >= 0);
    const qint64 port = *page.conversations().conversation(row).rport;
    conversations->setCurrentIndex(page.conversations().index(row, 0));
    auto *noteAction = conversations->findChild<QAction *>(u"addNoteAction"_s);
    QVERIFY(noteAction);
    answerNextDialog(u"beacon"_s);
    noteAction->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(notes().size(), 2, kWaitMs);
    const qint64 withPort = endpointId(u"203.0.113.5"_s, port);
    QVERIFY(withPort > 0 && withPort != address);
    QCOMPARE(notes().at(1), u"endpoint %1: beacon"_s.arg(withPort));
    const QString portText = u"203.0.113.5:%1"_s.arg(port);
    QTRY_COMPARE_WITH_TIMEOUT(view->marks().value(remote), u"Bookmarked\nNote on %1: beacon"_s.arg(portText), kWaitMs);

    // The Endpoints table names the address: the same endpoint row as the node's.
    QTRY_VERIFY_WITH_TIMEOUT(page.endpoints().rowCount() > 0, kWaitMs);
    auto *endpointsView = page.endpointsView();
    for (int i = 0; i < page.endpoints().rowCount(); ++i) {
        if (page.endpoints().endpoint(i).address == "203.0.113.5"_L1)
            endpointsView->setCurrentIndex(page.endpoints().index(i, 0));
    }
    answerNextDialog(u"the C2"_s);
    endpointsView->findChild<QAction *>(u"addNoteAction"_s)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(notes().size(), 3, kWaitMs);
    QCOMPARE(notes().at(2), u"endpoint %1: the C2"_s.arg(address));
    QCOMPARE(
        onWorker([](Core::Database &db) { return db.scalar(u"SELECT COUNT(*) FROM remote_endpoints"_s); })->toInt(), 2);
    // The tables' markers: the address's bookmark and note in Endpoints, the port's note in Conversations (only in
    // the column that names the endpoint).
    int endpointRow = -1;
    for (int i = 0; i < page.endpoints().rowCount(); ++i) {
        if (page.endpoints().endpoint(i).address == "203.0.113.5"_L1)
            endpointRow = i;
    }
    const QModelIndex addressCell = page.endpoints().index(endpointRow, Models::EndpointsModel::Address);
    QTRY_COMPARE_WITH_TIMEOUT(addressCell.data(Qt::DecorationRole).value<QImage>(), Models::markImage(true, true),
                              kWaitMs);
    QCOMPARE(addressCell.data(Qt::ToolTipRole).toString(), u"Bookmarked\nNote: the C2"_s);
    QVERIFY(!page.endpoints().index(endpointRow, Models::EndpointsModel::Ports).data(Qt::DecorationRole).isValid());
    const QModelIndex remoteCell = page.conversations().index(row, Models::ConversationsModel::Remote);
    QCOMPARE(remoteCell.data(Qt::DecorationRole).value<QImage>(), Models::markImage(false, true));
    QCOMPARE(remoteCell.data(Qt::ToolTipRole).toString(), u"Note: beacon"_s);

    // The Bookmarks & Notes page: the address in words, and back to it.
    Gui::MarksPage marks(m_session);
    marks.model()->reload(); // a page made while the case is open reads its list at the next change (or now)
    QTRY_COMPARE_WITH_TIMEOUT(marks.model()->rowCount(), 5, kWaitMs);
    QStringList objects;
    int noteRow = -1;
    for (int i = 0; i < marks.model()->rowCount(); ++i) {
        objects << marks.model()->index(i, Models::MarksModel::Object).data().toString();
        if (marks.model()->mark(i).text == "beacon"_L1)
            noteRow = i;
    }
    QVERIFY2(objects.contains(u"203.0.113.5"_s) && objects.contains(portText), qPrintable(objects.join(u" | "_s)));
    QCOMPARE(marks.model()->index(noteRow, Models::MarksModel::ObjectType).data().toString(), u"remote endpoint"_s);
    m_session.selection().setEndpoint(std::nullopt);
    view->setCurrent(curlKey);
    marks.select(noteRow);
    QCOMPARE(m_session.selection().endpoint(), (Models::Endpoint{u"203.0.113.5"_s, port}));
    QCOMPARE(view->current(), remote);

    QVERIFY(removeNotesAndBookmarks());
    QTRY_VERIFY_WITH_TIMEOUT(view->markerRect(curlKey).isEmpty(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(view->markerRect(hostKey).isEmpty(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(view->markerRect(remote).isEmpty(), kWaitMs);
    // Their place kept blank (the addresses line up with those of marked rows).
    const QImage blank = Models::markDecoration({}).value<QImage>();
    QTRY_COMPARE_WITH_TIMEOUT(addressCell.data(Qt::DecorationRole).value<QImage>(), blank, kWaitMs);
    QCOMPARE(remoteCell.data(Qt::DecorationRole).value<QImage>(), blank);
}

qint64 TestGraphMarks::endpointId(const QString &address, qint64 port)
{
    const auto found = onWorker([address, port](Core::Database &db) {
        return db.scalar(u"SELECT id FROM remote_endpoints WHERE address = ? AND port = ?"_s, {address, port});
    });
    return found && !found->isNull() ? found->toLongLong() : -1;
}

QTEST_MAIN(TestGraphMarks)
#include "tst_graphmarks.moc"
