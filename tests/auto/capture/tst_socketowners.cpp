// SPDX-License-Identifier: GPL-3.0-or-later
// Socket owners from a /proc fixture: "socket:[N]" links map inode N to the holder's key; a socket several processes
// hold belongs to the one that started first (then the least pid); the excluded pid is never an owner, and a socket
// only it holds is listed as excluded. Then the same on the live system for a socket this process holds.
#include "fakeproc.h"
#include "procfs.h"
#include "socketowners.h"

#include <QTest>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;
using namespace Flight::Format;

namespace {

bool addLink(const QString &root, qint64 pid, int fd, const QByteArray &target)
{
    const QString dir = u"%1/proc/%2/fd"_s.arg(root).arg(pid);
    return QDir().mkpath(dir)
        && ::symlink(target.constData(), QFile::encodeName(u"%1/%2"_s.arg(dir).arg(fd)).constData()) == 0;
}

} // namespace

class TestSocketOwners : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void socketInode_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<bool>("isSocket");
        QTest::addColumn<quint64>("inode");
        QTest::newRow("socket") << QByteArray("socket:[12345]") << true << quint64(12345);
        QTest::newRow("largest") << QByteArray("socket:[18446744073709551615]") << true
                                 << quint64(18446744073709551615ULL);
        QTest::newRow("file") << QByteArray("/etc/passwd") << false << quint64(0);
        QTest::newRow("pipe") << QByteArray("pipe:[77]") << false << quint64(0);
        QTest::newRow("empty number") << QByteArray("socket:[]") << false << quint64(0);
        QTest::newRow("sign") << QByteArray("socket:[+5]") << false << quint64(0);
        QTest::newRow("no bracket") << QByteArray("socket:[5") << false << quint64(0);
        QTest::newRow("overflow") << QByteArray("socket:[99999999999999999999]") << false << quint64(0);
    }

    void socketInode()
    {
        QFETCH(QByteArray, target);
        QFETCH(bool, isSocket);
        QFETCH(quint64, inode);
        QCOMPARE(Flight::Capture::socketInode(target), isSocket ? std::optional<quint64>(inode) : std::nullopt);
    }

    void ownersFromFixture()
    {
        FakeProc proc;
        const QString root = proc.options().root;
        QVERIFY(proc.add(10, 1, 500, 0));
        QVERIFY(proc.add(20, 1, 400, 0)); // started before 10
        QVERIFY(proc.add(30, 1, 400, 0)); // as early as 20, larger pid
        QVERIFY(proc.add(40, 1, 100, 0)); // the excluded one
        QVERIFY(addLink(root, 10, 3, "socket:[100]"));
        QVERIFY(addLink(root, 10, 4, "socket:[101]"));
        QVERIFY(addLink(root, 10, 5, "/dev/null"));
        QVERIFY(addLink(root, 20, 3, "socket:[100]"));
        QVERIFY(addLink(root, 30, 7, "socket:[100]"));
        QVERIFY(addLink(root, 30, 8, "socket:[102]"));
        QVERIFY(addLink(root, 40, 3, "socket:[100]"));
        QVERIFY(addLink(root, 40, 4, "socket:[200]"));
        QVERIFY(addLink(root, 40, 5, "socket:[102]"));

        const SocketOwnerMap map = scanSocketOwners(40, root);
        QCOMPARE(map.ownerOf(100), std::optional<ProcKey>(ProcKey{20, 400}));
        QCOMPARE(map.ownerOf(101), std::optional<ProcKey>(ProcKey{10, 500}));
        QCOMPARE(map.ownerOf(102), std::optional<ProcKey>(ProcKey{30, 400}));
        QCOMPARE(map.ownerOf(200), std::nullopt);
        QCOMPARE(map.excluded, QSet<quint64>{200});
        QCOMPARE(map.owners.size(), 3);

        const SocketOwnerMap all = scanSocketOwners(0, root);
        QCOMPARE(all.ownerOf(100), std::optional<ProcKey>(ProcKey{40, 100}));
        QCOMPARE(all.ownerOf(200), std::optional<ProcKey>(ProcKey{40, 100}));
        QVERIFY(all.excluded.isEmpty());
    }

    void liveSocketOfThisProcess()
    {
        const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        QVERIFY(fd >= 0);
        struct stat st = {};
        QCOMPARE(::fstat(fd, &st), 0);
        const auto self = readProcStat(::getpid());
        QVERIFY2(self, qPrintable(self.error().message));
        const SocketOwnerMap map = scanSocketOwners(0);
        QCOMPARE(map.ownerOf(st.st_ino), std::optional<ProcKey>(ProcKey{::getpid(), self->startTicks}));
        const SocketOwnerMap excluding = scanSocketOwners(::getpid());
        QCOMPARE(excluding.ownerOf(st.st_ino), std::nullopt);
        QVERIFY(excluding.excluded.contains(st.st_ino));
        ::close(fd);
    }
};

QTEST_GUILESS_MAIN(TestSocketOwners)
#include "tst_socketowners.moc"
