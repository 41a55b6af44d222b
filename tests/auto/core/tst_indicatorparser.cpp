// SPDX-License-Identifier: GPL-3.0-or-later
// Indicator lists as text (indicatorparser.h) and path patterns (indicatorglob.h): the type inferred from each
// value's shape, CSV with a type column, bad lines reported with their number and the rest kept, hostile input
// bounded.
#include "indicatorglob.h"
#include "indicatorparser.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deck::Core;

class TestIndicatorParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void inferred_data();
    void inferred();
    void csvWithTypeColumn();
    void badLinesReportedRestKept();
    void hostileInputBounded();
    void globs_data();
    void globs();
};

void TestIndicatorParser::inferred_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("type"); // empty: rejected
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("algorithm");
    QTest::newRow("ipv4") << u"203.0.113.5"_s << u"address"_s << u"203.0.113.5"_s << QString();
    QTest::newRow("ipv6 compressed") << u"2001:DB8:0:0::1"_s << u"address"_s << u"2001:db8::1"_s << QString();
    QTest::newRow("cidr v4 masked") << u"203.0.113.77/24"_s << u"address"_s << u"203.0.113.0/24"_s << QString();
    QTest::newRow("cidr v6") << u"2001:db8::/32"_s << u"address"_s << u"2001:db8::/32"_s << QString();
    QTest::newRow("host prefix is an address") << u"192.0.2.1/32"_s << u"address"_s << u"192.0.2.1"_s << QString();
    QTest::newRow("defanged address") << u"203.0.113[.]5"_s << u"address"_s << u"203.0.113.5"_s << QString();
    QTest::newRow("domain") << u"Evil.Example."_s << u"domain"_s << u"evil.example"_s << QString();
    QTest::newRow("wildcard domain") << u"*.evil.example"_s << u"domain"_s << u"evil.example"_s << QString();
    QTest::newRow("defanged url") << u"hxxps://c2.evil[.]example/payload"_s << u"domain"_s << u"c2.evil.example"_s
                                  << QString();
    QTest::newRow("url with address") << u"http://198.51.100.7:8080/x"_s << u"address"_s << u"198.51.100.7"_s
                                      << QString();
    QTest::newRow("md5") << u"D41D8CD98F00B204E9800998ECF8427E"_s << u"digest"_s
                         << u"d41d8cd98f00b204e9800998ecf8427e"_s << u"md5"_s;
    QTest::newRow("64 hex: sha256 or blake2b") << QString(64, u'a') << u"digest"_s << QString(64, u'a') << QString();
    QTest::newRow("path") << u"/tmp/drop/*.sh"_s << u"path"_s << u"/tmp/drop/*.sh"_s << QString();
    QTest::newRow("anywhere path") << u"**/xmrig"_s << u"path"_s << u"**/xmrig"_s << QString();
    QTest::newRow("inet_aton short form") << u"127.1"_s << QString() << QString() << QString();
    QTest::newRow("bare number") << u"1234"_s << QString() << QString() << QString();
    QTest::newRow("bad octet") << u"300.1.2.3"_s << QString() << QString() << QString();
    QTest::newRow("prefix too long") << u"10.0.0.0/33"_s << QString() << QString() << QString();
    QTest::newRow("hex of odd length") << QString(50, u'b') << QString() << QString() << QString();
    QTest::newRow("relative path") << u"tmp/x"_s << QString() << QString() << QString();
    QTest::newRow("numeric tld") << u"foo.123"_s << QString() << QString() << QString();
    QTest::newRow("words") << u"not an indicator"_s << QString() << QString() << QString();
}

void TestIndicatorParser::inferred()
{
    QFETCH(QString, text);
    QFETCH(QString, type);
    QFETCH(QString, value);
    QFETCH(QString, algorithm);
    QString reason;
    const auto indicator = inferIndicator(text, &reason);
    if (type.isEmpty()) {
        QVERIFY2(!indicator, qPrintable(indicator ? indicator->value : QString()));
        QVERIFY(reason.contains(text.left(10)));
        return;
    }
    QVERIFY2(indicator, qPrintable(reason));
    QCOMPARE(indicatorTypeName(indicator->type), type);
    QCOMPARE(indicator->value, value);
    QCOMPARE(indicator->algorithm, algorithm);
}

void TestIndicatorParser::csvWithTypeColumn()
{
    const QByteArray csv = "# exported feed\n"
                           "id,Type,Value,comment\n"
                           "1,ip-dst,203.0.113.5,\"C2, seen 2025\"\n"
                           "2,sha256," + QByteArray(64, 'c') + ",dropper\n"
                           "3,blake2b," + QByteArray(64, 'd') + ",\n"
                           "4,md5," + QByteArray(64, 'e') + ",wrong length\n"
                           "5,filename,xmrig,\n"
                           "6,url,https://evil.example/a?b=c,\n"
                           "7,mutex,Global\\x,unknown type\n"
                           "8,domain\n";
    auto parsed = parseIndicatorList(csv, u"feed.csv"_s);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
    QVERIFY(parsed->csv);
    QStringList got;
    for (const Indicator &i : std::as_const(parsed->indicators))
        got.append(u"%1 %2 %3 %4"_s.arg(i.line).arg(indicatorTypeName(i.type), i.value, i.algorithm));
    QCOMPARE(got, (QStringList{u"3 address 203.0.113.5 "_s, u"4 digest %1 sha256"_s.arg(QString(64, u'c')),
                               u"5 digest %1 blake2b-256"_s.arg(QString(64, u'd')), u"7 path **/xmrig "_s,
                               u"8 domain evil.example "_s}));
    QCOMPARE(parsed->badLines, 3);
    QCOMPARE(parsed->problems.at(0).line, 6);
    QVERIFY2(parsed->problems.at(0).reason.contains("md5"_L1), qPrintable(parsed->problems.at(0).reason));
    QCOMPARE(parsed->problems.at(1).line, 9);
    QVERIFY(parsed->problems.at(1).reason.contains(u"unknown indicator type \u201cmutex\u201d"_s));
    QCOMPARE(parsed->problems.at(2).line, 10);
}

void TestIndicatorParser::badLinesReportedRestKept()
{
    const QByteArray text = "# list\r\n203.0.113.5  # C2\r\n\r\nnot an indicator\n203.0.113.5\n\xff\xfe\n/etc/cron.d/*\n";
    auto parsed = parseIndicatorList(text, u"list.txt"_s);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
    QCOMPARE(parsed->indicators.size(), 2);
    QCOMPARE(parsed->indicators.at(0).line, 2);
    QCOMPARE(parsed->indicators.at(1).line, 7);
    QCOMPARE(parsed->duplicates, 1);
    QCOMPARE(parsed->badLines, 2);
    QCOMPARE(parsed->problems.at(0).line, 4);
    QCOMPARE(parsed->problems.at(0).reason,
             u"\u201cnot an indicator\u201d is not an IP address, CIDR range, domain, digest or path pattern"_s);
    QCOMPARE(parsed->problems.at(1).line, 6);
    QCOMPARE(parsed->problems.at(1).reason, u"the line is not UTF-8"_s);

    auto nothing = parseIndicatorList("# only comments\nfoo bar\n", u"empty.txt"_s);
    QVERIFY(!nothing.ok());
    QCOMPARE(nothing.error().message, u"indicator list empty.txt holds no indicator (1 bad lines)"_s);
}

void TestIndicatorParser::hostileInputBounded()
{
    IndicatorLimits limits;
    limits.maxBytes = 1000;
    limits.maxIndicators = 3;
    limits.maxLineLength = 40;
    limits.maxProblemsKept = 2;
    auto big = parseIndicatorList(QByteArray(1001, 'a'), u"big.txt"_s, limits);
    QVERIFY(!big.ok());
    QCOMPARE(big.error().message, u"indicator list big.txt is larger than 1000 bytes"_s);
    auto binary = parseIndicatorList(QByteArray("10.0.0.1\n\0\n", 11), u"bin"_s, limits);
    QVERIFY(!binary.ok());
    QVERIFY(binary.error().message.contains("not text"_L1));
    auto many = parseIndicatorList("10.0.0.1\n10.0.0.2\n10.0.0.3\n10.0.0.4\n", u"many"_s, limits);
    QVERIFY(!many.ok());
    QCOMPARE(many.error().message, u"indicator list many holds more than 3 indicators"_s);
    auto longLines = parseIndicatorList("10.0.0.1\n" + QByteArray(41, 'x') + "\n" + QByteArray(41, 'y') + "\n"
                                            + QByteArray(41, 'z') + "\n",
                                        u"long"_s, limits);
    QVERIFY2(longLines.ok(), qPrintable(longLines.error().message));
    QCOMPARE(longLines->badLines, 3);
    QCOMPARE(longLines->problems.size(), 2); // the rest counted, not kept
    QCOMPARE(longLines->problems.at(0).reason, u"the line is longer than 40 bytes"_s);
}

void TestIndicatorParser::globs_data()
{
    QTest::addColumn<QByteArray>("glob");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<bool>("matches");
    QTest::newRow("star within a component") << QByteArray("/tmp/drop/*") << QByteArray("/tmp/drop/a.sh") << true;
    QTest::newRow("star stops at slash") << QByteArray("/tmp/*") << QByteArray("/tmp/drop/a.sh") << false;
    QTest::newRow("double star crosses") << QByteArray("/tmp/**") << QByteArray("/tmp/drop/a.sh") << true;
    QTest::newRow("double star dir, zero dirs") << QByteArray("/usr/**/python3") << QByteArray("/usr/python3") << true;
    QTest::newRow("anywhere") << QByteArray("**/python3") << QByteArray("/usr/bin/python3") << true;
    QTest::newRow("anchored at the end") << QByteArray("**/python3") << QByteArray("/usr/bin/python3.11") << false;
    QTest::newRow("question mark") << QByteArray("/dev/shm/?") << QByteArray("/dev/shm/x") << true;
    QTest::newRow("class") << QByteArray("/tmp/[ab].bin") << QByteArray("/tmp/b.bin") << true;
    QTest::newRow("negated class") << QByteArray("/tmp/[!ab].bin") << QByteArray("/tmp/b.bin") << false;
    QTest::newRow("unclosed class is literal") << QByteArray("/tmp/[x") << QByteArray("/tmp/[x") << true;
    QTest::newRow("regex characters literal") << QByteArray("/a.b+(c)$") << QByteArray("/a.b+(c)$") << true;
    QTest::newRow("dot is not any") << QByteArray("/a.b") << QByteArray("/axb") << false;
    QTest::newRow("newline and non-utf8 bytes") << QByteArray("/tmp/*") << QByteArray("/tmp/x\n\xff") << true;
    QTest::newRow("utf8 pattern") << QByteArray("/home/*/caf\xc3\xa9") << QByteArray("/home/u/caf\xc3\xa9") << true;
}

void TestIndicatorParser::globs()
{
    QFETCH(QByteArray, glob);
    QFETCH(QByteArray, path);
    QFETCH(bool, matches);
    const QRegularExpression re = globRegularExpression(glob);
    QVERIFY2(re.isValid(), qPrintable(re.errorString()));
    QCOMPARE(re.match(bytesAsLatin1(path)).hasMatch(), matches);
}

QTEST_GUILESS_MAIN(TestIndicatorParser)
#include "tst_indicatorparser.moc"
