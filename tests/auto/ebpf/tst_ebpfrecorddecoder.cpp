// SPDX-License-Identifier: GPL-3.0-or-later
// ProcessRecordDecoder on synthetic ring-buffer records (the layouts of processrecord.h): keys in clock ticks,
// the sections of an exec record, unlinked files named as d_path() names them, wait-status decoding, de-duplicated
// exits, and malformed records as errors.
#include "processrecord.h"
#include "processrecorddecoder.h"

#include <QTest>
#include <cstring>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;
using namespace Flight::Format;

namespace {

constexpr qint64 kOffset = 1'700'000'000'000'000'000;

template <typename T> QByteArray bytesOf(T record)
{
    record.h.size = sizeof(T);
    return QByteArray(reinterpret_cast<const char *>(&record), sizeof(T));
}

flight_header header(__u32 kind, __u32 pid, __u64 startNs, __u32 ppid = 0, __u64 pstartNs = 0)
{
    flight_header h{};
    h.kind = kind;
    h.mono_ns = 5'000'000'000;
    h.proc = {pid, 0, startNs};
    h.parent = {ppid, 0, pstartNs};
    return h;
}

QByteArray execRecord(const QByteArray &argv, const QByteArray &exe, const QByteArray &cwd, const QByteArray &environ,
                      __u32 flags = 0)
{
    flight_exec_record r{};
    r.h = header(FLIGHT_RECORD_EXEC, 4242, 123'456'789'012, 1, 10'000'000);
    r.uid = r.euid = 1000;
    r.gid = r.egid = 100;
    r.loginuid = 1000;
    r.sessionid = 0xffffffffu;
    r.tty_nr = (136 << 8) | 3; // pts/3
    r.flags = flags;
    r.arg_area = __u64(argv.size());
    r.argv_len = __u32(argv.size());
    r.exe_len = __u32(exe.size());
    r.cwd_len = __u32(cwd.size());
    r.cgroup_len = 12;
    r.env_len = __u32(environ.size());
    std::memcpy(r.comm, "bash", 5);
    const QByteArray data = argv + exe + cwd + "/user.slice/" + environ;
    r.h.size = __u32(sizeof(r) + size_t(data.size()));
    return QByteArray(reinterpret_cast<const char *>(&r), sizeof(r)) + data;
}

ProcessRecordDecoder decoder()
{
    return ProcessRecordDecoder({100, {u"SSH_CONNECTION"_s, u"LD_PRELOAD"_s}, u"/nonexistent"_s, nullptr});
}

} // namespace

class TestEbpfRecordDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void execRecordBecomesProcExec()
    {
        auto d = decoder();
        const auto event = d.decode(execRecord(QByteArray("ls\0-l\0/tmp\0", 11), "/usr/bin/ls", "/home/u",
                                               QByteArray("PATH=/bin\0SSH_CONNECTION=1 2 3 4\0SECRET=x\0", 42)),
                                    kOffset);
        QVERIFY2(event, qPrintable(event ? QString() : event.error().message));
        QVERIFY(event->has_value());
        const Event &e = **event;
        QCOMPARE(e.mono, 5'000'000'000);
        QCOMPARE(e.ts, kOffset + 5'000'000'000);
        const auto &exec = std::get<ProcExec>(e.body);
        QCOMPARE(exec.proc, (ProcKey{4242, 12345})); // 123.456789012 s at 100 Hz, rounded down
        QCOMPARE(exec.parent, (ProcKey{1, 1}));
        QCOMPARE(exec.argv, (QList<QByteArray>{"ls", "-l", "/tmp"}));
        QVERIFY(!exec.argvTruncated);
        QCOMPARE(exec.exe, std::optional<QByteArray>("/usr/bin/ls"));
        QCOMPARE(exec.cwd, std::optional<QByteArray>("/home/u"));
        QCOMPARE(exec.cgroup, std::optional<QByteArray>("/user.slice/"));
        QCOMPARE(exec.comm, u"bash"_s);
        QCOMPARE(exec.uid, 1000);
        QCOMPARE(exec.loginuid, std::optional<qint64>(1000));
        QCOMPARE(exec.sessionid, std::nullopt);
        QCOMPARE(exec.tty, std::optional<QString>(u"pts/3"_s));
        QCOMPARE(exec.env, (QMap<QString, QByteArray>{{u"SSH_CONNECTION"_s, "1 2 3 4"}}));
    }

    void stdioAndExeModeFromTheKernel_data()
    {
        QTest::addColumn<QList<int>>("modes");
        QTest::addColumn<QList<int>>("rdevs"); // the kernel's dev_t: major << 20 | minor
        QTest::addColumn<int>("flags");
        QTest::addColumn<QString>("stdio");
        constexpr int open = FLIGHT_STDIO_OPEN, unreadable = FLIGHT_STDIO_UNREADABLE;
        QTest::newRow("reverse shell") << QList<int>{S_IFSOCK | 0777, S_IFSOCK | 0777, S_IFIFO | 0600}
                                       << QList<int>{0, 0, 0} << (open | open << 1 | open << 2)
                                       << u"socket socket pipe"_s;
        QTest::newRow("pts, /dev/null, closed")
            << QList<int>{S_IFCHR | 0620, S_IFCHR | 0666, 0} << QList<int>{136 << 20 | 3, 1 << 20 | 3, 0}
            << (open | open << 1) << u"tty null none"_s;
        QTest::newRow("console, file, unreadable")
            << QList<int>{S_IFCHR | 0600, S_IFREG | 0644, 0} << QList<int>{5 << 20 | 1, 0, 0}
            << (open | open << 1 | unreadable << 2) << u"tty file unknown"_s;
        QTest::newRow("directory, other device, anonymous inode")
            << QList<int>{S_IFDIR | 0755, S_IFCHR | 0600, 0600} << QList<int>{0, 10 << 20 | 200, 0}
            << (open | open << 1 | open << 2) << u"other other other"_s;
    }

    void stdioAndExeModeFromTheKernel()
    {
        QFETCH(QList<int>, modes);
        QFETCH(QList<int>, rdevs);
        QFETCH(int, flags);
        QFETCH(QString, stdio);
        QByteArray record = execRecord(QByteArray("a\0", 2), "/a", "/", {});
        flight_exec_record r;
        std::memcpy(&r, record.constData(), sizeof(r));
        r.exe_inode = 7;
        r.exe_mode = S_IFREG | 04755;
        for (int fd = 0; fd < 3; ++fd) {
            r.stdio_mode[fd] = __u16(modes[fd]);
            r.stdio_rdev[fd] = __u32(rdevs[fd]);
        }
        r.stdio_flags = __u16(flags);
        std::memcpy(record.data(), &r, sizeof(r));
        auto d = decoder();
        const auto event = d.decode(record, kOffset);
        QVERIFY(event && event->has_value());
        const auto &exec = std::get<ProcExec>((*event)->body);
        QCOMPARE(exec.stdio, std::optional<QString>(stdio));
        QCOMPARE(exec.exeMode, std::optional<qint64>(S_IFREG | 04755));

        r.exe_inode = 0; // no executable inode: its mode is unknown, not 0
        std::memcpy(record.data(), &r, sizeof(r));
        const auto without = d.decode(record, kOffset);
        QVERIFY(without && without->has_value());
        QCOMPARE(std::get<ProcExec>((*without)->body).exeMode, std::nullopt);
    }

    void cutEnvironmentDropsThePartialEntry()
    {
        auto d = decoder();
        const auto event = d.decode(execRecord(QByteArray("a\0", 2), "/a", "/", "SSH_CONNECTION=1 2 3"), kOffset);
        QVERIFY(event && event->has_value());
        QVERIFY(std::get<ProcExec>((*event)->body).env.isEmpty());
    }

    void flagsWithoutProcFallback()
    {
        auto d = decoder(); // procRoot does not exist: the fallbacks find nothing and leave the parts out
        const auto event
            = d.decode(execRecord({}, {}, {}, {}, FLIGHT_EXEC_ARGV_FAULT | FLIGHT_EXEC_EXE_INCOMPLETE), kOffset);
        QVERIFY(event && event->has_value());
        const auto &exec = std::get<ProcExec>((*event)->body);
        QVERIFY(exec.argv.isEmpty());
        QVERIFY(exec.argvTruncated); // nothing was read: say so
        QCOMPARE(exec.exe, std::nullopt);
        QCOMPARE(exec.cwd, std::nullopt);
    }

    // A file no mount reaches (deleted, or a memfd) reads as d_path() and /proc show it: the name, then " (deleted)".
    void unlinkedPathsReadAsTheKernelShowsThem()
    {
        auto d = decoder();
        const auto event = d.decode(execRecord(QByteArray("a\0", 2), "/memfd:payload", "/tmp/gone", {},
                                               FLIGHT_EXEC_EXE_UNLINKED | FLIGHT_EXEC_CWD_UNLINKED),
                                    kOffset);
        QVERIFY(event && event->has_value());
        const auto &exec = std::get<ProcExec>((*event)->body);
        QCOMPARE(exec.exe, std::optional<QByteArray>("/memfd:payload (deleted)"));
        QCOMPARE(exec.cwd, std::optional<QByteArray>("/tmp/gone (deleted)"));

        const auto linked
            = d.decode(execRecord(QByteArray("a\0", 2), "/usr/bin/x", "/", {}, FLIGHT_EXEC_CWD_UNLINKED), kOffset);
        QVERIFY(linked && linked->has_value());
        QCOMPARE(std::get<ProcExec>((*linked)->body).exe, std::optional<QByteArray>("/usr/bin/x"));
        QCOMPARE(std::get<ProcExec>((*linked)->body).cwd, std::optional<QByteArray>("/ (deleted)"));
    }

    void exitStatus_data()
    {
        QTest::addColumn<quint32>("status");
        QTest::addColumn<std::optional<qint64>>("code");
        QTest::addColumn<std::optional<qint64>>("signal");
        QTest::addColumn<bool>("core");
        QTest::newRow("exit 0") << 0u << std::optional<qint64>(0) << std::optional<qint64>() << false;
        QTest::newRow("exit 7") << (7u << 8) << std::optional<qint64>(7) << std::optional<qint64>() << false;
        QTest::newRow("SIGTERM") << 15u << std::optional<qint64>() << std::optional<qint64>(15) << false;
        QTest::newRow("SIGSEGV core") << (11u | 0x80) << std::optional<qint64>() << std::optional<qint64>(11) << true;
    }

    void exitStatus()
    {
        QFETCH(quint32, status);
        auto d = decoder();
        flight_exit_record r{};
        r.h = header(FLIGHT_RECORD_EXIT, 77, 2'000'000'000);
        r.exit_code = status;
        const auto event = d.decode(bytesOf(r), kOffset);
        QVERIFY(event && event->has_value());
        const auto &exit = std::get<ProcExit>((*event)->body);
        QCOMPARE(exit.proc, (ProcKey{77, 200}));
        QTEST(exit.code, "code");
        QTEST(exit.signal, "signal");
        QTEST(exit.core, "core");
        // The same process cannot end twice: a second record (two threads that both saw the group dead) is dropped.
        const auto again = d.decode(bytesOf(r), kOffset);
        QVERIFY(again && !again->has_value());
    }

    void fork()
    {
        auto d = decoder();
        flight_fork_record f{};
        f.h = header(FLIGHT_RECORD_FORK, 10, 990'000'000, 9, 0);
        std::memcpy(f.comm, "make", 5);
        const auto fork = d.decode(bytesOf(f), 0);
        QVERIFY(fork && fork->has_value());
        QCOMPARE(std::get<ProcFork>((*fork)->body), (ProcFork{{10, 99}, {9, 0}, u"make"_s}));
    }

    void malformedRecordsAreErrors_data()
    {
        QTest::addColumn<QByteArray>("record");
        QTest::addColumn<QString>("reason");
        flight_fork_record f{};
        f.h = header(FLIGHT_RECORD_FORK, 1, 1);
        const QByteArray fork = bytesOf(f);
        flight_fork_record unknown = f;
        unknown.h.kind = 99;
        flight_fork_record retired = f; // kind 4 was the credential record; proc.cred comes from the proc connector
        retired.h.kind = 4;
        QByteArray exec = execRecord("a", "/a", "/", {});
        exec.chop(1);
        const __u32 size = __u32(exec.size()); // consistent with the ring buffer, not with the sections
        std::memcpy(exec.data() + offsetof(flight_header, size), &size, sizeof(size));
        QTest::newRow("short") << fork.first(10) << u"shorter than a header"_s;
        QTest::newRow("size mismatch") << fork.first(fork.size() - 1) << u"ring buffer gave"_s;
        QTest::newRow("unknown kind") << bytesOf(unknown) << u"unknown kind 99"_s;
        QTest::newRow("retired cred kind") << bytesOf(retired) << u"unknown kind 4"_s;
        QTest::newRow("exec sections") << exec << u"section lengths"_s;
    }

    void malformedRecordsAreErrors()
    {
        QFETCH(QByteArray, record);
        QFETCH(QString, reason);
        auto d = decoder();
        const auto event = d.decode(record, 0);
        QVERIFY(!event);
        QVERIFY2(event.error().message.contains(reason), qPrintable(event.error().message));
    }
};

QTEST_GUILESS_MAIN(TestEbpfRecordDecoder)
#include "tst_ebpfrecorddecoder.moc"
