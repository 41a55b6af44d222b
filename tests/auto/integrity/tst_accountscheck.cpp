// SPDX-License-Identifier: GPL-3.0-or-later
// The accounts check: /etc/passwd and /etc/group parsed as hostile input (malformed, overlong, NIS and duplicate-id
// lines), the check on a fixture tree (a missing file, too many accounts), a rename as a state change, and this
// host's own files (uid 0 is root).
#include "accountscheck.h"
#include "fixtureroot.h"
#include "statediff.h"

using namespace Qt::StringLiterals;
using namespace Flight::Integrity;
using Flight::Format::AttrValue;
using Flight::Format::StateItem;

namespace {

StateItem user(qint64 uid, const QString &name, qint64 gid, const QString &home, const QString &shell)
{
    return {u"uid:"_s + QString::number(uid),
            {{u"name"_s, name}, {u"gid"_s, gid}, {u"home"_s, home}, {u"shell"_s, shell}}};
}

} // namespace

class TestAccountsCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passwd()
    {
        const QByteArray content = "root:x:0:0:root:/root:/bin/bash\n"
                                   "# a comment\n"
                                   "\n"
                                   "alice:x:1000:1000:Alice,,,:/home/alice:/bin/bash\n"
                                   "+@netgroup::::::\n"
                                   "-bob::::::\n"
                                   "short:x:1001:1001\n" // too few fields
                                   "neg:x:-1:0::/:/bin/sh\n" // not a decimal id
                                   "nobodyid:x:4294967295:0::/:/bin/sh\n" // (uid_t)-1 means no id
                                   ":x:1002:1002::/:/bin/sh\n" // no name
                                   "toor:x:0:0::/root:/bin/sh\n" // a second uid 0
                                   "m\xff:x:1003:1003::/home/m:/bin/sh"; // no final newline, not UTF-8
        const QList<StateItem> items = passwdItems(content);
        QCOMPARE(items.size(), 3);
        StateItem root = user(0, u"root"_s, 0, u"/root"_s, u"/bin/bash"_s);
        root.attrs.insert(u"aliases"_s, u"toor"_s);
        QCOMPARE(items.at(0), root);
        QCOMPARE(items.at(1), user(1000, u"alice"_s, 1000, u"/home/alice"_s, u"/bin/bash"_s));
        QCOMPARE(items.at(2), user(1003, u"m\\xff"_s, 1003, u"/home/m"_s, u"/bin/sh"_s));
    }

    void group()
    {
        const QList<StateItem> items
            = groupItems("root:x:0:\nsudo:x:27:alice,bob\nwheel:x:27:\nbad:x:x27:\nshort:x:9\n");
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0), (StateItem{u"gid:0"_s, {{u"name"_s, u"root"_s}, {u"members"_s, u""_s}}}));
        QCOMPARE(items.at(1),
                 (StateItem{u"gid:27"_s,
                            {{u"name"_s, u"sudo"_s}, {u"members"_s, u"alice,bob"_s}, {u"aliases"_s, u"wheel"_s}}}));
    }

    void hostileLengths()
    {
        const QByteArray longLine = "long:x:5:5::/home/" + QByteArray(5000, 'a') + ":/bin/sh\n";
        QVERIFY(passwdItems(longLine).isEmpty()); // over kMaxAccountLine: skipped
        const QByteArray longName = QByteArray(600, 'n') + ":x:6:6::" + QByteArray(2000, 'h') + ":/bin/sh\n";
        const QList<StateItem> items = passwdItems(longName);
        QCOMPARE(items.size(), 1);
        QCOMPARE(std::get<QString>(items.at(0).attrs.value(u"name"_s)).size(), 256);
        QCOMPARE(std::get<QString>(items.at(0).attrs.value(u"home"_s)).size(), 1024);
    }

    void checkOnFixtureRoot()
    {
        FixtureRoot root;
        CheckOptions options;
        options.root = root.path();
        AccountsCheck check(options);
        const auto none = check.observe();
        QVERIFY2(none, qPrintable(none.error().message));
        QVERIFY(none->isEmpty()); // neither file: no accounts, no failure

        QVERIFY(root.write(u"/etc/passwd"_s, "root:x:0:0::/root:/bin/sh\nalice:x:1000:100::/home/alice:/bin/sh\n"));
        QVERIFY(root.write(u"/etc/group"_s, "users:x:100:alice\n"));
        const auto before = check.observe();
        QVERIFY2(before, qPrintable(before.error().message));
        QCOMPARE(before->size(), 3);
        QCOMPARE(before->at(0).id, u"gid:100"_s);
        QCOMPARE(before->at(1).id, u"uid:0"_s);
        QCOMPARE(before->at(2).id, u"uid:1000"_s);

        QVERIFY(root.write(u"/etc/passwd"_s,
                           "root:x:0:0::/root:/bin/sh\nalicia:x:1000:100::/home/alice:/bin/sh\n"
                           "eve:x:1001:100::/home/eve:/bin/sh\n"));
        const auto after = check.observe();
        QVERIFY2(after, qPrintable(after.error().message));
        const auto change = diffState(u"accounts"_s, *before, *after);
        QVERIFY(change);
        QCOMPARE(change->added.size(), 1);
        QCOMPARE(change->added.at(0).id, u"uid:1001"_s);
        QVERIFY(change->removed.isEmpty());
        QCOMPARE(change->changed.size(), 1);
        QCOMPARE(change->changed.at(0).before.attrs.value(u"name"_s), AttrValue(u"alice"_s));
        QCOMPARE(change->changed.at(0).after.attrs.value(u"name"_s), AttrValue(u"alicia"_s));
    }

    void tooManyAccountsFail()
    {
        FixtureRoot root;
        QByteArray passwd;
        for (int uid = 0; uid <= kMaxAccounts; ++uid)
            passwd += "u" + QByteArray::number(uid) + ":x:" + QByteArray::number(uid) + ":0::/:/bin/sh\n";
        QVERIFY(root.write(u"/etc/passwd"_s, passwd));
        CheckOptions options;
        options.root = root.path();
        const auto items = AccountsCheck(options).observe();
        QVERIFY(!items);
        QVERIFY2(items.error().message.contains(u"more than 4000 accounts and groups"_s),
                 qPrintable(items.error().message));
        QVERIFY2(items.error().message.contains(u"/etc/passwd"_s), qPrintable(items.error().message));
    }

    void thisHost()
    {
        const auto items = AccountsCheck(CheckOptions{}).observe();
        QVERIFY2(items, qPrintable(items.error().message));
        const auto root
            = std::find_if(items->cbegin(), items->cend(), [](const StateItem &item) { return item.id == u"uid:0"_s; });
        QVERIFY(root != items->cend());
        QCOMPARE(root->attrs.value(u"name"_s), AttrValue(u"root"_s));
    }
};

QTEST_GUILESS_MAIN(TestAccountsCheck)
#include "tst_accountscheck.moc"
