// SPDX-License-Identifier: GPL-3.0-or-later
// /proc polling: a real child started after start() is reported as proc.snapshot with its key, parent key and argv,
// and its end as proc.exit of the same key. PID reuse cannot be produced on demand, so it is shown on a /proc tree in
// a temporary directory (the ReadOptions::root seam): a pid whose start changes is the exit of the old key and the
// snapshot of the new one.
#include "collectingsink.h"
#include "procpollsource.h"
#include "skip.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace Flight::Capture;
using namespace Flight::Format;

namespace {

template <typename T> QList<T> ofPid(const QList<Event> &events, qint64 pid)
{
    QList<T> found;
    for (const Event &event : events) {
        if (const T *body = std::get_if<T>(&event.body); body && body->proc.pid == pid)
            found.append(*body);
    }
    return found;
}

ProcKey keyFromProc(qint64 pid)
{
    auto stat = readProcStat(pid);
    return stat ? ProcKey{pid, stat->startTicks} : ProcKey{pid, -1};
}

// A process directory as the kernel shows it, with only the files readProcess() needs.
bool writeFakeProcess(const QString &root, qint64 pid, qint64 ppid, qint64 start, const QByteArray &cmdline)
{
    const QString dir = u"%1/proc/%2/"_s.arg(root).arg(pid);
    if (!QDir().mkpath(dir))
        return false;
    const QByteArray stat = QByteArray::number(pid) + " (fake) S " + QByteArray::number(ppid)
        + " 1 1 0 -1 4194304 0 0 0 0 0 0 0 0 20 0 1 0 " + QByteArray::number(start)
        + " 0 0 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n";
    // Each file replaced at once, stat last: the poller runs meanwhile and must not see a half-written process.
    const QList<std::pair<QString, QByteArray>> files{
        {u"status"_s, "Name:\tfake\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n"}, {u"cmdline"_s, cmdline}, {u"stat"_s, stat}};
    for (const auto &[name, content] : files) {
        QSaveFile file(dir + name);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
            return false;
    }
    return true;
}

} // namespace

class TestProcPollSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backendStatesTheLimits()
    {
        ProcPollSource source(u"the proc connector is not allowed here"_s, {250ms, {}});
        const Backend backend = source.backend();
        QCOMPARE(backend.source, u"proc"_s);
        QCOMPARE(backend.backend, u"procfs-poll"_s);
        QVERIFY(backend.degraded);
        QCOMPARE(backend.reason,
                 u"the proc connector is not allowed here; /proc is polled every 250 ms: processes "
                 "that live shorter than that are not seen, and exits carry no code or signal"_s);
        CollectingSink sink;
        ProcPollSource zero(u"test"_s, {0ms, {}});
        const auto started = zero.start(sink);
        QVERIFY(!started);
        QCOMPARE(started.error().message, u"/proc polling: interval 0 ms is not positive"_s);
    }

    void childIsSeenAliveThenGone()
    {
        CollectingSink sink;
        ProcPollSource source(u"test"_s, {50ms, {}});
        const auto started = source.start(sink);
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        const ProcKey self = keyFromProc(::getpid());

        QProcess child;
        child.start(u"sleep"_s, {u"2"_s});
        QVERIFY(child.waitForStarted());
        const qint64 pid = child.processId();
        QTRY_COMPARE(ofPid<ProcSnapshot>(sink.events(), pid).size(), 1);
        const ProcSnapshot seen = ofPid<ProcSnapshot>(sink.events(), pid).first();
        QCOMPARE(seen.proc, keyFromProc(pid));
        QCOMPARE(seen.parent, self);
        QVERIFY(seen.argv.value(0).endsWith("sleep"));
        QCOMPARE(seen.argv.mid(1), QList<QByteArray>{"2"});
        QVERIFY(seen.exe && seen.exe->endsWith("/sleep"));

        child.kill();
        QVERIFY(child.waitForFinished());
        QTRY_COMPARE(ofPid<ProcExit>(sink.events(), pid).size(), 1);
        source.stop();
        source.stop(); // twice is fine
        const QList<Event> events = sink.events();
        QCOMPARE(ofPid<ProcExit>(events, pid).first(), (ProcExit{seen.proc, std::nullopt, std::nullopt, false}));
        QCOMPARE(ofPid<ProcSnapshot>(events, pid).size(), 1); // once, not at every poll
        QVERIFY(ofPid<ProcSnapshot>(events, ::getpid()).isEmpty()); // alive before start(): the recorder's snapshot
    }

    void pidReuseIsAnExitAndANewSnapshot()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        QVERIFY(writeFakeProcess(root.path(), 1, 0, 5, QByteArray("init\0", 5)));
        QVERIFY(writeFakeProcess(root.path(), 4242, 1, 100, QByteArray("old\0", 4)));
        CollectingSink sink;
        ProcPollOptions options{20ms, {}};
        options.read.root = root.path();
        ProcPollSource source(u"test"_s, options);
        const auto started = source.start(sink);
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));

        QVERIFY(writeFakeProcess(root.path(), 4242, 1, 300, QByteArray("new\0--flag\0", 11)));
        QTRY_COMPARE(ofPid<ProcSnapshot>(sink.events(), 4242).size(), 1);
        QVERIFY(QDir(root.path() + u"/proc/4242"_s).removeRecursively());
        QTRY_COMPARE(ofPid<ProcExit>(sink.events(), 4242).size(), 2);
        source.stop();

        const QList<Event> events = sink.events();
        QCOMPARE(events.size(), 3);
        QCOMPARE(std::get<ProcExit>(events[0].body), (ProcExit{{4242, 100}, std::nullopt, std::nullopt, false}));
        const auto &reused = std::get<ProcSnapshot>(events[1].body);
        QCOMPARE(reused.proc, (ProcKey{4242, 300}));
        QCOMPARE(reused.parent, (ProcKey{1, 5}));
        QCOMPARE(reused.argv, (QList<QByteArray>{"new", "--flag"}));
        QCOMPARE(std::get<ProcExit>(events[2].body), (ProcExit{{4242, 300}, std::nullopt, std::nullopt, false}));
        QVERIFY(events[0].mono <= events[1].mono && events[1].mono <= events[2].mono);
    }
};

QTEST_GUILESS_MAIN(TestProcPollSource)
#include "tst_procpollsource.moc"
