// SPDX-License-Identifier: GPL-3.0-or-later
// /proc/<pid>/mountinfo on fixture strings (Debian host, a container's overlay root, escapes, malformed lines) and
// which filesystem types file capture marks.
#include "mountinfo.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Flight::Capture;

class TestMountInfo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void debianHost()
    {
        const QByteArray text = "22 27 0:21 / /proc rw,relatime - proc proc rw\n"
                                "27 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda1 rw,discard\n"
                                "31 23 0:28 / /sys/fs/cgroup rw,relatime shared:9 master:2 - cgroup2 cgroup2 rw\n"
                                "40 27 0:35 / /tmp rw,nosuid,nodev - tmpfs tmpfs rw,size=4096k\n"
                                "41 27 8:17 /srv/data /mnt/my\\040disk rw - xfs /dev/sdb1 rw\n"
                                "42 27 0:40 / /home/u/remote rw - fuse.sshfs u@host: rw\n";
        const auto mounts = parseMountInfo(text);
        QVERIFY2(mounts, qPrintable(mounts.error().message));
        QCOMPARE(mounts->size(), 6);
        QCOMPARE(mounts->at(1), (Mount{27, 254, 0, "/", "/", u"ext4"_s, "/dev/vda1"}));
        QCOMPARE(mounts->at(2).type, u"cgroup2"_s); // two optional fields before the '-'
        QCOMPARE(mounts->at(4), (Mount{41, 8, 17, "/srv/data", "/mnt/my disk", u"xfs"_s, "/dev/sdb1"}));
        QStringList captured;
        for (const Mount &m : *mounts) {
            if (isCapturedFilesystem(m.type))
                captured.append(QString::fromUtf8(m.mountPoint));
        }
        QCOMPARE(captured, (QStringList{u"/"_s, u"/tmp"_s, u"/mnt/my disk"_s}));
    }

    void containerOverlayRoot()
    {
        const auto mounts = parseMountInfo(
            "600 590 0:52 / / rw,relatime - overlay overlay rw,lowerdir=/var/lib/docker/l/A:/var/lib/docker/l/B\n"
            "601 600 0:55 / /dev/shm rw - tmpfs shm rw\n"
            "602 600 0:56 / /mnt/nfs rw - nfs4 server:/export rw\n");
        QVERIFY(mounts);
        QVERIFY(isCapturedFilesystem(mounts->at(0).type));
        QVERIFY(isCapturedFilesystem(mounts->at(1).type));
        QVERIFY(!isCapturedFilesystem(mounts->at(2).type));
    }

    void malformedLinesNameTheLine_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no separator") << QByteArray("22 27 0:21 / /proc rw,relatime proc proc rw\n") << u"line 1"_s;
        QTest::newRow("bad device") << QByteArray("27 1 254 / / rw - ext4 /dev/vda1 rw\n") << u"major:minor"_s;
        QTest::newRow("bad id") << QByteArray("x 1 254:0 / / rw - ext4 /dev/vda1 rw\n") << u"mount id"_s;
        QTest::newRow("bad escape") << QByteArray("27 1 254:0 / /a\\09 rw - ext4 /dev/vda1 rw\n") << u"path"_s;
        QTest::newRow("cut escape") << QByteArray("27 1 254:0 / /a\\04 rw - ext4 /dev/vda1 rw\n") << u"path"_s;
        QTest::newRow("relative") << QByteArray("27 1 254:0 / mnt rw - ext4 /dev/vda1 rw\n") << u"path"_s;
        QTest::newRow("second line") << QByteArray("27 1 254:0 / / rw - ext4 /dev/vda1 rw\n28 27 0:1 / /x rw - \n")
                                     << u"line 2"_s;
    }

    void malformedLinesNameTheLine()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, reason);
        const auto mounts = parseMountInfo(text);
        QVERIFY(!mounts);
        QVERIFY2(mounts.error().message.contains(reason), qPrintable(mounts.error().message));
    }

    void liveHostHasARoot()
    {
        const auto mounts = readMountInfo();
        QVERIFY2(mounts, qPrintable(mounts.error().message));
        QVERIFY(std::any_of(mounts->cbegin(), mounts->cend(), [](const Mount &m) { return m.mountPoint == "/"; }));
    }
};

QTEST_GUILESS_MAIN(TestMountInfo)
#include "tst_mountinfo.moc"
