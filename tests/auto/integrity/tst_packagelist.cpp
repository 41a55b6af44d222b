// SPDX-License-Identifier: GPL-3.0-or-later
// Installed packages: dpkg status (Debian fixture) and rpm query output (RHEL 9 fixture), malformed input, the
// items, and the packages check on a fixture tree.
#include "fixtureroot.h"
#include "packagelist.h"
#include "packagescheck.h"

using namespace Qt::StringLiterals;
using namespace Flight::Integrity;
using Flight::Format::AttrValue;
using Flight::Format::StateItem;

class TestPackageList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void debianStatus()
    {
        const auto packages = parseDpkgStatus(fixture("dpkg-status-debian"));
        QVERIFY2(packages, qPrintable(packages.error().message));
        // config-files and half-installed are not installed; triggers-pending is.
        QCOMPARE(packages->size(), 5);
        QCOMPARE(packages->at(0), (Package{u"adduser"_s, u"3.134"_s, u"all"_s, u"dpkg"_s}));
        QCOMPARE(packages->at(3), (Package{u"man-db"_s, u"2.11.2-2"_s, u"amd64"_s, u"dpkg"_s}));
        QCOMPARE(packages->at(4), (Package{u"openssh-server"_s, u"1:9.2p1-2+deb12u3"_s, u"amd64"_s, u"dpkg"_s}));

        const QList<StateItem> items = packageItems(*packages);
        QStringList ids;
        for (const StateItem &item : items)
            ids.append(item.id);
        QCOMPARE(ids,
                 (QStringList{u"adduser:all"_s, u"libc6:amd64"_s, u"libc6:i386"_s, u"man-db:amd64"_s,
                              u"openssh-server:amd64"_s}));
        QCOMPARE(items[1],
                 (StateItem{u"libc6:amd64"_s,
                            {{u"name"_s, u"libc6"_s},
                             {u"version"_s, u"2.36-9+deb12u10"_s},
                             {u"arch"_s, u"amd64"_s},
                             {u"source"_s, u"dpkg"_s}}}));
    }

    void rhelQuery()
    {
        const auto packages = parseRpmQuery(fixture("rpm-qa-rhel9.txt"));
        QVERIFY2(packages, qPrintable(packages.error().message));
        QCOMPARE(packages->size(), 9);
        QCOMPARE(packages->at(4), (Package{u"shadow-utils"_s, u"2:4.9-8.el9"_s, u"x86_64"_s, u"rpm"_s}));
        const QList<StateItem> items = packageItems(*packages);
        QCOMPARE(items.size(), 8); // two kernel-core versions share one id
        const auto kernel = std::find_if(items.cbegin(), items.cend(),
                                         [](const StateItem &i) { return i.id == u"kernel-core:x86_64"_s; });
        QVERIFY(kernel != items.cend());
        QCOMPARE(kernel->attrs[u"version"_s], AttrValue(u"5.14.0-362.8.1.el9_3, 5.14.0-427.13.1.el9_4"_s));
        QVERIFY(
            std::any_of(items.cbegin(), items.cend(), [](const StateItem &i) { return i.id == "gpg-pubkey:none"_L1; }));
        QVERIFY(std::any_of(items.cbegin(), items.cend(), [](const StateItem &i) { return i.id == "glibc:i686"_L1; }));
    }

    void malformed_data()
    {
        QTest::addColumn<bool>("rpm");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no version") << false
                                    << QByteArray("Package: a\nStatus: install ok installed\nArchitecture: all\n")
                                    << u"line 1: package 'a' has no valid Version"_s;
        QTest::newRow("no name") << false << QByteArray("\n\nStatus: install ok installed\nVersion: 1\n")
                                 << u"line 3: stanza without a valid Package name"_s;
        QTest::newRow("not a field") << false << QByteArray("Package: a\nthis is not a field\n")
                                     << u"line 2: expected 'Field: value'"_s;
        QTest::newRow("orphan continuation")
            << false << QByteArray(" continued\n") << u"line 1: continuation line without a field"_s;
        QTest::newRow("repeated field") << false << QByteArray("Package: a\nVersion: 1\nversion: 2\n")
                                        << u"line 3: repeated field 'version'"_s;
        QTest::newRow("space in version") << false
                                          << QByteArray("Package: a\nStatus: install ok installed\nVersion: 1 2\n"
                                                        "Architecture: all\n")
                                          << u"has no valid Version"_s;
        QTest::newRow("control characters") << false
                                            << QByteArray("Package: a\x01\nStatus: install ok installed\n"
                                                          "Version: 1\nArchitecture: all\n")
                                            << u"without a valid Package name"_s;
        QTest::newRow("huge name") << false
                                   << "Package: " + QByteArray(100000, 'a')
                + "\nStatus: install ok installed\nVersion: 1\nArchitecture: all\n"
                                   << u"without a valid Package name"_s;
        QTest::newRow("rpm fields") << true << QByteArray("bash\t(none)\t5.1.8\tx86_64\n")
                                    << u"rpm query line 1: expected 5 tab-separated fields, got 4"_s;
        QTest::newRow("rpm spaces") << true << QByteArray("ok\t(none)\t1\t1\tx86_64\nba sh\t(none)\t5\t1\tx86_64\n")
                                    << u"rpm query line 2: invalid name"_s;
    }
    void malformed()
    {
        QFETCH(bool, rpm);
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        const auto packages = rpm ? parseRpmQuery(content) : parseDpkgStatus(content);
        QVERIFY(!packages);
        QVERIFY2(packages.error().message.contains(reason), qPrintable(packages.error().message));
    }

    void checkOnFixtureRoot()
    {
        FixtureRoot root;
        CheckOptions options;
        options.root = root.path();
        PackagesCheck check(options);
        auto none = check.observe();
        QVERIFY2(none, qPrintable(none.error().message));
        QVERIFY(none->isEmpty()); // no package database: no packages

        QVERIFY(root.write(u"/var/lib/dpkg/status"_s, fixture("dpkg-status-debian")));
        auto items = check.observe();
        QVERIFY2(items, qPrintable(items.error().message));
        QCOMPARE(items->size(), 5);

        QVERIFY(root.write(u"/var/lib/dpkg/status"_s, "Package: a\nStatus: install ok installed\n"));
        const auto broken = check.observe();
        QVERIFY(!broken);
        QCOMPARE(broken.error().message,
                 root.hostPath(u"/var/lib/dpkg/status"_s)
                     + u": dpkg status line 1: package 'a' has no valid Version"_s);
    }
};

QTEST_GUILESS_MAIN(TestPackageList)
#include "tst_packagelist.moc"
