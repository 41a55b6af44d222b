// SPDX-License-Identifier: GPL-3.0-or-later
// utmp/wtmp: records built here with glibc's struct utmp (a Debian/RHEL login, a dead session, a boot record, a
// stale duplicate), hostile sizes and fields, the logins check on a fixture tree and the wtmp history.
#include "fixtureroot.h"
#include "loginrecords.h"
#include "loginscheck.h"
#include "statediff.h"

#include <cstring>
#include <utmp.h>

using namespace Qt::StringLiterals;
using namespace Flight::Integrity;
using Flight::Format::Severity;
using Flight::Format::StateItem;

namespace {

QByteArray record(short type, pid_t pid, const char *user, const char *line, const char *host, qint32 sec,
                  qint32 usec = 0)
{
    struct utmp u = {};
    u.ut_type = type;
    u.ut_pid = pid;
    std::strncpy(u.ut_user, user, sizeof u.ut_user);
    std::strncpy(u.ut_line, line, sizeof u.ut_line);
    std::strncpy(u.ut_host, host, sizeof u.ut_host);
    u.ut_tv.tv_sec = sec;
    u.ut_tv.tv_usec = usec;
    return QByteArray(reinterpret_cast<const char *>(&u), sizeof u);
}

QByteArray sessions()
{
    return record(BOOT_TIME, 0, "reboot", "~", "6.1.0-17-amd64", 1700000000)
        + record(LOGIN_PROCESS, 611, "LOGIN", "tty1", "", 1700000005)
        + record(USER_PROCESS, 1234, "alice", "pts/0", "192.0.2.10", 1700000100, 250000)
        + record(USER_PROCESS, 1300, "root", "tty2", "", 1700000200)
        + record(DEAD_PROCESS, 1250, "", "pts/1", "", 1700000300)
        + record(USER_PROCESS, 1400, "alice", "pts/0", "198.51.100.7", 1700000400); // pts/0 reused
}

} // namespace

class TestLoginRecords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseRecords()
    {
        const auto records = parseUtmp(sessions());
        QVERIFY2(records, qPrintable(records.error().message));
        QCOMPARE(records->size(), 6);
        QCOMPARE(records->at(2),
                 (UtmpRecord{USER_PROCESS, 1234, u"alice"_s, u"pts/0"_s, u"192.0.2.10"_s, 1700000100'250000000LL}));
        QCOMPARE(records->at(0).type, BOOT_TIME);
    }

    void loginItemsAreUserProcesses()
    {
        const auto records = parseUtmp(sessions());
        QVERIFY(records);
        const QList<StateItem> items = loginItems(*records);
        QCOMPARE(items.size(), 2);
        QCOMPARE(items[0],
                 (StateItem{u"alice@pts/0"_s,
                            {{u"user"_s, u"alice"_s},
                             {u"tty"_s, u"pts/0"_s},
                             {u"host"_s, u"198.51.100.7"_s},
                             {u"login_ts"_s, 1700000400'000000000LL},
                             {u"pid"_s, qint64(1400)}}}));
        QCOMPARE(items[1].id, u"root@tty2"_s);
    }

    void hostile_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        const QByteArray one = record(USER_PROCESS, 1, "a", "pts/0", "", 1);
        QTest::newRow("truncated") << one + one.left(100) << u"not a whole number of"_s;
        QTest::newRow("type") << one + record(77, 1, "a", "b", "", 1) << u"record 1: unknown type 77"_s;
        QTest::newRow("usec") << record(USER_PROCESS, 1, "a", "b", "", 1, 1000000) << u"record 0: invalid time"_s;
        QTest::newRow("negative time") << record(USER_PROCESS, 1, "a", "b", "", -5) << u"record 0: invalid time"_s;
        QTest::newRow("too many") << QByteArray(utmpRecordSize() * (kMaxUtmpRecords + 1), '\0')
                                  << u"more than 65536 records"_s;
    }
    void hostile()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const auto records = parseUtmp(bytes);
        QVERIFY(!records);
        QVERIFY2(records.error().message.contains(reason), qPrintable(records.error().message));
    }

    void unterminatedAndBinaryFields()
    {
        struct utmp u = {};
        u.ut_type = USER_PROCESS;
        std::memset(u.ut_user, 'u', sizeof u.ut_user); // fills the field, no NUL
        std::memcpy(u.ut_line, "pts/\x1b[2J", 9);
        const auto records = parseUtmp(QByteArray(reinterpret_cast<const char *>(&u), sizeof u));
        QVERIFY(records);
        QCOMPARE(records->at(0).user, QString(sizeof u.ut_user, u'u'));
        QCOMPARE(records->at(0).tty, u"pts/\\x1b[2J"_s);
    }

    void checkOnFixtureRoot()
    {
        FixtureRoot root;
        CheckOptions options;
        options.root = root.path();
        LoginsCheck check(options);
        const auto nobody = check.observe();
        QVERIFY2(nobody, qPrintable(nobody.error().message));
        QVERIFY(nobody->isEmpty()); // no utmp

        const QByteArray first = record(USER_PROCESS, 1234, "alice", "pts/0", "192.0.2.10", 1700000100);
        QVERIFY(root.write(u"/var/run/utmp"_s, first));
        const auto before = check.observe();
        QVERIFY(before);
        QVERIFY(root.append(u"/var/run/utmp"_s, record(USER_PROCESS, 2000, "mallory", "pts/3", "203.0.113.9", 1)));
        const auto after = check.observe();
        QVERIFY(after);
        const auto change = diffState(check.name(), *before, *after);
        QVERIFY(change);
        QCOMPARE(change->severity, Severity::Medium);
        QCOMPARE(change->added.size(), 1);
        QCOMPARE(change->added[0].id, u"mallory@pts/3"_s);

        QVERIFY(root.append(u"/var/run/utmp"_s, "junk"));
        const auto broken = check.observe();
        QVERIFY(!broken);
        QVERIFY2(broken.error().message.startsWith(root.hostPath(u"/var/run/utmp: "_s)),
                 qPrintable(broken.error().message));
    }

    void historyFromWtmp()
    {
        FixtureRoot root;
        QVERIFY(root.write(u"/var/log/wtmp"_s, sessions()));
        const auto last = readLoginHistory(root.path(), 2);
        QVERIFY2(last, qPrintable(last.error().message));
        QCOMPARE(last->size(), 2);
        QCOMPARE(last->at(0).type, DEAD_PROCESS);
        QCOMPARE(last->at(1).host, u"198.51.100.7"_s);
        const auto all = readLoginHistory(root.path());
        QVERIFY(all);
        QCOMPARE(all->size(), 6);

        FixtureRoot modern;
        QVERIFY(modern.write(u"/var/lib/wtmpdb/wtmp.db"_s, "SQLite format 3"));
        const auto wtmpdb = readLoginHistory(modern.path());
        QVERIFY(!wtmpdb);
        QVERIFY2(wtmpdb.error().message.contains(u"wtmpdb history is not read"_s), qPrintable(wtmpdb.error().message));
    }
};

QTEST_GUILESS_MAIN(TestLoginRecords)
#include "tst_loginrecords.moc"
