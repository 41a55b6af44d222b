// SPDX-License-Identifier: GPL-3.0-or-later
// Kernel modules: /proc/modules (Debian and RHEL fixtures, taints, states, malformed lines), modules.dep, the
// modules check on a fixture tree (file and digest), and this host's /proc/modules.
#include "digest.h"
#include "fixtureroot.h"
#include "modulescheck.h"
#include "procmodules.h"

using namespace Qt::StringLiterals;
using namespace Flight::Integrity;
using Flight::Format::AttrValue;
using Flight::Format::StateItem;

class TestProcModules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void debian()
    {
        const auto modules = parseProcModules(fixture("proc-modules-debian"));
        QVERIFY2(modules, qPrintable(modules.error().message));
        QCOMPARE(modules->size(), 6);
        QCOMPARE(modules->at(0), (ProcModule{u"nft_chain_nat"_s, 16384, 3, u"Live"_s, {}}));
        QCOMPARE(modules->at(4), (ProcModule{u"vboxdrv"_s, 696320, 2, u"Live"_s, u"OE"_s}));
    }

    void rhel()
    {
        const auto modules = parseProcModules(fixture("proc-modules-rhel"));
        QVERIFY2(modules, qPrintable(modules.error().message));
        QCOMPARE(modules->size(), 4);
        QCOMPARE(modules->at(1), (ProcModule{u"nvidia"_s, 56598528, 19, u"Live"_s, u"POE"_s}));
        QCOMPARE(modules->at(2).state, u"Loading"_s);
        QCOMPARE(modules->at(3).state, u"Unloading"_s);
        // Without CONFIG_MODULE_UNLOAD the kernel prints "-" for the refcount.
        const auto noUnload = parseProcModules("xfs 2555904 - - Live 0x0\n");
        QVERIFY(noUnload);
        QCOMPARE(noUnload->at(0).refcount, -1);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        QTest::newRow("few fields") << QByteArray("ext4 1044480 1 - Live\n") << u"line 1: expected 6 or 7 fields"_s;
        QTest::newRow("bad size") << QByteArray("ok 1 0 - Live 0x0\next4 10k 1 - Live 0x0\n")
                                  << u"line 2: module ext4: size '10k' is not a number"_s;
        QTest::newRow("negative refcount") << QByteArray("ext4 1 -3 - Live 0x0\n") << u"refcount '-3'"_s;
        QTest::newRow("name") << QByteArray("ex/t4 1 0 - Live 0x0\n") << u"invalid module name 'ex/t4'"_s;
        QTest::newRow("long name") << QByteArray(200, 'm') + " 1 0 - Live 0x0\n" << u"invalid module name"_s;
        QTest::newRow("state") << QByteArray("ext4 1 0 - Dead 0x0\n") << u"unknown state 'Dead'"_s;
        QTest::newRow("taints") << QByteArray("ext4 1 0 - Live 0x0 (oe)\n") << u"taint flags '(oe)'"_s;
        QTest::newRow("binary") << QByteArray("ext4\x01\xff 1 0 - Live 0x0\n")
                                << u"invalid module name 'ext4\\x01\\xff'"_s;
    }
    void malformed()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        const auto modules = parseProcModules(content);
        QVERIFY(!modules);
        QVERIFY2(modules.error().message.contains(reason), qPrintable(modules.error().message));
    }

    void modulesDep()
    {
        const auto files = parseModulesDep(fixture("modules.dep"));
        QVERIFY2(files, qPrintable(files.error().message));
        QCOMPARE(files->size(), 6);
        QCOMPARE(files->value(u"snd_hda_intel"_s), QByteArray("kernel/sound/pci/hda/snd-hda-intel.ko.xz"));
        QCOMPARE(files->value(u"vboxdrv"_s), QByteArray("updates/dkms/vboxdrv.ko"));
        QCOMPARE(moduleNameOfFile("nf_tables.ko.zst"), u"nf_tables"_s);
        QVERIFY(moduleNameOfFile("README").isEmpty());
        QVERIFY(!parseModulesDep("kernel/x.txt: \n"));
        QVERIFY(!parseModulesDep("../../etc/x.ko:\n"));
    }

    void checkOnFixtureRoot()
    {
        FixtureRoot root;
        CheckOptions options;
        options.root = root.path();
        ModulesCheck check(options);
        auto none = check.observe();
        QVERIFY2(none, qPrintable(none.error().message));
        QVERIFY(none->isEmpty()); // no /proc/modules: a kernel without module support

        const QString dir = u"/lib/modules/6.1.0-17-amd64/"_s;
        QVERIFY(root.write(u"/proc/modules"_s, fixture("proc-modules-debian")));
        QVERIFY(root.write(u"/proc/sys/kernel/osrelease"_s, "6.1.0-17-amd64\n"));
        QVERIFY(root.write(dir + u"modules.dep"_s, fixture("modules.dep")));
        QVERIFY(root.write(dir + u"kernel/fs/ext4/ext4.ko.xz"_s, "ext4 module bytes"));
        QVERIFY(root.write(dir + u"updates/dkms/vboxdrv.ko"_s, "vboxdrv module bytes"));
        auto items = check.observe();
        QVERIFY2(items, qPrintable(items.error().message));
        QCOMPARE(items->size(), 6);
        QCOMPARE(items->at(0),
                 (StateItem{u"ext4"_s,
                            {{u"size"_s, qint64(1044480)},
                             {u"refcount"_s, qint64(1)},
                             {u"state"_s, u"Live"_s},
                             {u"file"_s, dir + u"kernel/fs/ext4/ext4.ko.xz"_s},
                             {u"digest"_s, Flight::Format::Blake2b256::hexHash("ext4 module bytes")}}}));
        // In modules.dep but the file is gone: the path, no digest.
        const StateItem &nat = items->at(1);
        QCOMPARE(nat.id, u"nf_nat"_s);
        QCOMPARE(nat.attrs.value(u"file"_s), AttrValue(dir + u"kernel/net/netfilter/nf_nat.ko.xz"_s));
        QVERIFY(!nat.attrs.contains(u"digest"_s));
        QCOMPARE(items->at(4).id, u"snd_hda_intel"_s);

        // A module replaced on disk changes its item.
        QVERIFY(root.write(dir + u"updates/dkms/vboxdrv.ko"_s, "patched vboxdrv"));
        const auto after = check.observe();
        QVERIFY(after);
        QCOMPARE(after->at(5).attrs.value(u"digest"_s),
                 AttrValue(Flight::Format::Blake2b256::hexHash("patched vboxdrv")));

        QVERIFY(root.write(u"/proc/modules"_s, "ext4 1 x - Live 0x0\n"));
        const auto broken = check.observe();
        QVERIFY(!broken);
        QCOMPARE(broken.error().message,
                 root.hostPath(u"/proc/modules"_s) + u": modules line 1: module ext4: refcount 'x' is not a number"_s);
    }

    void thisHost()
    {
        ModulesCheck check(CheckOptions{});
        const auto items = check.observe();
        QVERIFY2(items, qPrintable(items.error().message));
        QFile modules(u"/proc/modules"_s);
        if (!modules.exists()) {
            // A kernel built without module support: nothing can be loaded, and the check says so with no items.
            QVERIFY(items->isEmpty());
            return;
        }
        QVERIFY(modules.open(QIODevice::ReadOnly));
        const qsizetype lines = modules.readAll().count('\n');
        QCOMPARE(items->size(), lines);
        for (const StateItem &item : *items)
            QVERIFY2(item.attrs.contains(u"size"_s) && item.attrs.contains(u"state"_s), qPrintable(item.id));
    }
};

QTEST_GUILESS_MAIN(TestProcModules)
#include "tst_procmodules.moc"
