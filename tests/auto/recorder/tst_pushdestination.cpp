// SPDX-License-Identifier: GPL-3.0-or-later
// push_to URLs (pushdestination.h): what is understood, what is refused and why; and the push back-off.
#include "pushdestination.h"
#include "pusher.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Flight::Recorder;

class TestPushDestination : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data();
    void parses();
    void refuses_data();
    void refuses();
    void retryDelay();
};

void TestPushDestination::parses_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("shown");
    QTest::newRow("full") << u"sftp://flightpush@deck.example.org:2222/srv/inbox"_s << u"flightpush"_s
                          << u"deck.example.org"_s << 2222 << u"/srv/inbox"_s
                          << u"sftp://flightpush@deck.example.org:2222/srv/inbox"_s;
    QTest::newRow("default port, no user") << u"sftp://10.0.0.5/inbox/"_s << QString() << u"10.0.0.5"_s << 22
                                           << u"/inbox/"_s << u"sftp://10.0.0.5:22/inbox/"_s;
    QTest::newRow("ipv6") << u"sftp://u@[fd00::1]:22/in"_s << u"u"_s << u"fd00::1"_s << 22 << u"/in"_s
                          << u"sftp://u@[fd00::1]:22/in"_s;
}

void TestPushDestination::parses()
{
    QFETCH(QString, url);
    const auto parsed = parsePushDestination(url);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
    QTEST(parsed->user, "user");
    QTEST(parsed->host, "host");
    QTEST(parsed->port, "port");
    QTEST(parsed->path, "path");
    QTEST(parsed->display(), "shown");
}

void TestPushDestination::refuses_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("reason");
    QTest::newRow("scp form") << u"user@host:/inbox"_s << u"is not an sftp://"_s;
    QTest::newRow("other scheme") << u"https://host/inbox"_s << u"is not an sftp://"_s;
    QTest::newRow("no host") << u"sftp:///inbox"_s << u"names no host"_s;
    QTest::newRow("password") << u"sftp://u:secret@host/inbox"_s << u"holds a password"_s;
    QTest::newRow("relative path") << u"sftp://host"_s << u"does not name an absolute inbox path"_s;
    QTest::newRow("dot dot") << u"sftp://host/srv/../etc"_s << u"does not name an absolute inbox path"_s;
    QTest::newRow("query") << u"sftp://host/in?x=1"_s << u"has a query or fragment"_s;
    QTest::newRow("bad port") << u"sftp://host:99999/in"_s << u"is not an sftp://"_s;
}

void TestPushDestination::refuses()
{
    QFETCH(QString, url);
    QFETCH(QString, reason);
    const auto parsed = parsePushDestination(url);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().message.startsWith(u'\'' + url + u"' "_s), qPrintable(parsed.error().message));
    QVERIFY2(parsed.error().message.contains(reason), qPrintable(parsed.error().message));
}

void TestPushDestination::retryDelay()
{
    QCOMPARE(pushRetryDelaySeconds(0, 300), 300);
    QCOMPARE(pushRetryDelaySeconds(1, 300), 10);
    QCOMPARE(pushRetryDelaySeconds(2, 300), 20);
    QCOMPARE(pushRetryDelaySeconds(5, 300), 160);
    QCOMPARE(pushRetryDelaySeconds(6, 300), 300);
    QCOMPARE(pushRetryDelaySeconds(1000, 300), 300);
    QCOMPARE(pushRetryDelaySeconds(3, 5), 5);
}

QTEST_MAIN(TestPushDestination)
#include "tst_pushdestination.moc"
