// SPDX-License-Identifier: GPL-3.0-or-later
// The state diff: added, removed and changed items, the severity per check, volatile attributes, the bpf check's
// own programs, repeated ids.
#include "statediff.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Flight::Integrity;
using Flight::Format::Severity;
using Flight::Format::StateItem;

namespace {

StateItem file(const QString &path, const QString &digest)
{
    return {path, {{u"kind"_s, u"file"_s}, {u"digest"_s, digest}, {u"size"_s, qint64(10)}}};
}

StateItem program(qint64 id, bool own, qint64 loaded = 1000)
{
    return {QString::number(id), {{u"type"_s, u"kprobe"_s}, {u"own"_s, own}, {u"loaded_ts"_s, loaded}}};
}

} // namespace

class TestStateDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nothingChanged()
    {
        const QList<StateItem> items{file(u"/etc/passwd"_s, u"aa"_s), file(u"/boot/vmlinuz"_s, u"bb"_s)};
        QVERIFY(!diffState(u"files"_s, items, items));
        QVERIFY(!diffState(u"files"_s, {}, {}));
    }

    void addedRemovedChangedSorted()
    {
        const QList<StateItem> before{file(u"/etc/shadow"_s, u"01"_s), file(u"/etc/passwd"_s, u"aa"_s),
                                      file(u"/boot/old"_s, u"cc"_s)};
        const QList<StateItem> after{file(u"/etc/passwd"_s, u"ab"_s), file(u"/etc/shadow"_s, u"01"_s),
                                     file(u"/boot/new"_s, u"dd"_s), file(u"/boot/a"_s, u"ee"_s)};
        const auto change = diffState(u"files"_s, before, after);
        QVERIFY(change);
        QCOMPARE(change->check, u"files"_s);
        QCOMPARE(change->severity, Severity::High);
        QCOMPARE(change->added, (QList<StateItem>{file(u"/boot/a"_s, u"ee"_s), file(u"/boot/new"_s, u"dd"_s)}));
        QCOMPARE(change->removed, QList<StateItem>{file(u"/boot/old"_s, u"cc"_s)});
        QCOMPARE(change->changed.size(), 1);
        QCOMPARE(change->changed[0].id, u"/etc/passwd"_s);
        QCOMPARE(change->changed[0].before, file(u"/etc/passwd"_s, u"aa"_s));
        QCOMPARE(change->changed[0].after, file(u"/etc/passwd"_s, u"ab"_s));
    }

    void severityPerCheck_data()
    {
        QTest::addColumn<QString>("check");
        QTest::addColumn<Severity>("severity");
        QTest::newRow("packages") << u"packages"_s << Severity::High;
        QTest::newRow("modules") << u"modules"_s << Severity::High;
        QTest::newRow("bpf") << u"bpf"_s << Severity::High;
        QTest::newRow("files") << u"files"_s << Severity::High;
        QTest::newRow("logins") << u"logins"_s << Severity::Medium;
        QTest::newRow("accounts") << u"accounts"_s << Severity::Medium;
        QTest::newRow("listeners") << u"listeners"_s << Severity::Medium;
    }
    void severityPerCheck()
    {
        QFETCH(QString, check);
        QFETCH(Severity, severity);
        QCOMPARE(severityOf(check), severity);
        const auto change = diffState(check, {}, {StateItem{u"x"_s, {}}});
        QVERIFY(change);
        QCOMPARE(change->severity, severity);
    }

    void volatileAttributesAreNotChanges()
    {
        const StateItem module{u"ext4"_s, {{u"size"_s, qint64(1044480)}, {u"refcount"_s, qint64(1)}}};
        StateItem used = module;
        used.attrs[u"refcount"_s] = qint64(7);
        QVERIFY(!diffState(u"modules"_s, {module}, {used}));
        StateItem resized = used;
        resized.attrs[u"size"_s] = qint64(2048);
        QVERIFY(diffState(u"modules"_s, {module}, {resized}));
        QVERIFY(!diffState(u"bpf"_s, {program(5, false, 1000)}, {program(5, false, 1003)}));
        // refcount is only volatile for modules
        QVERIFY(diffState(u"files"_s, {module}, {used}));
    }

    void ownBpfProgramsAreLow()
    {
        const auto own = diffState(u"bpf"_s, {program(3, true)}, {program(4, true)});
        QVERIFY(own);
        QCOMPARE(own->severity, Severity::Low);
        const auto marked = diffState(u"bpf"_s, {program(4, false)}, {program(4, true)});
        QVERIFY(marked);
        QCOMPARE(marked->severity, Severity::Low);
        const auto foreign = diffState(u"bpf"_s, {program(3, true)}, {program(3, true), program(9, false)});
        QVERIFY(foreign);
        QCOMPARE(foreign->severity, Severity::High);
    }

    void repeatedIdsCountOnce()
    {
        const auto change = diffState(
            u"logins"_s, {},
            {StateItem{u"a@pts/0"_s, {{u"pid"_s, qint64(1)}}}, StateItem{u"a@pts/0"_s, {{u"pid"_s, qint64(2)}}}});
        QVERIFY(change);
        QCOMPARE(change->added.size(), 1);
        QCOMPARE(change->added[0].attrs[u"pid"_s], Flight::Format::AttrValue(qint64(1)));
        const auto sorted = uniqueSorted({StateItem{u"b"_s, {}}, StateItem{u"a"_s, {{u"n"_s, qint64(1)}}},
                                          StateItem{u"a"_s, {{u"n"_s, qint64(2)}}}});
        QCOMPARE(sorted, (QList<StateItem>{StateItem{u"a"_s, {{u"n"_s, qint64(1)}}}, StateItem{u"b"_s, {}}}));
    }
};

QTEST_GUILESS_MAIN(TestStateDiff)
#include "tst_statediff.moc"
