// SPDX-License-Identifier: GPL-3.0-or-later
// proc.cred from the proc connector's UID and GID events, as both process sources make it: the pure rule (which pair
// an event replaces, when an event is no change) on a table of cases, and its use of the process table on a /proc
// tree in a temporary directory (the ReadOptions::root seam): a process the table knows, one it learns from /proc,
// and one it cannot key.
#include "credentialchange.h"
#include "fakeproc.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;
using namespace Flight::Format;
using Type = ProcConnectorEvent::Type;

namespace {

ProcConnectorEvent idEvent(Type type, qint64 tgid, quint32 real, quint32 effective, qint64 thread = 0)
{
    ProcConnectorEvent e;
    e.type = type;
    e.tgid = tgid;
    e.pid = thread ? thread : tgid;
    e.realId = real;
    e.effectiveId = effective;
    return e;
}

} // namespace

Q_DECLARE_METATYPE(ProcConnectorEvent)
Q_DECLARE_METATYPE(ProcIds)
Q_DECLARE_METATYPE(std::optional<ProcCred>)

class TestCredentialChange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rule_data()
    {
        QTest::addColumn<ProcIds>("before");
        QTest::addColumn<bool>("beforeKnown");
        QTest::addColumn<ProcConnectorEvent>("event");
        QTest::addColumn<std::optional<ProcCred>>("expected");
        const ProcKey key{42, 4200};
        const ProcIds user{1000, 1000, 100, 100};
        QTest::newRow("setuid: uid and euid replaced, group kept")
            << user << true << idEvent(Type::Uid, 42, 0, 0)
            << std::optional<ProcCred>(ProcCred{key, 0, 0, 100, 100, 1000, 1000, 100, 100});
        QTest::newRow("setgid: gid and egid replaced, user kept")
            << user << true << idEvent(Type::Gid, 42, 65534, 65534)
            << std::optional<ProcCred>(ProcCred{key, 1000, 1000, 65534, 65534, 1000, 1000, 100, 100});
        QTest::newRow("seteuid: only the effective id")
            << user << true << idEvent(Type::Uid, 42, 1000, 0)
            << std::optional<ProcCred>(ProcCred{key, 1000, 0, 100, 100, 1000, 1000, 100, 100});
        QTest::newRow("no change (another thread reporting it): nothing")
            << user << true << idEvent(Type::Uid, 42, 1000, 1000, 43) << std::optional<ProcCred>();
        QTest::newRow("no change against ids read from /proc: reported, the table cannot tell")
            << user << false << idEvent(Type::Gid, 42, 100, 100)
            << std::optional<ProcCred>(ProcCred{key, 1000, 1000, 100, 100, 1000, 1000, 100, 100});
        QTest::newRow("not an id event: nothing")
            << user << true << idEvent(Type::Fork, 42, 0, 0) << std::optional<ProcCred>();
    }

    void rule()
    {
        QFETCH(ProcIds, before);
        QFETCH(bool, beforeKnown);
        QFETCH(ProcConnectorEvent, event);
        QFETCH(std::optional<ProcCred>, expected);
        QCOMPARE(credentialChange({42, 4200}, before, event, beforeKnown), expected);
    }

    void knownProcessChangesOncePerChange()
    {
        FakeProc proc;
        ProcessTable table(proc.options());
        table.insert(42, {4200, {1, 5}, {1000, 1000, 1000, 1000}, u"sudo"_s});

        CredentialOutcome first = applyCredentialEvent(table, idEvent(Type::Uid, 42, 0, 0), 5000);
        QCOMPARE(first.cred, std::optional<ProcCred>(ProcCred{{42, 4200}, 0, 0, 1000, 1000, 1000, 1000, 1000, 1000}));
        QVERIFY(!first.learnt && !first.unkeyed);
        QCOMPARE(table.find(42)->ids, (ProcIds{0, 0, 1000, 1000}));
        // glibc's setuid() switches every thread; each one reports the same change.
        const CredentialOutcome repeat = applyCredentialEvent(table, idEvent(Type::Uid, 42, 0, 0, 44), 5000);
        QVERIFY(!repeat.cred && !repeat.learnt && !repeat.unkeyed);
        // The next change's prev_* are the first one's result.
        const CredentialOutcome group = applyCredentialEvent(table, idEvent(Type::Gid, 42, 0, 0), 5000);
        QCOMPARE(group.cred, std::optional<ProcCred>(ProcCred{{42, 4200}, 0, 0, 0, 0, 0, 0, 1000, 1000}));
    }

    void unknownProcessIsLearntOnlyIfItStartedBeforeTheEvent()
    {
        FakeProc proc;
        QVERIFY(proc.add(1, 0, 5, 0));
        QVERIFY(proc.add(50, 1, 300, 1000));
        QVERIFY(proc.add(60, 1, 900, 1000));
        ProcessTable table(proc.options());
        table.insert(1, {5, {}, {}, u"init"_s});

        const CredentialOutcome learnt = applyCredentialEvent(table, idEvent(Type::Uid, 50, 0, 0), 500);
        QCOMPARE(learnt.cred, std::optional<ProcCred>(ProcCred{{50, 300}, 0, 0, 1000, 1000, 1000, 1000, 1000, 1000}));
        QVERIFY(learnt.learnt && !learnt.unkeyed);
        QVERIFY(table.find(50));
        QCOMPARE(table.find(50)->parent, (ProcKey{1, 5}));

        // Pid 60 in /proc started after the event: another process that reused the pid, not the one that changed.
        const CredentialOutcome reused = applyCredentialEvent(table, idEvent(Type::Uid, 60, 0, 0), 500);
        QVERIFY(!reused.cred && reused.unkeyed && !reused.learnt);
        QVERIFY(!table.find(60));
        const CredentialOutcome gone = applyCredentialEvent(table, idEvent(Type::Gid, 70, 0, 0), 500);
        QVERIFY(!gone.cred && gone.unkeyed);
    }
};

QTEST_GUILESS_MAIN(TestCredentialChange)
#include "tst_credentialchange.moc"
