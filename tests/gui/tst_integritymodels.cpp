// SPDX-License-Identifier: GPL-3.0-or-later
// The models of the Integrity and alerts page and of the Bookmarks & Notes page, each under QAbstractItemModelTester,
// on the GUI fixture case (alpha's medium modules change, queryfixture.h) and on the integrity case (integritycase.h:
// four alerts): what they load, how they follow the shared host and time range, and how a state change reads in
// words — hostile and malformed stored events included. Runs offscreen.
#include "alertmodel.h"
#include "casemarks.h"
#include "changetext.h"
#include "eventcodec.h"
#include "integritycase.h"
#include "integritymodel.h"
#include "marksmodel.h"
#include "objectrefrole.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck;
using namespace Flight::Format;

class TestIntegrityModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void changeText_data();
    void changeText();
    void unreadableEvents_data();
    void unreadableEvents();
    void integrityModelFollowsTheSelection();
    void integrityModelSorts();
    void alertModelFiltersByTriage();
    void malformedDetailIsShownAsSuch();
    void marksModelDescribesObjects();

private:
    static bool open(Models::CaseSession &session, const QString &location);
    static bool waitLoaded(QObject *model);
    qint64 scalar(const QString &location, const QString &sql);

    QTemporaryDir m_dir;
    TestSupport::GuiCase m_fixture;
    TestSupport::GuiCase m_integrity;
};

void TestIntegrityModels::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_fixture = TestSupport::buildGuiCase(m_dir.path(), 400);
    QVERIFY2(m_fixture.error.isEmpty(), qPrintable(m_fixture.error));
    m_integrity = TestSupport::buildIntegrityCase(m_dir.path());
    QVERIFY2(m_integrity.error.isEmpty(), qPrintable(m_integrity.error));
}

bool TestIntegrityModels::open(Models::CaseSession &session, const QString &location)
{
    QSignalSpy opened(&session, &Models::CaseSession::opened);
    session.open(location);
    return opened.wait(10000);
}

bool TestIntegrityModels::waitLoaded(QObject *model)
{
    QSignalSpy loaded(model, SIGNAL(loaded()));
    return loaded.wait(10000);
}

qint64 TestIntegrityModels::scalar(const QString &location, const QString &sql)
{
    auto db = Core::Database::open(location);
    if (!db)
        return -1;
    auto value = (*db)->scalar(sql);
    return value ? value->toLongLong() : -1;
}

namespace {

StateItem item(const QString &id, QMap<QString, AttrValue> attrs)
{
    return StateItem{id, std::move(attrs)};
}

QByteArray line(const StateChange &change)
{
    QByteArray encoded = encodeEvent(Event{1760000000123456789LL, 1, change});
    encoded.chop(1);
    return encoded;
}

StateChange stateChange(const QString &check, QList<StateItem> added, QList<StateItem> removed = {},
                        QList<ItemChange> changed = {})
{
    return StateChange{check, Severity::High, std::move(added), std::move(removed), std::move(changed)};
}

} // namespace

void TestIntegrityModels::changeText_data()
{
    QTest::addColumn<QByteArray>("detail");
    QTest::addColumn<QStringList>("lines");
    const auto pkg = [](const QString &version) {
        return item(u"openssl:amd64"_s, {{u"name"_s, u"openssl"_s}, {u"version"_s, version}, {u"arch"_s, u"amd64"_s}});
    };
    QTest::newRow("packages") << line(stateChange(u"packages"_s, {pkg(u"3.0.13-2"_s)}, {pkg(u"3.0.13-1"_s)},
                                                  {ItemChange{u"openssl:amd64"_s, pkg(u"1"_s), pkg(u"2"_s)}}))
                              << QStringList{u"+ openssl (amd64) 3.0.13-2 installed"_s,
                                             u"- openssl (amd64) 3.0.13-1 removed"_s, u"~ openssl (amd64) 1 -> 2"_s};
    QTest::newRow("modules") << line(stateChange(
        u"modules"_s, {item(u"evil"_s, {{u"file"_s, u"/tmp/evil.ko"_s}, {u"digest"_s, u"abcd"_s}})},
        {item(u"usb_storage"_s, {})},
        {ItemChange{u"ext4"_s, item(u"ext4"_s, {{u"digest"_s, u"11"_s}}), item(u"ext4"_s, {{u"digest"_s, u"22"_s}})}}))
                             << QStringList{u"+ module evil loaded (file /tmp/evil.ko, digest abcd)"_s,
                                            u"- module usb_storage unloaded"_s, u"~ module ext4: digest: 11 -> 22"_s};
    QTest::newRow("bpf") << line(stateChange(u"bpf"_s,
                                             {item(u"42"_s, {{u"name"_s, u"sniff"_s},
                                                             {u"type"_s, u"kprobe"_s},
                                                             {u"uid"_s, qint64(0)},
                                                             {u"own"_s, false}})},
                                             {item(u"7"_s, {{u"name"_s, u"flightrec_exec"_s}, {u"own"_s, true}})}))
                         << QStringList{u"+ BPF program 42 loaded: sniff (type kprobe, uid 0)"_s,
                                        u"- BPF program 7 unloaded (flightrec_exec)"_s};
    QTest::newRow("files") << line(stateChange(
        u"files"_s, {item(u"/etc/cron.d/x"_s, {{u"kind"_s, u"missing"_s}})}, {},
        {ItemChange{u"/etc/passwd"_s, item(u"/etc/passwd"_s, {{u"digest"_s, u"aa"_s}, {u"mode"_s, u"0644"_s}}),
                    item(u"/etc/passwd"_s, {{u"digest"_s, u"bb"_s}, {u"mode"_s, u"4755"_s}})}}))
                           << QStringList{u"+ /etc/cron.d/x is missing"_s,
                                          u"~ /etc/passwd: digest: aa -> bb, mode: 0644 -> 4755"_s};
    QTest::newRow("logins") << line(stateChange(
        u"logins"_s,
        {item(u"root@pts/0"_s, {{u"user"_s, u"root"_s}, {u"tty"_s, u"pts/0"_s}, {u"host"_s, u"10.0.0.9"_s}})},
        {item(u"bob@tty1"_s, {{u"user"_s, u"bob"_s}, {u"tty"_s, u"tty1"_s}})}))
                            << QStringList{u"+ root logged in on pts/0 from 10.0.0.9"_s,
                                           u"- bob logged out of tty1"_s};
    QTest::newRow("listeners") << line(stateChange(
        u"listeners"_s, {item(u"tcp:0.0.0.0:4444"_s, {{u"pid"_s, qint64(700)}, {u"comm"_s, u"nc"_s}})}))
                               << QStringList{u"+ tcp:0.0.0.0:4444 now listening (pid 700, nc)"_s};
    // Text from the host is shown with its control characters escaped: one line stays one line.
    QTest::newRow("hostile text") << line(stateChange(
        u"logins"_s, {item(u"x\n<b>y</b>"_s, {{u"user"_s, u"ro\not\u001b[31m"_s}, {u"tty"_s, u"<script>"_s}})}))
                                  << QStringList{u"+ ro\\not\\x1b[31m logged in on <script>"_s};
    KernelLog kmsg{12, 3, u"module verification failed: \"x\"\n"_s};
    QByteArray kmsgLine = encodeEvent(Event{1, 1, kmsg});
    kmsgLine.chop(1);
    QTest::newRow("kmsg") << kmsgLine
                          << QStringList{u"* kernel log (level 3): module verification failed: \"x\"\\n"_s};
}

void TestIntegrityModels::changeText()
{
    QFETCH(QByteArray, detail);
    QFETCH(QStringList, lines);
    const Models::ChangeReadout readout = Models::readChange(detail);
    QVERIFY2(readout.readable, qPrintable(readout.problem));
    QStringList seen;
    for (const Models::ChangeLine &l : readout.lines) {
        const char *marker = l.kind == Models::ChangeLine::Kind::Added ? "+"
            : l.kind == Models::ChangeLine::Kind::Removed             ? "-"
            : l.kind == Models::ChangeLine::Kind::Changed             ? "~"
                                                                      : "*";
        seen << QString::fromLatin1(marker) + u' ' + l.text;
    }
    QCOMPARE(seen, lines);
    const QString summary = Models::changeSummary(readout);
    QVERIFY(summary.startsWith(readout.lines.value(0).text.left(20)));
    if (lines.size() > 1)
        QVERIFY2(summary.endsWith(u"(and %1 more)"_s.arg(lines.size() - 1)), qPrintable(summary));
    QVERIFY(!summary.contains(u'\n'));
}

void TestIntegrityModels::unreadableEvents_data()
{
    QTest::addColumn<QByteArray>("detail");
    QTest::addColumn<QString>("problem");
    QTest::newRow("not JSON") << QByteArray("{\"kind\": \"state.change\", ") << u"malformed"_s;
    QTest::newRow("empty") << QByteArray() << u"malformed"_s;
    QTest::newRow("binary") << QByteArray("\xff\xfe\x00\x01", 4) << u"malformed"_s;
    QTest::newRow("unknown check")
        << QByteArray(R"({"ts":1,"mono":1,"kind":"state.change","check":"rootkits","severity":"high","added":[{"id":"x"}]})")
        << u"malformed"_s;
    QTest::newRow("item without id")
        << QByteArray(R"({"ts":1,"mono":1,"kind":"state.change","check":"modules","severity":"high","added":[{"name":"x"}]})")
        << u"malformed"_s;
    QTest::newRow("deep nesting") << QByteArray(20000, '[') << u"malformed"_s;
    QTest::newRow("another kind") << QByteArray(R"({"ts":1,"mono":1,"kind":"rec.stop","reason":"signal"})")
                                  << u"not a state change"_s;
}

void TestIntegrityModels::unreadableEvents()
{
    QFETCH(QByteArray, detail);
    QFETCH(QString, problem);
    const Models::ChangeReadout readout = Models::readChange(detail);
    QVERIFY(!readout.readable);
    QVERIFY2(readout.problem.contains(problem), qPrintable(readout.problem));
    QVERIFY(Models::changeSummary(readout).startsWith(u"Unreadable: "_s));
    QVERIFY(!Models::rawEventText(detail).contains(QChar(0)));
}

void TestIntegrityModels::integrityModelFollowsTheSelection()
{
    Models::CaseSession session;
    Models::IntegrityModel model(session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &Models::IntegrityModel::loaded);
    QVERIFY(open(session, m_fixture.location));
    QVERIFY(loaded.wait(10000));
    // alpha's medium modules change at @90 (queryfixture.h), the only one of the fixture.
    QCOMPARE(model.rowCount(), 1);
    auto cell = [&](int column) { return model.index(0, column).data().toString(); };
    QCOMPARE(cell(Models::IntegrityModel::Host), u"alpha"_s);
    QCOMPARE(cell(Models::IntegrityModel::Check), u"modules"_s);
    QCOMPARE(cell(Models::IntegrityModel::Severity), u"medium"_s);
    QCOMPARE(cell(Models::IntegrityModel::Summary), u"module evil_mod loaded"_s);
    QCOMPARE(cell(Models::IntegrityModel::Alert), QString());
    QCOMPARE(cell(Models::IntegrityModel::Time), u"2025-10-09 08:53:20.213"_s);
    QCOMPARE(model.index(0, 0).data(Qt::ToolTipRole).toString(), u"2025-10-09T08:53:20.213456789Z"_s);
    const auto object = model.index(0, 0).data(Models::ObjectRefRole).value<Core::ObjectRef>();
    QCOMPARE(object.type, Core::ObjectType::StateChange);
    QCOMPARE(object.id, scalar(m_fixture.location, u"SELECT id FROM state_changes WHERE kind = 'state.change'"_s));

    const qint64 beta = scalar(m_fixture.location, u"SELECT id FROM hosts WHERE hostname = 'beta'"_s);
    session.selection().setHost(beta);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model.rowCount(), 0);
    session.selection().setHost(std::nullopt);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model.rowCount(), 1);
    // [@0, @90): the change at @90 is outside.
    session.selection().setTimeRange({TestSupport::QueryScenario::at(0), TestSupport::QueryScenario::at(90)});
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model.rowCount(), 0);
    session.close();
    QCOMPARE(model.rowCount(), 0);
}

void TestIntegrityModels::integrityModelSorts()
{
    Models::CaseSession session;
    Models::IntegrityModel model(session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &Models::IntegrityModel::loaded);
    QVERIFY(open(session, m_integrity.location));
    QVERIFY(loaded.wait(10000));
    auto column = [&](int c) {
        QStringList values;
        for (int row = 0; row < model.rowCount(); ++row)
            values << model.index(row, c).data().toString();
        return values;
    };
    QCOMPARE(column(Models::IntegrityModel::Check),
             (QStringList{u"packages"_s, u"modules"_s, u"bpf"_s, u"files"_s, u"logins"_s, u"listeners"_s, u"kmsg"_s}));
    QCOMPARE(column(Models::IntegrityModel::Alert),
             (QStringList{u"new"_s, u"new"_s, u"new"_s, u"new"_s, QString(), QString(), QString()}));
    QCOMPARE(column(Models::IntegrityModel::Summary).at(0),
             u"nc-openbsd (amd64) 1.226-1 installed (and 2 more)"_s);
    const QPersistentModelIndex kept = model.index(1, 0); // modules
    model.sort(Models::IntegrityModel::Severity, Qt::DescendingOrder);
    QCOMPARE(column(Models::IntegrityModel::Severity).mid(0, 4),
             (QStringList{u"high"_s, u"high"_s, u"high"_s, u"high"_s}));
    QCOMPARE(column(Models::IntegrityModel::Check).constLast(), u"kmsg"_s);
    QCOMPARE(model.index(kept.row(), Models::IntegrityModel::Check).data().toString(), u"modules"_s);
    model.sort(Models::IntegrityModel::Time, Qt::AscendingOrder);
    QCOMPARE(column(Models::IntegrityModel::Check).at(0), u"packages"_s);
}

void TestIntegrityModels::alertModelFiltersByTriage()
{
    Models::CaseSession session;
    Models::AlertModel model(session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &Models::AlertModel::loaded);
    QVERIFY(open(session, m_integrity.location));
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(0, Models::AlertModel::Title).data().toString(), u"packages: 3 items changed"_s);
    QCOMPARE(model.index(1, Models::AlertModel::Summary).data().toString(),
             u"module rootkit loaded (file /tmp/.x/rootkit.ko, digest "
             u"ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12, size 16384)"_s);
    QCOMPARE(model.index(0, Models::AlertModel::Triage).data().toString(), u"new"_s);
    QCOMPARE(model.index(0, Models::AlertModel::TriagedBy).data().toString(), QString());

    model.setTriageFilter({u"benign"_s});
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model.rowCount(), 0);
    // The fixture's only alert-free case: a medium change raises none.
    Models::CaseSession fixture;
    Models::AlertModel none(fixture);
    QSignalSpy noneLoaded(&none, &Models::AlertModel::loaded);
    QVERIFY(open(fixture, m_fixture.location));
    QVERIFY(noneLoaded.wait(10000));
    QCOMPARE(none.rowCount(), 0);
}

void TestIntegrityModels::malformedDetailIsShownAsSuch()
{
    // A case edited by hand (or damaged): one stored event is no longer valid JSON.
    const QString copy = m_dir.filePath(u"damaged.sqlite"_s);
    QVERIFY(QFile::copy(m_integrity.location, copy));
    {
        auto db = Core::Database::open(copy);
        QVERIFY(db.ok());
        QVERIFY((*db)->execute(u"UPDATE state_changes SET detail = ? WHERE check_name = 'bpf'"_s,
                               {u"{\"kind\":\"state.change\",\"check\":\"bpf\",\"added\":[{\"id\":"_s})
                    .ok());
    }
    Models::CaseSession session;
    Models::IntegrityModel model(session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &Models::IntegrityModel::loaded);
    QVERIFY(open(session, copy));
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(model.index(2, Models::IntegrityModel::Check).data().toString(), u"bpf"_s);
    const QString summary = model.index(2, Models::IntegrityModel::Summary).data().toString();
    QVERIFY2(summary.startsWith(u"Unreadable: the stored event is malformed"_s), qPrintable(summary));
    QVERIFY(!model.readout(2).readable);
    QVERIFY(model.index(2, 0).data(Qt::ForegroundRole).isValid());
    QVERIFY(model.readout(3).readable);
}

void TestIntegrityModels::marksModelDescribesObjects()
{
    Models::CaseSession session;
    Models::MarksModel model(session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &Models::MarksModel::loaded);
    const QString copy = m_dir.filePath(u"marks.sqlite"_s);
    QVERIFY(QFile::copy(m_integrity.location, copy));
    QVERIFY(open(session, copy));
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model.rowCount(), 0);

    const qint64 process = scalar(copy, u"SELECT id FROM processes WHERE pid = 700"_s);
    const qint64 file = scalar(copy, u"SELECT id FROM file_events"_s);
    const qint64 net = scalar(copy, u"SELECT id FROM net_events"_s);
    const qint64 alert = scalar(copy, u"SELECT MIN(id) FROM alerts"_s);
    auto &marks = Models::CaseMarks::of(session);
    QCOMPARE(&Models::CaseMarks::of(session), &marks);
    const QString hostile = u"<b>not bold</b>\n'; DROP TABLE notes; --\t\u00e9?"_s;
    // The store's times have millisecond resolution: a pause keeps the marks' creation order apart.
    auto waitFor = [](QFuture<QString> future) {
        future.waitForFinished();
        QThread::msleep(3);
        return future.result();
    };
    QCOMPARE(waitFor(marks.bookmark({Core::ObjectType::Process, process}, u"dropper"_s)), QString());
    QCOMPARE(waitFor(marks.bookmark({Core::ObjectType::Process, process})), QString()); // no second bookmark
    QCOMPARE(waitFor(marks.addNote({Core::ObjectType::FileEvent, file}, hostile)), QString());
    QCOMPARE(waitFor(marks.bookmark({Core::ObjectType::NetEvent, net})), QString());
    QCOMPARE(waitFor(marks.bookmark({Core::ObjectType::Alert, alert})), QString());
    QCOMPARE(waitFor(marks.bookmark({Core::ObjectType::Process, 99999})), QString());
    QTRY_COMPARE(model.rowCount(), 5);
    QStringList objects;
    for (int row = 0; row < model.rowCount(); ++row)
        objects << model.index(row, Models::MarksModel::Object).data().toString();
    QCOMPARE(objects, (QStringList{u"dpkg (pid 700) on delta"_s, u"write /etc/passwd by dpkg (pid 700) on delta"_s,
                                   u"connect tcp 10.0.0.2:40700 -> 203.0.113.9:4444 by dpkg (pid 700) on delta"_s,
                                   u"\u201cpackages: 3 items changed\u201d on delta (new)"_s,
                                   u"process #99999 (not in the case)"_s}));
    QCOMPARE(model.index(1, Models::MarksModel::Kind).data().toString(), u"Note"_s);
    QCOMPARE(model.index(1, 0).data(Models::MarksModel::TextRole).toString(), hostile);
    QCOMPARE(model.index(1, Models::MarksModel::Text).data().toString(), u"<b>not bold</b> \u2026"_s);
    QCOMPARE(model.index(0, Models::MarksModel::Text).data().toString(), u"dropper"_s);
    QVERIFY(!model.index(0, Models::MarksModel::By).data().toString().isEmpty());

    model.setShow(Models::MarksModel::Show::Notes);
    QCOMPARE(model.rowCount(), 1);
    model.setShow(Models::MarksModel::Show::Bookmarks);
    QCOMPARE(model.rowCount(), 4);
    model.setShow(Models::MarksModel::Show::All);

    session.close();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(waitFor(marks.bookmark({Core::ObjectType::Process, process})), u"No case is open."_s);
}

QTEST_MAIN(TestIntegrityModels)
#include "tst_integritymodels.moc"
