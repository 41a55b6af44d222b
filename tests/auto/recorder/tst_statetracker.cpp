// SPDX-License-Identifier: GPL-3.0-or-later
// StateTracker: the state per check from a snapshot and the changes after it, as written at the top of each segment.
#include "statetracker.h"

#include <QTest>

using namespace Flight::Format;
using namespace Flight::Recorder;

namespace {

StateItem item(const QString &id, qint64 size)
{
    return {id, {{QStringLiteral("size"), size}}};
}

Event at(EventBody body)
{
    return {1, 1, std::move(body)};
}

} // namespace

class TestStateTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void snapshotThenChanges()
    {
        StateTracker tracker;
        tracker.apply(at(StateSnapshot{QStringLiteral("modules"), {item(QStringLiteral("a"), 1), item(QStringLiteral("b"), 2)}}));
        tracker.apply(at(StateChange{QStringLiteral("modules"),
                                     Severity::High,
                                     {item(QStringLiteral("c"), 3)},
                                     {item(QStringLiteral("a"), 1)},
                                     {{QStringLiteral("b"), item(QStringLiteral("b"), 2), item(QStringLiteral("b"), 20)}}}));
        const QList<StateSnapshot> snapshots = tracker.snapshots();
        QCOMPARE(snapshots.size(), 1);
        QCOMPARE(snapshots[0].check, QStringLiteral("modules"));
        QCOMPARE(snapshots[0].items, (QList<StateItem>{item(QStringLiteral("b"), 20), item(QStringLiteral("c"), 3)}));
    }

    void aNewSnapshotReplacesTheState()
    {
        StateTracker tracker;
        tracker.apply(at(StateSnapshot{QStringLiteral("files"), {item(QStringLiteral("/boot/x"), 1)}}));
        tracker.apply(at(StateSnapshot{QStringLiteral("files"), {item(QStringLiteral("/boot/y"), 2)}}));
        QCOMPARE(tracker.snapshots()[0].items, (QList<StateItem>{item(QStringLiteral("/boot/y"), 2)}));
    }

    void changeWithoutSnapshotStartsFromNothingAndOtherEventsAreIgnored()
    {
        StateTracker tracker;
        tracker.apply(at(ProcFork{{1, 1}, {0, 0}, {}}));
        QVERIFY(tracker.snapshots().isEmpty());
        tracker.apply(at(StateChange{QStringLiteral("logins"), Severity::Medium, {item(QStringLiteral("root@pts/0"), 0)}, {}, {}}));
        tracker.apply(at(StateSnapshot{QStringLiteral("bpf"), {}}));
        const QList<StateSnapshot> snapshots = tracker.snapshots();
        QCOMPARE(snapshots.size(), 2);
        QCOMPARE(snapshots[0].check, QStringLiteral("bpf")); // ordered by check
        QVERIFY(snapshots[0].items.isEmpty()); // an empty state is still stated
        QCOMPARE(snapshots[1].items.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestStateTracker)
#include "tst_statetracker.moc"
