// SPDX-License-Identifier: GPL-3.0-or-later
// The /proc parsers on fixed text, including the awkward cases the kernel really produces.
#include "hostinfo.h"
#include "procfs.h"
#include "stdiokinds.h"

#include <QTest>
#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;

class TestProcfs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stat_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("comm");
        QTest::addColumn<qint64>("ppid");
        QTest::addColumn<qint64>("start");
        QTest::addColumn<bool>("kthread");
        const QByteArray tail = " 0 0 0 0 0 0 0 0 20 0 1 0 %START% 0 0 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 0 "
                                "0 0 0 0 0 0 0 0 0 0 0 0 0\n";
        auto line = [&](const char *head, const char *start) {
            return QByteArray(head) + QByteArray(tail).replace("%START%", start);
        };
        QTest::newRow("plain") << line("1234 (bash) S 1000 1234 1234 34816 1234 4194304", "98765") << u"bash"_s
                               << 1000LL << 98765LL << false;
        QTest::newRow("comm with spaces and parens")
            << line("77 (a) b (c)) R 1 77 77 0 -1 4194560", "5") << u"a) b (c)"_s << 1LL << 5LL << false;
        QTest::newRow("kernel thread") << line("2 (kthreadd) S 0 0 0 0 -1 2129984", "0") << u"kthreadd"_s << 0LL << 0LL
                                       << true;
    }
    void stat()
    {
        QFETCH(QByteArray, content);
        auto parsed = parseProcStat(content);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        QTEST(parsed->comm, "comm");
        QTEST(parsed->ppid, "ppid");
        QTEST(parsed->startTicks, "start");
        QTEST(parsed->isKernelThread(), "kthread");
    }

    void badStat_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("no comm") << QByteArray("12 bash S 1");
        QTest::newRow("short") << QByteArray("12 (bash) S 1 2 3");
        QTest::newRow("letters") << QByteArray("12 (bash) S x 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 y 0 0");
    }
    void badStat()
    {
        QFETCH(QByteArray, content);
        QVERIFY(!parseProcStat(content));
    }

    void status()
    {
        auto ids = parseProcStatus("Name:\tsudo\nUid:\t1000\t0\t0\t0\nGid:\t1000\t27\t27\t27\nGroups:\t27\n");
        QVERIFY(ids);
        QCOMPARE(ids->uid, 1000);
        QCOMPARE(ids->euid, 0);
        QCOMPARE(ids->gid, 1000);
        QCOMPARE(ids->egid, 27);
        QVERIFY(!parseProcStatus("Name:\tx\nUid:\t1000\t0\t0\t0\n"));
        QVERIFY(!parseProcStatus("Uid:\tfoo\nGid:\t1\t1\t1\t1\n"));
    }

    void cmdlineAndEnviron()
    {
        QCOMPARE(splitNul(QByteArray("sh\0-c\0echo  hi\0", 15)), (QList<QByteArray>{"sh", "-c", "echo  hi"}));
        QCOMPARE(splitNul(QByteArray("a\0\0b\0", 5)), (QList<QByteArray>{"a", "", "b"})); // an empty argument stays
        QCOMPARE(splitNul(QByteArray()), QList<QByteArray>{});
        const QByteArray environText("HOME=/root\0LD_PRELOAD=/tmp/x.so\0SSH_CONNECTION=1 2 3 4\0BROKEN\0", 63);
        const auto env = parseEnviron(environText, {u"LD_PRELOAD"_s, u"SSH_CONNECTION"_s, u"SUDO_USER"_s});
        QCOMPARE(env.size(), 2);
        QCOMPARE(env.value(u"LD_PRELOAD"_s), QByteArray("/tmp/x.so"));
        QCOMPARE(env.value(u"SSH_CONNECTION"_s), QByteArray("1 2 3 4"));
    }

    void cgroupAndTty()
    {
        QCOMPARE(parseCgroup("0::/system.slice/ssh.service\n"), std::optional<QByteArray>("/system.slice/ssh.service"));
        QCOMPARE(parseCgroup("12:cpu:/x\n"), std::optional<QByteArray>());
        QCOMPARE(ttyName(0), std::optional<QString>());
        QCOMPARE(ttyName(34816), std::optional<QString>(u"pts/0"_s)); // 136:0
        QCOMPARE(ttyName((136 << 8) | 5), std::optional<QString>(u"pts/5"_s));
        QCOMPARE(ttyName((4 << 8) | 1), std::optional<QString>(u"tty1"_s));
        QCOMPARE(ttyName((4 << 8) | 64), std::optional<QString>(u"ttyS0"_s));
    }

    void osRelease()
    {
        QCOMPARE(parseOsRelease("NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"),
                 u"Debian GNU/Linux 12 (bookworm)"_s);
        QCOMPARE(parseOsRelease("NAME='Alpine'\n"), u"Alpine"_s);
        QCOMPARE(parseOsRelease(""), u"Linux"_s);
    }

    void stdioKinds()
    {
        QCOMPARE(QString(stdioKind(S_IFSOCK | 0777, 0, 0)), u"socket"_s);
        QCOMPARE(QString(stdioKind(S_IFIFO | 0600, 0, 0)), u"pipe"_s);
        QCOMPARE(QString(stdioKind(S_IFREG | 0644, 0, 0)), u"file"_s);
        QCOMPARE(QString(stdioKind(S_IFCHR | 0666, 1, 3)), u"null"_s);
        QCOMPARE(QString(stdioKind(S_IFCHR | 0666, 1, 5)), u"other"_s); // /dev/zero
        QCOMPARE(QString(stdioKind(S_IFCHR | 0620, 136, 0)), u"tty"_s);
        QCOMPARE(QString(stdioKind(S_IFCHR | 0620, 143, 255)), u"tty"_s);
        QCOMPARE(QString(stdioKind(S_IFCHR | 0620, 4, 1)), u"tty"_s);
        QCOMPARE(QString(stdioKind(S_IFCHR | 0666, 5, 0)), u"tty"_s);
        QCOMPARE(QString(stdioKind(S_IFBLK | 0660, 8, 0)), u"other"_s);
        QCOMPARE(QString(stdioKind(S_IFDIR | 0755, 0, 0)), u"other"_s);
        QCOMPARE(QString(stdioKind(0600, 0, 0)), u"other"_s); // an anonymous inode (eventfd) has no type bits
    }

    // A live child with a socket on 0, a pipe on 1 and 2 closed; once it is a zombie its descriptors are gone, and
    // readProcess() says "unknown" rather than "none".
    void liveStdioAndExeMode()
    {
        int sockets[2], pipe[2];
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sockets), 0);
        QCOMPARE(::pipe2(pipe, O_CLOEXEC), 0);
        const pid_t child = ::fork();
        if (child == 0) {
            ::dup2(sockets[1], 0);
            ::dup2(pipe[1], 1);
            ::close(2);
            ::pause();
            ::_exit(0);
        }
        QVERIFY(child > 0);
        const auto noParent = [](qint64) { return std::optional<qint64>(); };
        std::optional<Flight::Format::ProcessImage> alive;
        for (int tries = 0; tries < 200 && (!alive || alive->stdio != u"socket pipe none"_s); ++tries) {
            QTest::qWait(5); // until the child has replaced its descriptors
            auto image = readProcess(child, {}, noParent);
            QVERIFY2(image, qPrintable(image ? QString() : image.error().message));
            alive = *image;
        }
        QCOMPARE(alive->stdio, std::optional<QString>(u"socket pipe none"_s));
        struct stat self = {};
        QCOMPARE(::stat("/proc/self/exe", &self), 0);
        QCOMPARE(alive->exeMode, std::optional<qint64>(self.st_mode));

        QCOMPARE(::kill(child, SIGKILL), 0);
        siginfo_t info = {};
        QCOMPARE(::waitid(P_PID, id_t(child), &info, WEXITED | WNOWAIT), 0); // a zombie, not reaped yet
        auto zombie = readProcess(child, {}, noParent);
        QVERIFY2(zombie, qPrintable(zombie ? QString() : zombie.error().message));
        QCOMPARE(zombie->stdio, std::optional<QString>(u"unknown unknown unknown"_s));
        QCOMPARE(zombie->exeMode, std::nullopt);
        QCOMPARE(::waitpid(child, nullptr, 0), child);
        for (int fd : {sockets[0], sockets[1], pipe[0], pipe[1]})
            ::close(fd);
    }

    void liveHostInfo()
    {
        auto host = readHostInfo();
        QVERIFY2(host, qPrintable(host ? QString() : host.error().message));
        QCOMPARE(host->machineId.size(), 32);
        QCOMPARE(host->bootId.size(), 36);
        QVERIFY(host->clkTck > 0);
        QVERIFY(host->bootTs > 1500000000LL * 1000000000LL);
        QVERIFY(!host->hostname.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProcfs)
#include "tst_procfs.moc"
