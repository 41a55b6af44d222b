// SPDX-License-Identifier: GPL-3.0-or-later
// The file-capture path filter: longest prefix wins, whole components only, include beats exclude at equal length.
#include "pathfilter.h"

#include <QTest>

using namespace Flight::Capture;

class TestPathFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void longestPrefixDecides_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("unmatched") << QByteArray("/home/u/.ssh/id_rsa") << true;
        QTest::newRow("excluded dir itself") << QByteArray("/dev") << false;
        QTest::newRow("excluded below") << QByteArray("/dev/null") << false;
        QTest::newRow("component boundary") << QByteArray("/devices/x") << true;
        QTest::newRow("include inside exclude") << QByteArray("/dev/shm/payload") << true;
        QTest::newRow("exclude inside include") << QByteArray("/dev/shm/noise/x") << false;
        QTest::newRow("trailing slash in config") << QByteArray("/var/lib/flightrec/journal/current.jsonl") << false;
        QTest::newRow("proc") << QByteArray("/proc/1/stat") << false;
    }

    void longestPrefixDecides()
    {
        QFETCH(QByteArray, path);
        QFETCH(bool, accepted);
        const PathFilter filter({"/dev/shm"}, {"/proc", "/sys", "/dev", "/dev/shm/noise", "/var/lib/flightrec/"});
        QCOMPARE(filter.accepts(path), accepted);
    }

    void includeBeatsExcludeOfTheSameLength()
    {
        QVERIFY(PathFilter({"/tmp"}, {"/tmp"}).accepts("/tmp/x"));
        QVERIFY(!PathFilter({}, {"/"}).accepts("/etc/passwd"));
        QVERIFY(PathFilter({"/etc"}, {"/"}).accepts("/etc/passwd"));
    }
};

QTEST_GUILESS_MAIN(TestPathFilter)
#include "tst_pathfilter.moc"
