// SPDX-License-Identifier: GPL-3.0-or-later
// The process table the sources keep and repair after lost events, on a /proc tree in a temporary directory: the
// resync's exits and snapshots (a pid reused, a process gone, one started unseen, credentials changed), and apply()
// following the events an eBPF source delivers.
#include "fakeproc.h"
#include "processtable.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;
using namespace Flight::Format;

namespace {

Event at(EventBody body)
{
    return {1, 1, std::move(body)};
}

} // namespace

class TestProcessTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resyncAfterLoss()
    {
        FakeProc proc;
        QVERIFY(proc.add(1, 0, 5, 0));
        QVERIFY(proc.add(500, 1, 40, 0));
        QVERIFY(proc.add(600, 1, 45, 0));
        QVERIFY(proc.add(700, 1, 46, 0));
        ProcessTable table(proc.options());
        table.learnLiveProcesses();

        // While events were lost: 600 ended, 500 ended and its pid was reused, 400 started, 700 changed its uid,
        // 1 is unchanged.
        QVERIFY(proc.remove(600));
        QVERIFY(proc.add(500, 1, 70, 0, QByteArray("reused\0", 7)));
        QVERIFY(proc.add(400, 1, 80, 0, QByteArray("new\0", 4)));
        QVERIFY(proc.add(700, 1, 46, 1000));
        QList<Event> out;
        table.resync(out);

        QList<ProcExit> exits;
        QList<ProcSnapshot> snapshots;
        for (const Event &e : out) {
            if (const auto *x = std::get_if<ProcExit>(&e.body))
                exits.append(*x);
            else if (const auto *s = std::get_if<ProcSnapshot>(&e.body)) {
                QCOMPARE(exits.size(), 2); // exits first: the old key of a reused pid ends before the new one appears
                snapshots.append(*s);
            }
        }
        QCOMPARE(out.size(), exits.size() + snapshots.size());
        std::sort(exits.begin(), exits.end(), [](const auto &a, const auto &b) { return a.proc < b.proc; });
        QCOMPARE(exits,
                 (QList<ProcExit>{{{500, 40}, std::nullopt, std::nullopt, false},
                                  {{600, 45}, std::nullopt, std::nullopt, false}}));
        QCOMPARE(snapshots.size(), 3);
        QCOMPARE(snapshots[0].proc, (ProcKey{400, 80}));
        QCOMPARE(snapshots[0].argv, QList<QByteArray>{"new"});
        QCOMPARE(snapshots[1].proc, (ProcKey{500, 70}));
        QCOMPARE(snapshots[1].parent, (ProcKey{1, 5}));
        QCOMPARE(snapshots[2].proc, (ProcKey{700, 46}));
        QCOMPARE(snapshots[2].uid, 1000);
        QCOMPARE(table.find(500)->start, 70);
        QVERIFY(!table.find(600));

        out.clear();
        table.resync(out); // nothing changed since
        QVERIFY(out.isEmpty());
    }

    // The table follows delivered events, so a resync after them reports only what the events did not say.
    void applyFollowsDeliveredEvents()
    {
        FakeProc proc;
        QVERIFY(proc.add(1, 0, 5, 0));
        QVERIFY(proc.add(500, 1, 40, 0));
        ProcessTable table(proc.options());
        table.learnLiveProcesses();
        QCOMPARE(table.size(), 2);
        QCOMPARE(table.find(500)->parent, (ProcKey{1, 5}));

        // 500 forks 510 (which inherits its credentials and comm), 510 execs and changes its uid, 500 exits.
        table.apply(at(ProcFork{{510, 60}, {500, 40}, std::nullopt}));
        QCOMPARE(table.find(510)->comm, u"fake"_s);
        ProcExec exec;
        exec.proc = {510, 60};
        exec.parent = {500, 40};
        exec.comm = u"fake"_s;
        table.apply(at(exec));
        table.apply(at(ProcCred{{510, 60}, 1000, 1000, 1000, 1000, 0, 0, 0, 0}));
        table.apply(at(ProcExit{{500, 40}, 0, std::nullopt, false}));
        table.apply(at(ProcExit{{1, 99}, 0, std::nullopt, false})); // another start of pid 1: not this process
        QVERIFY(!table.find(500));
        QVERIFY(table.find(1));
        QCOMPARE(table.find(510)->ids, (ProcIds{1000, 1000, 1000, 1000}));

        QVERIFY(proc.remove(500));
        QVERIFY(proc.add(510, 500, 60, 1000));
        QList<Event> out;
        table.resync(out);
        QVERIFY2(out.isEmpty(), "the events said everything: nothing to repair");

        // An exec the events did not say (the comm changed): a snapshot, once.
        QVERIFY(proc.add(510, 500, 60, 1000, QByteArray("other\0", 6)));
        QFile stat(proc.options().root + u"/proc/510/stat"_s);
        QVERIFY(stat.open(QIODevice::ReadWrite));
        QByteArray content = stat.readAll().replace("(fake)", "(other)");
        QVERIFY(stat.seek(0) && stat.write(content) == content.size());
        stat.close();
        table.resync(out);
        QCOMPARE(out.size(), 1);
        QCOMPARE(std::get<ProcSnapshot>(out[0].body).comm, u"other"_s);
        out.clear();
        table.resync(out);
        QVERIFY(out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProcessTable)
#include "tst_processtable.moc"
