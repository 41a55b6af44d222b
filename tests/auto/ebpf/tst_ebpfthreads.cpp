// SPDX-License-Identifier: GPL-3.0-or-later
// Threads and credentials on the live kernel: a thread is not a process (no proc.fork, no proc.exit of its own); a
// multi-threaded process ends once, with the code of the thread that ended it, after its leader is gone; a
// credential change gives one proc.cred per change, however many threads the kernel had to switch, with the ids
// before it — from the proc connector, with no BPF program on a system call; and a process named in excludePid is
// left out. The multi-threaded process is this binary in its child mode (see main()).
#include "collectingsink.h"
#include "ebpfprocesssource.h"
#include "livetest.h"

#include <QCoreApplication>
#include <QDir>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <cstring>
#include <sched.h>
#include <thread>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;
using namespace Flight::Format;
using namespace SpawnHelpers;

namespace {

constexpr auto kChildMode = "--threaded-child";

// Child mode: three idle threads and a worker; the leader thread exits first. On a line from stdin the worker sets
// the group and user ids (glibc runs each call on every thread) and ends the whole process with code 5.
int threadedChild()
{
    for (int i = 0; i < 3; ++i)
        std::thread([] {
            for (;;)
                ::pause();
        }).detach();
    std::thread([] {
        char line[16];
        if (!std::fgets(line, sizeof(line), stdin))
            ::_exit(1);
        if (::setresgid(65534, 65534, 65534) != 0 || ::setresuid(65534, 65534, 65534) != 0)
            ::_exit(2);
        ::_exit(5); // exit_group() from a thread that is not the leader
    }).detach();
    ::pthread_exit(nullptr);
}

// The BPF links this process holds, as "link_type:tp_name" (tp_name for raw tracepoints), from /proc/self/fdinfo.
QStringList ownBpfLinks()
{
    QStringList links;
    const QDir fds(u"/proc/self/fdinfo"_s);
    for (const QString &fd : fds.entryList(QDir::Files)) {
        QFile file(fds.filePath(fd));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        QMap<QByteArray, QByteArray> fields;
        for (const QByteArray &line : file.readAll().split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                fields.insert(line.first(colon), line.sliced(colon + 1).trimmed());
        }
        if (fields.contains("link_type"))
            links.append(QString::fromLatin1(fields.value("link_type") + ':' + fields.value("tp_name")));
    }
    links.sort();
    return links;
}

} // namespace

class TestEbpfThreads : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            FLIGHT_SKIP("not root: loading BPF programs needs CAP_BPF and CAP_PERFMON");
        m_self = selfKey();
    }

    void threadsAreNotForks()
    {
        CollectingSink sink;
        EbpfProcessSource source;
        START_OR_SKIP(source, sink);
        pid_t tid = 0;
        std::thread([&tid] { tid = ::gettid(); }).join();
        const pid_t child = spawn({"/bin/true", marker()});
        QCOMPARE(waitFor(child), 0);
        source.stop();

        QVERIFY(tid > 0 && tid != ::getpid());
        QVERIFY(sink.all<ProcFork>([&](const ProcFork &f) { return f.proc.pid == tid; }).isEmpty());
        QVERIFY(sink.all<ProcExit>([&](const ProcExit &e) { return e.proc.pid == tid; }).isEmpty());
        const auto fork = sink.only<ProcFork>([&](const ProcFork &f) { return f.proc.pid == child; });
        QVERIFY(fork);
        QCOMPARE(fork->parent, m_self);
    }

    void credentialChange()
    {
        const char *setpriv = "/usr/bin/setpriv"; // util-linux, essential on Debian
        QVERIFY(QFile::exists(QString::fromLatin1(setpriv)));
        CollectingSink sink;
        EbpfProcessSource source;
        START_OR_SKIP(source, sink);
        const QByteArray mark = marker();
        const QList<QByteArray> argv{setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", "/bin/true", mark};
        QCOMPARE(waitFor(spawn(argv)), 0);
        source.stop();

        const auto exec = sink.only<ProcExec>([&](const ProcExec &e) { return e.argv == argv; });
        QVERIFY(exec);
        const QList<ProcCred> creds = sink.all<ProcCred>([&](const ProcCred &c) { return c.proc == exec->proc; });
        // Two changes (setpriv switches the user and the group ids in two calls), chained: each one's "before" is
        // the previous one's "after".
        QCOMPARE(creds.size(), 2);
        QCOMPARE((QList<qint64>{creds[0].prevUid, creds[0].prevEuid, creds[0].prevGid, creds[0].prevEgid}),
                 (QList<qint64>{0, 0, 0, 0}));
        QCOMPARE((QList<qint64>{creds[1].prevUid, creds[1].prevEuid, creds[1].prevGid, creds[1].prevEgid}),
                 (QList<qint64>{creds[0].uid, creds[0].euid, creds[0].gid, creds[0].egid}));
        QCOMPARE((QList<qint64>{creds[1].uid, creds[1].euid, creds[1].gid, creds[1].egid}),
                 (QList<qint64>{65534, 65534, 65534, 65534}));
        const auto after = sink.only<ProcExec>([&](const ProcExec &e) {
            return e.argv == QList<QByteArray>{"/bin/true", mark};
        });
        QVERIFY(after);
        QCOMPARE(after->proc, exec->proc);
        QCOMPARE(after->uid, 65534);
        QCOMPARE(after->euid, 65534);
    }

    void credentialEventsCanBeTurnedOff()
    {
        CollectingSink sink;
        EbpfProcessOptions options;
        options.credentialEvents = false;
        EbpfProcessSource source(options);
        START_OR_SKIP(source, sink);
        const QByteArray mark = marker();
        QCOMPARE(
            waitFor(spawn({"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "/bin/true", mark})),
            0);
        source.stop();

        const auto exec = sink.only<ProcExec>([&](const ProcExec &e) {
            return e.argv == QList<QByteArray>{"/bin/true", mark};
        });
        QVERIFY(exec);
        QCOMPARE(exec->uid, 65534);
        QVERIFY(sink.all<ProcCred>().isEmpty());
    }

    // Credential changes come from the proc connector, not from the raw syscall tracepoints, which would put every
    // system call of the machine on the kernel's slow path: with proc.cred on, the source's only links are its three
    // scheduler tracepoints.
    void noSystemCallHooks()
    {
        QVERIFY(ownBpfLinks().isEmpty());
        CollectingSink sink;
        EbpfProcessSource source;
        START_OR_SKIP(source, sink);
        const QStringList links = ownBpfLinks();
        QCOMPARE(source.backend(), (Backend{u"proc"_s, u"ebpf"_s, false, {}}));
        source.stop();
        QCOMPARE(links,
                 (QStringList{u"raw_tracepoint:sched_process_exec"_s, u"raw_tracepoint:sched_process_exit"_s,
                              u"raw_tracepoint:sched_process_fork"_s}));
        QVERIFY(ownBpfLinks().isEmpty());
    }

    // Without the proc connector (here: started from a thread in a network namespace of its own, where no kernel
    // socket answers NETLINK_CONNECTOR) the source still runs; proc.cred is not captured and the backend says why.
    void withoutConnectorCredentialsAreMissingAndSaid()
    {
        CollectingSink sink;
        EbpfProcessSource source;
        Flight::Expected<void> started = Flight::Error{};
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^proc\\.cred not captured: proc connector: "_s));
        std::thread([&] {
            if (::unshare(CLONE_NEWNET) != 0)
                started = Flight::Error{u"unshare(CLONE_NEWNET): %1"_s.arg(QString::fromLocal8Bit(strerror(errno)))};
            else
                started = source.start(sink);
        }).join();
        QVERIFY2(started, qPrintable(started.error().message));
        const QByteArray mark = marker();
        QCOMPARE(
            waitFor(spawn({"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "/bin/true", mark})),
            0);
        source.stop();

        const Backend backend = source.backend();
        QVERIFY(backend.degraded);
        QVERIFY2(backend.reason.startsWith(u"proc.cred not captured: proc connector: "_s), qPrintable(backend.reason));
        const auto exec = sink.only<ProcExec>([&](const ProcExec &e) {
            return e.argv == QList<QByteArray>{"/bin/true", mark};
        });
        QVERIFY(exec);
        QCOMPARE(exec->uid, 65534);
        QVERIFY(sink.all<ProcCred>().isEmpty());
    }

    void threadedProcessEndsOnce_data()
    {
        QTest::addColumn<bool>("fromSignalLive");
        QTest::newRow("group_dead from the tracepoint (Linux 6.16+)") << false;
        QTest::newRow("group_dead from signal->live (older kernels)") << true;
    }

    void threadedProcessEndsOnce()
    {
        QFETCH(bool, fromSignalLive);
        CollectingSink sink;
        EbpfProcessOptions options;
        options.exitFromSignalLive = fromSignalLive;
        EbpfProcessSource source(options);
        START_OR_SKIP(source, sink);
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(kChildMode)});
        QVERIFY(child.waitForStarted());
        const qint64 pid = child.processId();
        QTRY_COMPARE(QDir(u"/proc/%1/task"_s.arg(pid)).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 5);
        child.write("go\n");
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitCode(), 5);
        source.stop();

        const auto exec = sink.only<ProcExec>([&](const ProcExec &e) { return e.proc.pid == pid; });
        QVERIFY(exec);
        QCOMPARE(exec->parent, m_self);
        QVERIFY(sink.all<ProcFork>([&](const ProcFork &f) { return f.parent == exec->proc; }).isEmpty());
        const QList<ProcExit> exits = sink.all<ProcExit>([&](const ProcExit &e) { return e.proc.pid == pid; });
        QCOMPARE(exits.size(), 1);
        QCOMPARE(exits[0].proc, exec->proc);
        QCOMPARE(exits[0].code, std::optional<qint64>(5));
        const QList<ProcCred> creds = sink.all<ProcCred>([&](const ProcCred &c) { return c.proc == exec->proc; });
        QCOMPARE(creds.size(), 2); // not one per thread
        QCOMPARE(creds[0].egid, 65534);
        QCOMPARE(creds[1].euid, 65534);
    }

    void excludedProcessIsLeftOut()
    {
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(kChildMode)});
        QVERIFY(child.waitForStarted());
        CollectingSink sink;
        EbpfProcessOptions options;
        options.excludePid = child.processId();
        EbpfProcessSource source(options);
        START_OR_SKIP(source, sink);
        const QByteArray mark = marker();
        const pid_t other = spawn({"/bin/true", mark});
        child.write("go\n");
        QVERIFY(child.waitForFinished());
        QCOMPARE(waitFor(other), 0);
        source.stop();

        QVERIFY(sink.all<ProcCred>([&](const ProcCred &c) { return c.proc.pid == options.excludePid; }).isEmpty());
        QVERIFY(sink.all<ProcExit>([&](const ProcExit &e) { return e.proc.pid == options.excludePid; }).isEmpty());
        QVERIFY(sink.only<ProcExec>([&](const ProcExec &e) { return e.argv.value(1) == mark; }));
        QVERIFY(sink.only<ProcExit>([&](const ProcExit &e) { return e.proc.pid == other; }));
    }

private:
    ProcKey m_self;
};

int main(int argc, char **argv)
{
    if (argc == 2 && std::strcmp(argv[1], kChildMode) == 0)
        return threadedChild();
    QCoreApplication app(argc, argv);
    TestEbpfThreads test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ebpfthreads.moc"
